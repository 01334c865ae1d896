#include "screens/quick_set/quick_set_view.hpp"

#include "core/i18n.hpp"
#include "core/text.hpp"
#include "ui/draw.hpp"

#include <imgui.h>

#include <algorithm>

namespace unknot::ui {

namespace {

// Notes the item just drawn as the focused field when the keyboard is on it.
void noteFocus(QuickSetViewState& st, const char* field) {
    if (ImGui::IsItemFocused() || ImGui::IsItemActive()) st.focused = field;
}

bool kindCombo(QuickSetViewState& st, const char* id, const char* field, PhaseKind& kind) {
    if (!ImGui::BeginCombo(id, std::string(kindWord(kind)).c_str())) {
        noteFocus(st, field); // (once open, the last item is the list's)
        return false;
    }
    bool changed = false;
    for (PhaseKind k : kWritableKinds) {
        if (k == PhaseKind::Manual) continue;
        if (ImGui::Selectable(std::string(kindWord(k)).c_str(), k == kind)) {
            kind = k;
            changed = true;
        }
        if (k == kind) ImGui::SetItemDefaultFocus(); // the keyboard starts from the current kind
    }
    ImGui::EndCombo();
    return changed;
}

void durationInput(QuickSetViewState& st, const char* id, Millis& value) {
    auto [it, inserted] = st.text.try_emplace(id);
    if (inserted) it->second.text = formatDurationSpec(value);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
    const bool edited = typedTextField(id, "", it->second, st.typedBeyondBmp);
    noteFocus(st, id + 2); // "##firstms" -> "firstms"
    if (edited) {
        auto parsed = parseDuration(it->second.text);
        if (auto* ms = std::get_if<Millis>(&parsed)) {
            value = *ms;
            st.errors.erase(id);
        } else {
            st.errors[id] = std::get<DurationError>(parsed).message;
        }
    }
}

bool enterPressed() {
#if IMGUI_VERSION_NUM >= 18700
    return ImGui::IsKeyPressed(ImGuiKey_Enter, false) || ImGui::IsKeyPressed(ImGuiKey_KeypadEnter, false);
#else
    return ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false) ||
           ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter), false);
#endif
}

} // namespace

Intent drawQuickSet(QuickSetViewState& st, const QuickSetSummary& summary, const Fonts& fonts) {
    Intent action;
    QuickSet& q = st.quick;
    st.focused = "";
    beginFullWindow("##quickset");
    ImGui::PushFont(fonts.title);
    ImGui::TextUnformatted(_("Quick set"));
    ImGui::PopFont();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", _("Tab moves between fields, the arrows to every control and Space presses it; "
                               "Enter starts. The total follows as you type."));
    ImGui::PopStyleColor();
    ImGui::Spacing();
    ImGui::PushFont(fonts.heading);
    // The fields line up after the widest label (a language's words may be long).
    const char* first = _("First");
    const char* then = _("Then");
    const char* repeats = _("Repeats");
    const char* sides = _("Sides");
    const char* restBetween = _("Rest between");
    const char* prepareFirst = _("Prepare first");
    const char* checkInLabel = _("Check in");
    const float box = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x; // a checkbox's square
    float widest = 0;
    for (const char* label : {first, repeats, sides, restBetween, checkInLabel})
        widest = std::max(widest, ImGui::CalcTextSize(label).x);
    for (const char* label : {then, prepareFirst}) widest = std::max(widest, box + ImGui::CalcTextSize(label).x);
    const float column = std::max(ImGui::GetFontSize() * 9, widest + ImGui::GetFontSize());

    ImGui::TextUnformatted(_("Name"));
    ImGui::SameLine(column);
    ImGui::SetNextItemWidth(-1);
    if (st.focusName) {
        focusNextItem();
        st.focusName = false;
    }
    if (!st.nameActive) st.nameField = q.name;
    if (auto name = typedTextInput("##name", "", st.nameField, q.name, st.typedBeyondBmp)) q.name = std::move(*name);
    st.nameActive = ImGui::IsItemActive();
    noteFocus(st, "name");

    ImGui::TextUnformatted(first);
    ImGui::SameLine(column);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    kindCombo(st, "##first", "first", q.first);
    ImGui::SameLine();
    durationInput(st, "##firstms", q.firstMs);

    bool second = q.second.has_value();
    ImGui::Checkbox(then, &second);
    noteFocus(st, "then");
    if (second && !q.second) q.second = PhaseKind::Release;
    if (!second) q.second.reset();
    if (q.second) {
        ImGui::SameLine(column);
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
        kindCombo(st, "##second", "second", *q.second);
        ImGui::SameLine();
        durationInput(st, "##secondms", q.secondMs);
    }

    ImGui::TextUnformatted(repeats);
    ImGui::SameLine(column);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    if (ImGui::InputInt("##repeats", &q.repeats)) q.repeats = std::clamp(q.repeats, 1, kMaxRepeat);
    noteFocus(st, "repeats"); // its text (the step buttons are InputInt's own, unnamed)

    ImGui::TextUnformatted(sides);
    ImGui::SameLine(column);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
    sidesCombo("##sides", q.sides);
    noteFocus(st, "sides");
    if (q.sides.size() > 1) {
        ImGui::SameLine();
        ImGui::TextUnformatted(_("switch"));
        ImGui::SameLine();
        durationInput(st, "##switch", q.switchMs);
    }

    ImGui::TextUnformatted(restBetween);
    ImGui::SameLine(column);
    durationInput(st, "##rest", q.restBetweenMs);

    ImGui::Checkbox(prepareFirst, &q.prepare);
    noteFocus(st, "prepare");
    if (q.prepare) {
        ImGui::SameLine(column);
        durationInput(st, "##prepare", q.prepareMs);
    }

    // Areas to check in on ("heel, knee"): checked by the parser with the rest of the routine.
    ImGui::TextUnformatted(checkInLabel);
    ImGui::SameLine(column);
    ImGui::SetNextItemWidth(-1);
    auto [checkIn, fresh] = st.text.try_emplace("##check_in");
    if (fresh) checkIn->second.text = joinList(q.checkIn);
    if (typedTextField("##check_in", _("areas asked 0-10 before and after, e.g. heel, knee"), checkIn->second,
                       st.typedBeyondBmp))
        q.checkIn = splitList(checkIn->second.text);
    ImGui::PopFont();

    // Why it cannot start yet, then the live total of what it makes.
    ImGui::PushStyleColor(ImGuiCol_Text, colourVec(kProblem));
    for (const auto& problem : summary.problems) ImGui::TextWrapped("%s", problem.c_str());
    ImGui::PopStyleColor();
    ImGui::Spacing();
    ImGui::PushFont(fonts.title);
    if (summary.canStart)
        ImGui::TextUnformatted(format(_("{0} in all \xC2\xB7 {1}"),
                                      {formatHuman(summary.totalMs),
                                       format(n_("{0} phase", "{0} phases", static_cast<unsigned long>(summary.phases)),
                                              {std::to_string(summary.phases)})})
                                   .c_str());
    ImGui::PopFont();
    ImGui::Spacing();
    const ImVec2 size(ImGui::GetFontSize() * 9, fonts.heading->FontSize * 2);
    // Enter starts, from any field: the app's own key (ImGui 1.86's Enter presses no button),
    // except while a list is open, where it chooses.
    if (summary.canStart && enterPressed() && !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId))
        action = {Action::QuickStart};
    if (button(_("Start now (Enter)"), fonts.heading, ImVec2(size.x * 1.4f, size.y), summary.canStart))
        action = {Action::QuickStart};
    ImGui::SameLine();
    if (button(_("Save (Ctrl+S)"), fonts.heading, size, summary.canStart)) action = {Action::Save};
    ImGui::SameLine();
    if (button(_("Open in the editor"), fonts.heading, ImVec2(size.x * 1.4f, size.y))) action = {Action::QuickRefine};
    ImGui::SameLine();
    if (button(_("Cancel (Esc)"), fonts.heading, size)) action = {Action::CloseView};
    ImGui::End();
    return action;
}

} // namespace unknot::ui
