#pragma once
// The spoken guide's voice: Flite (CMU's offline speech synthesis, in the process, no network
// and no daemon) turned into sound the cue mixer can play, at the device's rate and layout.
// Flite speaks English only: in another language the phrases are synthesised by espeak-ng,
// run as a separate program (`espeak-ng --stdout -v de`; a GPL program called, never linked),
// into the same samples.
//
// Flite keeps global state and parts of its API are not thread-safe: a Voice must be created,
// used and destroyed on one thread only, and only one Voice should speak at a time. The app
// gives it a worker thread of its own; nothing here ever runs in the audio callback.

#include "store/settings.hpp"

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace unknot {

// kVoiceNames and kDefaultVoice: in store/settings.hpp, where the settings check the name.

// Between two sentences of a phrase the voice adds this much silence to Flite's own quiet edges
// (about 0.35 s; the gap is shorter when the rate is faster): "Left. Rest." heard as two words
// apart, not as "left breast". bench/voice_candidates.py, awb, words recognised by pocketsphinx
// unprimed: 77.2 % said in one go, 81.8 % with these pauses, as the app says them.
inline constexpr double kSentenceGapSeconds = 0.2;

// The sentences of a phrase, each with its closing mark and without the spaces between:
// "Left. Rest. 10 seconds." -> {"Left.", "Rest.", "10 seconds."}. A mark ends a sentence only
// before a space ("1.5", "e.g.x" stay whole); text without one is one sentence.
[[nodiscard]] std::vector<std::string> sentencesOf(std::string_view text);

struct SpokenPhrase {
    std::vector<std::int16_t> samples; // interleaved, `channels` a frame, at the rate asked for
    [[nodiscard]] std::size_t frames(int channels) const { return samples.size() / static_cast<std::size_t>(channels); }
};

class Voice {
  public:
    // A voice by name (kVoiceNames) that speaks at `rate` (1.0 as recorded, 1.25 a quarter
    // faster; 0.5 to 2.0) into signed 16-bit frames of `channels` at `sampleRate`. Empty for an
    // unknown name or a rate outside the range.
    [[nodiscard]] static std::unique_ptr<Voice> open(std::string_view name, double rate, int sampleRate, int channels);
    // espeak-ng's voice for a language of kLanguages ("de", "pt_BR" -> "pt-br"), run from PATH
    // (UNKNOT_ESPEAK names another program). Empty when espeak-ng cannot be run or has no such
    // voice, or for a rate outside the range.
    [[nodiscard]] static std::unique_ptr<Voice> openEspeak(std::string_view language, double rate, int sampleRate,
                                                           int channels);
    ~Voice();
    Voice(const Voice&) = delete;
    Voice& operator=(const Voice&) = delete;

    // The phrase spoken, resampled from Flite's 16 kHz (kal: 8 kHz) by SDL's audio stream; with
    // Flite, its sentences said one by one, kSentenceGapSeconds apart. Empty when there is
    // nothing to say or Flite fails.
    [[nodiscard]] SpokenPhrase speak(const std::string& text) const;
    [[nodiscard]] std::string_view name() const { return name_; }

  private:
    struct Registered;
    Voice(std::unique_ptr<Registered> registered, std::string_view name, int sampleRate, int channels);
    // Brought to the cue loudness (normaliseSpeech), then resampled to the device's rate.
    [[nodiscard]] SpokenPhrase levelled(std::vector<std::int16_t> mono, int fromRate) const;
    [[nodiscard]] SpokenPhrase speakEspeak(const std::string& text) const;
    std::unique_ptr<Registered> voice_; // null for espeak-ng
    std::string espeakVoice_;           // "de", "pt-br"; empty for Flite
    int espeakWordsPerMinute_ = 175;
    std::string_view name_;
    int sampleRate_;
    int channels_;
};

// The voice for the user's language (core/i18n.hpp's currentLanguage()): Flite with the
// settings' voice in English, espeak-ng otherwise. Null when nothing can speak it; then
// `whyNot` says why, in words for the user.
[[nodiscard]] std::unique_ptr<Voice> openVoiceFor(const VoiceSettings& settings, std::string_view language,
                                                  int sampleRate, int channels, std::string* whyNot = nullptr);

} // namespace unknot
