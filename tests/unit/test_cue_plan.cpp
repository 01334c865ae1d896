#include "play/cue_plan.hpp"
#include "routine/routine_parser.hpp"

#include "helpers.hpp"

#include <doctest/doctest.h>

using namespace unknot;
using unknot::test::timelineOf;
namespace {
constexpr std::string_view kRoutine = R"(name = "x"
[[step]]
kind = "prepare"
duration = "4s"
[[step]]
kind = "hold"
duration = "30s"
[[step]]
kind = "manual"
[[step]]
kind = "release"
duration = "5s"
)";
} // namespace

TEST_CASE("default cues: phase starts / 3-2-1 before ends of 5 s+ / halfway in 30 s+ / end") {
    const Timeline t = timelineOf(kRoutine);
    const CuePlan plan = planCues(t, CueOptions{});
    struct Expected {
        Millis at;
        CueType type;
        std::size_t phase;
    };
    const std::vector<Expected> expected = {
        {0, CueType::Phase, 0},           // prepare 4 s: too short for a countdown
        {4'000, CueType::Phase, 1},       // hold 30 s
        {19'000, CueType::Halfway, 1},    //
        {31'000, CueType::Countdown, 1},  //
        {32'000, CueType::Countdown, 1},  //
        {33'000, CueType::Countdown, 1},  //
        {34'000, CueType::Phase, 2},      // manual: 0 ms, no countdown
        {34'000, CueType::Phase, 3},      // release 5 s: countdown at 2, 3, 4 s in
        {36'000, CueType::Countdown, 3},  //
        {37'000, CueType::Countdown, 3},  //
        {38'000, CueType::Countdown, 3},  //
        {39'000, CueType::End, 3},
    };
    REQUIRE(plan.cues.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        CAPTURE(i);
        CHECK(plan.cues[i].atMs == expected[i].at);
        CHECK(plan.cues[i].type == expected[i].type);
        CHECK(plan.cues[i].phase == expected[i].phase);
    }
    CHECK(plan.cues[3].count == 3);
    CHECK(plan.cues[5].count == 1);
}

TEST_CASE("each kind of cue can be turned off") {
    const Timeline t = timelineOf(kRoutine);
    const auto count = [&](CueOptions o, CueType type) {
        std::size_t n = 0;
        for (const auto& c : planCues(t, o).cues) n += c.type == type ? 1 : 0;
        return n;
    };
    CueOptions o;
    CHECK(count(o, CueType::Countdown) == 6);
    o.countdown = false;
    CHECK(count(o, CueType::Countdown) == 0);
    CHECK(count(o, CueType::Halfway) == 1);
    o.halfway = false;
    CHECK(count(o, CueType::Halfway) == 0);
    o.end = false;
    CHECK(count(o, CueType::End) == 0);
    o.phase = false;
    CHECK(planCues(t, o).cues.empty());
}

TEST_CASE("cuesForPhase follows an extended end but keeps halfway where it was") {
    Phase p;
    p.kind = PhaseKind::Hold;
    p.durationMs = 30'000;
    const PhaseCues cues = cuesForPhase(p, 45'000, CueOptions{});
    REQUIRE(cues.size == 5);
    CHECK(cues.items[1].type == CueType::Halfway);
    CHECK(cues.items[1].offsetMs == 15'000);
    CHECK(cues.items[2].offsetMs == 42'000);
    CHECK(cues.items[4].offsetMs == 44'000);
    // A short phase extended past 5 s gets its countdown.
    p.durationMs = 3'000;
    CHECK(cuesForPhase(p, 3'000, CueOptions{}).size == 1);
    CHECK(cuesForPhase(p, 18'000, CueOptions{}).size == 4);
}
