// Index: construction and time; input (keys, then intents by concern); the player; settings.
#include "app/app_controller.hpp"

#include "core/i18n.hpp"

#include <algorithm>
#include <utility>

namespace unknot {

AppController::AppController(AppShell& shell, Reporter& reporter, HistorySink& history, SettingsFile& settingsFile,
                             AppPaths paths, LibraryFolders folders, Settings settings, Clocks clocks)
    : shell_(shell), reporter_(reporter), settingsFile_(settingsFile), settings_(std::move(settings)),
      library_(std::move(folders), reporter), player_(history, reporter, clocks), paths_(std::move(paths)),
      trash_(reporter, paths_.trash, clocks.wallSeconds), history_(history), clocks_(std::move(clocks)) {}

void AppController::setDriver(SessionDriver* driver) {
    driver_ = driver;
    player_.setDriver(driver);
}

void AppController::followPrograms(ProgramFolders folders, std::filesystem::path db,
                                   std::function<std::int64_t()> wallClock) {
    today_.emplace(std::move(folders), std::move(db), reporter_, std::move(wallClock));
}

void AppController::refreshToday() {
    if (!today_) return;
    today_->refresh(library_.entries());
    if (const auto id = today_->nextDueId()) {
        const auto& entries = library_.entries();
        for (RoutineSource source : {RoutineSource::Dir, RoutineSource::User, RoutineSource::BuiltIn})
            for (std::size_t i = 0; i < entries.size(); ++i)
                if (entries[i].source == source && entries[i].id == *id) {
                    library_.select(i);
                    return;
                }
    }
}

void AppController::begin(const std::optional<LibraryEntry>& startWith) {
    library_.rescan(settings_.lastRoutine);
    refreshToday();
    if (startWith)
        startRoutine(*startWith);
    else
        reporter_.log("screen library");
}

// ---------------------------------------------------------------------------------------
// Time
// ---------------------------------------------------------------------------------------
void AppController::tick() {
    router_.sweep();
    if (player_.playing()) {
        player_.update();
        if (player_.over() && !overHandled_) {
            // Recorded by now (in update(), or in the command that ended it): ask how it feels.
            overHandled_ = true;
            sessionRecorded();
            const auto& areas = player_.routine()->checkIn;
            if (!areas.empty()) openCheckIn(areas, CheckInMoment::After, player_.routine()->displayName());
        }
        // The screen stays awake while a routine plays, and may sleep when paused or done.
        screenSaver(!player_.running());
    }
    library_.poll(settings_.lastRoutine); // what the loader read: a routine saved in the editor, a file changed
    history_.poll();
}

std::vector<long long> AppController::signature(unsigned noticeSerial) const {
    const SessionStatus& s = player_.status();
    return {static_cast<long long>(screen()),
            static_cast<long long>(library_.scans()),
            today_ ? static_cast<long long>(today_->serial()) : -1,
            static_cast<long long>(s.state),
            static_cast<long long>(s.phaseSerial),
            (s.phaseRemainingMs + 999) / 1000,
            (s.routineTotalMs - s.routineElapsedMs + 999) / 1000,
            player_.flashing(),
            player_.confirmingExit(),
            showHelp_,
            static_cast<long long>(noticeSerial),
            checkIn() ? static_cast<long long>(checkIn()->index()) : -1,
            checkIn() && checkIn()->noteOpen()};
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
    const Screen* top = router_.topScreen();
    handle(ui::intentForKey(key, ui::KeyContext{screen(), ctrl, typing, settingsPanel_.open, top && top->holdsKeys(),
                                                more.alt, more.shift}));
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
    EditorScreen* editor = editorScreen();
    if (!editor || editor->requestQuit()) quit_ = true;
    return quit_;
}

void AppController::handle(const ui::Intent& given) {
    router_.sweep(); // the screens closed by the last intent
    if (!given) return;
    // Enter in the history presses the button its arrows chose.
    const ui::Intent intent = given.action == ui::Action::StartSelected && router_.top() == Route::History
                                  ? historyScreen()->pressFocused()
                                  : given;
    // While "leave?" is asked, Space (or anything but Esc) keeps the routine going.
    if (intent.action != ui::Action::RequestExit && player_.cancelExit() && intent.action == ui::Action::TogglePause)
        return;
    // Likewise "restart?": anything but a second R keeps the routine where it is.
    if (intent.action != ui::Action::Restart && player_.cancelRestart() && intent.action == ui::Action::TogglePause)
        return;
    // The screen on top first; what it leaves (the sound, the window, opening another) is the app's.
    if (Screen* top = router_.topScreen(); top && top->handle(intent)) {
    } else if (intent.action == ui::Action::OpenCheckIn) {
        openCheckIn(knownAreas(), CheckInMoment::Standalone, {});
    } else {
        handleLibrary(intent) || openScreens(intent) || handlePlayer(intent) || handleSound(intent) ||
            handleWindow(intent);
    }
    if (screen() != ui::Screen::Library) library_.releaseSearch(); // back in the library, shortcuts work
}

bool AppController::handleLibrary(const ui::Intent& intent) {
    using ui::Action;
    switch (intent.action) {
    case Action::Select: library_.select(intent.index); return true;
    case Action::SelectPrevious: library_.moveSelection(-1); return true;
    case Action::SelectNext: library_.moveSelection(+1); return true;
    case Action::FocusSearch: library_.requestSearchFocus(); return true;
    case Action::RanToday:
        if (today_ && today_->panel().show && today_->markRan(library_.entries())) refreshToday();
        return true;
    case Action::StartToday:
        for (RoutineSource source : {RoutineSource::Dir, RoutineSource::User, RoutineSource::BuiltIn})
            for (const auto& e : library_.entries())
                if (e.source == source && e.id == intent.text && e.valid()) return startRoutine(e), true;
        return true;
    case Action::Start: withEntry(intent.index, [&](const LibraryEntry& e) { startRoutine(e); }); return true;
    case Action::StartSelected:
        if (screen() == ui::Screen::Library && library_.selected()) startRoutine(*library_.selected());
        return true;
    default: return false;
    }
}

// The library's ways to the other screens, and deleting. (Esc, Save and the editors' own
// intents went to the screen on top.)
bool AppController::openScreens(const ui::Intent& intent) {
    using ui::Action;
    ScreenHost& host = *this;
    switch (intent.action) {
    case Action::NewRoutine: show(EditorScreen::blank(host)); return true;
    case Action::OpenQuickSet: show(std::make_unique<QuickSetScreen>(host)); return true;
    case Action::Duplicate:
        withEntry(intent.index, [&](const LibraryEntry& e) { show(EditorScreen::copyOf(host, e)); });
        return true;
    case Action::Edit:
        withEntry(intent.index, [&](const LibraryEntry& e) { show(EditorScreen::of(host, e)); });
        return true;
    case Action::EditSelected:
        if (const LibraryEntry* e = library_.selected(); e && e->valid())
            show(e->source == RoutineSource::User ? EditorScreen::of(host, *e) : EditorScreen::copyOf(host, *e));
        return true;
    case Action::Delete:
        withEntry(intent.index, [&](const LibraryEntry& e) {
            if (trash_.remove(e)) routinesChanged("");
        });
        return true;
    case Action::DeleteSelected:
        if (library_.selected() && trash_.remove(*library_.selected())) routinesChanged("");
        return true;
    case Action::UndoDelete:
        if (auto restored = trash_.undo()) routinesChanged(*restored);
        return true;
    case Action::OpenHistory: {
        auto history = std::make_unique<HistoryScreen>(host);
        HistoryScreen& opened = *history;
        router_.open(std::move(history));
        opened.load();
        return true;
    }
    default: return false;
    }
}

void AppController::openEditor(Routine routine, bool saveNow) {
    ScreenHost& host = *this;
    auto editor = std::make_unique<EditorScreen>(host, std::move(routine), std::filesystem::path{}, "New");
    EditorScreen& opened = *editor;
    show(std::move(editor));
    if (saveNow) opened.saveAndClose();
}

EditorScreen* AppController::editorScreen() const { return static_cast<EditorScreen*>(router_.opened(Route::Editor)); }
QuickSetScreen* AppController::quickSetScreen() const {
    return static_cast<QuickSetScreen*>(router_.opened(Route::QuickSet));
}
PlayerScreen* AppController::playerScreen() const { return static_cast<PlayerScreen*>(router_.opened(Route::Player)); }
HistoryScreen* AppController::historyScreen() const {
    return static_cast<HistoryScreen*>(router_.opened(Route::History));
}

bool AppController::handlePlayer(const ui::Intent& intent) {
    using ui::Action;
    switch (intent.action) {
    case Action::Restart:
        // While a routine plays the first R asks; a restart is a new session, asked about again at its end.
        if (!player_.requestRestart()) overHandled_ = false;
        return true;
    case Action::RequestExit:
        if (!player_.requestExit()) toLibrary();
        return true;
    case Action::ToLibrary: toLibrary(); return true;
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
    router_.open(std::make_unique<PlayerScreen>(player_));
    settings_.lastRoutine = entry.id;
    screenSaver(!player_.running());
}

void AppController::toLibrary() {
    player_.stop();
    sessionRecorded();
    router_.close(Route::Player);
    screenSaver(true);
    refreshToday(); // the routine just done shows done, Enter moves on to the next one due
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
CheckInScreen* AppController::checkInScreen() const {
    return static_cast<CheckInScreen*>(router_.opened(Route::CheckIn));
}

const CheckInModel* AppController::checkIn() const {
    const CheckInScreen* s = checkInScreen();
    return s ? &s->model() : nullptr;
}

void AppController::openCheckIn(const std::vector<std::string>& areas, CheckInMoment moment, std::string routineName) {
    ScreenHost& host = *this;
    auto screen = std::make_unique<CheckInScreen>(host, areas, moment, std::move(routineName),
                                                  [this](const CheckInModel& answered) { checkInAnswered(answered); });
    CheckInScreen& opened = *screen;
    router_.open(std::move(screen));
    opened.begin();
}

bool AppController::say(const std::string& sentence) {
    if (!driver_ || !settings_.voice.enabled) return false;
    driver_->say(sentence);
    return true;
}

void AppController::checkInAnswered(const CheckInModel& answered) {
    const CheckInMoment moment = answered.moment();
    auto answers = answered.answers(moment == CheckInMoment::After ? history_.lastSessionId() : std::nullopt);
    if (moment == CheckInMoment::Before) {
        beforeAnswers_ = std::move(answers); // their session has no id until it is recorded
        if (auto entry = std::exchange(startAfterCheckIn_, std::nullopt)) playRoutine(*entry);
        return;
    }
    for (const auto& a : answers)
        if (auto error = history_.addCheckIn(a)) reporter_.notice("cannot record the check-in: " + *error);
    if (moment == CheckInMoment::Standalone && router_.top() == Route::History) historyScreen()->load();
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
    const bool languageChanged = draft.language != before.language;
    if (languageChanged) {
        // The window speaks it from the next frame; the built-in routines' texts are read again
        // in it, and the voice is opened again in it with the sound device.
        setLanguage(settings_.language);
        library_.rescan(settings_.lastRoutine);
        reporter_.logf("language %s", std::string(currentLanguage()).c_str());
    }
    if (draft.sounds != before.sounds || draft.voice != before.voice || draft.outputDevice != before.outputDevice ||
        languageChanged)
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
