#include "program/rule_reason.hpp"

#include "core/i18n.hpp"

#include <array>
#include <cmath>
#include <cstdlib>
#include <utility>

namespace unknot {

namespace {

constexpr std::string_view kPrefix = "rule:";

constexpr std::array<std::pair<ReasonCause, std::string_view>, 12> kCauses = {{
    {ReasonCause::None, "none"},
    {ReasonCause::Worse, "worse"},
    {ReasonCause::WorseShort, "worse_short"},
    {ReasonCause::Better, "better"},
    {ReasonCause::NotWorse, "not_worse"},
    {ReasonCause::NotBetter, "not_better"},
    {ReasonCause::NoBefore, "no_before"},
    {ReasonCause::NoCheckIns, "no_check_ins"},
    {ReasonCause::WeeksDone, "weeks_done"},
    {ReasonCause::WeekOf, "week_of"},
    {ReasonCause::NoSideBetter, "no_side_better"},
    {ReasonCause::WorseSoFar, "worse_so_far"},
}};

constexpr std::array<std::pair<ReasonOutcome, std::string_view>, 9> kOutcomes = {{
    {ReasonOutcome::None, "none"},
    {ReasonOutcome::Staying, "staying"},
    {ReasonOutcome::StayAt, "stay"},
    {ReasonOutcome::StayToCheckIn, "stay_check_in"},
    {ReasonOutcome::BackTo, "back"},
    {ReasonOutcome::BackNow, "back_now"},
    {ReasonOutcome::OnTo, "next"},
    {ReasonOutcome::Complete, "complete"},
    {ReasonOutcome::SeeSomeone, "see_someone"},
}};

// The arguments' separators, escaped inside an argument (an area is the user's text).
std::string escaped(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c == '%')
            out += "%25";
        else if (c == ',')
            out += "%2C";
        else if (c == ';')
            out += "%3B";
        else
            out += c;
    }
    return out;
}

std::string unescaped(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size()) {
            const std::string_view code = s.substr(i + 1, 2);
            if (code == "25")
                out += '%';
            else if (code == "2C")
                out += ',';
            else if (code == "3B")
                out += ';';
            else {
                out += s[i];
                continue;
            }
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

std::vector<std::string> split(std::string_view s, char sep) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (;;) {
        const std::size_t end = s.find(sep, start);
        out.emplace_back(s.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
        if (end == std::string_view::npos) return out;
        start = end + 1;
    }
}

template <typename Kind, std::size_t N>
std::optional<Kind> kindOf(const std::array<std::pair<Kind, std::string_view>, N>& table, std::string_view name) {
    for (const auto& [k, n] : table)
        if (n == name) return k;
    return std::nullopt;
}

template <typename Kind, std::size_t N>
std::string_view nameOf(const std::array<std::pair<Kind, std::string_view>, N>& table, Kind kind) {
    for (const auto& [k, n] : table)
        if (k == kind) return n;
    return "none";
}

// How many arguments each kind needs (at least).
std::size_t needed(ReasonCause c) {
    switch (c) {
    case ReasonCause::None:
    case ReasonCause::NotWorse:
    case ReasonCause::NotBetter:
    case ReasonCause::NoBefore:
    case ReasonCause::NoCheckIns: return 0;
    case ReasonCause::WorseShort:
    case ReasonCause::Better:
    case ReasonCause::WeeksDone:
    case ReasonCause::NoSideBetter: return 3;
    case ReasonCause::WeekOf: return 4;
    case ReasonCause::Worse:
    case ReasonCause::WorseSoFar: return 5;
    }
    return 0;
}

std::size_t needed(ReasonOutcome o) {
    switch (o) {
    case ReasonOutcome::None:
    case ReasonOutcome::Staying:
    case ReasonOutcome::Complete:
    case ReasonOutcome::SeeSomeone: return 0;
    default: return 2;
    }
}

std::string segment(std::string_view name, const std::vector<std::string>& args) {
    std::string out(name);
    for (const auto& a : args) out += "," + escaped(a);
    return out;
}

unsigned long count(std::string_view number) { return std::strtoul(std::string(number).c_str(), nullptr, 10); }

// "1 point", "1.5 points", "3 points": the plural of a fraction is the plural of its ceiling.
std::string points(std::string_view change) {
    const double v = std::atof(std::string(change).c_str());
    const auto n = static_cast<unsigned long>(std::ceil(std::abs(v)));
    // TRANSLATORS: how much a check-in score changed, out of 10: "1 point", "1.5 points".
    return format(n_("{0} point", "{0} points", n), {withDecimalSign(change)});
}

std::string who(const std::vector<std::string>& a) { return shownArea(sideFromName(a[0]).value_or(Side::None), a[1]); }

std::string causeText(ReasonCause c, const std::vector<std::string>& a) {
    switch (c) {
    case ReasonCause::None: return {};
    case ReasonCause::Worse:
        // TRANSLATORS: the first half of a program rule's reason: {0} an area with its side ("left
        // heel"), {1} "3 points", {2} → {3} the week before's and this week's average score.
        return format(_("your {0} was {1} worse this week ({2} \xE2\x86\x92 {3})"),
                      {who(a), points(a[2]), withDecimalSign(a[3]), withDecimalSign(a[4])});
    case ReasonCause::WorseShort: return format(_("your {0} was {1} worse this week"), {who(a), points(a[2])});
    case ReasonCause::Better: return format(_("your {0} was {1} better this week"), {who(a), points(a[2])});
    case ReasonCause::NotWorse: return _("no side was worse this week");
    case ReasonCause::NotBetter: return _("no side was better this week");
    case ReasonCause::NoBefore: return _("no check-ins the week before to compare with");
    case ReasonCause::NoCheckIns: return _("no check-ins this week");
    case ReasonCause::WeeksDone:
        // TRANSLATORS: {0} weeks spent at a program's stage {1} (of {2} stages).
        return format(n_("{0} week at stage {1} of {2} done", "{0} weeks at stage {1} of {2} done", count(a[0])),
                      {a[0], a[1], a[2]});
    case ReasonCause::WeekOf:
        // TRANSLATORS: week {0} of the {1} a program's stage {2} (of {3}) lasts.
        return format(_("week {0} of {1} at stage {2} of {3} done"), {a[0], a[1], a[2], a[3]});
    case ReasonCause::NoSideBetter:
        if (a.size() >= 7)
            // TRANSLATORS: {3} an area with its side ("left heel"), {4} → {5} its average score in
            // the stage's first week and in this one.
            return format(n_("after {0} week at stage {1} of {2} no side is better ({3} {4} \xE2\x86\x92 {5})",
                             "after {0} weeks at stage {1} of {2} no side is better ({3} {4} \xE2\x86\x92 {5})",
                             count(a[0])),
                          {a[0], a[1], a[2], shownArea(sideFromName(a[3]).value_or(Side::None), a[4]),
                           withDecimalSign(a[5]), withDecimalSign(a[6])});
        return format(n_("after {0} week at stage {1} of {2} no side is better",
                         "after {0} weeks at stage {1} of {2} no side is better", count(a[0])),
                      {a[0], a[1], a[2]});
    case ReasonCause::WorseSoFar:
        return format(_("your {0} is {1} worse this week so far ({2} \xE2\x86\x92 {3})"),
                      {who(a), points(a[2]), withDecimalSign(a[3]), withDecimalSign(a[4])});
    }
    return {};
}

std::string outcomeText(ReasonOutcome o, const std::vector<std::string>& a) {
    switch (o) {
    case ReasonOutcome::None: return {};
    // TRANSLATORS: the second half of a program rule's reason: the program stays at its stage.
    case ReasonOutcome::Staying: return C_("program rule", "staying");
    case ReasonOutcome::StayAt: return format(_("staying at stage {0} of {1}"), {a[0], a[1]});
    case ReasonOutcome::StayToCheckIn:
        return format(_("staying at stage {0} of {1} (check in to move on)"), {a[0], a[1]});
    case ReasonOutcome::BackTo: return format(_("back to stage {0} of {1}"), {a[0], a[1]});
    case ReasonOutcome::BackNow: return format(_("back to stage {0} of {1} now"), {a[0], a[1]});
    case ReasonOutcome::OnTo: return format(_("on to stage {0} of {1}"), {a[0], a[1]});
    case ReasonOutcome::Complete: return _("the program is complete");
    case ReasonOutcome::SeeSomeone: return _("have it seen by a physiotherapist or doctor (see the program's notes)");
    }
    return {};
}

} // namespace

std::string encodeReason(const ReasonParts& p) {
    return std::string(kPrefix) + segment(nameOf(kCauses, p.cause), p.causeArgs) + ";" +
           segment(nameOf(kOutcomes, p.outcome), p.outcomeArgs);
}

std::optional<ReasonParts> decodeReason(std::string_view stored) {
    if (!stored.starts_with(kPrefix)) return std::nullopt;
    const auto halves = split(stored.substr(kPrefix.size()), ';');
    if (halves.size() != 2) return std::nullopt;
    auto cause = split(halves[0], ',');
    auto outcome = split(halves[1], ',');
    ReasonParts p;
    const auto c = kindOf(kCauses, cause[0]);
    const auto o = kindOf(kOutcomes, outcome[0]);
    if (!c || !o) return std::nullopt;
    p.cause = *c;
    p.outcome = *o;
    for (std::size_t i = 1; i < cause.size(); ++i) p.causeArgs.push_back(unescaped(cause[i]));
    for (std::size_t i = 1; i < outcome.size(); ++i) p.outcomeArgs.push_back(unescaped(outcome[i]));
    if (p.causeArgs.size() < needed(p.cause) || p.outcomeArgs.size() < needed(p.outcome)) return std::nullopt;
    return p;
}

std::string reasonText(std::string_view stored) {
    const auto p = decodeReason(stored);
    if (!p) return std::string(stored);
    const std::string cause = causeText(p->cause, p->causeArgs);
    const std::string outcome = outcomeText(p->outcome, p->outcomeArgs);
    if (cause.empty() || outcome.empty()) return cause + outcome;
    // TRANSLATORS: a program rule's reason: what the week showed, then what the rules did.
    return format(C_("program rule", "{0}: {1}"), {cause, outcome});
}

} // namespace unknot
