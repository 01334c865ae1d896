#pragma once
// The real clocks, read only here at the top: everything below takes time as a parameter (a
// std::function or a `now`), so the unit tests drive it with a fake clock (docs/architecture.md).

#include <cstdint>

namespace unknot {

// Milliseconds of std::chrono::steady_clock: timing (the flash, the Esc prompt, the loop's waits).
[[nodiscard]] std::int64_t steadyClockMs();
// Seconds since the epoch: when a session started or a check-in was answered, never for timing.
[[nodiscard]] std::int64_t wallClockSeconds();

} // namespace unknot
