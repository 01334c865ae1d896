#pragma once
// The session engine: plays a timeline against a clock it is given, never one it reads.
//
// Time is counted in ticks at a rate fixed at construction: sample frames (48000 per second)
// when the audio callback drives the session, milliseconds when the steady clock does. Every
// call takes `now` in those ticks; time never runs backwards (an earlier `now` is ignored).
// Cues are reported to a listener with the exact tick they fall on, once each, and never for
// parts that were skipped or while paused. Nothing here allocates after construction, so the
// audio thread can own a Session.

#include "play/cue_plan.hpp"
#include "routine/timeline.hpp"

#include <cstdint>
#include <memory>
#include <optional>

namespace unknot {

using Ticks = std::int64_t;

enum class SessionState {
    Ready,         // not started
    Running,       // a timed phase is counting down
    WaitingManual, // a manual phase waits for continueManual()
    Paused,
    Finished, // ran to the end
    Stopped,  // stopped by the user before the end
};
[[nodiscard]] std::string_view stateName(SessionState state);

struct FiredCue {
    CueType type = CueType::Phase;
    std::size_t phase = 0;
    int count = 0; // 3, 2, 1 for countdown ticks
    Ticks at = 0;  // the tick it belongs on
};

class SessionListener {
  public:
    virtual ~SessionListener() = default;
    virtual void onCue(const FiredCue& cue) = 0;
};

// What the views and the log need, computed for a moment in time.
struct SessionStatus {
    SessionState state = SessionState::Ready;
    std::size_t phase = 0;
    std::optional<std::size_t> next;
    Millis phaseElapsedMs = 0;
    Millis phaseDurationMs = 0; // planned plus extensions; 0 for manual phases
    Millis phaseRemainingMs = 0;
    Millis routineElapsedMs = 0;   // position in the routine
    Millis routineTotalMs = 0;     // planned total plus extensions
    Millis activeMs = 0;           // time spent running, pauses excluded
    std::uint64_t phaseSerial = 0; // changes at every phase entry, for the flash
    bool paused = false;
    bool manual = false;
    bool over = false; // finished or stopped

    [[nodiscard]] double phaseProgress() const;
    [[nodiscard]] double routineProgress() const;
};

class Session {
  public:
    // `listener` may be null (no cues wanted) and must outlive the session. The timeline is
    // shared with the library entry it came from (and the player's screen), never copied.
    Session(std::shared_ptr<const Timeline> timeline, CueOptions options, Ticks ticksPerSecond,
            SessionListener* listener = nullptr);
    Session(Timeline timeline, CueOptions options, Ticks ticksPerSecond, SessionListener* listener = nullptr);

    void setListener(SessionListener* listener) { listener_ = listener; }
    void setCueOptions(const CueOptions& options);

    void start(Ticks now);   // from Ready: the first phase begins at `now`
    void advance(Ticks now); // plays up to `now`, reporting due cues
    void pause(Ticks now);
    void resume(Ticks now);
    void togglePause(Ticks now); // pause, resume, or continue past a manual phase
    void skip(Ticks now);        // to the next phase (or the end)
    void back(Ticks now);        // restart this phase, or the previous one within 2 s of its start
    void restart(Ticks now);     // from the first phase
    void extend(Ticks now, Millis by = kDefaultExtendMs);
    void continueManual(Ticks now); // leave a manual phase
    void stop(Ticks now);

    [[nodiscard]] SessionStatus status(Ticks now) const;
    [[nodiscard]] SessionState state() const { return state_; }
    [[nodiscard]] const Timeline& timeline() const { return *timeline_; }
    [[nodiscard]] Ticks ticksPerSecond() const { return tps_; }
    [[nodiscard]] Ticks toTicks(Millis ms) const { return ms * tps_ / 1000; }
    [[nodiscard]] Millis toMillis(Ticks ticks) const { return ticks * 1000 / tps_; }

    static constexpr Millis kDefaultExtendMs = 15'000;
    static constexpr Millis kBackToPreviousWithinMs = 2'000;

  private:
    std::shared_ptr<const Timeline> timeline_; // never null
    CueOptions options_;
    Ticks tps_;
    SessionListener* listener_;

    SessionState state_ = SessionState::Ready;
    SessionState stateBeforePause_ = SessionState::Running;
    std::size_t phase_ = 0;
    Ticks lastNow_ = 0;
    Ticks phaseElapsed_ = 0; // at lastNow_
    Ticks extension_ = 0;    // of the current phase
    Millis pastExtensionsMs_ = 0;
    Ticks active_ = 0;
    std::uint64_t phaseSerial_ = 0;
    PhaseCues cues_;
    std::size_t nextCue_ = 0;
    Ticks emittedThrough_ = -1; // cues of this phase at offsets up to here have played

    [[nodiscard]] Ticks phaseDuration() const;
    [[nodiscard]] bool live() const { return state_ == SessionState::Running || state_ == SessionState::WaitingManual; }
    void enterPhase(std::size_t index, Ticks at);
    void rebuildCues();
    void emitDue(Ticks at);
    void finish(Ticks at);
    void emit(CueType type, int count, Ticks at);
};

} // namespace unknot
