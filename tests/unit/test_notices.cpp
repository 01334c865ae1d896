// Every notice of the run: the list (newest first, repeats counted, places apart), the screen
// that shows it (I in the library), and the notices the library and the app raise into it.
#include "screens/notices/notices_model.hpp"
#include "screens/notices/notices_screen.hpp"

#include "app_fakes.hpp"
#include "screens/library/library_model.hpp"
#include "temp_dir.hpp"

#include <doctest/doctest.h>

using namespace unknot;

TEST_CASE("a notice told as path:line:column: error: has its place apart") {
    const Notice placed =
        placeNotice(Notice{"/home/me/.config/unknot/settings.toml:3:10: error: `volume` must be 0 to 100", {}, {}});
    CHECK(placed.place == "/home/me/.config/unknot/settings.toml:3:10");
    CHECK(placed.text == "`volume` must be 0 to 100");
    // A path with a colon in it, and without "error: ".
    const Notice colon = placeNotice(Notice{"/tmp/a:b/x.toml:12:1: TOML syntax", {}, {}});
    CHECK(colon.place == "/tmp/a:b/x.toml:12:1");
    CHECK(colon.text == "TOML syntax");
    // Words with colons, a time, a place on a later line: not a place.
    for (const char* text : {"Sound is back", "no sound device: visual cues only", "saved at 10:30: fine",
                             "Not imported: x.toml\n/tmp/x.toml:2:8: error: TOML syntax", ":1:2: nothing before"}) {
        const Notice same = placeNotice(Notice{text, {}, {}});
        CHECK(same.place.empty());
        CHECK(same.text == text);
    }
    // A place given is kept.
    CHECK(placeNotice(Notice{"x:1:1: y", "given", {}}).place == "given");
}

TEST_CASE("the notices are listed newest first, a repeat counted once at the top") {
    NoticesModel m;
    CHECK(m.empty());
    m.add(Notice{"/c/settings.toml:1:1: error: `volume` must be 0 to 100", {}, "Correct it"});
    m.add(Notice{"/c/settings.toml:2:1: error: `flash` must be true or false", {}, "Correct it"});
    m.add(Notice{"The sound device went away: visual cues only", {}, "Plug it in again"});
    REQUIRE(m.rows().size() == 3);
    CHECK(m.rows()[0].notice.text == "The sound device went away: visual cues only");
    CHECK(m.rows()[1].notice.place == "/c/settings.toml:2:1");
    CHECK(m.rows()[2].notice.place == "/c/settings.toml:1:1");
    const auto serial = m.serial();

    // The same text at another place is another notice; at the same place, the same one.
    m.add(Notice{"/c/settings.toml:1:1: error: `volume` must be 0 to 100", {}, "Correct it in the panel"});
    CHECK(m.serial() != serial);
    REQUIRE(m.rows().size() == 3);
    CHECK(m.rows()[0].notice.place == "/c/settings.toml:1:1");
    CHECK(m.rows()[0].count == 2);
    CHECK(m.rows()[0].notice.hint == "Correct it in the panel"); // the latest advice
    CHECK(m.rows()[1].notice.text == "The sound device went away: visual cues only");
    CHECK(m.rows()[1].count == 1);
    m.add(Notice{"`volume` must be 0 to 100", "/c/settings.toml:9:1", {}});
    CHECK(m.rows().size() == 4);
    CHECK(m.newest()->notice.place == "/c/settings.toml:9:1");
}

TEST_CASE("a flood of notices keeps the newest rows and says how many went") {
    NoticesModel m;
    for (std::size_t i = 0; i < NoticesModel::kMaxRows + 30; ++i) m.add(Notice{"problem " + std::to_string(i), {}, {}});
    for (int i = 0; i < 1000; ++i) m.add(Notice{"the same again", {}, {}});
    CHECK(m.rows().size() == NoticesModel::kMaxRows);
    CHECK(m.dropped() == 31);
    CHECK(m.rows()[0].notice.text == "the same again");
    CHECK(m.rows()[0].count == 1000);
    CHECK(m.rows()[1].notice.text == "problem " + std::to_string(NoticesModel::kMaxRows + 29));
}

TEST_CASE("the notices screen opens with I in the library, moves with the arrows, Esc or I goes back") {
    CHECK(ui::intentForKey(ui::Key::I, ui::KeyContext{ui::Screen::Library}).action == ui::Action::OpenNotices);
    CHECK(ui::intentForKey(ui::Key::Escape, ui::KeyContext{ui::Screen::Notices}).action == ui::Action::CloseView);
    CHECK(ui::intentForKey(ui::Key::I, ui::KeyContext{ui::Screen::Notices}).action == ui::Action::CloseView);
    CHECK(ui::intentForKey(ui::Key::Down, ui::KeyContext{ui::Screen::Notices}).action == ui::Action::SelectNext);
    // Typing in the library's search box, I is a letter.
    CHECK_FALSE(ui::intentForKey(ui::Key::I, ui::KeyContext{ui::Screen::Library, false, true}));

    test::Host host;
    NoticesModel notices;
    notices.add(Notice{"first", "/a.toml:1:2", "do this"});
    notices.add(Notice{"second", {}, "do that"});
    auto opened = std::make_unique<NoticesScreen>(host, notices);
    NoticesScreen& screen = *opened;
    host.router.open(std::move(opened));
    screen.begin();
    CHECK(host.reports.count("screen notices rows=2") == 1);
    CHECK(screen.selected() == 0);
    CHECK(screen.handle(ui::Intent{ui::Action::SelectNext}));
    CHECK(screen.takeScrollRequest());
    CHECK_FALSE(screen.takeScrollRequest());
    CHECK(screen.handle(ui::Intent{ui::Action::SelectNext})); // at the end it stays
    CHECK(screen.selected() == 1);
    CHECK(screen.handle(ui::Intent{ui::Action::SelectPrevious}));
    CHECK(screen.selected() == 0);
    CHECK_FALSE(screen.handle(ui::Intent{ui::Action::ToggleFullscreen})); // the app's

    // What the view drew is what the test mode tells, once, escaped.
    screen.drawn({"/a.toml:1:2 | first | do this | 1", "x | a\x1b]0;title | y | 2"});
    std::string out;
    screen.describe(out);
    CHECK(out == "test notices rows=2 selected=0\ntest notice /a.toml:1:2 | first | do this | 1\n"
                 "test notice x | a\\x1b]0;title | y | 2\n");
    out.clear();
    screen.describe(out);
    CHECK(out.empty());

    CHECK(screen.handle(ui::Intent{ui::Action::CloseView}));
    host.router.sweep();
    CHECK(host.router.top() == Route::Library);
    CHECK(host.reports.count("screen library") == 1);
}

TEST_CASE("a routine file refused is a notice at its place with what to do, once until its problem changes") {
    test::TempDir dir;
    test::Reports reports;
    dir.write("builtin/calf.toml", "name = \"Calf\"\n[[step]]\nkind = \"hold\"\nduration = \"30s\"\n");
    dir.write("user/broken.toml", "name = \"Broken\"\n[[step]]\nkind = \"tence\"\nduration = \"1x\"\n");
    LibraryModel model{LibraryFolders{dir.path / "builtin", dir.path / "user", {}}, reports};
    model.rescan();
    model.settle();
    REQUIRE(reports.told.size() == 1);
    const Notice& n = reports.told.front();
    CHECK(n.place == (dir.path / "user/broken.toml").string() + ":3:8");
    CHECK(n.text.starts_with("the routine file is refused: "));
    CHECK(n.text.ends_with("(and 1 more problem)"));
    CHECK(n.hint.find("unknot check " + (dir.path / "user/broken.toml").string()) != std::string::npos);

    // Another file changing reads the folder again: the same problem is no news.
    dir.write("builtin/glute.toml", "name = \"Glute\"\n[[step]]\nkind = \"hold\"\nduration = \"30s\"\n");
    model.settle();
    CHECK(model.entries().size() == 3);
    CHECK(reports.told.size() == 1);
    // The file saved with another mistake: told again.
    dir.write("user/broken.toml", "name = \"Broken\"\n[[step]]\nkind = \"hold\"\nduration = \"1x\"\n");
    model.settle();
    REQUIRE(reports.told.size() == 2);
    CHECK(reports.told.back().place == (dir.path / "user/broken.toml").string() + ":4:12");
}

TEST_CASE("an import's progress is one row: each step replaces the one before, its outcome the last") {
    NoticesModel m;
    m.add(Notice{"the sound device went away", {}, "plug it in", {}});
    for (int p = 0; p < 100; p += 10)
        m.add(Notice{"importing history.csv: " + std::to_string(p) + " %", "history.csv", "wait", "history import"});
    REQUIRE(m.rows().size() == 2);
    CHECK(m.rows()[0].notice.text == "importing history.csv: 90 %");
    CHECK(m.rows()[0].count == 1);
    m.add(Notice{"30000 sessions imported", "history.csv", "nothing to do", "history import"});
    REQUIRE(m.rows().size() == 2);
    CHECK(m.rows()[0].notice.text == "30000 sessions imported");
    CHECK(m.rows()[1].notice.text == "the sound device went away");
}
