#include "play/session_driver.hpp"

namespace unknot {

const char* commandName(SessionCommand c) {
    switch (c) {
    case SessionCommand::TogglePause: return "toggle-pause";
    case SessionCommand::Skip: return "skip";
    case SessionCommand::Back: return "back";
    case SessionCommand::Extend: return "extend";
    case SessionCommand::Restart: return "restart";
    case SessionCommand::Stop: return "stop";
    }
    return "?";
}

SessionEvent applyCommand(Session& session, SessionCommand command, Ticks now) {
    switch (command) {
    case SessionCommand::TogglePause: session.togglePause(now); break;
    case SessionCommand::Skip: session.skip(now); break;
    case SessionCommand::Back: session.back(now); break;
    case SessionCommand::Extend: session.extend(now); break;
    case SessionCommand::Restart: session.restart(now); break;
    case SessionCommand::Stop: session.stop(now); break;
    }
    const SessionStatus s = session.status(now);
    SessionEvent e;
    e.type = SessionEvent::Type::Command;
    e.command = command;
    e.at = now;
    e.phase = s.phase;
    e.remainingMs = s.phaseRemainingMs;
    e.state = s.state;
    return e;
}

SteadyClockDriver::SteadyClockDriver(Clock clock, Ticks ticksPerSecond)
    : clock_(std::move(clock)), tps_(ticksPerSecond) {}

void SteadyClockDriver::start(std::shared_ptr<const Timeline> timeline, const CueOptions& options) {
    session_ = std::make_unique<Session>(std::move(timeline), options, tps_, &collector_);
    session_->start(now());
}

void SteadyClockDriver::adopt(SessionHandover handover) {
    collector_.events.insert(collector_.events.begin(), handover.events.begin(), handover.events.end());
    session_ = std::move(handover.session);
    offset_ = handover.at - clock_();
    if (session_) session_->setListener(&collector_);
}

SessionHandover SteadyClockDriver::handOver() {
    SessionHandover out;
    out.at = now();
    if (session_) {
        session_->advance(out.at); // cues due up to now are reported, not lost
        session_->setListener(nullptr);
    }
    out.session = std::move(session_);
    out.events = std::move(collector_.events);
    collector_.events.clear();
    return out;
}

void SteadyClockDriver::apply(SessionCommand command) {
    if (!session_) return;
    const Ticks t = now();
    session_->advance(t); // cues due before the command come first
    collector_.events.push_back(applyCommand(*session_, command, t));
}

void SteadyClockDriver::setCueOptions(const CueOptions& options) {
    if (session_) session_->setCueOptions(options);
}

SessionStatus SteadyClockDriver::update(std::vector<SessionEvent>& events) {
    if (!session_) return {};
    const Ticks t = now();
    session_->advance(t);
    events.insert(events.end(), collector_.events.begin(), collector_.events.end());
    collector_.events.clear();
    return session_->status(t);
}

} // namespace unknot
