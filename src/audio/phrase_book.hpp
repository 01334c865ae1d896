#pragma once
// The phrases of one session, spoken: planned and synthesised off the audio thread (a worker
// thread, since Flite must stay on one thread), then read by the audio thread once `ready`.
// Until then a phrase whose cue comes is simply not said; the cues themselves never wait.

#include "audio/cue_mixer.hpp"
#include "audio/voice.hpp"
#include "core/phrase_plan.hpp"
#include "core/settings.hpp"

#include <atomic>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace unknot {

struct PhraseBook {
    std::vector<Phrase> phrases;                   // as planned
    std::vector<SpokenPhrase> audio;               // one per phrase, device format
    std::vector<CueSound> sounds;                  // views of `audio`, for the mixer
    std::vector<int> onPhase, onHalfway, reminder; // phrase index per phase, -1 for none
    int onEnd = -1;
    Millis synthesisMs = 0;         // how long planning and synthesis took
    std::atomic<bool> ready{false}; // set once everything above is written

    // Which phrase follows a cue, or -1.
    [[nodiscard]] int phraseFor(CueType type, std::size_t phase) const;
};

// Plans `timeline`'s phrases with `voice` (speaking at `sampleRate`, stereo) measuring them and keeps their sound. Runs
// on the thread that owns `voice`.
void fillPhraseBook(PhraseBook& book, const Timeline& timeline, const CueOptions& cues, const Voice& voice,
                    int sampleRate);

// One thread that owns the Flite voice and fills phrase books in the order asked.
class VoiceWorker {
  public:
    VoiceWorker(VoiceSettings settings, int sampleRate, int channels);
    ~VoiceWorker();
    VoiceWorker(const VoiceWorker&) = delete;
    VoiceWorker& operator=(const VoiceWorker&) = delete;

    // A book that becomes ready when the worker has filled it.
    [[nodiscard]] std::shared_ptr<PhraseBook> prepare(const Timeline& timeline, const CueOptions& cues);

  private:
    struct Job {
        std::shared_ptr<PhraseBook> book;
        Timeline timeline;
        CueOptions cues;
    };
    VoiceSettings settings_;
    int sampleRate_;
    int channels_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<Job> jobs_;
    bool quit_ = false;
    std::thread thread_;
    void run();
};

} // namespace unknot
