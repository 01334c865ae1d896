#pragma once
// The rules engine: at the end of each week of a program, from the check-ins, advance, stay,
// step back or call for a review, with the reason in one sentence. Pure: the caller gives the
// days and the scores; nothing here reads a clock or a database.

#include "program/program.hpp"
#include "program/rule_reason.hpp"

#include <string>
#include <vector>

namespace unknot {

enum class RuleAction { Advance, Stay, StepBack, Review };
[[nodiscard]] std::string_view actionName(RuleAction action); // "advance", "stay", "step_back", "review"
[[nodiscard]] std::optional<RuleAction> actionFromName(std::string_view name);

// One check-in score on a day.
struct DayScore {
    Day day = 0;
    std::string area;
    Side side = Side::None;
    int score = 0;
};

// What was decided at the end of a program week.
struct Decision {
    int week = 0; // the program week that ended (1 = the first seven days from the start)
    RuleAction action = RuleAction::Stay;
    int stageAfter = 0; // 0-based; the number of stages once the last one is done
    std::string reason; // as stored: its parts (encodeReason), or an English sentence stored before
    // Made after a check-in, before its week ended (a step back cannot wait for Sunday): the
    // stage it goes back to counts this week as its first.
    bool early = false;

    // The reason in one sentence, in the user's language.
    [[nodiscard]] std::string text() const { return reasonText(reason); }
};

// Where a program stands after the decisions made so far.
struct ProgramPlace {
    int stage = 0;          // 0-based; == stages.size() when the program is complete
    int stageStartWeek = 1; // the program week the stage began with
    int weekInStage = 1;    // 1-based, on `today`
    int programWeek = 1;    // 1-based, on `today`
    bool reviewed = false;  // a review was shown once: never again
    [[nodiscard]] bool complete(const Program& p) const { return stage >= static_cast<int>(p.stages.size()); }
};

// The place on `today` (>= start) after `decisions` (oldest first).
[[nodiscard]] ProgramPlace placeOf(const Program& program, Day start, const std::vector<Decision>& decisions,
                                   Day today);

// The decision at the end of program week `week`, standing at `place` (as it was during that
// week), from the scores (any days; only the program's areas count).
[[nodiscard]] Decision decideWeek(const Program& program, Day start, const ProgramPlace& place, int week,
                                  const std::vector<DayScore>& scores);

// After a check-in: the step-back rule on the week so far (its first day to `today`, at least
// two check-ins on the side) against the whole week before. A decision (early) when a side rose
// by the stage's `rise`; nothing otherwise, or when this week has its decision already.
[[nodiscard]] std::optional<Decision> decideAfterCheckIn(const Program& program, Day start,
                                                         const std::vector<Decision>& made,
                                                         const std::vector<DayScore>& scores, Day today);

// The decisions owed for weeks that ended by `today` and have none yet, in order, each made
// from the place the ones before it left.
[[nodiscard]] std::vector<Decision> pendingDecisions(const Program& program, Day start,
                                                     const std::vector<Decision>& made,
                                                     const std::vector<DayScore>& scores, Day today);

} // namespace unknot
