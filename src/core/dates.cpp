#include "core/dates.hpp"

#include "core/i18n.hpp"

#include <cstdio>

namespace unknot {

namespace {

const char* monthName(int month) {
    switch (month) {
    // TRANSLATORS: a month's short name, as History's dates show it ("7 Dec"): the abbreviation
    // a calendar of the language uses, with its point if it takes one.
    case 0: return C_("month", "Jan");
    case 1: return C_("month", "Feb");
    case 2: return C_("month", "Mar");
    case 3: return C_("month", "Apr");
    case 4: return C_("month", "May");
    case 5: return C_("month", "Jun");
    case 6: return C_("month", "Jul");
    case 7: return C_("month", "Aug");
    case 8: return C_("month", "Sep");
    case 9: return C_("month", "Oct");
    case 10: return C_("month", "Nov");
    case 11: return C_("month", "Dec");
    }
    return "?";
}

const char* weekdayName(int weekday) {
    switch (weekday) {
    // TRANSLATORS: a weekday's short name, as History's list of sessions shows it ("Mon 07 Dec").
    case 0: return C_("weekday", "Sun");
    case 1: return C_("weekday", "Mon");
    case 2: return C_("weekday", "Tue");
    case 3: return C_("weekday", "Wed");
    case 4: return C_("weekday", "Thu");
    case 5: return C_("weekday", "Fri");
    case 6: return C_("weekday", "Sat");
    }
    return "?";
}

std::string twoDigits(int n) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d", n);
    return buf;
}

} // namespace

std::string shownDayMonth(const std::tm& tm) {
    // TRANSLATORS: a day and month on a trend's axis: {0} the day (7), {1} the month's short name.
    return format(C_("date", "{0} {1}"), {std::to_string(tm.tm_mday), monthName(tm.tm_mon)});
}

std::string shownDateTime(const std::tm& tm) {
    // TRANSLATORS: when a session started, in History: {0} the weekday's short name, {1} the day
    // (07), {2} the month's short name, {3} the year, {4} the time (07:30, 24-hour).
    return format(C_("date", "{0} {1} {2} {3}, {4}"),
                  {weekdayName(tm.tm_wday), twoDigits(tm.tm_mday), monthName(tm.tm_mon),
                   std::to_string(tm.tm_year + 1900), twoDigits(tm.tm_hour) + ":" + twoDigits(tm.tm_min)});
}

} // namespace unknot
