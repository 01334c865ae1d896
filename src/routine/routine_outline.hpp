#pragma once
// A readable outline of a routine's steps for previews: blocks and sides stay visible,
// unlike the flat timeline.

#include "routine/routine.hpp"

#include <array>
#include <string>
#include <vector>

namespace unknot {

struct OutlineLine {
    int depth = 0;      // nesting level, 0 at the top
    std::string text;   // "Tense — Press the foot into the rope", "Calf × 5, left then right"
    std::string detail; // "switch 8 s, rest 5 s between", or the cue
    Millis totalMs = 0; // the whole step, all rounds and sides
    bool block = false;
};

// "left then right"; "" for no sides. Previews, the editor and the quick set all say it so.
[[nodiscard]] std::string sidesText(const std::vector<Side>& sides);

// The ways a step can use sides, as the editor and the quick set offer them.
struct SideChoice {
    const char* label; // "left then right"
    std::vector<Side> sides;
};
[[nodiscard]] const std::array<SideChoice, 5>& sideChoices();

// How long a step lasts in all, with its rounds, sides, switches and rests.
[[nodiscard]] Millis stepTotalMs(const Step& step);
[[nodiscard]] std::vector<OutlineLine> outline(const Routine& routine);

} // namespace unknot
