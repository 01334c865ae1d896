#include "audio/loudness.hpp"

#include <ebur128.h>

#include <algorithm>
#include <cmath>
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
