#include "screens/history/history_view.hpp"

#include "core/dates.hpp"
#include "core/i18n.hpp"
#include "screens/history/history_screen.hpp"
#include "ui/draw.hpp"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <string>
#include <vector>

namespace unknot::ui {

namespace {

// Notes where texts went, when the layout is wanted (test mode).
struct Recorder {
    HistoryLayout* out = nullptr;
    void box(std::string name, ImVec2 min, ImVec2 size) const {
        if (out) out->boxes.push_back({std::move(name), min.x, min.y, size.x, size.y});
    }
    // The last ImGui item.
    void item(std::string name) const {
        if (out) box(std::move(name), ImGui::GetItemRectMin(), ImGui::GetItemRectSize());
    }
    // A text given `room` pixels across that takes `need`.
    void fits(const std::string& name, float need, float room) const {
        if (out && need > room + 0.5f) out->cut.push_back(name);
    }
};

// "7 Dec": a week's Monday, as the axes read it.
std::string dayMonth(std::int64_t seconds) {
    const std::time_t t = static_cast<std::time_t>(seconds);
    std::tm tm{};
    gmtime_r(&t, &tm); // weeks start on Monday 00:00 UTC (store/history_db.hpp)
    return shownDayMonth(tm);
}

// One area on one side: its weekly averages over 0 (none, at the bottom: lower is better) to 10,
// the before and the after a session apart (before: hollow rings on a thin line, after: filled
// dots on a thick one; the check-ins on no session's day only in the thin grey "all" line when
// there is neither), the weeks' dates along the bottom, the text summary above.
void trendPanel(const AreaTrend& t, ImVec2 at, ImVec2 size, const Fonts& fonts, const Recorder& rec,
                const std::string& name) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float fs = ImGui::GetFontSize();
    const float line = fs * 1.3f;
    std::string title = describeTrend(t);
    if (t.beforeToAfterChange) {
        char change[16];
        std::snprintf(change, sizeof change, "%+.1f", *t.beforeToAfterChange);
        title += format(_("; a session: {0}"), {withDecimalSign(change)});
    }
    // Wrapped in its panel (German and French titles are long; two panels share a row).
    const ImVec2 titleSize = fonts.body->CalcTextSizeA(fonts.body->FontSize, FLT_MAX, size.x, title.c_str());
    dl->AddText(fonts.body, fonts.body->FontSize, at, colour(kPaper), title.c_str(), nullptr, size.x);
    rec.box(name + "-title", at, titleSize);
    rec.fits(name + "-title", titleSize.x, size.x);
    const ImVec2 a(at.x + fs * 1.5f, at.y + std::max(line, titleSize.y) + fs * 0.6f);
    const ImVec2 b(at.x + size.x, at.y + size.y - line); // a line kept under it for the dates
    for (int score : {0, 5, 10}) {
        const float y = b.y - (b.y - a.y) * static_cast<float>(score) / 10.0f;
        dl->AddLine(ImVec2(a.x, y), ImVec2(b.x, y), colour(kPaper, score == 0 ? 0.35f : 0.12f));
        dl->AddText(ImVec2(at.x, y - fs * 0.5f), colour(kPaper, 0.6f), std::to_string(score).c_str());
    }
    if (t.weeks.empty()) return;
    const double first = static_cast<double>(t.weeks.front().weekStart);
    const double span = std::max(1.0, static_cast<double>(t.weeks.back().weekStart) - first);
    const auto xOf = [&](std::int64_t weekStart) {
        return t.weeks.size() == 1
                   ? (a.x + b.x) * 0.5f
                   : a.x + (b.x - a.x) * static_cast<float>((static_cast<double>(weekStart) - first) / span);
    };
    // The dates: the first week's and the last's (and the middle one's when there is room).
    const auto date = [&](std::int64_t weekStart, float align, const char* which) {
        const std::string text = dayMonth(weekStart);
        const ImVec2 textSize = ImGui::CalcTextSize(text.c_str());
        const float x = std::clamp(xOf(weekStart) - textSize.x * align, at.x, b.x - textSize.x);
        dl->AddText(ImVec2(x, b.y + fs * 0.25f), colour(kPaper, 0.7f), text.c_str());
        rec.box(name + "-date-" + which, ImVec2(x, b.y + fs * 0.25f), textSize);
    };
    date(t.weeks.front().weekStart, 0.0f, "first");
    if (t.weeks.size() > 1) date(t.weeks.back().weekStart, 1.0f, "last");
    if (t.weeks.size() > 2 && size.x > fs * 18) date(t.weeks[t.weeks.size() / 2].weekStart, 0.5f, "middle");
    const auto series = [&](const std::vector<WeekAverage>& weeks, ImU32 col, float thickness, bool filled) {
        std::vector<ImVec2> points;
        for (const WeekAverage& w : weeks)
            points.emplace_back(xOf(w.weekStart), b.y - (b.y - a.y) * static_cast<float>(w.average / 10.0));
        dl->AddPolyline(points.data(), static_cast<int>(points.size()), col, 0, thickness);
        for (const ImVec2& p : points) {
            if (filled)
                dl->AddCircleFilled(p, fs * 0.28f, col);
            else {
                dl->AddCircleFilled(p, fs * 0.28f, colour(kInk));
                dl->AddCircle(p, fs * 0.28f, col, 0, 2.0f);
            }
        }
    };
    if (t.before.empty() && t.after.empty()) {
        series(t.weeks, colour(kAccent), 3.0f, true);
        return;
    }
    series(t.before, colour(kPaper, 0.85f), 1.5f, false);
    series(t.after, colour(kAccent), 3.0f, true);
}

// Per area, left and right side by side so an imbalance shows.
void drawTrends(const std::vector<AreaTrend>& trends, const Fonts& fonts, const Recorder& rec) {
    if (trends.empty()) return;
    ImGui::PushFont(fonts.heading);
    ImGui::TextWrapped("%s", _("How it feels: lower is better (weekly average, 0 none \xE2\x80\xA6 10 worst)"));
    rec.item("trends-heading");
    ImGui::PopFont();
    const bool sessions = std::any_of(trends.begin(), trends.end(),
                                      [](const AreaTrend& t) { return !t.before.empty() || !t.after.empty(); });
    if (sessions) {
        // The key to the two series, drawn as the panels draw them.
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const float fs = ImGui::GetFontSize();
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float r = fs * 0.28f, cy = p.y + fs * 0.5f;
        dl->AddCircle(ImVec2(p.x + r, cy), r, colour(kPaper, 0.85f), 0, 2.0f);
        ImGui::SetCursorScreenPos(ImVec2(p.x + fs, p.y));
        ImGui::TextUnformatted(_("before a session"));
        rec.item("key-before");
        // "after it" beside "before a session" when it fits, else below it.
        const float afterW = fs + ImGui::CalcTextSize(_("after it")).x;
        if (ImGui::GetItemRectMax().x + fs * 1.5f + afterW <=
            ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x)
            ImGui::SameLine(0, fs * 1.5f);
        const ImVec2 q = ImGui::GetCursorScreenPos();
        const float qy = q.y + fs * 0.5f;
        dl->AddCircleFilled(ImVec2(q.x + r, qy), r, colour(kAccent));
        ImGui::SetCursorScreenPos(ImVec2(q.x + fs, q.y));
        ImGui::TextUnformatted(_("after it"));
        rec.item("key-after");
    }
    const float width = ImGui::GetContentRegionAvail().x;
    const float gap = ImGui::GetFontSize() * 2;
    // Room for a title of two lines above the chart.
    const float height = ImGui::GetFontSize() * 10.1f;
    // An area's two sides share a row when each still gets 14 em (its dates and two lines of
    // title); with large text in a small window they go one below the other.
    const std::size_t perRow = width >= ImGui::GetFontSize() * 28 + gap ? 2 : 1;
    for (std::size_t i = 0; i < trends.size();) {
        std::size_t j = i + 1;
        while (j < trends.size() && trends[j].area == trends[i].area && j - i < perRow) ++j;
        const float w = (width - gap * static_cast<float>(j - i - 1)) / static_cast<float>(j - i);
        const ImVec2 origin = ImGui::GetCursorScreenPos();
        for (std::size_t k = i; k < j; ++k)
            trendPanel(trends[k], ImVec2(origin.x + (w + gap) * static_cast<float>(k - i), origin.y), ImVec2(w, height),
                       fonts, rec, "trend" + std::to_string(k));
        ImGui::Dummy(ImVec2(width, height + ImGui::GetFontSize()));
        i = j;
    }
    ImGui::Separator();
}

// A button that shows it is the one Enter presses (chosen with the arrows or Tab).
bool focusableButton(const char* label, const Fonts& fonts, ImVec2 size, bool focused) {
    const bool pressed = button(label, fonts.heading, size);
    if (focused) {
        const float t = std::max(3.0f, ImGui::GetFontSize() * 0.15f);
        ImGui::GetWindowDrawList()->AddRect(ImVec2(ImGui::GetItemRectMin().x - t, ImGui::GetItemRectMin().y - t),
                                            ImVec2(ImGui::GetItemRectMax().x + t, ImGui::GetItemRectMax().y + t),
                                            colour(kAccent), t, 0, t);
    }
    return pressed;
}

} // namespace

Intent drawHistory(const HistoryModel& m, const Fonts& fonts, HistoryLayout* layout) {
    const Recorder rec{layout};
    Intent close;
    beginFullWindow("##history");
    const float left = ImGui::GetCursorPosX();
    ImGui::PushFont(fonts.title);
    ImGui::TextUnformatted(_("History"));
    rec.item("title");
    ImGui::PopFont();
    // "Check in now", then "Back": the arrows or Tab choose one, Enter presses it.
    // Each as wide as its words need (at least 8.5 and 8 em, at most the window), right-aligned.
    const char* checkIn = _("Check in now");
    const char* back = _("Back (Esc)");
    const float fs = ImGui::GetFontSize();
    const float right = ImGui::GetWindowContentRegionMax().x;
    const float across = right - left;
    const auto labelWidth = [&](const char* label) {
        return fonts.heading->CalcTextSizeA(fonts.heading->FontSize, FLT_MAX, 0, label).x +
               ImGui::GetStyle().FramePadding.x * 2;
    };
    const float checkInW = std::min(across, std::max(fs * 8.5f, labelWidth(checkIn)));
    const float backW = std::min(across, std::max(fs * 8.0f, labelWidth(back)));
    const float gap = fs * 0.5f;
    const float both = checkInW + gap + backW;
    // Beside the title when they fit, else side by side on a line of their own below it, else
    // (large text in a small window) one above the other.
    const float titleRight = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x;
    const bool stacked = both > across;
    if (titleRight + gap < right - both)
        ImGui::SameLine(right - both);
    else
        ImGui::SetCursorPosX(std::max(left, right - (stacked ? checkInW : both)));
    if (focusableButton(checkIn, fonts, ImVec2(checkInW, 0), m.focused == HistoryControl::CheckIn))
        close = openRouteIntent(Route::CheckIn);
    rec.item("check-in");
    rec.fits("check-in", labelWidth(checkIn), checkInW);
    if (stacked)
        ImGui::SetCursorPosX(right - backW); // on the next line, the item spacing apart
    else
        ImGui::SameLine(right - backW);
    if (focusableButton(back, fonts, ImVec2(backW, 0), m.focused == HistoryControl::Back)) close = {Action::CloseView};
    rec.item("back");
    rec.fits("back", labelWidth(back), backW);
    ImGui::PushFont(fonts.heading);
    ImGui::TextWrapped("%s", format(n_("Current streak: {0} day", "Current streak: {0} days",
                                       static_cast<unsigned long>(std::max(m.streakDays, 0))),
                                    {std::to_string(m.streakDays)})
                                 .c_str());
    rec.item("streak");
    ImGui::PopFont();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", _("Arrows or Tab choose a button, Enter presses it."));
    ImGui::PopStyleColor();
    rec.item("hint");

    // Minutes per week, a bar each, this week on the right.
    const float chartH = ImGui::GetFontSize() * 8;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const std::size_t n = m.minutesPerWeek.size();
    const auto valueOf = [&](std::size_t i) {
        return m.minutesPerWeek[i] > 0 ? formatHuman(static_cast<Millis>(m.minutesPerWeek[i] * 60000.0))
                                       : std::string("\xE2\x80\x94");
    };
    const auto wide = [&](const std::string& text) {
        return fonts.body->CalcTextSizeA(fonts.body->FontSize, FLT_MAX, 0, text.c_str()).x;
    };
    // As many of the latest weeks as their figures fit side by side (large text in a small
    // window: five of the eight), so no figure covers its neighbour's.
    float widestValue = 0;
    for (std::size_t i = 0; i < n; ++i) widestValue = std::max(widestValue, wide(valueOf(i)));
    const std::size_t shown = std::clamp<std::size_t>(static_cast<std::size_t>(width / (widestValue * 1.15f + 1.0f)), 1,
                                                      std::max<std::size_t>(n, 1));
    const std::size_t first = n - std::min(n, shown);
    const double most =
        std::max(1.0, n == 0 ? 0.0
                             : *std::max_element(m.minutesPerWeek.begin() + static_cast<std::ptrdiff_t>(first),
                                                 m.minutesPerWeek.end()));
    const float slot = width / static_cast<float>(shown);
    const auto weekLabel = [&](std::size_t i) {
        return i + 1 == n ? std::string(_("this week"))
                          : format(n_("{0} wk ago", "{0} wk ago", n - 1 - i), {std::to_string(n - 1 - i)});
    };
    // Every other week's label (or fewer) where a language's words are wider than a week's slot.
    float widest = 0;
    for (std::size_t i = first; i < n; ++i) widest = std::max(widest, wide(weekLabel(i)));
    const auto labelEvery = static_cast<std::size_t>(std::max(1.0f, std::ceil(widest / (slot * 0.95f))));
    for (std::size_t i = first; i < n; ++i) {
        const float h = static_cast<float>(m.minutesPerWeek[i] / most) * (chartH - ImGui::GetFontSize() * 2.5f);
        const float x0 = origin.x + slot * static_cast<float>(i - first) + slot * 0.15f;
        const float x1 = origin.x + slot * static_cast<float>(i - first + 1) - slot * 0.15f;
        const float base = origin.y + chartH - ImGui::GetFontSize() * 1.3f;
        dl->AddLine(ImVec2(x0, base), ImVec2(x1, base), colour(kPaper, 0.3f));
        if (h >= 1.0f) dl->AddRectFilled(ImVec2(x0, base - h), ImVec2(x1, base), colour(kAccent), 4);
        const std::string value = valueOf(i);
        const ImVec2 valueAt((x0 + x1) * 0.5f, base - h - ImGui::GetFontSize() * 0.7f);
        textCentred(dl, fonts.body, valueAt, colour(kPaper), value);
        const ImVec2 valueSize = fonts.body->CalcTextSizeA(fonts.body->FontSize, FLT_MAX, 0, value.c_str());
        rec.box("minutes" + std::to_string(i), ImVec2(valueAt.x - valueSize.x * 0.5f, valueAt.y - valueSize.y * 0.5f),
                valueSize);
        if ((n - 1 - i) % labelEvery != 0) continue; // each week's label when they fit side by side
        const std::string label = weekLabel(i);
        // Under its bar, kept inside the window (the last one's words may be wider than its slot).
        const float half = fonts.body->CalcTextSizeA(fonts.body->FontSize, FLT_MAX, 0, label.c_str()).x * 0.5f;
        const float centre =
            std::clamp((x0 + x1) * 0.5f, origin.x + half, std::max(origin.x + half, origin.x + width - half));
        textCentred(dl, fonts.body, ImVec2(centre, base + ImGui::GetFontSize() * 0.7f), colour(kPaper, 0.7f), label);
        rec.box("week" + std::to_string(i),
                ImVec2(centre - half, base + ImGui::GetFontSize() * 0.7f - fonts.body->FontSize * 0.5f),
                ImVec2(half * 2, fonts.body->FontSize));
    }
    ImGui::Dummy(ImVec2(width, chartH));
    ImGui::Separator();
    drawTrends(m.trends, fonts, rec);

    // The sessions, newest first: at least a few rows' height, the window scrolling to them when
    // the charts above fill a small one.
    const float rowH = ImGui::GetTextLineHeightWithSpacing() + ImGui::GetStyle().CellPadding.y * 2;
    ImGui::BeginChild("##sessions", ImVec2(0, std::max(ImGui::GetContentRegionAvail().y, rowH * 6)));
    if (!m.records || m.records->empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TextWrapped("%s", _("No sessions yet. Finished and stopped routines show up here."));
        rec.item("no-sessions");
        ImGui::PopStyleColor();
    }
    if (m.records && !m.records->empty()) {
        const char* headers[] = {_("When"), _("Routine"), C_("history column: the time done", "Done"), ""};
        // What each column needs on one line: the widest date (a German one is 25 characters,
        // an English one 22), a time done, the longer state; the routine's name takes the rest.
        const float padding = ImGui::GetStyle().CellPadding.x * 2;
        const auto lineWidth = [](const std::string& text) { return ImGui::CalcTextSize(text.c_str()).x; };
        float whenW = lineWidth(headers[0]), nameW = std::max(lineWidth(headers[1]), fs * 8);
        for (int month = 0; month < 12; ++month)
            for (int day = 0; day < 7; ++day) {
                std::tm tm{};
                tm.tm_year = 2026 - 1900, tm.tm_mon = month, tm.tm_mday = 28, tm.tm_wday = day, tm.tm_hour = 20;
                whenW = std::max(whenW, lineWidth(shownDateTime(tm)));
            }
        const bool hours = std::any_of(m.records->begin(), m.records->end(),
                                       [](const HistoryRecord& r) { return r.plannedMs >= 3'600'000; });
        const std::string clock = hours ? "88:88:88" : "88:88";
        const float doneW = std::max(lineWidth(headers[2]), lineWidth(format(_("{0} of {1}"), {clock, clock})));
        const float stateW = std::max(lineWidth(_("completed")), lineWidth(_("stopped")));
        const float room = ImGui::GetContentRegionAvail().x - padding * 4;
        // Large text in a small window: two columns, the date above the routine's name and the
        // time done above the state, each wrapping between words.
        const bool paired = doneW + stateW + fs * 8 * 2 > room;
        if (!ImGui::BeginTable("##table", paired ? 2 : 4, ImGuiTableFlags_RowBg)) {
            ImGui::EndChild();
            ImGui::End();
            return close;
        }
        // One line each when they fit beside a routine's name. In a narrow window the date and
        // the name share what the time and the state leave, and wrap between words (the date
        // after its comma, before the time), never inside one.
        if (paired) {
            ImGui::TableSetupColumn(headers[0], ImGuiTableColumnFlags_WidthStretch, std::max(whenW, nameW));
            ImGui::TableSetupColumn(headers[2], ImGuiTableColumnFlags_WidthStretch, std::max(doneW, stateW));
        } else if (whenW + doneW + stateW + nameW <= room) {
            ImGui::TableSetupColumn(headers[0], ImGuiTableColumnFlags_WidthFixed, whenW);
            ImGui::TableSetupColumn(headers[1], ImGuiTableColumnFlags_WidthStretch);
        } else {
            ImGui::TableSetupColumn(headers[0], ImGuiTableColumnFlags_WidthStretch, whenW);
            ImGui::TableSetupColumn(headers[1], ImGuiTableColumnFlags_WidthStretch, nameW);
        }
        if (!paired) {
            ImGui::TableSetupColumn(headers[2], ImGuiTableColumnFlags_WidthFixed, doneW);
            ImGui::TableSetupColumn(headers[3], ImGuiTableColumnFlags_WidthFixed, stateW);
        }
        ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
        for (int c = 0; c < (paired ? 2 : 4); ++c) {
            ImGui::TableSetColumnIndex(c);
            const float cell = ImGui::GetContentRegionAvail().x;
            const char* header = paired ? headers[c * 2] : headers[c];
            ImGui::TableHeader(header);
            const std::string name = "header" + std::to_string(c);
            rec.fits(name, ImGui::CalcTextSize(header).x, cell);
        }
        // A cell's words, wrapped at its column's edge; a word wider than the column is cut.
        // (Paired: the second text of a column goes under the first, in the same cell.)
        const auto cell = [&](const std::string& text, int row, const char* column, bool under = false) {
            if (!under) ImGui::TableNextColumn();
            const float columnW = ImGui::GetContentRegionAvail().x;
            ImGui::TextWrapped("%s", text.c_str());
            if (row >= 3 || !layout) return;
            const std::string name = "row" + std::to_string(row) + "-" + column;
            rec.item(name);
            float widestWord = 0;
            for (std::size_t from = 0; from < text.size();) {
                const std::size_t to = std::min(text.find(' ', from), text.size());
                widestWord = std::max(widestWord, lineWidth(text.substr(from, to - from)));
                from = to + 1;
            }
            rec.fits(name, widestWord, columnW);
        };
        // Only the rows on screen are laid out: ten years of days is 3650 of them.
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(m.records->size()));
        while (clipper.Step())
            for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
                const auto it = m.records->rbegin() + row;
                ImGui::TableNextRow();
                const std::time_t t = static_cast<std::time_t>(it->startedAt);
                std::tm tm{};
                localtime_r(&t, &tm);
                cell(shownDateTime(tm), row, "when");
                cell(it->routineName, row, "routine", paired);
                cell(format(_("{0} of {1}"), {formatClock(it->doneMs), formatClock(it->plannedMs)}), row, "done");
                cell(it->completed ? _("completed") : _("stopped"), row, "state", paired);
            }
        ImGui::EndTable();
    }
    ImGui::EndChild();
    ImGui::End();
    return close;
}

Intent drawHistoryScreen(HistoryScreen& screen, const Fonts& fonts, bool testMode) {
    if (!testMode) return drawHistory(screen.model(), fonts);
    HistoryLayout layout;
    const Intent intent = drawHistory(screen.model(), fonts, &layout);
    // "test history-layout w=… h=… title=x,y,w,h … cut=…": each text's box in the window.
    const ImVec2 size = ImGui::GetMainViewport()->Size;
    std::string line = "test history-layout w=" + std::to_string(static_cast<int>(size.x)) +
                       " h=" + std::to_string(static_cast<int>(size.y));
    char box[96];
    for (const auto& b : layout.boxes) {
        std::snprintf(box, sizeof box, "=%.1f,%.1f,%.1f,%.1f", static_cast<double>(b.x), static_cast<double>(b.y),
                      static_cast<double>(b.w), static_cast<double>(b.h));
        line += " " + b.name + box;
    }
    if (!layout.cut.empty()) {
        line += " cut=";
        for (std::size_t i = 0; i < layout.cut.size(); ++i) line += (i ? "," : "") + layout.cut[i];
    }
    screen.drawn(std::move(line));
    return intent;
}

} // namespace unknot::ui
