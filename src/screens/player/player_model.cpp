#include "screens/player/player_model.hpp"

#include "screens/player/player_controller.hpp"

#include <utility>

namespace unknot {

bool playingUndisturbed(const PlayerController& player) {
    return player.playing() && !player.over() && !player.status().paused && !player.status().manual;
}

bool chromeVisible(const PlayerController& player, Millis sinceInputMs) {
    return !playingUndisturbed(player) || sinceInputMs < kChromeShownMs;
}

std::optional<Millis> chromeRecedesInMs(const PlayerController& player, Millis sinceInputMs) {
    if (!playingUndisturbed(player) || sinceInputMs >= kChromeShownMs) return std::nullopt;
    return kChromeShownMs - sinceInputMs;
}

ui::PlayerModel playerFrame(const PlayerController& player, const Settings& settings, PlayerSurroundings around) {
    ui::PlayerModel frame;
    if (const PlayingRoutine* routine = player.routine()) {
        frame.timeline = &routine->timeline();
        frame.routineName = routine->displayName();
    }
    frame.status = player.status();
    frame.flash = player.flashing() ? 1.0f : 0.0f;
    frame.confirmingExit = player.confirmingExit();
    frame.confirmingRestart = player.confirmingRestart();
    frame.skippedPhases = player.skippedPhases();
    frame.completed = player.completed();
    frame.wallMs = player.wallMs();
    frame.showHelp = around.showHelp;
    frame.volume = settings.volume;
    frame.muted = settings.muted;
    frame.soundAvailable = around.soundAvailable;
    frame.notice = std::move(around.notice);
    frame.chromeVisible = chromeVisible(player, around.sinceInputMs);
    return frame;
}

} // namespace unknot
