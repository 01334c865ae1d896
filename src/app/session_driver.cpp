#include "app/session_driver.hpp"

#include <chrono>

namespace unknot {

void applyCommand(Session& session, SessionCommand command, Ticks now) {
    switch (command) {
    case SessionCommand::TogglePause: session.togglePause(now); break;
    case SessionCommand::Skip: session.skip(now); break;
    case SessionCommand::Back: session.back(now); break;
    case SessionCommand::Extend: session.extend(now); break;
    case SessionCommand::Restart: session.restart(now); break;
    case SessionCommand::Stop: session.stop(now); break;
    }
}

Ticks steadyClockMs() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

SteadyClockDriver::SteadyClockDriver(Clock clock) : clock_(std::move(clock)) {}

void SteadyClockDriver::start(const Timeline& timeline, const CueOptions& options) {
    SessionListener* listener = this;
    session_ = std::make_unique<Session>(timeline, options, ticksPerSecond(), listener);
    pending_.clear();
    session_->start(clock_());
}

void SteadyClockDriver::apply(SessionCommand command) {
    if (session_) applyCommand(*session_, command, clock_());
}

void SteadyClockDriver::setCueOptions(const CueOptions& options) {
    if (session_) session_->setCueOptions(options);
}

SessionStatus SteadyClockDriver::update(std::vector<FiredCue>& cues) {
    if (!session_) return {};
    const Ticks now = clock_();
    session_->advance(now);
    cues.insert(cues.end(), pending_.begin(), pending_.end());
    pending_.clear();
    return session_->status(now);
}

} // namespace unknot
