#pragma once
// Who owns the session and its clock. With sound, the audio callback owns it and the clock is
// the count of frames played (src/audio); without, the UI thread owns it and the clock is the
// steady clock. The window talks to both the same way.

#include "core/session.hpp"

#include <functional>
#include <memory>
#include <vector>

namespace unknot {

enum class SessionCommand { TogglePause, Skip, Back, Extend, Restart, Stop };

class SessionDriver {
  public:
    virtual ~SessionDriver() = default;
    // Plays `timeline` from its start, replacing whatever played before.
    virtual void start(const Timeline& timeline, const CueOptions& options) = 0;
    virtual void apply(SessionCommand command) = 0;
    virtual void setCueOptions(const CueOptions& options) = 0;
    // Brings the session up to now and reports it; `cues` receives the cues played since
    // the last call, in order.
    virtual SessionStatus update(std::vector<FiredCue>& cues) = 0;
    [[nodiscard]] virtual Ticks ticksPerSecond() const = 0;
    [[nodiscard]] virtual bool active() const = 0; // a session is loaded
};

// The UI thread's own session on an injected millisecond clock (std::chrono::steady_clock in
// the app, a fake in tests).
class SteadyClockDriver final : public SessionDriver, private SessionListener {
  public:
    using Clock = std::function<Ticks()>; // milliseconds, monotonic
    explicit SteadyClockDriver(Clock clock);
    void start(const Timeline& timeline, const CueOptions& options) override;
    void apply(SessionCommand command) override;
    void setCueOptions(const CueOptions& options) override;
    SessionStatus update(std::vector<FiredCue>& cues) override;
    [[nodiscard]] Ticks ticksPerSecond() const override { return 1000; }
    [[nodiscard]] bool active() const override { return session_ != nullptr; }

  private:
    Clock clock_;
    std::unique_ptr<Session> session_;
    std::vector<FiredCue> pending_;
    void onCue(const FiredCue& cue) override { pending_.push_back(cue); }
};

// Carries a command out on a session at `now`.
void applyCommand(Session& session, SessionCommand command, Ticks now);

[[nodiscard]] Ticks steadyClockMs();

} // namespace unknot
