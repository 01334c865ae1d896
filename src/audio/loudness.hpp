#pragma once
// Loudness as people hear it (ITU-R BS.1770 through libebur128), for short cue sounds.
// A cue is shorter than the 400 ms momentary window (integrated loudness is -inf below that),
// so its loudness is the highest momentary loudness while the window slides over it: the
// samples are fed in blocks of 100 ms, then 400 ms of silence, and the maximum is kept.

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace unknot {

struct Loudness {
    double maxMomentaryLufs = 0; // LUFS; -inf for silence
    double truePeakDbtp = 0;     // dBTP (4x oversampled peak), -inf for silence
};

// The cue loudness target every built-in sound is made to, and how far one may stray.
inline constexpr double kCueLoudnessLufs = -16.0;
inline constexpr double kCueLoudnessToleranceLu = 1.0;
inline constexpr double kCueMaxTruePeakDbtp = -1.0;

// Of interleaved signed 16-bit samples, each channel weighted as BS.1770 says (a mono file is
// one channel; played on two speakers it sounds 3 LU louder, alike for every cue). Empty when
// libebur128 cannot take the format.
[[nodiscard]] std::optional<Loudness> measureCueLoudness(std::span<const std::int16_t> interleaved, unsigned channels,
                                                         unsigned sampleRate);

// A synthesised phrase brought to the cue loudness, so the voice sounds as loud as the cues:
// mono samples scaled to `targetLufs` (maximum momentary, as the cues are measured), their
// peaks held under `ceilingDbtp` by a look-ahead limiter (speech peaks sit well above its
// loudness). Done once per phrase on the voice's thread, never in the audio callback. Silence
// and sounds libebur128 cannot measure stay as they are.
void normaliseSpeech(std::vector<std::int16_t>& mono, unsigned sampleRate, double targetLufs = kCueLoudnessLufs,
                     double ceilingDbtp = kCueMaxTruePeakDbtp);

} // namespace unknot
