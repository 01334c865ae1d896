#pragma once
// Dates as the user reads them, in their language: the names of months and weekdays and the
// order of the parts come from the catalogue (not from the C library's LC_TIME), so History
// shows the chosen language's dates whatever locales the system has installed, and a switch
// in Settings changes them at once. Core reads no clock: the caller gives the broken-down time.

#include <ctime>
#include <string>

namespace unknot {

// "7 Dec" (English), "7. Dez." (German): a week's Monday on a trend's axis.
[[nodiscard]] std::string shownDayMonth(const std::tm& tm);
// "Mon 07 Dec 2026, 07:30" (English), "Mo., 07. Dez. 2026, 07:30" (German): a session's start.
[[nodiscard]] std::string shownDateTime(const std::tm& tm);

} // namespace unknot
