#include "screens/library/today_view.hpp"

#include "core/i18n.hpp"
#include "ui/draw.hpp"
#include "ui/palette.hpp"

#include <imgui.h>

namespace unknot::ui {

void drawTodayPanel(const TodayPanel& panel, const Fonts& fonts, Intent& intent) {
    if (!panel.show && panel.problem.empty()) return;
    ImGui::PushFont(fonts.heading);
    ImGui::TextWrapped("%s", panel.title.c_str());
    ImGui::PopFont();
    if (!panel.stage.empty()) ImGui::TextDisabled("%s", panel.stage.c_str());
    if (!panel.problem.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, colourVec(kProblem));
        ImGui::TextWrapped("%s", panel.problem.c_str());
        ImGui::PopStyleColor();
    }
    if (!panel.nothing.empty()) ImGui::TextWrapped("%s", panel.nothing.c_str());
    ImGui::PushFont(fonts.heading);
    for (const TodayRow& row : panel.rows) {
        // The next one marked (Enter starts it), done ones greyed and saying so. Plain ASCII
        // marks: the fonts hold no tick or triangle.
        std::string text = (row.next ? "> " : "  ") + row.name;
        if (!row.length.empty()) text += "  " + row.length;
        if (row.done) text += std::string("  ") + _("(done)");
        if (row.done) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::PushID(row.id.c_str());
        if (ImGui::Selectable(text.c_str(), row.next)) {
            intent = {Action::StartToday};
            intent.text = row.id;
        }
        ImGui::PopID();
        if (row.done) ImGui::PopStyleColor();
    }
    ImGui::PopFont();
    if (!panel.decision.empty()) ImGui::TextWrapped("%s", panel.decision.c_str());
    if (!panel.trend.empty()) ImGui::TextWrapped("%s", panel.trend.c_str());
    if (panel.ran)
        ImGui::TextDisabled("%s", _("You ran today."));
    else if (ImGui::SmallButton(_("I ran today (R)")))
        intent = {Action::RanToday};
    ImGui::Separator();
    ImGui::Spacing();
}

} // namespace unknot::ui
