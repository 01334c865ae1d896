#include "screens/notices/notices_view.hpp"

#include "core/i18n.hpp"
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
    ImGui::TextUnformatted(_("Notices"));
    ImGui::PopFont();
    ImGui::SameLine(ImGui::GetContentRegionAvail().x + ImGui::GetCursorPosX() - ImGui::GetFontSize() * 8);
    if (button(_("Back (Esc)"), fonts.heading, ImVec2(ImGui::GetFontSize() * 8, 0))) intent = {Action::CloseView};
    ImGui::PushFont(fonts.heading);
    if (notices.empty()) {
        ImGui::TextWrapped("%s", _("Nothing to tell: no notice so far in this run."));
    } else {
        const std::size_t n = notices.rows().size();
        // TRANSLATORS: the notices screen's line under its title; {1} {2} are the arrow keys.
        ImGui::TextWrapped("%s", format(n_("{0} this run, newest first. {1} {2} move, Esc goes back.",
                                           "{0} this run, newest first. {1} {2} move, Esc goes back.", n),
                                        {std::to_string(n), UNKNOT_UP, UNKNOT_DOWN})
                                     .c_str());
    }
    ImGui::PopFont();
    if (notices.dropped() > 0)
        ImGui::TextDisabled("%s", format(n_("({0} older one is no longer listed)",
                                            "({0} older ones are no longer listed)", notices.dropped()),
                                         {std::to_string(notices.dropped())})
                                      .c_str());
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
        if (row.count > 1)
            // TRANSLATORS: how often a notice was raised this run (never once: from 2 on).
            text += "  " + format(n_("({0} time)", "({0} times)", static_cast<unsigned long>(row.count)),
                                  {std::to_string(row.count)});
        ImGui::PushStyleColor(ImGuiCol_Text, colourVec(kProblem));
        ImGui::TextWrapped("%s", text.c_str());
        ImGui::PopStyleColor();
        if (!row.notice.place.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, colourVec(kPaper, 0.75f));
            // TRANSLATORS: where a notice's problem is: {0} a file, with its line and column.
            ImGui::TextWrapped("%s", format(_("at {0}"), {row.notice.place}).c_str());
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
