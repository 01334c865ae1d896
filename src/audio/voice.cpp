#include "audio/voice.hpp"

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

#include "audio/loudness.hpp"
#include "core/i18n.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <mutex>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

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

std::vector<std::string> sentencesOf(std::string_view text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    const auto add = [&](std::size_t end) {
        while (start < end && text[start] == ' ') ++start;
        while (end > start && text[end - 1] == ' ') --end;
        if (end > start) out.emplace_back(text.substr(start, end - start));
    };
    for (std::size_t i = 0; i + 1 < text.size(); ++i) {
        const char c = text[i];
        if ((c == '.' || c == '!' || c == '?') && text[i + 1] == ' ') {
            add(i + 1);
            start = i + 1;
        }
    }
    add(text.size());
    return out;
}

SpokenPhrase Voice::speak(const std::string& text) const {
    SpokenPhrase out;
    if (text.empty()) return out;
    if (!espeakVoice_.empty()) return speakEspeak(text);
    // Set at every phrase: Voices of one name share Flite's voice and its features.
    feat_set_float(voice_->voice->features, "duration_stretch", voice_->durationStretch);
    std::vector<std::int16_t> mono;
    int rate = 0;
    for (const std::string& sentence : sentencesOf(text)) {
        std::unique_ptr<cst_wave, WaveDeleter> wave(flite_text_to_wave(sentence.c_str(), voice_->voice));
        if (!wave || cst_wave_num_samples(wave.get()) <= 0 || cst_wave_num_channels(wave.get()) != 1) return out;
        rate = cst_wave_sample_rate(wave.get());
        if (!mono.empty())
            mono.resize(mono.size() + static_cast<std::size_t>(kSentenceGapSeconds * voice_->durationStretch * rate));
        mono.insert(mono.end(), cst_wave_samples(wave.get()),
                    cst_wave_samples(wave.get()) + cst_wave_num_samples(wave.get()));
    }
    return levelled(std::move(mono), rate);
}

SpokenPhrase Voice::levelled(std::vector<std::int16_t> mono, int fromRate) const {
    SpokenPhrase out;
    if (mono.empty() || fromRate <= 0) return out;
    std::unique_ptr<SDL_AudioStream, StreamDeleter> stream(
        SDL_NewAudioStream(AUDIO_S16SYS, 1, fromRate, AUDIO_S16SYS, static_cast<Uint8>(channels_), sampleRate_));
    if (!stream) return out;
    // As loud as the cue sounds, in every language: Flite's voices come out 3 to 10 LU under
    // them, each its own, and espeak-ng louder again and unevenly across languages.
    normaliseSpeech(mono, static_cast<unsigned>(fromRate));
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

// ---------------------------------------------------------------------------------------------
// espeak-ng, as a program

namespace {

// espeak-ng's voice for each language shipped.
std::string espeakVoiceFor(std::string_view language) {
    if (language == "pt_BR") return "pt-br";
    std::string out(language);
    for (char& c : out) c = c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string espeakProgram() {
    if (const char* v = std::getenv("UNKNOT_ESPEAK"); v && *v) return v;
    return "espeak-ng";
}

// Runs `argv` with `input` on its standard input; its standard output, or nothing when it
// could not run or failed. The phrases are a few hundred bytes: the input fits a pipe's buffer.
std::optional<std::string> runProgram(const std::vector<std::string>& args, const std::string& input) {
    int in[2], out[2];
    if (pipe2(in, O_CLOEXEC) != 0) return std::nullopt;
    if (pipe2(out, O_CLOEXEC) != 0) {
        close(in[0]);
        close(in[1]);
        return std::nullopt;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in[0], STDIN_FILENO);
    posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    pid_t pid = -1;
    int spawned = 0;
    {
        // A language switch rewrites the environment (LANGUAGE) under the i18n lock: the spawn
        // reads `environ` while no switch can run (ThreadSanitizer, Debian 13).
        const SameLanguage steady;
        spawned = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    }
    posix_spawn_file_actions_destroy(&actions);
    close(in[0]);
    close(out[1]);
    if (spawned != 0) {
        close(in[1]);
        close(out[0]);
        return std::nullopt;
    }
    const char* p = input.data();
    std::size_t left = input.size();
    while (left > 0) {
        const ssize_t n = write(in[1], p, left);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    close(in[1]);
    std::string result;
    char buffer[1 << 14];
    for (;;) {
        const ssize_t n = read(out[0], buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        result.append(buffer, static_cast<std::size_t>(n));
        if (result.size() > (64u << 20)) break; // a phrase is never this long: something is wrong
    }
    close(out[0]);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return std::nullopt;
    return result;
}

std::uint32_t le32(const std::string& b, std::size_t at) {
    return static_cast<std::uint32_t>(static_cast<unsigned char>(b[at])) |
           static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 1])) << 8 |
           static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 2])) << 16 |
           static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 3])) << 24;
}
std::uint16_t le16(const std::string& b, std::size_t at) {
    return static_cast<std::uint16_t>(static_cast<unsigned char>(b[at]) | static_cast<unsigned char>(b[at + 1]) << 8);
}

struct MonoWave {
    int rate = 0;
    std::vector<std::int16_t> samples;
};

// espeak-ng's --stdout: a RIFF WAVE of 16-bit mono whose sizes say "unknown" (it streams), so
// the data runs to the end.
std::optional<MonoWave> parseStreamedWave(const std::string& b) {
    if (b.size() < 12 || b.compare(0, 4, "RIFF") != 0 || b.compare(8, 4, "WAVE") != 0) return std::nullopt;
    MonoWave w;
    bool format = false;
    for (std::size_t at = 12; at + 8 <= b.size();) {
        const std::string id = b.substr(at, 4);
        const std::uint32_t size = le32(b, at + 4);
        if (id == "fmt " && at + 24 <= b.size()) {
            if (le16(b, at + 8) != 1 || le16(b, at + 10) != 1 || le16(b, at + 22) != 16) return std::nullopt;
            w.rate = static_cast<int>(le32(b, at + 12));
            format = true;
        } else if (id == "data") {
            if (!format) return std::nullopt;
            const std::size_t begin = at + 8;
            const std::size_t count = std::min<std::size_t>(size, b.size() - begin) / 2;
            w.samples.resize(count);
            std::memcpy(w.samples.data(), b.data() + begin, count * 2); // little-endian, as x86 and arm64
            return w;
        }
        at += 8 + size + (size & 1);
    }
    return std::nullopt;
}

} // namespace

std::unique_ptr<Voice> Voice::openEspeak(std::string_view language, double rate, int sampleRate, int channels) {
    if (rate < 0.5 || rate > 2.0 || sampleRate <= 0 || channels < 1 || channels > 2) return nullptr;
    auto voice = std::unique_ptr<Voice>(new Voice(nullptr, "espeak-ng", sampleRate, channels));
    voice->espeakVoice_ = espeakVoiceFor(language);
    // espeak-ng's 175 words a minute as recorded; it takes 80 to 450.
    voice->espeakWordsPerMinute_ = std::clamp(static_cast<int>(175.0 * rate + 0.5), 80, 450);
    // A word said, so a missing program or voice is known now and not at the first phrase.
    if (voice->speakEspeak("1").samples.empty()) return nullptr;
    return voice;
}

SpokenPhrase Voice::speakEspeak(const std::string& text) const {
    const auto output = runProgram(
        {espeakProgram(), "--stdout", "-v", espeakVoice_, "-s", std::to_string(espeakWordsPerMinute_)}, text);
    if (!output) return {};
    auto wave = parseStreamedWave(*output);
    if (!wave || wave->samples.empty()) return {};
    return levelled(std::move(wave->samples), wave->rate);
}

std::unique_ptr<Voice> openVoiceFor(const VoiceSettings& settings, std::string_view language, int sampleRate,
                                    int channels, std::string* whyNot) {
    if (language.empty() || language == "en") {
        auto voice = Voice::open(settings.name, settings.rate, sampleRate, channels);
        if (!voice) voice = Voice::open(kDefaultVoice, 1.0, sampleRate, channels);
        return voice;
    }
    auto voice = Voice::openEspeak(language, settings.rate, sampleRate, channels);
    if (!voice && whyNot)
        *whyNot = _("The voice speaks languages other than English through espeak-ng, which is not installed: "
                    "you hear the cue sounds only. Install the espeak-ng package to hear the guide.");
    return voice;
}

} // namespace unknot
