#pragma once
// The player as a screen: the session's own intents (pause, resume, skip, back, extend) go to
// its PlayerController; once the session is over its keys are the finished screen's. Leaving
// and restarting are flows of the app (a check-in after, the history), so it leaves them.

#include "screens/player/player_controller.hpp"
#include "screens/screen.hpp"

#include <string>

namespace unknot {

class PlayerScreen final : public Screen {
  public:
    explicit PlayerScreen(PlayerController& player) : player_(player) {}

    [[nodiscard]] Route route() const override { return Route::Player; }
    [[nodiscard]] ui::Screen keyScreen() const override {
        return player_.over() ? ui::Screen::Finished : ui::Screen::Player;
    }
    bool handle(const ui::Intent& intent) override;
    // "test layout scale=… …" (or "test finished-layout …"): where the frame just drawn put
    // the player's parts, when that changed.
    void describe(std::string& out) override;

    [[nodiscard]] const PlayerController& player() const { return player_; }
    // The view's description of the frame it drew (test mode), for describe().
    void drawn(std::string layout) { layout_ = std::move(layout); }

  private:
    PlayerController& player_;
    std::string layout_;
    std::string reported_;
};

} // namespace unknot
