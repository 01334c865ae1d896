#pragma once
// What the player's view paints in a frame, made without ImGui from the screen's player (its
// session's status, the flash, the questions asked) and what the app and the loop know (the
// help, the sound, the newest notice, how long since the last input). Unit-tested; the loop
// (desktop/gui_app.cpp) only gathers its inputs.

#include "core/duration.hpp"
#include "play/session.hpp"
#include "routine/timeline.hpp"
#include "store/settings.hpp"

#include <optional>
#include <string>

namespace unknot {
class PlayerController;
}

namespace unknot::ui {

struct PlayerModel {
    const Timeline* timeline = nullptr;
    std::string routineName;
    SessionStatus status;
    float flash = 0; // 0..1: how much of the phase-change flash to draw now
    bool confirmingExit = false;
    bool confirmingRestart = false;
    int skippedPhases = 0;
    bool completed = false; // it ended with its phases played, not skipped
    bool showHelp = false;
    int volume = 80;
    bool muted = false;
    bool soundAvailable = true;
    std::string notice;        // one line, e.g. "No sound device: visual cues only"
    Millis wallMs = 0;         // time since the start, pauses included (finished screen)
    bool chromeVisible = true; // name, volume and buttons; they recede while a routine plays
};

} // namespace unknot::ui

namespace unknot {

// What the app and the loop add to the player's frame.
struct PlayerSurroundings {
    bool showHelp = false;
    bool soundAvailable = true;
    std::string notice;      // the newest notice, one line
    Millis sinceInputMs = 0; // since the last key, click or mouse move
};

// The player's name, volume and buttons show this long after a key or the mouse, then recede
// while the routine plays undisturbed, so the time, the side and the step stand alone.
inline constexpr Millis kChromeShownMs = 3000;

// Playing on with nothing asked of the user: not paused, not at a manual phase, not over.
[[nodiscard]] bool playingUndisturbed(const PlayerController& player);
// The chrome shows: anything but playing undisturbed, or input in the last kChromeShownMs.
[[nodiscard]] bool chromeVisible(const PlayerController& player, Millis sinceInputMs);
// How long until the chrome recedes by itself (the loop wakes then); nullopt when it will not.
[[nodiscard]] std::optional<Millis> chromeRecedesInMs(const PlayerController& player, Millis sinceInputMs);

// The frame of the player playing now (its routine, status, flash, questions; the volume and
// mute of `settings`; the rest from `around`).
[[nodiscard]] ui::PlayerModel playerFrame(const PlayerController& player, const Settings& settings,
                                          PlayerSurroundings around);

} // namespace unknot
