#include "screens/history/history_view.hpp"

#include "ui/draw.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <string>
#include <vector>

namespace unknot::ui {

namespace {

// One area on one side: its weekly averages as a line over 0 (none, at the bottom) to 10, the
// text summary above it.
void trendPanel(const AreaTrend& t, ImVec2 at, ImVec2 size, const Fonts& fonts) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float line = ImGui::GetFontSize() * 1.3f;
    std::string title = describeTrend(t);
    if (t.beforeToAfterChange) {
        char change[64];
        std::snprintf(change, sizeof change, "; a session: %+.1f", *t.beforeToAfterChange);
        title += change;
    }
    dl->AddText(fonts.body, fonts.body->FontSize, at, colour(kPaper), title.c_str());
    const ImVec2 a(at.x + ImGui::GetFontSize() * 1.5f, at.y + line + ImGui::GetFontSize() * 0.6f);
    const ImVec2 b(at.x + size.x, at.y + size.y);
    for (int score : {0, 5, 10}) {
        const float y = b.y - (b.y - a.y) * static_cast<float>(score) / 10.0f;
        dl->AddLine(ImVec2(a.x, y), ImVec2(b.x, y), colour(kPaper, score == 0 ? 0.35f : 0.12f));
        dl->AddText(ImVec2(at.x, y - ImGui::GetFontSize() * 0.5f), colour(kPaper, 0.6f), std::to_string(score).c_str());
    }
    if (t.weeks.empty()) return;
    const double first = static_cast<double>(t.weeks.front().weekStart);
    const double span = std::max(1.0, static_cast<double>(t.weeks.back().weekStart) - first);
    std::vector<ImVec2> points;
    for (const WeekAverage& w : t.weeks) {
        const float x = t.weeks.size() == 1
                            ? (a.x + b.x) * 0.5f
                            : a.x + (b.x - a.x) * static_cast<float>((static_cast<double>(w.weekStart) - first) / span);
        points.emplace_back(x, b.y - (b.y - a.y) * static_cast<float>(w.average / 10.0));
    }
    dl->AddPolyline(points.data(), static_cast<int>(points.size()), colour(kAccent), 0, 3.0f);
    for (const ImVec2& p : points) dl->AddCircleFilled(p, 4.0f, colour(kAccent));
}

// Per area, left and right side by side so an imbalance shows.
void drawTrends(const std::vector<AreaTrend>& trends, const Fonts& fonts) {
    if (trends.empty()) return;
    ImGui::PushFont(fonts.heading);
    ImGui::TextUnformatted("How it feels (weekly average, 0 none \xE2\x80\xA6 10 worst)");
    ImGui::PopFont();
    const float width = ImGui::GetContentRegionAvail().x;
    const float gap = ImGui::GetFontSize() * 2;
    const float height = ImGui::GetFontSize() * 7.5f;
    for (std::size_t i = 0; i < trends.size();) {
        std::size_t j = i + 1;
        while (j < trends.size() && trends[j].area == trends[i].area && j - i < 2) ++j;
        const float w = (width - gap * static_cast<float>(j - i - 1)) / static_cast<float>(j - i);
        const ImVec2 origin = ImGui::GetCursorScreenPos();
        for (std::size_t k = i; k < j; ++k)
            trendPanel(trends[k], ImVec2(origin.x + (w + gap) * static_cast<float>(k - i), origin.y), ImVec2(w, height),
                       fonts);
        ImGui::Dummy(ImVec2(width, height + ImGui::GetFontSize()));
        i = j;
    }
    ImGui::Separator();
}

} // namespace

Intent drawHistory(const HistoryModel& m, const Fonts& fonts) {
    Intent close;
    beginFullWindow("##history");
    ImGui::PushFont(fonts.title);
    ImGui::TextUnformatted("History");
    ImGui::PopFont();
    ImGui::SameLine(ImGui::GetContentRegionAvail().x + ImGui::GetCursorPosX() - ImGui::GetFontSize() * 8);
    if (button("Back (Esc)", fonts.heading, ImVec2(ImGui::GetFontSize() * 8, 0))) close = {Action::CloseView};
    ImGui::SameLine(ImGui::GetContentRegionAvail().x + ImGui::GetCursorPosX() - ImGui::GetFontSize() * 17);
    if (button("Check in now", fonts.heading, ImVec2(ImGui::GetFontSize() * 8.5f, 0))) close = {Action::OpenCheckIn};
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
        textCentred(dl, fonts.body, ImVec2((x0 + x1) * 0.5f, base - h - ImGui::GetFontSize() * 0.7f), colour(kPaper),
                    value);
        const std::string label = i + 1 == n ? "this week" : std::to_string(n - 1 - i) + " wk ago";
        textCentred(dl, fonts.body, ImVec2((x0 + x1) * 0.5f, base + ImGui::GetFontSize() * 0.7f), colour(kPaper, 0.7f),
                    label);
    }
    ImGui::Dummy(ImVec2(width, chartH));
    ImGui::Separator();
    drawTrends(m.trends, fonts);

    // The sessions, newest first.
    ImGui::BeginChild("##sessions");
    if (!m.records || m.records->empty())
        ImGui::TextDisabled("No sessions yet. Finished and stopped routines show up here.");
    if (m.records && ImGui::BeginTable("##table", 4, ImGuiTableFlags_RowBg)) {
        ImGui::TableSetupColumn("When");
        ImGui::TableSetupColumn("Routine");
        ImGui::TableSetupColumn("Done");
        ImGui::TableSetupColumn("");
        ImGui::TableHeadersRow();
        // Only the rows on screen are laid out: ten years of days is 3650 of them.
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(m.records->size()));
        while (clipper.Step())
            for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
                const auto it = m.records->rbegin() + row;
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
