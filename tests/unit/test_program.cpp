// Programs: the file format and its diagnostics, sources in routines, what is due on a day,
// the rules engine over 12 weeks of check-ins, and the decisions kept in the database.
#include "program/program_parser.hpp"
#include "program/program_store.hpp"
#include "program/rules.hpp"
#include "program/schedule.hpp"
#include "program/today.hpp"
#include "routine/routine_parser.hpp"
#include "routine/routine_writer.hpp"
#include "routine/sources.hpp"

#include "temp_dir.hpp"

#include <SQLiteCpp/Database.h>

#include <doctest/doctest.h>

#include <algorithm>

using namespace unknot;
using unknot::test::TempDir;

namespace {

const std::filesystem::path kSource = UNKNOT_SOURCE_DIR;

Program builtIn(const std::string& id) {
    const auto parsed = loadProgramFile(kSource / "programs" / (id + ".toml"));
    for (const auto& d : parsed.diagnostics) FAIL_CHECK(d.format());
    REQUIRE(parsed.valid());
    return parsed.program;
}

// 2026-11-02, a Monday.
const Day kStart = *parseDay("2026-11-02");

// Twelve weeks of check-ins: three a week (Monday, Wednesday, Friday) of the week's score,
// per side; -1 is a week without check-ins.
std::vector<DayScore> weeks(const std::vector<int>& left, const std::vector<int>& right = {}) {
    std::vector<DayScore> out;
    for (std::size_t w = 0; w < left.size(); ++w)
        for (Day d : {0, 2, 4}) {
            const Day day = kStart + 7 * static_cast<Day>(w) + d;
            if (left[w] >= 0) out.push_back(DayScore{day, "heel", Side::Left, left[w]});
            if (w < right.size() && right[w] >= 0) out.push_back(DayScore{day, "heel", Side::Right, right[w]});
        }
    return out;
}

std::vector<Decision> follow(const Program& p, const std::vector<DayScore>& scores, int weeksGone) {
    return pendingDecisions(p, kStart, {}, scores, kStart + 7 * weeksGone);
}

std::string actions(const std::vector<Decision>& ds) {
    std::string out;
    for (const auto& d : ds) out += std::string(out.empty() ? "" : " ") + std::string(actionName(d.action));
    return out;
}

const char* const kGood = R"(name = "Heel"
areas = ["heel"]
sources = [ { title = "T", authors = "A B, C D", year = 2015, doi = "10.1/x", supports = "s" } ]

[[stage]]
name = "One"
weeks = 2
advance = { after_weeks = 1, when = "better" }
step_back = { rise = 1.5 }
review = { after_weeks = 2 }

  [[stage.routine]]
  id = "a"
  when = "daily"

  [[stage.routine]]
  id = "b"
  days = ["mon", "thu"]

  [[stage.routine]]
  id = "c"
  every_days = 3

  [[stage.routine]]
  id = "d"
  when = "after_run"
)";

} // namespace

TEST_CASE("a program file reads into stages, routines, rules and sources") {
    const auto parsed = parseProgram(kGood, "p.toml");
    for (const auto& d : parsed.diagnostics) FAIL_CHECK(d.format());
    const Program& p = parsed.program;
    CHECK(p.name == "Heel");
    CHECK(p.areas == std::vector<std::string>{"heel"});
    REQUIRE(p.sources.size() == 1);
    CHECK(p.sources[0].doi == "10.1/x");
    CHECK(citeShort(p.sources[0]) == "A et al. 2015, doi:10.1/x");
    REQUIRE(p.stages.size() == 1);
    const Stage& s = p.stages[0];
    CHECK(s.weeks == 2);
    CHECK(s.advance.afterWeeks == 1);
    CHECK(s.advance.when == AdvanceWhen::Better);
    CHECK(s.stepBack.rise == doctest::Approx(1.5));
    CHECK(s.review.afterWeeks == 2);
    REQUIRE(s.routines.size() == 4);
    CHECK(s.routines[1].due == DueKind::Weekdays);
    CHECK(s.routines[1].weekdays == std::array<bool, 7>{true, false, false, true, false, false, false});
    CHECK(s.routines[2].everyDays == 3);
    CHECK(s.routines[3].due == DueKind::AfterRun);
    CHECK(looksLikeProgram(kGood));
    CHECK_FALSE(looksLikeProgram("name = \"r\"\n[[step]]\nkind = \"hold\"\nduration = 5\n"));
}

TEST_CASE("a program file's mistakes are each reported at their line and column") {
    const std::vector<std::string> known = {"glute-release-ball", "heel-raises-12x3"};
    const char* text = R"(name = "Bad"
aeras = ["heel"]
sources = [ { title = "T", year = 15, doi = "doi.org/10.1", supports = "s" } ]

[[stage]]
weeks = 0
advance = { after_weeks = 3, when = "sometimes" }
step_back = { rise = 20 }

  [[stage.routine]]
  id = "heel-raises-12x4"
  when = "dayly"

  [[stage.routine]]
  id = "glute-release-ball"
  every_days = 2
  days = ["mon", "funday"]

  [[stage.routine]]
  id = "glute-release-ball"
)";
    const auto parsed = parseProgram(text, "bad.toml", &known);
    std::vector<std::string> lines;
    for (const auto& d : parsed.diagnostics) lines.push_back(d.format());
    const auto has = [&](const std::string& start, const std::string& words) {
        const bool found = std::any_of(lines.begin(), lines.end(), [&](const std::string& l) {
            return l.starts_with(start) && l.find(words) != std::string::npos;
        });
        if (!found) {
            std::string all;
            for (const auto& l : lines) all += l + "\n";
            FAIL_CHECK(start << " … " << words << " not in:\n" << all);
        }
    };
    has("bad.toml:2:1: error: ", "unknown key `aeras` in a program; did you mean `areas`?");
    has("bad.toml:3:13: error: ", "this source has no `authors`");
    has("bad.toml:3:35: error: ", "`year` is a year like 2015");
    has("bad.toml:3:45: error: ", "a DOI starts with \"10.\"");
    has("bad.toml:6:9: error: ", "`weeks` is a whole number from 1 to 52");
    has("bad.toml:7:27: error: ", "`after_weeks` is 3, longer than the stage's 1 week");
    has("bad.toml:7:37: error: ", "`when` of `advance` is \"not_worse\", \"better\" or \"always\"");
    has("bad.toml:8:22: error: ", "`rise` is a number of points");
    has("bad.toml:11:8: error: ", "no routine 'heel-raises-12x4'; did you mean 'heel-raises-12x3'?");
    has("bad.toml:12:10: error: ", "unknown `when` \"dayly\"; did you mean \"daily\"?");
    // toml++ gives a table's keys sorted: `every_days` comes second.
    has("bad.toml:16:3: error: ", "give one of `when`, `days` and `every_days`, not two");
    has("bad.toml:17:18: error: ", "a day is");
    has("bad.toml:19:3: error: ", "say when this routine is due");
    // Sorted by position, as a compiler lists them.
    CHECK(std::is_sorted(parsed.diagnostics.begin(), parsed.diagnostics.end(),
                         [](const Diagnostic& a, const Diagnostic& b) {
                             return a.line != b.line ? a.line < b.line : a.column < b.column;
                         }));
    CHECK(parseProgram("name = \"x\"\n", "e.toml").diagnostics.front().format() ==
          "e.toml:1:1: error: the program has no stages: add at least one [[stage]] with routines");
    CHECK(
        parseProgram("name = \n", "s.toml").diagnostics.front().format().starts_with("s.toml:1:8: error: TOML syntax"));
}

TEST_CASE("every built-in program and routine reads, and names its sources") {
    Library library;
    library.scan(LibraryFolders{kSource / "routines", {}, {}});
    const auto ids = routineIds(library);
    int programs = 0;
    for (const auto& file : std::filesystem::directory_iterator(kSource / "programs")) {
        const auto parsed = loadProgramFile(file.path(), &ids);
        for (const auto& d : parsed.diagnostics) FAIL_CHECK(d.format());
        CHECK_FALSE(parsed.program.sources.empty());
        ++programs;
    }
    CHECK(programs >= 3);
    for (const auto& e : library.entries()) {
        CHECK_MESSAGE(e.valid(), e.id);
        CHECK_MESSAGE(!e.routine().sources.empty(), e.id << " cites no source");
    }
}

TEST_CASE("sources in a routine survive writing and reading back") {
    const auto parsed = loadRoutineFile(kSource / "routines" / "heel-raises-12x3.toml");
    REQUIRE(parsed.valid());
    REQUIRE(parsed.routine.sources.size() == 1);
    CHECK(parsed.routine.sources[0].doi == "10.1111/sms.12313");
    CHECK(parsed.routine.sources[0].authors.find("M\xC3\xB8lgaard") != std::string::npos);
    const std::string written = formatRoutine(parsed.routine);
    const auto again = parseRoutine(written, "again.toml");
    for (const auto& d : again.diagnostics) FAIL_CHECK(d.format());
    CHECK(again.routine.sources == parsed.routine.sources);
    CHECK(formatRoutine(again.routine) == written);
    // A url instead of a doi; neither is a mistake at the source's brace.
    Routine r = parsed.routine;
    r.sources[0].doi.clear();
    r.sources[0].url = "https://example.org/paper";
    CHECK(parseRoutine(formatRoutine(r), "u.toml").routine.sources == r.sources);
    const auto neither = parseRoutine("name = \"n\"\nsources = [ { title = \"t\", authors = \"a\", year = 2000, "
                                      "supports = \"s\" } ]\n[[step]]\nkind = \"hold\"\nduration = 5\n",
                                      "n.toml");
    REQUIRE(neither.diagnostics.size() == 1);
    CHECK(neither.diagnostics[0].format() ==
          "n.toml:2:13: error: this source has neither `doi` nor `url`: give one so a reader can find it");
}

TEST_CASE("what a stage asks for on a day") {
    const Program p = parseProgram(kGood, "p.toml").program;
    const Stage& s = p.stages[0];
    const auto ids = [](const std::vector<DueRoutine>& due) {
        std::string out;
        for (const auto& d : due) out += d.id + (d.done ? "+" : "");
        return out;
    };
    CHECK(weekdayOf(kStart) == 0);
    CHECK(ids(dueOn(s, kStart, kStart, {})) == "abc");                    // Monday, the first day
    CHECK(ids(dueOn(s, kStart, kStart + 1, {})) == "a");                  // Tuesday
    CHECK(ids(dueOn(s, kStart, kStart + 3, {})) == "abc");                // Thursday, day 3
    CHECK(ids(dueOn(s, kStart, kStart + 1, DayFacts{true, {}})) == "ad"); // a run
    const auto due = dueOn(s, kStart, kStart, DayFacts{false, {"a", "zz"}});
    CHECK(ids(due) == "a+bc");
    REQUIRE(nextDue(due));
    CHECK(nextDue(due)->id == "b");
    CHECK(nextDue(dueOn(s, kStart, kStart + 1, DayFacts{false, {"a"}})) == nullptr);
    CHECK(formatDay(kStart) == "2026-11-02");
    CHECK_FALSE(parseDay("2026-02-30"));
    CHECK_FALSE(parseDay("2026-2-03"));
}

TEST_CASE("on the day it starts, the first built-in program asks for something, whatever the weekday") {
    for (const char* id : {"marathon-block", "plantar-fasciitis-12-weeks", "runners-knee-6-weeks"}) {
        const Program p = builtIn(id);
        for (Day start = kStart; start < kStart + 7; ++start)
            CHECK_MESSAGE(nextDue(dueOn(p.stages[0], start, start, {})) != nullptr,
                          id << " on weekday " << weekdayOf(start));
    }
}

TEST_CASE("12 weeks of a heel that gets better: the plantar fasciitis program advances through its stages") {
    const Program p = builtIn("plantar-fasciitis-12-weeks");
    const auto scores = weeks({6, 5, 5, 4, 4, 3, 3, 3, 2, 2, 2, 1}, {3, 3, 3, 2, 2, 2, 2, 1, 1, 1, 1, 0});
    const auto ds = follow(p, scores, 12);
    CHECK(actions(ds) == "stay advance stay advance stay stay stay stay stay stay stay advance");
    REQUIRE(ds.size() == 12);
    CHECK(ds[0].text() == "week 1 of 2 at stage 1 of 3 done: staying");
    CHECK(ds[1].text() == "your left heel was 1 point better this week: on to stage 2 of 3");
    CHECK(ds[3].stageAfter == 2);
    CHECK(ds[11].text() == "your left heel was 1 point better this week: the program is complete");
    const ProgramPlace place = placeOf(p, kStart, ds, kStart + 7 * 12);
    CHECK(place.complete(p));
    // Week 6, in the middle of stage 3: week 2 of it.
    const ProgramPlace mid = placeOf(p, kStart, {ds.begin(), ds.begin() + 5}, kStart + 7 * 5 + 3);
    CHECK(mid.stage == 2);
    CHECK(mid.stageStartWeek == 5);
    CHECK(mid.weekInStage == 2);
    CHECK(mid.programWeek == 6);
}

TEST_CASE("a side 2 points worse steps back a stage, and at the first stage stays") {
    const Program p = builtIn("plantar-fasciitis-12-weeks");
    const auto ds = follow(p, weeks({6, 5, 5, 4, 7, 6, 5, 4, 4, 3, 3, 3}, {2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2}), 12);
    CHECK(actions(ds) == "stay advance stay advance step_back stay advance stay stay stay stay stay");
    CHECK(ds[4].text() == "your left heel was 3 points worse this week (4.0 → 7.0): back to stage 2 of 3");
    CHECK(ds[4].stageAfter == 1);
    CHECK(ds[5].text() == "week 1 of 2 at stage 2 of 3 done: staying");
    CHECK(ds[6].stageAfter == 2);

    const auto first = follow(p, weeks({4, 6, 5}), 3);
    CHECK(actions(first) == "stay stay advance");
    CHECK(first[1].text() == "your left heel was 2 points worse this week (4.0 → 6.0): staying at stage 1 of 3");
}

TEST_CASE("worse by less than the step back: stay, and no check-ins: stay and say so") {
    const Program p = builtIn("plantar-fasciitis-12-weeks");
    const auto ds = follow(p, weeks({5, 6, 6, -1, 5}), 5);
    CHECK(actions(ds) == "stay stay advance stay advance");
    CHECK(ds[1].text() == "your left heel was 1 point worse this week: staying at stage 1 of 3");
    CHECK(ds[3].text() == "week 1 of 2 at stage 2 of 3 done: staying");
    // Nothing the week before to compare with: not worse.
    CHECK(ds[4].text() == "no side was worse this week: on to stage 3 of 3");
    const auto silent = follow(p, weeks({5, -1}), 2);
    CHECK(silent[1].text() == "no check-ins this week: staying at stage 1 of 3 (check in to move on)");
}

TEST_CASE("after a check-in, a side much worse this week so far steps back at once") {
    const Program p = builtIn("plantar-fasciitis-12-weeks");
    auto scores = weeks({6, 5, 5, 4});
    const auto made = follow(p, scores, 4);
    REQUIRE(actions(made) == "stay advance stay advance"); // stage 3 from week 5
    const Day monday = kStart + 28, wednesday = kStart + 30;
    scores.push_back(DayScore{monday, "heel", Side::Left, 7});
    // One bad morning is not enough.
    CHECK_FALSE(decideAfterCheckIn(p, kStart, made, scores, monday));
    scores.push_back(DayScore{wednesday, "heel", Side::Left, 7});
    const auto early = decideAfterCheckIn(p, kStart, made, scores, wednesday);
    REQUIRE(early);
    CHECK(early->early);
    CHECK(early->week == 5);
    CHECK(early->action == RuleAction::StepBack);
    CHECK(early->text() == "your left heel is 3 points worse this week so far (4.0 → 7.0): back to stage 2 of 3 now");
    auto all = made;
    all.push_back(*early);
    const ProgramPlace place = placeOf(p, kStart, all, wednesday);
    CHECK(place.stage == 1);
    CHECK(place.weekInStage == 1); // this week is the first of the stage it went back to
    CHECK_FALSE(decideAfterCheckIn(p, kStart, all, scores, wednesday + 1)); // decided this week already
    // The week ends: the next decision is the week after's.
    const auto next = pendingDecisions(p, kStart, all, scores, kStart + 42);
    REQUIRE(next.size() == 1);
    CHECK(next[0].week == 6);
    // Within the step back's rise: nothing early.
    auto mild = weeks({6, 5, 5, 4});
    mild.push_back(DayScore{monday, "heel", Side::Left, 5});
    mild.push_back(DayScore{wednesday, "heel", Side::Left, 5});
    CHECK_FALSE(decideAfterCheckIn(p, kStart, made, mild, wednesday));
}

TEST_CASE("no improvement by the review week: the advice to see someone, once") {
    const Program p = builtIn("plantar-fasciitis-12-weeks");
    const auto ds = follow(p, weeks({5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5}), 12);
    CHECK(actions(ds) == "stay advance stay advance stay stay stay review stay stay stay advance");
    CHECK(ds[7].text() == "after 4 weeks at stage 3 of 3 no side is better (left heel 5.0 → 5.0): have it seen by a "
                          "physiotherapist or doctor (see the program's notes)");
    CHECK(std::count_if(ds.begin(), ds.end(), [](const Decision& d) { return d.action == RuleAction::Review; }) == 1);
    // Better by the review week: no review.
    CHECK(actions(follow(p, weeks({5, 5, 5, 5, 5, 5, 4, 3, 3, 3, 3, 3}), 8)).find("review") == std::string::npos);
}

TEST_CASE("decisions already made are kept, and only the weeks since are decided") {
    const Program p = builtIn("plantar-fasciitis-12-weeks");
    const auto scores = weeks({6, 5, 5, 4, 4, 3});
    const auto firstThree = follow(p, scores, 3);
    REQUIRE(firstThree.size() == 3);
    const auto rest = pendingDecisions(p, kStart, firstThree, scores, kStart + 7 * 6 + 2);
    REQUIRE(rest.size() == 3);
    CHECK(rest[0].week == 4);
    const auto all = follow(p, scores, 6);
    CHECK(actions(rest) == actions({all.begin() + 3, all.end()}));
    CHECK(pendingDecisions(p, kStart, firstThree, scores, kStart + 20).empty()); // week 3 not over
}

TEST_CASE("an old database is upgraded in place and keeps a program's decisions") {
    TempDir tmp;
    const auto file = tmp.path / "unknot.db";
    {
        // Schema 1 as Unknot 0.2 made it, with a session in it.
        SQLite::Database db(file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db.exec("CREATE TABLE sessions(id INTEGER PRIMARY KEY, started_at INTEGER NOT NULL, routine_id TEXT NOT NULL, "
                "routine_name TEXT NOT NULL, content_id TEXT NOT NULL DEFAULT '', planned_ms INTEGER NOT NULL, "
                "done_ms INTEGER NOT NULL, completed INTEGER NOT NULL, skipped_phases INTEGER NOT NULL DEFAULT 0);"
                "CREATE TABLE check_ins(id INTEGER PRIMARY KEY, at INTEGER NOT NULL, area TEXT NOT NULL, side TEXT "
                "NOT NULL, score INTEGER NOT NULL, moment TEXT NOT NULL, session_id INTEGER REFERENCES sessions(id), "
                "note TEXT NOT NULL DEFAULT '');"
                "CREATE TABLE imports(path TEXT PRIMARY KEY, at INTEGER NOT NULL, sessions INTEGER NOT NULL);"
                "INSERT INTO sessions VALUES(1, 1790000000, 'heel-raises-12x3', 'Heel', '', 1, 1, 1, 0);"
                "PRAGMA user_version = 1;");
    }
    auto opened = HistoryDb::open(file);
    REQUIRE(std::holds_alternative<std::unique_ptr<HistoryDb>>(opened));
    auto& db = *std::get<std::unique_ptr<HistoryDb>>(opened);
    CHECK(db.schemaVersion() == HistoryDb::kSchemaVersion);
    CHECK(db.sessions().size() == 1);

    ProgramStore store(db);
    CHECK_FALSE(store.activeRun());
    CHECK_FALSE(store.start("plantar-fasciitis-12-weeks", kStart, 1'000));
    REQUIRE(store.activeRun());
    CHECK(store.activeRun()->start == kStart);
    const Program p = builtIn("plantar-fasciitis-12-weeks");
    const auto ds = follow(p, weeks({6, 5}), 2);
    CHECK_FALSE(store.addDecisions(store.activeRun()->id, ds, 2'000));
    CHECK_FALSE(store.addDecisions(store.activeRun()->id, ds, 3'000)); // a second process: kept once
    const auto kept = store.decisions(store.activeRun()->id);
    REQUIRE(kept.size() == 2);
    CHECK(kept[1].action == RuleAction::Advance);
    CHECK(kept[1].reason == ds[1].reason);
    CHECK_FALSE(kept[1].early);
    Decision early{3, RuleAction::StepBack, 0, "back", true};
    CHECK_FALSE(store.addDecisions(store.activeRun()->id, {early}, 2'500));
    CHECK(store.decisions(store.activeRun()->id).back().early);
    CHECK_FALSE(store.ranOn(kStart + 3));
    CHECK_FALSE(store.markRan(kStart + 3, 4'000));
    CHECK_FALSE(store.markRan(kStart + 3, 5'000));
    CHECK(store.ranOn(kStart + 3));
    const auto stopped = store.stop(6'000);
    CHECK(std::get<bool>(stopped));
    CHECK_FALSE(store.activeRun());
}

TEST_CASE("following a program: decisions owed are made and stored, today's routines are read") {
    TempDir tmp;
    auto opened = HistoryDb::open(tmp.path / "unknot.db");
    auto& db = *std::get<std::unique_ptr<HistoryDb>>(opened);
    ProgramStore store(db);
    Library routines;
    routines.scan(LibraryFolders{kSource / "routines", {}, {}});
    ProgramLibrary programs;
    programs.scan(ProgramFolders{kSource / "programs", {}}, routines);

    const Day today = kStart + 14; // week 3, a Monday: every-other-day heel raises are due
    CHECK_FALSE(store.start("plantar-fasciitis-12-weeks", kStart, 0));
    for (const auto& s : weeks({6, 5}))
        CHECK_FALSE(db.addCheckIn(
            CheckIn{s.day * 86'400 + 12 * 3600, s.area, s.side, s.score, CheckInMoment::Standalone, std::nullopt, {}}));
    Today t = followProgram(store, programs, today, 0);
    CHECK(t.problem.empty());
    REQUIRE(t.following());
    CHECK(t.place.stage == 1);
    CHECK(t.stageLine() == "stage 2 of 3 \xC2\xB7 week 3 of 12");
    REQUIRE(t.decision);
    CHECK(t.decision->action == RuleAction::Advance);
    CHECK(store.decisions(t.run->id).size() == 2);
    REQUIRE(t.due.size() == 1);
    CHECK(t.due[0].id == "heel-raises-10x4");
    CHECK_FALSE(t.due[0].done);
    REQUIRE_FALSE(t.trends.empty());
    CHECK(t.trends[0].starts_with("left heel: 6.0 \xE2\x86\x92 5.0"));

    HistoryRecord done;
    done.startedAt = today * 86'400 + 10 * 3600;
    done.routineId = "heel-raises-10x4";
    done.completed = true;
    REQUIRE(std::holds_alternative<std::int64_t>(db.addSession(done)));
    CHECK_FALSE(store.markRan(today, 0));
    t = followProgram(store, programs, today, 0);
    REQUIRE(t.due.size() == 2);
    CHECK(t.due[0].done);
    CHECK(t.due[1].id == "frozen-golf-ball-foot");
    CHECK_FALSE(t.due[1].done);

    CHECK_FALSE(store.start("no-such-program", kStart, 0));
    t = followProgram(store, programs, today, 0);
    CHECK_FALSE(t.following());
    CHECK(t.problem == "the running program 'no-such-program' is gone (no such file)");
}
