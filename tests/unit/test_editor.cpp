#include "core/atomic_file.hpp"
#include "routine/editor.hpp"
#include "routine/routine_parser.hpp"
#include "routine/routine_writer.hpp"
#include "store/history_db.hpp"
#include "store/user_files.hpp"

#include "helpers.hpp"
#include "temp_dir.hpp"

#include <doctest/doctest.h>

#include <random>

using namespace unknot;
using unknot::test::TempDir;

namespace {

Routine parsed(std::string_view text) {
    auto r = parseRoutine(text, "x");
    for (const auto& d : r.diagnostics) FAIL(d.format());
    return r.routine;
}

// Phase by phase: the same timeline.
void checkSameTimeline(const Timeline& a, const Timeline& b) {
    REQUIRE(a.size() == b.size());
    CHECK(a.totalMs == b.totalMs);
    for (std::size_t i = 0; i < a.size(); ++i) {
        CAPTURE(i);
        CHECK(a.phases[i].kind == b.phases[i].kind);
        CHECK(a.phases[i].label == b.phases[i].label);
        CHECK(a.phases[i].cue == b.phases[i].cue);
        CHECK(a.phases[i].side == b.phases[i].side);
        CHECK(a.phases[i].startMs == b.phases[i].startMs);
        CHECK(a.phases[i].durationMs == b.phases[i].durationMs);
        CHECK(a.phases[i].round == b.phases[i].round);
        CHECK(a.phases[i].block == b.phases[i].block);
    }
}

Step randomStep(std::mt19937& rng, int depth, bool sided) {
    std::uniform_int_distribution<int> pick(0, 99);
    Step s;
    const auto label = [&] {
        static const char* words[] = {"Press", "Relax \"deeply\"", "Caf\xC3\xA9 hold", "Roll, slowly", "", "Left\\right"};
        return std::string(words[pick(rng) % 6]);
    };
    s.label = label();
    if (pick(rng) < 40) s.cue = "Breathe out.\tSlowly";
    if (pick(rng) < 30) s.repeat = 1 + pick(rng) % 4;
    if (!sided && pick(rng) < 25) {
        s.sides = pick(rng) < 50 ? std::vector<Side>{Side::Left, Side::Right} : std::vector<Side>{Side::Right};
        s.switchMs = (pick(rng) % 3) * 2500;
        sided = true;
    }
    if (s.repeat > 1 && pick(rng) < 50) s.restBetweenMs = 1000 + pick(rng) * 100;
    if (depth < 3 && pick(rng) < 35) {
        const int n = 1 + pick(rng) % 3;
        for (int i = 0; i < n; ++i) s.children.push_back(randomStep(rng, depth + 1, sided));
    } else {
        const PhaseKind kinds[] = {PhaseKind::Prepare, PhaseKind::Tense, PhaseKind::Release, PhaseKind::Hold,
                                   PhaseKind::Roll,    PhaseKind::Rest,  PhaseKind::Manual};
        s.kind = kinds[pick(rng) % 7];
        s.durationMs = *s.kind == PhaseKind::Manual ? 0 : 1000 + pick(rng) * 1237;
    }
    return s;
}

} // namespace

TEST_CASE("writing and reading back gives the same timeline for every built-in routine") {
    for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(UNKNOT_SOURCE_DIR) / "routines")) {
        CAPTURE(entry.path().string());
        const auto original = loadRoutineFile(entry.path());
        REQUIRE(original.valid());
        const std::string written = formatRoutine(original.routine);
        const auto again = parseRoutine(written, "written");
        for (const auto& d : again.diagnostics) FAIL_CHECK(d.format());
        checkSameTimeline(expand(original.routine), expand(again.routine));
        CHECK(again.routine.notes == original.routine.notes);
        CHECK(again.routine.tags == original.routine.tags);
        CHECK_FALSE(original.routine.checkIn.empty()); // every built-in asks about an area
        CHECK(again.routine.checkIn == original.routine.checkIn);
        // Canonical: writing the read-back routine changes nothing.
        CHECK(formatRoutine(again.routine) == written);
    }
}

TEST_CASE("writing and reading back gives the same timeline for many generated routines") {
    std::mt19937 rng(20261125);
    for (int n = 0; n < 300; ++n) {
        CAPTURE(n);
        Routine r;
        r.name = "Generated \"" + std::to_string(n) + "\"";
        r.summary = "Line with 'quotes' and unicode \xE2\x80\x94 dash";
        r.notes = n % 2 ? "Two\nlines with \"\"\" inside" : "";
        r.tags = {"a,b", "c"};
        const int steps = 1 + n % 4;
        for (int i = 0; i < steps; ++i) r.steps.push_back(randomStep(rng, 0, false));
        if (countPhases(r) > kMaxPhases) continue;
        const auto written = writeRoutine(r);
        const auto again = parseRoutine(written.text, "generated");
        for (const auto& d : again.diagnostics) FAIL_CHECK(d.format() << "\n" << written.text);
        if (!again.valid()) continue;
        checkSameTimeline(expand(r), expand(again.routine));
        CHECK(again.routine.name == r.name);
        CHECK(again.routine.notes == r.notes);
        CHECK(formatRoutine(again.routine) == written.text);
    }
}

TEST_CASE("the writer lays a routine out like the built-in files") {
    const Routine r = makeQuickSet(QuickSet{});
    const std::string text = formatRoutine(r);
    CHECK(text == "name = \"My interval set\"\n"
                  "summary = \"5 \xC3\x97 tense 5 s / release 10 s, both sides\"\n"
                  "tags = [\"custom\"]\n"
                  "\n"
                  "[[step]]\n"
                  "kind = \"prepare\"\n"
                  "duration = \"10s\"\n"
                  "label = \"Get into position\"\n"
                  "\n"
                  "[[step]]\n"
                  "label = \"Set\"\n"
                  "repeat = 5\n"
                  "sides = [\"left\", \"right\"]\n"
                  "\n"
                  "  [[step.step]]\n"
                  "  kind = \"tense\"\n"
                  "  duration = \"5s\"\n"
                  "\n"
                  "  [[step.step]]\n"
                  "  kind = \"release\"\n"
                  "  duration = \"10s\"\n");
    CHECK(expand(r).totalMs == 10'000 + 2 * 5 * 15'000 + 5'000); // prepare, two sides of 5 pairs, a switch
}

TEST_CASE("quick sets: one kind / rests / one side / no prepare") {
    QuickSet q;
    q.second.reset();
    q.first = PhaseKind::Hold;
    q.firstMs = 30'000;
    q.repeats = 3;
    q.sides = {Side::Right};
    q.restBetweenMs = 10'000;
    q.prepare = false;
    const Timeline t = expand(makeQuickSet(q));
    REQUIRE(t.size() == 5);
    CHECK(t.totalMs == 3 * 30'000 + 2 * 10'000);
    CHECK(t.phases[0].side == Side::Right);
    CHECK(t.phases[1].kind == PhaseKind::Rest);
}

TEST_CASE("moving out of a block: top-level and missing steps stay, nested ones follow their block") {
    Editor e(parsed("name = \"x\"\n[[step]]\nkind = \"prepare\"\nduration = 10\n"));
    CHECK(e.moveOut({0}) == StepPath{0}); // already at the top
    CHECK(e.moveOut({}) == StepPath{});
    CHECK(e.moveOut({0, 0}) == StepPath{0, 0}); // a phase has no children
    CHECK_FALSE(e.canUndo());
    const StepPath outer = e.addBlock({});
    const StepPath inner = e.addBlock(outer);
    REQUIRE(inner == StepPath{1, 2});
    CHECK(e.moveOut({1, 2, 7}) == StepPath{1, 2, 7}); // no such step
    const std::size_t innerPhases = e.at(inner)->children.size();
    const StepPath moved = e.moveOut({1, 2, 0});
    CHECK(moved == StepPath{1, 3});
    CHECK(e.at(moved)->isPhase());
    CHECK(e.at(inner)->children.size() == innerPhases - 1);
    CHECK(e.at(outer)->children.size() == 4);
}

TEST_CASE("editor operations change the routine and undo / redo restore it") {
    Editor e(parsed("name = \"x\"\n[[step]]\nkind = \"prepare\"\nduration = 10\n"));
    CHECK_FALSE(e.dirty());
    CHECK(e.totalMs() == 10'000);
    const StepPath block = e.addBlock({});
    CHECK(block == StepPath{1});
    CHECK(e.dirty());
    CHECK(e.phaseCount() == 1 + 3 * 2);
    CHECK(e.totalMs() == 10'000 + 3 * 15'000);

    const StepPath hold = e.addPhase(block, PhaseKind::Hold, 20'000);
    CHECK(hold == StepPath{1, 2});
    CHECK(e.totalMs() == 10'000 + 3 * 35'000);

    Step edited = *e.at(block);
    edited.repeat = 2;
    edited.sides = {Side::Left, Side::Right};
    edited.switchMs = 8'000;
    e.setStep(block, edited);
    CHECK(e.totalMs() == 10'000 + 2 * 2 * 35'000 + 8'000);

    StepPath moved = e.moveUp(hold);
    CHECK(moved == StepPath{1, 1});
    CHECK(e.at(moved)->kind == PhaseKind::Hold);
    moved = e.moveOut(moved);
    CHECK(moved == StepPath{2});
    CHECK(e.at({1})->children.size() == 2);
    moved = e.moveInto(moved);
    CHECK(moved == StepPath{1, 2});
    const StepPath copy = e.duplicate({0});
    CHECK(copy == StepPath{1});
    CHECK(e.routine().steps.size() == 3);
    e.remove(copy);
    CHECK(e.routine().steps.size() == 2);
    CHECK(e.moveDown({0}) == StepPath{1});
    CHECK(e.routine().steps[1].kind == PhaseKind::Prepare);

    const std::string before = e.text();
    e.setName("Renamed");
    CHECK(e.routine().name == "Renamed");
    REQUIRE(e.undo());
    CHECK(e.text() == before);
    REQUIRE(e.redo());
    CHECK(e.routine().name == "Renamed");
    int undone = 0;
    while (e.undo()) ++undone;
    CHECK(undone == 10);
    CHECK_FALSE(e.dirty()); // back to what was saved
    CHECK(e.canRedo());
    e.setNotes("new branch");
    CHECK_FALSE(e.canRedo());
}

TEST_CASE("keystrokes in one field make one undo step") {
    Editor e(makeQuickSet(QuickSet{}));
    for (const char* name : {"C", "Ca", "Cal", "Calf"}) e.setName(name, "name");
    e.setSummary("s", "summary");
    CHECK(e.routine().name == "Calf");
    REQUIRE(e.undo());
    CHECK(e.routine().summary != "s");
    CHECK(e.routine().name == "Calf");
    REQUIRE(e.undo());
    CHECK(e.routine().name == "My interval set");
    CHECK_FALSE(e.canUndo());
    // After an undo, typing in the same field again starts a new step.
    e.setName("X", "name");
    e.setName("XY", "name");
    REQUIRE(e.undo());
    CHECK(e.routine().name == "My interval set");
}

TEST_CASE("editor: moving a step by drag and drop, never into itself") {
    Editor e(parsed("name = \"x\"\n[[step]]\nkind = \"prepare\"\nduration = 10\n"
                    "[[step]]\nlabel = \"B\"\n[[step.step]]\nkind = \"tense\"\nduration = 5\n"
                    "[[step.step]]\nkind = \"release\"\nduration = 5\n[[step]]\nkind = \"rest\"\nduration = 5\n"));
    // The rest before the first step of the block.
    StepPath p = e.moveTo({2}, {1, 0});
    CHECK(p == StepPath{1, 0});
    CHECK(e.at({1, 0})->kind == PhaseKind::Rest);
    CHECK(e.routine().steps.size() == 2);
    // The prepare into the block's end.
    p = e.moveTo({0}, {1, 3});
    CHECK(p == StepPath{0, 3});
    CHECK(e.routine().steps.size() == 1);
    CHECK(e.at({0, 3})->kind == PhaseKind::Prepare);
    // A block cannot go inside itself; a phase cannot hold steps.
    CHECK(e.moveTo({0}, {0, 1}) == StepPath{0});
    CHECK(e.moveTo({0, 1}, {0, 2, 0}) == StepPath{0, 1});
    // Out to the top, before the block.
    p = e.moveTo({0, 3}, {0});
    CHECK(p == StepPath{0});
    CHECK(e.at({0})->kind == PhaseKind::Prepare);
    CHECK(e.at({1})->children.size() == 3);
}

TEST_CASE("editor validation points at the step at fault and says when it cannot play") {
    Editor e(makeQuickSet(QuickSet{}), false);
    CHECK(e.dirty()); // a new routine is unsaved
    CHECK(e.canPlay());
    Step tense = *e.at({1, 0});
    tense.durationMs = 500; // too short
    e.setStep({1, 0}, tense);
    CHECK_FALSE(e.canPlay());
    REQUIRE(e.problemsAt({1, 0}).size() == 1);
    CHECK(e.problemsAt({1, 0})[0].find("from 1s to 4h") != std::string::npos);
    CHECK(e.problemsAt({1}).empty());
    CHECK(e.problemsAt({}).empty());
    e.setName("");
    REQUIRE(e.problemsAt({}).size() == 1);
    CHECK(e.problemsAt({}).front().find("`name` is empty") != std::string::npos);
    Step block = *e.at({1});
    block.repeat = 100;
    Step inner = block;
    inner.repeat = 100;
    inner.children = block.children;
    block.children = {inner};
    e.setStep({1}, block);
    CHECK(e.problemsAt({}).size() >= 1); // over 10,000 phases
}

TEST_CASE("ids from names") {
    CHECK(idFromName("Calf release, left!") == "calf-release-left");
    CHECK(idFromName("  --  ") == "routine");
    CHECK(idFromName("Caf\xC3\xA9 time") == "caf-time");
}

TEST_CASE("saving picks a free file name and writes canonical TOML atomically") {
    TempDir tmp;
    const Routine r = makeQuickSet(QuickSet{});
    const auto first = freeRoutinePath(tmp.path, "my-interval-set");
    CHECK(first.filename() == "my-interval-set.toml");
    REQUIRE_FALSE(saveRoutine(first, r));
    CHECK(freeRoutinePath(tmp.path, "my-interval-set").filename() == "my-interval-set-2.toml");
    const auto loaded = loadRoutineFile(first);
    REQUIRE(loaded.valid());
    CHECK(formatRoutine(loaded.routine) == formatRoutine(r));
}

TEST_CASE("deleting goes to the trash and can be undone") {
    TempDir tmp;
    tmp.write("routines/mine.toml", "name = \"Mine\"\n[[step]]\nkind = \"hold\"\nduration = 5\n");
    const auto file = tmp.path / "routines" / "mine.toml";
    auto trashed = moveToTrash(file, tmp.path / "trash", 1'800'000'000);
    REQUIRE(std::holds_alternative<TrashedFile>(trashed));
    CHECK_FALSE(std::filesystem::exists(file));
    CHECK(std::filesystem::exists(std::get<TrashedFile>(trashed).inTrash));
    CHECK(std::get<TrashedFile>(trashed).inTrash.filename() == "mine-1800000000.toml"); // the time given, not read
    REQUIRE_FALSE(restoreFromTrash(std::get<TrashedFile>(trashed)));
    CHECK(std::filesystem::exists(file));
    // Restoring never replaces a file that took the name meanwhile.
    auto again = std::get<TrashedFile>(moveToTrash(file, tmp.path / "trash", 1'800'000'000));
    tmp.write("routines/mine.toml", "name = \"Other\"\n[[step]]\nkind = \"hold\"\nduration = 5\n");
    CHECK(restoreFromTrash(again));
    CHECK(readFile(file)->find("Other") != std::string::npos);
}

TEST_CASE("history: appended lines read back, with weeks and streaks") {
    TempDir tmp;
    const auto file = tmp.path / "history.csv";
    const std::int64_t day = 86400;
    const std::int64_t now = 1'795'000'000; // a Wednesday afternoon, 2026
    HistoryRecord a{now - 2 * day, "calf", "Calf, \"rope\"", 415'000, 415'000, true};
    HistoryRecord b{now - day, "glute", "Glute", 535'000, 120'000, false};
    b.skippedPhases = 12;
    HistoryRecord c{now, "glute", "Glute", 535'000, 535'000, true};
    for (const auto& r : {a, b, c}) REQUIRE_FALSE(appendHistory(file, r));
    const std::string text = *readFile(file);
    CHECK(text.rfind("started,routine_id,routine_name,planned_s,done_s,completed,skipped_phases\n", 0) == 0);
    CHECK(text.find("\"Calf, \"\"rope\"\"\"") != std::string::npos);
    const HistoryCsv read = parseHistoryCsv(text, file.string());
    CHECK(read.problems.empty());
    const auto& records = read.sessions;
    REQUIRE(records.size() == 3);
    CHECK(records[0].routineName == "Calf, \"rope\"");
    CHECK(records[0].startedAt == a.startedAt);
    CHECK(records[1].doneMs == 120'000);
    CHECK_FALSE(records[1].completed);
    CHECK(records[1].skippedPhases == 12);
    CHECK(records[0].skippedPhases == 0);
    CHECK(streakDays(records, now) == 3);
    CHECK(streakDays(records, now + day) == 3);  // today has nothing yet
    CHECK(streakDays(records, now + 2 * day) == 0);
    const auto weeks = minutesPerWeek(records, now, 4);
    REQUIRE(weeks.size() == 4);
    double total = 0;
    for (double w : weeks) total += w;
    CHECK(total == doctest::Approx((415 + 120 + 535) / 60.0));
    CHECK(weeks.back() > 0);
    CHECK(minutesPerWeek(records, now + 30 * day, 4) == std::vector<double>(4, 0.0));
    // Damaged lines are passed over, each named with its line.
    const HistoryCsv damaged = parseHistoryCsv("garbage\n2026-01-01T10:00:00+0000,x,y,10,10,yes\nnot,a,date,1,1,yes\n");
    CHECK(damaged.sessions.size() == 1);
    REQUIRE(damaged.problems.size() == 2);
    CHECK(damaged.problems[0].rfind("history.csv:1: error:", 0) == 0);
    CHECK(damaged.problems[1].rfind("history.csv:3: error:", 0) == 0);
}

TEST_CASE("a routine's content id follows what it does, not how its file is laid out") {
    const auto a = parseRoutine("name = \"A\"\n[[step]]\nkind = \"hold\"\nduration = \"30s\"\n", "a");
    const auto spaced = parseRoutine("# mine\nname = \"A\"\n\n[[step]]\nkind = \"hold\"\nduration = 30\n", "b");
    const auto longer = parseRoutine("name = \"A\"\n[[step]]\nkind = \"hold\"\nduration = \"31s\"\n", "c");
    REQUIRE(a.valid());
    CHECK(contentIdOf(a.routine).size() == 16);
    CHECK(contentIdOf(a.routine) == contentIdOf(spaced.routine));
    CHECK(contentIdOf(a.routine) != contentIdOf(longer.routine));
}

TEST_CASE("history: files written before skipped phases were counted still read") {
    const auto old = parseHistoryCsv("started,routine_id,routine_name,planned_s,done_s,completed\n"
                                     "2026-01-01T10:00:00+0000,calf,Calf,415,415,yes\n"
                                     "2026-01-02T10:00:00+0000,calf,Calf,415,3,no\n");
    CHECK(old.problems.empty());
    REQUIRE(old.sessions.size() == 2);
    CHECK(old.sessions[0].completed);
    CHECK(old.sessions[0].skippedPhases == 0);
    CHECK(old.sessions[1].doneMs == 3000);
    // The column the header names, wherever it is; a count that is not one is a problem.
    const auto newer = parseHistoryCsv("started,routine_id,routine_name,planned_s,done_s,completed,skipped_phases\n"
                                       "2026-01-02T10:00:00+0000,calf,Calf,415,3,no,19\n"
                                       "2026-01-03T10:00:00+0000,calf,Calf,415,3,no,many\n");
    REQUIRE(newer.sessions.size() == 1);
    CHECK(newer.sessions[0].skippedPhases == 19);
    REQUIRE(newer.problems.size() == 1);
    CHECK(newer.problems[0].find(":3: error: skipped phases 'many'") != std::string::npos);
}

TEST_CASE("check_in and say on phases and blocks survive writing and reading back") {
    const Routine r =
        parsed("name = \"Heel\"\ncheck_in = [\"heel\", \"lower back\"]\n"
               "[[step]]\nlabel = \"Calf\"\nrepeat = 2\nsay = \"Round {round} of {rounds}, {label}\"\n"
               "[[step.step]]\nkind = \"hold\"\nduration = \"30s\"\nsay = \"{side} {duration}, then {next}\"\n");
    CHECK(r.checkIn == std::vector<std::string>{"heel", "lower back"});
    REQUIRE(r.steps.size() == 1);
    CHECK(r.steps[0].isBlock());
    CHECK(r.steps[0].say == "Round {round} of {rounds}, {label}"); // a block's say is kept
    CHECK(r.steps[0].children[0].say == "{side} {duration}, then {next}");
    const std::string text = formatRoutine(r);
    CHECK(text.find("check_in = [\"heel\", \"lower back\"]\n") != std::string::npos);
    CHECK(text.find("\nsay = \"Round {round} of {rounds}, {label}\"\n") != std::string::npos);
    const Routine again = parsed(text);
    CHECK(again.checkIn == r.checkIn);
    CHECK(again.steps[0].say == r.steps[0].say);
    CHECK(again.steps[0].children[0].say == r.steps[0].children[0].say);
    CHECK(formatRoutine(again) == text);
}

TEST_CASE("editor: check-in areas are edited, undone, and checked by the parser's rule at their field") {
    Editor e(makeQuickSet(QuickSet{}));
    e.setCheckIn({"heel", "knee"}, "check_in");
    CHECK(e.routine().checkIn == std::vector<std::string>{"heel", "knee"});
    CHECK(e.canPlay());
    CHECK(e.text().find("check_in = [\"heel\", \"knee\"]") != std::string::npos);
    e.setCheckIn({"heel", "knee!"}, "check_in"); // keystrokes in one field: one undo step
    CHECK_FALSE(e.canPlay());
    REQUIRE(e.problemsAt({}, "check_in").size() == 1);
    CHECK(e.problemsAt({}, "check_in")[0].find("`check_in`:") == 0);
    CHECK(e.problemsAt({}, "name").empty());
    CHECK(e.problemsBesides({}, {"check_in"}).empty()); // shown at its field, not again on top
    CHECK(e.problemsBesides({}, {"name"}).size() == 1);
    e.setCheckIn({"heel", "heel"});
    REQUIRE(e.problemsAt({}, "check_in").size() == 1);
    CHECK(e.problemsAt({}, "check_in")[0].find("twice") != std::string::npos);
    REQUIRE(e.undo());
    REQUIRE(e.undo());
    CHECK(e.routine().checkIn.empty());
    CHECK_FALSE(e.dirty());
    // The quick set asks too when told which areas.
    QuickSet q;
    q.checkIn = {"heel"};
    CHECK(makeQuickSet(q).checkIn == std::vector<std::string>{"heel"});
}

TEST_CASE("editor: a say with an unknown placeholder is an error at its field, on a phase or a block") {
    Editor e(makeQuickSet(QuickSet{}));
    Step block = *e.at({1});
    block.say = "Round {round}, {lable}";
    e.setStep({1}, block, "1.say");
    CHECK_FALSE(e.canPlay()); // one function decides: the parser's
    REQUIRE(e.problemsAt({1}, "say").size() == 1);
    CHECK(e.problemsAt({1}, "say")[0].find("{lable}") != std::string::npos);
    CHECK(e.problemsAt({1}, "label").empty());
    CHECK(e.problemsAt({1, 0}, "say").empty());
    CHECK(e.problemsBesides({1}, {"label", "say"}).empty());
    CHECK(e.routine().steps[1].say == "Round {round}, {lable}"); // kept as typed, to be fixed
    block.say = "Round {round}, {label}";
    e.setStep({1}, block, "1.say");
    CHECK(e.canPlay());
    Step hold = *e.at({1, 0});
    hold.say = "{side";
    e.setStep({1, 0}, hold);
    REQUIRE(e.problemsAt({1, 0}, "say").size() == 1);
    CHECK(e.problemsAt({1}, "say").empty());
    hold.say = "{side}, {duration}";
    e.setStep({1, 0}, hold);
    CHECK(e.canPlay());
    const Routine back = parsed(e.text());
    CHECK(back.steps[1].say == "Round {round}, {label}");
    CHECK(back.steps[1].children[0].say == "{side}, {duration}");
}

TEST_CASE("editor: problems of a step after multi-line notes still point at that step") {
    Routine r = makeQuickSet(QuickSet{});
    r.notes = "Line one\nline two\nline three";
    Editor e(r);
    Step tense = *e.at({1, 0});
    tense.durationMs = 500;
    e.setStep({1, 0}, tense);
    REQUIRE(e.problemsAt({1, 0}).size() == 1);
    REQUIRE(e.problemsAt({1, 0}, "duration").size() == 1);
    CHECK(e.problemsAt({}).empty());
}

TEST_CASE("choosing a step by keys walks the tree as drawn and stays at its ends") {
    Editor e(parsed("name = \"x\"\n[[step]]\nkind = \"prepare\"\nduration = 10\n"));
    const StepPath block = e.addBlock({}); // {1}, holding {1, 0} and {1, 1}
    e.addPhase({}, PhaseKind::Rest);       // {2}
    StepPath at;                           // the routine's own fields
    std::vector<StepPath> down;
    for (int i = 0; i < 6; ++i) down.push_back(at = e.stepBeside(at, +1));
    CHECK(down == std::vector<StepPath>{{0}, block, {1, 0}, {1, 1}, {2}, {2}});
    std::vector<StepPath> up;
    for (int i = 0; i < 6; ++i) up.push_back(at = e.stepBeside(at, -1));
    CHECK(up == std::vector<StepPath>{{1, 1}, {1, 0}, block, {0}, {}, {}});
    CHECK(e.stepBeside({7, 3}, +1) == StepPath{0}); // gone: from the top
    CHECK(e.stepBeside({1, 0}, 0) == StepPath{1, 0});
    CHECK(formatStepPath({1, 0}) == "1.0");
    CHECK(formatStepPath({}) == "-");
}
