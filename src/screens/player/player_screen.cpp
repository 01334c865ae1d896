#include "screens/player/player_screen.hpp"

namespace unknot {

bool PlayerScreen::handle(const ui::Intent& intent) {
    using ui::Action;
    switch (intent.action) {
    case Action::TogglePause: player_.togglePause(); return true;
    case Action::Skip: player_.skip(); return true;
    case Action::Back: player_.back(); return true;
    case Action::Extend: player_.extend(); return true;
    case Action::Pause: player_.pause(); return true;
    case Action::Resume:
        if (player_.status().state == SessionState::Paused)
            player_.resume();
        else
            player_.continueManual();
        return true;
    default: return false;
    }
}

void PlayerScreen::describe(std::string& out) {
    if (layout_.empty() || layout_ == reported_) return;
    reported_ = layout_;
    out += layout_;
    out += '\n';
}

} // namespace unknot
