#pragma once
// What a sound file holds, read from its bytes before any decoder sees them.
//
// The user's cue sounds are files from anywhere, and a decoder trusts them: a WAV with zero
// channels divides by zero inside SDL, and a FLAC whose header claims 5 s can hold 2 hours of
// frames that decode to gigabytes. So each file is walked here first: its format must be one
// the decoders handle sanely, and the sound it holds is counted from the stream itself (WAV's
// data chunk, FLAC's frame headers, Ogg's packets, MP3's frames), not taken from a header.

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

namespace unknot {

struct SoundFacts {
    std::string format;          // "WAV", "FLAC", "Ogg Vorbis", "Ogg Opus", "MP3"
    int channels = 0;            // 1 to kMaxSoundChannels
    int rate = 0;                // frames per second
    std::uint64_t maxFrames = 0; // at most this many frames decode from it (an upper bound)
    [[nodiscard]] double maxSeconds() const { return static_cast<double>(maxFrames) / rate; }
};

inline constexpr int kMaxSoundChannels = 8;
inline constexpr int kMinSoundRate = 1000;
inline constexpr int kMaxSoundRate = 384'000;

// The facts, or why the file cannot be a sound (an impossible format, zero channels, no sound).
[[nodiscard]] std::variant<SoundFacts, std::string> inspectSound(std::string_view bytes);

} // namespace unknot
