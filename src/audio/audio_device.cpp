#include "audio/audio_device.hpp"

#include "audio/sound_file.hpp"
#include "core/atomic_file.hpp"
#include "core/i18n.hpp"

#include <SDL.h>
#include <SDL_mixer.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <map>

namespace unknot {

namespace {

void postMix(void* mixer, Uint8* stream, int bytes) {
    const auto frames = static_cast<std::size_t>(bytes) / (sizeof(std::int16_t) * AudioDevice::kChannels);
    static_cast<CueMixer*>(mixer)->render(reinterpret_cast<std::int16_t*>(stream), frames);
}

std::string formatName(Uint16 format) {
    switch (format) {
    case AUDIO_S16LSB: return "S16LSB";
    case AUDIO_S16MSB: return "S16MSB";
    case AUDIO_F32LSB: return "F32LSB";
    default: return "0x" + std::to_string(format);
    }
}

// The user's own cue sounds are files from anywhere: only regular files (/dev/zero hung the
// start-up, reading for ever), at most this large (a 1-hour WAV cost 2.1 GB)…
constexpr std::size_t kMaxCustomSoundBytes = 16u << 20;
// …and at most this long: a cue marks a moment. Checked from the file's header before decoding.
constexpr double kMaxCustomSoundSeconds = 10.0;
// The most sound a file may hold, counted from its stream before a decoder sees it: a FLAC
// whose header claimed 5 s held 2 hours (13.7 s to start, 2.8 GB). Above the cue limit, as
// the count is an upper bound (an Ogg Vorbis packet counts as half a long block).
constexpr double kMaxDecodedSeconds = 30.0;
// A sound that decodes to less than this share of the length its header claims is cut short
// or damaged (truncated WAVs used to play a silent or clipped cue without a word).
constexpr double kMinDecodedShare = 0.9;

struct ChunkDeleter {
    void operator()(Mix_Chunk* chunk) const { Mix_FreeChunk(chunk); }
};
using ChunkPtr = std::unique_ptr<Mix_Chunk, ChunkDeleter>;

std::string seconds(double s) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f s", s);
    return withDecimalSign(buf);
}

// Reads a custom sound file, checks it and decodes it; the reason when it cannot be used.
std::variant<ChunkPtr, std::string> loadCustomSound(const std::string& path, int frequency) {
    const FileText read = readRegularFile(path, kMaxCustomSoundBytes);
    if (!read.text) return read.error;
    const std::string& bytes = *read.text;
    if (bytes.empty()) return std::string(_("the file is empty"));
    // Zero channels made SDL divide by zero at every start; checked here, before SDL reads it.
    const auto facts = inspectSound(bytes);
    if (auto* problem = std::get_if<std::string>(&facts)) return *problem;
    const double holds = std::get<SoundFacts>(facts).maxSeconds();
    if (holds > kMaxDecodedSeconds)
        return unknot::format(_("it holds up to {0} of sound, whatever its header says; a cue sound lasts at most {1}"),
                              {seconds(holds), seconds(kMaxCustomSoundSeconds)});

    // How long the file says it is, from its header, before decoding it all.
    Mix_Music* music = Mix_LoadMUS_RW(SDL_RWFromConstMem(bytes.data(), static_cast<int>(bytes.size())), 1);
    if (!music) return std::string(Mix_GetError());
    const double claimed = Mix_MusicDuration(music);
    Mix_FreeMusic(music);
    if (!(claimed > 0)) return std::string(_("it holds no sound, or its length cannot be told"));
    if (claimed > kMaxCustomSoundSeconds)
        return unknot::format(_("it lasts {0}; a cue sound lasts at most {1}"),
                              {seconds(claimed), seconds(kMaxCustomSoundSeconds)});

    ChunkPtr chunk(Mix_LoadWAV_RW(SDL_RWFromConstMem(bytes.data(), static_cast<int>(bytes.size())), 1));
    if (!chunk) return std::string(Mix_GetError());
    const double decoded = static_cast<double>(chunk->alen) /
                           (sizeof(std::int16_t) * AudioDevice::kChannels * static_cast<double>(frequency));
    if (decoded < claimed * kMinDecodedShare)
        return unknot::format(_("it decodes to {0} of the {1} it claims: the file is cut short or damaged"),
                              {seconds(decoded), seconds(claimed)});
    return chunk;
}

} // namespace

struct AudioDevice::Chunks {
    std::array<Mix_Chunk*, static_cast<std::size_t>(SoundId::Count)> items{}; // into `owned`
    std::vector<ChunkPtr> owned; // each file decoded once, however many cues play it
};

AudioSubsystem::AudioSubsystem() : up_(SDL_InitSubSystem(SDL_INIT_AUDIO) == 0) {}
AudioSubsystem::~AudioSubsystem() {
    if (up_) SDL_QuitSubSystem(SDL_INIT_AUDIO);
}

namespace {
// What to do when the output the settings name cannot be used, or a built-in sound is missing.
std::string outputHint() {
    return _("Connect it, or choose another Output in Settings (S) (`output_device` in settings.toml); empty is "
             "the system's default");
}
std::string installHint() { return _("Install Unknot again: a sound file of its own is missing"); }
} // namespace

AudioDevice::AudioDevice() : chunks_(std::make_unique<Chunks>()) {}

std::variant<std::unique_ptr<AudioDevice>, std::string>
AudioDevice::open(const AudioOptions& options, std::vector<Notice>& notices, SessionHandover& resume) {
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) return unknot::format(_("no sound: {0}"), {SDL_GetError()});
    // No allowed changes: SDL converts to whatever the hardware wants, so the stream we fill
    // is always exactly this format and one frame is 1/48000 s.
    // The output the settings name when it is connected now; the system's default otherwise.
    std::string chosen;
    if (!options.outputDevice.empty()) {
        const auto connected = outputDevices();
        if (std::find(connected.begin(), connected.end(), options.outputDevice) != connected.end())
            chosen = options.outputDevice;
        else
            notices.push_back({unknot::format(_("the sound output \"{0}\" is not connected; using the default output"),
                                              {options.outputDevice}),
                               {},
                               outputHint()});
    }
    if (!chosen.empty() &&
        Mix_OpenAudioDevice(kFrequency, AUDIO_S16SYS, kChannels, kBufferFrames, chosen.c_str(), 0) != 0) {
        notices.push_back({unknot::format(_("cannot open the sound output \"{0}\" ({1}); using the default output"),
                                          {chosen, Mix_GetError()}),
                           {},
                           outputHint()});
        chosen.clear();
    }
    if (chosen.empty() && Mix_OpenAudioDevice(kFrequency, AUDIO_S16SYS, kChannels, kBufferFrames, nullptr, 0) != 0) {
        std::string error = unknot::format(_("no sound device: {0}"), {Mix_GetError()});
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
        return error;
    }
    auto device = std::unique_ptr<AudioDevice>(new AudioDevice());
    device->outputDevice_ = chosen;
    device->open_ = true;
    int frequency = 0, channels = 0;
    Uint16 format = 0;
    Mix_QuerySpec(&frequency, &format, &channels);
    const char* driver = SDL_GetCurrentAudioDriver();
    device->format_ = AudioFormat{frequency, channels, kBufferFrames, formatName(format), driver ? driver : "?"};
    device->mixer_ = std::make_unique<CueMixer>(frequency);

    // The user's files, each read once: path -> its sound, or why it cannot be played.
    std::map<std::string, std::variant<Mix_Chunk*, std::string>> custom;
    std::map<std::string, std::vector<std::string>> refusedFor; // path -> the cues it was meant for
    for (std::size_t i = 0; i < static_cast<std::size_t>(SoundId::Count); ++i) {
        const auto id = static_cast<SoundId>(i);
        const std::string name = soundName(id);
        Mix_Chunk* chunk = nullptr;
        if (auto it = options.custom.find(name); it != options.custom.end()) {
            auto [loaded, added] = custom.try_emplace(it->second);
            if (added) {
                auto result = loadCustomSound(it->second, frequency);
                if (auto* c = std::get_if<ChunkPtr>(&result)) {
                    loaded->second = c->get();
                    device->chunks_->owned.push_back(std::move(*c));
                } else {
                    loaded->second = std::get<std::string>(result);
                }
            }
            if (auto* c = std::get_if<Mix_Chunk*>(&loaded->second))
                chunk = *c;
            else
                refusedFor[it->second].push_back(name);
        }
        if (!chunk) {
            ChunkPtr builtIn(Mix_LoadWAV((options.soundsDir / (name + ".wav")).string().c_str()));
            if (!builtIn) {
                notices.push_back({unknot::format(_("missing sound {0}: {1}"), {name + ".wav", Mix_GetError()}),
                                   options.soundsDir.string(), installHint()});
                continue;
            }
            chunk = builtIn.get();
            device->chunks_->owned.push_back(std::move(builtIn));
        }
        device->chunks_->items[i] = chunk;
        device->mixer_->setSound(id, CueSound{reinterpret_cast<const std::int16_t*>(chunk->abuf),
                                              chunk->alen / (sizeof(std::int16_t) * kChannels)});
    }
    // One notice per refused file, naming it and the cues it was for.
    for (const auto& [path, cues] : refusedFor) {
        std::string which;
        for (std::size_t k = 0; k < cues.size(); ++k)
            which += (k ? (k + 1 == cues.size() ? _(" and ") : ", ") : "") + cues[k];
        // TRANSLATORS: {0} the cues the file was for (tense, release: settings.toml's keys), {1} the
        // file, {2} why it cannot be played.
        notices.push_back(
            {unknot::format(n_("cannot play your {0} sound {1} ({2}); using the built-in one",
                               "cannot play your {0} sounds {1} ({2}); using the built-in ones", cues.size()),
                            {which, path, std::get<std::string>(custom.at(path))}),
             path,
             unknot::format(_("Choose another file for `{0}` in Settings (S), Your own sounds ([sounds] in "
                              "settings.toml), or remove it there: a WAV, OGG, FLAC or MP3 of at most 10 s"),
                            {cues.front()})});
    }
    for (std::size_t i = 0; i < kFeedbackSoundNames.size(); ++i) {
        const std::string name = kFeedbackSoundNames[i];
        ChunkPtr chunk(Mix_LoadWAV((options.soundsDir / "feedback" / (name + ".wav")).string().c_str()));
        if (!chunk) {
            notices.push_back(
                {unknot::format(_("missing sound {0}: {1}"), {"feedback/" + name + ".wav", Mix_GetError()}),
                 (options.soundsDir / "feedback").string(), installHint()});
            continue;
        }
        device->mixer_->setFeedbackSound(static_cast<FeedbackId>(i),
                                         CueSound{reinterpret_cast<const std::int16_t*>(chunk->abuf),
                                                  chunk->alen / (sizeof(std::int16_t) * kChannels)});
        device->chunks_->owned.push_back(std::move(chunk));
    }
    device->mixer_->setVolume(options.volume, options.muted);
    device->mixer_->setVoiceVolume(options.voice.volume);
    // SDL's disk driver with no delay writes minutes of sound in seconds (the tests capture
    // through it): the voice worker could not keep up, so the session waits for all it says.
    const char* diskDelay = SDL_getenv("SDL_DISKAUDIODELAY");
    device->mixer_->setWaitForEveryPhrase(device->format_.driver == "disk" && diskDelay && std::atoi(diskDelay) == 0);
    if (options.voice.enabled) device->voice_ = std::make_unique<VoiceWorker>(options.voice, frequency, kChannels);
    // Before the callback runs, so the first buffer already plays the adopted session on, and
    // with a voice (a new one when the voice settings changed) from its next cue on.
    if (!resume.session || resume.session->ticksPerSecond() == frequency) {
        if (resume.session && device->voice_) {
            const Session& s = *resume.session;
            device->book_ = device->voice_->prepare(s.timeline(), options.cues, s.status(resume.at).phase);
        }
        device->mixer_->adopt(std::move(resume), device->book_);
        device->mixer_->setCueOptions(options.cues);
    }
    Mix_SetPostMix(postMix, device->mixer_.get());
    return device;
}

void AudioDevice::suspend() {
    if (!open_ || suspended_) return;
    Mix_SetPostMix(nullptr, nullptr);
    Mix_CloseAudio(); // joins the audio thread; the chunks are ours and stay
    suspended_ = true;
}

void AudioDevice::wake() {
    if (!suspended_) return;
    // The mixer is set before the device starts: SDL_mixer unpauses it as it opens, and the
    // first buffer already plays what was asked.
    mixer_->deviceReopened();
    Mix_SetPostMix(postMix, mixer_.get());
    const char* name = outputDevice_.empty() ? nullptr : outputDevice_.c_str();
    // The output it played on; gone meanwhile (no event comes for a closed device), the default.
    if (Mix_OpenAudioDevice(kFrequency, AUDIO_S16SYS, kChannels, kBufferFrames, name, 0) != 0 &&
        (!name || Mix_OpenAudioDevice(kFrequency, AUDIO_S16SYS, kChannels, kBufferFrames, nullptr, 0) != 0)) {
        SDL_Event gone{};
        gone.type = SDL_AUDIODEVICEREMOVED;
        gone.adevice.iscapture = 0;
        Mix_SetPostMix(nullptr, nullptr);
        SDL_PushEvent(&gone);
        return; // stays suspended: the mixer keeps what it is asked until the switch takes it
    }
    suspended_ = false;
    Mix_SetPostMix(postMix, mixer_.get()); // (in case opening reset it)
}

void AudioDevice::start(std::shared_ptr<const Timeline> timeline, const CueOptions& options) {
    book_ = voice_ ? voice_->prepare(*timeline, options) : nullptr;
    spentAsked_ = -1;
    mixer_->start(std::move(timeline), options, book_);
    wake(); // after the command: the first buffer plays it
}

SessionStatus AudioDevice::update(std::vector<SessionEvent>& events) {
    const SessionStatus status = mixer_->update(events);
    // "Done." says the time spent: when +15 s, a skip or a back changes what it will be, the
    // worker says the new time in good time before the end (the mixer checks it still holds).
    const bool live = status.state == SessionState::Running || status.state == SessionState::Paused ||
                      status.state == SessionState::WaitingManual;
    if (voice_ && book_ && live) {
        const Millis spent = book_->spentAtEnd(status);
        const Millis said = (spent + 500) / 1000;
        if (said != spentAsked_) {
            // The plan's own "Done." says the planned time already.
            if (spentAsked_ >= 0 || said != (book_->plannedTotalMs() + 500) / 1000) voice_->sayTimeSpent(book_, spent);
            spentAsked_ = said;
        }
    }
    return status;
}

void AudioDevice::say(const std::string& sentence) {
    if (!voice_ || sentence.empty()) return;
    mixer_->announce(voice_->announce(sentence));
    wake();
}

std::vector<std::string> AudioDevice::outputDevices() {
    std::vector<std::string> names;
    const int n = SDL_GetNumAudioDevices(0);
    for (int i = 0; i < n; ++i)
        if (const char* name = SDL_GetAudioDeviceName(i, 0); name && *name) names.emplace_back(name);
    return names;
}

SessionHandover AudioDevice::close() {
    if (!open_) return {};
    if (!suspended_) {
        Mix_SetPostMix(nullptr, nullptr);
        Mix_CloseAudio(); // joins the audio thread: from here on, this thread owns the mixer
    }
    open_ = false;
    suspended_ = false;
    return mixer_->handOver();
}

AudioDevice::~AudioDevice() {
    close();
    voice_.reset();
    chunks_.reset();
    mixer_.reset();
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
}

} // namespace unknot
