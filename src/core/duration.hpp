#pragma once
// Durations as people write them in routine files: "45s", "2m", "1m30s", "2.5s", "1h".

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

namespace unknot {

using Millis = std::int64_t;

struct DurationError {
    std::string message;
};

// Parses "1h", "2m", "45s", "1m30s", "2.5s", "1h 5m" or a bare number of seconds ("90").
// Units go from hours down to seconds, each at most once. The result is rounded to the
// nearest millisecond.
[[nodiscard]] std::variant<Millis, DurationError> parseDuration(std::string_view text);

// The canonical form a routine file uses: "45s", "2m", "1m30s", "2.5s", "1h5m".
[[nodiscard]] std::string formatDurationSpec(Millis ms);

// A clock face for people: "0:45", "12:05", "1:02:03". Seconds are rounded up, so a
// countdown shows "0:01" until the very end.
[[nodiscard]] std::string formatClock(Millis ms);

// Short human form for lists: "45 s", "12 min", "1 h 5 min", "12 min 30 s".
[[nodiscard]] std::string formatHuman(Millis ms);

} // namespace unknot
