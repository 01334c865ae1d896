#pragma once
// The history as a screen: the sessions and check-ins read afresh from the database each time
// it opens (another Unknot process may have written meanwhile), and what the view shows of them.

#include "screens/history/history_state.hpp"
#include "screens/screen.hpp"

#include <string>
#include <vector>

namespace unknot {

class HistoryScreen final : public Screen {
  public:
    explicit HistoryScreen(ScreenHost& host) : host_(host) {}
    // Reads the database and works the weeks out; logs how long it took (bench/history_open.py).
    void load();

    [[nodiscard]] Route route() const override { return Route::History; }
    [[nodiscard]] ui::Screen keyScreen() const override { return ui::Screen::History; }
    bool handle(const ui::Intent& intent) override;
    void historyChanged() override { load(); } // a check-in given over it: it shows the answers

    [[nodiscard]] const ui::HistoryModel& model() const { return model_; }
    // What Enter does: press the button the arrows or Tab chose (nothing before they chose one).
    [[nodiscard]] ui::Intent pressFocused() const;
    // Test mode: what the view just drew, told once each time it changes.
    void drawn(std::string layout) { layout_ = std::move(layout); }
    void describe(std::string& out) override;

  private:
    ScreenHost& host_;
    std::vector<HistoryRecord> sessions_;
    std::vector<CheckIn> checkIns_;
    ui::HistoryModel model_;
    std::string layout_, reportedLayout_;
};

} // namespace unknot
