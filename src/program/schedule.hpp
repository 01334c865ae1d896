#pragma once
// What a stage asks for on a given day: its routines due, and whether each is done.

#include "program/program.hpp"

#include <string>
#include <vector>

namespace unknot {

struct DueRoutine {
    std::string id;
    DueKind due = DueKind::Daily;
    bool done = false;
};

struct DayFacts {
    bool ran = false;                   // the user said they ran (or will run) that day
    std::vector<std::string> completed; // routine ids played to the end that day
};

// The routines of `stage` due on `day`, in the stage's order; every_days counts from `stageStart`
// (so on the day a program starts, each every-N-days routine is due).
[[nodiscard]] std::vector<DueRoutine> dueOn(const Stage& stage, Day stageStart, Day day, const DayFacts& facts);

// The first due and not done, or null.
[[nodiscard]] const DueRoutine* nextDue(const std::vector<DueRoutine>& due);

} // namespace unknot
