#pragma once
// The player: what a person two metres away needs, drawn from the session's status.

#include "play/session.hpp"
#include "screens/intent.hpp"
#include "screens/player/finished_layout.hpp"
#include "screens/player/player_layout.hpp"
#include "screens/player/player_screen.hpp"
#include "ui/fonts.hpp"

#include <string>

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

// Draws the player or, when the session is over, the finished screen; `layout` and `finished`,
// when given, receive where the parts of the screen drawn went (the test mode reports them).
[[nodiscard]] Intent drawPlayer(const PlayerModel& model, const Fonts& fonts, PlayerLayout* layout = nullptr,
                                FinishedLayout* finished = nullptr);

// The player screen as it is now: `frame` carries what the loop knows (the help, the sound,
// the notice, the chrome), the session's part comes from the screen's player. In test mode the
// screen is handed the description of where the parts went, for its describe().
[[nodiscard]] Intent drawPlayerScreen(PlayerScreen& screen, PlayerModel frame, const Fonts& fonts, bool testMode);

} // namespace unknot::ui
