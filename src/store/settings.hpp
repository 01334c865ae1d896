#pragma once
// The user's choices, kept in $XDG_CONFIG_HOME/unknot/settings.toml and written atomically.

#include "core/i18n.hpp"
#include "play/cue_plan.hpp"

#include <array>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace unknot {

// The cue sounds by name, as the files in assets/sounds and the [sounds] table call them:
// one per phase kind, then the countdown ticks (3 and 2, then the last one, 1 s before the
// change: higher and longer, so "now" is unmistakable), the halfway cue and the end chime.
inline constexpr std::array<const char*, 12> kCueSoundNames = {"prepare",   "tense",          "release", "hold",
                                                               "roll",      "rest",           "manual",  "switch",
                                                               "countdown", "countdown-last", "halfway", "end"};

// The sounds confirming a key that changes playback, in assets/sounds/feedback/.
inline constexpr std::array<const char*, 6> kFeedbackSoundNames = {"pause", "resume", "skip",
                                                                   "back",  "extend", "continue"};

struct WindowGeometry {
    int x = -1; // screen position; -1 lets the window manager choose
    int y = -1;
    int width = 1100; // logical pixels
    int height = 720;
    bool maximized = false;
    bool fullscreen = false;
    bool operator==(const WindowGeometry&) const = default;
};

// The voices Debian's libflite1 ships (not time_awb, which only says the time).
inline constexpr std::array<std::string_view, 5> kVoiceNames = {"kal16", "kal", "awb", "rms", "slt"};
inline constexpr std::string_view kDefaultVoice = "awb";

// The voice's volume ceiling, in percent (100: as loud as the cues).
inline constexpr int kMaxVoiceVolume = 200;

// The spoken guide (src/audio/voice.hpp).
struct VoiceSettings {
    bool enabled = true;             // say the side, the step and the time; off: cue sounds only
    std::string name{kDefaultVoice}; // a Flite voice Debian ships: awb, kal16, kal, rms or slt
    int volume = 100;                // percent: 100 as loud as the cues, 0 (silent) to 200 (+12 dB)
    double rate = 1.0;               // speaking speed, 0.5 to 2.0 (1.0 as recorded)
    bool operator==(const VoiceSettings&) const = default;
    static constexpr double kMinRate = 0.5;
    static constexpr double kMaxRate = 2.0;
};

struct Settings {
    int volume = 100;          // percent, 0 to 100 (the cue sounds are made at -16 LUFS for full volume)
    bool muted = false;        // no sound at all, visual cues only
    CueOptions cues;           // which kinds of cue play; all on
    VoiceSettings voice;       // the spoken guide; on, awb, full volume, rate 1.0
    bool flash = true;         // a short full-window flash at every phase change
    bool checkInBefore = true; // a routine with check_in asks how it feels before it starts too (always after)
    int flashMs = 250;         // how long the flash lasts, in ms, 100 to 3000 (longer for bright rooms)
    double fontScale = 1.0;    // text size multiplier, 0.75 to 2.0, on top of the display's scale
    // The display's scale for the library, editor, settings and history (not the player, which
    // sizes itself from the window): `ui_scale = "auto"` (none here, the default) follows the
    // desktop (Xft.dpi, GDK_SCALE, …); a number from 1.0 to 3.0 overrides it.
    std::optional<double> uiScale;
    // The language of the window, the commands and the voice: a code of kLanguages
    // (core/i18n.hpp: "de", "pt_BR", "en"…); empty (the default, no key): the environment's.
    std::string language;
    std::string lastRoutine;  // id selected in the library when the app last closed
    std::string outputDevice; // the sound output (a headset, a speaker) by the name SDL gives it; empty: the system's
    std::map<std::string, std::string> sounds; // cue name ("tense", "countdown", …) -> a sound file of the user's
    WindowGeometry window;

    bool operator==(const Settings&) const = default;

    static constexpr int kVolumeStep = 10;
    static constexpr double kMinFontScale = 0.75;
    static constexpr double kMaxFontScale = 2.0;
    static constexpr double kMinUiScale = 1.0;
    static constexpr double kMaxUiScale = 3.0;
};

struct LoadedSettings {
    Settings settings;
    std::vector<std::string> notices; // what was wrong with the file; empty when it was fine or absent
};

[[nodiscard]] std::filesystem::path settingsPath(); // userConfigDir()/settings.toml

// A settings file is a few hundred bytes; one over this is not read (nor edited), so a file
// of 400,000 keys or a link to /dev/zero costs nothing.
inline constexpr std::size_t kMaxSettingsFileBytes = 256u << 10;

// A missing file gives the defaults. A file with mistakes gives defaults for what was wrong,
// a notice for each, and a copy of the file beside it as settings.toml.bak.
[[nodiscard]] LoadedSettings loadSettings(const std::filesystem::path& file);
// `path` is only named in notices.
[[nodiscard]] LoadedSettings parseSettings(std::string_view text, std::string_view path = "settings.toml");
// Only the `language` of a settings file, read before anything is said (no notices, no copy):
// empty when it is absent, wrong, or the file cannot be read.
[[nodiscard]] std::string languageSetting(const std::filesystem::path& file);

// A whole settings file, for a new one.
[[nodiscard]] std::string formatSettings(const Settings& settings);

// `text` (a settings file) with the settings that differ between `before` and `after` set to
// their `after` values in place: comments, unknown keys and every other line are kept as
// they are. Nothing when that cannot be done (the file does not parse, a table is something
// else, like `cues = 5`): then only a rewrite can save.
[[nodiscard]] std::optional<std::string> editSettingsText(std::string_view text, const Settings& before,
                                                          const Settings& after);

// What saving said: an error, or that the file had to be rewritten and where the old one is.
// Each is meant to be shown to the user once.
struct SettingsSaveResult {
    std::optional<std::string> error;
    std::optional<std::string> notice;
};

// Saves the settings that differ from `before` into `file`, editing it in place
// (editSettingsText) and atomically. Nothing is written when nothing differs. A file that
// cannot be edited is rewritten whole, its old text kept as settings.toml.bak.
[[nodiscard]] SettingsSaveResult saveSettings(const std::filesystem::path& file, const Settings& before,
                                              const Settings& after);

// The settings file of a running app: remembers what was loaded or last saved, so a save
// touches only what the user changed since, never a hand edit.
class SettingsFile {
  public:
    explicit SettingsFile(std::filesystem::path file) : file_(std::move(file)) {}
    [[nodiscard]] LoadedSettings load();
    [[nodiscard]] SettingsSaveResult save(const Settings& settings);

  private:
    std::filesystem::path file_;
    Settings saved_;
};

} // namespace unknot
