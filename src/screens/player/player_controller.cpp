#include "screens/player/player_controller.hpp"

#include "core/i18n.hpp"
#include "routine/routine_writer.hpp"

#include <algorithm>

namespace unknot {

PlayerController::PlayerController(HistorySink& history, Reporter& reporter, PlayerClocks clocks)
    : history_(history), reporter_(reporter), clocks_(std::move(clocks)) {}

bool PlayerController::start(const LibraryEntry& entry, const CueOptions& cues) {
    if (!driver_ || !entry.valid() || entry.timeline().empty()) return false;
    playing_ = PlayingRoutine{entry.id,         entry.displayName(),          entry.totalMs,
                              entry.phaseCount, contentIdOf(entry.routine()), entry.sharedTimeline()};
    status_ = {};
    driver_->start(playing_->shared, cues);
    wallStart_ = clocks_.steadyMs();
    startedAt_ = clocks_.wallSeconds();
    lastSerial_ = 0;
    exitAsked_.close();
    restartAsked_.close();
    skipped_ = 0;
    reporter_.logf("start routine=%s phases=%zu total_ms=%lld ticks_per_second=%lld", entry.id.c_str(),
                   entry.phaseCount, static_cast<long long>(entry.totalMs),
                   static_cast<long long>(driver_->ticksPerSecond()));
    update();
    return true;
}

// ---------------------------------------------------------------------------------------
// Intents
// ---------------------------------------------------------------------------------------
void PlayerController::command(SessionCommand c) {
    if (!playing_ || !driver_) return;
    driver_->apply(c);
    update();
}

void PlayerController::togglePause() { command(SessionCommand::TogglePause); }
void PlayerController::pause() {
    if (status_.state == SessionState::Running) command(SessionCommand::TogglePause);
}
void PlayerController::resume() {
    if (status_.state == SessionState::Paused) command(SessionCommand::TogglePause);
}
void PlayerController::continueManual() {
    if (status_.state == SessionState::WaitingManual) command(SessionCommand::TogglePause);
}
void PlayerController::skip() { command(SessionCommand::Skip); }
void PlayerController::back() { command(SessionCommand::Back); }
void PlayerController::extend() { command(SessionCommand::Extend); }

void PlayerController::restart() {
    if (!playing_) return;
    command(SessionCommand::Restart);
    // A new start: the finished screen's time and the history both count from here.
    wallStart_ = clocks_.steadyMs();
    startedAt_ = clocks_.wallSeconds();
    restartAsked_.close();
    skipped_ = 0;
}

bool PlayerController::askFirst(PendingConfirm& question, const char* what) {
    if (!playing_ || status_.over || question.open()) return false;
    question.ask(clocks_.steadyMs());
    reporter_.logf("%s asked", what);
    return true;
}

bool PlayerController::cancel(PendingConfirm& question, const char* what) {
    if (!question.close()) return false;
    reporter_.logf("%s cancelled", what);
    return true;
}

bool PlayerController::requestRestart() {
    if (askFirst(restartAsked_, "restart")) return true;
    restart();
    return false;
}

bool PlayerController::cancelRestart() { return cancel(restartAsked_, "restart"); }

bool PlayerController::completed() const {
    const std::size_t phases = playing_ ? playing_->timeline().size() : 0;
    return status_.state == SessionState::Finished && static_cast<std::size_t>(skipped_) * 5 <= phases;
}

bool PlayerController::requestExit() {
    if (askFirst(exitAsked_, "exit")) return true;
    stop();
    return false;
}

bool PlayerController::cancelExit() { return cancel(exitAsked_, "exit"); }

void PlayerController::leave() {
    if (playing_ && !status_.over && driver_) {
        // With sound, the stop lands in the next audio buffer; the UI leaves now.
        driver_->apply(SessionCommand::Stop);
        reporter_.logf("stopped active_ms=%lld wall_ms=%lld", static_cast<long long>(status_.activeMs),
                       static_cast<long long>(clocks_.steadyMs() - wallStart_));
        record(false);
    }
    playing_.reset();
    status_ = {};
    exitAsked_.close();
}

void PlayerController::stop() { leave(); }
void PlayerController::quit() { leave(); }

// ---------------------------------------------------------------------------------------
// Time
// ---------------------------------------------------------------------------------------
void PlayerController::update() {
    if (!playing_ || !driver_) return;
    std::vector<SessionEvent> events;
    const bool wasOver = status_.over;
    status_ = driver_->update(events);
    const Ticks now = clocks_.steadyMs();
    for (const auto& e : events) logEvent(e);
    if (status_.phaseSerial != lastSerial_ && !status_.over) {
        lastSerial_ = status_.phaseSerial;
        logPhase();
        if (flash_) flashUntil_ = now + flashMs_; // 250 ms by default: seen from the floor
    }
    if (status_.over && !wasOver) {
        wallEnd_ = now;
        reporter_.logf("%s active_ms=%lld wall_ms=%lld",
                       status_.state == SessionState::Finished ? "finished" : "stopped",
                       static_cast<long long>(status_.activeMs), static_cast<long long>(wallEnd_ - wallStart_));
        record(completed());
    }
    exitAsked_.expire(now);
    restartAsked_.expire(now);
}

void PlayerController::logPhase() {
    const Timeline& t = playing_->timeline();
    if (status_.phase >= t.size()) return;
    const Phase& p = t.phases[status_.phase];
    reporter_.logf("phase index=%zu kind=%s side=%s duration_ms=%lld label=\"%s\"", status_.phase,
                   std::string(kindName(p.kind)).c_str(),
                   p.side == Side::None ? "none" : std::string(sideName(p.side)).c_str(),
                   static_cast<long long>(p.durationMs), p.label.str().c_str());
}

void PlayerController::logEvent(const SessionEvent& e) {
    if (e.type == SessionEvent::Type::Cue)
        reporter_.logf("cue type=%s phase=%zu count=%d at=%lld", std::string(cueTypeName(e.cue.type)).c_str(),
                       e.cue.phase, e.cue.count, static_cast<long long>(e.at));
    else {
        if (e.command == SessionCommand::Skip) ++skipped_;
        reporter_.logf("command %s phase=%zu remaining_ms=%lld state=%s at=%lld", commandName(e.command), e.phase,
                       static_cast<long long>(e.remainingMs), std::string(stateName(e.state)).c_str(),
                       static_cast<long long>(e.at));
    }
}

void PlayerController::record(bool completed) {
    HistoryRecord r{startedAt_,       playing_->id, playing_->displayName(), playing_->totalMs,
                    status_.activeMs, completed,    playing_->contentId};
    r.skippedPhases = skipped_;
    if (auto error = history_.append(r))
        reporter_.notice(Notice{format(_("cannot write the history: {0}"), {*error}),
                                {},
                                _("Free some disk space or make Unknot's data folder writable: sessions after it are "
                                  "kept again")});
}

// ---------------------------------------------------------------------------------------
// State out
// ---------------------------------------------------------------------------------------
Millis PlayerController::wallMs() const { return (status_.over ? wallEnd_ : clocks_.steadyMs()) - wallStart_; }

std::optional<Millis> PlayerController::nextChangeInMs() const {
    std::optional<Millis> wait;
    const auto sooner = [&](Millis ms) { wait = std::max<Millis>(1, wait ? std::min(*wait, ms) : ms); };
    const Ticks now = clocks_.steadyMs();
    if (playing_ && status_.state == SessionState::Running) {
        // The countdown rounds up, so it changes at each whole second.
        const Millis intoSecond = status_.phaseRemainingMs % 1000;
        sooner((intoSecond == 0 ? 1000 : intoSecond) + 1);
    }
    if (flashUntil_ > now) sooner(flashUntil_ - now);
    for (const PendingConfirm* question : {&exitAsked_, &restartAsked_})
        if (const auto left = question->msLeft(now)) sooner(*left);
    return wait;
}

} // namespace unknot
