// The window: the platform's events in, frames out, the sound device kept alive. What each
// intent does is the AppController's business (app/app_controller.hpp); this file is glue.
//
// Index of this file:
//   - Idle policy: when to wake and draw (named constants, with the reasons)
//   - WindowReporter: the --verbose event log the end-to-end tests read, and the notice
//   - GuiApp: the loop, the sound device (each screen is drawn by app/app_view.cpp)
#include "desktop/gui_app.hpp"

#include "app/app_controller.hpp"
#include "app/app_view.hpp"
#include "audio/audio_device.hpp"
#include "core/atomic_file.hpp"
#include "core/i18n.hpp"
#include "core/paths.hpp"
#include "core/text.hpp"
#include "desktop/clock.hpp"
#include "desktop/mpris_service.hpp"
#include "desktop/platform.hpp"
#include "play/sound_switch.hpp"
#include "screens/player/player_model.hpp"
#include "store/data_dirs.hpp"
#include "store/settings.hpp"
#include "store/user_files.hpp"
#include "ui/draw.hpp"

#include <imgui.h>

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
    // With nothing changing on screen, wake this often: the desktop's scale, the history's
    // journal and the day's change are looked at then (the library's loader wakes the window
    // itself when a routine file changes).
    static constexpr int kIdleWakeMs = 2000;
    // (The player's chrome recedes kChromeShownMs after input: screens/player/player_model.hpp.)
};

// ---------------------------------------------------------------------------------------
// WindowReporter
// ---------------------------------------------------------------------------------------
class WindowReporter final : public Reporter {
  public:
    WindowReporter(bool verbose, Ticks origin) : verbose_(verbose), origin_(origin) {}
    // File names and labels are logged and noticed: escaped, so a routine named "\x1b]0;…"
    // cannot retitle the terminal (Reporter::logf already cuts a line at 1 KB).
    void log(const std::string& line) override {
        if (!verbose_) return;
        std::fprintf(stderr, "unknot: %8.3f %s\n", static_cast<double>(steadyClockMs() - origin_) / 1000.0,
                     escapeControls(line).c_str());
    }
    using Reporter::notice;
    // Printed as it came (the end-to-end tests read it), what to do on a line of its own; kept
    // in the list the notices screen shows (I in the library).
    void notice(const Notice& n) override {
        const bool placeTold = n.place.empty() || n.text.find(n.place) != std::string::npos;
        std::cerr << "unknot: notice: " << escapeControls(placeTold ? n.text : n.place + ": " + n.text) << "\n";
        if (!n.hint.empty()) std::cerr << "unknot: what to do: " << escapeControls(n.hint) << "\n";
        notices_.add(n);
        const Notice& newest = notices_.newest()->notice;
        current_ = newest.place.empty() || newest.text.find(newest.place) != std::string::npos
                       ? newest.text
                       : newest.place + ": " + newest.text;
    }
    // The newest notice, as the library and the player show it.
    [[nodiscard]] const std::string& current() const { return current_; }
    [[nodiscard]] unsigned serial() const {
        return static_cast<unsigned>(notices_.serial());
    } // changes with every notice
    [[nodiscard]] const NoticesModel& notices() const { return notices_; }

  private:
    bool verbose_;
    Ticks origin_;
    NoticesModel notices_;
    std::string current_;
};

// What to do about a problem with settings.toml: a value at its place is corrected there or in
// the panel; the copy kept of the file is only news.
Notice settingsNotice(const std::string& text) {
    Notice n{text, {}, {}}; // as it came, "path:line:column: error: …": the list places it
    if (!placeNotice(n).place.empty())
        n.hint = format(_("Correct it in {0}, or set it again in Settings (S): until then the default is used"),
                        {settingsPath().string()});
    else if (text.find(".bak") != std::string::npos)
        n.hint = _("Nothing to do: the file as it was is kept there, to copy from");
    else
        n.hint =
            format(_("Make {0} a readable text file, or remove it: the defaults are used"), {settingsPath().string()});
    return n;
}

// ---------------------------------------------------------------------------------------
// GuiApp
// ---------------------------------------------------------------------------------------
class GuiApp final : public AppShell {
  public:
    explicit GuiApp(const GuiOptions& options)
        : options_(options), reporter_(options.verbose, steadyClockMs()),
          history_(historyDbPath(), historyPath(), reporter_) {}

    int run() {
        // What saves killed midway left behind (issue 12: 112 files after 250 kills).
        for (const auto& folder : {userRoutinesDir(), userConfigDir()}) removeStaleTemporaries(folder);
        LoadedSettings loaded = settingsFile_.load();
        for (const auto& n : loaded.notices) reporter_.notice(settingsNotice(n));
        if (!openWindow(loaded.settings)) return 1;
        app_ = std::make_unique<AppController>(
            *this, reporter_, history_, settingsFile_, AppPaths{userRoutinesDir(), trashDir(), historyDbPath()},
            options_.folders, loaded.settings, PlayerClocks{steadyClockMs, wallClockSeconds});
        app_->setNotices(&reporter_.notices());
        app_->followPrograms(ProgramFolders{builtInProgramsDir(), userProgramsDir()}, historyDbPath(),
                             wallClockSeconds);
        audioSubsystem_ = std::make_unique<AudioSubsystem>();
        sound_ = std::make_unique<SoundSwitch>(
            reporter_, [this](SessionHandover& resume) { return openDevice(resume); },
            [this](SessionDriver* driver) { app_->setDriver(driver); }, AudioDevice::kFrequency, steadyClockMs);
        sound_->open();
        app_->library().setWake([platform = platform_.get()] { platform->pushWake(); });
        app_->library().holdOthersUntilShown();
        app_->begin(options_.startWith);
        app_->importFiles(options_.openFiles); // a double-click on a *.unknot.toml
        startRemote();

        int exitCode = 0;
        while (!app_->quitting()) {
            ++wakes_;
            const auto events = platform_->waitEvents(waitMs());
            if (handleEvents(events)) activeFrames_ = IdlePolicy::kActiveFramesAfterInput;
            app_->tick();
            sound_->tick(); // a device quiet for a while is suspended
            publishRemote();
            // The finished screen shows: the routine is over and its check-in, if any, answered.
            if (options_.quitAtEnd && app_->player().over() && app_->router().top() == Route::Player) {
                reporter_.log("quit-at-end");
                exitCode = app_->player().status().state == SessionState::Finished ? 0 : 3;
                break;
            }
            // Draw only when what is on screen would change: a wake for nothing (the library's
            // file check, a paused player) costs no frame.
            auto signature = app_->signature(reporter_.serial());
            signature.push_back(chromeVisible() ? 1 : 0);
            const bool redraw = !events.empty() || activeFrames_ > 0 || signature != drawnSignature_;
            if (platform_->minimized() || !redraw) continue; // draw nothing nobody can see
            drawnSignature_ = signature;
            ++frames_;
            draw();
            if (frames_ == 1) app_->library().firstFrameShown(); // now the user's folder is read
            publishRemote(); // a button clicked in this frame
            if (activeFrames_ > 0) --activeFrames_;
        }
        remote_.reset(); // the bus thread ends before the window it posts events to
        app_->finish();  // a routine still going is recorded as stopped
        reporter_.logf("exit wakes=%llu frames=%llu", wakes_, frames_);
        Settings settings = app_->settings();
        settings.window = platform_->geometry();
        // The window is gone: what saving says can only go to stderr now.
        const auto saved = settingsFile_.save(settings);
        for (const auto& message : {saved.error, saved.notice})
            if (message) std::cerr << "unknot: " << escapeControls(*message) << "\n";
        return exitCode;
    }

  private:
    const GuiOptions& options_;
    WindowReporter reporter_;
    HistoryStore history_;                      // unknot.db, history.csv imported at the first start
    SettingsFile settingsFile_{settingsPath()}; // writes only what changed, keeps hand edits
    std::unique_ptr<Platform> platform_;
    std::unique_ptr<AudioSubsystem> audioSubsystem_; // hears devices come and go, open or not
    std::unique_ptr<SoundSwitch> sound_;             // the device, or the steady clock
    std::unique_ptr<AppController> app_;
    std::unique_ptr<MprisService> remote_; // MPRIS on the session bus, served by its own thread
    MprisState remoteShown_;               // what the remote was last given
    std::string iconUrl_;
    int activeFrames_ = IdlePolicy::kActiveFramesAfterInput;
    std::vector<long long> drawnSignature_;
    unsigned long long wakes_ = 0;    // for --verbose: how often the loop woke
    unsigned long long frames_ = 0;   // and how often it drew
    Ticks lastInputMs_ = 0;           // the last key, click or mouse move (the player's chrome)

    // While a routine plays, the player's chrome shows only for a while after input.
    [[nodiscard]] bool chromeVisible() const {
        return app_->router().top() != Route::Player || unknot::chromeVisible(app_->player(), sinceInputMs());
    }
    [[nodiscard]] Millis sinceInputMs() const { return steadyClockMs() - lastInputMs_; }

    bool openWindow(const Settings& settings) {
        PlatformOptions po;
        po.geometry = settings.window;
        po.fullscreen = options_.fullscreen;
        po.imguiIniFile = userConfigDir() / "imgui.ini";
        po.iconFile = assetsDir() / "icon.bmp";
        po.fontScale = settings.fontScale;
        po.uiScale = settings.uiScale;
        std::error_code ec;
        std::filesystem::create_directories(userConfigDir(), ec);
        auto opened = Platform::open(po);
        if (auto* error = std::get_if<std::string>(&opened)) {
            std::cerr << "unknot: " << _("error: ") << *error << "\n";
            return false;
        }
        platform_ = std::move(std::get<std::unique_ptr<Platform>>(opened));
        const DisplayScale& d = platform_->displayScale();
        reporter_.logf("window video=%s imgui=%d display_scale=%.2f from=\"%s\"", platform_->videoDriver().c_str(),
                       IMGUI_VERSION_NUM, d.displayScale, d.source.c_str());
        return true;
    }

    // True when any of them was input (a key, a click; not a window change or a quit).
    bool handleEvents(const std::vector<InputEvent>& events) {
        bool input = false;
        std::vector<std::string> dropped;
        for (const auto& e : events) {
            switch (e.type) {
            case InputEvent::Type::Quit:
                // The editor may ask about unsaved changes first: show that at once.
                if (!app_->requestQuit()) input = true;
                continue;
            case InputEvent::Type::Key:
                lastInputMs_ = steadyClockMs();
                app_->key(e.key, e.ctrl, platform_->typing(), e.more);
                break;
            case InputEvent::Type::AudioDeviceRemoved: sound_->deviceRemoved(); break;
            case InputEvent::Type::AudioDeviceAdded: sound_->deviceAdded(); break;
            case InputEvent::Type::Media: app_->media(e.media); break;
            case InputEvent::Type::Volume: app_->handle(ui::Intent{ui::Action::SetVolume, 0, e.volume}); break;
            case InputEvent::Type::DropFile: dropped.push_back(e.file); break;
            case InputEvent::Type::WindowChanged: continue;
            // The library's loader read something: a few frames, as after a key, so that the list
            // can settle (a selection read far down is scrolled to in the frame after it is drawn).
            case InputEvent::Type::Wake: break;
            case InputEvent::Type::DisplayScaleChanged: displayScaleChanged(); continue;
            case InputEvent::Type::Other: lastInputMs_ = steadyClockMs(); break;
            }
            input = true;
        }
        app_->importFiles(dropped); // several files dropped at once: one notice
        return input;
    }

    // The desktop's scale changed while the app runs: the next frame draws at it (the platform
    // rebuilds the fonts), and the settings panel shows what the desktop now says.
    void displayScaleChanged() {
        const DisplayScale& d = platform_->displayScale();
        reporter_.logf("display scale=%.2f display_scale=%.2f from=\"%s\"", d.scale, d.displayScale, d.source.c_str());
    }

    int waitMs() const {
        if (activeFrames_ > 0) return IdlePolicy::kActiveFrameMs;
        Millis wait =
            std::min<Millis>(IdlePolicy::kIdleWakeMs, app_->nextChangeInMs().value_or(IdlePolicy::kIdleWakeMs));
        if (app_->router().top() == Route::Player)
            if (const auto recedes = chromeRecedesInMs(app_->player(), sinceInputMs())) wait = std::min(wait, *recedes);
        return static_cast<int>(std::max<Millis>(1, wait));
    }

    // -- sound ----------------------------------------------------------------------------
    // Opens the sound device with the sounds the settings name; it adopts `resume`, a session
    // handed over, and plays it on from the tick it had reached.
    std::variant<std::unique_ptr<SoundDeviceDriver>, std::string> openDevice(SessionHandover& resume) {
        const Settings& s = app_->settings();
        AudioOptions ao;
        ao.soundsDir = assetsDir() / "sounds";
        ao.custom = s.sounds;
        ao.volume = s.volume;
        ao.voice = s.voice;
        ao.cues = s.cues;
        ao.outputDevice = s.outputDevice;
        ao.muted = s.muted;
        std::vector<Notice> notices;
        auto opened = AudioDevice::open(ao, notices, resume);
        for (const auto& n : notices) reporter_.notice(n);
        if (auto* error = std::get_if<std::string>(&opened)) return *error;
        auto device = std::move(std::get<std::unique_ptr<AudioDevice>>(opened));
        const AudioFormat& f = device->format();
        reporter_.logf("audio driver=%s frequency=%d format=%s channels=%d buffer_frames=%d output=\"%s\"",
                       f.driver.c_str(), f.frequency, f.sampleFormat.c_str(), f.channels, f.bufferFrames,
                       device->outputDevice().empty() ? "default" : device->outputDevice().c_str());
        return device;
    }

    // -- the MPRIS remote -----------------------------------------------------------------
    void startRemote() {
        // The icon for mpris:artUrl: the installed one, or the source tree's.
        for (const auto& icon :
             {dataDir() / "../icons/hicolor/256x256/apps/unknot.png", assetsDir() / "icons/unknot-256.png"}) {
            std::error_code ec;
            if (std::filesystem::is_regular_file(icon, ec)) {
                iconUrl_ = fileUrl(std::filesystem::weakly_canonical(std::filesystem::absolute(icon, ec), ec));
                break;
            }
        }
        remoteShown_ = remoteState();
        const Platform* platform = platform_.get();
        remote_ = std::make_unique<MprisService>(
            remoteShown_,
            MprisService::Callbacks{[platform](ui::MediaCommand c) { platform->pushMedia(c); },
                                    [platform](int percent) { platform->pushVolume(percent); },
                                    [this](const std::string& line) { reporter_.log(line); }, steadyClockMs});
    }

    [[nodiscard]] MprisState remoteState() const {
        const PlayerController& player = app_->player();
        MprisInput in;
        in.context = app_->mediaContext();
        if (player.routine()) {
            in.timeline = &player.routine()->timeline();
            in.routineName = player.routine()->displayName();
        }
        if (const LibraryEntry* again = app_->playAgain(); again && again->valid())
            in.stopped = MprisStoppedRoutine{again->displayName(), again->totalMs};
        in.status = player.status();
        in.volume = app_->settings().volume;
        in.muted = app_->settings().muted;
        in.artUrl = iconUrl_;
        in.nowMs = steadyClockMs();
        return mprisState(in);
    }

    // Hands the bus thread a new state when what the remote shows changed (not every frame: the
    // thread works the position out itself).
    void publishRemote() {
        if (!remote_) return;
        MprisState now = remoteState();
        if (!mprisChanged(remoteShown_, now, now.atMs)) return;
        remoteShown_ = std::move(now);
        remote_->publish(remoteShown_);
    }

    // -- AppShell -------------------------------------------------------------------------
    bool toggleFullscreen() override {
        platform_->toggleFullscreen();
        return platform_->fullscreen();
    }
    void setFontScale(double scale) override { platform_->setFontScale(scale); }
    void setUiScale(std::optional<double> scale) override { platform_->setUiScale(scale); }
    bool setScreenSaverEnabled(bool enabled) override { return platform_->setScreenSaverEnabled(enabled); }
    // New sound files: a routine playing goes on from the frame it reached, with the new
    // sounds from its next cue.
    void soundFilesChanged() override { sound_->reopen(); }
    std::vector<std::string> soundOutputs() override { return AudioDevice::outputDevices(); }
    DisplayScale desktopScale() const override { return platform_->desktopScale(); }

    // -- drawing --------------------------------------------------------------------------
    // Each screen's view draws what it is given and returns the one intent the user gave.
    void draw() {
        Screen& top = *app_->topScreen();
        platform_->setKeyboardNavigation(top.navigatesByKeyboard());
        platform_->beginFrame();
        // Emoji typed go to the field being typed in, which ImGui holds each as U+FFFD in.
        std::deque<std::string>* typed = top.typedInto();
        for (auto& c : platform_->takeTypedBeyondBmp())
            if (typed) typed->push_back(std::move(c));
        const ui::Intent intent = drawApp(*app_, platform_->fonts(),
                                          LoopFrame{platform_->testMode(), platform_->typing(), sound_->hasSound(),
                                                    reporter_.current(), libraryNotice(), sinceInputMs()});
        // Test mode: what the screens drawn say of their frame (the player's layout), when it changed.
        if (platform_->testMode()) {
            const std::string lines = describeDrawn(*app_);
            for (std::size_t at = 0, end; (end = lines.find('\n', at)) != std::string::npos; at = end + 1)
                std::fprintf(stderr, "unknot: %s\n", lines.substr(at, end - at).c_str());
        }
        platform_->endFrame(ui::frameBackground());
        if (typed && !platform_->typing()) typed->clear(); // typed where no field took them
        top.viewDrawn();
        if (intent) activeFrames_ = IdlePolicy::kActiveFramesAfterInput;
        app_->handle(intent);
    }

    std::string libraryNotice() const {
        // The newest notice; I lists them all.
        std::string notice = reporter_.current();
        if (const std::size_t n = reporter_.notices().rows().size(); n > 1)
            notice +=
                "   " + format(n_("({0} notice: I lists them)", "({0} notices: I lists them)", n), {std::to_string(n)});
        return notice;
    }
};

} // namespace

int runGui(const GuiOptions& options) { return GuiApp(options).run(); }

} // namespace unknot
