#pragma once
// What the spoken guide says, and when: a phrase is a cue with words. Like the cue plan it is
// pure (no SDL, no Flite): the length of each phrase comes from a function the caller gives,
// the real voice in the app and in `unknot plan`, so the plan promises what the session says.
//
// Every phrase belongs to a cue and starts at a fixed offset after it: a phase's phrase after
// that phase's sound (so no cue plays over its first word), "Halfway" after the halfway
// sound, "Done" after the end chime. As a coach does, a phase says what comes next when the
// next phase is short (kAheadUpToMs), in its second half when it has a halfway cue, else after
// its own words; a short phase then starts with nothing left to say. Phrases never overlap,
// and one that would run past the next phase change is shortened (its own cue, duration and
// round go first, then the next one's) or dropped. A countdown tick that falls inside a phrase
// gives way to it (tickGivesWay).

#include "core/i18n.hpp"
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
// A timed phase this short is announced by the phase before it ("Next: Left. Press the foot
// into the rope. 6 seconds."), so it starts on its cue with nothing left to say; a longer one
// says its own instruction and duration as it starts.
inline constexpr Millis kAheadUpToMs = 8'000;
// ...provided the phase before lasts this long: in a shorter one not even "Left. Squeeze." fits
// after its sound, so the short phase says itself as it starts.
inline constexpr Millis kAheadFromMs = 3'000;
// How a manual step is continued, said as it starts and while it waits (translated as said).
inline constexpr const char* kHowToContinue = N_("Press play or space to go on.");
inline constexpr const char* kManualReminder = N_("Press play or space when you are ready.");

// Whether phase `i` is said by the phase before it (short, not the first, no `say` on either,
// the one before not too short).
[[nodiscard]] bool announcedAhead(const Timeline& timeline, std::size_t i);

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
    bool duringWait = false; // said in a manual phase, while it waits
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
    bool duringWait = false;
};

// Every phrase's slot, in time order.
[[nodiscard]] std::vector<PhraseSlot> phraseSlots(const Timeline& timeline, const CueOptions& cues);
// The first choice that ends in time (measured by `length`), or the slot dropped.
[[nodiscard]] Phrase fitPhrase(const PhraseSlot& slot, const PhraseLength& length);

// What is said, in time order. Lengths are asked once per distinct text.
[[nodiscard]] std::vector<Phrase> planPhrases(const Timeline& timeline, const CueOptions& cues,
                                              const PhraseLength& length);

// Whether a countdown tick at `atMs` falls inside a phrase said (from its start to its end,
// plus the time a tick sounds before): the tick is not played, the voice goes on.
inline constexpr Millis kTickSoundMs = 400;
[[nodiscard]] bool tickGivesWay(const std::vector<Phrase>& phrases, Millis atMs);
// The plan's countdown ticks that give way to a phrase taken out, as the app leaves them out.
void dropTicksUnderPhrases(CuePlan& plan, const std::vector<Phrase>& phrases);

// "Done." and the time spent, as said at the end (`spentMs` rounded to the second).
[[nodiscard]] std::string donePhrase(Millis spentMs);

} // namespace unknot
