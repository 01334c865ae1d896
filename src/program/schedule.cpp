#include "program/schedule.hpp"

#include <algorithm>

namespace unknot {

std::vector<DueRoutine> dueOn(const Stage& stage, Day stageStart, Day day, const DayFacts& facts) {
    std::vector<DueRoutine> out;
    for (const StageRoutine& r : stage.routines) {
        bool due = false;
        switch (r.due) {
        case DueKind::Daily: due = true; break;
        case DueKind::Weekdays: due = r.weekdays[static_cast<std::size_t>(weekdayOf(day))]; break;
        case DueKind::EveryDays: {
            const Day since = day - stageStart;
            due = since >= 0 && since % std::max(r.everyDays, 1) == 0;
            break;
        }
        case DueKind::AfterRun:
        case DueKind::BeforeRun: due = facts.ran; break;
        }
        if (!due) continue;
        // A routine listed twice in a stage (before and after a run) is one entry.
        if (std::any_of(out.begin(), out.end(), [&](const DueRoutine& d) { return d.id == r.id; })) continue;
        const bool done = std::find(facts.completed.begin(), facts.completed.end(), r.id) != facts.completed.end();
        out.push_back(DueRoutine{r.id, r.due, done});
    }
    return out;
}

const DueRoutine* nextDue(const std::vector<DueRoutine>& due) {
    for (const auto& d : due)
        if (!d.done) return &d;
    return nullptr;
}

} // namespace unknot
