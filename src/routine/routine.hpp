#pragma once
// The routine model: what a routine file says, before expansion into a timeline.

#include "core/duration.hpp"

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace unknot {

// What the body does during a phase. `Switch` is never written in a file: expansion inserts
// it between the sides of a block.
enum class PhaseKind { Prepare, Tense, Release, Hold, Roll, Rest, Manual, Switch };

inline constexpr std::array kWritableKinds = {PhaseKind::Prepare, PhaseKind::Tense, PhaseKind::Release, PhaseKind::Hold,
                                              PhaseKind::Roll,    PhaseKind::Rest,  PhaseKind::Manual};
inline constexpr std::array kAllKinds = {PhaseKind::Prepare, PhaseKind::Tense, PhaseKind::Release, PhaseKind::Hold,
                                         PhaseKind::Roll,    PhaseKind::Rest,  PhaseKind::Manual,  PhaseKind::Switch};

[[nodiscard]] std::string_view kindName(PhaseKind kind);  // "tense"
[[nodiscard]] std::string_view kindTitle(PhaseKind kind); // "Tense"
// The kind as a word in the user's language, lower case ("tense", "anspannen"): the editor's and
// the quick set's lists. The routine file's keyword stays kindName's.
[[nodiscard]] std::string_view kindWord(PhaseKind kind);
[[nodiscard]] std::optional<PhaseKind> kindFromName(std::string_view name);

enum class Side { None, Left, Right };
[[nodiscard]] std::string_view sideName(Side side); // "left", "right", "" for None
// The one place a side is read from text (routine files, the history, the command line):
// "left" or "right"; anything else is none of them.
[[nodiscard]] std::optional<Side> sideFromName(std::string_view name);
// An area with its side as shown to the user, in their language: "left heel", "knee". The
// built-in programs' areas (heel, knee) are translated whole, so a language can agree its
// words ("linke Ferse", "linkes Knie"); another area is kept as the user wrote it.
[[nodiscard]] std::string shownArea(Side side, std::string_view area);

// Limits of the format; docs/routines.md states them too.
inline constexpr Millis kMinPhaseMs = 1'000;
inline constexpr Millis kMaxPhaseMs = 4 * 3'600'000;
inline constexpr int kMaxRepeat = 100;
inline constexpr std::size_t kMaxPhases = 10'000;
// Text lengths, in bytes of UTF-8. Generous for what a person writes (the built-in routines
// use at most 36, 117, 595, 50 and 72), small enough that a shared file cannot make every
// screen, list and plan carry megabytes.
inline constexpr std::size_t kMaxNameBytes = 200;
inline constexpr std::size_t kMaxSummaryBytes = 500;
inline constexpr std::size_t kMaxNotesBytes = 20'000;
inline constexpr std::size_t kMaxLabelBytes = 200; // a step's label, also a block's name
inline constexpr std::size_t kMaxCueBytes = 500;
inline constexpr std::size_t kMaxSayBytes = 200;      // what the voice says at a step's start
inline constexpr std::size_t kMaxListItems = 50;      // entries of `tags` or `equipment`
inline constexpr std::size_t kMaxListItemBytes = 100; // one tag or piece of equipment
// Label, cue and block name summed over every phase of the expansion: bounds what
// `unknot plan` prints and what a playing routine holds (10,000 phases of the longest
// label, cue and block name would be 9 MB).
inline constexpr std::size_t kMaxExpandedTextBytes = 2u << 20;
inline constexpr Millis kDefaultSwitchMs = 5'000;

// A position in the file, for the editor and for diagnostics found after parsing.
struct SourcePos {
    int line = 0;
    int column = 0;
};

// One [[step]] table. It is a phase when `kind` is set, a block when `children` is not empty;
// a phase may also carry repeat/sides and then behaves as a block holding only itself.
struct Step {
    std::optional<PhaseKind> kind;
    Millis durationMs = 0; // phases only; 0 for manual
    std::string label;
    std::string cue;
    std::string say; // replaces what the voice says at the phase's start; may hold {placeholders}
    int repeat = 1;
    std::vector<Side> sides;            // empty: no sides
    Millis switchMs = kDefaultSwitchMs; // between sides; 0 for none
    Millis restBetweenMs = 0;           // between repeats; 0 for none
    std::vector<Step> children;
    SourcePos pos;

    [[nodiscard]] bool isPhase() const { return kind.has_value(); }
    [[nodiscard]] bool isBlock() const { return !kind.has_value(); }
};

// A published source the routine rests on (`sources`, docs/routines.md): who showed what.
struct Source {
    std::string title;
    std::string authors; // "Rathleff MS, Mølgaard CM, …" or "Rathleff et al."
    int year = 0;
    std::string doi;      // "10.1111/sms.12313"; empty when `url` is given
    std::string url;      // when there is no DOI
    std::string supports; // what in the routine it backs: "holds of 60-90 s"
    bool operator==(const Source&) const = default;
};

struct Routine {
    std::string name;
    std::string summary;
    std::string notes;
    std::vector<std::string> tags;
    std::vector<std::string> equipment;
    // Areas the player asks about before and after, each for the left and the right side:
    // "heel", "knee" (check_in = ["heel"]); empty: no check-in.
    std::vector<std::string> checkIn;
    std::vector<Source> sources;
    std::vector<Step> steps;
};

} // namespace unknot
