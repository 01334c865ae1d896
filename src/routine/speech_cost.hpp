#pragma once
// What a routine's voice costs, from its text alone (no voice needed), so a routine that would
// take minutes to plan or gigabytes to play is refused when it is read (issue 24: a shared
// 24 KB routine whose phases each said 32 × {next} grew the app by 37 MB a second).
//
// Measured on the expansion with every placeholder filled, the way the phrase plan fills them
// (play/phrase_plan.cpp): a phase's `say` (or its default "Round 2 of 5. Left. Label. 30
// seconds."), with and without the `say` of the blocks whose round begins there. Every such
// text counts (fitting a phrase may synthesise each), each distinct text once (the voice
// speaks a text once however often it comes back). Here, in the routine's folder, so the
// parser needs nothing beyond it.

#include "routine/timeline.hpp"

#include <cstddef>

namespace unknot {

struct SpeechCost {
    std::size_t longestPhraseBytes = 0; // the longest single text
    std::size_t longestPhase = 0;       // whose phrase that is
    std::size_t distinctBytes = 0;      // all distinct texts; stops counting just above kMaxSpokenBytes
    std::size_t heaviestPhase = 0;      // the phase that adds the most of them
};

// About 15 bytes of English text make a second of speech at the default rate.
inline constexpr std::size_t kSpokenBytesPerSecond = 15;
// One phrase: about a minute of speech. The built-in routines' longest is under 100 bytes.
inline constexpr std::size_t kMaxPhraseBytes = 1000;
// All a routine may say: about 18 minutes of distinct speech. At 18,000 bytes `unknot plan`
// (which synthesises every choice to measure it) took 3.9 s in the debug build; the app holds
// each phrase said at 48 kHz stereo, 192 KB a second: about 200 MB at this bound.
inline constexpr std::size_t kMaxSpokenBytes = 16'000;

[[nodiscard]] SpeechCost measureSpeech(const Timeline& timeline);

} // namespace unknot
