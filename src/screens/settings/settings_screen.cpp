#include "screens/settings/settings_screen.hpp"

namespace unknot {

SettingsScreen::SettingsScreen(ScreenHost& host) : host_(host) {
    ui::openSettings(panel_, host.settings());
    panel_.outputDevices = host.soundOutputs();
    (void)panel(); // the desktop's scale as it is now
}

void SettingsScreen::begin() { host_.reporter().log("settings open"); }

ui::SettingsViewState& SettingsScreen::panel() {
    const DisplayScale desktop = host_.desktopScale();
    panel_.desktopScale = desktop.displayScale;
    panel_.desktopScaleSource = desktop.source;
    return panel_;
}

bool SettingsScreen::handle(const ui::Intent& intent) {
    switch (intent.action) {
    case ui::Action::ApplySettings: host_.changeSettings(panel_.draft); return true;
    case ui::Action::CloseSettings:
        panel_.open = false;
        host_.close(Route::Settings);
        host_.reporter().log("settings closed");
        return true;
    default: return false;
    }
}

} // namespace unknot
