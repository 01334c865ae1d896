#pragma once
// The settings panel: sound, which cues play, the flash, text size and the user's own sounds.
// It edits a draft; the app applies and saves what changed.

#include "screens/intent.hpp"
#include "store/settings.hpp"
#include "ui/fonts.hpp"
#include "ui/typed_field.hpp"

#include <array>
#include <deque>
#include <string>
#include <vector>

namespace unknot::ui {

struct SettingsViewState {
    bool open = false;
    Settings draft;
    // Text fields for the custom sound files, in kCueSoundNames order: a path as typed, emoji
    // included (a folder named with one must be saved and found exactly).
    std::array<TypedField, kCueSoundNames.size()> soundPaths{};
    std::deque<std::string> typedBeyondBmp; // emoji typed into a path, not yet placed
    // Out: the sound field that had the keyboard in the frame just drawn (its cue's name, "" for
    // none or another item); the app reports it in test mode, as the quick set's (Tab reaches it).
    const char* focused = "";
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
