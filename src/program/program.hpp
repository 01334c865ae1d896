#pragma once
// A program: weeks of routines in stages, each stage saying when each routine is due and, from
// the check-ins, when to move on or step back (docs/programs.md). Plain data; no clock.

#include "routine/routine.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace unknot {

// A calendar day, counted from 1970-01-01 (day 0): what "today" is to a program. The caller
// says which day it is (the CLI and the window from the local clock, tests from fixtures).
using Day = std::int64_t;

// "2026-12-07" and back; nothing unless the text is exactly such a date.
[[nodiscard]] std::optional<Day> parseDay(std::string_view text);
[[nodiscard]] std::string formatDay(Day day);
// 0 Monday … 6 Sunday.
[[nodiscard]] int weekdayOf(Day day);
// The local calendar day at `t` (seconds since the epoch), in the machine's time zone.
[[nodiscard]] Day localDayOf(std::int64_t t);

inline constexpr std::array<std::string_view, 7> kWeekdayNames = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

// When a routine in a stage is due.
enum class DueKind {
    Daily,     // every day
    Weekdays,  // on the listed days of the week
    EveryDays, // every N days, counted from the day the stage began
    AfterRun,  // on a day you said you ran (`unknot ran`, or the key in Today)
    BeforeRun, // on a day you run, too: mark the run day before you go
};
[[nodiscard]] std::string_view dueKindName(DueKind kind); // "daily", "weekdays", "every_days", …

struct StageRoutine {
    std::string id; // a routine id, as `unknot run` takes it
    DueKind due = DueKind::Daily;
    std::array<bool, 7> weekdays{}; // Weekdays: Monday first
    int everyDays = 1;              // EveryDays
    SourcePos pos;
};

// How the weekly average of one side compares with the week before, for `advance.when`.
enum class AdvanceWhen {
    NotWorse, // no side's average rose
    Better,   // no side's average rose and one fell
    Always,   // whatever the check-ins say
};
[[nodiscard]] std::string_view advanceWhenName(AdvanceWhen when);

struct AdvanceRule {
    int afterWeeks = 0; // at the end of this week of the stage at the earliest; 0: the stage's `weeks`
    AdvanceWhen when = AdvanceWhen::NotWorse;
};
struct StepBackRule {
    double rise = 0; // a side's weekly average this many points above the week before; 0: never
};
struct ReviewRule {
    int afterWeeks = 0; // at the end of this week of the stage, no side better than in its first week; 0: never
};

struct Stage {
    std::string name;
    int weeks = 1;
    std::vector<StageRoutine> routines;
    AdvanceRule advance;
    StepBackRule stepBack;
    ReviewRule review;
    SourcePos pos;
};

struct Program {
    std::string name;
    std::string summary;
    std::string notes;
    std::vector<std::string> areas; // check-in areas the rules read; empty: all of them
    std::vector<Source> sources;
    std::vector<Stage> stages;

    [[nodiscard]] int totalWeeks() const;
};

// Limits of the format; docs/programs.md states them too.
inline constexpr int kMaxStages = 20;
inline constexpr int kMaxStageWeeks = 52;
inline constexpr std::size_t kMaxStageRoutines = 20;
inline constexpr int kMaxEveryDays = 28;
inline constexpr double kMaxRise = 10;

} // namespace unknot
