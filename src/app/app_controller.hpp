#pragma once
// The window's brain without the window: it owns the router (and so the open screens, the
// library's at the bottom), the player, the settings, and the flows between screens (the
// library opening the others, the screens' flows around a routine, the editor's "Try it");
// each intent (from a key, a button, a test) goes to the
// screen on top first, then to the app. What only the window can do (fullscreen, text size, the
// screen saver, the sound device) it asks of an AppShell. Unit tests drive it with a fake
// shell, a steady-clock driver on a fake clock and a temporary folder.

#include "core/reporter.hpp"
#include "screens/editor/editor_screen.hpp"
#include "screens/history/history_screen.hpp"
#include "screens/intent.hpp"
#include "screens/library/library_screen.hpp"
#include "screens/notices/notices_screen.hpp"
#include "screens/player/player_controller.hpp"
#include "screens/player/player_screen.hpp"
#include "screens/quick_set/quick_set_screen.hpp"
#include "screens/router.hpp"
#include "screens/settings/settings_screen.hpp"
#include "store/history_sink.hpp"
#include "store/settings.hpp"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace unknot {

class AppShell {
  public:
    virtual ~AppShell() = default;
    virtual bool toggleFullscreen() = 0;                  // true: fullscreen now
    virtual void setFontScale(double scale) = 0;          // the user's text size
    virtual void setUiScale(std::optional<double> scale) = 0; // the display's scale; none: the desktop's
    virtual bool setScreenSaverEnabled(bool enabled) = 0; // true when this changed it
    virtual void soundFilesChanged() = 0;                 // reload the cue sounds from settings()
    // For the settings panel: the sound outputs connected now, the desktop's display scale.
    [[nodiscard]] virtual std::vector<std::string> soundOutputs() = 0;
    [[nodiscard]] virtual DisplayScale desktopScale() const = 0;
};

class AppController final : private ScreenHost {
  public:
    // `settingsFile` is where the sound and the settings are saved when they change; the window
    // saves through the same one at exit, so each save edits only what changed since.
    AppController(AppShell& shell, Reporter& reporter, HistorySink& history, SettingsFile& settingsFile, AppPaths paths,
                  LibraryFolders folders, Settings settings, Clocks clocks);

    // The session driver to play on (the sound device, or the steady clock); it may change
    // while a routine plays.
    void setDriver(SessionDriver* driver);
    [[nodiscard]] SessionDriver* driver() const { return driver_; }

    // Programs (issue 26): the library opens on Today while one runs. Off until the window
    // turns it on (unit tests that do not ask for it never open a database).
    void followPrograms(ProgramFolders folders, std::filesystem::path db, std::function<std::int64_t()> wallClock) {
        libraryScreen().followPrograms(std::move(folders), std::move(db), std::move(wallClock));
    }
    [[nodiscard]] const TodayModel* today() const { return libraryScreen().today(); }
    // Files dropped onto the window or opened with it (a double-click on *.unknot.toml): each
    // checked and copied as `unknot import` does, the outcome a notice; a routine imported is
    // selected.
    void importFiles(const std::vector<std::string>& files);

    // The notices of this run, which I in the library lists (the window's reporter keeps them).
    void setNotices(const NoticesModel* notices) { notices_ = notices; }

    // Reads the library, then plays `startWith` at once when given (`unknot run`).
    void begin(const std::optional<LibraryEntry>& startWith);

    // -- input ---------------------------------------------------------------------------------
    // A key from the window: the key map says which intent it is, given the screen.
    void key(ui::Key key, bool ctrl, bool typing, ui::Modifiers more = {});
    void handle(const ui::Intent& intent);
    // A media remote (MPRIS, the media keys): what it means here is ui::intentForMedia's call.
    void media(ui::MediaCommand command);
    [[nodiscard]] ui::MediaContext mediaContext() const;
    // The window asks to close: true when it may (the editor asks first about unsaved changes).
    bool requestQuit();

    // -- time ----------------------------------------------------------------------------------
    // Once per wake: the player reads its session, the library looks for changed files.
    void tick();
    // How long until what shows changes by itself; nullopt when nothing will.
    [[nodiscard]] std::optional<Millis> nextChangeInMs() const;
    // Everything the frame shows that changes without input: unchanged, a wake needs no frame.
    [[nodiscard]] std::vector<long long> signature(unsigned noticeSerial) const;
    // At exit: a routine still going is recorded as stopped, the screen saver allowed again.
    void finish();

    // -- state out -----------------------------------------------------------------------------
    [[nodiscard]] ui::Screen screen() const { return router_.screen(player_.over()); }
    [[nodiscard]] const Router& router() const { return router_; }
    [[nodiscard]] bool quitting() const { return quit_; }
    [[nodiscard]] bool showHelp() const { return showHelp_; }
    [[nodiscard]] const Settings& settings() const override { return settings_; }
    [[nodiscard]] const PlayerController& player() const { return player_; }
    [[nodiscard]] LibraryModel& library() { return libraryScreen().model(); }
    // The library, always open (the router's bottom screen); the screens open now, if they are.
    [[nodiscard]] LibraryScreen& libraryScreen() const;
    [[nodiscard]] EditorScreen* editorScreen() const;
    [[nodiscard]] QuickSetScreen* quickSetScreen() const;
    [[nodiscard]] HistoryScreen* historyScreen() const;
    [[nodiscard]] NoticesScreen* noticesScreen() const;
    [[nodiscard]] PlayerScreen* playerScreen() const;
    [[nodiscard]] Screen* topScreen() const { return router_.topScreen(); }
    // The name of the routine just deleted (the library offers Undo), or "".
    [[nodiscard]] std::string deletedName() const { return libraryScreen().deletedName(); }
    [[nodiscard]] SettingsScreen* settingsScreen() const; // the settings panel, when open
    // The routine left for the library that a remote's Play starts again (nothing chosen since).
    [[nodiscard]] const LibraryEntry* playAgain() const { return again_ ? &*again_ : nullptr; }

    // How long a routine waits for the voice to say what comes before it (the last score of the
    // questions asked before it, "Heel check, again."), at most.
    static constexpr Millis kSayBackWaitMs = 5000;

  private:
    AppShell& shell_;
    Reporter& reporter_;
    SettingsFile& settingsFile_;
    Settings settings_;
    Router router_;
    PlayerController player_;
    AppPaths paths_;
    SessionDriver* driver_ = nullptr;
    const NoticesModel* notices_ = nullptr;
    HistorySink& history_;
    PlayerClocks clocks_;
    // The screens' flows (the router's list): asked before a routine plays, told when it ends.
    std::vector<std::unique_ptr<Flow>> flows_;
    // The routine to start once the voice said what comes before it (or at `until`, steady ms).
    struct StartWhenQuiet {
        LibraryEntry entry;
        Millis until = 0;
    };
    std::optional<StartWhenQuiet> startWhenQuiet_;
    std::optional<LibraryEntry> playing_; // the entry the player plays
    std::optional<LibraryEntry> again_;   // the routine left: a remote's Play starts it again
    bool overHandled_ = false;            // this session's end was seen (and the flows told)
    bool showHelp_ = false;
    bool quit_ = false;

    // Intents by concern; each returns false for intents not its own.
    bool openScreens(const ui::Intent& intent); // the library's ways to the other screens
    bool handlePlayer(const ui::Intent& intent);
    bool handleSound(const ui::Intent& intent);
    bool handleWindow(const ui::Intent& intent);

    // The flows' questions first when they have any; `intro` is said before (their first question).
    void startRoutine(const LibraryEntry& entry, const std::string& intro = {});
    // Plays `entry` once the voice is quiet (at most kSayBackWaitMs); false when nothing sounds.
    // The log says "<flow> start after the voice" (the flow that asked, if one did).
    bool playWhenQuiet(const LibraryEntry& entry, std::string_view flow);
    void playRoutine(const LibraryEntry& entry);
    void toLibrary();
    void screenSaver(bool allowed);
    void soundSettingsChanged();
    // The entry at `index` of the library, when there is one.
    template <class Act> void withEntry(std::size_t index, Act&& act) {
        if (const LibraryEntry* e = libraryScreen().model().at(index)) act(*e);
    }

    // Tells each flow: `f(flow)`.
    template <class F> void eachFlow(F&& f) {
        for (const auto& flow : flows_) f(*flow);
    }

    template <class S> void show(std::unique_ptr<S> screen) {
        if (!screen) return;
        S& opened = *screen;
        router_.open(std::move(screen));
        opened.begin();
    }

    // ScreenHost
    [[nodiscard]] Reporter& reporter() override { return reporter_; }
    [[nodiscard]] const Clocks& clocks() const override { return clocks_; }
    [[nodiscard]] HistorySink& history() override { return history_; }
    [[nodiscard]] const AppPaths& paths() const override { return paths_; }
    void play(const LibraryEntry& entry) override { startRoutine(entry); }
    void playNow(const LibraryEntry& entry, const char* waitingFlow) override {
        if (!waitingFlow || !playWhenQuiet(entry, waitingFlow)) playRoutine(entry);
    }
    [[nodiscard]] const std::vector<LibraryEntry>& routines() override { return library().entries(); }
    void historyChanged() override {
        if (Screen* top = router_.topScreen()) top->historyChanged();
    }
    void routineChosen() override { again_.reset(); } // a remote's Play starts the one chosen now
    void open(std::unique_ptr<Screen> screen) override { router_.open(std::move(screen)); }
    void close(Route route) override { router_.close(route); }
    void openEditor(Routine routine, bool saveNow) override;
    void routinesChanged(const std::string& selectId) override;
    bool say(const std::string& sentence) override;
    void changeSettings(const Settings& changed) override;
    [[nodiscard]] std::vector<std::string> soundOutputs() override { return shell_.soundOutputs(); }
    [[nodiscard]] DisplayScale desktopScale() const override { return shell_.desktopScale(); }
    void quit() override { quit_ = true; }
};

} // namespace unknot
