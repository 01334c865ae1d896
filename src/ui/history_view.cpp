#include "ui/history_view.hpp"

#include "ui/draw.hpp"

#include <imgui.h>

#include <algorithm>
#include <ctime>

namespace unknot::ui {

Intent drawHistory(const HistoryModel& m, const Fonts& fonts) {
    Intent close;
    beginFullWindow("##history");
    ImGui::PushFont(fonts.large);
    ImGui::TextUnformatted("History");
    ImGui::PopFont();
    ImGui::SameLine(ImGui::GetContentRegionAvail().x + ImGui::GetCursorPosX() - ImGui::GetFontSize() * 8);
    if (button("Back (Esc)", fonts.heading, ImVec2(ImGui::GetFontSize() * 8, 0))) close = {Action::CloseView};
    ImGui::PushFont(fonts.heading);
    ImGui::Text("Current streak: %d %s", m.streakDays, m.streakDays == 1 ? "day" : "days");
    ImGui::PopFont();

    // Minutes per week, a bar each, this week on the right.
    const float chartH = ImGui::GetFontSize() * 8;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const double most = std::max(1.0, *std::max_element(m.minutesPerWeek.begin(), m.minutesPerWeek.end()));
    const std::size_t n = m.minutesPerWeek.size();
    const float slot = width / static_cast<float>(std::max<std::size_t>(n, 1));
    for (std::size_t i = 0; i < n; ++i) {
        const float h = static_cast<float>(m.minutesPerWeek[i] / most) * (chartH - ImGui::GetFontSize() * 2.5f);
        const float x0 = origin.x + slot * static_cast<float>(i) + slot * 0.15f;
        const float x1 = origin.x + slot * static_cast<float>(i + 1) - slot * 0.15f;
        const float base = origin.y + chartH - ImGui::GetFontSize() * 1.3f;
        dl->AddLine(ImVec2(x0, base), ImVec2(x1, base), colour(kPaper, 0.3f));
        if (h >= 1.0f) dl->AddRectFilled(ImVec2(x0, base - h), ImVec2(x1, base), colour(kAccent), 4);
        const std::string value =
            m.minutesPerWeek[i] > 0 ? formatHuman(static_cast<Millis>(m.minutesPerWeek[i] * 60000.0)) : "\xE2\x80\x94";
        textCentred(dl, fonts.body, ImVec2((x0 + x1) * 0.5f, base - h - ImGui::GetFontSize() * 0.7f),
                    colour(kPaper), value);
        const std::string label = i + 1 == n ? "this week" : std::to_string(n - 1 - i) + " wk ago";
        textCentred(dl, fonts.body, ImVec2((x0 + x1) * 0.5f, base + ImGui::GetFontSize() * 0.7f),
                    colour(kPaper, 0.7f), label);
    }
    ImGui::Dummy(ImVec2(width, chartH));
    ImGui::Separator();

    // The sessions, newest first.
    ImGui::BeginChild("##sessions");
    if (!m.records || m.records->empty()) ImGui::TextDisabled("No sessions yet. Finished and stopped routines show up here.");
    if (m.records && ImGui::BeginTable("##table", 4, ImGuiTableFlags_RowBg)) {
        ImGui::TableSetupColumn("When");
        ImGui::TableSetupColumn("Routine");
        ImGui::TableSetupColumn("Done");
        ImGui::TableSetupColumn("");
        ImGui::TableHeadersRow();
        for (auto it = m.records->rbegin(); it != m.records->rend(); ++it) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            const std::time_t t = static_cast<std::time_t>(it->startedAt);
            std::tm tm{};
            localtime_r(&t, &tm);
            char when[40];
            std::strftime(when, sizeof when, "%a %d %b %Y, %H:%M", &tm);
            ImGui::TextUnformatted(when);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(it->routineName.c_str());
            ImGui::TableNextColumn();
            ImGui::Text("%s of %s", formatClock(it->doneMs).c_str(), formatClock(it->plannedMs).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(it->completed ? "completed" : "stopped");
        }
        ImGui::EndTable();
    }
    ImGui::EndChild();
    ImGui::End();
    return close;
}

} // namespace unknot::ui
