// The window's main loop and what each intent does.
//
// Index of this file:
//   - Idle policy: when to wake and draw (named constants, with the reasons)
//   - Log: the --verbose event log the end-to-end tests read
//   - GuiApp: state, intents, the loop (the editor, quick set and history are app/workshop)
#include "app/gui_app.hpp"

#include "app/data_dirs.hpp"
#include "app/platform.hpp"
#include "app/workshop.hpp"
#include "audio/audio_device.hpp"
#include "core/atomic_file.hpp"
#include "core/paths.hpp"
#include "core/session_driver.hpp"
#include "core/settings.hpp"
#include "core/text.hpp"
#include "core/user_files.hpp"
#include "ui/draw.hpp"
#include "ui/library_view.hpp"
#include "ui/player_view.hpp"
#include "ui/settings_view.hpp"

#include <algorithm>
#include <cstdarg>
#include <cstdint>
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
        char line[1024]; // file names and labels are logged: escaped, and cut at 1 KB
        std::vsnprintf(line, sizeof line, format, args);
        va_end(args);
        std::fprintf(stderr, "%s\n", escapeControls(line).c_str());
    }

  private:
    bool verbose_;
    Ticks origin_;
};

// ---------------------------------------------------------------------------------------
// GuiApp
// ---------------------------------------------------------------------------------------
class GuiApp final : private WorkshopHost {
  public:
    explicit GuiApp(const GuiOptions& options)
        : options_(options), log_(options.verbose, steadyClockMs()), workshop_(*this) {}

    int run() {
        // What saves killed midway left behind (issue 12: 112 files after 250 kills).
        for (const auto& folder : {userRoutinesDir(), userConfigDir()})
            removeStaleTemporaries(folder);
        LoadedSettings loaded = settingsFile_.load();
        settings_ = loaded.settings;
        for (const auto& n : loaded.notices) notice(n);

        PlatformOptions po;
        po.geometry = settings_.window;
        po.fullscreen = options_.fullscreen;
        po.imguiIniFile = userConfigDir() / "imgui.ini";
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
            ++wakes_;
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
            ++frames_;
            draw();
            if (activeFrames_ > 0) --activeFrames_;
        }
        platform_->setScreenSaverEnabled(true);
        log_("exit wakes=%llu frames=%llu", wakes_, frames_);
        settings_.window = platform_->geometry();
        // The window is gone: what saving says can only go to stderr now.
        const auto saved = settingsFile_.save(settings_);
        for (const auto& message : {saved.error, saved.notice})
            if (message) std::cerr << "unknot: " << escapeControls(*message) << "\n";
        return exitCode;
    }

  private:
    GuiOptions options_;
    Log log_;
    Settings settings_;
    SettingsFile settingsFile_{settingsPath()}; // writes only what changed, keeps hand edits
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

    Workshop workshop_; // the editor, the quick set, the history, deleting
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
    unsigned long long wakes_ = 0;  // for --verbose: how often the loop woke
    unsigned long long frames_ = 0; // and how often it drew

    [[nodiscard]] ui::Screen screen() const {
        if (playing_) return status_.over ? ui::Screen::Finished : ui::Screen::Player;
        if (workshop_.editing()) return ui::Screen::Editor;
        if (workshop_.quickSetOpen()) return ui::Screen::QuickSet;
        if (workshop_.historyOpen()) return ui::Screen::History;
        return ui::Screen::Library;
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
            const Phase& p = playing_->timeline().phases[status_.phase];
            log_("phase index=%zu kind=%s side=%s duration_ms=%lld label=\"%s\"", status_.phase,
                 std::string(kindName(p.kind)).c_str(),
                 p.side == Side::None ? "none" : std::string(sideName(p.side)).c_str(),
                 static_cast<long long>(p.durationMs), p.label.str().c_str());
            if (settings_.flash) flashUntil_ = now + settings_.flashMs; // 250 ms by default: seen from the floor
        }
        if (status_.over && !wasOver) {
            wallEnd_ = now;
            log_("%s active_ms=%lld wall_ms=%lld", status_.state == SessionState::Finished ? "finished" : "stopped",
                 static_cast<long long>(status_.activeMs), static_cast<long long>(wallEnd_ - wallStart_));
            recordHistory(status_.state == SessionState::Finished);
        }
        if (confirmingExit_ && now >= confirmUntil_) confirmingExit_ = false;
        const bool playingNow = status_.state == SessionState::Running || status_.state == SessionState::WaitingManual;
        screenSaver(!playingNow);
    }

    // The screen stays awake while a routine plays, and may sleep when paused or done.
    void screenSaver(bool allowed) {
        if (platform_->setScreenSaverEnabled(allowed)) log_("screensaver %s", allowed ? "allowed" : "off");
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
        if (!entry.valid() || entry.timeline().empty()) return;
        playing_ = entry;
        driver_->start(playing_->timeline(), settings_.cues);
        wallStart_ = steadyClockMs();
        startedAt_ = wallClockSeconds();
        lastSerial_ = 0;
        confirmingExit_ = false;
        settings_.lastRoutine = entry.id;
        log_("start routine=%s phases=%zu total_ms=%lld ticks_per_second=%lld", entry.id.c_str(), entry.phaseCount,
             static_cast<long long>(entry.totalMs), static_cast<long long>(driver_->ticksPerSecond()));
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
        screenSaver(true);
        log_(workshop_.editing() ? "screen editor" : "screen library"); // "Try it" comes back to the editor
    }

    void recordHistory(bool completed) {
        HistoryRecord r{startedAt_,        playing_->id,     playing_->displayName(),
                        playing_->totalMs, status_.activeMs, completed};
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
        const auto saved = settingsFile_.save(settings_);
        if (saved.error || saved.notice) notice(saved.error ? *saved.error : *saved.notice);
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
        if (confirmingExit_ && intent.action != Action::RequestExit) {
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
        case Action::NewRoutine: workshop_.newRoutine(); break;
        case Action::OpenQuickSet: workshop_.openQuickSet(); break;
        case Action::Duplicate:
            if (intent.index < library_.entries().size()) workshop_.duplicate(library_.entries()[intent.index]);
            break;
        case Action::Edit:
            if (intent.index < library_.entries().size()) workshop_.edit(library_.entries()[intent.index]);
            break;
        case Action::Delete:
            if (intent.index < library_.entries().size()) workshop_.remove(library_.entries()[intent.index]);
            break;
        case Action::DeleteSelected:
            if (libraryState_.selected && *libraryState_.selected < library_.entries().size())
                workshop_.remove(library_.entries()[*libraryState_.selected]);
            break;
        case Action::UndoDelete: workshop_.undoRemove(); break;
        case Action::OpenHistory: workshop_.openHistory(); break;
        case Action::CloseView: workshop_.close(); break;
        case Action::Undo: workshop_.undo(); break;
        case Action::Redo: workshop_.redo(); break;
        case Action::Save: workshop_.save(); break;
        case Action::Quit: requestQuit(); break;
        case Action::None: break;
        }
    }

    // -- drawing --------------------------------------------------------------------------
    void draw() {
        platform_->beginFrame();
        ui::Intent intent;
        if (!playing_ && workshop_.open()) {
            if (workshop_.draw(platform_->fonts())) activeFrames_ = IdlePolicy::kActiveFramesAfterInput;
        } else if (!playing_) {
            ui::LibraryModel model;
            model.entries = &library_.entries();
            model.tags = allTags(library_.entries());
            model.equipment = allEquipment(library_.entries());
            visible_ = filterEntries(library_.entries(), ui::filterFor(libraryState_, model));
            model.visible = visible_;
            model.notice = notice_;
            model.deleted = workshop_.deletedName();
            model.showHelp = showHelp_;
            intent = ui::drawLibrary(libraryState_, model, platform_->fonts());
            if (const ui::Intent fromSettings = ui::drawSettings(settingsState_, platform_->fonts(), driver_->hasSound()))
                intent = fromSettings;
        } else {
            const Ticks now = steadyClockMs();
            ui::PlayerModel model;
            model.timeline = &playing_->timeline();
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
        platform_->endFrame(ui::frameBackground());
        if (intent) activeFrames_ = IdlePolicy::kActiveFramesAfterInput;
        handle(intent);
    }

    // -- quitting ---------------------------------------------------------------------------
    void requestQuit() {
        if (workshop_.requestQuit())
            quit_ = true;
        else
            activeFrames_ = IdlePolicy::kActiveFramesAfterInput;
    }

    // -- WorkshopHost -----------------------------------------------------------------------
    void play(const LibraryEntry& entry) override { startRoutine(entry); }
    void routinesChanged(const std::string& selectId) override {
        if (!selectId.empty()) settings_.lastRoutine = selectId;
        libraryState_.selected.reset();
        rescanLibrary();
    }
    void notice(const std::string& text) override {
        notice_ = text;
        std::cerr << "unknot: notice: " << escapeControls(text) << "\n";
    }
    void log(const std::string& line) override { log_("%s", line.c_str()); }
    void quit() override { quit_ = true; }
};

} // namespace

int runGui(const GuiOptions& options) { return GuiApp(options).run(); }

} // namespace unknot
