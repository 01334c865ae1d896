#include "routine/routine_outline.hpp"
#include "routine/routine_parser.hpp"
#include "routine/timeline.hpp"

#include <doctest/doctest.h>

using namespace unknot;

TEST_CASE("the outline keeps blocks and sides readable and agrees with the timeline") {
    const auto r = parseRoutine(R"(name = "x"
[[step]]
kind = "prepare"
duration = "10s"
label = "Sit"
cue = "Tall."
[[step]]
label = "Calf"
repeat = 5
sides = ["left", "right"]
switch = "8s"
rest_between = "5s"
  [[step.step]]
  kind = "tense"
  duration = "5s"
  [[step.step]]
  kind = "release"
  duration = "10s"
[[step]]
kind = "manual"
label = "Fetch the ball"
)",
                                "x");
    REQUIRE(r.valid());
    const auto lines = outline(r.routine);
    REQUIRE(lines.size() == 5);
    CHECK(lines[0].text == "Prepare \xE2\x80\x94 Sit");
    CHECK(lines[0].detail == "10 s \xC2\xB7 Tall.");
    CHECK(lines[1].text == "Calf \xC3\x97 5");
    CHECK(lines[1].detail == "left then right, switch 8 s, rest 5 s between");
    CHECK(lines[1].block);
    CHECK(lines[2].depth == 1);
    CHECK(lines[4].detail == "waits for you");
    Millis sum = 0;
    for (const auto& l : lines)
        if (l.depth == 0) sum += l.totalMs;
    CHECK(sum == expand(r.routine).totalMs);
    CHECK(lines[1].totalMs == 2 * (5 * 15'000 + 4 * 5'000) + 8'000);
}

TEST_CASE("step totals match the expansion for every built-in routine") {
    for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(UNKNOT_SOURCE_DIR) / "routines")) {
        const auto r = loadRoutineFile(entry.path());
        REQUIRE(r.valid());
        Millis sum = 0;
        for (const auto& s : r.routine.steps) sum += stepTotalMs(s);
        CHECK(sum == expand(r.routine).totalMs);
    }
}
