#pragma once
// The audio thread's half of Unknot, free of SDL so it can be tested on plain buffers.
//
// The mixer owns the session while sound plays: each render() call is one buffer of the
// device, and the frame count it keeps is the session's clock. Cues start on the exact frame
// the session reports, inside the buffer, never at its start. The UI thread talks to it only
// through lock-free rings (commands in; events and retired sessions out) and a snapshot it
// reads under a mutex the audio thread only ever try-locks. render() never blocks, allocates
// or frees.

#include "audio/spsc_ring.hpp"
#include "play/session_driver.hpp"

#include <array>
#include <cstdint>
#include <deque>
#include <limits>
#include <memory>
#include <mutex>
#include <vector>

namespace unknot {

// A sound as the device wants it: interleaved stereo signed 16-bit frames. Not owned.
struct CueSound {
    const std::int16_t* samples = nullptr;
    std::size_t frames = 0;
};

// Which sound a cue plays: one per phase kind, then the countdown ticks (the last one has its
// own), halfway and end, in the order of kCueSoundNames (store/settings.hpp).
enum class SoundId : std::size_t {
    Prepare,
    Tense,
    Release,
    Hold,
    Roll,
    Rest,
    Manual,
    Switch,
    Countdown,
    CountdownLast,
    Halfway,
    End,
    Count
};
[[nodiscard]] SoundId soundFor(const FiredCue& cue, const Timeline& timeline);
[[nodiscard]] const char* soundName(SoundId id); // "tense", "countdown", … (file and settings names)

class PhraseBook;
struct Announcement;

// The confirmation of a command, in the order of kFeedbackSoundNames.
enum class FeedbackId : std::size_t { Pause, Resume, Skip, Back, Extend, Continue, Count };

class CueMixer final : private SessionListener {
  public:
    static constexpr int kChannels = 2;
    static constexpr std::size_t kVoices = 16;

    explicit CueMixer(Ticks sampleRate);
    ~CueMixer() override;
    CueMixer(const CueMixer&) = delete;
    CueMixer& operator=(const CueMixer&) = delete;

    // Set before the device runs, or with it stopped.
    void setSound(SoundId id, CueSound sound);
    void setFeedbackSound(FeedbackId id, CueSound sound);

    // -- UI thread ---------------------------------------------------------------------------
    // Plays a new session; with a book, each phrase follows its cue on its planned frame when
    // the worker has published it by then, and the session starts once its first phrase is
    // there. The mixer keeps the book alive and lets it go on this thread once the audio thread
    // has moved on.
    void start(std::shared_ptr<const Timeline> timeline, const CueOptions& options,
               std::shared_ptr<const PhraseBook> book = {});
    void start(Timeline timeline, const CueOptions& options, std::shared_ptr<const PhraseBook> book = {}) {
        start(std::make_shared<const Timeline>(std::move(timeline)), options, std::move(book));
    }
    void apply(SessionCommand command);
    void setCueOptions(const CueOptions& options);
    void setVolume(int percent, bool muted);
    // The voice's loudness against the cues, 0 to 100 %. Set before the device runs.
    void setVoiceVolume(int percent);
    // A device that runs faster than real time (SDL's disk driver writing as fast as it can)
    // would outrun the voice worker: its sessions wait for every phrase, not the first only.
    // Set before the device runs.
    void setWaitForEveryPhrase(bool wait) { waitForEveryPhrase_ = wait; }
    // Says `sentence` once it is spoken and nothing else sounds (no cue, no phrase), replacing
    // one not said yet; kept alive here like the books.
    void announce(std::shared_ptr<const Announcement> sentence);
    // The session as the audio thread last left it, and what happened since the last call.
    SessionStatus update(std::vector<SessionEvent>& events);
    // Commands the audio thread had no room for yet; they go at the next call from this thread.
    [[nodiscard]] std::size_t waitingCommands() const { return waiting_.size(); }
    // Nothing sounds, and nothing can until this thread asks (SoundDeviceDriver::quiet()), as
    // of the last buffer rendered.
    [[nodiscard]] bool quiet() const;
    // Events the audio thread had to drop because this thread did not read them in time.
    [[nodiscard]] std::uint64_t droppedEvents() const { return droppedEvents_.load(std::memory_order_relaxed); }
    [[nodiscard]] Ticks sampleRate() const { return rate_; }

    // -- audio thread ------------------------------------------------------------------------
    // Adds this buffer's cues into `interleaved` (already holding SDL_mixer's own mix).
    void render(std::int16_t* interleaved, std::size_t frames);

    // -- with the audio thread stopped ------------------------------------------------------
    // Gives the session up with the frame reached and the events the UI has not read yet;
    // commands asked for but not rendered yet still happen first.
    [[nodiscard]] SessionHandover handOver();
    // Plays on a session handed over (before the device runs): the frame count carries on from
    // the tick it had reached, and its unread events come out of the next update().
    // With a book, its phrases are said from the next cue on.
    void adopt(SessionHandover handover, std::shared_ptr<const PhraseBook> book = {});
    [[nodiscard]] Ticks framesRendered() const { return frames_.load(std::memory_order_acquire); }
    // The device was suspended while quiet and opens again. Before any session, its stream starts
    // again at frame 0 (SDL's disk driver writes a new file): so does the frame count.
    void deviceReopened();

  private:
    struct Command {
        enum class Type { Start, Session, CueOptions, Volume, Announce } type = Type::Session;
        Session* session = nullptr;             // Start: ownership passes to the audio thread
        const PhraseBook* book = nullptr;       // Start: kept alive by books_
        const Announcement* sentence = nullptr; // Announce: kept alive by sentences_
        std::uint64_t generation = 0;
        SessionCommand command = SessionCommand::Stop;
        CueOptions options;
        float gain = 1.0f;
    };
    struct Voice {
        const CueSound* sound = nullptr;
        Ticks start = 0;          // frame the sound's first sample plays on
        std::size_t position = 0; // next frame of the sound
        Ticks fadeAt = kNever;    // from this frame it fades out over kFadeFrames, then stops
    };
    static constexpr Ticks kNever = std::numeric_limits<Ticks>::max();
    struct Snapshot {
        SessionStatus status;
        std::uint64_t generation = 0; // of the session it describes
        std::uint64_t announced = 0;  // the last announcement taken in
        Ticks frame = 0;
    };

    const Ticks rate_;
    std::array<CueSound, static_cast<std::size_t>(SoundId::Count)> sounds_{};
    std::array<CueSound, static_cast<std::size_t>(FeedbackId::Count)> feedback_{};

    // Owned by the audio thread while it runs.
    std::unique_ptr<Session> session_;
    std::uint64_t sessionGeneration_ = 0;
    std::array<Voice, kVoices> voices_{};
    const PhraseBook* book_ = nullptr;
    bool waitingForBook_ = false; // the session starts when its first phrase is ready
    bool waitForEveryPhrase_ = false;
    Voice speech_;                // the phrase being said (phrases never overlap)
    int pendingPhrase_ = -1;      // a phrase due at pendingAt_ that the worker has not published yet
    Ticks pendingAt_ = 0;
    const Announcement* sentence_ = nullptr; // to say once nothing sounds
    const CueSound* saying_ = nullptr;       // the sentence speech_ says, if it says one
    std::uint64_t announced_ = 0;
    std::size_t reminderPhase_ = 0;
    Ticks reminderAt_ = kNever; // next reminder of a waiting manual phase
    bool phaseSound_ = true;    // the user's choice; phase cues still fire for the voice
    bool feedbackSound_ = true;
    float gain_ = 1.0f;    // target of the volume
    float gainNow_ = 1.0f; // ramps to gain_ over kRampFrames, never jumps
    float gainStep_ = 0.0f;
    float voiceGain_ = 1.0f;
    float duck_ = 1.0f;    // the voice's gain under cue sounds
    float limiter_ = 1.0f; // peak limiter gain: drops at once to stop an over, recovers slowly
    std::atomic<Ticks> frames_{0};
    std::atomic<bool> busy_{false};       // the last buffer had something sounding or live
    std::atomic<std::uint64_t> taken_{0}; // commands the audio thread has run
    std::uint64_t posted_ = 0;            // UI thread: commands sent
    std::uint64_t takenCount_ = 0;        // audio thread: commands run

    struct TaggedEvent {
        SessionEvent event;
        std::uint64_t generation = 0;
    };
    SpscRing<Command, 64> commands_;
    SpscRing<TaggedEvent, 256> events_;
    std::atomic<std::uint64_t> droppedEvents_{0};
    SpscRing<Session*, 32> retired_; // old sessions go back to the UI thread to be freed
    std::mutex snapshotMutex_;
    Snapshot snapshot_;

    // Mixing scratch, in int16 units, so render() never allocates.
    static constexpr std::size_t kChunkFrames = 2048;
    std::array<float, kChunkFrames * kChannels> scratch_{};
    std::array<float, kChunkFrames * kChannels> cueMix_{};
    std::array<std::uint8_t, kChunkFrames> cueSounding_{}; // a cue sounds at this frame: the voice ducks

    // UI thread only.
    std::uint64_t startedGeneration_ = 0;
    std::vector<SessionEvent> carried_; // events handed over with an adopted session
    std::deque<Command> waiting_;       // for room in commands_, oldest first
    // Books of the sessions started, freed a while after the audio thread plays a later one
    // (its voices fade out within kFadeFrames of the change).
    struct KeptBook {
        std::uint64_t generation = 0;
        std::shared_ptr<const PhraseBook> book;
        Ticks supersededAt = kNever;
    };
    std::deque<KeptBook> books_;
    struct KeptSentence {
        std::uint64_t serial = 0;
        std::shared_ptr<const Announcement> sentence;
        Ticks supersededAt = kNever;
    };
    std::deque<KeptSentence> sentences_;
    std::uint64_t sentenceSerial_ = 0;

    void onCue(const FiredCue& cue) override; // audio thread: schedules a voice
    void runCommands(Ticks at);               // audio thread (or with it stopped)
    void mixChunk(std::int16_t* out, Ticks chunkStart, std::size_t frames);
    void fadeAll(Ticks at); // audio thread: pause and stop fade what sounds
    void confirm(SessionCommand command, SessionState before, SessionState after, Ticks at); // audio thread
    void scheduleReminder(Ticks end);                                                        // audio thread
    [[nodiscard]] bool bookLetsStart() const;                                                // audio thread
    void stopSpeech(Ticks at);                                                               // audio thread
    void sayPhrase(int index, Ticks at);                                                     // audio thread
    void sayPending(Ticks start);                                                            // audio thread
    void sayAnnouncement(Ticks start);                                                       // audio thread
    void post(const Command& command);
    void flushWaiting();
    void pushEvent(const TaggedEvent& event); // audio thread
    void reclaim();
};

} // namespace unknot
