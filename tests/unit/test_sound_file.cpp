// Sound files read before any decoder sees them: the hostile ones are built here from their
// description (a WAV with zero channels, a FLAC whose header claims 5 s and holds hours).
#include "audio/sound_file.hpp"

#include "sound_files.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <string>

using namespace unknot;
using namespace std::string_literals;
using namespace unknot::test;

namespace {

std::string problemOf(const std::string& bytes) {
    const auto r = inspectSound(bytes);
    const auto* p = std::get_if<std::string>(&r);
    return p ? *p : std::string();
}

} // namespace

TEST_CASE("a WAV's shape is checked and its sound counted from its data chunk") {
    const auto good = inspectSound(wavOf(2, 48'000, 16, 48'000 * 4));
    REQUIRE(std::holds_alternative<SoundFacts>(good));
    CHECK(std::get<SoundFacts>(good).channels == 2);
    CHECK(std::get<SoundFacts>(good).maxFrames == 48'000);
    CHECK(std::get<SoundFacts>(good).maxSeconds() == doctest::Approx(1.0));

    const std::string zero = wavOf(0, 48'000, 16, 100, 1, 4); // the 144-byte file that killed SDL
    CHECK(zero.size() == 144);
    CHECK(problemOf(zero) == "it has no channels");
    CHECK(problemOf(wavOf(0, 48'000, 16, 100, 1, 0)) == "it has no channels");
    CHECK(problemOf(wavOf(9, 48'000, 16, 100)).find("at most 8") != std::string::npos);
    CHECK(problemOf(wavOf(2, 0, 16, 100)).find("rate of 0") != std::string::npos);
    CHECK(problemOf(wavOf(2, 48'000, 16, 100, 1, 0)).find("block size 0") != std::string::npos);
    CHECK(problemOf(wavOf(2, 48'000, 12, 100)).find("encoding") != std::string::npos);
    CHECK(problemOf(wavOf(2, 48'000, 16, 100, 0x55)).find("encoding") != std::string::npos);
    CHECK(problemOf(wavOf(2, 48'000, 16, 0)) == "it holds no sound");
    CHECK(problemOf("RIFF\x04\0\0\0WAVE"s) == "it has no format chunk");
    // A data chunk claiming 4 GiB counts only what the file holds.
    std::string liar = wavOf(1, 8'000, 8, 8'000);
    liar.replace(40, 4, u32(0xFFFFFFF0));
    REQUIRE(std::holds_alternative<SoundFacts>(inspectSound(liar)));
    CHECK(std::get<SoundFacts>(inspectSound(liar)).maxFrames == 8'000);
}

TEST_CASE("a FLAC is counted by its frames, not by the length its header claims") {
    const std::uint64_t fiveSeconds = 5 * 44'100;
    const auto honest = inspectSound(flacOf(fiveSeconds, 54)); // 54 × 4096 samples: 5.0 s
    REQUIRE(std::holds_alternative<SoundFacts>(honest));
    CHECK(std::get<SoundFacts>(honest).maxSeconds() == doctest::Approx(5.0).epsilon(0.01));
    // Claims 5 s, holds 2 hours of silent frames: 77,520 of them in under a megabyte.
    const std::string hours = flacOf(fiveSeconds, 77'520);
    CHECK(hours.size() < (1u << 20));
    const auto lying = inspectSound(hours);
    REQUIRE(std::holds_alternative<SoundFacts>(lying));
    CHECK(std::get<SoundFacts>(lying).maxSeconds() > 7'199);
    // A frame header whose CRC does not match is not one a decoder takes.
    std::string damaged = flacOf(fiveSeconds, 1);
    damaged.back() ^= 0; // the subframe and CRC-16 are not read
    damaged[damaged.size() - 6] ^= 0x01;
    CHECK(problemOf(damaged) == "it holds no sound");
    CHECK(problemOf("fLaC") == "its header is cut short");
}

TEST_CASE("Ogg, MP3 and anything else") {
    // An Ogg page with an Opus head of zero channels.
    std::string head = "OpusHead";
    head += static_cast<char>(1);
    head += static_cast<char>(0); // channels
    head += std::string(9, '\0');
    std::string page = "OggS" + std::string(22, '\0');
    page += static_cast<char>(1);
    page += static_cast<char>(head.size());
    CHECK(problemOf(page + head) == "it has no channels");
    CHECK(problemOf("OggS" + std::string(40, 'x')).find("neither Vorbis nor Opus") != std::string::npos);
    // MPEG-1 layer III, 128 kbit/s, 44.1 kHz: 417-byte frames of 1152 samples.
    std::string frame = "\xFF\xFB\x90\x00"s;
    frame += std::string(417 - 4, '\0');
    std::string mp3;
    for (int i = 0; i < 10; ++i) mp3 += frame;
    const auto facts = inspectSound("ID3\x03\0\0\0\0\0\x02xx"s + mp3);
    REQUIRE(std::holds_alternative<SoundFacts>(facts));
    CHECK(std::get<SoundFacts>(facts).maxFrames == 11'520);
    CHECK(std::get<SoundFacts>(facts).rate == 44'100);
    CHECK(problemOf("plain text, not a sound").find("not a sound file") != std::string::npos);
    CHECK(problemOf("FORM....AIFF").find("not a sound file") != std::string::npos);
}
