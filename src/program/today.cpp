#include "program/today.hpp"

#include "core/i18n.hpp"

#include <algorithm>

namespace unknot {

std::string Today::stageLine() const {
    if (!program) return {};
    if (complete()) return _("complete");
    // TRANSLATORS: where a program stands: "stage 2 of 3 · week 3 of 12".
    return format(_("stage {0} of {1} \xC2\xB7 week {2} of {3}"),
                  {std::to_string(place.stage + 1), std::to_string(program->stages.size()),
                   std::to_string(place.programWeek), std::to_string(program->totalWeeks())});
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
            t.problem = format(_("the running program '{0}' is gone (no such file)"), {t.run->programId});
            return t;
        }
        if (!entry->valid()) {
            t.problem = format(_("the running program '{0}' has problems: {1}"),
                               {t.run->programId, entry->parsed.diagnostics.front().format()});
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
        t.problem = format(_("cannot read the program's state: {0}"), {e.what()});
    }
    return t;
}

} // namespace unknot
