#pragma once
// The settings panel's state: open or not, the draft it edits, the fields as typed. Plain data,
// no ImGui: its screen (settings_screen) keeps it, the view (settings_view.cpp) paints it.

#include "store/settings.hpp"
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

} // namespace unknot::ui
