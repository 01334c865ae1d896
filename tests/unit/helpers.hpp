#pragma once
// Shared by the unit tests: routines written inline, expanded, failing loudly when invalid.

#include "routine/routine_parser.hpp"
#include "routine/timeline.hpp"

#include <doctest/doctest.h>

namespace unknot::test {

inline Timeline timelineOf(std::string_view text) {
    const auto r = parseRoutine(text, "t.toml");
    for (const auto& d : r.diagnostics) FAIL(d.format());
    return expand(r.routine);
}

} // namespace unknot::test
