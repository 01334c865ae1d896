#include "screens/player/player_view.hpp"

#include "core/text.hpp"
#include "screens/player/finished_layout.hpp"
#include "screens/player/player_layout.hpp"
#include "ui/draw.hpp"
#include "ui/help_overlay.hpp"
#include "ui/palette.hpp"

#include <imgui.h>

#include "core/i18n.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace unknot::ui {

namespace {

// Capitals for ASCII and the Latin-1 letters the shipped languages use (ä -> Ä, é -> É);
// ß and every other character stay as they are.
std::string upper(std::string_view text) {
    std::string out(text);
    for (std::size_t i = 0; i < out.size(); ++i) {
        const auto c = static_cast<unsigned char>(out[i]);
        if (c < 0x80) {
            out[i] = static_cast<char>(std::toupper(c));
        } else if (c == 0xC3 && i + 1 < out.size()) {
            const auto d = static_cast<unsigned char>(out[i + 1]);
            if (d >= 0xA0 && d <= 0xBE && d != 0xB7) out[i + 1] = static_cast<char>(d - 0x20); // U+00E0..U+00FE, not ÷
            ++i;
        }
    }
    return out;
}

// What comes next, in full and short (without the kind, which its colour will show): the
// layout takes the full one when it fits a line, the short one else, and wraps rather than cut.
std::pair<std::string, std::string> nextTexts(const Timeline& t, const SessionStatus& s) {
    if (!s.next) return {_("Next: the end"), ""};
    const Phase& n = t.phases[*s.next];
    const std::string dot = " \xC2\xB7 ";
    const std::string side =
        n.side == Side::None
            ? ""
            : " (" + std::string(n.side == Side::Left ? C_("side shown", "left") : C_("side shown", "right")) + ")";
    const std::string when = dot + (n.manual ? std::string(_("waits for you")) : formatClock(n.durationMs));
    const bool labelled = n.label != kindTitle(n.kind);
    std::string full =
        format(_("Next: {0}"), {kindTitle(n.kind)}) + (labelled ? dot + n.label.str() : "") + side + when;
    std::string shorter = labelled ? format(_("Next: {0}"), {n.label.str()}) + side + when : "";
    return {std::move(full), std::move(shorter)};
}

} // namespace

namespace {

// The fonts measured as the layout asks: the capitals' and digits' heights from the glyphs
// themselves, at whatever size they were baked.
class FontMeasure final : public TextMeasure {
  public:
    explicit FontMeasure(const Fonts& fonts) : fonts_(fonts) {}
    [[nodiscard]] ImFont* font(Face face) const {
        switch (face) {
        case Face::Text: return fonts_.playerText;
        case Face::Capitals: return fonts_.capitals;
        case Face::Digits: return fonts_.huge;
        }
        return fonts_.playerText;
    }
    [[nodiscard]] float width(Face face, float px, std::string_view text) const override {
        if (face == Face::Digits) return tabularWidth(font(face), px, text);
        return font(face)->CalcTextSizeA(px, FLT_MAX, 0, text.data(), text.data() + text.size()).x;
    }
    [[nodiscard]] float capTop(Face face, float px) const override {
        const ImFontGlyph* g = capital(face);
        return g ? g->Y0 * px / font(face)->FontSize : 0.25f * px;
    }
    [[nodiscard]] float capHeight(Face face, float px) const override {
        const ImFontGlyph* g = capital(face);
        return g ? (g->Y1 - g->Y0) * px / font(face)->FontSize : 0.7f * px;
    }
    [[nodiscard]] float lineHeight(Face face, float px) const override {
        const ImFont* f = font(face);
        return std::max(f->FontSize, f->Ascent - f->Descent) * px / f->FontSize;
    }

  private:
    const Fonts& fonts_;
    [[nodiscard]] const ImFontGlyph* capital(Face face) const {
        return font(face)->FindGlyphNoFallback(static_cast<ImWchar>(face == Face::Digits ? '0' : 'H'));
    }
};

// Where and in what colours this frame of the player draws.
struct PlayerFrame {
    ImDrawList* dl = nullptr;
    ImVec2 o; // the window's top left
    float W = 0, H = 0;
    KindColours kc;
    ImU32 ink = 0, inkSoft = 0, paper = 0;
    Rgb chrome; // the buttons' and the volume's ink: the kind's text colour, white when paused
    PlayerLayout layout;
    const FontMeasure* measure = nullptr;
};

void drawText(const PlayerFrame& f, const TextBox& box, ImU32 col) {
    if (box.empty()) return;
    ImFont* font = f.measure->font(box.face);
    for (const TextLine& line : box.lines) {
        if (box.face == Face::Digits) {
            const float w = f.measure->width(Face::Digits, box.px, line.text);
            textTabular(f.dl, font, box.px, ImVec2(f.o.x + line.x + w * 0.5f, f.o.y + line.y + box.px * 0.5f), col,
                        line.text);
        } else {
            f.dl->AddText(font, box.px, ImVec2(f.o.x + line.x, f.o.y + line.y), col, line.text.c_str());
        }
    }
}

ImVec2 at(const PlayerFrame& f, float x, float y) { return ImVec2(f.o.x + x, f.o.y + y); }

// The side, two ways at once besides the word: left is a solid band along the left edge and
// a filled tag pointing left; right is a striped band along the right edge and an outlined
// tag pointing right. Told apart by place, fill and arrow, whatever the phase's colour.
void drawSide(const PlayerFrame& f, Side side) {
    const PlayerLayout& L = f.layout;
    if (side == Side::None || L.side.empty()) return;
    const Rect& band = L.band;
    const Rect& tag = L.side.box;
    const float cap = L.side.cap, pad = cap * kSideTagPad, midY = tag.y + tag.h * 0.5f;
    const float arrowW = cap * kSideArrow * 0.85f;
    if (side == Side::Left) {
        f.dl->AddRectFilled(at(f, band.x, band.y), at(f, band.right(), band.bottom()), f.ink);
        f.dl->AddRectFilled(at(f, tag.x, tag.y), at(f, tag.right(), tag.bottom()), f.ink, pad);
        const float tip = tag.x + pad, base = tip + arrowW;
        f.dl->AddTriangleFilled(at(f, tip, midY), at(f, base, midY - cap * 0.5f), at(f, base, midY + cap * 0.5f),
                                f.paper);
        drawText(f, L.side, f.paper);
    } else {
        f.dl->PushClipRect(at(f, band.x, band.y), at(f, band.right(), band.bottom()), true);
        const float step = band.w * 1.2f;
        for (float y = band.y - band.w; y < band.bottom() + band.w; y += step)
            f.dl->AddLine(at(f, band.x - 1, y + band.w), at(f, band.right() + 1, y), f.ink, step * 0.5f);
        f.dl->PopClipRect();
        f.dl->AddRect(at(f, tag.x, tag.y), at(f, tag.right(), tag.bottom()), f.ink, pad, 0,
                      std::max(2.0f, cap * 0.08f));
        const float tip = tag.right() - pad, base = tip - arrowW;
        f.dl->AddTriangleFilled(at(f, tip, midY), at(f, base, midY + cap * 0.5f), at(f, base, midY - cap * 0.5f),
                                f.ink);
        drawText(f, L.side, f.ink);
    }
}

// Volume: a slider a hand can reach when it is free.
Intent drawVolume(const PlayerFrame& f, const PlayerModel& m, const Fonts& fonts) {
    if (!m.soundAvailable) return {};
    Intent intent;
    const Rgb text = f.chrome;
    const Rect& r = f.layout.volume;
    ImGui::SetCursorScreenPos(at(f, r.x, r.y));
    ImGui::PushStyleColor(ImGuiCol_FrameBg, colourVec(text, 0.10f));
    ImGui::PushStyleColor(ImGuiCol_FrameBgHovered, colourVec(text, 0.18f));
    ImGui::PushStyleColor(ImGuiCol_FrameBgActive, colourVec(text, 0.25f));
    ImGui::PushStyleColor(ImGuiCol_SliderGrab, colourVec(text, 0.8f));
    ImGui::PushStyleColor(ImGuiCol_SliderGrabActive, colourVec(text));
    ImGui::PushStyleColor(ImGuiCol_Text, colourVec(text));
    // The slider as tall as its row: the font's size and the padding from what is left.
    const float px = std::min(fonts.body->FontSize, r.h * 0.8f);
    ImGui::PushFont(fonts.body);
    ImGui::SetWindowFontScale(px / fonts.body->FontSize);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(px * 0.4f, std::max(0.0f, (r.h - px) * 0.5f)));
    ImGui::SetNextItemWidth(r.w);
    int volume = m.volume;
    if (ImGui::SliderInt("##volume", &volume, 0, 100, m.muted ? _("muted") : _("volume %d%%")))
        intent = {Action::SetVolume, 0, volume};
    ImGui::PopStyleVar();
    ImGui::SetWindowFontScale(1.0f);
    ImGui::PopFont();
    ImGui::PopStyleColor(6);
    return intent;
}

// A row of equal buttons filling `row`, each label fitted to its button; the index clicked, or -1.
int buttonRow(const PlayerFrame& f, const Rect& row, float px, const char* const* labels, int count, Rgb ink) {
    const float gap = row.w * 0.012f;
    const float w = (row.w - gap * static_cast<float>(count - 1)) / static_cast<float>(count);
    int clicked = -1;
    for (int i = 0; i < count; ++i) {
        const ImVec2 min = at(f, row.x + static_cast<float>(i) * (w + gap), row.y);
        const ImVec2 max(min.x + w, min.y + row.h);
        ImGui::SetCursorScreenPos(min);
        ImGui::PushID(i);
        if (ImGui::InvisibleButton("##control", ImVec2(std::max(1.0f, w), std::max(1.0f, row.h)))) clicked = i;
        const float alpha = ImGui::IsItemActive() ? 0.35f : ImGui::IsItemHovered() ? 0.22f : 0.10f;
        ImGui::PopID();
        f.dl->AddRectFilled(min, max, colour(ink, alpha), row.h * 0.25f);
        float labelPx = px;
        const float room = w * 0.9f;
        if (const float tw = f.measure->width(Face::Text, labelPx, labels[i]); tw > room) labelPx *= room / tw;
        const float tw = f.measure->width(Face::Text, labelPx, labels[i]);
        const float th = f.measure->lineHeight(Face::Text, labelPx);
        f.dl->AddText(f.measure->font(Face::Text), labelPx,
                      ImVec2(min.x + (w - tw) * 0.5f, min.y + (row.h - th) * 0.5f), colour(ink), labels[i]);
    }
    return clicked;
}

// Controls: a row of buttons that name their keys, their text fitted to each button.
Intent drawControls(const PlayerFrame& f, const PlayerModel& m) {
    const SessionStatus& s = m.status;
    // TRANSLATORS: the player's buttons, six in a row: keep them short; the key stays in brackets.
    const char* pauseLabel = s.manual ? _("Continue (Space)") : (s.paused ? _("Resume (Space)") : _("Pause (Space)"));
    const char* muteLabel = !m.soundAvailable ? _("No sound") : (m.muted ? _("Unmute (M)") : _("Mute (M)"));
    const char* labels[] = {_("Back (\xE2\x86\x90)"), pauseLabel, _("Skip (\xE2\x86\x92)"),
                            _("+15 s (+)"),           muteLabel,  _("Library (Esc)")};
    constexpr Action actions[] = {Action::Back,   Action::TogglePause, Action::Skip,
                                  Action::Extend, Action::ToggleMute,  Action::RequestExit};
    const int clicked = buttonRow(f, f.layout.buttons, f.layout.buttonPx, labels, 6, f.chrome);
    return clicked >= 0 ? Intent{actions[clicked]} : Intent{};
}

// Overlays: the exit question, the notice, the flash.
void drawOverlays(const PlayerFrame& f, const PlayerModel& m, const Fonts& fonts) {
    ImDrawList* fg = ImGui::GetForegroundDrawList();
    if (const Rect& band = f.layout.questionBand; !f.layout.question.empty()) {
        f.dl->AddRectFilled(at(f, band.x, band.y), at(f, band.right(), band.bottom()), colour(kInk, 0.92f));
        drawText(f, f.layout.question, colour(kPaper));
    }
    if (!m.notice.empty()) {
        const ImVec2 ts = fonts.body->CalcTextSizeA(fonts.body->FontSize, FLT_MAX, 0, m.notice.c_str());
        const Rect& under = f.layout.volume;
        const ImVec2 min = at(f, f.layout.name.box.x, under.bottom() + 4);
        fg->AddRectFilled(min, ImVec2(min.x + ts.x + 16, min.y + ts.y + 8), colour(kInk, 0.85f), 6);
        fg->AddText(fonts.body, fonts.body->FontSize, ImVec2(min.x + 8, min.y + 4), colour(kPaper), m.notice.c_str());
    }
    if (m.flash > 0) fg->AddRectFilled(f.o, ImVec2(f.o.x + f.W, f.o.y + f.H), colour(kPaper, 0.85f * m.flash));
}

// What the player shows, as the layout takes it.
PlayerText playerText(const PlayerModel& m, const Phase& phase) {
    const SessionStatus& s = m.status;
    PlayerText t;
    t.side = phase.side;
    t.kind = upper(kindTitle(phase.kind));
    if (!s.manual) t.clock = formatClock(s.phaseRemainingMs);
    t.label = phase.label.str();
    t.cue = phase.cue.str();
    if (phase.rounds > 1)
        t.info =
            format(_("Round {0} of {1}"), {std::to_string(phase.round), std::to_string(phase.rounds)}) + " \xC2\xB7 ";
    t.info += format(_("{0} left"), {formatClock(std::max<Millis>(0, s.routineTotalMs - s.routineElapsedMs))}) +
              " \xC2\xB7 " + std::to_string(s.phase + 1) + "/" + std::to_string(m.timeline->size());
    std::tie(t.next, t.nextShort) = nextTexts(*m.timeline, s);
    t.name = m.routineName;
    // "Next" grows over the phase's last 5 s, to its full size for the last second (the digits,
    // and so the frames, change once a second: a growth reached only at 0 ms would never show).
    constexpr Millis kNextGrowsMs = 5000, kNextGrownMs = 1000;
    if (!s.manual && s.phaseRemainingMs < kNextGrowsMs)
        t.nextGrowth = std::min(1.0f, static_cast<float>(kNextGrowsMs - s.phaseRemainingMs) /
                                          static_cast<float>(kNextGrowsMs - kNextGrownMs));
    t.paused = s.paused && !s.manual;
    t.question = m.confirmingExit      ? _("Leave this routine? Press Esc again to go to the library, Space to stay")
                 : m.confirmingRestart ? _("Start again from the beginning? Press R again, Space to go on")
                                       : "";
    return t;
}

// The end: how it went, laid out from the window and the text size (finished_layout.hpp).
Intent drawFinished(const PlayerModel& m, const Fonts& fonts, FinishedLayout* layoutOut) {
    const Rgb bg{0x1E, 0x3A, 0x2F};
    beginFullWindow("##finished", &bg);
    const FontMeasure measure(fonts);
    PlayerFrame f;
    f.dl = ImGui::GetWindowDrawList();
    f.o = ImGui::GetWindowPos();
    f.W = ImGui::GetWindowSize().x;
    f.H = ImGui::GetWindowSize().y;
    f.measure = &measure;
    const bool ended = m.status.state == SessionState::Finished;
    FinishedText t;
    t.title = m.completed ? _("Well done") : ended ? _("The end") : _("Stopped");
    t.name = m.routineName;
    const std::size_t total = m.timeline ? m.timeline->size() : 0;
    // Skipped phases are not played ones: skipping all 19 is "0 of 19 played", not "Well done".
    const std::size_t reached = ended ? total : m.status.phase;
    const std::size_t skipped = std::min(reached, static_cast<std::size_t>(std::max(0, m.skippedPhases)));
    t.played = format(n_("{0} of {1} phase played", "{0} of {1} phases played", static_cast<unsigned long>(total)),
                      {std::to_string(reached - skipped), std::to_string(total)});
    if (skipped > 0) t.played += " " + format(_("({0} skipped)"), {std::to_string(skipped)});
    t.played += " \xC2\xB7 " + format(_("{0} of activity"), {formatHuman(m.status.activeMs)});
    t.taken = format(_("Time taken: {0} (pauses included)"), {formatClock(m.wallMs)});
    const FinishedLayout L = layOutFinished(t, f.W, f.H, fonts.textScale, measure);
    drawText(f, L.title, colour(kPaper));
    drawText(f, L.name, colour(kPaper));
    drawText(f, L.played, colour(kPaper));
    drawText(f, L.taken, colour(kPaper, 0.85f));
    const char* labels[] = {_("Back to library (Enter)"), _("Again (R)")};
    Intent intent;
    switch (buttonRow(f, L.buttons, L.buttonPx, labels, 2, kPaper)) {
    case 0: intent = {Action::ToLibrary}; break;
    case 1: intent = {Action::Restart}; break;
    default: break;
    }
    ImGui::End();
    if (layoutOut) *layoutOut = L;
    return intent;
}

} // namespace

Intent drawPlayer(const PlayerModel& m, const Fonts& fonts, PlayerLayout* layoutOut, FinishedLayout* finishedOut) {
    if (!m.timeline || m.timeline->empty() || m.status.over) {
        Intent i = drawFinished(m, fonts, finishedOut);
        if (m.showHelp) drawHelpOverlay(fonts, Screen::Finished);
        return i;
    }
    const Phase& phase = m.timeline->phases[m.status.phase];
    const FontMeasure measure(fonts);
    PlayerFrame f;
    f.kc = kindColours(phase.kind);
    beginFullWindow("##player", &f.kc.background, ImGuiWindowFlags_NoNavInputs);
    f.dl = ImGui::GetWindowDrawList();
    f.o = ImGui::GetWindowPos();
    f.W = ImGui::GetWindowSize().x;
    f.H = ImGui::GetWindowSize().y;
    f.ink = colour(f.kc.text);
    f.inkSoft = colour(f.kc.text, 0.80f);
    f.paper = colour(f.kc.background);
    f.measure = &measure;
    f.layout = layOutPlayer(playerText(m, phase), f.W, f.H, fonts.textScale, measure);
    const PlayerLayout& L = f.layout;
    const SessionStatus& s = m.status;
    f.chrome = L.pausedWord.empty() ? f.kc.text : kPaper;

    drawSide(f, phase.side);
    drawText(f, L.kind, f.ink);
    drawText(f, L.countdown, f.ink);
    drawText(f, L.label, f.ink);
    drawText(f, L.cue, f.inkSoft);
    const auto bar = [&](const Rect& r, double fraction, ImU32 fill) {
        progressBar(f.dl, at(f, r.x, r.y), at(f, r.right(), r.bottom()), fraction, fill, colour(f.kc.text, 0.18f));
    };
    bar(L.phaseBar, s.phaseProgress(), f.ink);
    bar(L.routineBar, s.routineProgress(), f.inkSoft);
    drawText(f, L.info, f.inkSoft);
    drawText(f, L.next, f.ink);
    if (!L.pausedWord.empty()) {
        // Paused, from across the room: the whole screen dims and says so.
        f.dl->AddRectFilled(f.o, at(f, f.W, f.H), colour(kInk, 0.86f));
        drawText(f, L.pausedWord, colour(kPaper));
        drawText(f, L.pausedHint, colour(kPaper, 0.9f));
    }
    Intent intent;
    // The chrome recedes while the routine plays; a key or the mouse brings it back.
    if (m.chromeVisible) {
        drawText(f, L.name, L.pausedWord.empty() ? f.inkSoft : colour(kPaper, 0.8f));
        intent = drawVolume(f, m, fonts);
        if (const Intent clicked = drawControls(f, m)) intent = clicked;
    }
    drawOverlays(f, m, fonts);
    ImGui::End();
    if (layoutOut) *layoutOut = L;
    if (m.showHelp) drawHelpOverlay(fonts, Screen::Player);
    return intent;
}

Intent drawPlayerScreen(PlayerScreen& screen, const PlayerModel& frame, const Fonts& fonts, bool testMode) {
    const PlayerController& player = screen.player();
    PlayerLayout layout;
    FinishedLayout finished;
    const Intent intent = drawPlayer(frame, fonts, &layout, &finished);
    if (testMode) {
        // The end-to-end tests read where the player's (or the finished screen's) parts went
        // and how big their text is.
        char head[64];
        std::snprintf(head, sizeof head, "test %s scale=%.2f ", player.over() ? "finished-layout" : "layout",
                      static_cast<double>(fonts.textScale));
        // The player's texts too, as drawn: the language tests read them.
        screen.drawn(head +
                     (player.over() ? describe(finished) : describe(layout) + "\ntest texts " + describeTexts(layout)));
    }
    return intent;
}

} // namespace unknot::ui
