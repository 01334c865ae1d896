#include "screens/check_in/check_in_view.hpp"

#include "core/i18n.hpp"
#include "ui/draw.hpp"

#include <imgui.h>

#include <string>

namespace unknot::ui {

namespace {
constexpr Rgb kBackground{0x1B, 0x26, 0x3B}; // dark slate blue: calm, and white text reads on it

// Next, the note and Skip all, in a row across `size` from `at` (window coordinates).
void buttons(const CheckInViewModel& m, const Fonts& fonts, ImVec2 at, ImVec2 size, Intent& intent) {
    const float gap = size.x * 0.02f;
    const float w = (size.x - 2 * gap) / 3;
    ImGui::SetCursorPos(at);
    if (button(_("Next (Enter)"), fonts.heading, ImVec2(w, size.y))) intent = {CheckInAction::Next};
    ImGui::SetCursorPos(ImVec2(at.x + w + gap, at.y));
    ImGui::PushFont(fonts.heading);
    // The note kept so far, cut to the button: what N will open.
    const std::string noteLabel =
        m.note.empty()
            ? std::string(_("Add a note (N)"))
            : ellipsizeToWidth(format(_("Note: {0}"), {m.note}), w - ImGui::GetStyle().FramePadding.x * 2) + "##note";
    ImGui::PopFont();
    if (button(noteLabel.c_str(), fonts.heading, ImVec2(w, size.y))) intent = {CheckInAction::Note};
    ImGui::SetCursorPos(ImVec2(at.x + 2 * (w + gap), at.y));
    if (button(_("Skip all (Esc)"), fonts.heading, ImVec2(w, size.y))) intent = {CheckInAction::SkipAll};
}

// The note line: a text field that has the keyboard (the app gives it every key but Enter,
// which keeps the note, and Esc, which drops the draft), and why it cannot be kept when too long.
void noteLine(const CheckInViewModel& m, const Fonts& fonts, ImVec2 at, ImVec2 size, std::deque<std::string>& typed,
              Intent& intent) {
    const float gap = size.x * 0.02f;
    const float keepWidth = size.x * 0.22f;
    ImGui::PushFont(fonts.heading);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding,
                        ImVec2(ImGui::GetStyle().FramePadding.x, (size.y - ImGui::GetFontSize()) * 0.5f));
    ImGui::SetCursorPos(at);
    ImGui::SetNextItemWidth(size.x - keepWidth - gap);
    std::string buffer = m.noteDraft;
    if (auto note =
            typedTextInput("##note", _("A note, optional: \"first steps this morning\""), buffer, m.noteDraft, typed))
        intent = Intent{CheckInAction::NoteText, 0, 0, {}, std::move(*note)};
    // Asked again every frame until it holds the keyboard: typing goes to the note at once.
    if (!ImGui::IsItemActive()) ImGui::SetKeyboardFocusHere(-1);
    ImGui::PopStyleVar();
    ImGui::PopFont();
    ImGui::SetCursorPos(ImVec2(at.x + size.x - keepWidth, at.y));
    if (button(_("Keep (Enter)"), fonts.heading, ImVec2(keepWidth, size.y))) intent = {CheckInAction::NoteKeep};
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetWindowPos();
    const std::string below = m.noteProblem ? *m.noteProblem : _("Enter keeps it with this answer, Esc drops it");
    textCentred(dl, fonts.body, ImVec2(origin.x + at.x + size.x * 0.5f, origin.y + at.y + size.y * 1.25f),
                m.noteProblem ? colour(kProblem) : colour(kPaper, 0.6f), below);
}
} // namespace

Intent drawCheckIn(const CheckInViewModel& m, const Fonts& fonts, std::deque<std::string>& typed) {
    Intent intent;
    beginFullWindow("##check-in", &kBackground);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 size = ImGui::GetWindowSize();
    const ImVec2 origin = ImGui::GetWindowPos();
    const float cx = origin.x + size.x * 0.5f;

    const std::string progress =
        m.title + "  \xC2\xB7  " + format(_("{0} of {1}"), {std::to_string(m.index + 1), std::to_string(m.count)});
    textCentred(dl, fonts.heading, ImVec2(cx, origin.y + size.y * 0.07f), colour(kPaper, 0.75f), progress);
    textWrappedCentred(dl, fonts.large, origin.x + size.x * 0.05f, origin.x + size.x * 0.95f, origin.y + size.y * 0.13f,
                       colour(kPaper), m.question, 2);
    textCentred(dl, fonts.heading, ImVec2(cx, origin.y + size.y * 0.30f), colour(kPaper, 0.75f),
                _("0 none \xE2\x80\xA6 10 worst"));

    // The score, as large as the countdown: readable from the mat.
    const float px = std::min(fonts.hugePx, size.y * 0.4f);
    const ImVec2 scoreAt(cx, origin.y + size.y * 0.52f);
    if (m.score)
        textTabular(dl, fonts.huge, px, scoreAt, colour(kPaper), std::to_string(*m.score));
    else // the huge font holds digits only
        textCentred(dl, fonts.large, scoreAt, colour(kPaper, 0.5f),
                    m.last ? format(_("type a number (last time: {0})"), {std::to_string(*m.last)})
                           : std::string(_("type a number")));

    // The scale: eleven boxes, the chosen one filled.
    const float margin = size.x * 0.05f;
    const float gap = size.x * 0.008f;
    const float w = (size.x - 2 * margin - gap * 10) / 11;
    const float y = size.y * 0.72f;
    const float h = std::min(w, size.y * 0.1f);
    for (int i = 0; i <= 10; ++i) {
        const ImVec2 a(origin.x + margin + static_cast<float>(i) * (w + gap), origin.y + y);
        const ImVec2 b(a.x + w, a.y + h);
        const bool chosen = m.score == i;
        dl->AddRectFilled(a, b, colour(chosen ? kAccent : kPaper, chosen ? 1.0f : 0.12f), h * 0.15f);
        textCentred(dl, fonts.heading, ImVec2((a.x + b.x) * 0.5f, (a.y + b.y) * 0.5f), colour(chosen ? kInk : kPaper),
                    std::to_string(i));
        ImGui::SetCursorScreenPos(a);
        ImGui::PushID(i);
        if (ImGui::InvisibleButton("##score", ImVec2(w, h))) intent = {CheckInAction::Score, 0, i};
        ImGui::PopID();
    }

    const float by = size.y * 0.86f;
    const float bh = size.y * 0.09f;
    if (m.noteOpen)
        noteLine(m, fonts, ImVec2(margin, by), ImVec2(size.x - 2 * margin, bh), typed, intent);
    else
        buttons(m, fonts, ImVec2(margin, by), ImVec2(size.x - 2 * margin, bh), intent);
    ImGui::End();
    return intent;
}

Intent drawCheckInScreen(CheckInScreen& screen, const Fonts& fonts, bool typing) {
    const CheckInModel& c = screen.model();
    CheckInViewModel model;
    model.title = screen.title();
    model.question = c.question();
    model.score = c.score();
    model.last = c.lastScore();
    model.index = c.index();
    model.count = c.count();
    model.note = c.note();
    model.noteOpen = c.noteOpen();
    model.noteDraft = c.noteDraft();
    model.noteProblem = c.noteProblem();
    const Intent intent = drawCheckIn(model, fonts, screen.typedBeyondBmp);
    // The end-to-end tests type into the note only once it holds the keyboard.
    screen.noteTyping(c.noteOpen() && typing);
    return intent;
}

} // namespace unknot::ui
