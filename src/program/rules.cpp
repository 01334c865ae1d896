#include "program/rules.hpp"

#include "core/text.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

namespace unknot {

namespace {

struct SideKey {
    std::string area;
    Side side = Side::None;
    bool operator<(const SideKey& o) const {
        return area != o.area ? area < o.area : static_cast<int>(side) < static_cast<int>(o.side);
    }
};
using Averages = std::map<SideKey, double>;

// Each area and side's mean score over the days [from, to).
Averages averages(const Program& program, const std::vector<DayScore>& scores, Day from, Day to) {
    std::map<SideKey, std::pair<double, int>> acc;
    for (const DayScore& s : scores) {
        if (s.day < from || s.day >= to) continue;
        if (!program.areas.empty() &&
            std::find(program.areas.begin(), program.areas.end(), s.area) == program.areas.end())
            continue;
        auto& a = acc[SideKey{s.area, s.side}];
        a.first += s.score;
        a.second += 1;
    }
    Averages out;
    for (const auto& [k, a] : acc) out[k] = a.first / a.second;
    return out;
}

Averages weekAverages(const Program& program, const std::vector<DayScore>& scores, Day start, int week) {
    const Day from = start + 7 * static_cast<Day>(week - 1);
    return averages(program, scores, from, from + 7);
}

std::string scoreText(double v) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

// A change in points: one decimal, none when it is whole ("1", "1.5").
std::string changeText(double d) {
    std::string s = scoreText(d);
    if (s.ends_with(".0")) s.resize(s.size() - 2);
    return s;
}

// A side's arguments of a reason: side, area, change.
std::vector<std::string> sideArgs(const SideKey& k, double change) {
    return {std::string(sideName(k.side)), k.area, changeText(change)};
}

std::vector<std::string> stageArgs(const Program& p, int stage) {
    return {std::to_string(stage + 1), std::to_string(p.stages.size())};
}

std::string reasonOf(ReasonCause cause, std::vector<std::string> causeArgs, ReasonOutcome outcome,
                     std::vector<std::string> outcomeArgs = {}) {
    return encodeReason(ReasonParts{cause, std::move(causeArgs), outcome, std::move(outcomeArgs)});
}

// The side whose average changed most between `before` and `after` in the direction `sign`
// (+1: rose most, -1: fell most), among the sides both weeks have; its change.
std::optional<std::pair<SideKey, double>> mostChanged(const Averages& before, const Averages& after, int sign) {
    std::optional<std::pair<SideKey, double>> best;
    for (const auto& [k, v] : after) {
        const auto it = before.find(k);
        if (it == before.end()) continue;
        const double change = v - it->second;
        if (!best || change * sign > best->second * sign) best = std::make_pair(k, change);
    }
    return best;
}

// Half a point is within what the same pain scores from one day to the next.
constexpr double kSameScore = 0.5;

} // namespace

std::string_view actionName(RuleAction a) {
    switch (a) {
    case RuleAction::Advance: return "advance";
    case RuleAction::Stay: return "stay";
    case RuleAction::StepBack: return "step_back";
    case RuleAction::Review: return "review";
    }
    return "stay";
}

std::optional<RuleAction> actionFromName(std::string_view name) {
    for (RuleAction a : {RuleAction::Advance, RuleAction::Stay, RuleAction::StepBack, RuleAction::Review})
        if (actionName(a) == name) return a;
    return std::nullopt;
}

ProgramPlace placeOf(const Program& program, Day start, const std::vector<Decision>& decisions, Day today) {
    ProgramPlace p;
    for (const Decision& d : decisions) {
        if (d.stageAfter != p.stage) p.stageStartWeek = d.early ? d.week : d.week + 1;
        p.stage = std::clamp(d.stageAfter, 0, static_cast<int>(program.stages.size()));
        p.reviewed |= d.action == RuleAction::Review;
    }
    p.programWeek = static_cast<int>(std::max<Day>(today - start, 0) / 7) + 1;
    p.weekInStage = std::max(p.programWeek - p.stageStartWeek + 1, 1);
    return p;
}

Decision decideWeek(const Program& program, Day start, const ProgramPlace& place, int week,
                    const std::vector<DayScore>& scores) {
    Decision d;
    d.week = week;
    d.stageAfter = place.stage;
    const int stages = static_cast<int>(program.stages.size());
    if (place.stage >= stages) {
        d.reason = reasonOf(ReasonCause::None, {}, ReasonOutcome::Complete);
        return d;
    }
    const Stage& stage = program.stages[static_cast<std::size_t>(place.stage)];
    const int inStage = week - place.stageStartWeek + 1;
    const Averages now = weekAverages(program, scores, start, week);
    const Averages before = week > 1 ? weekAverages(program, scores, start, week - 1) : Averages{};
    const std::vector<std::string> here = stageArgs(program, place.stage);

    // 1. Worse by the step-back rise on any side: go back a stage (or stay at the first).
    if (stage.stepBack.rise > 0)
        if (auto rose = mostChanged(before, now, +1); rose && rose->second >= stage.stepBack.rise) {
            std::vector<std::string> what = sideArgs(rose->first, rose->second);
            what.push_back(scoreText(before.at(rose->first)));
            what.push_back(scoreText(now.at(rose->first)));
            if (place.stage == 0) {
                d.action = RuleAction::Stay;
                d.reason = reasonOf(ReasonCause::Worse, std::move(what), ReasonOutcome::StayAt, here);
            } else {
                d.action = RuleAction::StepBack;
                d.stageAfter = place.stage - 1;
                d.reason = reasonOf(ReasonCause::Worse, std::move(what), ReasonOutcome::BackTo,
                                    stageArgs(program, place.stage - 1));
            }
            return d;
        }

    // 2. The review week: no side better than in the stage's first week. Once per program.
    if (stage.review.afterWeeks > 0 && inStage == stage.review.afterWeeks && !place.reviewed) {
        const Averages first = weekAverages(program, scores, start, place.stageStartWeek);
        const auto fell = mostChanged(first, now, -1);
        if (!now.empty() && (!fell || fell->second > -kSameScore)) {
            d.action = RuleAction::Review;
            std::vector<std::string> what = {std::to_string(inStage), here[0], here[1]};
            if (fell) {
                what.emplace_back(sideName(fell->first.side));
                what.push_back(fell->first.area);
                what.push_back(scoreText(first.at(fell->first)));
                what.push_back(scoreText(now.at(fell->first)));
            }
            d.reason = reasonOf(ReasonCause::NoSideBetter, std::move(what), ReasonOutcome::SeeSomeone);
            return d;
        }
    }

    // 3. Advance once the stage has lasted long enough and the check-ins allow it.
    const int afterWeeks = stage.advance.afterWeeks > 0 ? stage.advance.afterWeeks : stage.weeks;
    const bool last = place.stage + 1 >= stages;
    const ReasonOutcome next = last ? ReasonOutcome::Complete : ReasonOutcome::OnTo;
    const std::vector<std::string> nextArgs = last ? std::vector<std::string>{} : stageArgs(program, place.stage + 1);
    if (inStage < afterWeeks) {
        d.reason =
            reasonOf(ReasonCause::WeekOf, {std::to_string(inStage), std::to_string(afterWeeks), here[0], here[1]},
                     ReasonOutcome::Staying);
        return d;
    }
    if (stage.advance.when == AdvanceWhen::Always) {
        d.action = RuleAction::Advance;
        d.stageAfter = place.stage + 1;
        d.reason = reasonOf(ReasonCause::WeeksDone, {std::to_string(inStage), here[0], here[1]}, next, nextArgs);
        return d;
    }
    if (now.empty()) {
        d.reason = reasonOf(ReasonCause::NoCheckIns, {}, ReasonOutcome::StayToCheckIn, here);
        return d;
    }
    const auto rose = mostChanged(before, now, +1);
    if (rose && rose->second >= kSameScore) {
        d.reason = reasonOf(ReasonCause::WorseShort, sideArgs(rose->first, rose->second), ReasonOutcome::StayAt, here);
        return d;
    }
    const auto fell = mostChanged(before, now, -1);
    const bool better = fell && fell->second <= -kSameScore;
    if (stage.advance.when == AdvanceWhen::Better && !better) {
        d.reason =
            reasonOf(before.empty() ? ReasonCause::NoBefore : ReasonCause::NotBetter, {}, ReasonOutcome::StayAt, here);
        return d;
    }
    d.action = RuleAction::Advance;
    d.stageAfter = place.stage + 1;
    d.reason = better ? reasonOf(ReasonCause::Better, sideArgs(fell->first, -fell->second), next, nextArgs)
                      : reasonOf(ReasonCause::NotWorse, {}, next, nextArgs);
    return d;
}

std::optional<Decision> decideAfterCheckIn(const Program& program, Day start, const std::vector<Decision>& made,
                                           const std::vector<DayScore>& scores, Day today) {
    const int week = static_cast<int>(std::max<Day>(today - start, 0) / 7) + 1;
    if (week < 2 || (!made.empty() && made.back().week >= week)) return std::nullopt;
    const ProgramPlace place = placeOf(program, start, made, today);
    if (place.complete(program) || place.stage == 0) return std::nullopt; // nowhere to step back to
    const Stage& stage = program.stages[static_cast<std::size_t>(place.stage)];
    if (stage.stepBack.rise <= 0) return std::nullopt;
    const Day weekStart = start + 7 * static_cast<Day>(week - 1);
    // At least two check-ins on a side this week: one bad morning is not a trend.
    std::map<SideKey, int> counts;
    for (const DayScore& s : scores)
        if (s.day >= weekStart && s.day <= today) ++counts[SideKey{s.area, s.side}];
    Averages now = averages(program, scores, weekStart, today + 1);
    for (auto it = now.begin(); it != now.end();) it = counts[it->first] >= 2 ? std::next(it) : now.erase(it);
    const Averages before = weekAverages(program, scores, start, week - 1);
    const auto rose = mostChanged(before, now, +1);
    if (!rose || rose->second < stage.stepBack.rise) return std::nullopt;
    Decision d;
    d.week = week;
    d.early = true;
    d.action = RuleAction::StepBack;
    d.stageAfter = place.stage - 1;
    std::vector<std::string> what = sideArgs(rose->first, rose->second);
    what.push_back(scoreText(before.at(rose->first)));
    what.push_back(scoreText(now.at(rose->first)));
    d.reason =
        reasonOf(ReasonCause::WorseSoFar, std::move(what), ReasonOutcome::BackNow, stageArgs(program, place.stage - 1));
    return d;
}

std::vector<Decision> pendingDecisions(const Program& program, Day start, const std::vector<Decision>& made,
                                       const std::vector<DayScore>& scores, Day today) {
    std::vector<Decision> all = made;
    std::vector<Decision> out;
    const int lastDecided = made.empty() ? 0 : made.back().week;
    const int weeksEnded = static_cast<int>(std::max<Day>(today - start, 0) / 7);
    for (int week = lastDecided + 1; week <= weeksEnded; ++week) {
        const ProgramPlace place = placeOf(program, start, all, start + 7 * static_cast<Day>(week - 1));
        if (place.complete(program)) break;
        Decision d = decideWeek(program, start, place, week, scores);
        all.push_back(d);
        out.push_back(std::move(d));
    }
    return out;
}

} // namespace unknot
