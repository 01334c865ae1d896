#pragma once
// The phrases of one session, spoken: planned at once on the UI thread (where each phrase goes
// needs no voice), then synthesised one by one on a worker thread (Flite must stay on one
// thread), the first first, and read by the audio thread as each is published. A phrase
// published before its planned frame plays exactly on it; one that is not there in time is not
// said (the cues never wait). The session itself waits only for its first phrase.
//
// Threads: everything the constructor sets is immutable; a slot's phrase and sound are written
// by the worker before it sets the slot's `ready` (release) and never again; the audio thread
// reads them only after seeing `ready` (acquire). The time-spent phrases are published the same
// way through an atomic pointer, and kept until the book goes.

#include "audio/cue_mixer.hpp"
#include "audio/voice.hpp"
#include "play/phrase_plan.hpp"
#include "store/settings.hpp"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace unknot {

// A phrase as the mixer plays it: its sound, shared by every phrase that says the same words.
struct SpokenText {
    std::shared_ptr<const SpokenPhrase> audio;
    CueSound sound; // a view of `audio`
};

class PhraseBook {
  public:
    // Every phrase of `timeline` placed, none spoken yet. The worker starts with the phrases of
    // `fromPhase` on (a session adopted mid-routine), then those before.
    PhraseBook(const Timeline& timeline, const CueOptions& cues, std::size_t fromPhase = 0);
    PhraseBook(const PhraseBook&) = delete;
    PhraseBook& operator=(const PhraseBook&) = delete;

    // -- any thread: fixed at construction -----------------------------------------------------
    [[nodiscard]] std::size_t size() const { return slots_.size(); }
    [[nodiscard]] const PhraseSlot& slot(std::size_t i) const { return slots_[i].planned; }
    // Which phrase follows a cue, or -1; the reminder of a manual phase, or -1.
    [[nodiscard]] int phraseFor(CueType type, std::size_t phase) const;
    [[nodiscard]] int reminderFor(std::size_t phase) const;
    // The n-th slot the worker fills.
    [[nodiscard]] std::size_t fillOrder(std::size_t n) const { return (firstSlot_ + n) % slots_.size(); }
    // The planned time of the timed phases after `phase` (what is left once it ends).
    [[nodiscard]] Millis plannedAfter(std::size_t phase) const;
    [[nodiscard]] Millis plannedTotalMs() const { return plannedTotal_; }
    // The time spent the session will have at its end if nothing changes from `now` on (+15 s,
    // skip and back change it; pauses do not count).
    [[nodiscard]] Millis spentAtEnd(const SessionStatus& now) const {
        return now.activeMs + now.phaseRemainingMs + plannedAfter(now.phase);
    }

    // -- the worker ----------------------------------------------------------------------------
    void publish(std::size_t i, Phrase phrase, std::shared_ptr<const SpokenPhrase> audio);
    // "Done." and the time spent, said at the end when the session's time spent is `spentMs`
    // (to the second); the last one published counts.
    void publishSpent(Millis spentMs, std::shared_ptr<const SpokenPhrase> audio);
    void publishDoneAlone(std::shared_ptr<const SpokenPhrase> audio); // "Done.", when the time is not ready
    // Every phrase published, or abandoned for a newer session: nobody waits any more.
    void finish(Millis synthesisMs);

    // -- the audio thread (any thread for the tests and bench) ---------------------------------
    // The sound of phrase `i`; null until it is published, or when nothing is said.
    [[nodiscard]] const CueSound* sound(std::size_t i) const;
    // What the end says after a session that ran `spentMs`: "Done." and that time when it is
    // synthesised, else "Done.", else null.
    [[nodiscard]] const CueSound* endSound(Millis spentMs) const;
    // The session may start: its first phrase is there (or will never be).
    [[nodiscard]] bool startable() const;
    [[nodiscard]] bool finished() const { return finished_.load(std::memory_order_acquire); }

    // -- once finished -------------------------------------------------------------------------
    [[nodiscard]] std::vector<Phrase> phrases() const; // those published, in time order
    [[nodiscard]] Millis synthesisMs() const { return synthesisMs_; }

  private:
    struct Slot {
        PhraseSlot planned;
        Phrase phrase;
        SpokenText spoken;
        std::atomic<bool> ready{false};
    };
    struct Spent {
        Millis seconds = -1; // -1: "Done." alone
        SpokenText spoken;
    };
    std::vector<Slot> slots_;
    std::vector<int> onPhase_, onHalfway_, reminder_;
    int onEnd_ = -1;
    std::vector<Millis> plannedAfter_;
    Millis plannedTotal_ = 0;
    std::size_t firstSlot_ = 0;
    std::atomic<bool> finished_{false};
    Millis synthesisMs_ = 0;      // written before finished_
    std::deque<Spent> spentKept_; // the worker's; every one published lives as long as the book
    std::atomic<const Spent*> spent_{nullptr};
    std::atomic<const Spent*> doneAlone_{nullptr};
};

// A sentence said outside any routine (a check-in question): it plays once nothing else sounds.
struct Announcement {
    std::string text;
    SpokenText spoken;              // written by the worker before `ready`
    std::atomic<bool> ready{false}; // set when spoken, or when there is nothing to say
};

// One thread that owns the Flite voice: it fills the latest phrase book, phrase by phrase in the
// order the session needs them, and between two phrases says what else is asked.
class VoiceWorker {
  public:
    VoiceWorker(VoiceSettings settings, int sampleRate, int channels);
    ~VoiceWorker();
    VoiceWorker(const VoiceWorker&) = delete;
    VoiceWorker& operator=(const VoiceWorker&) = delete;

    // A book for a session that starts (or plays on) at `fromPhase`; an older book is abandoned.
    [[nodiscard]] std::shared_ptr<PhraseBook> prepare(const Timeline& timeline, const CueOptions& cues,
                                                      std::size_t fromPhase = 0);
    // The session of `book` will have run `spentMs` at its end: say so then.
    void sayTimeSpent(const std::shared_ptr<PhraseBook>& book, Millis spentMs);
    // A sentence to say as soon as it is ready (an older one not spoken yet is dropped).
    [[nodiscard]] std::shared_ptr<Announcement> announce(std::string text);

  private:
    struct Job {
        std::shared_ptr<PhraseBook> book;
        std::size_t next = 0; // in the book's fill order
        std::chrono::steady_clock::time_point started;
    };
    struct SpentJob {
        std::shared_ptr<PhraseBook> book;
        Millis spentMs = 0;
    };
    VoiceSettings settings_;
    int sampleRate_;
    int channels_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::optional<Job> job_;
    std::optional<SpentJob> spentJob_;
    std::shared_ptr<Announcement> announcement_;
    bool quit_ = false;
    std::thread thread_;
    void run();
};

} // namespace unknot
