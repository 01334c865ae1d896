#pragma once
// A rule's reason, stored as its parts ("rule:better,left,heel,1;next,2,3") and made into a
// sentence in the user's language when shown: History, Today and `unknot today` read the
// same decision in whatever language is chosen then. A reason stored as an English sentence
// (before the parts were stored) is shown as it is.

#include "routine/routine.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace unknot {

// What the week showed, the first half of a reason. Stage numbers are 1-based.
enum class ReasonCause {
    None,         // (nothing: the outcome alone)
    Worse,        // side area change before after: "your left heel was 3 points worse this week (4.0 → 7.0)"
    WorseShort,   // side area change: "your left heel was 1 point worse this week"
    Better,       // side area change: "your left heel was 1 point better this week"
    NotWorse,     // "no side was worse this week"
    NotBetter,    // "no side was better this week"
    NoBefore,     // "no check-ins the week before to compare with"
    NoCheckIns,   // "no check-ins this week"
    WeeksDone,    // weeks stage stages: "2 weeks at stage 1 of 3 done"
    WeekOf,       // week weeks stage stages: "week 1 of 2 at stage 1 of 3 done"
    NoSideBetter, // weeks stage stages [side area before after]: "after 4 weeks at stage 3 of 3 no side is better"
    WorseSoFar,   // side area change before after: "your left heel is 3 points worse this week so far (4.0 → 7.0)"
};

// What the rules did about it, the second half.
enum class ReasonOutcome {
    None,
    Staying,       // "staying"
    StayAt,        // stage stages: "staying at stage 1 of 3"
    StayToCheckIn, // stage stages: "staying at stage 1 of 3 (check in to move on)"
    BackTo,        // stage stages: "back to stage 2 of 3"
    BackNow,       // stage stages: "back to stage 2 of 3 now"
    OnTo,          // stage stages: "on to stage 2 of 3"
    Complete,      // "the program is complete"
    SeeSomeone,    // "have it seen by a physiotherapist or doctor (see the program's notes)"
};

struct ReasonParts {
    ReasonCause cause = ReasonCause::None;
    std::vector<std::string> causeArgs; // as listed above; numbers in the C form ("4.0")
    ReasonOutcome outcome = ReasonOutcome::None;
    std::vector<std::string> outcomeArgs;
};

// The stored form, for Decision::reason.
[[nodiscard]] std::string encodeReason(const ReasonParts& parts);
// The parts of a stored reason; none for an English sentence stored before, or one that does
// not read.
[[nodiscard]] std::optional<ReasonParts> decodeReason(std::string_view stored);
// The sentence in the user's language (English when no catalogue is chosen).
[[nodiscard]] std::string reasonText(std::string_view stored);

} // namespace unknot
