#pragma once
// What the spoken guide says, and when: a phrase is a cue with words. Like the cue plan it is
// pure (no SDL, no Flite): the length of each phrase comes from a function the caller gives,
// the real voice in the app and in `unknot plan`, so the plan promises what the session says.
//
// Every phrase belongs to a cue and starts at a fixed offset after it: a phase's phrase after
// that phase's sound (so no cue plays over its first word), "Halfway" after the halfway
// sound, "Done" after the end chime. Phrases never overlap, and one that would run past the
// next phase change is shortened (duration first, then label: the side alone) or dropped.

#include "play/cue_plan.hpp"
#include "routine/rules.hpp"

#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace unknot {

// kSayPlaceholders and checkSayTemplate(): in routine/rules.hpp, which the routine parser checks `say` by.

// A duration as spoken: "30 seconds", "1 minute", "2 minutes 15 seconds".
[[nodiscard]] std::string spokenDuration(Millis ms);

// Where a phrase starts after its cue's sound: the longest built-in cue sound lasts 400 ms
// (a test holds every sound under this), so the voice never starts under it.
inline constexpr Millis kPhraseAfterCueMs = 450;
// A manual step's reminder comes this often while it waits.
inline constexpr Millis kReminderEveryMs = 30'000;

enum class PhraseKind { Phase, Halfway, End, Reminder };
[[nodiscard]] std::string_view phraseKindName(PhraseKind kind); // "phase", "halfway", "end", "reminder"

enum class PhraseFit { Full, Shortened, Dropped };

struct Phrase {
    PhraseKind kind = PhraseKind::Phase;
    std::size_t phase = 0;  // index in the timeline; for End, the last phase
    Millis cueOffsetMs = 0; // from the cue it follows (phase start, halfway, end; reminders: the phase start)
    Millis atMs = 0;        // in the plan, where manual phases count 0 ms
    std::string text;       // the words spoken; empty when dropped
    std::string fullText;   // what it would have said with room enough
    Millis lengthMs = 0;    // of `text`
    PhraseFit fit = PhraseFit::Full;
    Millis everyMs = 0; // reminders repeat this often from cueOffsetMs while the phase waits
};

// How long `text` takes to say, in ms.
using PhraseLength = std::function<Millis(const std::string& text)>;

inline constexpr Millis kNoPhraseLimit = std::numeric_limits<Millis>::max();

// A phrase before its words are chosen: what it may say, fullest first, and how long after its
// cue it must be over. Planning it needs no voice, so the app knows every phrase's place at
// once and synthesises them one by one, the first first.
struct PhraseSlot {
    PhraseKind kind = PhraseKind::Phase;
    std::size_t phase = 0;
    Millis cueOffsetMs = 0;
    Millis atMs = 0;
    std::vector<std::string> choices; // never empty, the first never empty
    Millis untilMs = kNoPhraseLimit;  // from the cue
    Millis everyMs = 0;
};

// Every phrase's slot, in time order.
[[nodiscard]] std::vector<PhraseSlot> phraseSlots(const Timeline& timeline, const CueOptions& cues);
// The first choice that ends in time (measured by `length`), or the slot dropped.
[[nodiscard]] Phrase fitPhrase(const PhraseSlot& slot, const PhraseLength& length);

// What is said, in time order. Lengths are asked once per distinct text.
[[nodiscard]] std::vector<Phrase> planPhrases(const Timeline& timeline, const CueOptions& cues,
                                              const PhraseLength& length);

// "Done." and the time spent, as said at the end (`spentMs` rounded to the second).
[[nodiscard]] std::string donePhrase(Millis spentMs);

} // namespace unknot
