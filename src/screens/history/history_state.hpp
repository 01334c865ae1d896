#pragma once
// What the history shows, worked out once when it opens: the sessions, minutes per week, the
// streak and the check-ins' trends. Plain data, no ImGui.

#include "store/history_db.hpp"
#include "store/user_files.hpp"

#include <vector>

namespace unknot::ui {

// The history's buttons, in the order the arrows and Tab go through them.
enum class HistoryControl { None, CheckIn, Back };

struct HistoryModel {
    const std::vector<HistoryRecord>* records = nullptr; // oldest first
    std::vector<double> minutesPerWeek;                  // oldest first, this week last
    int streakDays = 0;
    std::vector<AreaTrend> trends; // per area and side, from the check-ins
    HistoryControl focused = HistoryControl::None; // the button Enter presses; none until a key chooses
};

} // namespace unknot::ui
