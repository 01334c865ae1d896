#include "program/program.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace unknot {

namespace {
std::optional<int> digits(std::string_view s) {
    int v = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return std::nullopt;
        v = v * 10 + (c - '0');
    }
    return v;
}
} // namespace

std::optional<Day> parseDay(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    const auto y = digits(text.substr(0, 4));
    const auto m = digits(text.substr(5, 2));
    const auto d = digits(text.substr(8, 2));
    if (!y || !m || !d) return std::nullopt;
    const std::chrono::year_month_day ymd{std::chrono::year{*y}, std::chrono::month{static_cast<unsigned>(*m)},
                                          std::chrono::day{static_cast<unsigned>(*d)}};
    if (!ymd.ok()) return std::nullopt;
    return std::chrono::sys_days{ymd}.time_since_epoch().count();
}

std::string formatDay(Day day) {
    const std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{day}}};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                  static_cast<unsigned>(ymd.day()));
    return buf;
}

int weekdayOf(Day day) {
    // 1970-01-01 was a Thursday (3, Monday being 0).
    const auto w = (day + 3) % 7;
    return static_cast<int>(w < 0 ? w + 7 : w);
}

Day localDayOf(std::int64_t t) {
    const std::time_t tt = static_cast<std::time_t>(t);
    std::tm tm{};
    localtime_r(&tt, &tm);
    const std::chrono::year_month_day ymd{std::chrono::year{tm.tm_year + 1900},
                                          std::chrono::month{static_cast<unsigned>(tm.tm_mon + 1)},
                                          std::chrono::day{static_cast<unsigned>(tm.tm_mday)}};
    return std::chrono::sys_days{ymd}.time_since_epoch().count();
}

std::string_view dueKindName(DueKind kind) {
    switch (kind) {
    case DueKind::Daily: return "daily";
    case DueKind::Weekdays: return "days";
    case DueKind::EveryDays: return "every_days";
    case DueKind::AfterRun: return "after_run";
    case DueKind::BeforeRun: return "before_run";
    }
    return "daily";
}

std::string_view advanceWhenName(AdvanceWhen when) {
    switch (when) {
    case AdvanceWhen::NotWorse: return "not_worse";
    case AdvanceWhen::Better: return "better";
    case AdvanceWhen::Always: return "always";
    }
    return "not_worse";
}

int Program::totalWeeks() const {
    int weeks = 0;
    for (const Stage& s : stages) weeks += s.weeks;
    return weeks;
}

} // namespace unknot
