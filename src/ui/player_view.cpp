#include "ui/player_view.hpp"

#include "ui/draw.hpp"
#include "ui/palette.hpp"

#include <imgui.h>

#include <algorithm>
#include <cctype>
#include <string>

namespace unknot::ui {

namespace {

std::string upper(std::string_view text) {
    std::string out(text);
    for (auto& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

// A row of equal buttons across the bottom; returns the index clicked, or -1.
int buttonRow(const Fonts& fonts, const char* const* labels, int count, float y, float height, Rgb ink) {
    const ImVec2 size = ImGui::GetWindowSize();
    const float margin = size.x * 0.04f;
    const float gap = size.x * 0.012f;
    const float w = (size.x - 2 * margin - gap * static_cast<float>(count - 1)) / static_cast<float>(count);
    ImGui::PushStyleColor(ImGuiCol_Button, colourVec(ink, 0.10f));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, colourVec(ink, 0.22f));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, colourVec(ink, 0.35f));
    ImGui::PushStyleColor(ImGuiCol_Text, colourVec(ink));
    ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, height * 0.25f);
    int clicked = -1;
    for (int i = 0; i < count; ++i) {
        ImGui::SetCursorPos(ImVec2(margin + static_cast<float>(i) * (w + gap), y));
        if (button(labels[i], fonts.body, ImVec2(w, height))) clicked = i;
    }
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(4);
    return clicked;
}

std::string nextText(const Timeline& t, const SessionStatus& s) {
    if (!s.next) return "Next: the end";
    const Phase& n = t.phases[*s.next];
    std::string text = "Next: " + std::string(kindTitle(n.kind));
    if (n.label != kindTitle(n.kind)) text += " \xC2\xB7 " + n.label.str();
    if (n.side != Side::None) text += " (" + std::string(sideName(n.side)) + ")";
    text += n.manual ? " \xC2\xB7 waits for you" : " \xC2\xB7 " + formatClock(n.durationMs);
    return text;
}

Intent drawFinished(const PlayerModel& m, const Fonts& fonts) {
    const Rgb bg{0x1E, 0x3A, 0x2F};
    beginFullWindow("##finished", &bg);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 size = ImGui::GetWindowSize();
    const ImVec2 origin = ImGui::GetWindowPos();
    const bool completed = m.status.state == SessionState::Finished;
    const ImU32 ink = colour(kPaper);
    const float cx = origin.x + size.x * 0.5f;
    textCentred(dl, fonts.large, ImVec2(cx, origin.y + size.y * 0.22f), ink, completed ? "Well done" : "Stopped");
    textCentred(dl, fonts.heading, ImVec2(cx, origin.y + size.y * 0.34f), ink, m.routineName);
    const std::size_t total = m.timeline ? m.timeline->size() : 0;
    const std::size_t done = completed ? total : m.status.phase;
    const std::string line1 = std::to_string(done) + " of " + std::to_string(total) + " phases \xC2\xB7 " +
                              formatHuman(m.status.activeMs) + " of activity";
    const std::string line2 = "Time taken: " + formatClock(m.wallMs) + " (pauses included)";
    textCentred(dl, fonts.heading, ImVec2(cx, origin.y + size.y * 0.46f), ink, line1);
    textCentred(dl, fonts.body, ImVec2(cx, origin.y + size.y * 0.54f), colour(kPaper, 0.85f), line2);
    const char* labels[] = {"Back to library (Enter)", "Again (R)"};
    const float h = std::max(48.0f, size.y * 0.09f);
    Intent intent;
    switch (buttonRow(fonts, labels, 2, size.y * 0.72f, h, kPaper)) {
    case 0: intent = {Action::ToLibrary}; break;
    case 1: intent = {Action::Restart}; break;
    default: break;
    }
    ImGui::End();
    return intent;
}

} // namespace

Intent drawPlayer(const PlayerModel& m, const Fonts& fonts) {
    if (!m.timeline || m.timeline->empty() || m.status.over) {
        Intent i = drawFinished(m, fonts);
        if (m.showHelp) drawHelpOverlay(fonts, Screen::Finished);
        return i;
    }
    const SessionStatus& s = m.status;
    const Phase& phase = m.timeline->phases[s.phase];
    const KindColours kc = kindColours(phase.kind);
    beginFullWindow("##player", &kc.background);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 o = ImGui::GetWindowPos();
    const ImVec2 size = ImGui::GetWindowSize();
    const float W = size.x, H = size.y;
    const ImU32 ink = colour(kc.text);
    const ImU32 inkSoft = colour(kc.text, 0.80f);
    const float margin = W * 0.04f;

    // Top line: routine name on the left; round and side on the right.
    dl->AddText(fonts.heading, fonts.heading->FontSize, ImVec2(o.x + margin, o.y + H * 0.03f), inkSoft,
                m.routineName.c_str());
    float right = o.x + W - margin;
    if (phase.side != Side::None) {
        const std::string side = upper(sideName(phase.side));
        const ImVec2 ts = fonts.large->CalcTextSizeA(fonts.large->FontSize, FLT_MAX, 0, side.c_str());
        const float pad = fonts.large->FontSize * 0.3f;
        const ImVec2 min(right - ts.x - 2 * pad, o.y + H * 0.025f);
        const ImVec2 max(right, min.y + ts.y + pad);
        dl->AddRectFilled(min, max, ink, pad);
        dl->AddText(fonts.large, fonts.large->FontSize, ImVec2(min.x + pad, min.y + pad * 0.5f), colour(kc.background),
                    side.c_str());
        right = min.x - pad * 2;
    }
    if (phase.rounds > 1) {
        const std::string round = "Round " + std::to_string(phase.round) + " of " + std::to_string(phase.rounds);
        const ImVec2 ts = fonts.heading->CalcTextSizeA(fonts.heading->FontSize, FLT_MAX, 0, round.c_str());
        dl->AddText(fonts.heading, fonts.heading->FontSize, ImVec2(right - ts.x, o.y + H * 0.03f), ink, round.c_str());
    }

    // Volume, under the name: a slider a hand can reach when it is free.
    Intent intent;
    if (m.soundAvailable) {
        ImGui::SetCursorPos(ImVec2(margin, H * 0.03f + fonts.heading->FontSize * 1.4f));
        ImGui::PushStyleColor(ImGuiCol_FrameBg, colourVec(kc.text, 0.10f));
        ImGui::PushStyleColor(ImGuiCol_FrameBgHovered, colourVec(kc.text, 0.18f));
        ImGui::PushStyleColor(ImGuiCol_FrameBgActive, colourVec(kc.text, 0.25f));
        ImGui::PushStyleColor(ImGuiCol_SliderGrab, colourVec(kc.text, 0.8f));
        ImGui::PushStyleColor(ImGuiCol_SliderGrabActive, colourVec(kc.text));
        ImGui::PushStyleColor(ImGuiCol_Text, colourVec(kc.text));
        ImGui::SetNextItemWidth(W * 0.18f);
        int volume = m.volume;
        if (ImGui::SliderInt("##volume", &volume, 0, 100, m.muted ? "muted" : "volume %d%%"))
            intent = {Action::SetVolume, 0, volume};
        ImGui::PopStyleColor(6);
    }

    // The phase as a word, then the countdown in huge tabular digits.
    const float cx = o.x + W * 0.5f;
    textCentred(dl, fonts.large, ImVec2(cx, o.y + H * 0.15f), ink, upper(kindTitle(phase.kind)));
    const float digitsCentreY = o.y + H * 0.36f;
    const std::string clock = formatClock(s.phaseRemainingMs);
    // Drawn at the size the window's height asks for, narrower only where the width runs out.
    float digitsPx = fonts.hugePx;
    const float digitsWidth = tabularWidth(fonts.huge, digitsPx, clock);
    if (digitsWidth > W - 2 * margin) digitsPx *= (W - 2 * margin) / digitsWidth;
    if (s.manual) {
        textCentred(dl, fonts.large, ImVec2(cx, digitsCentreY), ink, "Press Space to continue");
    } else if (s.paused) {
        // Paused: the time fades back and the word says why it stands still.
        textTabular(dl, fonts.huge, digitsPx, ImVec2(cx, digitsCentreY), colour(kc.text, 0.22f), clock);
        textCentred(dl, fonts.large, ImVec2(cx, digitsCentreY), ink, "PAUSED \xE2\x80\x94 Space to resume");
    } else {
        textTabular(dl, fonts.huge, digitsPx, ImVec2(cx, digitsCentreY), ink, clock);
    }

    // The step label big, its cue below.
    float y = o.y + H * 0.55f;
    y += textWrappedCentred(dl, fonts.large, o.x + margin, o.x + W - margin, y, ink, phase.label.str(), 2);
    if (!phase.cue.empty())
        y += textWrappedCentred(dl, fonts.heading, o.x + margin, o.x + W - margin, y + H * 0.01f, inkSoft,
                                phase.cue.str(), 2);

    // Progress: this phase, then the routine with the time left.
    const float barH = std::max(8.0f, H * 0.016f);
    const float barY = o.y + H * 0.76f;
    progressBar(dl, ImVec2(o.x + margin, barY), ImVec2(o.x + W - margin, barY + barH), s.phaseProgress(), ink,
                colour(kc.text, 0.18f));
    const float bar2Y = barY + barH * 2.2f;
    const float textW = W * 0.24f;
    progressBar(dl, ImVec2(o.x + margin, bar2Y), ImVec2(o.x + W - margin - textW, bar2Y + barH * 0.6f),
                s.routineProgress(), inkSoft, colour(kc.text, 0.18f));
    const std::string left = formatClock(std::max<Millis>(0, s.routineTotalMs - s.routineElapsedMs)) + " left \xC2\xB7 " +
                             std::to_string(s.phase + 1) + "/" + std::to_string(m.timeline->size());
    const ImVec2 leftSize = fonts.body->CalcTextSizeA(fonts.body->FontSize, FLT_MAX, 0, left.c_str());
    dl->AddText(fonts.body, fonts.body->FontSize,
                ImVec2(o.x + W - margin - leftSize.x, bar2Y + barH * 0.3f - leftSize.y * 0.5f), inkSoft, left.c_str());
    textCentred(dl, fonts.heading, ImVec2(cx, o.y + H * 0.845f), ink, nextText(*m.timeline, s));

    // Controls: big buttons that name their keys (Restart and the rest are in the ? overlay).
    const char* pauseLabel = s.manual ? "Continue (Space)" : (s.paused ? "Resume (Space)" : "Pause (Space)");
    const char* muteLabel = !m.soundAvailable ? "No sound" : (m.muted ? "Unmute (M)" : "Mute (M)");
    const char* labels[] = {"Back (\xE2\x86\x90)", pauseLabel, "Skip (\xE2\x86\x92)", "+15 s (+)", muteLabel,
                            "Library (Esc)"};
    const float buttonH = std::max(44.0f, H * 0.075f);
    switch (buttonRow(fonts, labels, 6, H - buttonH - H * 0.025f, buttonH, kc.text)) {
    case 0: intent = {Action::Back}; break;
    case 1: intent = {Action::TogglePause}; break;
    case 2: intent = {Action::Skip}; break;
    case 3: intent = {Action::Extend}; break;
    case 4: intent = {Action::ToggleMute}; break;
    case 5: intent = {Action::RequestExit}; break;
    default: break;
    }

    // Overlays: exit confirmation, notice, flash.
    ImDrawList* fg = ImGui::GetForegroundDrawList();
    if (m.confirmingExit) {
        const float bandH = fonts.heading->FontSize * 2.2f;
        fg->AddRectFilled(ImVec2(o.x, o.y), ImVec2(o.x + W, o.y + bandH), colour(kInk, 0.92f));
        textCentred(fg, fonts.heading, ImVec2(cx, o.y + bandH * 0.5f), colour(kPaper),
                    "Leave this routine? Press Esc again to go to the library, Space to stay");
    }
    if (!m.notice.empty()) {
        const ImVec2 ts = fonts.body->CalcTextSizeA(fonts.body->FontSize, FLT_MAX, 0, m.notice.c_str());
        const ImVec2 min(o.x + margin, o.y + H * 0.03f + fonts.heading->FontSize * 1.4f +
                                           (m.soundAvailable ? fonts.body->FontSize * 2.0f : 0.0f));
        fg->AddRectFilled(min, ImVec2(min.x + ts.x + 16, min.y + ts.y + 8), colour(kInk, 0.85f), 6);
        fg->AddText(fonts.body, fonts.body->FontSize, ImVec2(min.x + 8, min.y + 4), colour(kPaper), m.notice.c_str());
    }
    if (m.flash > 0) fg->AddRectFilled(o, ImVec2(o.x + W, o.y + H), colour(kPaper, 0.85f * m.flash));
    ImGui::End();
    if (m.showHelp) drawHelpOverlay(fonts, Screen::Player);
    return intent;
}

void drawHelpOverlay(const Fonts& fonts, Screen screen) {
    struct Row {
        const char* key;
        const char* what;
    };
    static const Row player[] = {{"Space", "pause / resume / continue"}, {"\xE2\x86\x92", "skip to the next phase"},
                                 {"\xE2\x86\x90", "back: restart this phase, or the previous one"},
                                 {"+", "add 15 seconds"}, {"R", "restart the routine"},
                                 {"Esc", "back to the library (twice while running)"},
                                 {"F / F11", "fullscreen"}, {"M", "mute"}, {"\xE2\x86\x91 / \xE2\x86\x93", "volume"},
                                 {"?", "this help"}, {"Ctrl+Q", "quit"}};
    static const Row library[] = {{"\xE2\x86\x91 / \xE2\x86\x93", "choose a routine"}, {"Enter", "start it"},
                                  {"type", "search (click the search box)"}, {"Q", "quick set"},
                                  {"N", "new routine"}, {"H", "history"}, {"Del", "delete your routine"},
                                  {"Ctrl+Z", "undo a delete"},
                                  {"F / F11", "fullscreen"},
                                  {"M", "mute"}, {"S", "settings: sound, cues, flash, text size"},
                                  {"?", "this help"}, {"Ctrl+Q", "quit"}};
    const Row* rows = screen == Screen::Library ? library : player;
    const std::size_t count = screen == Screen::Library ? std::size(library) : std::size(player);
    ImDrawList* fg = ImGui::GetForegroundDrawList();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const ImVec2 o = vp->Pos, size = vp->Size;
    fg->AddRectFilled(o, ImVec2(o.x + size.x, o.y + size.y), colour(kInk, 0.93f));
    const float lineH = fonts.heading->FontSize * 1.45f;
    float y = o.y + std::max(20.0f, (size.y - lineH * static_cast<float>(count + 2)) * 0.5f);
    textCentred(fg, fonts.large, ImVec2(o.x + size.x * 0.5f, y), colour(kPaper), "Keys");
    y += lineH * 1.4f;
    for (std::size_t i = 0; i < count; ++i, y += lineH) {
        const ImVec2 ks = fonts.heading->CalcTextSizeA(fonts.heading->FontSize, FLT_MAX, 0, rows[i].key);
        fg->AddText(fonts.heading, fonts.heading->FontSize, ImVec2(o.x + size.x * 0.38f - ks.x, y), colour(kPaper),
                    rows[i].key);
        fg->AddText(fonts.heading, fonts.heading->FontSize, ImVec2(o.x + size.x * 0.42f, y), colour(kPaper, 0.85f),
                    rows[i].what);
    }
}

} // namespace unknot::ui
