#include "routine/routine_parser.hpp"

#include <doctest/doctest.h>

using namespace unknot;

namespace {

ParsedRoutine parse(std::string_view text) { return parseRoutine(text, "r.toml"); }

// The single diagnostic a snippet produces, with its position.
Diagnostic only(std::string_view text) {
    const auto r = parse(text);
    REQUIRE_MESSAGE(r.diagnostics.size() == 1, text);
    return r.diagnostics.front();
}

bool has(const std::string& haystack, std::string_view needle) { return haystack.find(needle) != std::string::npos; }

constexpr std::string_view kHeader = "name = \"T\"\n";

} // namespace

TEST_CASE("a complete routine parses into the model") {
    const auto r = parse(R"(name = "Calf release"
summary = "Active release."
notes = "Stop if it hurts."
tags = ["calves", "post-run"]
equipment = ["rope"]

[[step]]
kind = "prepare"
duration = "10s"
label = "Loop the rope"
cue = "Sit tall."

[[step]]
label = "Calf"
repeat = 5
sides = ["left", "right"]
switch = "8s"
rest_between = "5s"

  [[step.step]]
  kind = "tense"
  duration = 5

  [[step.step]]
  kind = "manual"
)");
    REQUIRE(r.valid());
    const Routine& routine = r.routine;
    CHECK(routine.name == "Calf release");
    CHECK(routine.summary == "Active release.");
    CHECK(routine.tags == std::vector<std::string>{"calves", "post-run"});
    CHECK(routine.equipment == std::vector<std::string>{"rope"});
    REQUIRE(routine.steps.size() == 2);
    CHECK(routine.steps[0].kind == PhaseKind::Prepare);
    CHECK(routine.steps[0].durationMs == 10'000);
    CHECK(routine.steps[0].cue == "Sit tall.");
    CHECK(routine.steps[0].pos.line == 7);
    const Step& block = routine.steps[1];
    CHECK(block.isBlock());
    CHECK(block.repeat == 5);
    CHECK(block.sides == std::vector<Side>{Side::Left, Side::Right});
    CHECK(block.switchMs == 8'000);
    CHECK(block.restBetweenMs == 5'000);
    REQUIRE(block.children.size() == 2);
    CHECK(block.children[0].durationMs == 5'000);
    CHECK(block.children[1].kind == PhaseKind::Manual);
}

TEST_CASE("unknown keys point at the key and suggest the near one") {
    auto d = only(std::string(kHeader) + "[[step]]\nkind = \"hold\"\nduration = \"5s\"\nlabl = \"x\"\n");
    CHECK(d.line == 5);
    CHECK(d.column == 1);
    CHECK(has(d.message, "unknown key `labl`"));
    CHECK(has(d.message, "did you mean `label`?"));
    CHECK(d.format() == "r.toml:5:1: error: " + d.message);

    d = only("name = \"T\"\nsumary = \"x\"\n[[step]]\nkind = \"hold\"\nduration = \"5s\"\n");
    CHECK(d.line == 2);
    CHECK(has(d.message, "did you mean `summary`?"));

    d = only(std::string(kHeader) + "[[step]]\nkind = \"hold\"\nduration = \"5s\"\nbanana = 1\n");
    CHECK(has(d.message, "valid keys:"));
}

TEST_CASE("unknown kinds list the valid ones") {
    const auto d = only(std::string(kHeader) + "[[step]]\nkind = \"tence\"\nduration = \"5s\"\n");
    CHECK(d.line == 3);
    CHECK(d.column == 8);
    CHECK(has(d.message, "unknown kind \"tence\""));
    CHECK(has(d.message, "did you mean \"tense\"?"));
    CHECK(has(d.message, "prepare, tense, release, hold, roll, rest or manual"));
    // `switch` is inserted by expansion, never written.
    CHECK(has(only(std::string(kHeader) + "[[step]]\nkind = \"switch\"\nduration = \"5s\"\n").message, "unknown kind"));
}

TEST_CASE("durations: missing / malformed / out of range") {
    auto d = only(std::string(kHeader) + "[[step]]\nkind = \"hold\"\n");
    CHECK(d.line == 3);
    CHECK(has(d.message, "has no `duration`"));

    d = only(std::string(kHeader) + "[[step]]\nkind = \"hold\"\nduration = \"5 parsecs\"\n");
    CHECK(d.line == 4);
    CHECK(d.column == 12);
    CHECK(has(d.message, "unknown unit"));

    d = only(std::string(kHeader) + "[[step]]\nkind = \"hold\"\nduration = \"0.5s\"\n");
    CHECK(has(d.message, "from 1s to 4h"));
    d = only(std::string(kHeader) + "[[step]]\nkind = \"hold\"\nduration = \"5h\"\n");
    CHECK(has(d.message, "from 1s to 4h"));
    d = only(std::string(kHeader) + "[[step]]\nkind = \"hold\"\nduration = true\n");
    CHECK(has(d.message, "must be a duration"));
    d = only(std::string(kHeader) + "[[step]]\nkind = \"manual\"\nduration = \"5s\"\n");
    CHECK(has(d.message, "manual step has no duration"));
    d = only(std::string(kHeader) + "[[step]]\nlabel = \"B\"\nswitch = \"-1s\"\nsides = [\"left\"]\n[[step.step]]\nkind = \"hold\"\nduration = 5\n");
    CHECK(d.line == 4);
    CHECK(has(d.message, "`switch`"));
}

TEST_CASE("repeat and sides are checked") {
    auto d = only(std::string(kHeader) + "[[step]]\nkind = \"hold\"\nduration = 5\nrepeat = 101\n");
    CHECK(d.line == 5);
    CHECK(d.column == 10);
    CHECK(has(d.message, "from 1 to 100"));
    d = only(std::string(kHeader) + "[[step]]\nkind = \"hold\"\nduration = 5\nrepeat = \"3\"\n");
    CHECK(has(d.message, "whole number"));

    const auto r = parse(std::string(kHeader) + "[[step]]\nkind = \"hold\"\nduration = 5\nsides = [\"left\", \"up\", \"left\"]\n");
    REQUIRE(r.diagnostics.size() == 2);
    CHECK(r.diagnostics[0].column == 18);
    CHECK(has(r.diagnostics[0].message, "\"left\" or \"right\""));
    CHECK(r.diagnostics[1].column == 24);
    CHECK(has(r.diagnostics[1].message, "listed twice"));

    d = only(std::string(kHeader) + "[[step]]\nlabel = \"Outer\"\nsides = [\"left\"]\n[[step.step]]\nsides = [\"right\"]\nkind = \"hold\"\nduration = 5\n");
    CHECK(d.line == 6);
    CHECK(has(d.message, "already set by an enclosing block"));
    d = only(std::string(kHeader) + "[[step]]\nkind = \"hold\"\nduration = 5\nsides = []\n");
    CHECK(has(d.message, "`sides` is empty"));
}

TEST_CASE("a step is a phase or a block / never both / never neither") {
    auto d = only(std::string(kHeader) + "[[step]]\nkind = \"hold\"\nduration = 5\n[[step.step]]\nkind = \"rest\"\nduration = 5\n");
    CHECK(has(d.message, "either a phase"));
    d = only(std::string(kHeader) + "[[step]]\nlabel = \"nothing\"\n");
    CHECK(d.line == 2);
    CHECK(has(d.message, "needs a `kind`"));
    d = only(std::string(kHeader) + "[step]\nkind = \"hold\"\nduration = 5\n");
    CHECK(has(d.message, "[[step]]"));
}

TEST_CASE("empty routines / missing names / wrong types") {
    auto d = only("name = \"Empty\"\n");
    CHECK(d.line == 1);
    CHECK(has(d.message, "routine is empty"));
    d = only("[[step]]\nkind = \"hold\"\nduration = 5\n");
    CHECK(has(d.message, "no `name`"));
    d = only("name = 3\n[[step]]\nkind = \"hold\"\nduration = 5\n");
    CHECK(d.column == 8);
    CHECK(has(d.message, "must be a string, not an integer"));
    d = only("name = \"x\"\ntags = [\"a\", 2]\n[[step]]\nkind = \"hold\"\nduration = 5\n");
    CHECK(d.column == 14);
    d = only("name = \"x\"\nsummary = \"\"\"two\nlines\"\"\"\n[[step]]\nkind = \"hold\"\nduration = 5\n");
    CHECK(has(d.message, "one line"));
}

TEST_CASE("every problem in a file is reported / in file order") {
    const auto r = parse("name = \"x\"\ntags = \"calves\"\n[[step]]\nkind = \"tence\"\nduraton = \"5s\"\n"
                         "[[step]]\nkind = \"hold\"\nduration = \"5x\"\n[[step]]\nlabel = \"b\"\nrepeat = 0\n"
                         "[[step.step]]\nkind = \"rest\"\nduration = \"5h\"\n");
    REQUIRE(r.diagnostics.size() == 6);
    int lastLine = 0;
    for (const auto& d : r.diagnostics) {
        CHECK(d.line >= lastLine);
        lastLine = d.line;
    }
    CHECK(r.diagnostics[0].line == 2);
    CHECK(r.diagnostics[5].line == 14);
}

TEST_CASE("TOML syntax errors and non-text files") {
    auto d = only("name = \"x\n");
    CHECK(d.line == 1);
    CHECK(has(d.message, "TOML syntax"));
    d = only("name = \"x\"\nname = \"y\"\n");
    CHECK(d.line == 2);
    d = only(std::string("name = \"caf\xC3\xA9\"\nx = \"\xff\"\n"));
    CHECK(d.line == 2);
    CHECK(d.column == 6);
    CHECK(has(d.message, "not UTF-8"));
    d = only(std::string("name = 1\0\n", 10));
    CHECK(has(d.message, "not a text file"));
}

TEST_CASE("huge expansions are refused without expanding") {
    std::string text = std::string(kHeader) + "[[step]]\nlabel = \"a\"\nrepeat = 100\n";
    text += "[[step.step]]\nlabel = \"b\"\nrepeat = 100\nsides = [\"left\", \"right\"]\n";
    text += "[[step.step.step]]\nkind = \"hold\"\nduration = 5\n";
    const auto d = only(text);
    CHECK(has(d.message, "more than 10000 phases"));
}

TEST_CASE("garbage never crashes the parser") {
    // Deterministic pseudo-random inputs built from TOML-ish fragments.
    const char* fragments[] = {"[[step]]\n", "[[step.step]]\n", "kind = \"hold\"\n", "duration = \"5s\"\n",
                               "repeat = 3\n", "sides = [\"left\"]\n", "=", "\"", "[", "]", "\n", "name = \"n\"\n",
                               "step = []\n", "duration = -1\n", "x.y.z = 1\n", "{", "}", "#", "\xE2\x82", "0"};
    unsigned seed = 12345;
    for (int round = 0; round < 2000; ++round) {
        std::string text;
        const int parts = 1 + round % 40;
        for (int i = 0; i < parts; ++i) {
            seed = seed * 1103515245u + 12345u;
            text += fragments[(seed >> 16) % std::size(fragments)];
        }
        const auto r = parse(text);
        for (const auto& d : r.diagnostics) {
            CHECK(d.line >= 1);
            CHECK(d.column >= 1);
        }
    }
    // Very deep nesting is refused, not recursed into without bound.
    std::string deep = std::string(kHeader);
    std::string header = "step";
    for (int i = 0; i < 40; ++i) {
        deep += "[[" + header + "]]\nlabel = \"l\"\n";
        header += ".step";
    }
    deep += "[[" + header + "]]\nkind = \"hold\"\nduration = 5\n";
    CHECK(has(only(deep).message, "nest too deeply"));
    // A header of 50,000 parts (it once overflowed the stack inside toml++) is refused at once.
    std::string huge = std::string(kHeader) + "# comment\n[[step";
    for (int i = 0; i < 50'000; ++i) huge += ".step";
    huge += "]]\nkind = \"hold\"\n";
    const auto d = only(huge);
    CHECK(d.line == 3);
    CHECK(has(d.message, "more than 64 levels"));
    CHECK(has(only(std::string(kHeader) + "a" + std::string(70, '.') + "b = 1\n").message, "more than 64 levels"));
}

TEST_CASE("every built-in routine is valid") {
    int count = 0;
    for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(UNKNOT_SOURCE_DIR) / "routines")) {
        const auto r = loadRoutineFile(entry.path());
        for (const auto& d : r.diagnostics) FAIL_CHECK(d.format());
        CHECK_FALSE(r.routine.summary.empty());
        CHECK_FALSE(r.routine.notes.empty());
        CHECK_FALSE(r.routine.tags.empty());
        CHECK_FALSE(r.routine.equipment.empty());
        ++count;
    }
    CHECK(count >= 6);
}

TEST_CASE("check_in names the areas to ask about, and a bad one points at its entry") {
    const std::string steps = "[[step]]\nkind = \"roll\"\nduration = \"30s\"\n";
    const auto good = parse(std::string(kHeader) + "check_in = [\"heel\", \"lower back\"]\n" + steps);
    CHECK(good.diagnostics.empty());
    CHECK(good.routine.checkIn == std::vector<std::string>{"heel", "lower back"});
    CHECK(parse(std::string(kHeader) + steps).routine.checkIn.empty());

    auto d = only(std::string(kHeader) + "check_in = [\"heel\", \"4knee\"]\n" + steps);
    CHECK(d.line == 2);
    CHECK(d.column == 21);
    CHECK(has(d.message, "`check_in`: the area '4knee' does not start with a letter"));
    d = only(std::string(kHeader) + "check_in = [\"heel\", \"heel\"]\n" + steps);
    CHECK(d.column == 21);
    CHECK(has(d.message, "names 'heel' twice"));
    d = only(std::string(kHeader) + "check_in = \"heel\"\n" + steps);
    CHECK(d.line == 2);
    CHECK(has(d.message, "`check_in` must be a list of strings, like [\"heel\", \"knee\"]"));
    d = only(std::string(kHeader) + "check_in = [\"heel\", 3]\n" + steps);
    CHECK(has(d.message, "each entry of `check_in` must be a string"));
    d = only(std::string(kHeader) + "check_in = [\"he;el\"]\n" + steps);
    CHECK(has(d.message, "other than letters"));
    d = only(std::string(kHeader) + "checkin = [\"heel\"]\n" + steps);
    CHECK(has(d.message, "did you mean `check_in`?"));
}

TEST_CASE("switch and rest_between are 0s or at least 1 s, as phases are") {
    auto d = only(std::string(kHeader) +
                  "[[step]]\nlabel = \"B\"\nswitch = \"0.001s\"\nsides = [\"left\", \"right\"]\n[[step.step]]\nkind = "
                  "\"hold\"\nduration = 5\n");
    CHECK(d.line == 4);
    CHECK(d.column == 10);
    CHECK(has(d.message, "`switch` is"));
    CHECK(has(d.message, "\"0s\""));
    d = only(std::string(kHeader) + "[[step]]\nkind = \"hold\"\nduration = 5\nrepeat = 2\nrest_between = 0.5\n");
    CHECK(d.line == 6);
    CHECK(d.column == 16);
    CHECK(has(d.message, "`rest_between` is"));
    const auto fine =
        parse(std::string(kHeader) + "[[step]]\nkind = \"hold\"\nduration = 5\nrepeat = 2\nrest_between = \"0s\"\n"
                                     "[[step]]\nlabel = \"B\"\nswitch = \"1s\"\nsides = [\"left\", \"right\"]\n"
                                     "[[step.step]]\nkind = \"hold\"\nduration = 5\n");
    CHECK(fine.diagnostics.empty());
}

TEST_CASE("say is read with its placeholders and an unknown one is an error at its column") {
    const auto r = parse(std::string(kHeader) + "[[step]]\nkind = \"hold\"\nduration = 5\nsay = \"{side}: {label}\"\n");
    REQUIRE(r.diagnostics.empty());
    CHECK(r.routine.steps.front().say == "{side}: {label}");

    auto d = only(std::string(kHeader) + "[[step]]\nkind = \"hold\"\nduration = 5\nsay = \"Hold {lable} now\"\n");
    CHECK(d.line == 5);
    CHECK(d.column == 13); // the `{` of {lable}: say = " is 7 columns, "Hold " 5 more
    CHECK(has(d.message, "unknown placeholder {lable}"));
    CHECK(has(d.message, "{label}"));

    d = only(std::string(kHeader) + "[[step]]\nkind = \"hold\"\nduration = 5\nsay = \"Hold {label\"\n");
    CHECK(d.column == 13);
    CHECK(has(d.message, "not closed"));
    d = only(std::string(kHeader) + "[[step]]\nkind = \"hold\"\nduration = 5\nsay = \"a}\"\n");
    CHECK(d.column == 9);
    d = only(std::string(kHeader) + "[[step]]\nkind = \"hold\"\nduration = 5\nsay = 3\n");
    CHECK(has(d.message, "`say` must be a string"));
}

TEST_CASE("a block's say is read and checked like a phase's") {
    const auto r = parse(std::string(kHeader) + "[[step]]\nlabel = \"Set\"\nrepeat = 2\n"
                                                "say = \"Set {round} of {rounds}\"\n"
                                                "[[step.step]]\nkind = \"hold\"\nduration = 5\n");
    REQUIRE(r.diagnostics.empty());
    CHECK(r.routine.steps.front().say == "Set {round} of {rounds}");
    const auto d = only(std::string(kHeader) + "[[step]]\nlabel = \"Set\"\nsay = \"Set {roudn}\"\n"
                                               "[[step.step]]\nkind = \"hold\"\nduration = 5\n");
    CHECK(d.line == 4);
    CHECK(d.column == 12); // say = " is 7 columns, "Set " 4 more
    CHECK(has(d.message, "unknown placeholder {roudn}"));
}
