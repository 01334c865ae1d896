// The settings declaration (store/settings_table.hpp): every setting is read, written and
// documented from it.
#include "core/atomic_file.hpp"
#include "screens/settings/settings_screen.hpp"
#include "store/settings_table.hpp"

#include "app_fakes.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <set>

using namespace unknot;

namespace {

const std::string kBegin = "<!-- settings table: made by settingsReference(), checked by test_settings_table -->\n";
const std::string kEnd = "<!-- end of the settings table -->\n";

} // namespace

TEST_CASE("each setting is declared once, under a name of its own") {
    std::set<std::string> names;
    for (const SettingDecl& d : settingsTable()) {
        CAPTURE(settingName(d));
        CHECK(names.insert(settingName(d)).second);
        CHECK_FALSE(d.help.empty());
        CHECK((d.widget == SettingWidget::None) == (d.section == SettingSection::None));
        CHECK((d.widget == SettingWidget::None) == d.label.empty());
        CHECK((d.widget == SettingWidget::None) == (d.effect == SettingEffect::Kept));
    }
    CHECK(settingsInFileOrder().size() == settingsTable().size());
}

TEST_CASE("a setting of the wrong type gives its default and a notice that names it") {
    const Settings defaults;
    for (const SettingDecl& d : settingsTable()) {
        if (d.key.empty()) continue; // [sounds]: a table of paths, tested with the files
        CAPTURE(settingName(d));
        const std::string text =
            (d.table.empty() ? "" : "[" + std::string(d.table) + "]\n") + std::string(d.key) + " = [1]\n";
        const LoadedSettings loaded = parseSettings(text);
        CHECK(sameSetting(d, loaded.settings, defaults));
        REQUIRE(loaded.notices.size() == 1);
        CHECK(loaded.notices[0].find("`" + std::string(d.key) + "`") != std::string::npos);
        CHECK(loaded.notices[0].find(settingValues(d)) != std::string::npos);
    }
}

TEST_CASE("docs/settings.md's table is the one the declarations make") {
    const auto path = std::filesystem::path(UNKNOT_SOURCE_DIR) / "docs" / "settings.md";
    const auto text = readFile(path);
    REQUIRE(text);
    const auto begin = text->find(kBegin);
    const auto end = text->find(kEnd);
    REQUIRE(begin != std::string::npos);
    REQUIRE(end != std::string::npos);
    const std::string table = text->substr(begin + kBegin.size(), end - begin - kBegin.size());
    const std::string wanted = settingsReference();
    if (table != wanted && std::getenv("UNKNOT_WRITE_DOCS")) {
        // UNKNOT_WRITE_DOCS=1 unknot_unit_tests -tc='docs/settings.md*' writes it, for a new setting.
        REQUIRE_FALSE(writeFileAtomically(path, text->substr(0, begin + kBegin.size()) + wanted + text->substr(end)));
        return;
    }
    CHECK_MESSAGE(table == wanted, "docs/settings.md is out of date: run UNKNOT_WRITE_DOCS=1 "
                                   "build/debug/bin/unknot_unit_tests -tc='docs/settings.md*'");
}

// ---------------------------------------------------------------------------------------
// The settings panel, a screen over the library (src/screens/settings)
// ---------------------------------------------------------------------------------------
TEST_CASE("the settings panel is a screen: it edits a draft of the settings and hands each change to the app") {
    test::Host host;
    host.current.volume = 40;
    host.current.sounds["end"] = "/home/me/gong 🔔.wav";
    host.desktop = DisplayScale{1.0, 1.5, "Xft.dpi"};
    auto opened = std::make_unique<SettingsScreen>(host);
    SettingsScreen& panel = *opened;
    host.open(std::move(opened));
    panel.begin();
    CHECK(host.router.top() == Route::Settings);
    CHECK(host.router.has(Route::Library)); // drawn over it
    CHECK(panel.keyScreen() == ui::Screen::Settings);
    CHECK(panel.navigatesByKeyboard()); // Tab and the arrows move between its widgets
    REQUIRE(panel.typedInto());         // emoji typed into a sound file's path
    CHECK(host.reports.count("settings open") == 1);

    // The draft starts as the settings are; the path fields as the file has them.
    CHECK(panel.draft().volume == 40);
    ui::SettingsViewState& state = panel.panel();
    CHECK(state.outputDevices == host.outputs); // listed once, as it opens
    CHECK(state.desktopScale == 1.5);
    CHECK(state.desktopScaleSource == "Xft.dpi");
    std::size_t end = 0;
    while (kCueSoundNames[end] != std::string_view("end")) ++end;
    CHECK(state.soundPaths[end].text == "/home/me/gong 🔔.wav");
    // The desktop's scale may change while it shows: the view is given the one now.
    host.desktop = DisplayScale{1.0, 2.0, "GDK_SCALE"};
    CHECK(panel.panel().desktopScale == 2.0);
    CHECK(panel.panel().desktopScaleSource == "GDK_SCALE");
    host.outputs.push_back("Bluetooth");
    CHECK(panel.panel().outputDevices.size() == 2); // not listed again each frame

    // Each change goes to the app, whole; nothing reaches it before.
    CHECK(host.settingsChanged.empty());
    panel.draft().volume = 55;
    CHECK(panel.handle(ui::Intent{ui::Action::ApplySettings}));
    REQUIRE(host.settingsChanged.size() == 1);
    CHECK(host.settingsChanged[0].volume == 55);
    CHECK(host.settingsChanged[0].sounds == host.current.sounds);
    CHECK(host.current.volume == 40); // the app's to apply, not the panel's

    // Its keys: Esc closes it, Ctrl+Q quits; nothing else is a shortcut while its widgets have them.
    using ui::Key;
    const auto key = [](Key k, bool ctrl = false) {
        return ui::intentForKey(k, ui::KeyContext{ui::Screen::Settings, ctrl}).action;
    };
    CHECK(key(Key::Escape) == ui::Action::CloseSettings);
    CHECK(key(Key::Q, true) == ui::Action::Quit);
    for (const Key k : {Key::S, Key::M, Key::Enter, Key::Space, Key::F11, Key::Question, Key::Q})
        CHECK(key(k) == ui::Action::None);
    CHECK(ui::keyBindings(ui::Screen::Settings).empty());
    // A remote starts nothing while it shows, even with a routine selected or one to play again.
    for (const auto command : {ui::MediaCommand::Play, ui::MediaCommand::PlayPause, ui::MediaCommand::Next})
        CHECK_FALSE(
            ui::intentForMedia(command, ui::MediaContext{ui::Screen::Settings, SessionState::Ready, true, true}));
    // What is not its own is left to the app (the sound, quitting).
    CHECK_FALSE(panel.handle(ui::Intent{ui::Action::ToggleMute}));
    CHECK_FALSE(panel.handle(ui::Intent{ui::Action::Quit}));

    CHECK(panel.handle(ui::Intent{ui::Action::CloseSettings}));
    CHECK(host.router.top() == Route::Library);
    CHECK(host.reports.count("settings closed") == 1);
    CHECK(host.settingsChanged.size() == 1); // closing applies nothing more
}

TEST_CASE("the settings panel reports the field that has the keys once each time it changes (test mode)") {
    test::Host host;
    SettingsScreen panel(host);
    std::string out;
    panel.describe(out); // first frame: no field yet
    CHECK(out == "test focus=\n");
    out.clear();
    panel.describe(out);
    CHECK(out.empty());
    panel.panel().focused = "prepare";
    panel.describe(out);
    CHECK(out == "test focus=prepare\n");
    out.clear();
    panel.describe(out);
    CHECK(out.empty());
    // Opened again, it reports afresh.
    SettingsScreen again(host);
    again.panel().focused = "prepare";
    again.describe(out);
    CHECK(out == "test focus=prepare\n");
}

TEST_CASE("a draft's change reaches what its declaration says and only that, and the app's own record is kept") {
    Settings current;
    current.lastRoutine = "calf-set";
    current.window.width = 1024;
    CHECK(settingsChange(current, current).effects.empty());
    CHECK(settingsChange(current, current).settings == current);
    for (const SettingDecl& setting : settingsTable()) {
        CAPTURE(settingName(setting));
        Settings draft = current;
        std::visit(
            [&](auto field) {
                using T = std::remove_reference_t<decltype(field(draft))>;
                if constexpr (std::is_same_v<T, bool>)
                    field(draft) = !field(draft);
                else if constexpr (std::is_same_v<T, int>)
                    field(draft) = field(draft) == static_cast<int>(setting.max) ? static_cast<int>(setting.min)
                                                                                 : static_cast<int>(setting.max);
                else if constexpr (std::is_same_v<T, double>)
                    field(draft) = field(draft) == setting.max ? setting.min : setting.max;
                else if constexpr (std::is_same_v<T, std::optional<double>>)
                    field(draft) = field(draft) ? std::nullopt : std::optional<double>(setting.max);
                else if constexpr (std::is_same_v<T, std::string>)
                    field(draft) = setting.choices.empty()
                                       ? field(draft) + "-changed"
                                       : std::string(setting.choices[field(draft) == setting.choices[0] ? 1 : 0]);
                else
                    field(draft)["tense"] = "/home/me/gong.wav";
            },
            setting.value);
        REQUIRE_FALSE(sameSetting(setting, draft, current));
        const SettingsChange change = settingsChange(current, draft);
        if (setting.effect == SettingEffect::Kept) {
            CHECK(change.effects.empty());
            CHECK(change.settings == current);
        } else {
            CHECK(change.effects == std::set<SettingEffect>{setting.effect});
            CHECK(change.settings == draft);
        }
    }
}
