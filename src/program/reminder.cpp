#include "program/reminder.hpp"

#include <cstdio>

namespace unknot {

std::optional<TimeOfDay> parseTimeOfDay(std::string_view text) {
    const auto colon = text.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > 2 || text.size() - colon != 3) return std::nullopt;
    int h = 0, m = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (i == colon) continue;
        if (text[i] < '0' || text[i] > '9') return std::nullopt;
        (i < colon ? h : m) = (i < colon ? h : m) * 10 + (text[i] - '0');
    }
    if (h > 23 || m > 59) return std::nullopt;
    return TimeOfDay{h, m};
}

std::string reminderService(const std::string& exe) {
    // A path with a space or a % would need escaping in ExecStart; quote it as systemd reads it.
    std::string quoted;
    for (char c : exe) {
        if (c == '%')
            quoted += "%%";
        else if (c == '"' || c == '\\')
            quoted += std::string("\\") + c;
        else
            quoted += c;
    }
    return "# Written by `unknot remind --at`; `unknot remind --off` removes it.\n"
           "[Unit]\n"
           "Description=Unknot: remind of the routines due today\n\n"
           "[Service]\n"
           "Type=simple\n"
           "ExecStart=\"" +
           quoted + "\" remind\n";
}

std::string reminderTimer(TimeOfDay at) {
    char time[8];
    std::snprintf(time, sizeof time, "%02d:%02d", at.hour, at.minute);
    return std::string("# Written by `unknot remind --at`; `unknot remind --off` removes it.\n"
                       "[Unit]\n"
                       "Description=Unknot: a daily reminder at ") +
           time +
           "\n\n"
           "[Timer]\n"
           "OnCalendar=*-*-* " +
           time +
           ":00\n"
           "Persistent=true\n\n"
           "[Install]\n"
           "WantedBy=timers.target\n";
}

} // namespace unknot
