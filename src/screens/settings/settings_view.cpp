#include "screens/settings/settings_view.hpp"

#include "core/i18n.hpp"
#include "store/settings_table.hpp"
#include "ui/draw.hpp"

#include <imgui.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <optional>
#include <span>
#include <string>

namespace unknot::ui {

namespace {
std::string formatScale(double scale) {
    char text[16];
    std::snprintf(text, sizeof text, "%.2fx", scale);
    return text;
}
} // namespace

namespace {

void heading(const Fonts& fonts, std::string_view title) {
    ImGui::PushFont(fonts.heading);
    ImGui::TextUnformatted(title.data(), title.data() + title.size());
    ImGui::PopFont();
}

// The output by name, so that a headset is used again whenever it is connected.
bool soundOutput(const char* label, std::string& device, const std::vector<std::string>& connectedNow) {
    bool changed = false;
    const bool connected = std::find(connectedNow.begin(), connectedNow.end(), device) != connectedNow.end();
    const std::string current = device.empty() ? std::string(_("The system's default"))
                                : connected    ? device
                                               : format(_("{0} (not connected: the default plays)"), {device});
    if (ImGui::BeginCombo(label, current.c_str())) {
        if (ImGui::Selectable(_("The system's default"), device.empty())) {
            device.clear();
            changed = true;
        }
        for (const auto& name : connectedNow)
            if (ImGui::Selectable(name.c_str(), name == device)) {
                device = name;
                changed = true;
            }
        ImGui::EndCombo();
    }
    return changed;
}

bool choice(const char* label, std::string& value, std::span<const std::string_view> choices) {
    bool changed = false;
    if (ImGui::BeginCombo(label, value.c_str())) {
        for (std::string_view name : choices) {
            const std::string n(name);
            if (ImGui::Selectable(n.c_str(), n == value)) {
                value = n;
                changed = true;
            }
        }
        ImGui::EndCombo();
    }
    return changed;
}

// Each shipped language by its own name, so a user lost in another language finds theirs; or
// none, and the environment decides (LANGUAGE, LC_ALL, LC_MESSAGES, LANG).
bool languageChoice(std::string& value, SettingsViewState& state) {
    static constexpr std::array<std::pair<std::string_view, const char*>, kLanguages.size()> kNames = {{
        {"en", "English"},
        {"de", "Deutsch"},
        {"fr", "Fran\xC3\xA7"
               "ais"},
        {"es", "Espa\xC3\xB1ol"},
        {"it", "Italiano"},
        {"nl", "Nederlands"},
        {"pt_BR", "Portugu\xC3\xAAs (Brasil)"},
    }};
    const auto nameOf = [](std::string_view code) {
        for (const auto& [c, name] : kNames)
            if (c == code) return name;
        return "";
    };
    // TRANSLATORS: the language setting left empty: the system's, named in brackets in its own words.
    const std::string system = format(_("As the system says ({0})"), {nameOf(environmentLanguage())});
    const std::string current = value.empty() ? system : std::string(nameOf(value));
    bool changed = false;
    const bool open = ImGui::BeginCombo(_("Language"), current.c_str());
    if (!open && ImGui::IsItemFocused()) state.focused = "language"; // reported in test mode
    if (open) {
        // The keyboard starts on the language in use (ImGui's default focus in a list).
        if (ImGui::Selectable(system.c_str(), value.empty())) {
            value.clear();
            changed = true;
        }
        if (value.empty()) ImGui::SetItemDefaultFocus();
        for (const auto& [code, name] : kNames) {
            if (ImGui::Selectable(name, code == value)) {
                value = std::string(code);
                changed = true;
            }
            if (code == value) ImGui::SetItemDefaultFocus();
        }
        ImGui::EndCombo();
    }
    return changed;
}

// A number's slider; `onRelease`: the change counts when the slider is let go, not per step.
bool slider(const SettingDecl& d, Settings& s, bool onRelease) {
    const std::string label = translated(std::string(d.label));
    bool moved = false;
    if (auto* field = std::get_if<SettingField<int>>(&d.value)) {
        moved =
            ImGui::SliderInt(label.c_str(), &(*field)(s), static_cast<int>(d.min), static_cast<int>(d.max), d.format);
    } else if (auto* number = std::get_if<SettingField<double>>(&d.value)) {
        double& v = (*number)(s);
        float f = static_cast<float>(v);
        moved = ImGui::SliderFloat(label.c_str(), &f, static_cast<float>(d.min), static_cast<float>(d.max), d.format);
        if (moved) v = std::clamp(static_cast<double>(f), d.min, d.max);
    }
    return onRelease ? ImGui::IsItemDeactivatedAfterEdit() : moved;
}

// The display's scale: the desktop's (Xft.dpi, GDK_SCALE, …) unless the user sets one.
bool displayScale(const SettingDecl& d, std::optional<double>& scale, const SettingsViewState& state) {
    bool changed = false;
    const std::string found =
        state.desktopScaleSource == "none" || state.desktopScaleSource.empty()
            ? std::string(_("none found: 1.00x"))
            : format(_("{0} from {1}"), {formatScale(state.desktopScale), state.desktopScaleSource});
    bool followDisplay = !scale;
    if (ImGui::Checkbox(format(_("Size for the display as the desktop says ({0})"), {found}).c_str(), &followDisplay)) {
        if (followDisplay)
            scale.reset();
        else
            scale = std::clamp(state.desktopScale, d.min, d.max);
        changed = true;
    }
    if (scale) {
        float ui = static_cast<float>(*scale);
        // Applied when the slider is let go: each step rebuilds the fonts and moves the slider.
        if (ImGui::SliderFloat(translated(std::string(d.label)).c_str(), &ui, static_cast<float>(d.min),
                               static_cast<float>(d.max), d.format))
            scale = std::clamp(static_cast<double>(ui), d.min, d.max);
        changed |= ImGui::IsItemDeactivatedAfterEdit();
    }
    return changed;
}

bool soundFiles(std::map<std::string, std::string>& sounds, SettingsViewState& state) {
    bool changed = false;
    ImGui::TextWrapped(
        "%s", _("A file path (WAV, OGG, FLAC or MP3) replaces that cue's sound; leave empty for the built-in one."));
    for (std::size_t i = 0; i < kCueSoundNames.size(); ++i) {
        TypedField& field = state.soundPaths[i];
        bool entered = false;
        typedTextField(kCueSoundNames[i], "", field, state.typedBeyondBmp, &entered);
        if (ImGui::IsItemFocused() || ImGui::IsItemActive()) state.focused = kCueSoundNames[i];
        if (entered || ImGui::IsItemDeactivatedAfterEdit()) {
            if (!field.text.empty())
                sounds[kCueSoundNames[i]] = field.text;
            else
                sounds.erase(kCueSoundNames[i]);
            changed = true;
        }
    }
    return changed;
}

// One setting's widget, as its declaration names it; true when the draft changed.
bool settingWidget(const SettingDecl& d, Settings& s, SettingsViewState& state) {
    const std::string label = translated(std::string(d.label));
    switch (d.widget) {
    case SettingWidget::None: return false;
    case SettingWidget::Checkbox: return ImGui::Checkbox(label.c_str(), &settingValue<bool>(d, s));
    case SettingWidget::Slider: return slider(d, s, false);
    case SettingWidget::SliderOnRelease: return slider(d, s, true);
    case SettingWidget::Choice: return choice(label.c_str(), settingValue<std::string>(d, s), d.choices);
    case SettingWidget::SoundOutput:
        return soundOutput(label.c_str(), settingValue<std::string>(d, s), state.outputDevices);
    case SettingWidget::DisplayScale: return displayScale(d, settingValue<std::optional<double>>(d, s), state);
    case SettingWidget::SoundFiles: return soundFiles(settingValue<std::map<std::string, std::string>>(d, s), state);
    case SettingWidget::Language: return languageChoice(settingValue<std::string>(d, s), state);
    }
    return false;
}

} // namespace

Intent drawSettings(SettingsViewState& state, const Fonts& fonts, bool soundAvailable) {
    if (!state.open) return {};
    Intent intent;
    Settings& d = state.draft;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const ImVec2 size(std::min(vp->Size.x * 0.9f, 760.0f * fonts.body->FontSize / 20.0f), vp->Size.y * 0.9f);
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + (vp->Size.x - size.x) * 0.5f, vp->Pos.y + (vp->Size.y - size.y) * 0.5f));
    ImGui::SetNextWindowSize(size);
    ImGui::SetNextWindowBgAlpha(1.0f);
    ImGui::Begin((std::string(_("Settings")) + "###settings").c_str(), nullptr,
                 ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                     ImGuiWindowFlags_NoSavedSettings);
    bool changed = false;
    state.focused = "";
    std::optional<SettingSection> section;
    for (const SettingDecl& setting : settingsTable()) {
        if (setting.widget == SettingWidget::None || (setting.shown && !setting.shown(d))) continue;
        if (setting.section != section) {
            if (section) ImGui::Spacing();
            section = setting.section;
            heading(fonts, _(std::string(sectionTitle(setting.section)).c_str()));
            if (setting.section == SettingSection::Sound && !soundAvailable)
                ImGui::TextDisabled("%s", _("No sound device: these apply when one is there."));
        }
        changed |= settingWidget(setting, d, state);
    }
    ImGui::Spacing();
    if (button(_("Done"), fonts.heading, ImVec2(-1, fonts.heading->FontSize * 1.8f))) intent = {Action::CloseSettings};
    ImGui::End();
    if (changed && !intent) intent = {Action::ApplySettings};
    return intent;
}

} // namespace unknot::ui
