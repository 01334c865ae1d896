#include "screens/notices/notices_view.hpp"

#include "screens/keys.hpp"
#include "ui/draw.hpp"

#include <imgui.h>

#include <algorithm>
#include <string>
#include <vector>

namespace unknot::ui {

Intent drawNoticesScreen(NoticesScreen& screen, const Fonts& fonts, bool testMode) {
    Intent intent;
    const NoticesModel& notices = screen.notices();
    beginFullWindow("##notices");
    ImGui::PushFont(fonts.title);
    ImGui::TextUnformatted("Notices");
    ImGui::PopFont();
    ImGui::SameLine(ImGui::GetContentRegionAvail().x + ImGui::GetCursorPosX() - ImGui::GetFontSize() * 8);
    if (button("Back (Esc)", fonts.heading, ImVec2(ImGui::GetFontSize() * 8, 0))) intent = {Action::CloseView};
    ImGui::PushFont(fonts.heading);
    if (notices.empty())
        ImGui::TextWrapped("Nothing to tell: no notice so far in this run.");
    else
        ImGui::TextWrapped("%zu this run, newest first. " UNKNOT_UP " " UNKNOT_DOWN " move, Esc goes back.",
                           notices.rows().size());
    ImGui::PopFont();
    if (notices.dropped() > 0) ImGui::TextDisabled("(%zu older ones are no longer listed)", notices.dropped());
    ImGui::Separator();

    // Each row: what happened (with how often), where, and what to do. The heading font: read
    // from the mat, 2 m away.
    std::vector<std::string> drawn;
    const bool scroll = screen.takeScrollRequest();
    ImGui::BeginChild("##rows");
    ImGui::PushFont(fonts.heading);
    const float bar = std::max(4.0f, ImGui::GetFontSize() * 0.2f);
    for (std::size_t i = 0; i < notices.rows().size(); ++i) {
        const NoticeRow& row = notices.rows()[i];
        const ImVec2 top = ImGui::GetCursorScreenPos();
        ImGui::Indent(bar * 3);
        std::string text = row.notice.text;
        if (row.count > 1) text += "  (" + std::to_string(row.count) + " times)";
        ImGui::PushStyleColor(ImGuiCol_Text, colourVec(kProblem));
        ImGui::TextWrapped("%s", text.c_str());
        ImGui::PopStyleColor();
        if (!row.notice.place.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, colourVec(kPaper, 0.75f));
            ImGui::TextWrapped("at %s", row.notice.place.c_str());
            ImGui::PopStyleColor();
        }
        if (!row.notice.hint.empty()) ImGui::TextWrapped(UNKNOT_RIGHT " %s", row.notice.hint.c_str());
        ImGui::Unindent(bar * 3);
        const ImVec2 bottom = ImGui::GetCursorScreenPos();
        if (i == screen.selected()) {
            ImGui::GetWindowDrawList()->AddRectFilled(
                top, ImVec2(top.x + bar, bottom.y - ImGui::GetStyle().ItemSpacing.y), colour(kAccent));
            if (scroll) ImGui::SetScrollHereY(0.5f);
        }
        ImGui::Separator();
        if (testMode)
            drawn.push_back(row.notice.place + " | " + row.notice.text + " | " + row.notice.hint + " | " +
                            std::to_string(row.count));
    }
    ImGui::PopFont();
    ImGui::EndChild();
    ImGui::End();
    screen.drawn(std::move(drawn));
    return intent;
}

} // namespace unknot::ui
