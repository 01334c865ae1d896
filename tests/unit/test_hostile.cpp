// Files from strangers (issue 12): each reproducer of a crash, a hang or a memory blow-up,
// asserting the clear error or the correct result. Sizes are the reported ones; nothing here
// is timed (bench/hostile_files.py measures time and memory).
#include "core/text.hpp"
#include "program/program_parser.hpp"
#include "routine/routine_parser.hpp"
#include "store/history_db.hpp"
#include "store/library.hpp"
#include "store/settings.hpp"
#include "store/user_files.hpp"

#include "temp_dir.hpp"

#include <doctest/doctest.h>

#include <limits>
#include <sys/stat.h>

using namespace unknot;
using unknot::test::TempDir;

namespace {

bool has(const std::string& haystack, std::string_view needle) { return haystack.find(needle) != std::string::npos; }

constexpr std::string_view kValid = "name = \"A\"\n[[step]]\nkind = \"hold\"\nduration = \"30s\"\n";

// `a.a.a.…a` with `parts` parts.
std::string dottedKey(int parts) {
    std::string key = "a";
    key.reserve(static_cast<std::size_t>(parts) * 2);
    for (int i = 1; i < parts; ++i)
        key += ".a";
    return key;
}

} // namespace

TEST_CASE("keys nested 150,000 deep in an inline table are refused before parsing") {
    const std::string inlineTable = "name = \"T\"\nx = { " + dottedKey(150'000) + " = 1 }\n";
    auto r = parseRoutine(inlineTable, "deep.toml");
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].line == 2);
    CHECK(r.diagnostics[0].column > 5);
    CHECK(has(r.diagnostics[0].format(), "deep.toml:2:"));
    CHECK(has(r.diagnostics[0].message, "more than 64 levels"));

    const std::string inArray = "name = \"T\"\ntags = [\n  { " + dottedKey(150'000) + " = 1 } ]\n";
    r = parseRoutine(inArray, "deep.toml");
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].line == 3);
    CHECK(has(r.diagnostics[0].message, "more than 64 levels"));

    // Inline tables and arrays nested in each other count as much as dots do.
    std::string braces = "x = ";
    for (int i = 0; i < 100'000; ++i)
        braces += "{a=";
    r = parseRoutine(braces + "1", "deep.toml");
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(has(r.diagnostics[0].message, "more than 64 levels"));
    r = parseRoutine("x = " + std::string(100'000, '['), "deep.toml");
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(has(r.diagnostics[0].message, "more than 64 levels"));
    // A header deep inside an inline table's depth adds up too: 40 + 30 levels.
    r = parseRoutine("[" + dottedKey(40) + "]\nx = { " + dottedKey(30) + " = 1 }\n", "deep.toml");
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].line == 2);
}

TEST_CASE("dots and brackets inside strings and comments do not count as nesting") {
    const std::string dots(5'000, '.');
    const std::string braces(5'000, '{');
    const std::string text = std::string("name = \"T") + dots + braces + "\"\n" + "# " + dots + braces + "\n" +
                             "summary = 'lit" + dots + "['\n" + "notes = \"\"\"\n" + dots + "\n\\\"\"\"" + braces +
                             "\n\"\"\"\n" + "tags = ['''" + dots + "\n" + braces + "''', \"a\\\"" + dots + "\"]\n" +
                             "[[step]]\nkind = \"hold\"\nduration = \"30s\"\nlabel = \"" + dots + "\"\n";
    CHECK_FALSE(firstNestingTooDeep(text));
    // Quoted key parts may hold dots; only the dots between parts count.
    CHECK_FALSE(firstNestingTooDeep("\"" + dots + "\".'" + dots + "' = 1\n"));
    // Just within the limit is fine; one more is not.
    CHECK_FALSE(firstNestingTooDeep("x = { " + dottedKey(kMaxTomlNesting - 1) + " = 1 }"));
    CHECK(firstNestingTooDeep("x = { " + dottedKey(kMaxTomlNesting + 1) + " = 1 }"));
}

TEST_CASE("the same deep line in settings.toml gives the defaults and a notice, not a crash") {
    TempDir tmp;
    // 100,000 parts: as deep as a crash needs, within the settings file's size limit.
    tmp.write("settings.toml", "volume = 30\nx = { " + dottedKey(100'000) + " = 1 }\n");
    const auto loaded = loadSettings(tmp.path / "settings.toml");
    CHECK(loaded.settings.volume == Settings{}.volume);
    REQUIRE_FALSE(loaded.notices.empty());
    CHECK(has(loaded.notices[0], (tmp.path / "settings.toml").string() + ":2:"));
    CHECK(has(loaded.notices[0], "more than 64 levels"));
}

TEST_CASE("a deep file in the routines folder does not stop the library") {
    TempDir tmp;
    tmp.write("user/good.toml", kValid);
    tmp.write("user/deep.toml", "name = \"T\"\ntags = [ { " + dottedKey(150'000) + " = 1 } ]\n");
    Library library;
    library.scan({{}, tmp.path / "user", {}});
    REQUIRE(library.entries().size() == 2);
    CHECK_FALSE(library.findId("deep")->valid());
    CHECK(library.findId("good")->valid());
}

namespace {

// `repeat = 100` inside `repeat = 100` around one step: 10,000 phases from a tiny file.
std::string nestedRepeats(const std::string& label, const std::string& cue) {
    return "name = \"T\"\n[[step]]\nrepeat = 100\n[[step.step]]\nrepeat = 100\n[[step.step.step]]\nkind = \"hold\"\n"
           "duration = 1\nlabel = \"" +
           label + "\"\ncue = \"" + cue + "\"\n";
}

} // namespace

TEST_CASE("a 20,000-character label is refused, naming the limit") {
    const auto r = parseRoutine(nestedRepeats(std::string(20'000, 'x'), ""), "big.toml");
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].line == 9);
    CHECK(has(r.diagnostics[0].message, "`label` is too long (20000 bytes; at most 200)"));
    // The other texts have their limits too.
    const auto name =
        parseRoutine("name = \"" + std::string(300, 'n') + "\"\n[[step]]\nkind = \"hold\"\nduration = 1\n", "n.toml");
    REQUIRE(name.diagnostics.size() == 1);
    CHECK(has(name.diagnostics[0].message, "at most 200"));
    std::string tags = "name = \"T\"\ntags = [";
    for (int i = 0; i < 60; ++i)
        tags += "\"t\",";
    const auto manyTags = parseRoutine(tags + "]\n[[step]]\nkind = \"hold\"\nduration = 1\n", "t.toml");
    REQUIRE(manyTags.diagnostics.size() == 1);
    CHECK(has(manyTags.diagnostics[0].message, "`tags` has 60 entries; at most 50"));
}

TEST_CASE("labels and cues repeated over 10,000 phases are bounded in bytes") {
    // Each within its own limit, together 10,000 x 900 bytes: refused before expanding.
    const auto r = parseRoutine(nestedRepeats(std::string(200, 'l'), std::string(500, 'c')), "wide.toml");
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(has(r.diagnostics[0].message, "more than 2 MiB"));
    // Just within: 10,000 phases share one label instead of holding 10,000 copies (a label the
    // voice says in 100 different rounds within what it may say).
    const auto ok = parseRoutine(nestedRepeats(std::string(100, 'l'), std::string(100, 'c')), "ok.toml");
    REQUIRE(ok.valid());
    const Timeline t = expand(ok.routine);
    REQUIRE(t.size() == 10'000);
    CHECK(t.phases[0].label.str().size() == 100);
    CHECK(&t.phases[0].label.str() == &t.phases[9'999].label.str());
}

TEST_CASE("control characters in names, labels and cues are refused") {
    const auto r = parseRoutine("name = \"\\u001b]0;owned\\u0007\\u001b[2J\"\n[[step]]\nkind = \"hold\"\nduration = 1\n"
                                "label = \"a\\nb\"\n",
                                "esc.toml");
    REQUIRE(r.diagnostics.size() == 2);
    CHECK(has(r.diagnostics[0].message, "`name` holds a control character (\\x1b)"));
    CHECK(has(r.diagnostics[1].message, "`label` holds a control character (\\x0a); it is one line"));
    // Notes may have line breaks.
    CHECK(parseRoutine("name = \"T\"\nnotes = \"a\\nb\\tc\"\n[[step]]\nkind = \"hold\"\nduration = 1\n", "n.toml")
              .valid());
}

TEST_CASE("names, labels, cues, says, tags and sources follow the one text rule: C1 and bidi refused at their place") {
    // Each line holds one bad string; its diagnostic is at that line, at the string's column.
    const std::string text =
        "name = \"Calf \\u202Eraises\"\n"       // 1: bidi override
        "tags = [\"ok\", \"post\\u0085run\"]\n" // 2: C1 (NEL)
        "sources = [{ title = \"T\\u2066x\", authors = \"A\", year = 2020, doi = \"10.1/x\", supports = \"s\" }]\n"
        "[[step]]\nkind = \"hold\"\nduration = 1\n" // 4-6
        "label = \"left \\u009b31m\"\n"             // 7: C1 (CSI)
        "cue = \"\\u200Fback\"\n"                   // 8: a bidi mark
        "say = \"go \\u001b[2J\"\n";                // 9: C0
    const auto r = parseRoutine(text, "mixed.toml");
    // (7: the source refused for its title is also told it has none.)
    REQUIRE(r.diagnostics.size() == 7);
    const auto at = [&](int line) -> const Diagnostic& {
        for (const auto& d : r.diagnostics)
            if (d.line == line && d.message.find("holds") != std::string::npos) return d;
        FAIL("no diagnostic at line " << line);
        return r.diagnostics.front();
    };
    CHECK(at(1).column == 8);
    CHECK(has(at(1).message, "`name` holds a bidi control (\\u202e), which reorders text"));
    CHECK(has(at(2).message, "`tags` holds a control character (\\u0085)"));
    CHECK(has(at(3).message, "`title` of a source holds a bidi control (\\u2066)"));
    CHECK(at(7).column == 9);
    CHECK(has(at(7).message, "`label` holds a control character (\\u009b)"));
    CHECK(has(at(8).message, "`cue` holds a bidi control (\\u200f)"));
    CHECK(has(at(9).message, "`say` holds a control character (\\x1b)"));
    for (const auto& d : r.diagnostics) CHECK(d.message.find('\x1b') == std::string::npos);

    // What the rule lets through is kept exactly: emoji, any script, tabs, joiners.
    const std::string kept = "Mollets \xF0\x9F\xA6\xB6 \xD8\xB3\xD8\xA7\xD9\x82\tz\xE2\x80\x8D"; // 🦶, Arabic, ZWJ
    const auto ok = parseRoutine(
        "name = \"" + kept + "\"\n[[step]]\nkind = \"hold\"\nduration = 1\nlabel = \"" + kept + "\"\n", "kept.toml");
    REQUIRE(ok.valid());
    CHECK(ok.routine.name == kept);
    CHECK(ok.routine.steps.front().label == kept);
}

TEST_CASE("program names follow the one text rule") {
    const auto p = parseProgram("name = \"Heel \\u202Eprogram\"\n[[stage]]\nname = \"Load\\u009c\"\nweeks = 4\n"
                                "  [[stage.routine]]\n  id = \"heel-raises-12x3\"\n  every_days = 2\n",
                                "p.toml");
    REQUIRE(p.diagnostics.size() >= 2);
    CHECK(p.diagnostics[0].line == 1);
    CHECK(has(p.diagnostics[0].message, "`name` holds a bidi control (\\u202e)"));
    CHECK(p.diagnostics[1].line == 3);
    CHECK(has(p.diagnostics[1].message, "`name` holds a control character (\\u009c)"));
}

TEST_CASE("firstTextFault names the first character the rule refuses") {
    CHECK_FALSE(firstTextFault("plain \xF0\x9F\x8F\x83 text\t"));
    const auto c1 = firstTextFault("ab\xC2\x9B"
                                   "c");
    REQUIRE(c1);
    CHECK(c1->offset == 2);
    CHECK(c1->length == 2);
    CHECK(c1->kind == TextFault::Kind::Control);
    const auto bidi = firstTextFault("\xE2\x80\xAE");
    REQUIRE(bidi);
    CHECK(bidi->kind == TextFault::Kind::Bidi);
    CHECK(bidi->codePoint == 0x202E);
    CHECK(firstTextFault("a\nb"));
    CHECK_FALSE(firstTextFault("a\nb", true));
    CHECK(firstTextFault("a\xff")->kind == TextFault::Kind::NotUtf8);
}

TEST_CASE("measuring a routine's tree gives what expanding it gives") {
    int count = 0;
    for (const auto& file :
         std::filesystem::directory_iterator(std::filesystem::path(UNKNOT_SOURCE_DIR) / "routines")) {
        const auto entry = loadEntry(file.path(), RoutineSource::BuiltIn);
        REQUIRE(entry.valid());
        const Timeline& t = entry.timeline();
        CHECK(entry.phaseCount == t.size());
        CHECK(entry.totalMs == t.totalMs);
        std::size_t bytes = 0;
        for (const auto& p : t.phases)
            bytes += p.label.str().size() + p.cue.str().size() + p.say.str().size() + p.block.str().size();
        CHECK(measureExpansion(entry.routine()).textBytes == bytes);
        ++count;
    }
    CHECK(count > 3);
}

TEST_CASE("escapeControls shows control characters and keeps UTF-8") {
    CHECK(escapeControls("caf\xC3\xA9 \xE2\x80\x94 ok") == "caf\xC3\xA9 \xE2\x80\x94 ok");
    CHECK(escapeControls("\x1b]0;t\x07\x1b[2J") == "\\x1b]0;t\\x07\\x1b[2J");
    CHECK(escapeControls("a\nb\x7f") == "a\\x0ab\\x7f");
    CHECK(escapeControls("\xC2\x9B"
                         "2J") == "\\u009b2J");        // C1 CSI
    CHECK(escapeControls("\xff\xC3") == "\\xff\\xc3"); // not UTF-8
}

TEST_CASE("a 3.9 MB kind is refused without an edit-distance suggestion, quoted short") {
    const std::string text = "name = \"K\"\n[[step]]\nkind = \"" + std::string(3'900'000, 'k') + "\"\nduration = 5\n";
    const auto r = parseRoutine(text, "kind.toml");
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(has(r.diagnostics[0].message, "unknown kind \"kkkk"));
    CHECK(has(r.diagnostics[0].message, "(3900000 bytes)"));
    CHECK(r.diagnostics[0].message.size() < 300);
    CHECK(closeMatches(std::string(kMaxSuggestedWordBytes + 1, 'h'), {"hold"}).empty());
    CHECK(closeMatches("hodl", {"hold"}) == std::vector<std::string>{"hold"});
}

TEST_CASE("400,000 unknown keys give the first 100 problems and a count of the rest") {
    std::string text = "name = \"U\"\n";
    for (int i = 0; i < 400'000; ++i)
        text += "k" + std::to_string(i) + "=1\n";
    text += "[[step]]\nkind = \"hold\"\nduration = 30\n";
    const auto r = parseRoutine(text, "keys.toml");
    REQUIRE(r.diagnostics.size() == kMaxDiagnostics + 1);
    CHECK(has(r.diagnostics[0].message, "unknown key `k"));
    CHECK(has(r.diagnostics.back().message, "and 399900 more problems (only the first 100 are reported)"));
    CHECK(r.diagnostics.back().line > 1);
}

TEST_CASE("half a million integers in tags are one error") {
    std::string text = "name = \"T\"\ntags = [";
    for (int i = 0; i < 500'000; ++i)
        text += "1,";
    text += "]\n[[step]]\nkind = \"hold\"\nduration = 30\n";
    const auto r = parseRoutine(text, "tags.toml");
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(has(r.diagnostics[0].message, "`tags` has 500000 entries; at most 50"));
}

TEST_CASE("history lines with times that overflow or are negative are passed over") {
    const auto read = parseHistoryCsv("started,routine_id,routine_name,planned_s,done_s,completed\n"
                                      "2026-01-01T10:00:00+0000,a,A,9223372036854775807,10,yes\n"
                                      "2026-01-01T10:00:00+0000,b,B,10,9300000000000000,yes\n"
                                      "2026-01-01T10:00:00+0000,c,C,10,-600,no\n"
                                      "2026-01-01T10:00:00+0000,d,D,10,+6,no\n"
                                      "2026-01-01T10:00:00+0000,e,E,600,300,yes\n");
    REQUIRE(read.sessions.size() == 1);
    CHECK(read.sessions[0].routineId == "e");
    CHECK(read.sessions[0].doneMs == 300'000);
    CHECK(read.problems.size() == 4);
    // The longest session a line may claim, a day, still counts; a second more does not.
    const auto longest = parseHistoryCsv("2026-01-01T10:00:00+0000,f,F,86400,86400,yes\n"
                                         "2026-01-01T10:00:00+0000,g,G,86401,86401,yes\n");
    REQUIRE(longest.sessions.size() == 1);
    CHECK(longest.sessions[0].doneMs == 86'400'000);
    CHECK(minutesPerWeek(longest.sessions, longest.sessions[0].startedAt, 1).back() == doctest::Approx(1440.0));
}

TEST_CASE("clock and human durations of extreme values do not overflow") {
    const Millis most = std::numeric_limits<Millis>::max();
    CHECK(formatClock(most) == "2562047788015:12:56");
    CHECK(formatClock(-5) == "0:00");
    CHECK(formatClock(1) == "0:01");
    CHECK(formatHuman(most).find("h") != std::string::npos);
    CHECK(formatHuman(-5) == "0 s");
    CHECK(formatHuman(1'499) == "1 s");
    CHECK(formatHuman(1'500) == "2 s");
}

TEST_CASE("a history file that is not a regular file is neither read nor written") {
    TempDir tmp;
    const auto file = tmp.path / "history.csv";
    std::filesystem::create_symlink("/dev/zero", file);
    const auto importInto = [&](const char* name) {
        auto db = HistoryDb::open(tmp.path / name);
        REQUIRE(std::holds_alternative<std::unique_ptr<HistoryDb>>(db));
        return std::get<std::unique_ptr<HistoryDb>>(db)->importCsv(file);
    };
    CHECK(importInto("a.db").imported == 0);
    const auto error = appendHistory(file, HistoryRecord{1'790'000'000, "a", "A", 60'000, 60'000, true});
    REQUIRE(error);
    CHECK(has(*error, "not a regular file"));
    std::filesystem::remove(file);
    REQUIRE(::mkfifo(file.c_str(), 0600) == 0); // with no reader, opening it to write would block
    CHECK(appendHistory(file, HistoryRecord{1'790'000'000, "a", "A", 60'000, 60'000, true}));
    CHECK(importInto("b.db").imported == 0);
}

TEST_CASE("an emoji typed into a 16-bit ImGui field is stored as typed") {
    const std::string foot = "\xF0\x9F\xA6\xB6", runner = "\xF0\x9F\x8F\x83", fffd = "\xEF\xBF\xBD";
    CHECK(charactersBeyondBmp("a" + foot + "\xC3\xA9" + runner) == std::vector<std::string>{foot, runner});
    CHECK(charactersBeyondBmp("plain \xC3\xA9\xE2\x80\x94").empty());
    CHECK(charactersBeyondBmp("\xF0\x9F\xA6").empty()); // cut short: not a character

    std::deque<std::string> typed{foot};
    // Typed at the end of "Calf": ImGui holds "Calf\uFFFD", the cursor after it.
    CHECK(keepAsTyped("Calf", "Calf" + fffd, 4 + 3, typed) == "Calf" + foot);
    CHECK(typed.empty());
    // Two typed in one edit (an input method sends them together), in order.
    typed = {foot, runner};
    CHECK(keepAsTyped("", fffd + "x" + fffd, 7, typed) == foot + "x" + runner);
    CHECK(typed.empty());
    // Typed before an emoji already there: the cursor tells which U+FFFD is new.
    typed = {runner};
    CHECK(keepAsTyped("a" + foot + "b", "a" + fffd + fffd + "b", 1 + 3, typed) == "a" + runner + foot + "b");
    typed = {runner};
    CHECK(keepAsTyped(foot, fffd + fffd, 6, typed) == foot + runner); // and after it
    typed = {runner};
    CHECK(keepAsTyped(foot, fffd + fffd, 3, typed) == runner + foot); // and before it
    // Not yet inserted (ImGui 1.87+ may take the text a frame after the key): kept for the next edit.
    typed = {foot};
    CHECK(keepAsTyped("Calf", "Calfs", 5, typed) == "Calfs");
    CHECK(typed == std::deque<std::string>{foot});
    // Deleting keeps what is left exactly, the cursor anywhere.
    typed.clear();
    CHECK(keepAsTyped("a" + foot + "b", fffd + "b", 0, typed) == foot + "b");
    CHECK(keepAsTyped("a" + foot + "b", "ab", 1, typed) == "ab");
    CHECK(keepAsTyped("a" + foot + "b", "a" + fffd, 4, typed) == "a" + foot);
    // A cursor that does not fit the edit (an undo, a cursor past the end) is not believed.
    CHECK(keepAsTyped("a" + foot + "b", "a" + fffd + "bc", 1, typed) == "a" + foot + "bc");
    CHECK(keepAsTyped("a" + foot, "a" + fffd + "b", 999, typed) == "a" + foot + "b");
    // A U+FFFD the user really typed (a BMP character) stays one when nothing beyond the BMP was typed.
    CHECK(keepAsTyped("x", "x" + fffd, 4, typed) == "x" + fffd);
}

TEST_CASE("text edited in an ImGui field keeps the emoji the edit did not touch") {
    const std::string name = "Calf \xF0\x9F\x92\xAA set";                       // "Calf 💪 set"
    const std::string shown = "Calf \xEF\xBF\xBD set";                          // as ImGui's 16-bit field holds it
    CHECK(keepBeyondBmp(name, shown) == name);                                  // nothing edited: exactly as typed
    CHECK(keepBeyondBmp(name, shown + "s") == name + "s");                      // typed at the end
    CHECK(keepBeyondBmp(name, "My " + shown) == "My " + name);                  // typed at the start
    CHECK(keepBeyondBmp(name, "Calf \xEF\xBF\xBD") == "Calf \xF0\x9F\x92\xAA"); // cut at the end
    CHECK(keepBeyondBmp(name, "Calf set") == "Calf set");                       // the emoji itself deleted
    CHECK(keepBeyondBmp("\xF0\x9F\x8F\x83\xF0\x9F\x8F\x83", "\xEF\xBF\xBD\xEF\xBF\xBD") ==
          "\xF0\x9F\x8F\x83\xF0\x9F\x8F\x83");
    CHECK(keepBeyondBmp("", "new") == "new");
    CHECK(keepBeyondBmp("a\xFF"
                        "b",
                        "a\xEF\xBF\xBD"
                        "bc") == "a\xFF"
                                 "bc"); // a stray byte is kept too
}

TEST_CASE("text from outside: UTF-8 without controls or bidi overrides, one rule for areas and notes") {
    CHECK_FALSE(outsideTextProblem("lower back"));
    CHECK_FALSE(outsideTextProblem("talon \xC3\xA9 \xF0\x9F\xA6\xB6\ttab"));
    CHECK(outsideTextProblem("he\xE2\x80\xAE"
                             "el")
              ->find("bidi control U+202E") != std::string::npos);
    CHECK(outsideTextProblem("a\xE2\x81\xA6"
                             "b")
              ->find("U+2066") != std::string::npos);
    CHECK(outsideTextProblem("a\xC2\x9B"
                             "b")
              ->find("control character U+009B") != std::string::npos);
    CHECK(outsideTextProblem("a\x1b[2Jb")->find("U+001B") != std::string::npos);
    CHECK(outsideTextProblem("a\x7f")->find("U+007F") != std::string::npos);
    CHECK(outsideTextProblem("a\xff")->find("not UTF-8") != std::string::npos);
    CHECK(outsideTextProblem("two\nlines"));
    CHECK_FALSE(outsideTextProblem("two\nlines", true));
    CHECK(areaProblem("he\xE2\x80\xAE"
                      "el"));
    CHECK(areaProblem("knee\xC2\x85"));
    CHECK(areaProblem("\xC3\xA9paule\xFF"));
    CHECK_FALSE(areaProblem("\xC3\xA9paule"));
    CHECK(noteProblem("bell\x07"));
    CHECK(noteProblem("\xE2\x80\xAE"
                      "reversed"));
    CHECK_FALSE(noteProblem("first steps,\nthen stairs"));
}

TEST_CASE("JSON and terminal output escape C1 and bidi controls") {
    CHECK(escapeControls("a\xE2\x80\xAE"
                         "b") == "a\\u202eb");
    CHECK(escapeControls("a\xC2\x9B"
                         "b") == "a\\u009bb");
    CHECK(escapeJsonControls("{\"n\":\"a\xC2\x9B\xE2\x80\xAE\x7f\xC3\xA9\"}") ==
          "{\"n\":\"a\\u009b\\u202e\\u007f\xC3\xA9\"}");
}
