// The window's main loop and what each intent does.
//
// Index of this file:
//   - Idle policy: when to wake and draw (named constants, with the reasons)
//   - Log: the --verbose event log the end-to-end tests read
//   - GuiApp: state, intents, the loop; then the editor, quick set, history and deleting
#include "app/gui_app.hpp"

#include "app/data_dirs.hpp"
#include "app/platform.hpp"
#include "audio/audio_device.hpp"
#include "core/session_driver.hpp"
#include "core/paths.hpp"
#include "core/settings.hpp"
#include "core/user_files.hpp"
#include "ui/library_view.hpp"
#include "ui/player_view.hpp"
#include "ui/editor_view.hpp"
#include "ui/history_view.hpp"
#include "ui/quick_set_view.hpp"
#include "ui/settings_view.hpp"

#include <algorithm>
#include <chrono>
#include <cstdarg>
#include <cstdio>
#include <iostream>

namespace unknot {

namespace {

// ---------------------------------------------------------------------------------------
// Idle policy
// ---------------------------------------------------------------------------------------
struct IdlePolicy {
    // After input, draw this many frames at once: Dear ImGui needs a frame or two to settle
    // hover and focus after a click or a key (Tracy uses 3).
    static constexpr int kActiveFramesAfterInput = 3;
    // Pause between those frames.
    static constexpr int kActiveFrameMs = 16;
    // With nothing changing on screen, wake this often to notice routine files edited on disk.
    static constexpr int kIdleWakeMs = 2000;
    // How long the phase-change flash stays on (long enough to catch the eye from the floor).
    static constexpr Millis kFlashMs = 250;
    // How long the "press Esc again" prompt waits.
    static constexpr Millis kConfirmExitMs = 4000;
};

// ---------------------------------------------------------------------------------------
// Log
// ---------------------------------------------------------------------------------------
class Log {
  public:
    Log(bool verbose, Ticks origin) : verbose_(verbose), origin_(origin) {}
    void operator()(const char* format, ...) const __attribute__((format(printf, 2, 3))) {
        if (!verbose_) return;
        std::fprintf(stderr, "unknot: %8.3f ", static_cast<double>(steadyClockMs() - origin_) / 1000.0);
        va_list args;
        va_start(args, format);
        std::vfprintf(stderr, format, args);
        va_end(args);
        std::fputc('\n', stderr);
    }

  private:
    bool verbose_;
    Ticks origin_;
};

// ---------------------------------------------------------------------------------------
// GuiApp
// ---------------------------------------------------------------------------------------
class GuiApp {
  public:
    explicit GuiApp(const GuiOptions& options)
        : options_(options), log_(options.verbose, steadyClockMs()) {}

    int run() {
        LoadedSettings loaded = loadSettings(settingsPath());
        settings_ = loaded.settings;
        for (const auto& n : loaded.notices) notice(n);

        PlatformOptions po;
        po.geometry = settings_.window;
        po.fullscreen = options_.fullscreen;
        po.imguiIniFile = userConfigDir() / "imgui.ini";
        po.fontsDir = assetsDir() / "fonts";
        po.iconFile = assetsDir() / "icon.bmp";
        po.fontScale = settings_.fontScale;
        std::error_code ec;
        std::filesystem::create_directories(userConfigDir(), ec);
        auto opened = Platform::open(po);
        if (auto* error = std::get_if<std::string>(&opened)) {
            std::cerr << "unknot: error: " << *error << "\n";
            return 1;
        }
        platform_ = std::move(std::get<std::unique_ptr<Platform>>(opened));
        log_("window video=%s", platform_->videoDriver().c_str());
        openSound();

        rescanLibrary();
        if (options_.startWith) startRoutine(*options_.startWith);
        else log_("screen library");

        int exitCode = 0;
        while (!quit_) {
            const auto events = platform_->waitEvents(waitMs());
            bool input = false;
            for (const auto& e : events) {
                if (e.type == InputEvent::Type::Quit) requestQuit();
                if (e.type == InputEvent::Type::Key) handleKey(e);
                if (e.type == InputEvent::Type::AudioDeviceRemoved) soundLost();
                if (e.type != InputEvent::Type::WindowChanged) input = input || e.type != InputEvent::Type::Quit;
            }
            if (input) activeFrames_ = IdlePolicy::kActiveFramesAfterInput;
            update();
            if (screen() == ui::Screen::Library) pollLibraryFiles();
            // Draw only when what is on screen would change: a wake for nothing (the library's
            // file check, a paused player) costs no frame.
            const auto signature = visibleSignature();
            const bool redraw = !events.empty() || activeFrames_ > 0 || signature != drawnSignature_;
            if (options_.quitAtEnd && playing_ && status_.over) {
                log_("quit-at-end");
                exitCode = status_.state == SessionState::Finished ? 0 : 3;
                break;
            }
            if (platform_->minimized() || !redraw) continue; // draw nothing nobody can see
            drawnSignature_ = signature;
            draw();
            if (activeFrames_ > 0) --activeFrames_;
        }
        platform_->setScreenSaverEnabled(true);
        settings_.window = platform_->geometry();
        if (auto error = saveSettings(settingsPath(), settings_)) std::cerr << "unknot: " << *error << "\n";
        return exitCode;
    }

  private:
    GuiOptions options_;
    Log log_;
    Settings settings_;
    std::unique_ptr<Platform> platform_;
    std::unique_ptr<SessionDriver> driver_;
    AudioDevice* audio_ = nullptr; // driver_ when sound is open
    Library library_;
    std::string fingerprint_;
    Ticks nextLibraryCheck_ = 0;
    ui::LibraryViewState libraryState_;
    ui::SettingsViewState settingsState_;
    std::vector<std::size_t> visible_;
    std::optional<LibraryEntry> playing_;
    std::int64_t startedAt_ = 0; // wall clock, for the history

    // A routine being edited: the core editor, where it is saved, and the view's state.
    struct Editing {
        Editor editor;
        std::filesystem::path file; // empty until saved
        ui::EditorViewState view;
        bool closeAfterSave = false;
        bool quitAfterClose = false;
    };
    std::optional<Editing> editing_;
    std::optional<ui::QuickSetViewState> quickSet_;
    bool historyOpen_ = false;
    std::vector<HistoryRecord> history_;
    std::optional<TrashedFile> lastDeleted_;
    std::string lastDeletedName_;
    SessionStatus status_;
    std::uint64_t lastSerial_ = 0;
    Ticks flashUntil_ = 0;
    Ticks wallStart_ = 0;
    Ticks wallEnd_ = 0;
    bool confirmingExit_ = false;
    Ticks confirmUntil_ = 0;
    bool showHelp_ = false;
    bool quit_ = false;
    int activeFrames_ = IdlePolicy::kActiveFramesAfterInput;
    std::string notice_;
    std::size_t libraryScans_ = 0;
    std::vector<long long> drawnSignature_;

    [[nodiscard]] ui::Screen screen() const {
        if (playing_) return status_.over ? ui::Screen::Finished : ui::Screen::Player;
        if (editing_) return ui::Screen::Editor;
        if (quickSet_) return ui::Screen::QuickSet;
        if (historyOpen_) return ui::Screen::History;
        return ui::Screen::Library;
    }

    void notice(const std::string& text) {
        notice_ = text;
        std::cerr << "unknot: notice: " << text << "\n";
    }

    // Everything the frame shows that changes without input: when it is unchanged, a wake-up
    // needs no frame.
    [[nodiscard]] std::vector<long long> visibleSignature() const {
        const Ticks now = steadyClockMs();
        return {static_cast<long long>(screen()), static_cast<long long>(libraryScans_),
                static_cast<long long>(status_.state), static_cast<long long>(status_.phaseSerial),
                (status_.phaseRemainingMs + 999) / 1000, (status_.routineTotalMs - status_.routineElapsedMs + 999) / 1000,
                flashUntil_ > now, confirmingExit_, showHelp_, static_cast<long long>(notice_.size())};
    }

    // -- sound ----------------------------------------------------------------------------
    void openSound() {
        AudioOptions ao;
        ao.soundsDir = assetsDir() / "sounds";
        ao.custom = settings_.sounds;
        ao.volume = settings_.volume;
        ao.muted = settings_.muted;
        std::vector<std::string> notices;
        auto opened = AudioDevice::open(ao, notices);
        for (const auto& n : notices) notice(n);
        if (auto* error = std::get_if<std::string>(&opened)) {
            notice(*error + ": visual cues only");
            driver_ = std::make_unique<SteadyClockDriver>(steadyClockMs, 1000);
            return;
        }
        auto device = std::move(std::get<std::unique_ptr<AudioDevice>>(opened));
        const AudioFormat& f = device->format();
        log_("audio driver=%s frequency=%d format=%s channels=%d buffer_frames=%d", f.driver.c_str(), f.frequency,
             f.sampleFormat.c_str(), f.channels, f.bufferFrames);
        audio_ = device.get();
        driver_ = std::move(device);
    }

    // The device went away (unplugged headphones, a Bluetooth speaker out of range): the
    // routine goes on where it was, on the steady clock, with visual cues.
    void soundLost() {
        if (!audio_) return;
        AudioDevice::Handover handover = audio_->close();
        const Ticks rate = audio_->ticksPerSecond();
        auto steady = std::make_unique<SteadyClockDriver>([rate] { return steadyClockMs() * rate / 1000; }, rate);
        steady->adopt(std::move(handover.session), handover.frames);
        audio_ = nullptr;
        driver_ = std::move(steady);
        notice("The sound device went away: visual cues only");
        log_("audio device removed at frame %lld", static_cast<long long>(handover.frames));
    }

    // -- time and waking ------------------------------------------------------------------
    int waitMs() const {
        if (activeFrames_ > 0) return IdlePolicy::kActiveFrameMs;
        Ticks wait = IdlePolicy::kIdleWakeMs;
        const Ticks now = steadyClockMs();
        if (playing_ && status_.state == SessionState::Running) {
            // Wake when the countdown's second changes; it rounds up, so at each whole second.
            const Millis intoSecond = status_.phaseRemainingMs % 1000;
            wait = std::min<Ticks>(wait, (intoSecond == 0 ? 1000 : intoSecond) + 1);
        }
        if (flashUntil_ > now) wait = std::min(wait, flashUntil_ - now);
        if (confirmingExit_) wait = std::min(wait, std::max<Ticks>(1, confirmUntil_ - now));
        return static_cast<int>(std::max<Ticks>(1, wait));
    }

    void update() {
        if (!playing_) return;
        std::vector<SessionEvent> events;
        const bool wasOver = status_.over;
        status_ = driver_->update(events);
        const Ticks now = steadyClockMs();
        for (const auto& e : events) logEvent(e);
        if (status_.phaseSerial != lastSerial_ && !status_.over) {
            lastSerial_ = status_.phaseSerial;
            const Phase& p = playing_->timeline.phases[status_.phase];
            log_("phase index=%zu kind=%s side=%s duration_ms=%lld label=\"%s\"", status_.phase,
                 std::string(kindName(p.kind)).c_str(), p.side == Side::None ? "none" : std::string(sideName(p.side)).c_str(),
                 static_cast<long long>(p.durationMs), p.label.c_str());
            if (settings_.flash) flashUntil_ = now + IdlePolicy::kFlashMs;
        }
        if (status_.over && !wasOver) {
            wallEnd_ = now;
            log_("%s active_ms=%lld wall_ms=%lld", status_.state == SessionState::Finished ? "finished" : "stopped",
                 static_cast<long long>(status_.activeMs), static_cast<long long>(wallEnd_ - wallStart_));
            recordHistory(status_.state == SessionState::Finished);
        }
        if (confirmingExit_ && now >= confirmUntil_) confirmingExit_ = false;
        const bool playingNow = status_.state == SessionState::Running || status_.state == SessionState::WaitingManual;
        platform_->setScreenSaverEnabled(!playingNow);
    }

    // -- library --------------------------------------------------------------------------
    void rescanLibrary() {
        const std::string selectedId =
            libraryState_.selected && *libraryState_.selected < library_.entries().size()
                ? library_.entries()[*libraryState_.selected].id
                : settings_.lastRoutine;
        library_.scan(options_.folders);
        ++libraryScans_;
        fingerprint_ = folderFingerprint(options_.folders);
        libraryState_.selected.reset();
        for (std::size_t i = 0; i < library_.entries().size(); ++i)
            if (library_.entries()[i].id == selectedId) libraryState_.selected = i;
        if (!libraryState_.selected && !library_.entries().empty()) libraryState_.selected = 0;
        libraryState_.scrollToSelected = true;
        std::size_t invalid = 0;
        for (const auto& e : library_.entries()) invalid += e.valid() ? 0 : 1;
        log_("library routines=%zu invalid=%zu", library_.entries().size(), invalid);
    }

    void pollLibraryFiles() {
        const Ticks now = steadyClockMs();
        if (now < nextLibraryCheck_) return;
        nextLibraryCheck_ = now + IdlePolicy::kIdleWakeMs;
        if (folderFingerprint(options_.folders) != fingerprint_) rescanLibrary();
    }

    void moveSelection(int delta) {
        if (visible_.empty()) return;
        auto it = libraryState_.selected ? std::find(visible_.begin(), visible_.end(), *libraryState_.selected)
                                         : visible_.end();
        std::ptrdiff_t pos = it == visible_.end() ? (delta > 0 ? -1 : 0) : it - visible_.begin();
        pos = std::clamp<std::ptrdiff_t>(pos + delta, 0, static_cast<std::ptrdiff_t>(visible_.size()) - 1);
        libraryState_.selected = visible_[static_cast<std::size_t>(pos)];
        libraryState_.scrollToSelected = true;
    }

    // -- player ---------------------------------------------------------------------------
    void startRoutine(const LibraryEntry& entry) {
        if (!entry.valid() || entry.timeline.empty()) return;
        playing_ = entry;
        driver_->start(playing_->timeline, settings_.cues);
        wallStart_ = steadyClockMs();
        startedAt_ = std::chrono::duration_cast<std::chrono::seconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count();
        lastSerial_ = 0;
        confirmingExit_ = false;
        settings_.lastRoutine = entry.id;
        log_("start routine=%s phases=%zu total_ms=%lld ticks_per_second=%lld", entry.id.c_str(), entry.timeline.size(),
             static_cast<long long>(entry.timeline.totalMs), static_cast<long long>(driver_->ticksPerSecond()));
        update();
    }

    // Commands take effect in the session's own time (with sound, at the next audio buffer);
    // the log reports them as the session reports them back.
    void command(SessionCommand c) {
        if (!playing_) return;
        driver_->apply(c);
        update();
    }

    void logEvent(const SessionEvent& e) {
        if (e.type == SessionEvent::Type::Cue)
            log_("cue type=%s phase=%zu count=%d at=%lld", std::string(cueTypeName(e.cue.type)).c_str(), e.cue.phase,
                 e.cue.count, static_cast<long long>(e.at));
        else
            log_("command %s phase=%zu remaining_ms=%lld state=%s at=%lld", commandName(e.command), e.phase,
                 static_cast<long long>(e.remainingMs), std::string(stateName(e.state)).c_str(),
                 static_cast<long long>(e.at));
    }

    void toLibrary() {
        if (playing_ && !status_.over) {
            // With sound, the stop lands in the next audio buffer; the UI leaves now.
            driver_->apply(SessionCommand::Stop);
            log_("stopped active_ms=%lld wall_ms=%lld", static_cast<long long>(status_.activeMs),
                 static_cast<long long>(steadyClockMs() - wallStart_));
            recordHistory(false);
        }
        playing_.reset();
        status_ = {};
        confirmingExit_ = false;
        platform_->setScreenSaverEnabled(true);
        log_(editing_ ? "screen editor" : "screen library"); // "Try it" comes back to the editor
    }

    void recordHistory(bool completed) {
        HistoryRecord r{startedAt_, playing_->id, playing_->displayName(), playing_->timeline.totalMs, status_.activeMs,
                        completed};
        if (auto error = appendHistory(historyPath(), r)) notice("cannot write the history: " + *error);
    }

    // What the settings panel changed takes effect at once and is saved.
    void applySettings(const Settings& draft) {
        const Settings before = settings_;
        const WindowGeometry window = settings_.window;
        settings_ = draft;
        settings_.window = window;
        if (draft.cues.phase != before.cues.phase || draft.cues.countdown != before.cues.countdown ||
            draft.cues.halfway != before.cues.halfway || draft.cues.end != before.cues.end)
            driver_->setCueOptions(settings_.cues);
        if (draft.fontScale != before.fontScale) platform_->setFontScale(settings_.fontScale);
        if (draft.sounds != before.sounds && audio_ && !playing_) {
            // New sound files: reopen the device to load them (only between routines).
            driver_.reset();
            audio_ = nullptr;
            openSound();
        }
        log_("settings applied countdown=%d halfway=%d flash=%d font_scale=%.2f", settings_.cues.countdown,
             settings_.cues.halfway, settings_.flash, settings_.fontScale);
        soundSettingsChanged();
    }

    void soundSettingsChanged() {
        driver_->setVolume(settings_.volume, settings_.muted);
        log_("volume %d mute %s", settings_.volume, settings_.muted ? "on" : "off");
        if (auto error = saveSettings(settingsPath(), settings_)) notice("cannot save settings: " + *error);
    }

    // -- intents --------------------------------------------------------------------------
    void handleKey(const InputEvent& e) {
        if (settingsState_.open) { // the panel's own widgets have the keys; Esc closes it there
            if (e.ctrl && e.key == ui::Key::Q) requestQuit();
            return;
        }
        ui::KeyContext context{screen(), e.ctrl, platform_->typing()};
        handle(ui::intentForKey(e.key, context));
    }

    void handle(const ui::Intent& intent) {
        using ui::Action;
        if (!intent) return;
        // While "leave?" is asked, Space (or anything but Esc) keeps the routine going.
        if (confirmingExit_ && intent.action != Action::RequestExit && intent.action != Action::ConfirmExit) {
            confirmingExit_ = false;
            log_("exit cancelled");
            if (intent.action == Action::TogglePause) return;
        }
        switch (intent.action) {
        case Action::Select:
            libraryState_.selected = intent.index;
            break;
        case Action::SelectPrevious: moveSelection(-1); break;
        case Action::SelectNext: moveSelection(+1); break;
        case Action::Start:
            if (intent.index < library_.entries().size()) startRoutine(library_.entries()[intent.index]);
            break;
        case Action::StartSelected:
            if (screen() == ui::Screen::Library && libraryState_.selected)
                startRoutine(library_.entries()[*libraryState_.selected]);
            break;
        case Action::TogglePause: command(SessionCommand::TogglePause); break;
        case Action::Skip: command(SessionCommand::Skip); break;
        case Action::Back: command(SessionCommand::Back); break;
        case Action::Extend: command(SessionCommand::Extend); break;
        case Action::Restart:
            command(SessionCommand::Restart);
            wallStart_ = steadyClockMs();
            break;
        case Action::RequestExit:
            if (screen() == ui::Screen::Player && !confirmingExit_) {
                confirmingExit_ = true;
                confirmUntil_ = steadyClockMs() + IdlePolicy::kConfirmExitMs;
                log_("exit asked");
            } else {
                toLibrary();
            }
            break;
        case Action::ConfirmExit: toLibrary(); break;
        case Action::CancelExit: confirmingExit_ = false; break;
        case Action::ToLibrary: toLibrary(); break;
        case Action::ToggleFullscreen:
            platform_->toggleFullscreen();
            log_("fullscreen %s", platform_->fullscreen() ? "on" : "off");
            break;
        case Action::ToggleMute:
            settings_.muted = !settings_.muted;
            soundSettingsChanged();
            break;
        case Action::VolumeUp:
        case Action::VolumeDown:
            settings_.volume = std::clamp(settings_.volume + (intent.action == Action::VolumeUp ? 1 : -1) *
                                                                 Settings::kVolumeStep,
                                          0, 100);
            soundSettingsChanged();
            break;
        case Action::SetVolume:
            settings_.volume = std::clamp(intent.value, 0, 100);
            soundSettingsChanged();
            break;
        case Action::ToggleFlash: settings_.flash = !settings_.flash; break;
        case Action::ToggleHelp:
            showHelp_ = !showHelp_;
            log_("help %s", showHelp_ ? "on" : "off");
            break;
        case Action::OpenSettings:
            ui::openSettings(settingsState_, settings_);
            log_("settings open");
            break;
        case Action::ApplySettings: applySettings(settingsState_.draft); break;
        case Action::CloseSettings:
            settingsState_.open = false;
            log_("settings closed");
            break;
        case Action::NewRoutine: {
            Routine blank;
            blank.name = "New routine";
            Step prepare;
            prepare.kind = PhaseKind::Prepare;
            prepare.durationMs = 10'000;
            prepare.label = "Get into position";
            blank.steps.push_back(prepare);
            openEditor(std::move(blank), {}, "New");
            break;
        }
        case Action::OpenQuickSet:
            quickSet_.emplace();
            log_("screen quick-set");
            break;
        case Action::Duplicate:
            if (intent.index < library_.entries().size()) {
                Routine copy = library_.entries()[intent.index].routine();
                copy.name += " (my copy)";
                openEditor(std::move(copy), {}, "New copy");
            }
            break;
        case Action::Edit:
            if (intent.index < library_.entries().size() &&
                library_.entries()[intent.index].source == RoutineSource::User) {
                const LibraryEntry& e = library_.entries()[intent.index];
                openEditor(e.routine(), e.path, "Editing");
            }
            break;
        case Action::Delete: deleteRoutine(intent.index); break;
        case Action::UndoDelete: undoDelete(); break;
        case Action::OpenHistory:
            history_ = readHistory(historyPath());
            historyOpen_ = true;
            log_("screen history sessions=%zu", history_.size());
            break;
        case Action::CloseView:
            if (editing_)
                editorAction(ui::makeEditorAction(ui::EditorAction::Type::Close));
            else if (quickSet_)
                quickSetAction(ui::QuickSetAction{ui::QuickSetAction::Type::Cancel});
            else
                historyOpen_ = false;
            break;
        case Action::Undo: editorAction(ui::makeEditorAction(ui::EditorAction::Type::Undo)); break;
        case Action::Redo: editorAction(ui::makeEditorAction(ui::EditorAction::Type::Redo)); break;
        case Action::Save:
            if (editing_)
                editorAction(ui::makeEditorAction(ui::EditorAction::Type::Save));
            else if (quickSet_)
                quickSetAction(ui::QuickSetAction{ui::QuickSetAction::Type::Save});
            break;
        case Action::Quit: requestQuit(); break;
        case Action::None: break;
        }
    }

    // -- drawing --------------------------------------------------------------------------
    void draw() {
        platform_->beginFrame();
        ui::Intent intent;
        if (!playing_ && editing_) {
            editorAction(ui::drawEditor(editing_->view, editing_->editor, platform_->fonts()));
        } else if (!playing_ && quickSet_) {
            quickSetAction(ui::drawQuickSet(*quickSet_, platform_->fonts()));
        } else if (!playing_ && historyOpen_) {
            ui::HistoryModel model;
            model.records = &history_;
            const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                                 std::chrono::system_clock::now().time_since_epoch())
                                 .count();
            model.minutesPerWeek = minutesPerWeek(history_, now, 8);
            model.streakDays = streakDays(history_, now);
            if (ui::drawHistory(model, platform_->fonts())) intent = {ui::Action::CloseView};
        } else if (!playing_) {
            ui::LibraryModel model;
            model.entries = &library_.entries();
            model.tags = allTags(library_.entries());
            model.equipment = allEquipment(library_.entries());
            visible_ = filterEntries(library_.entries(), ui::filterFor(libraryState_, model));
            model.visible = visible_;
            model.notice = notice_;
            model.deleted = lastDeleted_ ? lastDeletedName_ : "";
            model.showHelp = showHelp_;
            intent = ui::drawLibrary(libraryState_, model, platform_->fonts());
            if (const ui::Intent fromSettings = ui::drawSettings(settingsState_, platform_->fonts(), driver_->hasSound()))
                intent = fromSettings;
        } else {
            const Ticks now = steadyClockMs();
            ui::PlayerModel model;
            model.timeline = &playing_->timeline;
            model.routineName = playing_->displayName();
            model.status = status_;
            model.flash = flashUntil_ > now ? 1.0f : 0.0f;
            model.confirmingExit = confirmingExit_;
            model.showHelp = showHelp_;
            model.volume = settings_.volume;
            model.muted = settings_.muted;
            model.soundAvailable = driver_->hasSound();
            model.notice = notice_;
            model.wallMs = (status_.over ? wallEnd_ : now) - wallStart_;
            intent = ui::drawPlayer(model, platform_->fonts());
        }
        platform_->endFrame();
        if (intent) activeFrames_ = IdlePolicy::kActiveFramesAfterInput;
        handle(intent);
    }

    // -- quitting ---------------------------------------------------------------------------
    void requestQuit() {
        if (editing_ && editing_->editor.dirty()) {
            editing_->view.confirmClose = true; // ask first; Discard quits
            editing_->view.collidingId.clear();
            editing_->quitAfterClose = true;
            log_("editor asks unsaved");
            activeFrames_ = IdlePolicy::kActiveFramesAfterInput;
            return;
        }
        quit_ = true;
    }

    // -- the editor -------------------------------------------------------------------------
    void openEditor(Routine routine, std::filesystem::path file, std::string title) {
        const bool isNew = file.empty();
        editing_.emplace(Editing{Editor(std::move(routine), !isNew), std::move(file), {}, false, false});
        editing_->view.title = std::move(title);
        log_("screen editor new=%d", isNew ? 1 : 0);
    }

    LibraryEntry entryFromEditor() const {
        LibraryEntry e;
        e.id = editing_->file.empty() ? idFromName(editing_->editor.routine().name) : editing_->file.stem().string();
        e.path = editing_->file;
        e.source = RoutineSource::User;
        e.parsed.routine = editing_->editor.routine();
        e.timeline = editing_->editor.timeline();
        return e;
    }

    void closeEditor() {
        const bool quitAfter = editing_->quitAfterClose;
        editing_.reset();
        log_("screen library");
        if (quitAfter) quit_ = true;
    }

    // Saves the routine being edited; `collision` says what to do when a new one's name is taken.
    enum class Collision { Ask, Replace, NewName };
    void saveEditing(Collision collision) {
        Editing& e = *editing_;
        if (!e.editor.canPlay()) {
            e.view.message = "Fix the problems marked ! first; they would stop it playing.";
            return;
        }
        std::filesystem::path target = e.file;
        if (target.empty()) {
            const std::string id = idFromName(e.editor.routine().name);
            target = userRoutinesDir() / (id + ".toml");
            std::error_code ec;
            if (std::filesystem::exists(target, ec)) {
                if (collision == Collision::Ask) {
                    e.view.collidingId = id;
                    log_("editor asks name-taken id=%s", id.c_str());
                    return;
                }
                if (collision == Collision::NewName) target = freeRoutinePath(userRoutinesDir(), id);
            }
        }
        if (auto error = saveRoutine(target, e.editor.routine())) {
            e.view.message = "Not saved: " + *error;
            notice("not saved: " + *error);
            return;
        }
        e.file = target;
        e.editor.markSaved();
        e.view.collidingId.clear();
        e.view.title = "Editing";
        e.view.message = "Saved to " + target.string();
        log_("saved routine=%s path=%s", target.stem().string().c_str(), target.string().c_str());
        settings_.lastRoutine = target.stem().string();
        libraryState_.selected.reset();
        rescanLibrary();
        if (e.closeAfterSave) closeEditor();
    }

    void editorAction(const ui::EditorAction& a) {
        using T = ui::EditorAction::Type;
        if (!editing_ || !a) return;
        activeFrames_ = IdlePolicy::kActiveFramesAfterInput;
        Editing& e = *editing_;
        Editor& ed = e.editor;
        StepPath& sel = e.view.selected;
        e.view.message.clear();
        switch (a.type) {
        case T::None: break;
        case T::Select: sel = a.path; break;
        case T::SetName: ed.setName(a.text, a.mergeKey); break;
        case T::SetSummary: ed.setSummary(a.text, a.mergeKey); break;
        case T::SetNotes: ed.setNotes(a.text, a.mergeKey); break;
        case T::SetTags: ed.setTags(a.list, a.mergeKey); break;
        case T::SetEquipment: ed.setEquipment(a.list, a.mergeKey); break;
        case T::SetStep: ed.setStep(a.path, a.step, a.mergeKey); break;
        case T::AddPhase: sel = ed.addPhase(a.path, a.kind); break;
        case T::AddBlock: sel = ed.addBlock(a.path); break;
        case T::Remove:
            ed.remove(a.path);
            sel.clear();
            break;
        case T::Duplicate: sel = ed.duplicate(a.path); break;
        case T::MoveUp: sel = ed.moveUp(a.path); break;
        case T::MoveDown: sel = ed.moveDown(a.path); break;
        case T::MoveInto: sel = ed.moveInto(a.path); break;
        case T::MoveOut: sel = ed.moveOut(a.path); break;
        case T::MoveTo: sel = ed.moveTo(a.path, a.target); break;
        case T::Undo:
            ed.undo();
            if (!ed.at(sel)) sel.clear();
            break;
        case T::Redo:
            ed.redo();
            if (!ed.at(sel)) sel.clear();
            break;
        case T::Save: saveEditing(Collision::Ask); break;
        case T::Replace: saveEditing(Collision::Replace); break;
        case T::SaveAsNew: saveEditing(Collision::NewName); break;
        case T::CancelSave:
            e.view.collidingId.clear();
            e.closeAfterSave = false;
            break;
        case T::TryIt:
            if (ed.canPlay()) startRoutine(entryFromEditor());
            break;
        case T::Close:
            if (!e.view.collidingId.empty()) { // Esc answers the open question first: cancel
                e.view.collidingId.clear();
                e.closeAfterSave = false;
            } else if (e.view.confirmClose) {
                e.view.confirmClose = false;
                e.quitAfterClose = false;
            } else if (ed.dirty()) {
                e.view.confirmClose = true;
                log_("editor asks unsaved");
            } else {
                closeEditor();
            }
            break;
        case T::DiscardAndClose: closeEditor(); break;
        case T::CancelClose:
            e.view.confirmClose = false;
            e.quitAfterClose = false;
            break;
        }
        if (editing_ && a.type == T::Save && e.view.confirmClose) e.closeAfterSave = true;
        if (editing_ && e.view.confirmClose && a.type == T::Save) e.view.confirmClose = false;
        if (editing_ && a.type != T::Select && a.type != T::None)
            log_("editor %d total_ms=%lld phases=%zu problems=%zu dirty=%d", static_cast<int>(a.type),
                 static_cast<long long>(ed.totalMs()), ed.phaseCount(), ed.diagnostics().size(), ed.dirty() ? 1 : 0);
    }

    // -- the quick set ----------------------------------------------------------------------
    void quickSetAction(const ui::QuickSetAction& a) {
        using T = ui::QuickSetAction::Type;
        if (!quickSet_ || !a) return;
        activeFrames_ = IdlePolicy::kActiveFramesAfterInput;
        const Routine routine = makeQuickSet(quickSet_->quick);
        switch (a.type) {
        case T::None: break;
        case T::Cancel:
            quickSet_.reset();
            log_("screen library");
            break;
        case T::Start: {
            if (countPhases(routine) > kMaxPhases) break;
            LibraryEntry e;
            e.id = idFromName(routine.name);
            e.source = RoutineSource::User;
            e.parsed.routine = routine;
            e.timeline = expand(routine);
            quickSet_.reset();
            startRoutine(e);
            break;
        }
        case T::Refine:
            quickSet_.reset();
            openEditor(routine, {}, "New");
            break;
        case T::Save:
            quickSet_.reset();
            openEditor(routine, {}, "New");
            editing_->closeAfterSave = true; // back to the library once it is saved
            saveEditing(Collision::Ask);
            break;
        }
    }

    // -- deleting ---------------------------------------------------------------------------
    void deleteRoutine(std::size_t index) {
        if (index >= library_.entries().size() || library_.entries()[index].source != RoutineSource::User) return;
        const LibraryEntry& e = library_.entries()[index];
        auto moved = moveToTrash(e.path, trashDir());
        if (auto* error = std::get_if<std::string>(&moved)) {
            notice(*error);
            return;
        }
        lastDeleted_ = std::get<TrashedFile>(moved);
        lastDeletedName_ = e.displayName();
        log_("deleted routine=%s trash=%s", e.id.c_str(), lastDeleted_->inTrash.string().c_str());
        libraryState_.selected.reset();
        rescanLibrary();
    }

    void undoDelete() {
        if (!lastDeleted_) return;
        if (auto error = restoreFromTrash(*lastDeleted_)) {
            notice(*error);
        } else {
            log_("restored routine=%s", lastDeleted_->original.stem().string().c_str());
            settings_.lastRoutine = lastDeleted_->original.stem().string();
            libraryState_.selected.reset();
        }
        lastDeleted_.reset();
        rescanLibrary();
    }
};

} // namespace

int runGui(const GuiOptions& options) { return GuiApp(options).run(); }

} // namespace unknot
