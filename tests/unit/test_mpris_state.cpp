// The media remote without a bus: what each MPRIS command means where the app is (the same
// intents as the keys), and the properties the bus shows for a player state.
#include "app/mpris_state.hpp"
#include "screens/check_in/check_in_intent.hpp"

#include "helpers.hpp"

#include <doctest/doctest.h>

using namespace unknot;
using ui::Action;
using ui::CheckInAction;
using ui::MediaCommand;
using ui::MediaContext;
using ui::Screen;

namespace {

// Two rounds of a hold on each side, no switch phase: left 1, left 2, right 1, right 2; then a manual step.
constexpr std::string_view kBall = R"(name = "Ball"
[[step]]
kind = "hold"
duration = "30s"
label = "Sink into the ball"
repeat = 2
sides = ["left", "right"]
switch = "0s"
[[step]]
kind = "manual"
label = "Stand up"
)";

Action actionOf(MediaCommand command, MediaContext context) { return ui::intentForMedia(command, context).action; }

MprisInput inputAt(const Timeline& timeline, std::size_t phase, SessionState state) {
    MprisInput in;
    in.context = {Screen::Player, state, true};
    in.timeline = &timeline;
    in.routineName = "Ball";
    in.status.state = state;
    in.status.phase = phase;
    in.status.phaseDurationMs = timeline.phases[phase].durationMs;
    in.status.phaseElapsedMs = 12'000;
    in.artUrl = "file:///usr/share/icons/unknot.png";
    in.nowMs = 5'000;
    return in;
}

} // namespace

TEST_CASE("on the player, media commands are the player keys' intents") {
    const MediaContext running{Screen::Player, SessionState::Running, true};
    // Next and Previous are exactly → and ←: the key map's own answer.
    const ui::KeyContext keys{Screen::Player};
    CHECK(actionOf(MediaCommand::Next, running) == ui::intentForKey(ui::Key::Right, keys).action);
    CHECK(actionOf(MediaCommand::Previous, running) == ui::intentForKey(ui::Key::Left, keys).action);
    CHECK(actionOf(MediaCommand::PlayPause, running) == ui::intentForKey(ui::Key::Space, keys).action);
    CHECK(actionOf(MediaCommand::Pause, running) == Action::Pause);
    CHECK(actionOf(MediaCommand::Play, running) == Action::None); // already playing
    CHECK(actionOf(MediaCommand::Stop, running) == Action::Stop);

    const MediaContext paused{Screen::Player, SessionState::Paused, true};
    CHECK(actionOf(MediaCommand::Play, paused) == Action::Resume);
    CHECK(actionOf(MediaCommand::Pause, paused) == Action::None);
    const MediaContext manual{Screen::Player, SessionState::WaitingManual, true};
    CHECK(actionOf(MediaCommand::Play, manual) == Action::Resume); // continues past the manual step
    CHECK(actionOf(MediaCommand::Pause, manual) == Action::None);
}

TEST_CASE("off the player, Play starts the selection and the rest does nothing") {
    CHECK(actionOf(MediaCommand::Play, {Screen::Library, SessionState::Ready, true}) == Action::StartSelected);
    CHECK(actionOf(MediaCommand::PlayPause, {Screen::Library, SessionState::Ready, true}) == Action::StartSelected);
    CHECK(actionOf(MediaCommand::Play, {Screen::Library, SessionState::Ready, false}) == Action::None);
    // The settings panel has the keys (they would not reach the player): nothing starts.
    CHECK(actionOf(MediaCommand::Play, {Screen::Settings, SessionState::Ready, true}) == Action::None);
    for (const auto command : {MediaCommand::Next, MediaCommand::Previous, MediaCommand::Pause, MediaCommand::Stop})
        CHECK(actionOf(command, {Screen::Library, SessionState::Ready, true}) == Action::None);
    CHECK(actionOf(MediaCommand::Play, {Screen::Finished, SessionState::Finished, true}) == Action::Restart);
    CHECK(actionOf(MediaCommand::Stop, {Screen::Finished, SessionState::Finished, true}) == Action::ToLibrary);
    CHECK(actionOf(MediaCommand::Next, {Screen::Finished, SessionState::Finished, true}) == Action::None);
    for (const auto screen : {Screen::Editor, Screen::QuickSet, Screen::History})
        CHECK(actionOf(MediaCommand::Play, {screen, SessionState::Ready, true}) == Action::None);
}

TEST_CASE("hands-free: a check-in answers Play and Next, and after Stop Play starts the routine left") {
    const MediaContext checkIn{Screen::CheckIn, SessionState::Ready, true};
    CHECK(actionOf(MediaCommand::Play, checkIn) == CheckInAction::Keep);
    CHECK(actionOf(MediaCommand::PlayPause, checkIn) == CheckInAction::Keep);
    CHECK(actionOf(MediaCommand::Next, checkIn) == CheckInAction::Skip);
    for (const auto command : {MediaCommand::Pause, MediaCommand::Previous, MediaCommand::Stop})
        CHECK(actionOf(command, checkIn) == Action::None);
    MprisInput asking;
    asking.context = checkIn;
    CHECK(mprisState(asking).properties.canPlay); // so playerctl sends them
    CHECK(mprisState(asking).properties.canGoNext);

    // Stopped: Play goes back to that routine, whatever the list has selected (or nothing).
    for (const bool selection : {true, false}) {
        const MediaContext stopped{Screen::Library, SessionState::Ready, selection, true};
        CHECK(actionOf(MediaCommand::Play, stopped) == Action::PlayAgain);
        CHECK(actionOf(MediaCommand::PlayPause, stopped) == Action::PlayAgain);
        CHECK(actionOf(MediaCommand::Next, stopped) == Action::None);
    }
    CHECK(actionOf(MediaCommand::Play, {Screen::Settings, SessionState::Ready, true, true}) == Action::None);

    // The metadata still answers: the routine stopped, from its first phase, "Stopped".
    MprisInput library;
    library.context = {Screen::Library, SessionState::Ready, false, true};
    library.stopped = MprisStoppedRoutine{"Ball", 150'000};
    library.artUrl = "file:///icon.png";
    const MprisProperties p = mprisState(library).properties;
    REQUIRE(p.metadata);
    CHECK(p.metadata->title == "Ball");
    CHECK(p.metadata->artist == "Ball");
    CHECK(p.metadata->trackId == "/org/unknot/Unknot/phase/0");
    CHECK(p.metadata->lengthUs == 150'000'000);
    CHECK(p.metadata->artUrl == "file:///icon.png");
    CHECK(p.playbackStatus == "Stopped");
    CHECK(p.canPlay);
    CHECK_FALSE(p.canPause);
    library.context.screen = Screen::Editor; // out of the library: no routine to play again
    CHECK_FALSE(mprisState(library).properties.metadata);
}

TEST_CASE("the media keys are media commands, and not in any screen's key table") {
    CHECK(ui::mediaCommandForKey(ui::Key::MediaPlay) == MediaCommand::PlayPause);
    CHECK(ui::mediaCommandForKey(ui::Key::MediaNext) == MediaCommand::Next);
    CHECK(ui::mediaCommandForKey(ui::Key::MediaPrevious) == MediaCommand::Previous);
    CHECK(ui::mediaCommandForKey(ui::Key::MediaStop) == MediaCommand::Stop);
    CHECK_FALSE(ui::mediaCommandForKey(ui::Key::Space));
    CHECK(ui::mediaCommandName(MediaCommand::PlayPause) == "play-pause");
}

TEST_CASE("the metadata names the step with its side, the routine, the round and the phase") {
    const Timeline t = test::timelineOf(kBall);
    REQUIRE(t.size() == 5);
    const MprisState s = mprisState(inputAt(t, 1, SessionState::Running));
    REQUIRE(s.properties.metadata);
    const MprisMetadata& m = *s.properties.metadata;
    CHECK(m.title == "Left \xC2\xB7 Sink into the ball");
    CHECK(m.artist == "Ball");
    CHECK(m.album == "Round 2 of 2");
    CHECK(m.lengthUs == 30'000'000);
    CHECK(m.trackId == "/org/unknot/Unknot/phase/1");
    CHECK(m.artUrl == "file:///usr/share/icons/unknot.png");
    CHECK(s.properties.playbackStatus == "Playing");
    CHECK(mprisState(inputAt(t, 2, SessionState::Running)).properties.metadata->title ==
          "Right \xC2\xB7 Sink into the ball");
    // Every phase its own track.
    CHECK(mprisState(inputAt(t, 3, SessionState::Running)).properties.metadata->trackId != m.trackId);
}

TEST_CASE("a manual step without side or rounds has no length, no album and a bare title") {
    const Timeline t = test::timelineOf(kBall);
    const MprisState s = mprisState(inputAt(t, 4, SessionState::WaitingManual));
    REQUIRE(s.properties.metadata);
    CHECK(s.properties.metadata->title == "Stand up");
    CHECK(s.properties.metadata->album.empty());
    CHECK(s.properties.metadata->lengthUs == 0);
    CHECK(s.properties.playbackStatus == "Playing");
    CHECK_FALSE(s.moving);
    CHECK(s.properties.canPlay);
}

TEST_CASE("the position moves on while running, within the phase, and stands still when paused") {
    const Timeline t = test::timelineOf(kBall);
    const MprisState running = mprisState(inputAt(t, 0, SessionState::Running));
    CHECK(running.positionAt(5'000) == 12'000'000);
    CHECK(running.positionAt(7'500) == 14'500'000);
    CHECK(running.positionAt(500'000) == 30'000'000); // never past the phase's end
    CHECK(running.positionAt(1'000) == 12'000'000);   // a clock read before the snapshot
    const MprisState paused = mprisState(inputAt(t, 0, SessionState::Paused));
    CHECK(paused.properties.playbackStatus == "Paused");
    CHECK(paused.positionAt(60'000) == 12'000'000);
}

TEST_CASE("what the remote can do follows where the app is") {
    const Timeline t = test::timelineOf(kBall);
    const MprisProperties playing = mprisState(inputAt(t, 0, SessionState::Running)).properties;
    CHECK(playing.canPlay);
    CHECK(playing.canPause);
    CHECK(playing.canGoNext);
    CHECK(playing.canGoPrevious);

    MprisInput library;
    library.context = {Screen::Library, SessionState::Ready, true};
    const MprisProperties idle = mprisState(library).properties;
    CHECK(idle.playbackStatus == "Stopped");
    CHECK_FALSE(idle.metadata);
    CHECK(idle.canPlay); // a desktop widget can start the selected routine
    CHECK_FALSE(idle.canPause);
    CHECK_FALSE(idle.canGoNext);
    CHECK_FALSE(idle.canGoPrevious);
    library.context.hasSelection = false;
    CHECK_FALSE(mprisState(library).properties.canPlay);
    CHECK(idle != playing); // a change the bus must signal
}

TEST_CASE("volume is a fraction, 0 when muted") {
    MprisInput in;
    in.volume = 40;
    CHECK(mprisState(in).properties.volume == doctest::Approx(0.4));
    in.muted = true;
    CHECK(mprisState(in).properties.volume == 0.0);
}

TEST_CASE("file URLs are percent-encoded") {
    CHECK(fileUrl("/usr/share/icons/unknot.png") == "file:///usr/share/icons/unknot.png");
    CHECK(fileUrl("/home/a b/ü#.png") == "file:///home/a%20b/%C3%BC%23.png");
}

TEST_CASE("the remote is told of a change, a jump in position, and not of time passing") {
    const Timeline t = test::timelineOf(kBall);
    const MprisState shown = mprisState(inputAt(t, 0, SessionState::Running)); // 12 s in, at 5 s
    MprisInput later = inputAt(t, 0, SessionState::Running);
    later.nowMs = 8'000;
    later.status.phaseElapsedMs = 15'000; // 3 s later, 3 s further: nothing to tell
    CHECK_FALSE(mprisChanged(shown, mprisState(later), later.nowMs));
    later.status.phaseElapsedMs = 0; // Back: the same phase from its start
    CHECK(mprisPositionJumped(shown, mprisState(later), later.nowMs));
    CHECK(mprisChanged(shown, mprisState(later), later.nowMs));
    later.status.phaseElapsedMs = 15'000;
    later.status.state = SessionState::Paused;
    CHECK(mprisChanged(shown, mprisState(later), later.nowMs));
    later.status.state = SessionState::Running;
    later.volume = 50;
    CHECK(mprisChanged(shown, mprisState(later), later.nowMs));
}
