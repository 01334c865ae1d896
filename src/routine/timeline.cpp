#include "routine/timeline.hpp"

#include "core/i18n.hpp"

#include <cassert>
#include <unordered_map>

namespace unknot {

namespace {

// Saturating sums and products: a routine of nested `repeat = 100` blocks is measured, never
// overflowed.
std::size_t saturatingAdd(std::size_t a, std::size_t b, std::size_t cap) { return std::min(a + b, cap); }
std::size_t saturatingMul(std::size_t a, std::size_t b, std::size_t cap) {
    if (a == 0 || b == 0) return 0;
    return a > cap / b ? cap : std::min(a * b, cap);
}

constexpr std::size_t kPhaseCap = kMaxPhases + 1;
constexpr std::size_t kTextCap = kMaxExpandedTextBytes + 1;

ExpansionSize add(ExpansionSize a, ExpansionSize b) {
    return {saturatingAdd(a.phases, b.phases, kPhaseCap), saturatingAdd(a.textBytes, b.textBytes, kTextCap)};
}
ExpansionSize times(ExpansionSize a, std::size_t n) {
    return {saturatingMul(a.phases, n, kPhaseCap), saturatingMul(a.textBytes, n, kTextCap)};
}

std::string switchLabel(Side to);

// Mirrors Expander::step below.
ExpansionSize measureStep(const Step& step, std::size_t blockBytes) {
    const bool repeated = step.repeat > 1 || !step.sides.empty() || step.isBlock();
    const std::size_t innerBlock = repeated && !step.label.empty() ? step.label.size() : blockBytes;
    ExpansionSize inner;
    if (step.isPhase()) {
        const std::size_t label = step.label.empty() ? kindTitle(*step.kind).size() : step.label.size();
        inner = {1, label + step.cue.size() + step.say.size() + innerBlock};
    } else {
        for (const auto& child : step.children) inner = add(inner, measureStep(child, innerBlock));
    }
    const std::size_t repeats = static_cast<std::size_t>(std::max(step.repeat, 1));
    ExpansionSize perSide = times(inner, repeats);
    if (step.restBetweenMs > 0)
        perSide = add(perSide, times({1, std::string_view("Rest").size() + innerBlock}, repeats - 1));
    const std::size_t sides = std::max<std::size_t>(step.sides.size(), 1);
    ExpansionSize total = times(perSide, sides);
    if (step.switchMs > 0 && sides > 1)
        total = add(total, times({1, switchLabel(Side::Right).size() + innerBlock}, sides - 1));
    return total;
}

// TRANSLATORS: the label shown and said between the two sides of a block; keep it short.
std::string switchLabel(Side to) {
    return to == Side::Left ? _("Switch to the left side") : _("Switch to the right side");
}

class Expander {
  public:
    explicit Expander(Timeline& out) : out_(out) {}

    void steps(const std::vector<Step>& steps, Side side, int round, int rounds, const SharedText& block) {
        for (const auto& s : steps) step(s, side, round, rounds, block);
    }

  private:
    Timeline& out_;
    // The switch labels, in the language in use when this timeline is made (a static would keep
    // the first language's after a switch), shared by every switch phase of it.
    const SharedText switchLeft_{switchLabel(Side::Left)}, switchRight_{switchLabel(Side::Right)};
    // The rest between rounds is labelled with its kind's title, in the same language.
    const SharedText restBetween_{std::string(kindTitle(PhaseKind::Rest))};
    // Each step's texts, made once and shared by every phase that shows them, however many
    // times an enclosing block repeats the step.
    struct Texts {
        SharedText label; // for a phase, the kind's title when the step has no label
        SharedText cue;
        SharedText say;
    };
    std::unordered_map<const Step*, Texts> texts_;

    const Texts& textsOf(const Step& s) {
        auto [it, added] = texts_.try_emplace(&s);
        if (added) {
            const std::string label = s.isPhase() && s.label.empty() ? std::string(kindTitle(*s.kind)) : s.label;
            it->second = Texts{SharedText(label), s.cue.empty() ? SharedText() : SharedText(s.cue),
                               s.say.empty() ? SharedText() : SharedText(s.say)};
        }
        return it->second;
    }

    void phase(Phase p) {
        p.source = source_;
        p.startMs = out_.totalMs;
        out_.totalMs += p.durationMs;
        out_.phases.push_back(std::move(p));
    }

    void step(const Step& s, Side side, int round, int rounds, const SharedText& block) {
        const SourcePos outer = source_;
        source_ = s.pos;
        stepIn(s, side, round, rounds, block);
        source_ = outer;
    }

    SourcePos source_;

    void stepIn(const Step& s, Side side, int round, int rounds, const SharedText& block) {
        const bool repeated = s.repeat > 1 || !s.sides.empty() || s.isBlock();
        // A block's label names it; a phase that repeats itself is its own block.
        const Texts& texts = textsOf(s);
        const SharedText& innerBlock = repeated && !s.label.empty() ? texts.label : block;
        const SharedText& label = texts.label;
        const SharedText& cue = texts.cue;
        const std::vector<Side> sides = s.sides.empty() ? std::vector<Side>{side} : s.sides;
        for (std::size_t si = 0; si < sides.size(); ++si) {
            if (si > 0 && s.switchMs > 0) {
                Phase sw;
                sw.kind = PhaseKind::Switch;
                sw.label = sides[si] == Side::Left ? switchLeft_ : switchRight_;
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
                    p.label = label;
                    p.cue = cue;
                    p.say = texts.say;
                    p.side = sides[si];
                    p.manual = *s.kind == PhaseKind::Manual;
                    p.durationMs = p.manual ? 0 : s.durationMs;
                    p.round = thisRound;
                    p.rounds = theseRounds;
                    p.block = innerBlock;
                    phase(std::move(p));
                } else {
                    const std::size_t first = out_.phases.size();
                    steps(s.children, sides[si], thisRound, theseRounds, innerBlock);
                    if (!s.say.empty() && out_.phases.size() > first) {
                        // The block's `say` goes with its round's first phase, before the say of
                        // any block inside that begins there too.
                        RoundSay say{texts.say, label,       sides[si],
                                     thisRound, theseRounds, out_.totalMs - out_.phases[first].startMs};
                        auto& says = out_.phases[first].roundSays;
                        says.insert(says.begin(), std::move(say));
                    }
                }
                if (r < s.repeat && s.restBetweenMs > 0) {
                    Phase rest;
                    rest.kind = PhaseKind::Rest;
                    rest.label = restBetween_;
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

const std::string& SharedText::str() const {
    static const std::string empty;
    return text_ ? *text_ : empty;
}

ExpansionSize measureExpansion(const Routine& routine) {
    ExpansionSize total;
    for (const auto& s : routine.steps) total = add(total, measureStep(s, 0));
    return total;
}

std::size_t countPhases(const Routine& routine) { return measureExpansion(routine).phases; }

Timeline expand(const Routine& routine) {
    const ExpansionSize size = measureExpansion(routine);
    assert(size.phases <= kMaxPhases && size.textBytes <= kMaxExpandedTextBytes &&
           "expand() needs a routine within the expansion limits");
    Timeline timeline;
    timeline.phases.reserve(size.phases);
    Expander(timeline).steps(routine.steps, Side::None, 1, 1, SharedText());
    return timeline;
}

} // namespace unknot
