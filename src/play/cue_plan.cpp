#include "play/cue_plan.hpp"

namespace unknot {

std::string_view cueTypeName(CueType type) {
    switch (type) {
    case CueType::Phase: return "phase";
    case CueType::Countdown: return "countdown";
    case CueType::Halfway: return "halfway";
    case CueType::End: return "end";
    }
    return "?";
}

PhaseCues cuesForPhase(const Phase& phase, Millis effectiveMs, const CueOptions& options) {
    PhaseCues out;
    const auto add = [&](CueType type, Millis offset, int count) {
        out.items[out.size++] = PhaseCue{type, offset, count};
    };
    if (options.phase) add(CueType::Phase, 0, 0);
    if (phase.manual) return out;
    if (options.halfway && phase.durationMs >= kHalfwayMinPhaseMs) add(CueType::Halfway, phase.durationMs / 2, 0);
    if (options.countdown && effectiveMs >= kCountdownMinPhaseMs)
        for (int n = 3; n >= 1; --n) add(CueType::Countdown, effectiveMs - n * Millis{1000}, n);
    return out;
}

CuePlan planCues(const Timeline& timeline, const CueOptions& options) {
    CuePlan plan;
    for (std::size_t i = 0; i < timeline.phases.size(); ++i) {
        const Phase& p = timeline.phases[i];
        for (const PhaseCue& c : cuesForPhase(p, p.durationMs, options))
            plan.cues.push_back(Cue{p.startMs + c.offsetMs, c.type, i, c.count});
    }
    if (options.end && !timeline.empty())
        plan.cues.push_back(Cue{timeline.totalMs, CueType::End, timeline.phases.size() - 1, 0});
    return plan;
}

} // namespace unknot
