#pragma once
// Who owns the session and its clock. With sound, the audio callback owns it and the clock is
// the count of frames played (src/audio); without, the UI thread owns it and the clock is the
// steady clock. The window talks to both the same way.

#include "play/session.hpp"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace unknot {

enum class SessionCommand { TogglePause, Skip, Back, Extend, Restart, Stop };
[[nodiscard]] const char* commandName(SessionCommand command);

// Something the session did, for the flash and the log: a cue played, or a command carried
// out (with where it left the session).
struct SessionEvent {
    enum class Type { Cue, Command } type = Type::Cue;
    FiredCue cue;                                  // Cue
    SessionCommand command = SessionCommand::Stop; // Command
    Ticks at = 0;                                  // the session clock's tick it happened at
    std::size_t phase = 0;                         // Command: the phase after it
    Millis remainingMs = 0;                        // Command: the phase's time left after it
    SessionState state = SessionState::Ready;      // Command: the state after it
};

// A session on its way from one driver to another (the sound device went away, came back, or
// was opened again with other sounds): the tick it had reached, and what it did that nobody
// has read yet, so no cue or command goes missing from the log at the hand-off.
struct SessionHandover {
    std::unique_ptr<Session> session; // null when nothing was playing
    Ticks at = 0;
    std::vector<SessionEvent> events;
};

class SessionDriver {
  public:
    virtual ~SessionDriver() = default;
    // Plays `timeline` from its start, replacing whatever played before; the session shares it.
    virtual void start(std::shared_ptr<const Timeline> timeline, const CueOptions& options) = 0;
    virtual void apply(SessionCommand command) = 0;
    virtual void setCueOptions(const CueOptions& options) = 0;
    virtual void setVolume(int percent, bool muted) = 0;
    // Reports the session as of now; `events` receives what happened since the last call.
    virtual SessionStatus update(std::vector<SessionEvent>& events) = 0;
    [[nodiscard]] virtual Ticks ticksPerSecond() const = 0;
    [[nodiscard]] virtual bool hasSound() const = 0;
    // Says a sentence outside the routine (a check-in question) once nothing else sounds; a
    // driver without a voice says nothing.
    virtual void say(const std::string& /*sentence*/) {}
    // Something sounds or is about to (a sentence from say() included), so what comes next can
    // wait for it; a driver without sound never sounds.
    [[nodiscard]] virtual bool sounding() const { return false; }
};

// A driver that is a sound device: it can stop and hand its session over.
class SoundDeviceDriver : public SessionDriver {
  public:
    // Stops the device; the session, the frame reached and the events not read yet.
    virtual SessionHandover close() = 0;
    // Nothing sounds, and nothing can until asked: no session live, no sound or phrase playing,
    // no sentence to say, no command on its way.
    [[nodiscard]] virtual bool quiet() const = 0;
    // Lets the device's stream go while quiet (no audio thread waking 94 times a second); the
    // next start, command or sentence takes it back first.
    virtual void suspend() = 0;
    [[nodiscard]] virtual bool suspended() const = 0;
};

// Carries a command out on a session at `now`, as an event.
SessionEvent applyCommand(Session& session, SessionCommand command, Ticks now);

// Collects a session's cues as events.
class EventCollector final : public SessionListener {
  public:
    std::vector<SessionEvent> events;
    void onCue(const FiredCue& cue) override { events.push_back({SessionEvent::Type::Cue, cue, {}, cue.at}); }
};

// The UI thread's own session on an injected clock (std::chrono::steady_clock, passed in by
// src/desktop, in the app; a fake in tests), in ticks at `ticksPerSecond`.
class SteadyClockDriver final : public SessionDriver {
  public:
    using Clock = std::function<Ticks()>; // monotonic, in this driver's ticks
    SteadyClockDriver(Clock clock, Ticks ticksPerSecond);
    void start(std::shared_ptr<const Timeline> timeline, const CueOptions& options) override;
    void apply(SessionCommand command) override;
    void setCueOptions(const CueOptions& options) override;
    void setVolume(int, bool) override {}
    SessionStatus update(std::vector<SessionEvent>& events) override;
    [[nodiscard]] Ticks ticksPerSecond() const override { return tps_; }
    [[nodiscard]] bool hasSound() const override { return false; }

    // Carries on a session another driver played, from the tick it had reached: when the
    // sound device goes away mid-routine, the routine goes on without it. Its unread events
    // come out of the next update().
    void adopt(SessionHandover handover);
    // Gives the session up (the sound device is back), as of now.
    [[nodiscard]] SessionHandover handOver();

  private:
    Clock clock_;
    Ticks tps_;
    Ticks offset_ = 0; // added to the clock, so an adopted session's time runs on
    std::unique_ptr<Session> session_;
    EventCollector collector_;
    [[nodiscard]] Ticks now() const { return clock_() + offset_; }
};

} // namespace unknot
