#include "play/session.hpp"
#include "routine/routine_parser.hpp"

#include "helpers.hpp"

#include <doctest/doctest.h>

using namespace unknot;
using unknot::test::timelineOf;
namespace {

struct Recorder : SessionListener {
    std::vector<FiredCue> cues;
    void onCue(const FiredCue& cue) override { cues.push_back(cue); }
    [[nodiscard]] std::size_t count(CueType type) const {
        std::size_t n = 0;
        for (const auto& c : cues) n += c.type == type ? 1 : 0;
        return n;
    }
};

// prepare 10 s, tense 5 s, release 10 s, hold 40 s: 65 s in all.
constexpr std::string_view kRoutine = R"(name = "x"
[[step]]
kind = "prepare"
duration = "10s"
[[step]]
kind = "tense"
duration = "5s"
[[step]]
kind = "release"
duration = "10s"
[[step]]
kind = "hold"
duration = "40s"
)";

// A fake clock in milliseconds that steps the session the way a frame loop would.
struct Rig {
    Recorder recorder;
    Session session;
    Ticks now = 0;
    explicit Rig(std::string_view text = kRoutine, Ticks tps = 1000)
        : session(timelineOf(text), CueOptions{}, tps, &recorder) {}
    void runFor(Ticks ticks, Ticks step = 7) {
        const Ticks end = now + ticks;
        while (now < end) {
            now = std::min(end, now + step);
            session.advance(now);
        }
    }
};

} // namespace

TEST_CASE("a session left alone plays every planned cue once / at its exact tick") {
    for (const Ticks tps : {Ticks{1000}, Ticks{48000}}) {
        CAPTURE(tps);
        Rig rig(kRoutine, tps);
        rig.session.start(0);
        rig.runFor(70 * tps, tps / 100 + 3); // uneven steps, like a real loop
        CHECK(rig.session.state() == SessionState::Finished);
        const CuePlan plan = planCues(rig.session.timeline(), CueOptions{});
        REQUIRE(rig.recorder.cues.size() == plan.cues.size());
        for (std::size_t i = 0; i < plan.cues.size(); ++i) {
            CAPTURE(i);
            CHECK(rig.recorder.cues[i].type == plan.cues[i].type);
            CHECK(rig.recorder.cues[i].phase == plan.cues[i].phase);
            CHECK(rig.recorder.cues[i].at == plan.cues[i].atMs * tps / 1000);
        }
    }
}

TEST_CASE("status reports phase / remaining / progress and next") {
    Rig rig;
    CHECK(rig.session.status(0).state == SessionState::Ready);
    rig.session.start(1000);
    rig.now = 1000;
    rig.runFor(12'000);
    const auto s = rig.session.status(rig.now);
    CHECK(s.phase == 1);
    CHECK(s.phaseElapsedMs == 2'000);
    CHECK(s.phaseRemainingMs == 3'000);
    CHECK(s.routineElapsedMs == 12'000);
    CHECK(s.routineTotalMs == 65'000);
    CHECK(s.next == 2);
    CHECK(s.phaseProgress() == doctest::Approx(0.4));
    // Between advances the status still moves with the clock, and never past the phase end.
    CHECK(rig.session.status(rig.now + 500).phaseRemainingMs == 2'500);
    CHECK(rig.session.status(rig.now + 99'000).phaseRemainingMs == 0);
}

TEST_CASE("pause stops time and cues - resume picks up exactly") {
    Rig rig;
    rig.session.start(0);
    rig.runFor(3'000);
    rig.session.pause(rig.now);
    const std::size_t before = rig.recorder.cues.size();
    rig.runFor(60'000);
    CHECK(rig.recorder.cues.size() == before);
    CHECK(rig.session.status(rig.now).phaseElapsedMs == 3'000);
    CHECK(rig.session.status(rig.now).paused);
    rig.session.resume(rig.now);
    const Ticks resumedAt = rig.now;
    rig.runFor(10'000);
    // The prepare phase's countdown lands 7, 8, 9 s of running time in: 4, 5, 6 s after resuming.
    std::vector<Ticks> ticks;
    for (const auto& c : rig.recorder.cues)
        if (c.type == CueType::Countdown && c.phase == 0) ticks.push_back(c.at - resumedAt);
    CHECK(ticks == std::vector<Ticks>{4'000, 5'000, 6'000});
    CHECK(rig.session.status(rig.now).activeMs == 13'000);
}

TEST_CASE("skip moves on at once and never plays cues of the skipped part") {
    Rig rig;
    rig.session.start(0);
    rig.runFor(2'000);
    rig.session.skip(rig.now);
    CHECK(rig.session.status(rig.now).phase == 1);
    CHECK(rig.recorder.cues.back().type == CueType::Phase);
    CHECK(rig.recorder.cues.back().phase == 1);
    CHECK(rig.recorder.cues.back().at == 2'000);
    rig.runFor(100'000);
    for (const auto& c : rig.recorder.cues) CHECK_FALSE((c.phase == 0 && c.type == CueType::Countdown));
    CHECK(rig.recorder.count(CueType::End) == 1);
    CHECK(rig.session.state() == SessionState::Finished);
}

TEST_CASE("skip while paused stays paused and announces the new phase on resume") {
    Rig rig;
    rig.session.start(0);
    rig.runFor(1'000);
    rig.session.pause(rig.now);
    const std::size_t before = rig.recorder.cues.size();
    rig.session.skip(rig.now);
    rig.runFor(5'000);
    CHECK(rig.recorder.cues.size() == before);
    CHECK(rig.session.status(rig.now).phase == 1);
    CHECK(rig.session.status(rig.now).paused);
    rig.session.resume(rig.now);
    REQUIRE(rig.recorder.cues.size() == before + 1);
    CHECK(rig.recorder.cues.back().phase == 1);
    CHECK(rig.recorder.cues.back().at == rig.now);
}

TEST_CASE("back restarts the phase / or goes to the previous one within 2 s") {
    Rig rig;
    rig.session.start(0);
    rig.runFor(12'500); // 2.5 s into phase 1
    rig.session.back(rig.now);
    CHECK(rig.session.status(rig.now).phase == 1);
    CHECK(rig.session.status(rig.now).phaseElapsedMs == 0);
    rig.runFor(1'000);
    rig.session.back(rig.now);
    CHECK(rig.session.status(rig.now).phase == 0);
    // The replayed phase plays its cues again, from the new start.
    const Ticks restartedAt = rig.now;
    rig.runFor(10'000);
    std::vector<Ticks> ticks;
    for (const auto& c : rig.recorder.cues)
        if (c.type == CueType::Countdown && c.phase == 0 && c.at >= restartedAt) ticks.push_back(c.at - restartedAt);
    CHECK(ticks == std::vector<Ticks>{7'000, 8'000, 9'000});
    // Back at the first phase's start stays on it.
    rig.session.restart(rig.now);
    rig.session.back(rig.now);
    CHECK(rig.session.status(rig.now).phase == 0);
}

TEST_CASE("extend moves the countdown to the new end without replaying what played") {
    Rig rig;
    rig.session.start(0);
    rig.runFor(25'000 + 38'500); // 38.5 s into the 40 s hold: halfway, the 3 and 2 ticks played
    CHECK(rig.recorder.count(CueType::Halfway) == 1);
    const std::size_t ticksBefore = rig.recorder.count(CueType::Countdown);
    rig.session.extend(rig.now);
    CHECK(rig.session.status(rig.now).phaseRemainingMs == 16'500);
    CHECK(rig.session.status(rig.now).routineTotalMs == 80'000);
    rig.runFor(30'000);
    CHECK(rig.recorder.count(CueType::Halfway) == 1);
    CHECK(rig.recorder.count(CueType::Countdown) == ticksBefore + 3);
    CHECK(rig.recorder.cues.back().type == CueType::End);
    CHECK(rig.recorder.cues.back().at == 80'000);
    std::vector<Ticks> ticks;
    for (const auto& c : rig.recorder.cues)
        if (c.type == CueType::Countdown && c.phase == 3) ticks.push_back(c.at);
    CHECK(ticks == std::vector<Ticks>{62'000, 63'000, 77'000, 78'000, 79'000});
}

TEST_CASE("manual phases wait for continue and time spent waiting plays nothing") {
    Rig rig("name=\"x\"\n[[step]]\nkind=\"manual\"\nlabel=\"Fetch the ball\"\n[[step]]\nkind=\"hold\"\nduration=5\n");
    rig.session.start(0);
    CHECK(rig.session.state() == SessionState::WaitingManual);
    CHECK(rig.recorder.cues.size() == 1);
    rig.runFor(60'000);
    CHECK(rig.recorder.cues.size() == 1);
    CHECK(rig.session.status(rig.now).manual);
    rig.session.pause(rig.now); // pause has nothing to pause in a manual phase
    CHECK(rig.session.state() == SessionState::WaitingManual);
    rig.session.togglePause(rig.now); // Space continues
    CHECK(rig.session.state() == SessionState::Running);
    CHECK(rig.recorder.cues.back().at == 60'000);
    rig.runFor(5'000);
    CHECK(rig.session.state() == SessionState::Finished);
    CHECK(rig.recorder.cues.back().at == 65'000);
}

TEST_CASE("stop ends the session - nothing plays after it") {
    Rig rig;
    rig.session.start(0);
    rig.runFor(4'000);
    rig.session.stop(rig.now);
    const std::size_t before = rig.recorder.cues.size();
    rig.runFor(100'000);
    rig.session.skip(rig.now);
    rig.session.extend(rig.now);
    CHECK(rig.recorder.cues.size() == before);
    CHECK(rig.session.state() == SessionState::Stopped);
    CHECK(rig.session.status(rig.now).over);
}

TEST_CASE("restart starts over / a clock running backwards is ignored") {
    Rig rig;
    rig.session.start(0);
    rig.runFor(30'000);
    rig.session.restart(rig.now);
    CHECK(rig.session.status(rig.now).phase == 0);
    CHECK(rig.session.status(rig.now).activeMs == 0);
    rig.session.advance(rig.now - 5'000);
    CHECK(rig.session.status(rig.now).phaseElapsedMs == 0);
    rig.runFor(65'000);
    CHECK(rig.session.state() == SessionState::Finished);
    // Back from the finished screen replays the last phase.
    rig.session.back(rig.now);
    CHECK(rig.session.state() == SessionState::Running);
    CHECK(rig.session.status(rig.now).phase == 3);
}

TEST_CASE("a big clock jump plays every cue in between / in order") {
    Rig rig;
    rig.session.start(0);
    rig.session.advance(1'000'000);
    CHECK(rig.session.state() == SessionState::Finished);
    CHECK(rig.recorder.cues.size() == planCues(rig.session.timeline(), CueOptions{}).cues.size());
    for (std::size_t i = 1; i < rig.recorder.cues.size(); ++i) CHECK(rig.recorder.cues[i].at >= rig.recorder.cues[i - 1].at);
}

TEST_CASE("cue options turn kinds of cue off / also mid-session") {
    Rig rig;
    rig.session.start(0);
    CueOptions quiet;
    quiet.countdown = false;
    rig.session.setCueOptions(quiet);
    rig.runFor(100'000);
    CHECK(rig.recorder.count(CueType::Countdown) == 0);
    CHECK(rig.recorder.count(CueType::Phase) == 4);
}
