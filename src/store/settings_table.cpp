#include "store/settings_table.hpp"

#include "core/i18n.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <array>
#include <sstream>

namespace unknot {

namespace {

// Where a field is: top<&Settings::volume>, in<&Settings::cues, &CueOptions::phase>.
template <auto Member> auto& top(Settings& s) { return s.*Member; }
template <auto Table, auto Member> auto& in(Settings& s) { return (s.*Table).*Member; }

// clang-format off
const std::array<SettingDecl, 26> kSettings = {{
    // table, key, field, min, max, choices,
    //   label, help, section, widget, effect, format, shown
    {"", "volume", &top<&Settings::volume>, 0, 100, {},
     N_("Volume"), "How loud the cues and the voice play, in percent (100: the cue sounds at -16 LUFS); also the + and - keys.",
     SettingSection::Sound, SettingWidget::Slider, SettingEffect::Volume, "%d%%"},
    {"", "muted", &top<&Settings::muted>, 0, 0, {},
     N_("Mute (M)"), "No sound at all, visual cues only; also the M key.",
     SettingSection::Sound, SettingWidget::Checkbox, SettingEffect::Volume},
    {"", "output_device", &top<&Settings::outputDevice>, 0, 0, {},
     N_("Output"), "The sound output (a headset, a speaker) by the name SDL gives it, used whenever it is connected; empty: the system's default.",
     SettingSection::Sound, SettingWidget::SoundOutput, SettingEffect::SoundDevice},

    {"cues", "phase", &in<&Settings::cues, &CueOptions::phase>, 0, 0, {},
     N_("A sound at every phase change"), "A sound at the start of every phase.",
     SettingSection::Cues, SettingWidget::Checkbox, SettingEffect::CueOptions},
    {"cues", "countdown", &in<&Settings::cues, &CueOptions::countdown>, 0, 0, {},
     N_("Countdown ticks 3, 2, 1 s before a change"), "Ticks 3, 2 and 1 s before the end of timed phases of 5 s or more.",
     SettingSection::Cues, SettingWidget::Checkbox, SettingEffect::CueOptions},
    {"cues", "halfway", &in<&Settings::cues, &CueOptions::halfway>, 0, 0, {},
     N_("Halfway cue in phases of 30 s or more"), "A sound in the middle of timed phases of 30 s or more.",
     SettingSection::Cues, SettingWidget::Checkbox, SettingEffect::CueOptions},
    {"cues", "end", &in<&Settings::cues, &CueOptions::end>, 0, 0, {},
     N_("A chime at the end"), "A chime when the routine ends.",
     SettingSection::Cues, SettingWidget::Checkbox, SettingEffect::CueOptions},
    {"cues", "feedback", &in<&Settings::cues, &CueOptions::feedback>, 0, 0, {},
     N_("A short sound for pause, resume, skip, back, +15 s and continue"),
     "A short sound confirming pause, resume, skip, back, +15 s and continue the moment the key acts.",
     SettingSection::Cues, SettingWidget::Checkbox, SettingEffect::CueOptions},
    {"", "flash", &top<&Settings::flash>, 0, 0, {},
     N_("Flash the window at every phase change"), "A short full-window flash at every phase change.",
     SettingSection::Cues, SettingWidget::Checkbox, SettingEffect::Flash},
    {"", "flash_ms", &top<&Settings::flashMs>, 100, 3000, {},
     N_("Flash length"), "How long the flash lasts, in ms (longer for bright rooms).",
     SettingSection::Cues, SettingWidget::Slider, SettingEffect::Flash, "%d ms",
     [](const Settings& s) { return s.flash; }},
    {"", "check_in_before", &top<&Settings::checkInBefore>, 0, 0, {},
     N_("Ask how it feels before a routine too (always after)"),
     "A routine with `check_in` asks how it feels before it starts too, not only after.",
     SettingSection::Cues, SettingWidget::Checkbox, SettingEffect::NextRoutine},

    {"voice", "enabled", &in<&Settings::voice, &VoiceSettings::enabled>, 0, 0, {},
     N_("Say the side, the step and its time"), "The spoken guide; off: cue sounds only.",
     SettingSection::Voice, SettingWidget::Checkbox, SettingEffect::SoundDevice},
    {"voice", "name", &in<&Settings::voice, &VoiceSettings::name>, 0, 0, kVoiceNames,
     N_("Voice"), "The Flite voice Debian ships that speaks.",
     SettingSection::Voice, SettingWidget::Choice, SettingEffect::SoundDevice, nullptr,
     [](const Settings& s) { return s.voice.enabled; }},
    {"voice", "volume", &in<&Settings::voice, &VoiceSettings::volume>, 0, kMaxVoiceVolume, {},
     N_("Voice volume"), "The voice's volume: at 100 % every phrase is as loud as the cue sounds; 200 % is 12 dB louder.",
     SettingSection::Voice, SettingWidget::SliderOnRelease, SettingEffect::SoundDevice, "%d%%",
     [](const Settings& s) { return s.voice.enabled; }},
    {"voice", "rate", &in<&Settings::voice, &VoiceSettings::rate>, VoiceSettings::kMinRate, VoiceSettings::kMaxRate, {},
     N_("Speaking rate"), "How fast the voice speaks (1.0 as recorded).",
     SettingSection::Voice, SettingWidget::SliderOnRelease, SettingEffect::SoundDevice, "%.2fx",
     [](const Settings& s) { return s.voice.enabled; }},

    {"", "font_scale", &top<&Settings::fontScale>, Settings::kMinFontScale, Settings::kMaxFontScale, {},
     N_("Text size"), "Text size multiplier, on top of the display's scale.",
     SettingSection::Text, SettingWidget::Slider, SettingEffect::FontScale, "%.2fx"},
    {"", "ui_scale", &top<&Settings::uiScale>, Settings::kMinUiScale, Settings::kMaxUiScale, {},
     N_("Display scale"),
     "The display's scale for the library, the editor, the settings and the history (the player sizes itself "
     "from the window): \"auto\" follows the desktop (Xft.dpi, GDK_SCALE, …), a number overrides it.",
     SettingSection::Text, SettingWidget::DisplayScale, SettingEffect::UiScale, "%.2fx"},

    {"sounds", "", &top<&Settings::sounds>, 0, 0, {},
     N_("Your own sounds"),
     "A sound file of yours (WAV, OGG, FLAC or MP3) in place of a cue's built-in one (`countdown-last` is the "
     "last tick); a cue not named plays the built-in sound.",
     SettingSection::OwnSounds, SettingWidget::SoundFiles, SettingEffect::SoundDevice},

    {"", "language", &top<&Settings::language>, 0, 0, kLanguages,
     N_("Language"), "The language of the window, the commands and the voice (en, de, fr, es, it, nl or pt_BR); without "
     "the key, the environment's (LANGUAGE, LC_ALL, LC_MESSAGES, LANG). A change in the panel applies at once.",
     SettingSection::Language, SettingWidget::Language, SettingEffect::Language},
    {"", "last_routine", &top<&Settings::lastRoutine>, 0, 0, {},
     "", "The routine selected in the library when the app last closed (its id)."},
    {"window", "x", &in<&Settings::window, &WindowGeometry::x>, -100000, 100000, {},
     "", "The window's position on the screen; -1 lets the window manager choose."},
    {"window", "y", &in<&Settings::window, &WindowGeometry::y>, -100000, 100000, {},
     "", "Likewise, down from the top."},
    {"window", "width", &in<&Settings::window, &WindowGeometry::width>, 320, 16384, {},
     "", "The window's size when it last closed, in logical pixels."},
    {"window", "height", &in<&Settings::window, &WindowGeometry::height>, 240, 16384, {},
     "", "Likewise, its height."},
    {"window", "maximized", &in<&Settings::window, &WindowGeometry::maximized>, 0, 0, {},
     "", "The window was maximized."},
    {"window", "fullscreen", &in<&Settings::window, &WindowGeometry::fullscreen>, 0, 0, {},
     "", "The window was full screen (F11)."},
}};
// clang-format on

std::string tomlText(double v) {
    std::ostringstream o;
    o << toml::value<double>(v);
    return o.str();
}

std::string tomlText(const std::string& v) {
    std::ostringstream o;
    o << toml::value<std::string>(v);
    return o.str();
}

} // namespace

std::string_view sectionTitle(SettingSection section) {
    switch (section) {
    // Marked: the panel shows them translated.
    case SettingSection::Sound: return N_("Sound");
    case SettingSection::Cues: return N_("Cues");
    case SettingSection::Voice: return N_("Voice");
    case SettingSection::Text: return N_("Text");
    case SettingSection::OwnSounds: return N_("Your own sounds");
    case SettingSection::Language: return N_("Language");
    case SettingSection::None: return "Kept by the app";
    }
    return "";
}

std::span<const SettingDecl> settingsTable() { return kSettings; }

std::vector<const SettingDecl*> settingsInFileOrder() {
    std::vector<const SettingDecl*> out;
    for (const SettingDecl& d : kSettings)
        if (d.table.empty()) out.push_back(&d);
    while (out.size() < kSettings.size()) {
        // The next table not taken yet, all of its settings.
        std::string_view table;
        for (const SettingDecl& d : kSettings)
            if (!d.table.empty() && std::find(out.begin(), out.end(), &d) == out.end()) {
                table = d.table;
                break;
            }
        for (const SettingDecl& d : kSettings)
            if (d.table == table) out.push_back(&d);
    }
    return out;
}

std::string settingName(const SettingDecl& setting) {
    if (setting.table.empty()) return std::string(setting.key);
    if (setting.key.empty()) return std::string(setting.table);
    return std::string(setting.table) + "." + std::string(setting.key);
}

bool sameSetting(const SettingDecl& setting, const Settings& a, const Settings& b) {
    return std::visit([&](auto field) { return field(const_cast<Settings&>(a)) == field(const_cast<Settings&>(b)); },
                      setting.value);
}

std::string settingValues(const SettingDecl& setting, bool translated) {
    // English for docs/settings.md; in the user's language for a notice. The values themselves
    // (true, "auto", the choices, the cues' names) are what the file holds: never translated.
    struct Describe {
        const SettingDecl& d;
        bool translated;
        [[nodiscard]] const char* t(const char* english) const { return translated ? _(english) : english; }
        std::string operator()(SettingField<bool>) const { return t(N_("true or false")); }
        std::string operator()(SettingField<int>) const {
            return format(t(N_("a whole number from {0} to {1}")),
                          {std::to_string(static_cast<int>(d.min)), std::to_string(static_cast<int>(d.max))});
        }
        std::string operator()(SettingField<double>) const {
            return format(t(N_("a number from {0} to {1}")), {tomlText(d.min), tomlText(d.max)});
        }
        std::string operator()(SettingField<std::optional<double>>) const {
            return format(t(N_("\"auto\" or a number from {0} to {1}")), {tomlText(d.min), tomlText(d.max)});
        }
        std::string operator()(SettingField<std::string>) const {
            if (d.choices.empty()) return t(N_("a string"));
            std::string all;
            for (std::size_t i = 0; i + 1 < d.choices.size(); ++i)
                all += (i == 0 ? "" : ", ") + std::string(d.choices[i]);
            // TRANSLATORS: {0} the choices but the last, with commas; {1} the last: "one of en, de and fr".
            return d.choices.size() == 1 ? format(t(N_("one of {0}")), {d.choices[0]})
                                         : format(t(N_("one of {0} and {1}")), {all, d.choices.back()});
        }
        std::string operator()(SettingField<std::map<std::string, std::string>>) const {
            std::string cues;
            for (std::size_t i = 0; i < kCueSoundNames.size(); ++i)
                cues += (i == 0 ? "" : ", ") + std::string(kCueSoundNames[i]);
            // TRANSLATORS: `cue = "…"` is how settings.toml is written: translate only the words.
            return format(t(N_("cue = \"a file path\", for the cues {0}")), {cues});
        }
    };
    return std::visit(Describe{setting, translated}, setting.value);
}

std::optional<std::string> settingText(const SettingDecl& setting, const Settings& s) {
    struct Text {
        const Settings& s;
        std::span<const std::string_view> choices;
        std::optional<std::string> operator()(SettingField<bool> f) const {
            return f(const_cast<Settings&>(s)) ? "true" : "false";
        }
        std::optional<std::string> operator()(SettingField<int> f) const {
            return std::to_string(f(const_cast<Settings&>(s)));
        }
        std::optional<std::string> operator()(SettingField<double> f) const {
            return tomlText(f(const_cast<Settings&>(s)));
        }
        std::optional<std::string> operator()(SettingField<std::optional<double>> f) const {
            const auto& v = f(const_cast<Settings&>(s));
            return v ? tomlText(*v) : std::string("\"auto\"");
        }
        std::optional<std::string> operator()(SettingField<std::string> f) const {
            const std::string& v = f(const_cast<Settings&>(s));
            // A choice left empty (`language`: the environment's) has no key in the file.
            if (v.empty() && !choices.empty()) return std::nullopt;
            return tomlText(v);
        }
        std::optional<std::string> operator()(SettingField<std::map<std::string, std::string>>) const {
            return std::nullopt;
        }
    };
    return std::visit(Text{s, setting.choices}, setting.value);
}

std::string settingsReference() {
    const Settings defaults;
    std::string out = "| Setting | Values | Default | In the panel | What it does |\n"
                      "|---|---|---|---|---|\n";
    for (const SettingDecl& d : settingsTable()) {
        const std::string where = d.key.empty() ? "`[" + std::string(d.table) + "]`"
                                  : d.table.empty()
                                      ? "`" + std::string(d.key) + "`"
                                      : "`" + std::string(d.key) + "` in `[" + std::string(d.table) + "]`";
        const auto value = settingText(d, defaults);
        const std::string panel = d.widget == SettingWidget::None ? "—"
                                  : d.label == sectionTitle(d.section)
                                      ? std::string(d.label)
                                      : std::string(sectionTitle(d.section)) + ": " + std::string(d.label);
        out += "| " + where + " | " + settingValues(d) + " | " + (value ? "`" + *value + "`" : "none") + " | " + panel +
               " | " + std::string(d.help) + " |\n";
    }
    return out;
}

SettingsChange settingsChange(const Settings& current, const Settings& draft) {
    SettingsChange change{current, {}};
    for (const SettingDecl& d : settingsTable()) {
        if (d.effect == SettingEffect::Kept || sameSetting(d, current, draft)) continue;
        std::visit([&](auto field) { field(change.settings) = field(const_cast<Settings&>(draft)); }, d.value);
        change.effects.insert(d.effect);
    }
    return change;
}

} // namespace unknot
