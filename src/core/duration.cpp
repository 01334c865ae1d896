#include "core/duration.hpp"

#include "core/i18n.hpp"
#include "core/text.hpp"

#include <cctype>
#include <cmath>
#include <cstdio>

namespace unknot {

namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

} // namespace

std::variant<Millis, DurationError> parseDuration(std::string_view text) {
    const auto bad = [&](const std::string& why) {
        // TRANSLATORS: {0} the duration as typed, {1} what is wrong with it. Keep "45s", "2m",
        // "1m30s" and "2.5s" as they are: they are what a routine file and the forms read.
        return DurationError{
            format(_("invalid duration \"{0}\": {1} (write it like \"45s\", \"2m\", \"1m30s\" or \"2.5s\")"),
                   {abbreviate(text), why})};
    };
    std::size_t i = 0;
    const auto skipSpace = [&] {
        while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
    };
    skipSpace();
    if (i == text.size()) return bad(_("it is empty"));

    double totalMs = 0;
    int lastRank = 4; // h=3, m=2, s=1; each must be lower than the previous
    bool any = false;
    while (i < text.size()) {
        const std::size_t numberStart = i;
        bool sawDot = false;
        while (i < text.size() && (isDigit(text[i]) || (text[i] == '.' && !sawDot))) {
            sawDot = sawDot || text[i] == '.';
            ++i;
        }
        const std::string number(text.substr(numberStart, i - numberStart));
        if (number.empty() || number == ".") return bad(_("expected a number"));
        if (number.size() > 12) return bad(_("the number is too long"));
        const double value = std::stod(number);
        skipSpace();
        int rank = 1;
        double unitMs = 1000;
        if (i < text.size() && std::isalpha(static_cast<unsigned char>(text[i]))) {
            const std::size_t unitStart = i;
            while (i < text.size() && std::isalpha(static_cast<unsigned char>(text[i]))) ++i;
            std::string unit(text.substr(unitStart, i - unitStart));
            for (auto& c : unit) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            if (unit == "h" || unit == "hr" || unit == "hour" || unit == "hours") {
                rank = 3;
                unitMs = 3'600'000;
            } else if (unit == "m" || unit == "min" || unit == "mins" || unit == "minute" || unit == "minutes") {
                rank = 2;
                unitMs = 60'000;
            } else if (unit == "s" || unit == "sec" || unit == "secs" || unit == "second" || unit == "seconds") {
                rank = 1;
                unitMs = 1000;
            } else {
                return bad(format(_("unknown unit \"{0}\""), {unit}));
            }
        } else if (any) {
            return bad(_("a number without a unit may only stand alone"));
        }
        if (rank >= lastRank) return bad(_("units must go from hours to minutes to seconds, each once"));
        lastRank = rank;
        totalMs += value * unitMs;
        any = true;
        skipSpace();
    }
    if (totalMs > 1e12) return bad(_("it is far too long"));
    return static_cast<Millis>(std::llround(totalMs));
}

std::string formatDurationSpec(Millis ms) {
    if (ms <= 0) return "0s";
    std::string out;
    const Millis hours = ms / 3'600'000;
    const Millis minutes = (ms / 60'000) % 60;
    const Millis restMs = ms % 60'000;
    if (hours > 0) out += std::to_string(hours) + "h";
    if (minutes > 0) out += std::to_string(minutes) + "m";
    if (restMs > 0) {
        if (restMs % 1000 == 0) {
            out += std::to_string(restMs / 1000) + "s";
        } else {
            char buf[32];
            std::snprintf(buf, sizeof buf, "%.3f", static_cast<double>(restMs) / 1000.0);
            std::string s(buf);
            while (s.back() == '0') s.pop_back();
            out += s + "s";
        }
    }
    return out;
}

std::string formatClock(Millis ms) {
    if (ms < 0) ms = 0;
    const Millis totalSeconds = ms / 1000 + (ms % 1000 != 0 ? 1 : 0); // rounded up, never overflowing
    const Millis h = totalSeconds / 3600;
    const Millis m = (totalSeconds / 60) % 60;
    const Millis s = totalSeconds % 60;
    char buf[32];
    if (h > 0)
        std::snprintf(buf, sizeof buf, "%lld:%02lld:%02lld", static_cast<long long>(h), static_cast<long long>(m),
                      static_cast<long long>(s));
    else
        std::snprintf(buf, sizeof buf, "%lld:%02lld", static_cast<long long>(m), static_cast<long long>(s));
    return buf;
}

std::string formatHuman(Millis ms) {
    if (ms < 0) ms = 0;
    const Millis totalSeconds = ms / 1000 + (ms % 1000 >= 500 ? 1 : 0); // rounded, never overflowing
    const Millis h = totalSeconds / 3600;
    const Millis m = (totalSeconds / 60) % 60;
    const Millis s = totalSeconds % 60;
    std::string out;
    const auto add = [&](Millis v, const char* unit) {
        if (!out.empty()) out += ' ';
        out += std::to_string(v) + " " + unit;
    };
    if (h > 0) add(h, "h");
    if (m > 0) add(m, "min");
    if (s > 0 || out.empty()) add(s, "s");
    return out;
}

} // namespace unknot
