// Index: construction and time; input (keys, then intents by concern); the player; settings.
#include "app/app_controller.hpp"

#include "core/i18n.hpp"
#include "core/text.hpp"
#include "program/import.hpp"
#include "store/settings_table.hpp"

#include <algorithm>
#include <utility>

namespace unknot {

AppController::AppController(AppShell& shell, Reporter& reporter, HistorySink& history, SettingsFile& settingsFile,
                             AppPaths paths, LibraryFolders folders, Settings settings, Clocks clocks)
    : shell_(shell), reporter_(reporter), settingsFile_(settingsFile), settings_(std::move(settings)),
      player_(history, reporter, clocks), paths_(std::move(paths)), history_(history), clocks_(std::move(clocks)) {
    ScreenHost& host = *this;
    router_.open(std::make_unique<LibraryScreen>(host, std::move(folders)));
    flows_ = makeFlows(host);
}

LibraryScreen& AppController::libraryScreen() const {
    return *static_cast<LibraryScreen*>(router_.opened(Route::Library));
}

void AppController::setDriver(SessionDriver* driver) {
    driver_ = driver;
    player_.setDriver(driver);
}

void AppController::importFiles(const std::vector<std::string>& files) {
    if (files.empty()) return;
    std::vector<std::string> known;
    for (const auto& e : library().entries()) known.push_back(e.id);
    const ImportResult result = unknot::importFiles(files, std::move(known),
                                                    ImportFolders{paths_.routines, libraryScreen().programsDir()});
    std::string selectId;
    for (const ImportedFile& f : result) {
        reporter_.logf("import %s %s", f.imported() ? "ok" : "refused", f.from.c_str());
        if (f.imported() && !f.program) selectId = f.to.stem().string();
    }
    const std::size_t refused = refusedCount(result);
    reporter_.notice(Notice{importNotice(result),
                            {},
                            refused == 0 ? _("Nothing to do: it is in the library")
                                         : _("Correct what the file says (`unknot check FILE` lists it all) and drop "
                                             "it on the window again, or ask who shared it for a good one")});
    if (refused == result.size()) return;
    routinesChanged(selectId);
    if (selectId.empty()) libraryScreen().refreshToday();
}

void AppController::begin(const std::optional<LibraryEntry>& startWith) {
    library().rescan(settings_.lastRoutine);
    libraryScreen().refreshToday();
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
    if (startWhenQuiet_ && (!driver_ || !driver_->sounding() || clocks_.steadyMs() >= startWhenQuiet_->until)) {
        const LibraryEntry entry = std::move(startWhenQuiet_->entry);
        startWhenQuiet_.reset();
        playRoutine(entry);
    }
    if (player_.playing()) {
        player_.update();
        if (player_.over() && !overHandled_) {
            // Recorded by now (in update(), or in the command that ended it): the flows ask how it feels.
            overHandled_ = true;
            eachFlow([](Flow& f) { f.sessionRecorded(); });
            if (playing_) eachFlow([this](Flow& f) { f.routineOver(*playing_); });
        }
        // The screen stays awake while a routine plays, and may sleep when paused or done.
        screenSaver(!player_.running());
    }
    library().poll(settings_.lastRoutine); // what the loader read: a routine saved in the editor, a file changed
    // The library shows (the settings panel is drawn over it): Today follows the day.
    if (screen() == ui::Screen::Library || screen() == ui::Screen::Settings) libraryScreen().followToday();
    history_.poll();
}

std::optional<Millis> AppController::nextChangeInMs() const {
    // Waiting for the voice to say the last score back: look again soon.
    constexpr Millis kVoicePollMs = 50;
    if (startWhenQuiet_) return kVoicePollMs;
    return player_.nextChangeInMs();
}

std::vector<long long> AppController::signature(unsigned noticeSerial) const {
    const SessionStatus& s = player_.status();
    return {static_cast<long long>(screen()),
            static_cast<long long>(libraryScreen().model().scans()),
            today() ? static_cast<long long>(today()->serial()) : -1,
            static_cast<long long>(s.state),
            static_cast<long long>(s.phaseSerial),
            (s.phaseRemainingMs + 999) / 1000,
            (s.routineTotalMs - s.routineElapsedMs + 999) / 1000,
            player_.flashing(),
            player_.confirmingExit(),
            showHelp_,
            static_cast<long long>(noticeSerial),
            router_.topScreen() ? router_.topScreen()->shownState() : 0};
}

void AppController::finish() {
    player_.quit();
    eachFlow([](Flow& f) { f.sessionRecorded(); });
    shell_.setScreenSaverEnabled(true);
}

// ---------------------------------------------------------------------------------------
// Input
// ---------------------------------------------------------------------------------------
void AppController::key(ui::Key key, bool ctrl, bool typing, ui::Modifiers more) {
    if (const auto command = ui::mediaCommandForKey(key)) return media(*command);
    // From `/` or Ctrl+F on, the search holds the keys (LibraryModel::requestSearchFocus), also
    // before `typing` (ImGui's WantTextInput) says so; Esc and Enter end it.
    if (screen() == ui::Screen::Library && library().searchHoldsKeys()) {
        typing = true;
        if (key == ui::Key::Escape || key == ui::Key::Enter) library().releaseSearch();
    }
    const Screen* top = router_.topScreen();
    handle(
        ui::intentForKey(key, ui::KeyContext{screen(), ctrl, typing, top && top->holdsKeys(), more.alt, more.shift}));
}

void AppController::media(ui::MediaCommand command) {
    reporter_.logf("media %s", std::string(ui::mediaCommandName(command)).c_str());
    handle(ui::intentForMedia(command, mediaContext()));
}

ui::MediaContext AppController::mediaContext() const {
    return {screen(), player_.playing() ? player_.status().state : SessionState::Ready,
            libraryScreen().model().selected() != nullptr, again_.has_value() || startWhenQuiet_.has_value()};
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
    } else if (intent.action == ui::Action::OpenRoute) {
        for (const auto& flow : flows_)
            if (flow->openRoute(static_cast<Route>(intent.value))) break;
    } else {
        openScreens(intent) || handlePlayer(intent) || handleSound(intent) || handleWindow(intent);
    }
    if (screen() != ui::Screen::Library) library().releaseSearch(); // back in the library, shortcuts work
}

// The library's ways to the other screens. (Its own intents, Esc, Save and the editors' went to
// the screen on top.)
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
        if (const LibraryEntry* e = library().selected(); e && e->valid())
            show(e->source == RoutineSource::User ? EditorScreen::of(host, *e) : EditorScreen::copyOf(host, *e));
        return true;
    case Action::OpenSettings: show(std::make_unique<SettingsScreen>(host)); return true;
    case Action::OpenNotices:
        if (notices_) show(std::make_unique<NoticesScreen>(host, *notices_));
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
NoticesScreen* AppController::noticesScreen() const {
    return static_cast<NoticesScreen*>(router_.opened(Route::Notices));
}
SettingsScreen* AppController::settingsScreen() const {
    return static_cast<SettingsScreen*>(router_.opened(Route::Settings));
}
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
    // The library leaves it: which routine a remote's Play starts again is the app's.
    case Action::PlayAgain:
        if (startWhenQuiet_) { // Play while the last score is said back: no need to wait
            const LibraryEntry entry = std::move(startWhenQuiet_->entry);
            playRoutine(entry);
        } else if (again_) {
            const LibraryEntry entry = *again_;
            reporter_.logf("play again routine=%s", entry.id.c_str());
            // TRANSLATORS: said as a routine stopped is played again from its start.
            startRoutine(entry, format(_("{0}, again."), {entry.displayName()}));
        }
        return true;
    case Action::Stop:
        if (!player_.playing()) return true;
        toLibrary(); // recorded as stopped, as Esc twice would
        // Eyes shut, a remote's Stop must be heard. Back in the library, Play starts the same
        // routine again (not over the editor's "Try it": its Play is the editor's).
        if (router_.top() == Route::Library && playing_) {
            again_ = playing_;
            say(format(_("Stopped. Press play to start {0} again."), {again_->displayName()}));
        } else {
            say(_("Stopped."));
        }
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
    case Action::Quit: requestQuit(); return true;
    default: return false;
    }
}

// ---------------------------------------------------------------------------------------
// The player
// ---------------------------------------------------------------------------------------
void AppController::startRoutine(const LibraryEntry& entry, const std::string& intro) {
    startWhenQuiet_.reset();
    again_.reset();
    for (const auto& flow : flows_)
        if (flow->beforeRoutine(entry, intro)) return; // its questions first (a check-in, when the settings ask)
    // Without questions the intro is said first: the routine's first cue would cut it.
    if (!intro.empty() && say(intro) && playWhenQuiet(entry, "")) return;
    playRoutine(entry);
}

bool AppController::playWhenQuiet(const LibraryEntry& entry, std::string_view flow) {
    if (!driver_ || !driver_->sounding()) return false;
    startWhenQuiet_ = StartWhenQuiet{entry, clocks_.steadyMs() + kSayBackWaitMs};
    reporter_.log((flow.empty() ? std::string() : std::string(flow) + " ") + "start after the voice");
    return true;
}

void AppController::playRoutine(const LibraryEntry& entry) {
    startWhenQuiet_.reset();
    again_.reset();
    overHandled_ = false;
    player_.setFlash(settings_.flash, settings_.flashMs);
    if (!player_.start(entry, settings_.cues)) {
        eachFlow([](Flow& f) { f.noSession(); });
        return;
    }
    router_.open(std::make_unique<PlayerScreen>(player_));
    playing_ = entry;
    settings_.lastRoutine = entry.id;
    screenSaver(!player_.running());
}

void AppController::toLibrary() {
    player_.stop();
    eachFlow([](Flow& f) { f.sessionRecorded(); });
    router_.close(Route::Player);
    screenSaver(true);
    libraryScreen().refreshToday(); // the routine just done shows done, Enter moves on to the next one due
    reporter_.logf("screen %s", std::string(routeName(router_.top())).c_str()); // "Try it" comes back to the editor
}

void AppController::screenSaver(bool allowed) {
    if (shell_.setScreenSaverEnabled(allowed)) reporter_.logf("screensaver %s", allowed ? "allowed" : "off");
}

void AppController::routinesChanged(const std::string& selectId) {
    if (!selectId.empty()) settings_.lastRoutine = selectId;
    library().clearSelection();
    library().rescan(settings_.lastRoutine);
}

// ---------------------------------------------------------------------------------------
// The voice
// ---------------------------------------------------------------------------------------
bool AppController::say(const std::string& sentence) {
    if (!driver_ || !settings_.voice.enabled) return false;
    reporter_.logf("say \"%s\"", escapeControls(sentence).c_str()); // names and areas come from files
    driver_->say(sentence);
    return true;
}

// ---------------------------------------------------------------------------------------
// Settings
// ---------------------------------------------------------------------------------------
// What the settings panel changed takes effect at once and is saved.
// Each setting's effect is its declaration's (store/settings_table): only what changed is told.
void AppController::changeSettings(const Settings& draft) {
    SettingsChange change = settingsChange(settings_, draft);
    settings_ = std::move(change.settings);
    const auto reaches = [&](SettingEffect effect) { return change.effects.contains(effect); };
    if (reaches(SettingEffect::CueOptions) && driver_) driver_->setCueOptions(settings_.cues);
    if (reaches(SettingEffect::FontScale)) shell_.setFontScale(settings_.fontScale);
    if (reaches(SettingEffect::UiScale)) shell_.setUiScale(settings_.uiScale);
    player_.setFlash(settings_.flash, settings_.flashMs);
    const bool languageChanged = reaches(SettingEffect::Language);
    if (languageChanged) {
        // The window speaks it from the next frame; the built-in routines' texts are read again
        // in it, and the voice is opened again in it with the sound device.
        setLanguage(settings_.language);
        library().rescan(settings_.lastRoutine);
        reporter_.logf("language %s", std::string(currentLanguage()).c_str());
    }
    if (reaches(SettingEffect::SoundDevice) || languageChanged) shell_.soundFilesChanged(); // reopens with them
    reporter_.logf("settings applied countdown=%d halfway=%d flash=%d font_scale=%.2f ui_scale=%s",
                   settings_.cues.countdown, settings_.cues.halfway, settings_.flash, settings_.fontScale,
                   settings_.uiScale ? std::to_string(*settings_.uiScale).substr(0, 4).c_str() : "auto");
    soundSettingsChanged();
}

void AppController::soundSettingsChanged() {
    if (driver_) driver_->setVolume(settings_.volume, settings_.muted);
    reporter_.logf("volume %d mute %s", settings_.volume, settings_.muted ? "on" : "off");
    const auto saved = settingsFile_.save(settings_);
    if (saved.error)
        reporter_.notice(Notice{*saved.error, settingsPath().string(),
                                _("Your settings hold until Unknot ends: make the folder writable or free some "
                                  "disk space to keep them")});
    else if (saved.notice)
        reporter_.notice(*saved.notice);
}

} // namespace unknot
