#pragma once
// The app's clocks, injected: src/desktop passes the real ones (desktop/clock.hpp), the unit
// tests a fake. Nothing under src/screens or src/app reads a clock of its own.

#include <cstdint>
#include <functional>

namespace unknot {

struct Clocks {
    std::function<std::int64_t()> steadyMs;    // ms, monotonic: the flash, the Esc prompt, timing logs
    std::function<std::int64_t()> wallSeconds; // since the epoch: a session's start, a check-in's, the trash's
};

} // namespace unknot
