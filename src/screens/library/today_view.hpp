#pragma once
// The Today panel: the running program's stage and week, the routines due today (done or not,
// the next one marked: Enter starts it), the last decision and the trend per side. Painted at
// the top of the library, big enough to read from the mat.

#include "screens/intent.hpp"
#include "screens/library/today_panel.hpp"
#include "ui/fonts.hpp"

namespace unknot::ui {

// Draws the panel in the current window; a click on a row starts it, the button says "I ran".
void drawTodayPanel(const TodayPanel& panel, const Fonts& fonts, Intent& intent);

} // namespace unknot::ui
