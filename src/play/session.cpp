#include "play/session.hpp"

#include <algorithm>
#include <cassert>

namespace unknot {

std::string_view stateName(SessionState state) {
    switch (state) {
    case SessionState::Ready: return "ready";
    case SessionState::Running: return "running";
    case SessionState::WaitingManual: return "waiting";
    case SessionState::Paused: return "paused";
    case SessionState::Finished: return "finished";
    case SessionState::Stopped: return "stopped";
    }
    return "?";
}

double SessionStatus::phaseProgress() const {
    if (phaseDurationMs <= 0) return over ? 1.0 : 0.0;
    return std::clamp(static_cast<double>(phaseElapsedMs) / static_cast<double>(phaseDurationMs), 0.0, 1.0);
}

double SessionStatus::routineProgress() const {
    if (state == SessionState::Finished) return 1.0;
    if (routineTotalMs <= 0) return 0.0;
    return std::clamp(static_cast<double>(routineElapsedMs) / static_cast<double>(routineTotalMs), 0.0, 1.0);
}

Session::Session(Timeline timeline, CueOptions options, Ticks ticksPerSecond, SessionListener* listener)
    : Session(std::make_shared<const Timeline>(std::move(timeline)), options, ticksPerSecond, listener) {}

Session::Session(std::shared_ptr<const Timeline> timeline, CueOptions options, Ticks ticksPerSecond,
                 SessionListener* listener)
    : timeline_(timeline ? std::move(timeline) : std::make_shared<const Timeline>()), options_(options),
      tps_(ticksPerSecond), listener_(listener) {
    assert(tps_ > 0 && "the clock needs a positive rate");
}

void Session::setCueOptions(const CueOptions& options) {
    options_ = options;
    if (state_ == SessionState::Ready || timeline_->empty()) return;
    rebuildCues();
}

void Session::rebuildCues() {
    // The cues already played in this phase stay played; only later ones are due.
    cues_ = cuesForPhase(timeline_->phases[phase_], toMillis(phaseDuration()), options_);
    nextCue_ = 0;
    while (nextCue_ < cues_.size && toTicks(cues_.items[nextCue_].offsetMs) <= emittedThrough_) ++nextCue_;
}

Ticks Session::phaseDuration() const {
    if (timeline_->empty() || phase_ >= timeline_->size()) return 0;
    return toTicks(timeline_->phases[phase_].durationMs) + extension_;
}

void Session::emit(CueType type, int count, Ticks at) {
    if (listener_) listener_->onCue(FiredCue{type, phase_, count, at});
}

void Session::emitDue(Ticks at) {
    // `at` is the tick at which the phase has run phaseElapsed_.
    const Ticks phaseStart = at - phaseElapsed_;
    while (nextCue_ < cues_.size) {
        const PhaseCue& c = cues_.items[nextCue_];
        const Ticks offset = toTicks(c.offsetMs);
        if (offset > phaseElapsed_) break;
        emit(c.type, c.count, phaseStart + offset);
        ++nextCue_;
    }
    emittedThrough_ = phaseElapsed_;
}

void Session::finish(Ticks at) {
    phase_ = timeline_->empty() ? 0 : timeline_->size() - 1;
    phaseElapsed_ = phaseDuration();
    state_ = SessionState::Finished;
    if (options_.end && !timeline_->empty()) emit(CueType::End, 0, at);
}

void Session::enterPhase(std::size_t index, Ticks at) {
    if (index >= timeline_->size()) {
        finish(at);
        return;
    }
    if (index > phase_) pastExtensionsMs_ += toMillis(extension_);
    phase_ = index;
    phaseElapsed_ = 0;
    extension_ = 0;
    emittedThrough_ = -1;
    ++phaseSerial_;
    const Phase& p = timeline_->phases[index];
    cues_ = cuesForPhase(p, p.durationMs, options_);
    nextCue_ = 0;
    const SessionState target = p.manual ? SessionState::WaitingManual : SessionState::Running;
    if (state_ == SessionState::Paused) {
        stateBeforePause_ = target; // its cues play on resume, not while paused
        return;
    }
    state_ = target;
    emitDue(at);
}

void Session::start(Ticks now) {
    if (state_ != SessionState::Ready) return;
    lastNow_ = now;
    if (timeline_->empty()) {
        state_ = SessionState::Finished;
        return;
    }
    state_ = SessionState::Running;
    phase_ = 0;
    enterPhase(0, now);
}

void Session::advance(Ticks now) {
    if (now <= lastNow_) return;
    if (state_ != SessionState::Running) {
        lastNow_ = now;
        return;
    }
    Ticks t = lastNow_;
    while (state_ == SessionState::Running && t < now) {
        const Ticks remaining = phaseDuration() - phaseElapsed_;
        const Ticks step = std::min(now - t, remaining);
        phaseElapsed_ += step;
        active_ += step;
        t += step;
        emitDue(t);
        if (phaseElapsed_ >= phaseDuration()) enterPhase(phase_ + 1, t);
    }
    lastNow_ = now;
}

void Session::pause(Ticks now) {
    advance(now);
    if (state_ != SessionState::Running) return;
    stateBeforePause_ = state_;
    state_ = SessionState::Paused;
}

void Session::resume(Ticks now) {
    advance(now);
    if (state_ != SessionState::Paused) return;
    state_ = stateBeforePause_;
    emitDue(now); // a phase entered while paused announces itself now
}

void Session::togglePause(Ticks now) {
    switch (state_) {
    case SessionState::Running: pause(now); break;
    case SessionState::Paused: resume(now); break;
    case SessionState::WaitingManual: continueManual(now); break;
    default: break;
    }
}

void Session::skip(Ticks now) {
    advance(now);
    if (live() || state_ == SessionState::Paused) enterPhase(phase_ + 1, now);
}

void Session::back(Ticks now) {
    advance(now);
    if (state_ == SessionState::Ready || state_ == SessionState::Stopped || timeline_->empty()) return;
    if (state_ == SessionState::Finished) {
        state_ = SessionState::Running;
        enterPhase(timeline_->size() - 1, now);
        return;
    }
    const bool nearStart = phaseElapsed_ < toTicks(kBackToPreviousWithinMs);
    enterPhase(nearStart && phase_ > 0 ? phase_ - 1 : phase_, now);
}

void Session::restart(Ticks now) {
    advance(now);
    if (state_ == SessionState::Ready || timeline_->empty()) return;
    state_ = SessionState::Running;
    active_ = 0;
    pastExtensionsMs_ = 0;
    phase_ = 0;
    enterPhase(0, now);
}

void Session::extend(Ticks now, Millis by) {
    advance(now);
    if (state_ != SessionState::Running && state_ != SessionState::Paused) return;
    if (timeline_->phases[phase_].manual) return;
    extension_ += toTicks(by);
    rebuildCues(); // the countdown moves to the new end
}

void Session::continueManual(Ticks now) {
    advance(now);
    if (state_ == SessionState::WaitingManual) enterPhase(phase_ + 1, now);
}

void Session::stop(Ticks now) {
    advance(now);
    if (state_ == SessionState::Finished || state_ == SessionState::Ready) return;
    state_ = SessionState::Stopped;
}

SessionStatus Session::status(Ticks now) const {
    SessionStatus s;
    s.state = state_;
    s.paused = state_ == SessionState::Paused;
    s.over = state_ == SessionState::Finished || state_ == SessionState::Stopped;
    s.phaseSerial = phaseSerial_;
    s.routineTotalMs = timeline_->totalMs + pastExtensionsMs_ + toMillis(extension_);
    if (timeline_->empty()) return s;
    s.phase = phase_;
    const Phase& p = timeline_->phases[phase_];
    s.manual = p.manual;
    if (phase_ + 1 < timeline_->size() && state_ != SessionState::Finished) s.next = phase_ + 1;
    Ticks elapsed = phaseElapsed_;
    Ticks active = active_;
    if (state_ == SessionState::Running && now > lastNow_) {
        // Between advances the phase keeps running; never past its end.
        const Ticks extra = std::min(now - lastNow_, phaseDuration() - phaseElapsed_);
        elapsed += extra;
        active += extra;
    }
    s.phaseElapsedMs = toMillis(elapsed);
    s.phaseDurationMs = toMillis(phaseDuration());
    s.phaseRemainingMs = std::max<Millis>(0, s.phaseDurationMs - s.phaseElapsedMs);
    s.routineElapsedMs = p.startMs + pastExtensionsMs_ + s.phaseElapsedMs;
    s.activeMs = toMillis(active);
    if (state_ == SessionState::Ready) s.routineElapsedMs = 0;
    return s;
}

} // namespace unknot
