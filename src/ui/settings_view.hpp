#pragma once
// The settings panel: sound, which cues play, the flash, text size and the user's own sounds.
// It edits a draft; the app applies and saves what changed.

#include "core/settings.hpp"
#include "ui/fonts.hpp"
#include "ui/intent.hpp"

#include <array>
#include <string>
#include <vector>

namespace unknot::ui {

struct SettingsViewState {
    bool open = false;
    Settings draft;
    // Text fields for the custom sound files, in kCueSoundNames order.
    std::array<std::array<char, 512>, kCueSoundNames.size()> soundPaths{};
    // The sound outputs connected now, by name (the app lists them when the panel opens).
    std::vector<std::string> outputDevices;
    // The display's scale as the desktop gives it (the app finds it when the panel opens).
    double desktopScale = 1.0;
    std::string desktopScaleSource;
};

void openSettings(SettingsViewState& state, const Settings& current);

// Returns ApplySettings when the draft changed, CloseSettings when the panel closes.
[[nodiscard]] Intent drawSettings(SettingsViewState& state, const Fonts& fonts, bool soundAvailable);

} // namespace unknot::ui
