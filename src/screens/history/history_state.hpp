#pragma once
// What the history shows, worked out once when it opens: the sessions, minutes per week, the
// streak and the check-ins' trends. Plain data, no ImGui.

#include "store/history_db.hpp"
#include "store/user_files.hpp"

#include <vector>

namespace unknot::ui {

struct HistoryModel {
    const std::vector<HistoryRecord>* records = nullptr; // oldest first
    std::vector<double> minutesPerWeek;                  // oldest first, this week last
    int streakDays = 0;
    std::vector<AreaTrend> trends; // per area and side, from the check-ins
};

} // namespace unknot::ui
