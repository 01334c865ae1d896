#pragma once
// Expansion: a routine's nested blocks, repeats and sides become a flat list of phases.

#include "core/routine.hpp"

#include <string>
#include <vector>

namespace unknot {

struct Phase {
    PhaseKind kind = PhaseKind::Prepare;
    std::string label; // never empty: defaults to the kind's title
    std::string cue;
    Side side = Side::None;
    Millis startMs = 0;    // in the plan, with manual phases counted as 0 ms
    Millis durationMs = 0; // 0 for manual phases
    bool manual = false;
    int round = 1;         // round of the innermost repeated block, 1-based
    int rounds = 1;
    std::string block;     // label of the innermost block, empty at top level
};

struct Timeline {
    std::vector<Phase> phases;
    Millis totalMs = 0; // manual phases count as 0

    [[nodiscard]] bool empty() const { return phases.empty(); }
    [[nodiscard]] std::size_t size() const { return phases.size(); }
};

// How many phases `expand` would make, saturating at kMaxPhases + 1 so that a file with
// huge repeat counts is refused without being expanded.
[[nodiscard]] std::size_t countPhases(const Routine& routine);

// Requires a routine that parsed without diagnostics (countPhases <= kMaxPhases).
[[nodiscard]] Timeline expand(const Routine& routine);

} // namespace unknot
