#pragma once
// `unknot remind --at HH:MM`: the systemd user units that run `unknot remind` every day at
// that time. Text only: the CLI writes and enables them.

#include <optional>
#include <string>
#include <string_view>

namespace unknot {

struct TimeOfDay {
    int hour = 0;   // 0-23
    int minute = 0; // 0-59
};
// "20:30", "7:05"; nothing for "25:99", "20.30", "8pm".
[[nodiscard]] std::optional<TimeOfDay> parseTimeOfDay(std::string_view text);

inline constexpr std::string_view kReminderUnit = "unknot-remind";

// The service runs `exe remind`; the timer starts it daily at `at` (and at the next boot when
// the machine was off then: Persistent=true).
[[nodiscard]] std::string reminderService(const std::string& exe);
[[nodiscard]] std::string reminderTimer(TimeOfDay at);

} // namespace unknot
