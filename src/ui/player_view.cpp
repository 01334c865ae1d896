#include "ui/player_view.hpp"

#include "ui/draw.hpp"
#include "ui/palette.hpp"

#include <imgui.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

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

namespace {

// Where and in what colours this frame of the player draws.
struct PlayerFrame {
    ImDrawList* dl = nullptr;
    ImVec2 o; // the window's top left
    float W = 0, H = 0;
    float margin = 0;
    float cx = 0; // the centre line
    KindColours kc;
    ImU32 ink = 0, inkSoft = 0;
};

// Routine name on the left; round and side on the right.
void drawTopLine(const PlayerFrame& f, const PlayerModel& m, const Phase& phase, const Fonts& fonts) {
    f.dl->AddText(fonts.heading, fonts.heading->FontSize, ImVec2(f.o.x + f.margin, f.o.y + f.H * 0.03f), f.inkSoft,
                  m.routineName.c_str());
    float right = f.o.x + f.W - f.margin;
    if (phase.side != Side::None) {
        const std::string side = upper(sideName(phase.side));
        const ImVec2 ts = fonts.large->CalcTextSizeA(fonts.large->FontSize, FLT_MAX, 0, side.c_str());
        const float pad = fonts.large->FontSize * 0.3f;
        const ImVec2 min(right - ts.x - 2 * pad, f.o.y + f.H * 0.025f);
        const ImVec2 max(right, min.y + ts.y + pad);
        f.dl->AddRectFilled(min, max, f.ink, pad);
        f.dl->AddText(fonts.large, fonts.large->FontSize, ImVec2(min.x + pad, min.y + pad * 0.5f),
                      colour(f.kc.background), side.c_str());
        right = min.x - pad * 2;
    }
    if (phase.rounds > 1) {
        const std::string round = "Round " + std::to_string(phase.round) + " of " + std::to_string(phase.rounds);
        const ImVec2 ts = fonts.heading->CalcTextSizeA(fonts.heading->FontSize, FLT_MAX, 0, round.c_str());
        f.dl->AddText(fonts.heading, fonts.heading->FontSize, ImVec2(right - ts.x, f.o.y + f.H * 0.03f), f.ink,
                      round.c_str());
    }
}

// Volume, under the name: a slider a hand can reach when it is free.
Intent drawVolume(const PlayerFrame& f, const PlayerModel& m, const Fonts& fonts) {
    if (!m.soundAvailable) return {};
    Intent intent;
    const Rgb text = f.kc.text;
    ImGui::SetCursorPos(ImVec2(f.margin, f.H * 0.03f + fonts.heading->FontSize * 1.4f));
    ImGui::PushStyleColor(ImGuiCol_FrameBg, colourVec(text, 0.10f));
    ImGui::PushStyleColor(ImGuiCol_FrameBgHovered, colourVec(text, 0.18f));
    ImGui::PushStyleColor(ImGuiCol_FrameBgActive, colourVec(text, 0.25f));
    ImGui::PushStyleColor(ImGuiCol_SliderGrab, colourVec(text, 0.8f));
    ImGui::PushStyleColor(ImGuiCol_SliderGrabActive, colourVec(text));
    ImGui::PushStyleColor(ImGuiCol_Text, colourVec(text));
    ImGui::SetNextItemWidth(f.W * 0.18f);
    int volume = m.volume;
    if (ImGui::SliderInt("##volume", &volume, 0, 100, m.muted ? "muted" : "volume %d%%"))
        intent = {Action::SetVolume, 0, volume};
    ImGui::PopStyleColor(6);
    return intent;
}

// The phase as a word, then the countdown in huge tabular digits.
void drawCountdown(const PlayerFrame& f, const SessionStatus& s, const Phase& phase, const Fonts& fonts) {
    textCentred(f.dl, fonts.large, ImVec2(f.cx, f.o.y + f.H * 0.15f), f.ink, upper(kindTitle(phase.kind)));
    const float digitsCentreY = f.o.y + f.H * 0.36f;
    const std::string clock = formatClock(s.phaseRemainingMs);
    // Drawn at the size the window's height asks for, narrower only where the width runs out.
    float digitsPx = fonts.hugePx;
    const float digitsWidth = tabularWidth(fonts.huge, digitsPx, clock);
    if (digitsWidth > f.W - 2 * f.margin) digitsPx *= (f.W - 2 * f.margin) / digitsWidth;
    if (s.manual) {
        textCentred(f.dl, fonts.large, ImVec2(f.cx, digitsCentreY), f.ink, "Press Space to continue");
    } else if (s.paused) {
        // Paused: the time fades back and the word says why it stands still.
        textTabular(f.dl, fonts.huge, digitsPx, ImVec2(f.cx, digitsCentreY), colour(f.kc.text, 0.22f), clock);
        textCentred(f.dl, fonts.large, ImVec2(f.cx, digitsCentreY), f.ink, "PAUSED \xE2\x80\x94 Space to resume");
    } else {
        textTabular(f.dl, fonts.huge, digitsPx, ImVec2(f.cx, digitsCentreY), f.ink, clock);
    }
}

// The step label big, its cue below.
void drawLabel(const PlayerFrame& f, const Phase& phase, const Fonts& fonts) {
    float y = f.o.y + f.H * 0.55f;
    const float x0 = f.o.x + f.margin, x1 = f.o.x + f.W - f.margin;
    y += textWrappedCentred(f.dl, fonts.large, x0, x1, y, f.ink, phase.label.str(), 2);
    if (!phase.cue.empty())
        textWrappedCentred(f.dl, fonts.heading, x0, x1, y + f.H * 0.01f, f.inkSoft, phase.cue.str(), 2);
}

// Progress: this phase, then the routine with the time left, then what comes next.
void drawProgress(const PlayerFrame& f, const PlayerModel& m, const Fonts& fonts) {
    const SessionStatus& s = m.status;
    const float barH = std::max(8.0f, f.H * 0.016f);
    const float barY = f.o.y + f.H * 0.76f;
    progressBar(f.dl, ImVec2(f.o.x + f.margin, barY), ImVec2(f.o.x + f.W - f.margin, barY + barH), s.phaseProgress(),
                f.ink, colour(f.kc.text, 0.18f));
    const float bar2Y = barY + barH * 2.2f;
    const float textW = f.W * 0.24f;
    progressBar(f.dl, ImVec2(f.o.x + f.margin, bar2Y), ImVec2(f.o.x + f.W - f.margin - textW, bar2Y + barH * 0.6f),
                s.routineProgress(), f.inkSoft, colour(f.kc.text, 0.18f));
    const std::string left = formatClock(std::max<Millis>(0, s.routineTotalMs - s.routineElapsedMs)) +
                             " left \xC2\xB7 " + std::to_string(s.phase + 1) + "/" + std::to_string(m.timeline->size());
    const ImVec2 leftSize = fonts.body->CalcTextSizeA(fonts.body->FontSize, FLT_MAX, 0, left.c_str());
    f.dl->AddText(fonts.body, fonts.body->FontSize,
                  ImVec2(f.o.x + f.W - f.margin - leftSize.x, bar2Y + barH * 0.3f - leftSize.y * 0.5f), f.inkSoft,
                  left.c_str());
    textCentred(f.dl, fonts.heading, ImVec2(f.cx, f.o.y + f.H * 0.845f), f.ink, nextText(*m.timeline, s));
}

// Controls: big buttons that name their keys (Restart and the rest are in the ? overlay).
Intent drawControls(const PlayerFrame& f, const PlayerModel& m, const Fonts& fonts) {
    const SessionStatus& s = m.status;
    const char* pauseLabel = s.manual ? "Continue (Space)" : (s.paused ? "Resume (Space)" : "Pause (Space)");
    const char* muteLabel = !m.soundAvailable ? "No sound" : (m.muted ? "Unmute (M)" : "Mute (M)");
    const char* labels[] = {"Back (\xE2\x86\x90)", pauseLabel, "Skip (\xE2\x86\x92)", "+15 s (+)", muteLabel,
                            "Library (Esc)"};
    constexpr Action actions[] = {Action::Back,   Action::TogglePause, Action::Skip,
                                  Action::Extend, Action::ToggleMute,  Action::RequestExit};
    const float buttonH = std::max(44.0f, f.H * 0.075f);
    const int clicked = buttonRow(fonts, labels, 6, f.H - buttonH - f.H * 0.025f, buttonH, f.kc.text);
    return clicked < 0 ? Intent{} : Intent{actions[clicked]};
}

// Overlays: the exit question, the notice, the flash.
void drawOverlays(const PlayerFrame& f, const PlayerModel& m, const Fonts& fonts) {
    ImDrawList* fg = ImGui::GetForegroundDrawList();
    if (m.confirmingExit) {
        const float bandH = fonts.heading->FontSize * 2.2f;
        fg->AddRectFilled(ImVec2(f.o.x, f.o.y), ImVec2(f.o.x + f.W, f.o.y + bandH), colour(kInk, 0.92f));
        textCentred(fg, fonts.heading, ImVec2(f.cx, f.o.y + bandH * 0.5f), colour(kPaper),
                    "Leave this routine? Press Esc again to go to the library, Space to stay");
    }
    if (!m.notice.empty()) {
        const ImVec2 ts = fonts.body->CalcTextSizeA(fonts.body->FontSize, FLT_MAX, 0, m.notice.c_str());
        const ImVec2 min(f.o.x + f.margin, f.o.y + f.H * 0.03f + fonts.heading->FontSize * 1.4f +
                                               (m.soundAvailable ? fonts.body->FontSize * 2.0f : 0.0f));
        fg->AddRectFilled(min, ImVec2(min.x + ts.x + 16, min.y + ts.y + 8), colour(kInk, 0.85f), 6);
        fg->AddText(fonts.body, fonts.body->FontSize, ImVec2(min.x + 8, min.y + 4), colour(kPaper), m.notice.c_str());
    }
    if (m.flash > 0) fg->AddRectFilled(f.o, ImVec2(f.o.x + f.W, f.o.y + f.H), colour(kPaper, 0.85f * m.flash));
}

} // namespace

Intent drawPlayer(const PlayerModel& m, const Fonts& fonts) {
    if (!m.timeline || m.timeline->empty() || m.status.over) {
        Intent i = drawFinished(m, fonts);
        if (m.showHelp) drawHelpOverlay(fonts, Screen::Finished);
        return i;
    }
    const Phase& phase = m.timeline->phases[m.status.phase];
    PlayerFrame f;
    f.kc = kindColours(phase.kind);
    beginFullWindow("##player", &f.kc.background);
    f.dl = ImGui::GetWindowDrawList();
    f.o = ImGui::GetWindowPos();
    f.W = ImGui::GetWindowSize().x;
    f.H = ImGui::GetWindowSize().y;
    f.margin = f.W * 0.04f;
    f.cx = f.o.x + f.W * 0.5f;
    f.ink = colour(f.kc.text);
    f.inkSoft = colour(f.kc.text, 0.80f);

    drawTopLine(f, m, phase, fonts);
    Intent intent = drawVolume(f, m, fonts);
    drawCountdown(f, m.status, phase, fonts);
    drawLabel(f, phase, fonts);
    drawProgress(f, m, fonts);
    if (const Intent clicked = drawControls(f, m, fonts)) intent = clicked;
    drawOverlays(f, m, fonts);
    ImGui::End();
    if (m.showHelp) drawHelpOverlay(fonts, Screen::Player);
    return intent;
}

void drawHelpOverlay(const Fonts& fonts, Screen screen) {
    std::vector<const KeyBinding*> rows;
    for (const KeyBinding& b : keyBindings(screen))
        if (b.label) rows.push_back(&b);
    const std::size_t count = rows.size();
    ImDrawList* fg = ImGui::GetForegroundDrawList();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const ImVec2 o = vp->Pos, size = vp->Size;
    fg->AddRectFilled(o, ImVec2(o.x + size.x, o.y + size.y), colour(kInk, 0.93f));
    const float lineH = fonts.heading->FontSize * 1.45f;
    float y = o.y + std::max(20.0f, (size.y - lineH * static_cast<float>(count + 2)) * 0.5f);
    textCentred(fg, fonts.large, ImVec2(o.x + size.x * 0.5f, y), colour(kPaper), "Keys");
    y += lineH * 1.4f;
    for (std::size_t i = 0; i < count; ++i, y += lineH) {
        const ImVec2 ks = fonts.heading->CalcTextSizeA(fonts.heading->FontSize, FLT_MAX, 0, rows[i]->label);
        fg->AddText(fonts.heading, fonts.heading->FontSize, ImVec2(o.x + size.x * 0.38f - ks.x, y), colour(kPaper),
                    rows[i]->label);
        fg->AddText(fonts.heading, fonts.heading->FontSize, ImVec2(o.x + size.x * 0.42f, y), colour(kPaper, 0.85f),
                    rows[i]->help);
    }
}

} // namespace unknot::ui
