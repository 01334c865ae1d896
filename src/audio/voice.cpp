#include "audio/voice.hpp"

#include "audio/loudness.hpp"

#include <SDL.h>

extern "C" {
#include <flite/flite.h>
// Flite has no header for its voices: each voice library exports its register function.
cst_voice* register_cmu_us_kal(const char* voxdir);
cst_voice* register_cmu_us_kal16(const char* voxdir);
cst_voice* register_cmu_us_awb(const char* voxdir);
cst_voice* register_cmu_us_rms(const char* voxdir);
cst_voice* register_cmu_us_slt(const char* voxdir);
}

#include <algorithm>
#include <mutex>

namespace unknot {

namespace {

struct VoiceEntry {
    std::string_view name;
    cst_voice* (*reg)(const char*);
};

// Each register function returns the same process-wide voice every time it is called, and
// unregistering frees it for every holder: so a voice, once registered, stays for the life of
// the process (a few megabytes), shared by every Voice of that name.
constexpr VoiceEntry kVoices[] = {
    {"kal16", register_cmu_us_kal16}, {"kal", register_cmu_us_kal}, {"awb", register_cmu_us_awb},
    {"rms", register_cmu_us_rms},     {"slt", register_cmu_us_slt},
};

struct WaveDeleter {
    void operator()(cst_wave* w) const { delete_wave(w); }
};
struct StreamDeleter {
    void operator()(SDL_AudioStream* s) const { SDL_FreeAudioStream(s); }
};

} // namespace

struct Voice::Registered {
    cst_voice* voice = nullptr;
    float durationStretch = 1.0f;
};

std::unique_ptr<Voice> Voice::open(std::string_view name, double rate, int sampleRate, int channels) {
    if (rate < 0.5 || rate > 2.0 || sampleRate <= 0 || channels < 1 || channels > 2) return nullptr;
    const auto* entry = std::find_if(std::begin(kVoices), std::end(kVoices),
                                     [&](const VoiceEntry& e) { return e.name == name; });
    if (entry == std::end(kVoices)) return nullptr;
    static std::once_flag initialised;
    std::call_once(initialised, [] { flite_init(); });
    auto registered = std::make_unique<Registered>();
    registered->voice = entry->reg(nullptr);
    if (!registered->voice) return nullptr;
    // Flite stretches durations: 0.8 speaks in 80 % of the time, a rate of 1.25.
    registered->durationStretch = static_cast<float>(1.0 / rate);
    return std::unique_ptr<Voice>(new Voice(std::move(registered), entry->name, sampleRate, channels));
}

Voice::Voice(std::unique_ptr<Registered> registered, std::string_view name, int sampleRate, int channels)
    : voice_(std::move(registered)), name_(name), sampleRate_(sampleRate), channels_(channels) {}

Voice::~Voice() = default;

SpokenPhrase Voice::speak(const std::string& text) const {
    SpokenPhrase out;
    if (text.empty()) return out;
    // Set at every phrase: Voices of one name share Flite's voice and its features.
    feat_set_float(voice_->voice->features, "duration_stretch", voice_->durationStretch);
    std::unique_ptr<cst_wave, WaveDeleter> wave(flite_text_to_wave(text.c_str(), voice_->voice));
    if (!wave || cst_wave_num_samples(wave.get()) <= 0 || cst_wave_num_channels(wave.get()) != 1) return out;
    std::unique_ptr<SDL_AudioStream, StreamDeleter> stream(SDL_NewAudioStream(
        AUDIO_S16SYS, 1, cst_wave_sample_rate(wave.get()), AUDIO_S16SYS, static_cast<Uint8>(channels_), sampleRate_));
    if (!stream) return out;
    // As loud as the cue sounds: Flite's voices come out 3 to 10 LU under them, each its own.
    std::vector<std::int16_t> mono(cst_wave_samples(wave.get()),
                                   cst_wave_samples(wave.get()) + cst_wave_num_samples(wave.get()));
    normaliseSpeech(mono, static_cast<unsigned>(cst_wave_sample_rate(wave.get())));
    const int bytes = static_cast<int>(mono.size() * sizeof(std::int16_t));
    if (SDL_AudioStreamPut(stream.get(), mono.data(), bytes) != 0 || SDL_AudioStreamFlush(stream.get()) != 0)
        return out;
    out.samples.resize(static_cast<std::size_t>(SDL_AudioStreamAvailable(stream.get())) / sizeof(std::int16_t));
    const int got = SDL_AudioStreamGet(stream.get(), out.samples.data(),
                                       static_cast<int>(out.samples.size() * sizeof(std::int16_t)));
    out.samples.resize(got > 0 ? static_cast<std::size_t>(got) / sizeof(std::int16_t) : 0);
    out.samples.resize(out.samples.size() - out.samples.size() % static_cast<std::size_t>(channels_));
    return out;
}

} // namespace unknot
