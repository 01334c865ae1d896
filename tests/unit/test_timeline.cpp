#include "routine/routine_parser.hpp"
#include "routine/timeline.hpp"

#include "helpers.hpp"

#include <doctest/doctest.h>

using namespace unknot;
using unknot::test::timelineOf;

TEST_CASE("a sided / repeated block expands sides outside / repeats inside / with switch and rests") {
    const Timeline t = timelineOf(R"(name = "x"
[[step]]
kind = "prepare"
duration = "10s"
[[step]]
label = "Calf"
repeat = 2
sides = ["left", "right"]
switch = "8s"
rest_between = "5s"
  [[step.step]]
  kind = "tense"
  duration = "5s"
  label = "Press"
  [[step.step]]
  kind = "release"
  duration = "10s"
)");
    // prepare, L: T R rest T R, switch, R: T R rest T R
    REQUIRE(t.size() == 12);
    CHECK(t.phases[0].kind == PhaseKind::Prepare);
    CHECK(t.phases[0].side == Side::None);
    CHECK(t.phases[0].label == "Prepare");
    CHECK(t.phases[1].kind == PhaseKind::Tense);
    CHECK(t.phases[1].label == "Press");
    CHECK(t.phases[1].side == Side::Left);
    CHECK(t.phases[1].round == 1);
    CHECK(t.phases[1].rounds == 2);
    CHECK(t.phases[1].block == "Calf");
    CHECK(t.phases[2].label == "Release");
    CHECK(t.phases[3].kind == PhaseKind::Rest);
    CHECK(t.phases[3].durationMs == 5'000);
    CHECK(t.phases[4].round == 2);
    CHECK(t.phases[6].kind == PhaseKind::Switch);
    CHECK(t.phases[6].label == "Switch to the right side");
    CHECK(t.phases[6].side == Side::Right);
    CHECK(t.phases[6].durationMs == 8'000);
    CHECK(t.phases[7].side == Side::Right);
    CHECK(t.phases[7].round == 1);
    // 10 + 2*(5+10) + 5 + 8 + 2*(5+10) + 5
    CHECK(t.totalMs == 10'000 + 35'000 + 8'000 + 35'000);
    Millis expectedStart = 0;
    for (const auto& p : t.phases) {
        CHECK(p.startMs == expectedStart);
        expectedStart += p.durationMs;
    }
    CHECK(countPhases(parseRoutine("name=\"x\"\n[[step]]\nlabel=\"b\"\nrepeat=2\nsides=[\"left\",\"right\"]\nswitch=\"8s\"\nrest_between=\"5s\"\n[[step.step]]\nkind=\"tense\"\nduration=5\n[[step.step]]\nkind=\"release\"\nduration=10\n", "x").routine) == 11);
}

TEST_CASE("switch 0s inserts no switch phase - a sided phase is its own block") {
    const Timeline t = timelineOf(R"(name = "x"
[[step]]
kind = "hold"
duration = "30s"
label = "Bridge"
sides = ["right", "left"]
switch = "0s"
)");
    REQUIRE(t.size() == 2);
    CHECK(t.phases[0].side == Side::Right);
    CHECK(t.phases[1].side == Side::Left);
    CHECK(t.phases[0].block == "Bridge");
    CHECK(t.totalMs == 60'000);
}

TEST_CASE("nested blocks inherit the side and report the innermost round") {
    const Timeline t = timelineOf(R"(name = "x"
[[step]]
label = "Outer"
repeat = 2
sides = ["left"]
  [[step.step]]
  label = "Inner"
  repeat = 3
    [[step.step.step]]
    kind = "hold"
    duration = 2
  [[step.step]]
  kind = "roll"
  duration = 4
)");
    REQUIRE(t.size() == 8);
    CHECK(t.phases[0].block == "Inner");
    CHECK(t.phases[2].round == 3);
    CHECK(t.phases[2].rounds == 3);
    CHECK(t.phases[3].kind == PhaseKind::Roll);
    CHECK(t.phases[3].block == "Outer");
    CHECK(t.phases[3].round == 1);
    CHECK(t.phases[3].rounds == 2);
    CHECK(t.phases[7].round == 2);
    for (const auto& p : t.phases) CHECK(p.side == Side::Left);
    CHECK(t.totalMs == 2 * (3 * 2'000 + 4'000));
}

TEST_CASE("manual phases count as 0 ms") {
    const Timeline t = timelineOf("name=\"x\"\n[[step]]\nkind=\"manual\"\nlabel=\"Fetch\"\n[[step]]\nkind=\"hold\"\nduration=5\n");
    REQUIRE(t.size() == 2);
    CHECK(t.phases[0].manual);
    CHECK(t.phases[0].durationMs == 0);
    CHECK(t.phases[1].startMs == 0);
    CHECK(t.totalMs == 5'000);
}

TEST_CASE("the phase limit is exact") {
    // 100 x 100 = 10,000 phases is allowed; one more is not.
    const std::string ok = "name=\"x\"\n[[step]]\nlabel=\"a\"\nrepeat=100\n[[step.step]]\nlabel=\"b\"\nrepeat=100\n"
                           "[[step.step.step]]\nkind=\"hold\"\nduration=1\n";
    const auto r = parseRoutine(ok, "x");
    CHECK(r.valid());
    CHECK(countPhases(r.routine) == 10'000);
    CHECK(expand(r.routine).size() == 10'000);
    const auto over = parseRoutine(ok + "[[step]]\nkind=\"rest\"\nduration=1\n", "x");
    CHECK_FALSE(over.valid());
}
