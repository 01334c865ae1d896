#include "program/today.hpp"

#include <algorithm>

namespace unknot {

std::string Today::stageLine() const {
    if (!program) return {};
    if (complete()) return "complete";
    return "stage " + std::to_string(place.stage + 1) + " of " + std::to_string(program->stages.size()) +
           " \xC2\xB7 week " + std::to_string(place.programWeek) + " of " + std::to_string(program->totalWeeks());
}

Today followProgram(ProgramStore& store, const ProgramLibrary& programs, Day date, std::int64_t now) {
    Today t;
    t.date = date;
    try {
        t.run = store.activeRun();
        t.ran = store.ranOn(date);
        if (!t.run) return t;
        const ProgramEntry* entry = programs.findId(t.run->programId);
        if (!entry) {
            t.problem = "the running program '" + t.run->programId + "' is gone (no such file)";
            return t;
        }
        if (!entry->valid()) {
            t.problem = "the running program '" + t.run->programId +
                        "' has problems: " + entry->parsed.diagnostics.front().format();
            return t;
        }
        const Program& program = entry->program();
        const std::vector<DayScore> scores = store.scores(t.run->start);
        std::vector<Decision> decisions = store.decisions(t.run->id);
        const auto owed = pendingDecisions(program, t.run->start, decisions, scores, date);
        if (auto error = store.addDecisions(t.run->id, owed, now)) t.problem = *error;
        decisions = store.decisions(t.run->id);
        // The check-ins of this week so far may call for a step back now.
        if (auto early = decideAfterCheckIn(program, t.run->start, decisions, scores, date)) {
            if (auto error = store.addDecisions(t.run->id, {*early}, now)) t.problem = *error;
            decisions = store.decisions(t.run->id);
        }
        t.program = program;
        t.place = placeOf(program, t.run->start, decisions, std::max(date, t.run->start));
        if (!decisions.empty()) t.decision = decisions.back();
        if (!t.place.complete(program)) {
            const Stage& stage = program.stages[static_cast<std::size_t>(t.place.stage)];
            const Day stageStart = t.run->start + 7 * static_cast<Day>(t.place.stageStartWeek - 1);
            t.due = dueOn(stage, stageStart, date, DayFacts{t.ran, store.completedOn(date)});
        }
        std::vector<CheckIn> checkIns;
        for (const DayScore& s : scores)
            if (program.areas.empty() ||
                std::find(program.areas.begin(), program.areas.end(), s.area) != program.areas.end())
                checkIns.push_back(CheckIn{
                    s.day * 86'400 + 43'200, s.area, s.side, s.score, CheckInMoment::Standalone, std::nullopt, {}});
        for (const AreaTrend& trend : trends(checkIns)) t.trends.push_back(describeTrend(trend));
    } catch (const std::exception& e) {
        t.problem = std::string("cannot read the program's state: ") + e.what();
    }
    return t;
}

} // namespace unknot
