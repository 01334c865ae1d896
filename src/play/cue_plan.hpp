#pragma once
// Which sounds play when. The same per-phase rule feeds `unknot plan` and the live session,
// so what the plan promises is what the session plays.

#include "routine/timeline.hpp"

#include <array>
#include <cstddef>
#include <string_view>
#include <vector>

namespace unknot {

enum class CueType { Phase, Countdown, Halfway, End };
[[nodiscard]] std::string_view cueTypeName(CueType type); // "phase", "countdown", "halfway", "end"

// Which kinds of cue are on. Settings persist these; all default to on.
struct CueOptions {
    bool phase = true;     // a sound at the start of every phase
    bool countdown = true; // ticks 3, 2 and 1 s before the end of timed phases of 5 s or more
    bool halfway = true;   // a sound in the middle of timed phases of 30 s or more
    bool end = true;       // a chime when the routine ends
    bool feedback = true;  // a short sound confirming pause, resume, skip, back, +15 s and continue
    bool operator==(const CueOptions&) const = default;
};

inline constexpr Millis kCountdownMinPhaseMs = 5'000;
inline constexpr Millis kHalfwayMinPhaseMs = 30'000;

// A cue inside one phase, relative to the phase's start.
struct PhaseCue {
    CueType type = CueType::Phase;
    Millis offsetMs = 0;
    int count = 0; // 3, 2, 1 for countdown ticks; 0 otherwise
};

// At most: phase, halfway, three ticks.
struct PhaseCues {
    std::array<PhaseCue, 5> items{};
    std::size_t size = 0;
    [[nodiscard]] const PhaseCue* begin() const { return items.data(); }
    [[nodiscard]] const PhaseCue* end() const { return items.data() + size; }
};

// The cues of `phase`, in time order, when it lasts `effectiveMs` (its planned duration plus
// any extension). Halfway stays at the middle of the planned duration, so extending a phase
// never replays it; the countdown follows the real end. Allocation-free, for the audio thread.
[[nodiscard]] PhaseCues cuesForPhase(const Phase& phase, Millis effectiveMs, const CueOptions& options);

struct Cue {
    Millis atMs = 0;
    CueType type = CueType::Phase;
    std::size_t phase = 0; // index in the timeline; for End, the last phase
    int count = 0;
};

struct CuePlan {
    std::vector<Cue> cues; // in time order
};

[[nodiscard]] CuePlan planCues(const Timeline& timeline, const CueOptions& options);

} // namespace unknot
