#pragma once
// The player: what a person two metres away needs, drawn from the session's status.

#include "play/session.hpp"
#include "screens/intent.hpp"
#include "screens/player/finished_layout.hpp"
#include "screens/player/player_layout.hpp"
#include "screens/player/player_model.hpp"
#include "screens/player/player_screen.hpp"
#include "ui/fonts.hpp"

#include <string>

namespace unknot::ui {

// Draws the player or, when the session is over, the finished screen; `layout` and `finished`,
// when given, receive where the parts of the screen drawn went (the test mode reports them).
[[nodiscard]] Intent drawPlayer(const PlayerModel& model, const Fonts& fonts, PlayerLayout* layout = nullptr,
                                FinishedLayout* finished = nullptr);

// The player screen as it is now: `frame` is what playerFrame() made of the screen's player and
// what the loop knows (player_model.hpp). In test mode the screen is handed the description of
// where the parts went, for its describe().
[[nodiscard]] Intent drawPlayerScreen(PlayerScreen& screen, const PlayerModel& frame, const Fonts& fonts,
                                      bool testMode);

} // namespace unknot::ui
