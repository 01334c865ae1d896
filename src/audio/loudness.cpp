#include "audio/loudness.hpp"

#include <ebur128.h>

#include <algorithm>
#include <cmath>
#include <deque>
#include <limits>
#include <memory>
#include <vector>

namespace unknot {

namespace {

struct StateDeleter {
    void operator()(ebur128_state* st) const { ebur128_destroy(&st); }
};
using State = std::unique_ptr<ebur128_state, StateDeleter>;

} // namespace

std::optional<Loudness> measureCueLoudness(std::span<const std::int16_t> interleaved, unsigned channels,
                                           unsigned sampleRate) {
    if (channels == 0 || sampleRate == 0) return std::nullopt;
    State st(ebur128_init(channels, sampleRate, EBUR128_MODE_M | EBUR128_MODE_TRUE_PEAK));
    if (!st) return std::nullopt;

    const std::size_t block = std::max<std::size_t>(1, sampleRate / 10) * channels; // 100 ms
    double loudest = -std::numeric_limits<double>::infinity();
    const auto feed = [&](const std::int16_t* samples, std::size_t count) {
        if (ebur128_add_frames_short(st.get(), samples, count / channels) != EBUR128_SUCCESS) return false;
        double momentary = 0;
        if (ebur128_loudness_momentary(st.get(), &momentary) != EBUR128_SUCCESS) return false;
        loudest = std::max(loudest, momentary);
        return true;
    };
    const std::size_t whole = interleaved.size() - interleaved.size() % channels;
    for (std::size_t at = 0; at < whole; at += block)
        if (!feed(interleaved.data() + at, std::min(block, whole - at))) return std::nullopt;
    const std::vector<std::int16_t> silence(block, 0);
    for (int i = 0; i < 4; ++i) // 400 ms: the window slides past the end
        if (!feed(silence.data(), silence.size())) return std::nullopt;

    double peak = 0;
    for (unsigned c = 0; c < channels; ++c) {
        double p = 0;
        if (ebur128_true_peak(st.get(), c, &p) != EBUR128_SUCCESS) return std::nullopt;
        peak = std::max(peak, p);
    }
    return Loudness{loudest, peak > 0 ? 20.0 * std::log10(peak) : -std::numeric_limits<double>::infinity()};
}

} // namespace unknot

namespace unknot {

namespace {

// The limiter looks this far either side of a peak, so the gain is already down when it comes
// and eases back after (no click); speech peaks last a few ms.
constexpr double kLookSeconds = 0.003;
constexpr double kReleaseSeconds = 0.04;
// True peak runs a little above the sample peak between samples: the samples stop this far under
// the ceiling.
constexpr double kInterSampleMarginDb = 0.6;

// Scales `samples` by `gain` with every sample kept under `ceiling` (linear, in sample units).
void scaleLimited(const std::vector<float>& samples, double gain, float ceiling, unsigned sampleRate,
                  std::vector<std::int16_t>& out) {
    const std::size_t n = samples.size();
    std::vector<float> need(n, 1.0f); // the gain each sample needs to stay under the ceiling
    for (std::size_t i = 0; i < n; ++i) {
        const float a = std::fabs(samples[i]) * static_cast<float>(gain);
        if (a > ceiling) need[i] = ceiling / a;
    }
    const auto look = static_cast<std::size_t>(kLookSeconds * sampleRate) + 1;
    // The lowest need within `look` either side (a peak's reduction begins before it), then
    // released slowly forward and backward so the gain never jumps.
    std::vector<float> g(n, 1.0f);
    std::deque<std::size_t> window; // indices of increasing need, for a running minimum
    for (std::size_t i = 0; i < n + look; ++i) {
        if (i < n) {
            while (!window.empty() && need[window.back()] >= need[i]) window.pop_back();
            window.push_back(i);
        }
        if (i < look) continue;
        const std::size_t centre = i - look;
        while (window.front() + 2 * look < i) window.pop_front();
        g[centre] = need[window.front()];
    }
    const float release = static_cast<float>(1.0 - std::exp(-1.0 / (kReleaseSeconds * sampleRate)));
    for (std::size_t i = 1; i < n; ++i) g[i] = std::min(g[i], g[i - 1] + (1.0f - g[i - 1]) * release);
    for (std::size_t i = n; i-- > 1;) g[i - 1] = std::min(g[i - 1], g[i] + (1.0f - g[i]) * release);
    out.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        const float v = std::clamp(samples[i] * static_cast<float>(gain) * g[i], -ceiling, ceiling);
        out[i] = static_cast<std::int16_t>(std::lrint(v));
    }
}

} // namespace

void normaliseSpeech(std::vector<std::int16_t>& mono, unsigned sampleRate, double targetLufs, double ceilingDbtp) {
    if (mono.empty() || sampleRate == 0) return;
    const std::vector<float> original(mono.begin(), mono.end());
    const auto ceiling = static_cast<float>(32767.0 * std::pow(10.0, (ceilingDbtp - kInterSampleMarginDb) / 20.0));
    double gain = 1.0;
    // The limiter takes a little loudness off the peaks: measure again and make it up, twice.
    for (int pass = 0; pass < 3; ++pass) {
        const std::optional<Loudness> now = measureCueLoudness(mono, 1, sampleRate);
        if (!now || !std::isfinite(now->maxMomentaryLufs)) return;
        const double off = targetLufs - now->maxMomentaryLufs;
        if (pass > 0 && std::fabs(off) < 0.1) return;
        gain *= std::pow(10.0, off / 20.0);
        scaleLimited(original, gain, ceiling, sampleRate, mono);
    }
}

} // namespace unknot
