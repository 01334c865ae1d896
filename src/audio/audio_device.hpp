#pragma once
// The sound device, through SDL_mixer: 48000 Hz, signed 16-bit, stereo, a 512-frame buffer
// (10.7 ms: small enough that a key acts at once, large enough that the audio thread wakes
// only 94 times a second; bench/cpu_while_playing.py measured 256 frames costing a third
// more CPU while playing). SDL_mixer opens and feeds the device; our post-mix hook hands each buffer to the
// CueMixer, which places every cue on its exact frame. The device is also the session driver
// while it is open: its frame count is the session's clock.

#include "audio/cue_mixer.hpp"
#include "audio/phrase_book.hpp"
#include "core/reporter.hpp"
#include "play/session_driver.hpp"

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <variant>
#include <vector>

namespace unknot {

struct AudioOptions {
    std::filesystem::path soundsDir;           // the built-in WAV files
    std::map<std::string, std::string> custom; // sound name -> the user's own file
    std::string outputDevice;                  // by name; empty, or not connected: the system's default output
    int volume = 100;
    bool muted = false;
    VoiceSettings voice; // the spoken guide: its phrases are synthesised at each start
    CueOptions cues;     // which cues sound (a session adopted on opening plays on with these)
};

// The device's format as opened (and as --verbose reports it).
struct AudioFormat {
    int frequency = 0;
    int channels = 0;
    int bufferFrames = 0;
    std::string sampleFormat; // "S16LSB"
    std::string driver;       // SDL's audio driver: "pulseaudio", "alsa", "disk", …
};

// Keeps SDL's audio side up while the window runs, with a device open or not, so that a device
// plugged in later is announced (SDL_AUDIODEVICEADDED) and the sound can come back.
class AudioSubsystem {
  public:
    AudioSubsystem();
    ~AudioSubsystem();
    AudioSubsystem(const AudioSubsystem&) = delete;
    AudioSubsystem& operator=(const AudioSubsystem&) = delete;

  private:
    bool up_ = false;
};

class AudioDevice final : public SoundDeviceDriver {
  public:
    static constexpr int kFrequency = 48000;
    static constexpr int kChannels = 2;
    static constexpr int kBufferFrames = 512;

    // Opens the device and loads the cue sounds. An error message when there is no device;
    // `notices` receives what went wrong with a custom sound (the built-in one is used) or the
    // output the settings name, each with what to do.
    // `resume`: a session handed over by the driver before (the device came back, or the
    // sounds changed mid-routine) plays on from the tick it had reached.
    static std::variant<std::unique_ptr<AudioDevice>, std::string>
    open(const AudioOptions& options, std::vector<Notice>& notices, SessionHandover& resume);
    static std::variant<std::unique_ptr<AudioDevice>, std::string> open(const AudioOptions& options,
                                                                        std::vector<Notice>& notices) {
        SessionHandover none;
        return open(options, notices, none);
    }
    ~AudioDevice() override;
    AudioDevice(const AudioDevice&) = delete;
    AudioDevice& operator=(const AudioDevice&) = delete;

    [[nodiscard]] const AudioFormat& format() const { return format_; }
    [[nodiscard]] const std::string& outputDevice() const { return outputDevice_; } // empty: the default
    // The phrases of the session playing: null when the voice is off or nothing played.
    [[nodiscard]] const PhraseBook* phraseBook() const { return book_.get(); }

    // The names of the outputs connected now, as settings remember them (SDL must be up).
    [[nodiscard]] static std::vector<std::string> outputDevices();

    // Stops the device; returns the session it was playing, the frame it had reached and the
    // events not read yet, so the routine can go on without sound (or on another device).
    SessionHandover close() override;
    [[nodiscard]] bool quiet() const override { return mixer_->quiet(); }
    // Closes SDL's device (its thread stops) and keeps the sounds, the mixer and the voice: the
    // next start, command or sentence opens it again on the same output, in the same format.
    void suspend() override;
    [[nodiscard]] bool suspended() const override { return suspended_; }

    // SessionDriver
    void start(std::shared_ptr<const Timeline> timeline, const CueOptions& options) override;
    void apply(SessionCommand command) override {
        mixer_->apply(command);
        wake();
    }
    void setCueOptions(const CueOptions& options) override { mixer_->setCueOptions(options); }
    void setVolume(int percent, bool muted) override { mixer_->setVolume(percent, muted); }
    SessionStatus update(std::vector<SessionEvent>& events) override;
    void say(const std::string& sentence) override;
    [[nodiscard]] bool sounding() const override { return !quiet(); }
    [[nodiscard]] Ticks ticksPerSecond() const override { return mixer_->sampleRate(); }
    [[nodiscard]] bool hasSound() const override { return open_; }

  private:
    struct Chunks;
    AudioDevice();
    std::unique_ptr<CueMixer> mixer_;
    std::unique_ptr<Chunks> chunks_;
    std::unique_ptr<VoiceWorker> voice_; // null when the voice is off
    std::shared_ptr<PhraseBook> book_;   // of the session playing
    Millis spentAsked_ = -1;             // the time spent the worker was last asked to say
    AudioFormat format_;
    std::string outputDevice_;
    bool open_ = false;
    bool suspended_ = false;
    // Opens the device again after suspend(); when it cannot, the window hears that the device
    // went away (SDL_AUDIODEVICEREMOVED) and the routine plays on the steady clock.
    void wake();
};

} // namespace unknot
