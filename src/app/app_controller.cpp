// Index: construction and time; input (keys, then intents by concern); the player; settings.
#include "app/app_controller.hpp"

#include <algorithm>
#include <utility>

namespace unknot {

AppController::AppController(AppShell& shell, Reporter& reporter, HistorySink& history, SettingsFile& settingsFile,
                             WorkshopPaths paths, LibraryFolders folders, Settings settings, PlayerClocks clocks)
    : shell_(shell), reporter_(reporter), settingsFile_(settingsFile), settings_(std::move(settings)),
      library_(std::move(folders), reporter, clocks.steadyMs), player_(history, reporter, clocks),
      workshop_(*this, reporter, router_, std::move(paths)), history_(history) {}

void AppController::setDriver(SessionDriver* driver) {
    driver_ = driver;
    player_.setDriver(driver);
}

void AppController::begin(const std::optional<LibraryEntry>& startWith) {
    library_.rescan(settings_.lastRoutine);
    if (startWith)
        startRoutine(*startWith);
    else
        reporter_.log("screen library");
}

// ---------------------------------------------------------------------------------------
// Time
// ---------------------------------------------------------------------------------------
void AppController::tick() {
    if (player_.playing()) {
        player_.update();
        if (player_.over() && !overHandled_) {
            // Recorded by now (in update(), or in the command that ended it): ask how it feels.
            overHandled_ = true;
            sessionRecorded();
            const auto& areas = player_.routine()->routine().checkIn;
            if (!areas.empty()) openCheckIn(areas, CheckInMoment::After, player_.routine()->displayName());
        }
        // The screen stays awake while a routine plays, and may sleep when paused or done.
        screenSaver(!player_.running());
    }
    if (screen() == ui::Screen::Library) library_.poll(settings_.lastRoutine);
    history_.poll();
}

std::vector<long long> AppController::signature(unsigned noticeSerial) const {
    const SessionStatus& s = player_.status();
    return {static_cast<long long>(screen()),
            static_cast<long long>(library_.scans()),
            static_cast<long long>(s.state),
            static_cast<long long>(s.phaseSerial),
            (s.phaseRemainingMs + 999) / 1000,
            (s.routineTotalMs - s.routineElapsedMs + 999) / 1000,
            player_.flashing(),
            player_.confirmingExit(),
            showHelp_,
            static_cast<long long>(noticeSerial),
            checkIn_ ? static_cast<long long>(checkIn_->index()) : -1,
            checkIn_ && checkIn_->noteOpen()};
}

void AppController::finish() {
    player_.quit();
    sessionRecorded();
    shell_.setScreenSaverEnabled(true);
}

// ---------------------------------------------------------------------------------------
// Input
// ---------------------------------------------------------------------------------------
void AppController::key(ui::Key key, bool ctrl, bool typing, ui::Modifiers more) {
    if (const auto command = ui::mediaCommandForKey(key)) return media(*command);
    // From `/` or Ctrl+F on, the search holds the keys (LibraryModel::requestSearchFocus), also
    // before `typing` (ImGui's WantTextInput) says so; Esc and Enter end it.
    if (screen() == ui::Screen::Library && library_.searchHoldsKeys()) {
        typing = true;
        if (key == ui::Key::Escape || key == ui::Key::Enter) library_.releaseSearch();
    }
    handle(ui::intentForKey(key, ui::KeyContext{screen(), ctrl, typing, settingsPanel_.open,
                                                checkIn_ && checkIn_->noteOpen(), more.alt, more.shift}));
}

void AppController::media(ui::MediaCommand command) {
    reporter_.logf("media %s", std::string(ui::mediaCommandName(command)).c_str());
    handle(ui::intentForMedia(command, mediaContext()));
}

ui::MediaContext AppController::mediaContext() const {
    return {screen(), player_.playing() ? player_.status().state : SessionState::Ready, library_.selected() != nullptr,
            settingsPanel_.open};
}

bool AppController::requestQuit() {
    if (workshop_.requestQuit()) quit_ = true;
    return quit_;
}

void AppController::handle(const ui::Intent& intent) {
    if (!intent) return;
    // While "leave?" is asked, Space (or anything but Esc) keeps the routine going.
    if (intent.action != ui::Action::RequestExit && player_.cancelExit() && intent.action == ui::Action::TogglePause)
        return;
    // Likewise "restart?": anything but a second R keeps the routine where it is.
    if (intent.action != ui::Action::Restart && player_.cancelRestart() && intent.action == ui::Action::TogglePause)
        return;
    handleCheckIn(intent) || handleLibrary(intent) || handleWorkshop(intent) || handlePlayer(intent) ||
        handleSound(intent) || handleWindow(intent);
    if (screen() != ui::Screen::Library) library_.releaseSearch(); // back in the library, shortcuts work
}

bool AppController::handleLibrary(const ui::Intent& intent) {
    using ui::Action;
    switch (intent.action) {
    case Action::Select: library_.select(intent.index); return true;
    case Action::SelectPrevious: library_.moveSelection(-1); return true;
    case Action::SelectNext: library_.moveSelection(+1); return true;
    case Action::FocusSearch: library_.requestSearchFocus(); return true;
    case Action::Start: withEntry(intent.index, [&](const LibraryEntry& e) { startRoutine(e); }); return true;
    case Action::StartSelected:
        if (screen() == ui::Screen::Library && library_.selected()) startRoutine(*library_.selected());
        return true;
    default: return false;
    }
}

bool AppController::handleWorkshop(const ui::Intent& intent) {
    using ui::Action;
    switch (intent.action) {
    case Action::NewRoutine: workshop_.newRoutine(); return true;
    case Action::OpenQuickSet: workshop_.openQuickSet(); return true;
    case Action::Duplicate:
        withEntry(intent.index, [&](const LibraryEntry& e) { workshop_.duplicate(e); });
        return true;
    case Action::Edit: withEntry(intent.index, [&](const LibraryEntry& e) { workshop_.edit(e); }); return true;
    case Action::EditSelected:
        if (const LibraryEntry* e = library_.selected(); e && e->valid()) {
            if (e->source == RoutineSource::User)
                workshop_.edit(*e);
            else
                workshop_.duplicate(*e);
        }
        return true;
    case Action::Delete: withEntry(intent.index, [&](const LibraryEntry& e) { workshop_.remove(e); }); return true;
    case Action::DeleteSelected:
        if (library_.selected()) workshop_.remove(*library_.selected());
        return true;
    case Action::UndoDelete: workshop_.undoRemove(); return true;
    case Action::OpenHistory: workshop_.openHistory(); return true;
    case Action::CloseView: workshop_.close(); return true;
    case Action::Undo: workshop_.undo(); return true;
    case Action::Redo: workshop_.redo(); return true;
    case Action::PreviousStep: workshop_.chooseStep(-1); return true;
    case Action::NextStep: workshop_.chooseStep(+1); return true;
    case Action::StepCommand: workshop_.stepCommand(intent.edit); return true;
    case Action::Save: workshop_.save(); return true;
    case Action::EditRoutine: workshop_.editorAction(intent.edit); return true;
    case Action::QuickStart: workshop_.startQuickSet(); return true;
    case Action::QuickRefine: workshop_.refineQuickSet(); return true;
    default: return false;
    }
}

bool AppController::handlePlayer(const ui::Intent& intent) {
    using ui::Action;
    switch (intent.action) {
    case Action::TogglePause: player_.togglePause(); return true;
    case Action::Skip: player_.skip(); return true;
    case Action::Back: player_.back(); return true;
    case Action::Extend: player_.extend(); return true;
    case Action::Restart:
        // While a routine plays the first R asks; a restart is a new session, asked about again at its end.
        if (!player_.requestRestart()) overHandled_ = false;
        return true;
    case Action::RequestExit:
        if (!player_.requestExit()) toLibrary();
        return true;
    case Action::ToLibrary: toLibrary(); return true;
    case Action::Pause: player_.pause(); return true;
    case Action::Resume:
        if (player_.status().state == SessionState::Paused)
            player_.resume();
        else
            player_.continueManual();
        return true;
    case Action::Stop:
        if (player_.playing()) toLibrary(); // recorded as stopped, as Esc twice would
        return true;
    default: return false;
    }
}

bool AppController::handleSound(const ui::Intent& intent) {
    using ui::Action;
    switch (intent.action) {
    case Action::ToggleMute: settings_.muted = !settings_.muted; break;
    case Action::VolumeUp: settings_.volume = std::min(100, settings_.volume + Settings::kVolumeStep); break;
    case Action::VolumeDown: settings_.volume = std::max(0, settings_.volume - Settings::kVolumeStep); break;
    case Action::SetVolume: settings_.volume = std::clamp(intent.value, 0, 100); break;
    default: return false;
    }
    soundSettingsChanged();
    return true;
}

bool AppController::handleWindow(const ui::Intent& intent) {
    using ui::Action;
    switch (intent.action) {
    case Action::ToggleFullscreen:
        reporter_.logf("fullscreen %s", shell_.toggleFullscreen() ? "on" : "off");
        return true;
    case Action::ToggleHelp:
        showHelp_ = !showHelp_;
        reporter_.logf("help %s", showHelp_ ? "on" : "off");
        return true;
    case Action::OpenSettings:
        ui::openSettings(settingsPanel_, settings_);
        reporter_.log("settings open");
        return true;
    case Action::ApplySettings: applySettings(settingsPanel_.draft); return true;
    case Action::CloseSettings:
        settingsPanel_.open = false;
        reporter_.log("settings closed");
        return true;
    case Action::Quit: requestQuit(); return true;
    default: return false;
    }
}

// ---------------------------------------------------------------------------------------
// The player
// ---------------------------------------------------------------------------------------
void AppController::startRoutine(const LibraryEntry& entry) {
    if (entry.valid() && !entry.routine().checkIn.empty() && settings_.checkInBefore) {
        startAfterCheckIn_ = entry;
        openCheckIn(entry.routine().checkIn, CheckInMoment::Before, entry.displayName());
        return;
    }
    playRoutine(entry);
}

void AppController::playRoutine(const LibraryEntry& entry) {
    overHandled_ = false;
    player_.setFlash(settings_.flash, settings_.flashMs);
    if (!player_.start(entry, settings_.cues)) {
        beforeAnswers_.clear(); // no session for them to belong to
        return;
    }
    router_.open(Route::Player);
    settings_.lastRoutine = entry.id;
    screenSaver(!player_.running());
}

void AppController::toLibrary() {
    player_.stop();
    sessionRecorded();
    router_.close(Route::Player);
    screenSaver(true);
    reporter_.logf("screen %s", std::string(routeName(router_.top())).c_str()); // "Try it" comes back to the editor
}

void AppController::screenSaver(bool allowed) {
    if (shell_.setScreenSaverEnabled(allowed)) reporter_.logf("screensaver %s", allowed ? "allowed" : "off");
}

void AppController::routinesChanged(const std::string& selectId) {
    if (!selectId.empty()) settings_.lastRoutine = selectId;
    library_.clearSelection();
    library_.rescan(settings_.lastRoutine);
}

// ---------------------------------------------------------------------------------------
// Check-ins: before a routine (a setting), after it, and on their own from the history
// ---------------------------------------------------------------------------------------
bool AppController::handleCheckIn(const ui::Intent& intent) {
    using ui::Action;
    if (intent.action == Action::OpenCheckIn) {
        openCheckIn(knownAreas(), CheckInMoment::Standalone, {});
        return true;
    }
    if (!checkIn_) return false;
    switch (intent.action) {
    case Action::CheckInDigit: checkIn_->digit(intent.value); break;
    case Action::CheckInScore: checkIn_->setScore(intent.value); break;
    case Action::CheckInUp: checkIn_->up(); break;
    case Action::CheckInDown: checkIn_->down(); break;
    case Action::CheckInNext: checkIn_->next(wallClockSeconds()); break;
    case Action::CheckInSkipAll: checkIn_->skipAll(); break;
    case Action::CheckInNote:
        checkIn_->openNote();
        reporter_.logf("check-in note open index=%zu", checkIn_->index());
        return true;
    case Action::CheckInNoteText: checkIn_->setNoteDraft(intent.text); return true;
    case Action::CheckInNoteKeep:
        // Too long: the line stays open and says why (the view shows noteProblem()).
        if (!checkIn_->keepNote()) {
            reporter_.logf("check-in note too-long bytes=%zu", checkIn_->noteDraft().size());
            return true;
        }
        reporter_.logf("check-in note kept index=%zu bytes=%zu", checkIn_->index(), checkIn_->note().size());
        return true;
    case Action::CheckInNoteDrop:
        checkIn_->dropNote();
        reporter_.logf("check-in note dropped index=%zu", checkIn_->index());
        return true;
    default: return false;
    }
    if (checkIn_->done())
        checkInAnswered();
    else
        reporter_.logf("check-in index=%zu score=%d question=\"%s\"", checkIn_->index(), checkIn_->score().value_or(-1),
                       checkIn_->question().c_str());
    sayQuestion();
    return true;
}

void AppController::openCheckIn(const std::vector<std::string>& areas, CheckInMoment moment, std::string routineName) {
    checkIn_.emplace(areas, moment);
    checkInRoutineName_ = std::move(routineName);
    router_.open(Route::CheckIn);
    reporter_.logf("screen check-in moment=%s questions=%zu", std::string(momentName(moment)).c_str(),
                   checkIn_->count());
    ++checkInSerial_;
    if (checkIn_->done())
        checkInAnswered();
    else
        reporter_.logf("check-in index=0 score=-1 question=\"%s\"", checkIn_->question().c_str());
    sayQuestion();
}

// The voice asks each question once, as it comes up, eyes shut on the mat; the sound device
// says it when no cue sounds (after the end's chime and "Done.", say).
void AppController::sayQuestion() {
    if (!checkIn_ || checkIn_->done() || !driver_ || !settings_.voice.enabled) return;
    const std::pair<std::uint64_t, std::size_t> question{checkInSerial_, checkIn_->index()};
    if (question == questionSaid_) return;
    questionSaid_ = question;
    driver_->say(checkIn_->question() + " 0 none, 10 worst.");
    reporter_.logf("check-in said index=%zu", checkIn_->index());
}

void AppController::checkInAnswered() {
    const CheckInMoment moment = checkIn_->moment();
    auto answers = checkIn_->answers(moment == CheckInMoment::After ? history_.lastSessionId() : std::nullopt);
    checkIn_.reset();
    router_.close(Route::CheckIn);
    reporter_.logf("check-in done moment=%s answers=%zu", std::string(momentName(moment)).c_str(), answers.size());
    if (moment == CheckInMoment::Before) {
        beforeAnswers_ = std::move(answers); // their session has no id until it is recorded
        if (auto entry = std::exchange(startAfterCheckIn_, std::nullopt)) playRoutine(*entry);
        return;
    }
    for (const auto& a : answers)
        if (auto error = history_.addCheckIn(a)) reporter_.notice("cannot record the check-in: " + *error);
    if (moment == CheckInMoment::Standalone && router_.top() == Route::History) workshop_.openHistory();
}

void AppController::sessionRecorded() {
    const auto id = history_.lastSessionId();
    for (auto& a : std::exchange(beforeAnswers_, {})) {
        a.sessionId = id;
        if (auto error = history_.addCheckIn(a)) reporter_.notice("cannot record the check-in: " + *error);
    }
}

std::vector<std::string> AppController::knownAreas() const {
    std::vector<std::string> areas;
    for (const auto& e : library_.entries())
        if (e.valid())
            for (const auto& a : e.routine().checkIn)
                if (std::find(areas.begin(), areas.end(), a) == areas.end()) areas.push_back(a);
    return areas;
}

// ---------------------------------------------------------------------------------------
// Settings
// ---------------------------------------------------------------------------------------
// What the settings panel changed takes effect at once and is saved.
void AppController::applySettings(const Settings& draft) {
    const Settings before = settings_;
    settings_ = draft;
    settings_.window = before.window;
    settings_.lastRoutine = before.lastRoutine;
    if (draft.cues != before.cues && driver_) driver_->setCueOptions(settings_.cues);
    if (draft.fontScale != before.fontScale) shell_.setFontScale(settings_.fontScale);
    if (draft.uiScale != before.uiScale) shell_.setUiScale(settings_.uiScale);
    player_.setFlash(settings_.flash, settings_.flashMs);
    if (draft.sounds != before.sounds || draft.voice != before.voice || draft.outputDevice != before.outputDevice)
        shell_.soundFilesChanged(); // reopens with them
    reporter_.logf("settings applied countdown=%d halfway=%d flash=%d font_scale=%.2f ui_scale=%s",
                   settings_.cues.countdown, settings_.cues.halfway, settings_.flash, settings_.fontScale,
                   settings_.uiScale ? std::to_string(*settings_.uiScale).substr(0, 4).c_str() : "auto");
    soundSettingsChanged();
}

void AppController::soundSettingsChanged() {
    if (driver_) driver_->setVolume(settings_.volume, settings_.muted);
    reporter_.logf("volume %d mute %s", settings_.volume, settings_.muted ? "on" : "off");
    const auto saved = settingsFile_.save(settings_);
    if (saved.error || saved.notice) reporter_.notice(saved.error ? *saved.error : *saved.notice);
}

} // namespace unknot
