#include "audio/cue_mixer.hpp"
#include "audio/loudness.hpp"
#include "store/settings.hpp"

#include <SDL.h>

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <numbers>
#include <string>
#include <vector>

using namespace unknot;

namespace {

std::vector<std::int16_t> sine(double frequency, double peakDbfs, double seconds, unsigned rate = 48000) {
    std::vector<std::int16_t> out(static_cast<std::size_t>(seconds * rate));
    const double amplitude = 32767.0 * std::pow(10.0, peakDbfs / 20.0);
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i] = static_cast<std::int16_t>(
            std::lround(amplitude * std::sin(2 * std::numbers::pi * frequency * static_cast<double>(i) / rate)));
    return out;
}

} // namespace

TEST_CASE("cue loudness reads BS.1770 reference levels") {
    // A 1 kHz sine in one channel reads 3.01 dB under its peak level (BS.1770's calibration).
    const auto steady = measureCueLoudness(sine(1000, -20, 1.0), 1, 48000);
    REQUIRE(steady);
    CHECK(steady->maxMomentaryLufs == doctest::Approx(-23.01).epsilon(0.005));
    CHECK(steady->truePeakDbtp == doctest::Approx(-20.0).epsilon(0.01));
    // A 100 ms burst fills a quarter of the 400 ms window: 6 dB less than the steady tone.
    const auto burst = measureCueLoudness(sine(1000, -20, 0.1), 1, 48000);
    REQUIRE(burst);
    CHECK(burst->maxMomentaryLufs == doctest::Approx(-29.03).epsilon(0.01));
    // Silence has no loudness, and a bad format is refused rather than guessed.
    const std::vector<std::int16_t> silence(48000, 0);
    CHECK(std::isinf(measureCueLoudness(silence, 1, 48000)->maxMomentaryLufs));
    CHECK_FALSE(measureCueLoudness(silence, 0, 48000));
}

TEST_CASE("every built-in cue sound is at the cue loudness with headroom to spare") {
    const std::filesystem::path dir = std::filesystem::path(UNKNOT_SOURCE_DIR) / "assets" / "sounds";
    for (const char* name : kCueSoundNames) {
        CAPTURE(name);
        SDL_AudioSpec spec{};
        Uint8* buffer = nullptr;
        Uint32 bytes = 0;
        REQUIRE(SDL_LoadWAV((dir / (std::string(name) + ".wav")).string().c_str(), &spec, &buffer, &bytes));
        CHECK(spec.format == AUDIO_S16SYS);
        const std::span<const std::int16_t> samples(reinterpret_cast<const std::int16_t*>(buffer), bytes / 2);
        const auto l = measureCueLoudness(samples, spec.channels, static_cast<unsigned>(spec.freq));
        SDL_FreeWAV(buffer);
        REQUIRE(l);
        CHECK(std::abs(l->maxMomentaryLufs - kCueLoudnessLufs) <= kCueLoudnessToleranceLu);
        CHECK(l->truePeakDbtp <= kCueMaxTruePeakDbtp);
    }
}

TEST_CASE("the last countdown tick has its own sound") {
    Timeline timeline;
    FiredCue tick{CueType::Countdown, 0, 3, 0};
    CHECK(soundFor(tick, timeline) == SoundId::Countdown);
    tick.count = 2;
    CHECK(soundFor(tick, timeline) == SoundId::Countdown);
    tick.count = 1;
    CHECK(soundFor(tick, timeline) == SoundId::CountdownLast);
    CHECK(std::string(soundName(SoundId::CountdownLast)) == "countdown-last");
}

TEST_CASE("the feedback sounds are short and quieter than the cues") {
    const std::filesystem::path dir = std::filesystem::path(UNKNOT_SOURCE_DIR) / "assets" / "sounds" / "feedback";
    for (const char* name : kFeedbackSoundNames) {
        CAPTURE(name);
        SDL_AudioSpec spec{};
        Uint8* buffer = nullptr;
        Uint32 bytes = 0;
        REQUIRE(SDL_LoadWAV((dir / (std::string(name) + ".wav")).string().c_str(), &spec, &buffer, &bytes));
        const std::span<const std::int16_t> samples(reinterpret_cast<const std::int16_t*>(buffer), bytes / 2);
        const double seconds = static_cast<double>(samples.size()) / spec.channels / spec.freq;
        const auto l = measureCueLoudness(samples, spec.channels, static_cast<unsigned>(spec.freq));
        SDL_FreeWAV(buffer);
        REQUIRE(l);
        CHECK(seconds <= 0.150);
        CHECK(l->maxMomentaryLufs >= -20.0);
        CHECK(l->maxMomentaryLufs <= -17.0);
        CHECK(l->truePeakDbtp <= kCueMaxTruePeakDbtp);
    }
}

TEST_CASE("speech normalised to the cue loudness keeps its peaks under the ceiling") {
    // A quiet tone with a few sharp clicks: raised to the target, the clicks would clip.
    constexpr unsigned rate = 16000;
    std::vector<std::int16_t> s(rate * 2);
    for (std::size_t i = 0; i < s.size(); ++i)
        s[i] = static_cast<std::int16_t>(600.0 * std::sin(2.0 * 3.14159265 * 440.0 * static_cast<double>(i) / rate));
    for (std::size_t at = 4000; at < s.size(); at += 7000) s[at] = 12000;
    normaliseSpeech(s, rate);
    const auto l = measureCueLoudness(s, 1, rate);
    REQUIRE(l);
    CHECK(std::fabs(l->maxMomentaryLufs - kCueLoudnessLufs) <= 0.5);
    CHECK(l->truePeakDbtp <= kCueMaxTruePeakDbtp);

    std::vector<std::int16_t> silence(rate, 0);
    normaliseSpeech(silence, rate);
    CHECK(std::all_of(silence.begin(), silence.end(), [](std::int16_t v) { return v == 0; }));
}
