#pragma once
// The quick set as a screen: its form (QuickSetModel) and its four ways out: Start now, Save,
// Open in the editor, Cancel. Start and Save only with a routine that can play.

#include "screens/quick_set/quick_set_model.hpp"
#include "screens/screen.hpp"

namespace unknot {

class QuickSetScreen final : public Screen {
  public:
    explicit QuickSetScreen(ScreenHost& host) : host_(host) {}
    void begin(); // once on the router: the log line

    [[nodiscard]] Route route() const override { return Route::QuickSet; }
    [[nodiscard]] ui::Screen keyScreen() const override { return ui::Screen::QuickSet; }
    bool handle(const ui::Intent& intent) override;
    void viewDrawn() override { model_.refresh(); }
    [[nodiscard]] bool navigatesByKeyboard() const override { return true; }
    [[nodiscard]] std::deque<std::string>* typedInto() override { return &model_.form().typedBeyondBmp; }
    // "test focus=…": the field that has the keys, when it changed.
    void describe(std::string& out) override { describeFocus(model_.form().focused, reportedFocus_, out); }

    [[nodiscard]] QuickSetModel& model() { return model_; }

    enum class Command { Start, Save, Refine, Cancel };
    void command(Command command);

  private:
    ScreenHost& host_;
    QuickSetModel model_;
    std::string reportedFocus_ = "-"; // test mode: the field last described as having the keys
};

} // namespace unknot
