#pragma once
// The notices as a screen (I in the library): every notice of this run, newest first, each with
// its place and what to do; the arrows move through them, Esc goes back.

#include "screens/notices/notices_model.hpp"
#include "screens/screen.hpp"

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace unknot {

class NoticesScreen final : public Screen {
  public:
    NoticesScreen(ScreenHost& host, const NoticesModel& notices) : host_(host), notices_(notices) {}
    void begin(); // once it is on the router: logs "screen notices"

    [[nodiscard]] Route route() const override { return Route::Notices; }
    [[nodiscard]] ui::Screen keyScreen() const override { return ui::Screen::Notices; }
    bool handle(const ui::Intent& intent) override;
    void describe(std::string& out) override;

    [[nodiscard]] const NoticesModel& notices() const { return notices_; }
    // The row the arrows chose (0: the newest); the view scrolls to it.
    [[nodiscard]] std::size_t selected() const;
    // True once after the arrows moved: the view scrolls the row chosen into sight.
    [[nodiscard]] bool takeScrollRequest() { return std::exchange(scroll_, false); }
    // What the view drew, a line per row ("place | text | hint | count"), for the test mode.
    void drawn(std::vector<std::string> rows) { drawn_ = std::move(rows); }

  private:
    ScreenHost& host_;
    const NoticesModel& notices_;
    std::size_t selected_ = 0;
    bool scroll_ = false;
    std::vector<std::string> drawn_;
    std::vector<std::string> described_;
};

} // namespace unknot
