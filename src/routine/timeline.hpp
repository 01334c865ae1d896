#pragma once
// Expansion: a routine's nested blocks, repeats and sides become a flat list of phases.

#include "routine/routine.hpp"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace unknot {

// Text that many phases share: a step's label, cue and block name are stored once however
// many rounds and sides repeat them (copies made 10,000 phases of a 20,000-character label
// cost a gigabyte). Immutable, so sharing across threads is safe.
class SharedText {
  public:
    SharedText() = default;
    explicit SharedText(std::string text) : text_(std::make_shared<const std::string>(std::move(text))) {}
    [[nodiscard]] const std::string& str() const;
    [[nodiscard]] bool empty() const { return str().empty(); }
    friend bool operator==(const SharedText& a, const SharedText& b) { return a.str() == b.str(); }
    friend bool operator==(const SharedText& a, std::string_view b) { return a.str() == b; }

  private:
    std::shared_ptr<const std::string> text_;
};

// A block's `say`, said as one of its rounds begins (with that round's first phase), with what
// its placeholders become there.
struct RoundSay {
    SharedText text;  // placeholders unfilled
    SharedText label; // {label}: the block's
    Side side = Side::None;
    int round = 1; // {round}, {rounds}: the block's
    int rounds = 1;
    Millis durationMs = 0; // {duration}: one round, without the rest between rounds
};

struct Phase {
    PhaseKind kind = PhaseKind::Prepare;
    SharedText label; // never empty: defaults to the kind's title
    SharedText cue;
    SharedText say; // the step's `say`, placeholders unfilled; empty: the default phrase
    Side side = Side::None;
    Millis startMs = 0;    // in the plan, with manual phases counted as 0 ms
    Millis durationMs = 0; // 0 for manual phases
    bool manual = false;
    int round = 1; // round of the innermost repeated block, 1-based
    int rounds = 1;
    SharedText block;                // label of the innermost block, empty at top level
    std::vector<RoundSay> roundSays; // blocks with `say` whose round begins here, outermost first
    SourcePos source;                // the step it comes from, for diagnostics found after expanding
};

struct Timeline {
    std::vector<Phase> phases;
    Millis totalMs = 0; // manual phases count as 0

    [[nodiscard]] bool empty() const { return phases.empty(); }
    [[nodiscard]] std::size_t size() const { return phases.size(); }
};

// What `expand` would make, measured on the routine's tree without expanding it. Both
// saturate just above their limits (kMaxPhases, kMaxExpandedTextBytes) so that a file with
// huge repeat counts is refused at once.
struct ExpansionSize {
    std::size_t phases = 0;
    std::size_t textBytes = 0; // label + cue + say + block name of every phase: what `plan` prints
};
[[nodiscard]] ExpansionSize measureExpansion(const Routine& routine);
[[nodiscard]] std::size_t countPhases(const Routine& routine);

// Requires a routine that parsed without diagnostics (within kMaxPhases and
// kMaxExpandedTextBytes).
[[nodiscard]] Timeline expand(const Routine& routine);

} // namespace unknot
