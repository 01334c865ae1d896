#pragma once
// The player: intents in (pause, resume, skip, back, extend, restart, continue, stop, quit),
// state out. It drives whichever SessionDriver the app hands it (the audio device, or the
// steady clock without sound), logs what the session did, flashes at each phase change and
// records every finished or stopped session in the history. No SDL, no ImGui: unit tests
// drive it with a SteadyClockDriver on a fake clock.

#include "core/reporter.hpp"
#include "play/session_driver.hpp"
#include "screens/clocks.hpp"
#include "store/history_sink.hpp"
#include "store/library.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace unknot {

using PlayerClocks = Clocks; // steadyMs: the flash, wall time, the Esc prompt; wallSeconds: the history's start

// What the player keeps of the routine it plays: the library's timeline, shared with the entry
// and the session (never copied), and the few fields it shows and records.
struct PlayingRoutine {
    std::string id;
    std::string name; // the entry's displayName()
    Millis totalMs = 0;
    std::size_t phaseCount = 0;
    std::string contentId;            // the history's: an edited routine is not its old self
    std::shared_ptr<const Timeline> shared;

    [[nodiscard]] const std::string& displayName() const { return name; }
    [[nodiscard]] const Timeline& timeline() const { return *shared; }
};

// "Press it again to confirm": a question the next press of the same key answers, open until
// then, until any other intent, or until it has waited `kConfirmMs`. Leaving and restarting
// ask the same way.
class PendingConfirm {
  public:
    static constexpr Millis kConfirmMs = 4000;
    [[nodiscard]] bool open() const { return open_; }
    void ask(Ticks now) {
        open_ = true;
        until_ = now + kConfirmMs;
    }
    bool close() { return std::exchange(open_, false); } // true when it was open
    void expire(Ticks now) {
        if (open_ && now >= until_) open_ = false;
    }
    [[nodiscard]] std::optional<Millis> msLeft(Ticks now) const {
        return open_ ? std::optional<Millis>(until_ - now) : std::nullopt;
    }

  private:
    bool open_ = false;
    Ticks until_ = 0;
};

class PlayerController {
  public:
    // How long the "press Esc again" prompt waits.
    static constexpr Millis kConfirmExitMs = PendingConfirm::kConfirmMs;

    PlayerController(HistorySink& history, Reporter& reporter, PlayerClocks clocks);

    // The driver to play on; the app swaps it when the sound device comes or goes.
    void setDriver(SessionDriver* driver) { driver_ = driver; }
    // The flash at each phase change (settings: flash, flashMs).
    void setFlash(bool enabled, Millis ms) {
        flash_ = enabled;
        flashMs_ = ms;
    }
    [[nodiscard]] bool flashEnabled() const { return flash_; }
    [[nodiscard]] Millis flashMs() const { return flashMs_; }

    // Plays the entry from its start; false (and nothing changes) when it cannot play.
    bool start(const LibraryEntry& entry, const CueOptions& cues);

    // -- intents -------------------------------------------------------------------------------
    // Commands take effect in the session's own time (with sound, at the next audio buffer).
    void togglePause();    // Space: pause, resume or continue, whichever applies
    void pause();          // only while running
    void resume();         // only while paused
    void continueManual(); // only while a manual phase waits
    void skip();
    void back();
    void extend();
    void restart(); // from the first phase; the history counts from here
    // R: while a routine plays the first asks (true when it now asks) and a second within
    // kConfirmExitMs restarts; on the finished screen it restarts at once.
    bool requestRestart();
    bool cancelRestart(); // any other intent; true when it was asking
    // Esc: the first asks (true when it now asks), the second stops and leaves.
    bool requestExit();
    // Any other intent while it asks keeps the routine going; true when it was asking.
    bool cancelExit();
    void stop(); // leave the player: a routine still going is recorded as stopped
    void quit(); // the app closes: likewise, so no session is lost from the history

    // -- time ----------------------------------------------------------------------------------
    // Reads the session as of now: logs its events, starts the flash, records the end.
    void update();

    // -- state out -----------------------------------------------------------------------------
    [[nodiscard]] bool playing() const { return playing_.has_value(); }
    [[nodiscard]] const PlayingRoutine* routine() const { return playing_ ? &*playing_ : nullptr; }
    [[nodiscard]] const SessionStatus& status() const { return status_; }
    [[nodiscard]] bool over() const { return playing_ && status_.over; }
    [[nodiscard]] bool running() const {
        return status_.state == SessionState::Running || status_.state == SessionState::WaitingManual;
    }
    [[nodiscard]] bool flashing() const { return flashUntil_ > clocks_.steadyMs(); }
    [[nodiscard]] bool confirmingExit() const { return exitAsked_.open(); }
    [[nodiscard]] bool confirmingRestart() const { return restartAsked_.open(); }
    // Phases skipped since the start (or restart), and whether the run counts as done: it
    // ended and no more than a fifth of its phases were skipped.
    [[nodiscard]] int skippedPhases() const { return skipped_; }
    [[nodiscard]] bool completed() const;
    // Time since the start, pauses included (the finished screen).
    [[nodiscard]] Millis wallMs() const;
    [[nodiscard]] std::int64_t startedAt() const { return startedAt_; }
    // How long until what the player shows changes by itself (the countdown's second, the end
    // of a flash, the Esc prompt running out); nullopt when nothing will.
    [[nodiscard]] std::optional<Millis> nextChangeInMs() const;

  private:
    HistorySink& history_;
    Reporter& reporter_;
    PlayerClocks clocks_;
    SessionDriver* driver_ = nullptr;
    bool flash_ = true;
    Millis flashMs_ = 250;

    std::optional<PlayingRoutine> playing_;
    SessionStatus status_;
    std::uint64_t lastSerial_ = 0;
    std::int64_t startedAt_ = 0; // wall clock, for the history
    Ticks wallStart_ = 0;
    Ticks wallEnd_ = 0;
    Ticks flashUntil_ = 0;
    PendingConfirm exitAsked_;
    PendingConfirm restartAsked_;
    int skipped_ = 0;

    void command(SessionCommand command);
    void logEvent(const SessionEvent& event);
    void logPhase();
    void record(bool completed);
    void leave(); // stop(), quit()
    // While a routine goes on, opens `question` unless it is open (true: it asks now);
    // `what` names it in the log. Closes it: true when it was open.
    bool askFirst(PendingConfirm& question, const char* what);
    bool cancel(PendingConfirm& question, const char* what);
};

} // namespace unknot
