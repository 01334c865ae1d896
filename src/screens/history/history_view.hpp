#pragma once
// The history: past sessions, minutes per week as a chart, and the current streak.

#include "screens/history/history_state.hpp"
#include "screens/intent.hpp"
#include "store/history_db.hpp"
#include "store/user_files.hpp"
#include "ui/fonts.hpp"

#include <vector>

namespace unknot::ui {

// CloseView when the user closes it.
[[nodiscard]] Intent drawHistory(const HistoryModel& model, const Fonts& fonts);

} // namespace unknot::ui
