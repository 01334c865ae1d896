// The player controller driven the way a user does, on a steady-clock driver with a fake clock.
#include "core/atomic_file.hpp"
#include "screens/player/player_controller.hpp"
#include "screens/player/player_model.hpp"
#include "screens/player/player_screen.hpp"
#include "store/history_db.hpp"

#include "app_fakes.hpp"
#include "helpers.hpp"
#include "temp_dir.hpp"

#include <doctest/doctest.h>

using namespace unknot;
using unknot::test::timelineOf;

namespace {

// prepare 10 s, tense 5 s, a manual step, release 10 s: 25 s of timed phases.
constexpr std::string_view kRoutine = R"(name = "Calf set"
[[step]]
kind = "prepare"
duration = "10s"
[[step]]
kind = "tense"
duration = "5s"
[[step]]
kind = "manual"
label = "Turn over"
[[step]]
kind = "release"
duration = "10s"
)";

struct Rig {
    Ticks now = 1'000'000;             // the steady clock, ms
    std::int64_t wall = 1'700'000'000; // the wall clock, s
    test::Reports reports;
    test::History history;
    SteadyClockDriver driver{[this] { return now; }, 1000};
    PlayerController player{history, reports, PlayerClocks{[this] { return now; }, [this] { return wall; }}};
    LibraryEntry entry;

    Rig() {
        entry.id = "calf-set";
        entry.parsed.routine.name = "Calf set";
        entry.setTimeline(timelineOf(kRoutine));
        player.setDriver(&driver);
    }
    void pass(Millis ms) {
        now += ms;
        wall += ms / 1000;
        player.update();
    }
    [[nodiscard]] const SessionStatus& status() const { return player.status(); }
};

} // namespace

TEST_CASE("the player plays the library's timeline itself: shared with the session, never copied") {
    Rig rig;
    REQUIRE(rig.player.start(rig.entry, {}));
    CHECK(&rig.player.routine()->timeline() == &rig.entry.timeline());
    // The entry, the player and the driver's session hold the one timeline.
    CHECK(rig.entry.sharedTimeline().use_count() == 3 + 1); // + the copy this line made
    CHECK(rig.player.routine()->displayName() == "Calf set");
    rig.player.stop();
    CHECK(rig.entry.sharedTimeline().use_count() == 2 + 1); // the player let it go; the driver's session still holds it
}

TEST_CASE("the player starts a routine and refuses one that cannot play") {
    Rig rig;
    CHECK(rig.player.start(rig.entry, {}));
    CHECK(rig.player.playing());
    CHECK(rig.status().state == SessionState::Running);
    CHECK(rig.reports.count("start routine=calf-set phases=4 total_ms=25000") == 1);
    CHECK(rig.reports.count("phase index=0 kind=prepare side=none") == 1);
    CHECK(rig.player.flashing());

    Rig broken;
    broken.entry.parsed.diagnostics.push_back(Diagnostic{"x.toml", 1, 1, "bad"});
    CHECK_FALSE(broken.player.start(broken.entry, {}));
    CHECK_FALSE(broken.player.playing());
}

TEST_CASE("pause stops the countdown and resume carries on from there") {
    Rig rig;
    rig.player.start(rig.entry, {});
    rig.pass(3000);
    rig.player.pause();
    CHECK(rig.status().state == SessionState::Paused);
    const Millis left = rig.status().phaseRemainingMs;
    rig.pass(5000);
    CHECK(rig.status().phaseRemainingMs == left);
    rig.player.pause(); // already paused: nothing happens
    CHECK(rig.status().state == SessionState::Paused);
    rig.player.resume();
    CHECK(rig.status().state == SessionState::Running);
    rig.player.resume(); // already running: nothing happens
    CHECK(rig.status().state == SessionState::Running);
    rig.pass(1000);
    CHECK(rig.status().phaseRemainingMs == left - 1000);
    CHECK(rig.reports.count("command toggle-pause") == 2);
}

TEST_CASE("continue leaves a manual step, and only a manual step") {
    Rig rig;
    rig.player.start(rig.entry, {});
    rig.player.continueManual(); // running: ignored
    CHECK(rig.status().phase == 0);
    rig.pass(15'000);
    REQUIRE(rig.status().state == SessionState::WaitingManual);
    CHECK(rig.status().phase == 2);
    rig.pass(60'000); // it waits as long as it takes
    CHECK(rig.status().phase == 2);
    rig.player.continueManual();
    CHECK(rig.status().phase == 3);
    CHECK(rig.status().state == SessionState::Running);
}

TEST_CASE("skip at the last phase finishes the routine, not completed when its phases were skipped") {
    Rig rig;
    rig.player.start(rig.entry, {});
    rig.player.skip();
    rig.player.skip();
    rig.player.continueManual();
    CHECK(rig.status().phase == 3);
    rig.player.skip();
    CHECK(rig.status().state == SessionState::Finished);
    CHECK(rig.player.over());
    REQUIRE(rig.history.records.size() == 1);
    CHECK_FALSE(rig.history.records[0].completed); // three of four phases skipped
    CHECK(rig.history.records[0].skippedPhases == 3);
    CHECK(rig.history.records[0].routineId == "calf-set");
    CHECK(rig.history.records[0].plannedMs == 25'000);
    CHECK(rig.reports.count("finished active_ms=") == 1);
    rig.pass(1000); // the end is recorded once
    CHECK(rig.history.records.size() == 1);
}

TEST_CASE("back within 2 s of a phase's start goes to the previous phase, later it restarts this one") {
    Rig rig;
    rig.player.start(rig.entry, {});
    rig.pass(10'500); // 0.5 s into the tense
    REQUIRE(rig.status().phase == 1);
    rig.player.back();
    CHECK(rig.status().phase == 0);
    CHECK(rig.status().phaseRemainingMs == 10'000);
    rig.pass(4000);
    rig.player.back(); // 4 s in: this phase again
    CHECK(rig.status().phase == 0);
    CHECK(rig.status().phaseRemainingMs == 10'000);
}

TEST_CASE("extend during a countdown adds 15 s to this phase") {
    Rig rig;
    rig.player.start(rig.entry, {});
    rig.pass(8000);                                      // the 3-2-1 countdown of the prepare phase has begun
    CHECK(rig.reports.count("cue type=countdown") == 2); // 3 and 2
    rig.player.extend();
    CHECK(rig.status().phaseRemainingMs == 17'000);
    CHECK(rig.status().routineTotalMs == 40'000);
    rig.pass(3000);
    CHECK(rig.status().phase == 0); // no change at the old end
    CHECK(rig.reports.count("command extend") == 1);
}

TEST_CASE("restart plays from the first phase and the history counts from the restart") {
    Rig rig;
    rig.player.start(rig.entry, {});
    const std::int64_t firstStart = rig.player.startedAt();
    rig.pass(12'000);
    rig.player.restart();
    CHECK(rig.status().phase == 0);
    CHECK(rig.player.startedAt() == firstStart + 12);
    CHECK(rig.player.wallMs() == 0);
    rig.pass(5000);
    rig.player.stop();
    REQUIRE(rig.history.records.size() == 1);
    CHECK(rig.history.records[0].startedAt == firstStart + 12);
}

TEST_CASE("restart on the finished screen plays again and records the second run too") {
    Rig rig;
    rig.player.start(rig.entry, {});
    rig.pass(15'000);
    rig.player.continueManual();
    rig.pass(10'000);
    REQUIRE(rig.player.over());
    rig.pass(30'000);
    rig.player.restart();
    rig.pass(1);
    CHECK_FALSE(rig.player.over());
    CHECK(rig.history.records.size() == 1);
    rig.player.stop();
    REQUIRE(rig.history.records.size() == 2);
    CHECK(rig.history.records[1].startedAt == rig.history.records[0].startedAt + 55);
    CHECK_FALSE(rig.history.records[1].completed);
}

TEST_CASE("stop records the session as stopped, with the time done") {
    Rig rig;
    rig.player.start(rig.entry, {});
    rig.pass(7000);
    rig.player.stop();
    CHECK_FALSE(rig.player.playing());
    REQUIRE(rig.history.records.size() == 1);
    CHECK_FALSE(rig.history.records[0].completed);
    CHECK(rig.history.records[0].doneMs == 7000);
    CHECK(rig.reports.count("stopped active_ms=7000 wall_ms=7000") == 1);
    rig.player.stop(); // nothing plays: nothing more is recorded
    CHECK(rig.history.records.size() == 1);
}

TEST_CASE("stop after the end records nothing more") {
    Rig rig;
    rig.player.start(rig.entry, {});
    rig.player.skip();
    rig.player.skip();
    rig.player.skip();
    rig.player.skip();
    REQUIRE(rig.player.over());
    rig.player.stop();
    CHECK(rig.history.records.size() == 1);
}

TEST_CASE("quit while a routine plays records it as stopped") {
    Rig rig;
    rig.player.start(rig.entry, {});
    rig.pass(2000);
    rig.player.quit();
    REQUIRE(rig.history.records.size() == 1);
    CHECK_FALSE(rig.history.records[0].completed);
}

TEST_CASE("Esc asks first, a second Esc leaves, anything else keeps the routine going") {
    Rig rig;
    rig.player.start(rig.entry, {});
    CHECK(rig.player.requestExit());
    CHECK(rig.player.confirmingExit());
    CHECK(rig.player.nextChangeInMs().has_value());
    CHECK(rig.player.cancelExit());
    CHECK_FALSE(rig.player.cancelExit());
    CHECK(rig.player.playing());
    CHECK(rig.player.requestExit());
    rig.pass(PlayerController::kConfirmExitMs); // the question runs out
    CHECK_FALSE(rig.player.confirmingExit());
    CHECK(rig.player.requestExit());
    CHECK_FALSE(rig.player.requestExit());
    CHECK_FALSE(rig.player.playing());
    CHECK(rig.history.records.size() == 1);
}

TEST_CASE("a history that cannot be written becomes a notice") {
    Rig rig;
    rig.history.failWith = "disk full";
    rig.player.start(rig.entry, {});
    rig.player.stop();
    REQUIRE(rig.reports.notices.size() == 1);
    CHECK(rig.reports.notices[0] == "cannot write the history: disk full");
}

TEST_CASE("the history file gets one line per session") {
    test::TempDir dir;
    HistoryFile file(dir.path / "history.csv");
    test::Reports reports;
    Ticks now = 0;
    SteadyClockDriver driver{[&] { return now; }, 1000};
    PlayerController player{file, reports,
                            PlayerClocks{[&] { return now; }, [] { return std::int64_t{1'700'000'000}; }}};
    player.setDriver(&driver);
    LibraryEntry entry;
    entry.id = "calf-set";
    entry.setTimeline(timelineOf(kRoutine));
    player.start(entry, {});
    now += 4000;
    player.update();
    player.stop();
    const auto records = parseHistoryCsv(*readFile(file.file())).sessions;
    REQUIRE(records.size() == 1);
    CHECK(records[0].routineId == "calf-set");
    CHECK(records[0].startedAt == 1'700'000'000);
    CHECK(records[0].doneMs == 4000);
}

TEST_CASE("the player wakes for the countdown's next second and the flash's end") {
    Rig rig;
    CHECK_FALSE(rig.player.nextChangeInMs());
    rig.player.setFlash(true, 250);
    rig.player.start(rig.entry, {});
    CHECK(*rig.player.nextChangeInMs() == 250);
    rig.pass(300);
    CHECK(*rig.player.nextChangeInMs() == 701); // 9.7 s left: 9.0 s shows in 700 ms
    rig.player.pause();
    CHECK_FALSE(rig.player.nextChangeInMs());
}

TEST_CASE("R asks first while a routine plays, a second R restarts, and the question runs out") {
    Rig rig;
    rig.player.start(rig.entry, {});
    rig.pass(3000);
    CHECK(rig.player.requestRestart());
    CHECK(rig.player.confirmingRestart());
    rig.pass(1000);
    CHECK(rig.status().phaseElapsedMs == 4000); // nothing restarted yet
    CHECK_FALSE(rig.player.requestRestart());
    CHECK(rig.status().phaseElapsedMs == 0);
    CHECK_FALSE(rig.player.confirmingRestart());
    CHECK(rig.player.requestRestart());
    rig.pass(PlayerController::kConfirmExitMs + 1);
    CHECK_FALSE(rig.player.confirmingRestart());
    CHECK(rig.player.requestRestart()); // asks again rather than restarting
    CHECK(rig.player.cancelRestart());
    CHECK_FALSE(rig.player.confirmingRestart());
}

TEST_CASE("a routine whose every phase was skipped is not recorded as completed") {
    Rig rig;
    rig.player.start(rig.entry, {});
    for (int i = 0; i < 4; ++i) {
        rig.pass(100);
        rig.player.skip();
    }
    rig.pass(1);
    REQUIRE(rig.player.over());
    CHECK(rig.status().state == SessionState::Finished);
    CHECK(rig.player.skippedPhases() == 4);
    CHECK_FALSE(rig.player.completed());
    REQUIRE(rig.history.records.size() == 1);
    CHECK_FALSE(rig.history.records[0].completed);
    CHECK(rig.history.records[0].skippedPhases == 4);
    CHECK(rig.history.records[0].doneMs < 1000); // the seconds actually played
}

TEST_CASE("a routine played through is completed, with its skipped phases counted") {
    Rig rig;
    rig.player.start(rig.entry, {});
    rig.pass(1000);
    rig.player.skip(); // the prepare: one of four phases is more than a fifth
    rig.pass(5000);
    rig.player.continueManual();
    rig.pass(10'000);
    REQUIRE(rig.player.over());
    CHECK(rig.player.skippedPhases() == 1);
    CHECK_FALSE(rig.player.completed());
    Rig played;
    played.player.start(played.entry, {});
    played.pass(15'000);
    played.player.continueManual();
    played.pass(10'000);
    REQUIRE(played.player.over());
    CHECK(played.player.completed());
    REQUIRE(played.history.records.size() == 1);
    CHECK(played.history.records[0].completed);
    CHECK(played.history.records[0].skippedPhases == 0);
}

TEST_CASE("the player screen takes the session's intents, leaves leaving to the app, and describes a change once") {
    Rig rig;
    PlayerScreen screen(rig.player);
    REQUIRE(rig.player.start(rig.entry, {}));
    CHECK(screen.keyScreen() == ui::Screen::Player);
    CHECK(screen.handle(ui::Intent{ui::Action::TogglePause}));
    CHECK(rig.status().state == SessionState::Paused);
    CHECK(screen.handle(ui::Intent{ui::Action::Resume}));
    CHECK(rig.status().state == SessionState::Running);
    CHECK(screen.handle(ui::Intent{ui::Action::Skip}));
    CHECK(rig.status().phase == 1);
    CHECK_FALSE(screen.handle(ui::Intent{ui::Action::RequestExit})); // the app's flow: a check-in, the history
    CHECK_FALSE(screen.handle(ui::Intent{ui::Action::Restart}));
    CHECK_FALSE(screen.handle(ui::Intent{ui::Action::ToggleMute}));

    std::string out;
    screen.describe(out);
    CHECK(out.empty()); // nothing drawn yet
    screen.drawn("test layout scale=1.00 w=800");
    screen.describe(out);
    screen.drawn("test layout scale=1.00 w=800");
    screen.describe(out);
    CHECK(out == "test layout scale=1.00 w=800\n");

    while (!rig.player.over()) CHECK(screen.handle(ui::Intent{ui::Action::Skip}));
    CHECK(screen.keyScreen() == ui::Screen::Finished);
}

TEST_CASE("the player's frame is made from its player, the sound settings and what the loop knows") {
    Rig rig;
    Settings settings;
    settings.volume = 35;
    settings.muted = true;
    REQUIRE(rig.player.start(rig.entry, {}));
    ui::PlayerModel f = playerFrame(rig.player, settings, {true, false, "No sound device: visual cues only", 0});
    CHECK(f.timeline == &rig.entry.timeline());
    CHECK(f.routineName == "Calf set");
    CHECK(f.status.phase == 0);
    CHECK(f.status.state == SessionState::Running);
    CHECK(f.flash == 1.0f); // a phase just began
    CHECK(f.showHelp);
    CHECK(f.volume == 35);
    CHECK(f.muted);
    CHECK_FALSE(f.soundAvailable);
    CHECK(f.notice == "No sound device: visual cues only");
    CHECK(f.chromeVisible); // input just now
    CHECK_FALSE(f.confirmingExit);

    // Playing undisturbed, the chrome recedes kChromeShownMs after the last input.
    rig.pass(2000);
    CHECK(playerFrame(rig.player, settings, {}).flash == 0.0f);
    CHECK(chromeVisible(rig.player, kChromeShownMs - 1));
    CHECK(chromeRecedesInMs(rig.player, 1000) == kChromeShownMs - 1000);
    CHECK_FALSE(chromeVisible(rig.player, kChromeShownMs));
    CHECK_FALSE(chromeRecedesInMs(rig.player, kChromeShownMs));
    CHECK_FALSE(playerFrame(rig.player, settings, {false, true, "", kChromeShownMs}).chromeVisible);
    // Paused, it stays (the user may reach for a button), and nothing recedes.
    rig.player.togglePause();
    rig.pass(1);
    CHECK(chromeVisible(rig.player, 60'000));
    CHECK_FALSE(chromeRecedesInMs(rig.player, 0));
    rig.player.togglePause();
    rig.pass(1);
    CHECK(rig.player.requestExit()); // "leave?" is asked
    f = playerFrame(rig.player, settings, {});
    CHECK(f.confirmingExit);
    CHECK(f.volume == 35);

    // At a manual phase and once it is over, it shows whatever the time since input.
    rig.player.cancelExit();
    rig.pass(13'000);
    REQUIRE(rig.status().manual);
    CHECK(chromeVisible(rig.player, 60'000));
    rig.player.continueManual();
    rig.pass(10'000);
    REQUIRE(rig.player.over());
    f = playerFrame(rig.player, settings, {false, true, "", 60'000});
    CHECK(f.chromeVisible);
    CHECK(f.completed);
    CHECK(f.skippedPhases == 0);
    CHECK(f.wallMs == rig.player.wallMs());
    CHECK(f.wallMs >= 25'000);
}
