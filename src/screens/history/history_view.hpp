#pragma once
// The history: past sessions, minutes per week as a chart, and the current streak.

#include "screens/intent.hpp"
#include "store/history_db.hpp"
#include "store/user_files.hpp"
#include "ui/fonts.hpp"

#include <vector>

namespace unknot::ui {

struct HistoryModel {
    const std::vector<HistoryRecord>* records = nullptr; // oldest first
    std::vector<double> minutesPerWeek;                  // oldest first, this week last
    int streakDays = 0;
    std::vector<AreaTrend> trends; // per area and side, from the check-ins
};

// CloseView when the user closes it.
[[nodiscard]] Intent drawHistory(const HistoryModel& model, const Fonts& fonts);

} // namespace unknot::ui
