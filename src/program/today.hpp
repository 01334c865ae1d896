#pragma once
// What today asks of the runner: the program running, its stage and week, the routines due
// and whether each is done, the last decision of its rules and the trend per side. The CLI's
// `unknot today` and the window's Today screen read the same answer.

#include "program/program_library.hpp"
#include "program/program_store.hpp"
#include "program/schedule.hpp"

#include <optional>
#include <string>
#include <vector>

namespace unknot {

struct Today {
    Day date = 0;
    std::optional<ProgramRun> run;  // none: no program running
    std::optional<Program> program; // the running one, when its file reads
    std::string problem;            // why the running program cannot be followed ("no program 'x'")
    ProgramPlace place;
    std::vector<DueRoutine> due;
    std::optional<Decision> decision; // the latest one
    std::vector<std::string> trends;  // "left heel: 5.8 → 3.1 over 4 weeks", one per area and side
    bool ran = false;                 // the user ran today

    [[nodiscard]] bool following() const { return program.has_value(); }
    [[nodiscard]] bool complete() const { return program && place.complete(*program); }
    // "stage 2 of 3 · week 5 of 12" (the program's week) or "complete".
    [[nodiscard]] std::string stageLine() const;
};

// Makes the decisions owed for the weeks that ended (and stores them), then reads today.
// `now` stamps what is stored; `date` is today's local day. An error from the database ends up
// in `problem`, never an exception.
[[nodiscard]] Today followProgram(ProgramStore& store, const ProgramLibrary& programs, Day date, std::int64_t now);

} // namespace unknot
