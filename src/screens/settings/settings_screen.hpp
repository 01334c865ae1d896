#pragma once
// The settings panel as a screen, opened over the library (S): it edits a draft of the
// settings, each setting's widget as its declaration says (store/settings_table.hpp, read by
// the view); every change goes to the app at once (ScreenHost::changeSettings), which applies
// and saves it. Its widgets have the keys (Tab, the arrows); Esc or Done closes it.

#include "screens/screen.hpp"
#include "screens/settings/settings_state.hpp"

#include <deque>
#include <string>

namespace unknot {

class SettingsScreen final : public Screen {
  public:
    // The draft starts as the settings are now; the sound outputs are listed once, now.
    explicit SettingsScreen(ScreenHost& host);

    [[nodiscard]] Route route() const override { return Route::Settings; }
    [[nodiscard]] ui::Screen keyScreen() const override { return ui::Screen::Settings; }
    [[nodiscard]] bool navigatesByKeyboard() const override { return true; }
    [[nodiscard]] std::deque<std::string>* typedInto() override { return &panel_.typedBeyondBmp; }
    // ApplySettings: the draft goes to the app; CloseSettings closes the panel.
    bool handle(const ui::Intent& intent) override;
    // "test focus=<cue>" when a sound file's field (or the language) took the keys: the tests
    // reach a field by Tab until it says so.
    void describe(std::string& out) override { describeFocus(panel_.focused, reportedFocus_, out); }
    // Once on the router: "settings open".
    void begin();

    // What its view paints and edits: the draft, the fields as typed, and the desktop's display
    // scale as it is now (it may change while the panel shows).
    [[nodiscard]] ui::SettingsViewState& panel();
    [[nodiscard]] const Settings& draft() const { return panel_.draft; }
    [[nodiscard]] Settings& draft() { return panel_.draft; }

  private:
    ScreenHost& host_;
    ui::SettingsViewState panel_;
    std::string reportedFocus_ = "-"; // the field last reported as having the keys
};

} // namespace unknot
