#include "audio/audio_device.hpp"

#include <SDL.h>
#include <SDL_mixer.h>

#include <array>

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

} // namespace

struct AudioDevice::Chunks {
    std::array<Mix_Chunk*, static_cast<std::size_t>(SoundId::Count)> items{};
    ~Chunks() {
        for (Mix_Chunk* c : items)
            if (c) Mix_FreeChunk(c);
    }
};

AudioSubsystem::AudioSubsystem() : up_(SDL_InitSubSystem(SDL_INIT_AUDIO) == 0) {}
AudioSubsystem::~AudioSubsystem() {
    if (up_) SDL_QuitSubSystem(SDL_INIT_AUDIO);
}

AudioDevice::AudioDevice() : chunks_(std::make_unique<Chunks>()) {}

std::variant<std::unique_ptr<AudioDevice>, std::string>
AudioDevice::open(const AudioOptions& options, std::vector<std::string>& notices, SessionHandover& resume) {
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) return std::string("no sound: ") + SDL_GetError();
    // No allowed changes: SDL converts to whatever the hardware wants, so the stream we fill
    // is always exactly this format and one frame is 1/48000 s.
    if (Mix_OpenAudioDevice(kFrequency, AUDIO_S16SYS, kChannels, kBufferFrames, nullptr, 0) != 0) {
        std::string error = std::string("no sound device: ") + Mix_GetError();
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
        return error;
    }
    auto device = std::unique_ptr<AudioDevice>(new AudioDevice());
    device->open_ = true;
    int frequency = 0, channels = 0;
    Uint16 format = 0;
    Mix_QuerySpec(&frequency, &format, &channels);
    const char* driver = SDL_GetCurrentAudioDriver();
    device->format_ = AudioFormat{frequency, channels, kBufferFrames, formatName(format), driver ? driver : "?"};
    device->mixer_ = std::make_unique<CueMixer>(frequency);

    for (std::size_t i = 0; i < static_cast<std::size_t>(SoundId::Count); ++i) {
        const auto id = static_cast<SoundId>(i);
        const std::string name = soundName(id);
        Mix_Chunk* chunk = nullptr;
        if (auto it = options.custom.find(name); it != options.custom.end()) {
            chunk = Mix_LoadWAV(it->second.c_str());
            if (!chunk) notices.push_back("cannot play your " + name + " sound (" + Mix_GetError() + "); using the built-in one");
        }
        if (!chunk) chunk = Mix_LoadWAV((options.soundsDir / (name + ".wav")).string().c_str());
        if (!chunk) {
            notices.push_back("missing sound " + name + ".wav: " + Mix_GetError());
            continue;
        }
        device->chunks_->items[i] = chunk;
        device->mixer_->setSound(id, CueSound{reinterpret_cast<const std::int16_t*>(chunk->abuf),
                                              chunk->alen / (sizeof(std::int16_t) * kChannels)});
    }
    device->mixer_->setVolume(options.volume, options.muted);
    // Before the callback runs, so the first buffer already plays the adopted session on.
    if (!resume.session || resume.session->ticksPerSecond() == frequency) device->mixer_->adopt(std::move(resume));
    Mix_SetPostMix(postMix, device->mixer_.get());
    return device;
}

SessionHandover AudioDevice::close() {
    if (!open_) return {};
    Mix_SetPostMix(nullptr, nullptr);
    Mix_CloseAudio(); // joins the audio thread: from here on, this thread owns the mixer
    open_ = false;
    return mixer_->handOver();
}

AudioDevice::~AudioDevice() {
    close();
    chunks_.reset();
    mixer_.reset();
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
}

} // namespace unknot
