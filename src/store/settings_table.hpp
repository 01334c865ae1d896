#pragma once
// Every setting, declared once: where it lives in settings.toml, its type and range, its label
// and help, the widget that edits it, what a change reaches while the app runs. Loading,
// saving, the settings panel (src/screens/settings), docs/settings.md and the test that changes
// each setting while a routine plays all read this one table, so a new setting is a field of
// `Settings` plus one row here. (ImHex declares each setting as a widget that draws, loads and
// stores itself; here the drawing stays in the view, which switches on `widget`.)
// No ImGui here: the CLI and the tests read the table too.

#include "store/settings.hpp"

#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace unknot {

// The panel's headings, in the panel's order; None: not in the panel.
enum class SettingSection { Sound, Cues, Voice, Text, OwnSounds, Language, None };
[[nodiscard]] std::string_view sectionTitle(SettingSection section); // "Sound", …

// How the panel edits a setting.
enum class SettingWidget {
    None,            // not in the panel: the app keeps it itself (the window, the last routine)
    Checkbox,        // a true/false
    Slider,          // a number, applied as it moves
    SliderOnRelease, // a number applied when let go: each step would reopen the sound device or rebuild the fonts
    Choice,          // one of `choices`
    SoundOutput,     // the sound outputs connected now, or the system's default
    DisplayScale,    // "as the desktop says" ("auto") or a slider
    SoundFiles,      // a path field per cue sound (kCueSoundNames)
    Language,        // the shipped languages by their own names, or the environment's
};

// What a change made while the app runs reaches (a unit test changes each setting while a
// routine plays and checks it arrives there).
enum class SettingEffect {
    Volume,      // the sound device's volume and mute
    CueOptions,  // which cues the playing session sounds
    SoundDevice, // the sound device is opened again (voice, own sounds, output)
    Flash,       // the player's flash
    FontScale,   // the fonts are rebuilt
    UiScale,     // the display scale is worked out again
    NextRoutine, // read when the next routine starts
    Language,    // the window, the voice (the sound device opened again) and the built-in routines' texts
    Kept,        // the app's own record (the window, the last routine): the panel never changes it
};

// Where a setting's value is in `Settings`. A function, not a member pointer, so a setting can
// sit in a nested struct (cues.phase).
template <class T> using SettingField = T& (*)(Settings&);
using SettingValue = std::variant<SettingField<bool>, SettingField<int>, SettingField<double>,
                                  SettingField<std::optional<double>>, // a number, or none for "auto"
                                  SettingField<std::string>,
                                  SettingField<std::map<std::string, std::string>>>; // a table of its own: cue -> path

struct SettingDecl {
    std::string_view table; // "" for the top level, or "cues", "voice", "sounds", "window"
    std::string_view key;   // in that table; empty for a setting that is a whole table ([sounds])
    SettingValue value;
    double min = 0, max = 0;                     // numbers: the range a file may hold
    std::span<const std::string_view> choices{}; // a string that must be one of these; empty: any
    std::string_view label;                      // in the panel (with the key in brackets when it has one)
    std::string_view help;                       // in docs/settings.md: what it does, its unit
    SettingSection section = SettingSection::None;
    SettingWidget widget = SettingWidget::None;
    SettingEffect effect = SettingEffect::Kept;
    const char* format = nullptr;             // a slider's printf format, with the unit ("%d%%", "%.2fx")
    bool (*shown)(const Settings&) = nullptr; // the panel shows it only when this says so (flash_ms: flash on)
};

// In the panel's order; the file keeps top-level keys first, then each table in this order.
[[nodiscard]] std::span<const SettingDecl> settingsTable();

// The same, as settings.toml holds them: the top-level keys first, then each table's.
[[nodiscard]] std::vector<const SettingDecl*> settingsInFileOrder();

// "volume", "cues.phase", "sounds": how the docs and the notices name a setting.
[[nodiscard]] std::string settingName(const SettingDecl& setting);

// The value of `setting` in `s`.
template <class T> [[nodiscard]] const T& settingValue(const SettingDecl& setting, const Settings& s) {
    // The field functions only point into `s`; reading through them changes nothing.
    return std::get<SettingField<T>>(setting.value)(const_cast<Settings&>(s));
}
template <class T> [[nodiscard]] T& settingValue(const SettingDecl& setting, Settings& s) {
    return std::get<SettingField<T>>(setting.value)(s);
}
[[nodiscard]] bool sameSetting(const SettingDecl& setting, const Settings& a, const Settings& b);

// What the panel's `draft` changes of `current`, as the table says: the settings with each one
// the panel edits taken from the draft (what the app keeps itself, the window and the last
// routine, stays as `current` has it), and what those changes reach (the app tells only them).
struct SettingsChange {
    Settings settings;
    std::set<SettingEffect> effects;
};
[[nodiscard]] SettingsChange settingsChange(const Settings& current, const Settings& draft);

// What a file may hold ("true or false", "a whole number from 0 to 100", …), for the docs.
[[nodiscard]] std::string settingValues(const SettingDecl& setting, bool translated = false);
// The value as settings.toml writes it: `100`, `true`, `"kal16"`, `"auto"`; for [sounds], none.
[[nodiscard]] std::optional<std::string> settingText(const SettingDecl& setting, const Settings& s);

// The table of docs/settings.md (Markdown), from the declarations and the defaults.
[[nodiscard]] std::string settingsReference();

} // namespace unknot
