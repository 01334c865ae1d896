// The whole app layer driven the way a user does (keys and view intents), without a window:
// a fake shell, a steady-clock driver on a fake clock, real files in a temporary folder.
#include "app/app_controller.hpp"
#include "core/atomic_file.hpp"
#include "core/i18n.hpp"
#include "screens/check_in/check_in_screen.hpp"
#include "store/history_db.hpp"
#include "store/settings_table.hpp"

#include "app_fakes.hpp"
#include "temp_dir.hpp"

#include <doctest/doctest.h>

using namespace unknot;
using ui::Action;
using ui::CheckInAction;
using ui::Intent;
using ui::Key;

namespace {
// The check-in asked now (before or after a routine, or from the history), if any.
const CheckInModel* checkInOf(const AppController& app) {
    const auto* s = static_cast<const CheckInScreen*>(app.router().opened(Route::CheckIn));
    return s ? &s->model() : nullptr;
}

struct Shell final : AppShell {
    bool fullscreen = false;
    bool screenSaver = true;
    double fontScale = 1.0;
    std::optional<double> uiScale;
    int soundReloads = 0;
    bool toggleFullscreen() override { return fullscreen = !fullscreen; }
    void setFontScale(double scale) override { fontScale = scale; }
    void setUiScale(std::optional<double> scale) override { uiScale = scale; }
    bool setScreenSaverEnabled(bool enabled) override {
        const bool changed = screenSaver != enabled;
        screenSaver = enabled;
        return changed;
    }
    void soundFilesChanged() override { ++soundReloads; }
    std::vector<std::string> soundOutputs() override { return {"USB headset"}; }
    DisplayScale desktopScale() const override { return {1.0, 1.5, "Xft.dpi"}; }
};

constexpr std::string_view kShort = "name = \"Short\"\n[[step]]\nkind = \"tense\"\nduration = \"5s\"\n"
                                    "[[step]]\nkind = \"release\"\nduration = \"5s\"\n";

struct Rig {
    test::TempDir dir;
    SettingsFile settingsFile{dir.path / "settings.toml"};
    test::Reports reports;
    test::History history;
    Shell shell;
    Ticks now = 0;
    SteadyClockDriver driver{[this] { return now; }, 1000};
    std::unique_ptr<AppController> app;

    explicit Rig(Settings settings = {}) {
        dir.write("builtin/short.toml", kShort);
        dir.write("builtin/zz-other.toml", "name = \"Other\"\n[[step]]\nkind = \"hold\"\nduration = \"30s\"\n");
        app = std::make_unique<AppController>(shell, reports, history, settingsFile,
                                              AppPaths{dir.path / "user", dir.path / "trash", dir.path / "unknot.db"},
                                              LibraryFolders{dir.path / "builtin", dir.path / "user", {}},
                                              std::move(settings),
                                              Clocks{[this] { return now; }, [] { return std::int64_t{0}; }});
        app->setDriver(&driver);
        app->begin(std::nullopt);
    }
    // Writes the user's routine `id` and plays it as Enter in the library does.
    void playUserRoutine(const std::string& id, const std::string& text) {
        dir.write("user/" + id + ".toml", text);
        app->library().rescan();
        app->library().settle(); // read on the loader's thread
        const auto& entries = app->library().entries();
        const auto it = std::find_if(entries.begin(), entries.end(), [&](const auto& e) { return e.id == id; });
        REQUIRE(it != entries.end());
        app->handle(Intent{Action::Start, static_cast<std::size_t>(it - entries.begin())});
    }
    void press(Key key, bool ctrl = false) { app->key(key, ctrl, false); }
    void pass(Millis ms) {
        now += ms;
        app->tick();
    }
    [[nodiscard]] ui::Screen screen() const { return app->screen(); }
};

} // namespace

TEST_CASE("the app opens on the library with the last routine selected") {
    Settings s;
    s.lastRoutine = "zz-other";
    Rig rig(s);
    CHECK(rig.screen() == ui::Screen::Library);
    REQUIRE(rig.app->library().selected());
    CHECK(rig.app->library().selected()->id == "zz-other");
    CHECK(rig.reports.count("screen library") == 1);
    rig.press(Key::Up);
    CHECK(rig.app->library().selected()->id == "short");
}

TEST_CASE("Enter plays the selection, Esc twice stops it and goes back, the history has it") {
    Rig rig;
    rig.press(Key::Enter);
    CHECK(rig.screen() == ui::Screen::Player);
    CHECK_FALSE(rig.shell.screenSaver);
    CHECK(rig.app->settings().lastRoutine == "short");
    rig.pass(1000);
    rig.press(Key::Space);
    rig.pass(1); // the loop ticks after every input
    CHECK(rig.app->player().status().state == SessionState::Paused);
    CHECK(rig.shell.screenSaver); // paused: the screen may sleep
    rig.press(Key::Escape);
    CHECK(rig.app->player().confirmingExit());
    rig.press(Key::Space); // keeps the routine: the Space is not also a resume
    CHECK_FALSE(rig.app->player().confirmingExit());
    CHECK(rig.app->player().status().state == SessionState::Paused);
    rig.press(Key::Escape);
    rig.press(Key::Escape);
    CHECK(rig.screen() == ui::Screen::Library);
    REQUIRE(rig.history.records.size() == 1);
    CHECK_FALSE(rig.history.records[0].completed);
    CHECK(rig.reports.count("screen library") == 2);
}

TEST_CASE("a routine played to its end shows Finished, and Enter goes back to the library") {
    Rig rig;
    rig.app->handle(Intent{Action::Start, 0});
    rig.press(Key::Right);
    rig.press(Key::Right);
    CHECK(rig.screen() == ui::Screen::Finished);
    CHECK(rig.history.records.size() == 1);
    CHECK_FALSE(rig.history.records[0].completed); // skipped, not played
    rig.press(Key::R);                             // again: at once, nothing is lost on the finished screen
    rig.pass(1);
    CHECK(rig.screen() == ui::Screen::Player);
    rig.press(Key::Plus);
    rig.press(Key::Left);
    rig.app->finish(); // quitting mid-routine still records it
    CHECK(rig.history.records.size() == 2);
    CHECK(rig.shell.screenSaver);
}

TEST_CASE("volume and mute keys change the settings and save them") {
    Rig rig;
    rig.press(Key::Enter);
    rig.press(Key::Down);
    rig.press(Key::M);
    CHECK(rig.app->settings().volume == 100 - Settings::kVolumeStep); // from the default, 100%
    CHECK(rig.app->settings().muted);
    rig.app->handle(Intent{Action::SetVolume, 0, 250});
    CHECK(rig.app->settings().volume == 100);
    const LoadedSettings saved = loadSettings(rig.dir.path / "settings.toml");
    CHECK(saved.settings.volume == 100);
    CHECK(saved.settings.muted);
    CHECK(rig.reports.count("volume 100 mute on") == 1);
}

TEST_CASE("a sound change saves only what changed and keeps the user's lines in settings.toml") {
    Rig rig;
    rig.dir.write("settings.toml", "# mine: keep this line\nvolume = 100\nflash = true\n");
    REQUIRE(rig.settingsFile.load().notices.empty());
    rig.press(Key::M);
    const auto text = readFile(rig.dir.path / "settings.toml");
    REQUIRE(text);
    CHECK(text->find("# mine: keep this line") != std::string::npos);
    CHECK(text->find("volume = 100") != std::string::npos);
    CHECK(loadSettings(rig.dir.path / "settings.toml").settings.muted);
    CHECK(rig.reports.notices.empty());
}

TEST_CASE("the settings panel opens with S, applies a draft, and Esc closes it") {
    Rig rig;
    rig.press(Key::S);
    REQUIRE(rig.app->settingsScreen());
    rig.press(Key::Enter); // the panel has the keys: the library does not start
    CHECK(rig.screen() == ui::Screen::Settings);
    CHECK(rig.app->router().has(Route::Library));
    Settings& draft = rig.app->settingsScreen()->draft();
    draft.fontScale = 1.5;
    draft.uiScale = 2.0;
    draft.cues.halfway = false;
    draft.sounds["tense"] = "/tmp/gong.wav";
    rig.app->handle(Intent{Action::ApplySettings});
    CHECK(rig.shell.fontScale == 1.5);
    CHECK(rig.shell.uiScale == 2.0);
    CHECK(rig.shell.soundReloads == 1);
    CHECK_FALSE(rig.app->settings().cues.halfway);
    CHECK(rig.reports.count("settings applied countdown=1 halfway=0") == 1);
    rig.press(Key::Escape);
    CHECK_FALSE(rig.app->settingsScreen());
    CHECK(rig.screen() == ui::Screen::Library);
    CHECK(rig.reports.count("settings closed") == 1);
}

namespace {

// Another value `setting` may hold than the one it has in `s`.
void changeSetting(const SettingDecl& setting, Settings& s) {
    struct Change {
        const SettingDecl& d;
        Settings& s;
        void operator()(SettingField<bool> f) const { f(s) = !f(s); }
        void operator()(SettingField<int> f) const {
            f(s) = f(s) == static_cast<int>(d.min) ? static_cast<int>(d.max) : static_cast<int>(d.min);
        }
        void operator()(SettingField<double> f) const { f(s) = f(s) == d.min ? d.max : d.min; }
        void operator()(SettingField<std::optional<double>> f) const {
            f(s) = f(s) ? std::nullopt : std::optional<double>(d.max);
        }
        void operator()(SettingField<std::string> f) const {
            if (d.choices.empty())
                f(s) += "-changed";
            else
                f(s) = std::string(d.choices[f(s) == d.choices[0] ? 1 : 0]);
        }
        void operator()(SettingField<std::map<std::string, std::string>> f) const {
            f(s)["tense"] = "/home/me/gong.wav";
        }
    };
    std::visit(Change{setting, s}, setting.value);
}

} // namespace

TEST_CASE("each setting changed in the panel while a routine plays reaches what it controls and is saved") {
    // Over the whole declaration table: a new setting is covered as soon as it is declared.
    for (const SettingDecl& setting : settingsTable()) {
        CAPTURE(settingName(setting));
        Rig rig;
        test::RecordingDriver device(rig.driver);
        rig.app->setDriver(&device);
        rig.press(Key::Enter);
        REQUIRE(rig.screen() == ui::Screen::Player);
        rig.pass(1000);
        REQUIRE(device.cues == rig.app->settings().cues);
        rig.app->handle(Intent{Action::OpenSettings});
        REQUIRE(rig.app->settingsScreen());
        const Settings before = rig.app->settings();
        Settings& draft = rig.app->settingsScreen()->draft();
        changeSetting(setting, draft);
        REQUIRE_FALSE(sameSetting(setting, draft, before));
        const Settings wanted = draft;
        device.cues.reset();
        device.volume.reset();
        const int reloads = rig.shell.soundReloads;
        rig.app->handle(Intent{Action::ApplySettings});
        rig.pass(1);
        rig.app->handle(Intent{Action::CloseSettings});
        CHECK(rig.screen() == ui::Screen::Player); // the routine plays on
        const Settings& now = rig.app->settings();
        if (setting.effect == SettingEffect::Kept) {
            // The app's own record: the panel has no widget for it, and a draft cannot change it.
            CHECK(setting.widget == SettingWidget::None);
            CHECK(sameSetting(setting, now, before));
            continue;
        }
        CHECK(setting.widget != SettingWidget::None);
        CHECK(sameSetting(setting, now, wanted));
        CHECK(sameSetting(setting, loadSettings(rig.dir.path / "settings.toml").settings, wanted));
        switch (setting.effect) {
        case SettingEffect::Volume: CHECK(device.volume == std::pair(wanted.volume, wanted.muted)); break;
        case SettingEffect::CueOptions: CHECK(device.cues == wanted.cues); break;
        case SettingEffect::SoundDevice: CHECK(rig.shell.soundReloads == reloads + 1); break;
        case SettingEffect::Flash:
            CHECK(rig.app->player().flashEnabled() == wanted.flash);
            CHECK(rig.app->player().flashMs() == wanted.flashMs);
            break;
        case SettingEffect::FontScale: CHECK(rig.shell.fontScale == wanted.fontScale); break;
        case SettingEffect::UiScale: CHECK(rig.shell.uiScale == wanted.uiScale); break;
        case SettingEffect::NextRoutine: break; // read from settings() when the next routine starts: checked above
        case SettingEffect::Language:
            CHECK(currentLanguage() == shippedLanguage(wanted.language));
            CHECK(rig.shell.soundReloads == reloads + 1); // the voice in it
            break;
        case SettingEffect::Kept: break;
        }
        // Only what the setting controls was told: a cue change reopens no sound device, and so on.
        if (setting.effect != SettingEffect::SoundDevice && setting.effect != SettingEffect::Language)
            CHECK(rig.shell.soundReloads == reloads);
        if (setting.effect != SettingEffect::CueOptions) CHECK_FALSE(device.cues);
    }
}

TEST_CASE("fullscreen and help are the shell's and the app's to toggle") {
    Rig rig;
    rig.press(Key::F11);
    CHECK(rig.shell.fullscreen);
    CHECK(rig.reports.count("fullscreen on") == 1);
    const auto before = rig.app->signature(0);
    rig.press(Key::Question);
    CHECK(rig.app->showHelp());
    CHECK(rig.app->signature(0) != before);
    CHECK(rig.app->signature(1) != rig.app->signature(0)); // a new notice needs a frame
}

TEST_CASE("the quick set starts at once and leaving the player goes to the library") {
    Rig rig;
    rig.press(Key::Q);
    CHECK(rig.screen() == ui::Screen::QuickSet);
    rig.app->handle(Intent{Action::QuickStart});
    CHECK(rig.screen() == ui::Screen::Player);
    rig.app->handle(Intent{Action::ToLibrary});
    CHECK(rig.screen() == ui::Screen::Library);
}

TEST_CASE("a new routine is saved, shows in the library selected, is deleted and comes back") {
    Rig rig;
    rig.press(Key::N);
    CHECK(rig.screen() == ui::Screen::Editor);
    rig.press(Key::S, true);
    CHECK(rig.screen() == ui::Screen::Editor);
    CHECK(std::filesystem::exists(rig.dir.path / "user" / "new-routine.toml"));
    rig.app->library().settle(); // read on the loader's thread
    REQUIRE(rig.app->library().selected());
    CHECK(rig.app->library().selected()->id == "new-routine");
    rig.press(Key::Escape);
    CHECK(rig.screen() == ui::Screen::Library);
    rig.press(Key::Delete);
    CHECK_FALSE(std::filesystem::exists(rig.dir.path / "user" / "new-routine.toml"));
    CHECK(rig.app->deletedName() == "New routine");
    rig.press(Key::Z, true);
    CHECK(std::filesystem::exists(rig.dir.path / "user" / "new-routine.toml"));
    rig.app->library().settle();
    REQUIRE(rig.app->library().selected());
    CHECK(rig.app->library().selected()->id == "new-routine");
}

TEST_CASE("Try it plays over the editor and leaving comes back to the editor") {
    Rig rig;
    rig.app->handle(Intent{Action::Duplicate, 0});
    CHECK(rig.screen() == ui::Screen::Editor);
    rig.app->handle(Intent{Action::EditRoutine, 0, 0, ui::makeEditorAction(ui::EditorAction::Type::TryIt)});
    CHECK(rig.screen() == ui::Screen::Player);
    rig.press(Key::Escape);
    rig.press(Key::Escape);
    CHECK(rig.screen() == ui::Screen::Editor);
    CHECK(rig.reports.count("screen editor") == 2); // opened, then back from the player
}

TEST_CASE("in the editor Alt keys add, change and move steps, also while a field has the keys") {
    Rig rig;
    rig.press(Key::N); // a new routine: one prepare phase
    REQUIRE(rig.screen() == ui::Screen::Editor);
    const auto& steps = [&]() -> const std::vector<Step>& { return rig.app->editorScreen()->editor().routine().steps; };
    const ui::Modifiers alt{true, false};
    rig.app->key(Key::T, false, true, alt); // typing in the name: Alt+T still adds a tense phase
    rig.app->key(Key::R, false, true, alt);
    REQUIRE(steps().size() == 3);
    CHECK(steps()[1].kind == PhaseKind::Tense);
    CHECK(steps()[2].kind == PhaseKind::Release);
    CHECK(rig.app->editorScreen()->view().selected == StepPath{2});
    rig.app->key(Key::K, false, true, alt);
    CHECK(steps()[2].kind == PhaseKind::Hold);
    rig.app->key(Key::K, false, true, ui::Modifiers{true, true}); // Shift: back
    CHECK(steps()[2].kind == PhaseKind::Release);
    rig.app->key(Key::S, false, true, alt);
    CHECK(steps()[2].sides == std::vector<Side>{Side::Left, Side::Right});
    rig.app->key(Key::Up, false, false, alt);
    CHECK(steps()[1].kind == PhaseKind::Release);
    CHECK(rig.app->editorScreen()->view().selected == StepPath{1});
    rig.app->key(Key::Delete, false, false, alt);
    CHECK(steps().size() == 2);
    rig.press(Key::Z, true);
    CHECK(steps().size() == 3);
    rig.app->key(Key::T, false, true); // without Alt: the letter is the field's
    CHECK(steps().size() == 3);
}

TEST_CASE("quitting with unsaved changes asks first and discarding quits") {
    Rig rig;
    rig.app->handle(Intent{Action::NewRoutine});
    rig.app->editorScreen()->action(ui::makeEditorAction(ui::EditorAction::Type::AddBlock));
    CHECK_FALSE(rig.app->requestQuit());
    CHECK(rig.app->editorScreen()->view().confirmClose);
    rig.app->editorScreen()->action(ui::makeEditorAction(ui::EditorAction::Type::DiscardAndClose));
    CHECK(rig.app->quitting());
}

TEST_CASE("the history view opens and closes with Esc") {
    Rig rig;
    rig.press(Key::H);
    CHECK(rig.screen() == ui::Screen::History);
    CHECK(rig.app->historyScreen()->model().minutesPerWeek.size() == 8);
    rig.press(Key::Escape);
    CHECK(rig.screen() == ui::Screen::Library);
}

TEST_CASE("after / or Ctrl+F letters are the search's even before the box has the keys") {
    for (const bool ctrlF : {false, true}) {
        CAPTURE(ctrlF);
        Rig rig;
        ctrlF ? rig.press(Key::F, true) : rig.press(Key::Slash);
        CHECK_FALSE(rig.shell.fullscreen);
        CHECK(rig.app->library().takeSearchFocusRequest());
        // Dear ImGui says a text field has the keys a frame or two later: until then the keys
        // come with typing = false, and none of them may act as a shortcut.
        for (const Key k : {Key::H, Key::F, Key::M, Key::N, Key::Q, Key::S, Key::Question}) rig.press(k);
        CHECK(rig.screen() == ui::Screen::Library);
        CHECK_FALSE(rig.shell.fullscreen);
        CHECK_FALSE(rig.app->settings().muted);
        CHECK_FALSE(rig.app->settingsScreen());
        CHECK_FALSE(rig.app->showHelp());
        rig.press(Key::Down); // the arrows still choose, from the search box
        CHECK(rig.app->library().selected()->id == "zz-other");
        rig.press(Key::Escape); // leaves the search: the shortcuts are back
        rig.press(Key::H);
        CHECK(rig.screen() == ui::Screen::History);
    }
}

TEST_CASE("Enter from the search starts the routine, and back in the library the shortcuts work") {
    Rig rig;
    rig.press(Key::Slash);
    rig.app->library().searchDrawn(true); // the box took the keys
    rig.press(Key::Enter);
    CHECK(rig.screen() == ui::Screen::Player);
    CHECK_FALSE(rig.app->library().searchHoldsKeys());
    rig.press(Key::Escape);
    rig.press(Key::Escape);
    REQUIRE(rig.screen() == ui::Screen::Library);
    rig.press(Key::H);
    CHECK(rig.screen() == ui::Screen::History);
}

TEST_CASE("files added on disk show up in the library once read") {
    Rig rig;
    rig.pass(1);
    rig.dir.write("user/mine.toml", kShort);
    rig.app->library().settle();
    rig.pass(1);
    CHECK(rig.app->library().entries().size() == 3);
}

TEST_CASE("unknot run: the routine plays at once, and the library's intents reach the workshop") {
    Rig rig;
    rig.app->handle(Intent{Action::Edit, 99}); // no such entry: nothing happens
    CHECK(rig.screen() == ui::Screen::Library);
    rig.dir.write("user/mine.toml", kShort);
    rig.app->begin(loadEntry(rig.dir.path / "user/mine.toml", RoutineSource::User));
    CHECK(rig.screen() == ui::Screen::Player);
    rig.app->handle(Intent{Action::ToLibrary});
    rig.app->library().settle(); // read on the loader's thread
    const auto mine = [&] {
        for (std::size_t i = 0; i < rig.app->library().entries().size(); ++i)
            if (rig.app->library().entries()[i].id == "mine") return i;
        return std::size_t{99};
    }();
    REQUIRE(mine != 99);
    rig.app->handle(Intent{Action::Edit, mine});
    CHECK(rig.screen() == ui::Screen::Editor);
    rig.app->handle(Intent{Action::EditRoutine, 0, 0, ui::makeEditorAction(ui::EditorAction::Type::AddBlock)});
    rig.press(Key::Z, true);
    rig.press(Key::Y, true);
    CHECK(rig.app->editorScreen()->editor().dirty());
    rig.app->handle(Intent{Action::CloseView});
    rig.app->handle(Intent{Action::EditRoutine, 0, 0, ui::makeEditorAction(ui::EditorAction::Type::DiscardAndClose)});
    CHECK(rig.screen() == ui::Screen::Library);
    rig.app->handle(Intent{Action::Delete, mine});
    CHECK_FALSE(std::filesystem::exists(rig.dir.path / "user/mine.toml"));
    rig.app->handle(Intent{Action::Select, 0});
    CHECK(rig.app->library().selectedIndex() == 0);
    rig.app->handle(Intent{Action::QuickRefine}); // the quick set is not open: nothing happens
    CHECK(rig.screen() == ui::Screen::Library);
    rig.press(Key::Q, true);
    CHECK(rig.app->quitting());
}

TEST_CASE("the player's volume keys and the Finished screen's keys") {
    Settings noFlash;
    noFlash.flash = false;
    Rig rig(noFlash);
    rig.press(Key::Enter);
    rig.press(Key::Down);
    CHECK(rig.app->settings().volume == 100 - Settings::kVolumeStep);
    rig.press(Key::Up);
    rig.press(Key::Up); // no further than 100%
    CHECK(rig.app->settings().volume == 100);
    rig.press(Key::Right);
    rig.press(Key::Right);
    REQUIRE(rig.screen() == ui::Screen::Finished);
    CHECK_FALSE(rig.app->nextChangeInMs().has_value()); // over: nothing changes by itself (the flash is off)
    rig.press(Key::Enter);
    CHECK(rig.screen() == ui::Screen::Library);
}

TEST_CASE("a routine with check_in asks before and after, by keyboard, and records both with the session") {
    Rig rig;
    rig.dir.write("user/heel.toml", "name = \"Heel\"\ncheck_in = [\"heel\"]\n[[step]]\nkind = \"roll\"\n"
                                    "duration = \"5s\"\n[[step]]\nkind = \"rest\"\nduration = \"5s\"\n");
    rig.app->library().rescan();
    rig.app->library().settle(); // read on the loader's thread
    const auto& entries = rig.app->library().entries();
    const auto heel = std::find_if(entries.begin(), entries.end(), [](const auto& e) { return e.id == "heel"; });
    REQUIRE(heel != entries.end());
    rig.app->handle(Intent{Action::Start, static_cast<std::size_t>(heel - entries.begin())});
    REQUIRE(rig.screen() == ui::Screen::CheckIn);
    REQUIRE(checkInOf(*rig.app));
    CHECK(checkInOf(*rig.app)->question() == "How does your left heel feel?");
    CHECK_FALSE(rig.app->player().playing()); // the routine waits for the answers
    rig.press(Key::Digit5);
    rig.press(Key::Up);
    rig.press(Key::Enter); // left heel 6
    rig.press(Key::Digit2);
    rig.press(Key::Enter); // right heel 2
    CHECK(rig.screen() == ui::Screen::Player);
    CHECK(rig.app->player().playing());
    CHECK(rig.history.checkIns.empty()); // kept until the session has an id
    rig.press(Key::Right);
    rig.press(Key::Right);
    rig.pass(1);
    REQUIRE(rig.history.records.size() == 1);
    REQUIRE(rig.history.checkIns.size() == 2);
    CHECK(rig.history.checkIns[0].moment == CheckInMoment::Before);
    CHECK(rig.history.checkIns[0].score == 6);
    CHECK(rig.history.checkIns[1].score == 2);
    CHECK(rig.history.checkIns[1].sessionId == 1);
    REQUIRE(rig.screen() == ui::Screen::CheckIn); // and after
    rig.press(Key::Digit1);
    rig.press(Key::Digit0);
    rig.press(Key::Enter);  // left heel 10
    rig.press(Key::Escape); // skip the right
    CHECK(rig.screen() == ui::Screen::Finished);
    REQUIRE(rig.history.checkIns.size() == 3);
    CHECK(rig.history.checkIns[2].moment == CheckInMoment::After);
    CHECK(rig.history.checkIns[2].score == 10);
    CHECK(rig.history.checkIns[2].sessionId == 1);
    CHECK(rig.reports.count("check-in done moment=after answers=1") == 1);
}

TEST_CASE("the voice asks each check-in question once as it comes up, and not when it is off") {
    // The steady clock's session, with what is said kept.
    struct Speaking final : SessionDriver {
        SessionDriver& inner;
        std::vector<std::string> said;
        explicit Speaking(SessionDriver& d) : inner(d) {}
        void start(std::shared_ptr<const Timeline> t, const CueOptions& o) override { inner.start(std::move(t), o); }
        void apply(SessionCommand c) override { inner.apply(c); }
        void setCueOptions(const CueOptions& o) override { inner.setCueOptions(o); }
        void setVolume(int percent, bool muted) override { inner.setVolume(percent, muted); }
        SessionStatus update(std::vector<SessionEvent>& e) override { return inner.update(e); }
        [[nodiscard]] Ticks ticksPerSecond() const override { return inner.ticksPerSecond(); }
        [[nodiscard]] bool hasSound() const override { return true; }
        void say(const std::string& sentence) override { said.push_back(sentence); }
        [[nodiscard]] bool sounding() const override { return busy; }
        bool busy = false; // a sentence still sounds
    };
    for (const bool voice : {true, false}) {
        CAPTURE(voice);
        Settings settings;
        settings.voice.enabled = voice;
        Rig rig(settings);
        Speaking speaking(rig.driver);
        rig.app->setDriver(&speaking);
        rig.playUserRoutine("heel", "name = \"Heel\"\ncheck_in = [\"heel\"]\n[[step]]\nkind = \"roll\"\n"
                                    "duration = \"5s\"\n");
        REQUIRE(rig.screen() == ui::Screen::CheckIn);
        rig.press(Key::Digit5); // a score changes nothing said
        rig.press(Key::Up);
        rig.press(Key::Down);
        rig.press(Key::Enter);
        rig.press(Key::Digit2);
        speaking.busy = true;  // the voice is saying the score back
        rig.press(Key::Enter); // the routine plays once it is heard
        if (voice) {
            rig.pass(10);
            CHECK(rig.screen() == ui::Screen::Library);
            CHECK_FALSE(rig.app->player().playing());
            CHECK(rig.app->nextChangeInMs() <= 50); // the loop looks again soon
            speaking.busy = false;
            rig.pass(10);
        }
        REQUIRE(rig.screen() == ui::Screen::Player);
        speaking.busy = false;
        rig.press(Key::Right); // to the end: asked again after
        rig.pass(1);
        REQUIRE(rig.screen() == ui::Screen::CheckIn);
        rig.press(Key::Escape);
        if (!voice) {
            CHECK(speaking.said.empty());
            continue;
        }
        // Each score typed is said back; after, the question says the score given before.
        CHECK(speaking.said == std::vector<std::string>{
                                   "How does your left heel feel? 0 none, 10 worst.",
                                   "Left heel, 5. How does your right heel feel? 0 none, 10 worst.", "Right heel, 2.",
                                   "How does your left heel feel? 0 none, 10 worst. Last time, 5."});
    }
}

TEST_CASE("with check_in_before off only the end asks, Esc skips, and History can check in on its own") {
    Settings s;
    s.checkInBefore = false;
    Rig rig(s);
    rig.dir.write("user/heel.toml", "name = \"Heel\"\ncheck_in = [\"knee\"]\n[[step]]\nkind = \"roll\"\n"
                                    "duration = \"5s\"\n");
    rig.app->library().rescan();
    rig.app->library().settle(); // read on the loader's thread
    const auto& entries = rig.app->library().entries();
    const auto heel = std::find_if(entries.begin(), entries.end(), [](const auto& e) { return e.id == "heel"; });
    REQUIRE(heel != entries.end());
    rig.app->handle(Intent{Action::Start, static_cast<std::size_t>(heel - entries.begin())});
    CHECK(rig.screen() == ui::Screen::Player);
    rig.press(Key::Right);
    rig.pass(1);
    REQUIRE(rig.screen() == ui::Screen::CheckIn);
    rig.press(Key::Digit3); // typed, never confirmed
    rig.press(Key::Escape);
    CHECK(rig.screen() == ui::Screen::Finished);
    CHECK(rig.history.checkIns.empty());
    rig.press(Key::Enter);
    rig.press(Key::H);
    REQUIRE(rig.screen() == ui::Screen::History);
    rig.app->handle(openRouteIntent(Route::CheckIn));
    REQUIRE(rig.screen() == ui::Screen::CheckIn);
    CHECK(checkInOf(*rig.app)->question() == "How does your left knee feel?");
    rig.app->handle(Intent{CheckInAction::Score, 0, 4});
    rig.press(Key::Enter);
    rig.press(Key::Digit1);
    rig.press(Key::Enter);
    CHECK(rig.screen() == ui::Screen::History);
    REQUIRE(rig.history.checkIns.size() == 2);
    CHECK(rig.history.checkIns[0].moment == CheckInMoment::Standalone);
    CHECK_FALSE(rig.history.checkIns[0].sessionId);
    CHECK(rig.history.checkIns[1].side == Side::Right);
}

TEST_CASE("a note on a check-in from History: N opens it, its keys fire nothing, Enter keeps it with the score") {
    Rig rig;
    rig.dir.write("user/heel.toml", "name = \"Heel\"\ncheck_in = [\"heel\"]\n[[step]]\nkind = \"roll\"\n"
                                    "duration = \"5s\"\n");
    rig.app->library().rescan();
    rig.app->library().settle(); // read on the loader's thread
    rig.press(Key::H);
    rig.app->handle(openRouteIntent(Route::CheckIn));
    REQUIRE(rig.screen() == ui::Screen::CheckIn);
    rig.press(Key::Digit4);
    rig.press(Key::N);
    REQUIRE(checkInOf(*rig.app)->noteOpen());
    CHECK(rig.reports.count("check-in note open index=0") == 1);
    // What a user types into the note reaches the app as keys too: none may act.
    for (Key k : {Key::Digit7, Key::Up, Key::Down, Key::F, Key::M, Key::N, Key::Space, Key::Right}) rig.press(k);
    rig.app->key(Key::Digit1, false, true); // and with the field holding the keyboard
    Intent typed{CheckInAction::NoteText};
    typed.text = "stiff 1st steps, F";
    rig.app->handle(typed);
    CHECK(checkInOf(*rig.app)->score() == 4);
    CHECK_FALSE(rig.shell.fullscreen);
    CHECK(rig.app->settings().muted == Settings{}.muted);
    rig.press(Key::Enter); // keeps the note; the question stays
    CHECK_FALSE(checkInOf(*rig.app)->noteOpen());
    CHECK(checkInOf(*rig.app)->index() == 0);
    CHECK(rig.reports.count("check-in note kept index=0 bytes=18") == 1);
    rig.press(Key::Enter); // next: the right heel
    rig.press(Key::N);
    rig.app->handle(typed);
    rig.press(Key::Escape); // drops this draft only
    CHECK(rig.screen() == ui::Screen::CheckIn);
    rig.press(Key::Escape); // skips the rest
    CHECK(rig.screen() == ui::Screen::History);
    REQUIRE(rig.history.checkIns.size() == 1);
    CHECK(rig.history.checkIns[0].score == 4);
    CHECK(rig.history.checkIns[0].note == "stiff 1st steps, F");
}

TEST_CASE("media commands: Play starts the selection, Pause and Play, Next, Stop records a stopped session") {
    Rig rig;
    rig.app->media(ui::MediaCommand::Next); // nothing playing: nothing happens
    CHECK(rig.screen() == ui::Screen::Library);
    rig.app->media(ui::MediaCommand::Play);
    REQUIRE(rig.screen() == ui::Screen::Player);
    CHECK(rig.app->player().routine()->id == "short");
    rig.pass(1000);
    rig.app->media(ui::MediaCommand::Pause);
    rig.pass(1);
    CHECK(rig.app->player().status().state == SessionState::Paused);
    rig.app->media(ui::MediaCommand::Pause); // twice is still paused
    CHECK(rig.app->player().status().state == SessionState::Paused);
    rig.app->media(ui::MediaCommand::Play);
    CHECK(rig.app->player().status().state == SessionState::Running);
    rig.app->media(ui::MediaCommand::Next);
    CHECK(rig.app->player().status().phase == 1);
    rig.app->media(ui::MediaCommand::Previous);
    CHECK(rig.app->player().status().phase == 0);
    rig.app->media(ui::MediaCommand::Stop);
    CHECK(rig.screen() == ui::Screen::Library);
    REQUIRE(rig.history.records.size() == 1);
    CHECK_FALSE(rig.history.records[0].completed);
    CHECK(rig.reports.count("media stop") == 1);
}

TEST_CASE("hands-free: the remote answers the check-ins with the last scores, Stop then Play plays it again") {
    Rig rig;
    { // a score given on another day, in the history database
        auto opened = HistoryDb::open(rig.dir.path / "unknot.db");
        REQUIRE(std::holds_alternative<std::unique_ptr<HistoryDb>>(opened));
        CHECK_FALSE(std::get<std::unique_ptr<HistoryDb>>(opened)->addCheckIn(
            CheckIn{1, "heel", Side::Left, 4, CheckInMoment::Standalone, std::nullopt, ""}));
    }
    rig.playUserRoutine("heel", "name = \"Heel\"\ncheck_in = [\"heel\"]\n[[step]]\nkind = \"roll\"\n"
                                "duration = \"5s\"\n[[step]]\nkind = \"rest\"\nduration = \"5s\"\n");
    const auto answer = [&](ui::MediaCommand command) { rig.app->media(command); };
    REQUIRE(rig.screen() == ui::Screen::CheckIn);
    CHECK(rig.reports.count("say \"How does your left heel feel? 0 none, 10 worst. Last time, 4.\"") == 1);
    answer(ui::MediaCommand::Play); // left heel: 4, as last time
    CHECK(rig.reports.count("say \"Left heel, 4, as last time. How does your right heel feel?") == 1);
    answer(ui::MediaCommand::PlayPause); // right heel: never given, so it says what to do
    CHECK(rig.screen() == ui::Screen::CheckIn);
    CHECK(rig.reports.count("say \"No score yet for your right heel.") == 1);
    answer(ui::MediaCommand::Next); // skipped: the routine plays
    REQUIRE(rig.screen() == ui::Screen::Player);
    CHECK(rig.app->player().routine()->id == "heel");

    // Stop: recorded, said aloud, and Play starts the same routine (not the library's selection).
    rig.pass(1000);
    answer(ui::MediaCommand::Stop);
    CHECK(rig.screen() == ui::Screen::Library);
    CHECK(rig.reports.count("say \"Stopped. Press play to start Heel again.\"") == 1);
    REQUIRE(rig.app->playAgain());
    CHECK(rig.app->playAgain()->id == "heel");
    CHECK(rig.app->mediaContext().canPlayAgain);
    REQUIRE(rig.history.records.size() == 1);
    CHECK_FALSE(rig.history.records[0].completed);
    REQUIRE(rig.history.checkIns.size() == 1);
    CHECK((rig.history.checkIns[0].side == Side::Left && rig.history.checkIns[0].score == 4));
    answer(ui::MediaCommand::Play);
    CHECK(rig.reports.count("play again routine=heel") == 1);
    REQUIRE(rig.screen() == ui::Screen::CheckIn); // its questions first, the routine named
    CHECK(rig.reports.count("say \"Heel, again. How does your left heel feel?") == 1);
    answer(ui::MediaCommand::Play); // 4 again (given a moment ago)
    answer(ui::MediaCommand::Next);
    REQUIRE(rig.screen() == ui::Screen::Player);
    CHECK(rig.app->player().routine()->id == "heel");
    CHECK_FALSE(rig.app->playAgain());
    for (int i = 0; i < 12; ++i) rig.pass(1000);  // played to its end
    REQUIRE(rig.screen() == ui::Screen::CheckIn); // after
    answer(ui::MediaCommand::Play);
    answer(ui::MediaCommand::Next);
    CHECK(rig.screen() == ui::Screen::Finished);
    REQUIRE(rig.history.records.size() == 2);
    CHECK(rig.history.records[1].completed);
    REQUIRE(rig.history.checkIns.size() == 3);
    CHECK(rig.history.checkIns[1].moment == CheckInMoment::Before);
    CHECK(rig.history.checkIns[2].moment == CheckInMoment::After);
    CHECK(rig.history.checkIns[2].score == 4);
    CHECK(rig.history.checkIns[2].sessionId == 2);

    // Leaving the finished screen: Play is the library's selection again (a program's next).
    answer(ui::MediaCommand::Stop);
    REQUIRE(rig.screen() == ui::Screen::Library);
    CHECK_FALSE(rig.app->playAgain());

    // After Stop, until another routine is chosen.
    answer(ui::MediaCommand::Play); // the selection: "short"
    REQUIRE(rig.screen() == ui::Screen::Player);
    answer(ui::MediaCommand::Stop);
    REQUIRE(rig.app->playAgain());
    CHECK(rig.app->playAgain()->id == "short");
    rig.press(Key::Down);
    CHECK_FALSE(rig.app->playAgain());
    CHECK_FALSE(rig.app->mediaContext().canPlayAgain);
}

TEST_CASE("the routine after a check-in waits for the last score said back, but not for ever") {
    struct Busy final : SessionDriver {
        SessionDriver& inner;
        explicit Busy(SessionDriver& d) : inner(d) {}
        void start(std::shared_ptr<const Timeline> t, const CueOptions& o) override { inner.start(std::move(t), o); }
        void apply(SessionCommand c) override { inner.apply(c); }
        void setCueOptions(const CueOptions& o) override { inner.setCueOptions(o); }
        void setVolume(int percent, bool muted) override { inner.setVolume(percent, muted); }
        SessionStatus update(std::vector<SessionEvent>& e) override { return inner.update(e); }
        [[nodiscard]] Ticks ticksPerSecond() const override { return inner.ticksPerSecond(); }
        [[nodiscard]] bool hasSound() const override { return true; }
        [[nodiscard]] bool sounding() const override { return true; } // a voice that never ends
    };
    Rig rig;
    Busy busy(rig.driver);
    rig.app->setDriver(&busy);
    rig.playUserRoutine("knee", "name = \"Knee\"\ncheck_in = [\"knee\"]\n[[step]]\nkind = \"roll\"\n"
                                "duration = \"5s\"\n");
    rig.press(Key::Escape); // nothing said back: plays at once
    CHECK(rig.screen() == ui::Screen::Player);
    rig.press(Key::Escape);
    rig.press(Key::Escape);
    REQUIRE(rig.screen() == ui::Screen::Library);
    rig.playUserRoutine("knee", "name = \"Knee\"\ncheck_in = [\"knee\"]\n[[step]]\nkind = \"roll\"\n"
                                "duration = \"5s\"\n");
    rig.press(Key::Digit3);
    rig.press(Key::Enter);
    rig.press(Key::Digit2);
    rig.press(Key::Enter); // "Right knee, 2." said back
    CHECK(rig.reports.count("check-in start after the voice") == 1);
    rig.pass(AppController::kSayBackWaitMs - 1);
    CHECK_FALSE(rig.app->player().playing());
    rig.pass(1);
    CHECK(rig.screen() == ui::Screen::Player);

    // Stopped, a routine without questions is named before it starts again.
    rig.app->media(ui::MediaCommand::Stop);
    rig.app->handle(Intent{Action::StartSelected}); // "short"
    REQUIRE(rig.screen() == ui::Screen::Player);
    rig.app->media(ui::MediaCommand::Stop);
    rig.app->media(ui::MediaCommand::Play);
    CHECK(rig.reports.count("say \"Short, again.\"") == 1);
    CHECK(rig.screen() == ui::Screen::Library);
    rig.pass(AppController::kSayBackWaitMs);
    REQUIRE(rig.screen() == ui::Screen::Player);
    CHECK(rig.app->player().routine()->id == "short");
    rig.app->media(ui::MediaCommand::Stop);
    rig.playUserRoutine("knee", "name = \"Knee\"\ncheck_in = [\"knee\"]\n[[step]]\nkind = \"roll\"\n"
                                "duration = \"5s\"\n");
    rig.press(Key::Escape);

    // Play on the remote while it waits starts that routine at once, not the library's selection.
    rig.app->media(ui::MediaCommand::Stop);
    rig.app->media(ui::MediaCommand::Play);
    REQUIRE(rig.screen() == ui::Screen::CheckIn);
    rig.press(Key::Digit1);
    rig.press(Key::Enter);
    rig.press(Key::Digit1);
    rig.press(Key::Enter);
    CHECK(rig.screen() == ui::Screen::Library);
    rig.app->media(ui::MediaCommand::Play);
    REQUIRE(rig.screen() == ui::Screen::Player);
    CHECK(rig.app->player().routine()->id == "knee");
}

TEST_CASE("the window's media keys go through the same media commands") {
    Rig rig;
    rig.press(Key::MediaPlay);
    REQUIRE(rig.screen() == ui::Screen::Player);
    rig.press(Key::MediaPlay);
    CHECK(rig.app->player().status().state == SessionState::Paused);
    rig.press(Key::MediaNext);
    CHECK(rig.app->player().status().phase == 1);
    rig.press(Key::MediaPrevious);
    CHECK(rig.app->player().status().phase == 0);
    rig.press(Key::MediaStop);
    CHECK(rig.screen() == ui::Screen::Library);
    CHECK(rig.history.records.size() == 1);
    CHECK(rig.reports.count("media ") == 5);
}

TEST_CASE("R while a routine plays asks first, and Space keeps it going") {
    Rig rig;
    rig.app->handle(Intent{Action::Start, 0});
    rig.pass(3000);
    rig.press(Key::R);
    CHECK(rig.app->player().confirmingRestart());
    CHECK(rig.app->player().status().phaseElapsedMs == 3000);
    rig.press(Key::Space); // stays: not a pause either
    CHECK_FALSE(rig.app->player().confirmingRestart());
    CHECK(rig.app->player().status().state == SessionState::Running);
    rig.pass(1000);
    rig.press(Key::R);
    rig.press(Key::R);
    CHECK(rig.app->player().status().phaseElapsedMs == 0);
    CHECK(rig.reports.count("restart asked") == 2);
}

TEST_CASE("I in the library lists the notices, and a file dropped and refused is one, with what to do") {
    Rig rig;
    rig.dir.write("shared/broken.unknot.toml", "name = \"Broken\"\n[[step]]\nkind = \"tence\"\n");
    rig.dir.write("shared/good.unknot.toml", std::string(kShort));
    rig.app->importFiles({(rig.dir.path / "shared/broken.unknot.toml").string()});
    REQUIRE_FALSE(rig.reports.told.empty());
    const Notice refused = rig.reports.told.back();
    CHECK(refused.text.starts_with("Not imported: broken.unknot.toml"));
    CHECK(refused.hint.find("unknot check") != std::string::npos);
    rig.app->importFiles({(rig.dir.path / "shared/good.unknot.toml").string()});
    CHECK(rig.reports.told.back().hint.starts_with("Nothing to do"));

    // Without the window's list, I opens nothing; with it, the list.
    rig.press(Key::I);
    CHECK(rig.screen() == ui::Screen::Library);
    NoticesModel notices;
    for (const Notice& n : rig.reports.told) notices.add(n);
    rig.app->setNotices(&notices);
    rig.press(Key::I);
    REQUIRE(rig.screen() == ui::Screen::Notices);
    REQUIRE(rig.app->noticesScreen());
    CHECK(rig.app->noticesScreen()->notices().rows().size() == notices.rows().size());
    CHECK(rig.app->noticesScreen()->notices().newest()->notice.text.starts_with("Imported the routine 'good'"));
    rig.press(Key::Escape);
    rig.app->handle(Intent{}); // the router lets the closed screen go
    CHECK(rig.screen() == ui::Screen::Library);
}
