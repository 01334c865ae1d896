#include "screens/settings/settings_view.hpp"

#include "ui/draw.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

namespace unknot::ui {

namespace {
std::string formatScale(double scale) {
    char text[16];
    std::snprintf(text, sizeof text, "%.2fx", scale);
    return text;
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
    ImGui::Begin("Settings", nullptr,
                 ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                     ImGuiWindowFlags_NoSavedSettings);
    bool changed = false;
    state.focused = "";
    ImGui::PushFont(fonts.heading);
    ImGui::TextUnformatted("Sound");
    ImGui::PopFont();
    if (!soundAvailable) ImGui::TextDisabled("No sound device: these apply when one is there.");
    changed |= ImGui::SliderInt("Volume", &d.volume, 0, 100, "%d%%");
    changed |= ImGui::Checkbox("Mute (M)", &d.muted);
    // The output by name, so that a headset is used again whenever it is connected.
    const bool connected =
        std::find(state.outputDevices.begin(), state.outputDevices.end(), d.outputDevice) != state.outputDevices.end();
    const std::string current = d.outputDevice.empty() ? std::string("The system's default")
                                : connected            ? d.outputDevice
                                                       : d.outputDevice + " (not connected: the default plays)";
    if (ImGui::BeginCombo("Output", current.c_str())) {
        if (ImGui::Selectable("The system's default", d.outputDevice.empty())) {
            d.outputDevice.clear();
            changed = true;
        }
        for (const auto& name : state.outputDevices)
            if (ImGui::Selectable(name.c_str(), name == d.outputDevice)) {
                d.outputDevice = name;
                changed = true;
            }
        ImGui::EndCombo();
    }
    ImGui::Spacing();
    ImGui::PushFont(fonts.heading);
    ImGui::TextUnformatted("Cues");
    ImGui::PopFont();
    changed |= ImGui::Checkbox("A sound at every phase change", &d.cues.phase);
    changed |= ImGui::Checkbox("Countdown ticks 3, 2, 1 s before a change", &d.cues.countdown);
    changed |= ImGui::Checkbox("Halfway cue in phases of 30 s or more", &d.cues.halfway);
    changed |= ImGui::Checkbox("A chime at the end", &d.cues.end);
    changed |= ImGui::Checkbox("A short sound for pause, resume, skip, back, +15 s and continue", &d.cues.feedback);
    changed |= ImGui::Checkbox("Flash the window at every phase change", &d.flash);
    if (d.flash) changed |= ImGui::SliderInt("Flash length", &d.flashMs, 100, 3000, "%d ms");
    changed |= ImGui::Checkbox("Ask how it feels before a routine too (always after)", &d.checkInBefore);
    ImGui::Spacing();
    ImGui::PushFont(fonts.heading);
    ImGui::TextUnformatted("Voice");
    ImGui::PopFont();
    changed |= ImGui::Checkbox("Say the side, the step and its time", &d.voice.enabled);
    if (d.voice.enabled) {
        if (ImGui::BeginCombo("Voice", d.voice.name.c_str())) {
            for (std::string_view name : kVoiceNames) {
                const std::string n(name);
                if (ImGui::Selectable(n.c_str(), n == d.voice.name)) {
                    d.voice.name = n;
                    changed = true;
                }
            }
            ImGui::EndCombo();
        }
        // A voice change reopens the sound device: applied when the slider is let go, not per step.
        ImGui::SliderInt("Voice volume", &d.voice.volume, 0, 100, "%d%%");
        changed |= ImGui::IsItemDeactivatedAfterEdit();
        float rate = static_cast<float>(d.voice.rate);
        if (ImGui::SliderFloat("Speaking rate", &rate, static_cast<float>(VoiceSettings::kMinRate),
                               static_cast<float>(VoiceSettings::kMaxRate), "%.2fx"))
            d.voice.rate = rate;
        changed |= ImGui::IsItemDeactivatedAfterEdit();
    }
    ImGui::Spacing();
    ImGui::PushFont(fonts.heading);
    ImGui::TextUnformatted("Text");
    ImGui::PopFont();
    float scale = static_cast<float>(d.fontScale);
    if (ImGui::SliderFloat("Text size", &scale, static_cast<float>(Settings::kMinFontScale),
                           static_cast<float>(Settings::kMaxFontScale), "%.2fx")) {
        d.fontScale = scale;
        changed = true;
    }
    // The display's scale: the desktop's (Xft.dpi, GDK_SCALE, …) unless the user sets one.
    const std::string found = state.desktopScaleSource == "none" || state.desktopScaleSource.empty()
                                  ? std::string("none found: 1.00x")
                                  : formatScale(state.desktopScale) + " from " + state.desktopScaleSource;
    bool followDisplay = !d.uiScale;
    if (ImGui::Checkbox(("Size for the display as the desktop says (" + found + ")").c_str(), &followDisplay)) {
        if (followDisplay)
            d.uiScale.reset();
        else
            d.uiScale = std::clamp(state.desktopScale, Settings::kMinUiScale, Settings::kMaxUiScale);
        changed = true;
    }
    if (d.uiScale) {
        float ui = static_cast<float>(*d.uiScale);
        // Applied when the slider is let go: each step rebuilds the fonts and moves the slider.
        if (ImGui::SliderFloat("Display scale", &ui, static_cast<float>(Settings::kMinUiScale),
                               static_cast<float>(Settings::kMaxUiScale), "%.2fx"))
            d.uiScale = std::clamp(static_cast<double>(ui), Settings::kMinUiScale, Settings::kMaxUiScale);
        changed |= ImGui::IsItemDeactivatedAfterEdit();
    }
    ImGui::Spacing();
    ImGui::PushFont(fonts.heading);
    ImGui::TextUnformatted("Your own sounds");
    ImGui::PopFont();
    ImGui::TextWrapped(
        "A file path (WAV, OGG, FLAC or MP3) replaces that cue's sound; leave empty for the built-in one.");
    for (std::size_t i = 0; i < kCueSoundNames.size(); ++i) {
        TypedField& field = state.soundPaths[i];
        bool entered = false;
        typedTextField(kCueSoundNames[i], "", field, state.typedBeyondBmp, &entered);
        if (ImGui::IsItemFocused() || ImGui::IsItemActive()) state.focused = kCueSoundNames[i];
        if (entered || ImGui::IsItemDeactivatedAfterEdit()) {
            if (!field.text.empty())
                d.sounds[kCueSoundNames[i]] = field.text;
            else
                d.sounds.erase(kCueSoundNames[i]);
            changed = true;
        }
    }
    ImGui::Spacing();
    if (button("Done", fonts.heading, ImVec2(-1, fonts.heading->FontSize * 1.8f))) intent = {Action::CloseSettings};
    ImGui::End();
    if (changed && !intent) intent = {Action::ApplySettings};
    return intent;
}

} // namespace unknot::ui
