#include "core/timeline.hpp"

#include <cassert>

namespace unknot {

namespace {

constexpr std::size_t kSaturated = kMaxPhases + 1;

std::size_t saturatingAdd(std::size_t a, std::size_t b) { return std::min(a + b, kSaturated); }
std::size_t saturatingMul(std::size_t a, std::size_t b) {
    if (a == 0 || b == 0) return 0;
    return a > kSaturated / b ? kSaturated : std::min(a * b, kSaturated);
}

std::size_t countStep(const Step& step) {
    std::size_t inner = 0;
    if (step.isPhase()) {
        inner = 1;
    } else {
        for (const auto& child : step.children) inner = saturatingAdd(inner, countStep(child));
    }
    const std::size_t repeats = static_cast<std::size_t>(std::max(step.repeat, 1));
    std::size_t perSide = saturatingMul(inner, repeats);
    if (step.restBetweenMs > 0) perSide = saturatingAdd(perSide, repeats - 1);
    const std::size_t sides = std::max<std::size_t>(step.sides.size(), 1);
    std::size_t total = saturatingMul(perSide, sides);
    if (step.switchMs > 0 && sides > 1) total = saturatingAdd(total, sides - 1);
    return total;
}

std::string switchLabel(Side to) {
    return to == Side::Left ? "Switch to the left side" : "Switch to the right side";
}

class Expander {
  public:
    explicit Expander(Timeline& out) : out_(out) {}

    void steps(const std::vector<Step>& steps, Side side, int round, int rounds, const std::string& block) {
        for (const auto& s : steps) step(s, side, round, rounds, block);
    }

  private:
    Timeline& out_;

    void phase(Phase p) {
        p.startMs = out_.totalMs;
        out_.totalMs += p.durationMs;
        out_.phases.push_back(std::move(p));
    }

    void step(const Step& s, Side side, int round, int rounds, const std::string& block) {
        const bool repeated = s.repeat > 1 || !s.sides.empty() || s.isBlock();
        // A block's label names it; a phase that repeats itself is its own block.
        const std::string& innerBlock = repeated && !s.label.empty() ? s.label : block;
        const std::vector<Side> sides = s.sides.empty() ? std::vector<Side>{side} : s.sides;
        for (std::size_t si = 0; si < sides.size(); ++si) {
            if (si > 0 && s.switchMs > 0) {
                Phase sw;
                sw.kind = PhaseKind::Switch;
                sw.label = switchLabel(sides[si]);
                sw.side = sides[si];
                sw.durationMs = s.switchMs;
                sw.round = round;
                sw.rounds = rounds;
                sw.block = innerBlock;
                phase(std::move(sw));
            }
            for (int r = 1; r <= s.repeat; ++r) {
                const int thisRound = s.repeat > 1 ? r : round;
                const int theseRounds = s.repeat > 1 ? s.repeat : rounds;
                if (s.isPhase()) {
                    Phase p;
                    p.kind = *s.kind;
                    p.label = s.label.empty() ? std::string(kindTitle(*s.kind)) : s.label;
                    p.cue = s.cue;
                    p.side = sides[si];
                    p.manual = *s.kind == PhaseKind::Manual;
                    p.durationMs = p.manual ? 0 : s.durationMs;
                    p.round = thisRound;
                    p.rounds = theseRounds;
                    p.block = innerBlock;
                    phase(std::move(p));
                } else {
                    steps(s.children, sides[si], thisRound, theseRounds, innerBlock);
                }
                if (r < s.repeat && s.restBetweenMs > 0) {
                    Phase rest;
                    rest.kind = PhaseKind::Rest;
                    rest.label = "Rest";
                    rest.side = sides[si];
                    rest.durationMs = s.restBetweenMs;
                    rest.round = thisRound;
                    rest.rounds = theseRounds;
                    rest.block = innerBlock;
                    phase(std::move(rest));
                }
            }
        }
    }
};

} // namespace

std::size_t countPhases(const Routine& routine) {
    std::size_t total = 0;
    for (const auto& s : routine.steps) total = saturatingAdd(total, countStep(s));
    return total;
}

Timeline expand(const Routine& routine) {
    assert(countPhases(routine) <= kMaxPhases && "expand() needs a routine within the phase limit");
    Timeline timeline;
    timeline.phases.reserve(countPhases(routine));
    Expander(timeline).steps(routine.steps, Side::None, 1, 1, "");
    return timeline;
}

} // namespace unknot
