// The window's main loop and what each intent does.
//
// Index of this file:
//   - Idle policy: when to wake and draw (named constants, with the reasons)
//   - Log: the --verbose event log the end-to-end tests read
//   - GuiApp: state, intents, the loop (the editor, quick set and history are app/workshop)
#include "app/gui_app.hpp"

#include "app/data_dirs.hpp"
#include "app/platform.hpp"
#include "app/player_controller.hpp"
#include "app/workshop.hpp"
#include "audio/audio_device.hpp"
#include "core/session_driver.hpp"
#include "core/paths.hpp"
#include "core/settings.hpp"
#include "core/user_files.hpp"
#include "ui/draw.hpp"
#include "ui/library_view.hpp"
#include "ui/player_view.hpp"
#include "ui/settings_view.hpp"

#include <algorithm>
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
};

// ---------------------------------------------------------------------------------------
// Log
// ---------------------------------------------------------------------------------------
// The --verbose event log the end-to-end tests read, and the notice the screens show.
class WindowReporter final : public Reporter {
  public:
    WindowReporter(bool verbose, Ticks origin) : verbose_(verbose), origin_(origin) {}
    void log(const std::string& line) override {
        if (!verbose_) return;
        std::fprintf(stderr, "unknot: %8.3f %s\n", static_cast<double>(steadyClockMs() - origin_) / 1000.0,
                     line.c_str());
    }
    void notice(const std::string& text) override {
        notice_ = text;
        ++noticeSerial_;
        std::cerr << "unknot: notice: " << text << "\n";
    }
    [[nodiscard]] const std::string& current() const { return notice_; }
    [[nodiscard]] unsigned serial() const { return noticeSerial_; }

  private:
    bool verbose_;
    Ticks origin_;
    std::string notice_;
    unsigned noticeSerial_ = 0;
};

// ---------------------------------------------------------------------------------------
// GuiApp
// ---------------------------------------------------------------------------------------
class GuiApp final : private WorkshopHost {
  public:
    explicit GuiApp(const GuiOptions& options)
        : options_(options), reporter_(options.verbose, steadyClockMs()), history_(historyPath()),
          player_(history_, reporter_), workshop_(*this) {}

    int run() {
        LoadedSettings loaded = loadSettings(settingsPath());
        settings_ = loaded.settings;
        for (const auto& n : loaded.notices) reporter_.notice(n);

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
        reporter_.logf("window video=%s", platform_->videoDriver().c_str());
        openSound();

        rescanLibrary();
        if (options_.startWith) startRoutine(*options_.startWith);
        else reporter_.logf("screen library");

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
            if (options_.quitAtEnd && player_.over()) {
                reporter_.logf("quit-at-end");
                exitCode = player_.status().state == SessionState::Finished ? 0 : 3;
                break;
            }
            if (platform_->minimized() || !redraw) continue; // draw nothing nobody can see
            drawnSignature_ = signature;
            ++frames_;
            draw();
            if (activeFrames_ > 0) --activeFrames_;
        }
        player_.quit(); // a routine still going is recorded as stopped
        platform_->setScreenSaverEnabled(true);
        reporter_.logf("exit wakes=%llu frames=%llu", wakes_, frames_);
        settings_.window = platform_->geometry();
        if (auto error = saveSettings(settingsPath(), settings_)) std::cerr << "unknot: " << *error << "\n";
        return exitCode;
    }

  private:
    GuiOptions options_;
    WindowReporter reporter_;
    HistoryFile history_;
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
    PlayerController player_;
    Workshop workshop_; // the editor, the quick set, the history, deleting
    bool showHelp_ = false;
    bool quit_ = false;
    int activeFrames_ = IdlePolicy::kActiveFramesAfterInput;
    std::size_t libraryScans_ = 0;
    std::vector<long long> drawnSignature_;
    unsigned long long wakes_ = 0;  // for --verbose: how often the loop woke
    unsigned long long frames_ = 0; // and how often it drew

    [[nodiscard]] ui::Screen screen() const {
        if (player_.playing()) return player_.over() ? ui::Screen::Finished : ui::Screen::Player;
        if (workshop_.editing()) return ui::Screen::Editor;
        if (workshop_.quickSetOpen()) return ui::Screen::QuickSet;
        if (workshop_.historyOpen()) return ui::Screen::History;
        return ui::Screen::Library;
    }

    // Everything the frame shows that changes without input: when it is unchanged, a wake-up
    // needs no frame.
    [[nodiscard]] std::vector<long long> visibleSignature() const {
        const SessionStatus& s = player_.status();
        return {static_cast<long long>(screen()), static_cast<long long>(libraryScans_),
                static_cast<long long>(s.state), static_cast<long long>(s.phaseSerial),
                (s.phaseRemainingMs + 999) / 1000, (s.routineTotalMs - s.routineElapsedMs + 999) / 1000,
                player_.flashing(), player_.confirmingExit(), showHelp_, static_cast<long long>(reporter_.serial())};
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
            player_.setDriver(driver_.get());
            return;
        }
        auto device = std::move(std::get<std::unique_ptr<AudioDevice>>(opened));
        const AudioFormat& f = device->format();
        reporter_.logf("audio driver=%s frequency=%d format=%s channels=%d buffer_frames=%d", f.driver.c_str(), f.frequency,
             f.sampleFormat.c_str(), f.channels, f.bufferFrames);
        audio_ = device.get();
        driver_ = std::move(device);
        player_.setDriver(driver_.get());
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
        player_.setDriver(driver_.get());
        notice("The sound device went away: visual cues only");
        reporter_.logf("audio device removed at frame %lld", static_cast<long long>(handover.frames));
    }

    // -- time and waking ------------------------------------------------------------------
    int waitMs() const {
        if (activeFrames_ > 0) return IdlePolicy::kActiveFrameMs;
        const Millis wait = std::min<Millis>(IdlePolicy::kIdleWakeMs, player_.nextChangeInMs().value_or(IdlePolicy::kIdleWakeMs));
        return static_cast<int>(std::max<Millis>(1, wait));
    }

    void update() {
        if (!player_.playing()) return;
        player_.update();
        screenSaver(!player_.running());
    }

    // The screen stays awake while a routine plays, and may sleep when paused or done.
    void screenSaver(bool allowed) {
        if (platform_->setScreenSaverEnabled(allowed)) reporter_.logf("screensaver %s", allowed ? "allowed" : "off");
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
        reporter_.logf("library routines=%zu invalid=%zu", library_.entries().size(), invalid);
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
        player_.setFlash(settings_.flash, settings_.flashMs);
        if (!player_.start(entry, settings_.cues)) return;
        settings_.lastRoutine = entry.id;
        screenSaver(!player_.running());
    }

    void toLibrary() {
        player_.stop();
        screenSaver(true);
        reporter_.logf(workshop_.editing() ? "screen editor" : "screen library"); // "Try it" comes back to the editor
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
        if (draft.sounds != before.sounds && audio_ && !player_.playing()) {
            // New sound files: reopen the device to load them (only between routines).
            player_.setDriver(nullptr);
            driver_.reset();
            audio_ = nullptr;
            openSound();
        }
        reporter_.logf("settings applied countdown=%d halfway=%d flash=%d font_scale=%.2f", settings_.cues.countdown,
             settings_.cues.halfway, settings_.flash, settings_.fontScale);
        soundSettingsChanged();
    }

    void soundSettingsChanged() {
        driver_->setVolume(settings_.volume, settings_.muted);
        reporter_.logf("volume %d mute %s", settings_.volume, settings_.muted ? "on" : "off");
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
        if (intent.action != Action::RequestExit && player_.cancelExit() && intent.action == Action::TogglePause)
            return;
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
        case Action::TogglePause: player_.togglePause(); break;
        case Action::Skip: player_.skip(); break;
        case Action::Back: player_.back(); break;
        case Action::Extend: player_.extend(); break;
        case Action::Restart: player_.restart(); break;
        case Action::RequestExit:
            if (!player_.requestExit()) toLibrary();
            break;
        case Action::ToLibrary: toLibrary(); break;
        case Action::ToggleFullscreen:
            platform_->toggleFullscreen();
            reporter_.logf("fullscreen %s", platform_->fullscreen() ? "on" : "off");
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
            reporter_.logf("help %s", showHelp_ ? "on" : "off");
            break;
        case Action::OpenSettings:
            ui::openSettings(settingsState_, settings_);
            reporter_.logf("settings open");
            break;
        case Action::ApplySettings: applySettings(settingsState_.draft); break;
        case Action::CloseSettings:
            settingsState_.open = false;
            reporter_.logf("settings closed");
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
        if (!player_.playing() && workshop_.open()) {
            if (workshop_.draw(platform_->fonts())) activeFrames_ = IdlePolicy::kActiveFramesAfterInput;
        } else if (!player_.playing()) {
            ui::LibraryModel model;
            model.entries = &library_.entries();
            model.tags = allTags(library_.entries());
            model.equipment = allEquipment(library_.entries());
            visible_ = filterEntries(library_.entries(), ui::filterFor(libraryState_, model));
            model.visible = visible_;
            model.notice = reporter_.current();
            model.deleted = workshop_.deletedName();
            model.showHelp = showHelp_;
            intent = ui::drawLibrary(libraryState_, model, platform_->fonts());
            if (const ui::Intent fromSettings = ui::drawSettings(settingsState_, platform_->fonts(), driver_->hasSound()))
                intent = fromSettings;
        } else {
            ui::PlayerModel model;
            model.timeline = &player_.routine()->timeline;
            model.routineName = player_.routine()->displayName();
            model.status = player_.status();
            model.flash = player_.flashing() ? 1.0f : 0.0f;
            model.confirmingExit = player_.confirmingExit();
            model.showHelp = showHelp_;
            model.volume = settings_.volume;
            model.muted = settings_.muted;
            model.soundAvailable = driver_->hasSound();
            model.notice = reporter_.current();
            model.wallMs = player_.wallMs();
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
    void notice(const std::string& text) override { reporter_.notice(text); }
    void log(const std::string& line) override { reporter_.log(line); }
    void quit() override { quit_ = true; }
};

} // namespace

int runGui(const GuiOptions& options) { return GuiApp(options).run(); }

} // namespace unknot
