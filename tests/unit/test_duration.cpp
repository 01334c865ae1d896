#include "core/duration.hpp"

#include <doctest/doctest.h>

using namespace unknot;

namespace {
Millis ok(std::string_view text) {
    auto r = parseDuration(text);
    REQUIRE_MESSAGE(std::holds_alternative<Millis>(r), text);
    return std::get<Millis>(r);
}
std::string err(std::string_view text) {
    auto r = parseDuration(text);
    REQUIRE_MESSAGE(std::holds_alternative<DurationError>(r), text);
    return std::get<DurationError>(r).message;
}
} // namespace

TEST_CASE("parseDuration reads the forms routine files use") {
    CHECK(ok("45s") == 45'000);
    CHECK(ok("2m") == 120'000);
    CHECK(ok("1m30s") == 90'000);
    CHECK(ok("2.5s") == 2'500);
    CHECK(ok("1h") == 3'600'000);
    CHECK(ok("1h 5m") == 3'900'000);
    CHECK(ok("90") == 90'000);
    CHECK(ok(" 10 s ") == 10'000);
    CHECK(ok("1.5m") == 90'000);
}

TEST_CASE("parseDuration explains malformed durations") {
    CHECK(err("").find("empty") != std::string::npos);
    CHECK(err("5x").find("unknown unit \"x\"") != std::string::npos);
    CHECK(err("30s1m").find("from hours to minutes to seconds") != std::string::npos);
    CHECK(err("1s1s").find("each once") != std::string::npos);
    CHECK(err("-5s").find("expected a number") != std::string::npos);
    CHECK(err("s").find("expected a number") != std::string::npos);
    CHECK(err("1m 30").find("without a unit") != std::string::npos);
    CHECK(err("99999999999999h").find("too long") != std::string::npos);
}

TEST_CASE("formatDurationSpec writes what parseDuration reads") {
    CHECK(formatDurationSpec(45'000) == "45s");
    CHECK(formatDurationSpec(90'000) == "1m30s");
    CHECK(formatDurationSpec(2'500) == "2.5s");
    CHECK(formatDurationSpec(3'900'000) == "1h5m");
    CHECK(formatDurationSpec(0) == "0s");
    for (Millis ms : {1'000, 1'250, 59'999, 61'000, 3'600'000, 14'400'000, 7'384'500})
        CHECK(ok(formatDurationSpec(ms)) == ms);
}

TEST_CASE("formatClock rounds up so a countdown never shows 0:00 early") {
    CHECK(formatClock(45'000) == "0:45");
    CHECK(formatClock(44'001) == "0:45");
    CHECK(formatClock(1) == "0:01");
    CHECK(formatClock(0) == "0:00");
    CHECK(formatClock(3'723'000) == "1:02:03");
    CHECK(formatHuman(415'000) == "6 min 55 s");
    CHECK(formatHuman(3'600'000) == "1 h");
}
