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

#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace unknot {

// The placeholders a step's `say` may hold, as {label}, {side}, …
inline constexpr std::array<std::string_view, 6> kSayPlaceholders = {"label", "side",   "duration",
                                                                     "round", "rounds", "next"};

// The first mistake in a `say` text (an unknown placeholder, a brace left open), with its byte
// offset in the text; nothing when it is fine.
struct SayTemplateError {
    std::size_t offset = 0;
    std::string message;
};
[[nodiscard]] std::optional<SayTemplateError> checkSayTemplate(std::string_view text);

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

// What a routine's voice costs, from its text alone (no voice needed), so a routine that would
// take minutes to plan or gigabytes to play is refused when it is read. Every choice a phrase
// may take counts (fitting one may synthesise them all), each distinct text once (the voice
// speaks a text once however often it comes back).
struct SpeechCost {
    std::size_t longestPhraseBytes = 0; // the longest single choice
    std::size_t longestPhase = 0;       // whose phrase that is
    std::size_t distinctBytes = 0;      // all distinct texts; saturates just above kMaxSpokenBytes
    std::size_t heaviestPhase = 0;      // the phase that adds the most of them
};
// About 15 bytes of English text make a second of speech at the default rate.
inline constexpr std::size_t kSpokenBytesPerSecond = 15;
// One phrase: a minute of speech. The built-in routines' longest is under 150 bytes.
inline constexpr std::size_t kMaxPhraseBytes = 1000;
// All a routine may say: about 18 minutes of distinct speech. At 18,000 bytes `unknot plan`
// (which synthesises every choice to measure it) took 3.9 s in the debug build; the app holds
// each phrase said at 48 kHz stereo, 192 KB a second: about 200 MB at this bound.
inline constexpr std::size_t kMaxSpokenBytes = 16'000;
[[nodiscard]] SpeechCost measureSpeech(const Timeline& timeline);

// "Done." and the time spent, as said at the end (`spentMs` rounded to the second).
[[nodiscard]] std::string donePhrase(Millis spentMs);

} // namespace unknot
