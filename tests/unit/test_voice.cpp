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
