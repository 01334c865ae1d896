#include "audio/loudness.hpp"
#include "audio/voice.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>

using namespace unknot;

namespace {
double seconds(const SpokenPhrase& p) { return static_cast<double>(p.frames(2)) / 48000.0; }
int peak(const SpokenPhrase& p) {
    int most = 0;
    for (std::int16_t s : p.samples) most = std::max(most, std::abs(static_cast<int>(s)));
    return most;
}
} // namespace

TEST_CASE("every Flite voice Debian ships speaks a word at the device's rate and layout") {
    for (std::string_view name : kVoiceNames) {
        CAPTURE(name);
        const auto voice = Voice::open(name, 1.0, 48000, 2);
        REQUIRE(voice);
        const SpokenPhrase left = voice->speak("Left.");
        CHECK(left.samples.size() % 2 == 0);
        CHECK(seconds(left) > 0.2);
        CHECK(seconds(left) < 1.5);
        CHECK(peak(left) > 1000); // not silence
        // Both channels carry the same mono voice.
        bool same = true;
        for (std::size_t i = 0; i + 1 < left.samples.size(); i += 2) same = same && left.samples[i] == left.samples[i + 1];
        CHECK(same);
    }
}

TEST_CASE("a faster rate says the same words in less time") {
    const auto normal = Voice::open(kDefaultVoice, 1.0, 48000, 2);
    const auto fast = Voice::open(kDefaultVoice, 1.6, 48000, 2);
    REQUIRE(normal);
    REQUIRE(fast);
    const std::string text = "Switch to the right side.";
    const double slow = seconds(normal->speak(text)), quick = seconds(fast->speak(text));
    CHECK(quick < slow * 0.8);
    CHECK(quick > slow * 0.4);
}

TEST_CASE("a phrase's sentences: each with its mark, split only where a space follows") {
    using V = std::vector<std::string>;
    CHECK(sentencesOf("Left. Rest. 10 seconds.") == V{"Left.", "Rest.", "10 seconds."});
    CHECK(sentencesOf("Next: Round 2 of 4!  Left?") == V{"Next: Round 2 of 4!", "Left?"});
    CHECK(sentencesOf("Hold 1.5 minutes, e.g.now") == V{"Hold 1.5 minutes, e.g.now"});
    CHECK(sentencesOf(" Done. ") == V{"Done."});
    CHECK(sentencesOf("...").size() == 1);
    CHECK(sentencesOf("").empty());
}

namespace {
// The longest run of near silence (under 1 % of full scale) between the first and the last sound.
double longestInnerSilence(const SpokenPhrase& p, int rate) {
    std::size_t first = p.samples.size(), last = 0;
    for (std::size_t i = 0; i < p.samples.size(); ++i)
        if (std::abs(static_cast<int>(p.samples[i])) > 327) {
            first = std::min(first, i);
            last = i;
        }
    std::size_t run = 0, longest = 0;
    for (std::size_t i = first; i < last; ++i) {
        run = std::abs(static_cast<int>(p.samples[i])) <= 327 ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    return static_cast<double>(longest) / rate;
}
} // namespace

TEST_CASE("sentences are said apart: \"Left. Rest.\" has its pause, shorter when faster") {
    const auto normal = Voice::open(kDefaultVoice, 1.0, 48000, 1);
    const auto fast = Voice::open(kDefaultVoice, 1.5, 48000, 1);
    REQUIRE(normal);
    REQUIRE(fast);
    const double apart = longestInnerSilence(normal->speak("Left. Rest."), 48000);
    CHECK(apart >= kSentenceGapSeconds);
    CHECK(apart < kSentenceGapSeconds + 0.5); // the gap and Flite's quiet edges, no more
    // One sentence has no such pause.
    CHECK(longestInnerSilence(normal->speak("Left rest."), 48000) < kSentenceGapSeconds);
    const double quicker = longestInnerSilence(fast->speak("Left. Rest."), 48000);
    CHECK(quicker < apart);
    CHECK(quicker >= kSentenceGapSeconds / 1.5);
}

TEST_CASE("unknown voices, rates out of range and empty text give nothing") {
    CHECK_FALSE(Voice::open("time_awb", 1.0, 48000, 2));
    CHECK_FALSE(Voice::open("nobody", 1.0, 48000, 2));
    CHECK_FALSE(Voice::open(kDefaultVoice, 0.1, 48000, 2));
    CHECK_FALSE(Voice::open(kDefaultVoice, 1.0, 0, 2));
    const auto voice = Voice::open(kDefaultVoice, 1.0, 44100, 1);
    REQUIRE(voice);
    CHECK(voice->speak("").samples.empty());
    CHECK(voice->speak("Done.").frames(1) > 4410);
}

TEST_CASE("every voice says its phrases as loud as the cue sounds, peaks under the ceiling") {
    for (std::string_view name : kVoiceNames) {
        const auto voice = Voice::open(name, 1.0, 48000, 2);
        REQUIRE(voice);
        for (const char* text : {"Left.", "Next: right, press the foot into the rope, 6 seconds.", "Halfway."}) {
            CAPTURE(name);
            CAPTURE(text);
            const SpokenPhrase said = voice->speak(text);
            // Stereo reads 3 LU above the mono cue files, the way the cues sound on two speakers.
            const auto l = measureCueLoudness(said.samples, 2, 48000);
            REQUIRE(l);
            CHECK(std::fabs(l->maxMomentaryLufs - (kCueLoudnessLufs + 3.0)) <= kCueLoudnessToleranceLu);
            CHECK(l->truePeakDbtp <= kCueMaxTruePeakDbtp);
        }
    }
}
