// The library as a screen, on test::Host and a temporary folder: its own intents (choose,
// start, delete and undo), the ones it leaves to the app, the search as the view types it, and
// the test lines it describes only when they change.
#include "screens/library/library_screen.hpp"

#include "app_fakes.hpp"
#include "temp_dir.hpp"

#include <doctest/doctest.h>

using namespace unknot;
using ui::Action;
using ui::Intent;

namespace {

constexpr std::string_view kHold = "name = \"{}\"\n[[step]]\nkind = \"hold\"\nduration = \"30s\"\n";

std::string routine(const std::string& name) {
    std::string text(kHold);
    text.replace(text.find("{}"), 2, name);
    return text;
}

struct Rig {
    test::TempDir dir;
    test::Host host;
    std::unique_ptr<LibraryScreen> screen;

    Rig() {
        dir.write("builtin/alpha.toml", routine("Alpha"));
        dir.write("builtin/beta.toml", routine("Beta"));
        dir.write("user/mine.toml", routine("Mine"));
        host.files = AppPaths{dir.path / "user", dir.path / "trash", dir.path / "unknot.db"};
        screen = std::make_unique<LibraryScreen>(host, LibraryFolders{dir.path / "builtin", dir.path / "user", {}});
        screen->model().rescan();
        screen->model().settle(); // read on the loader's thread
    }
    [[nodiscard]] std::size_t indexOf(const std::string& id) const {
        const auto& entries = screen->model().entries();
        for (std::size_t i = 0; i < entries.size(); ++i)
            if (entries[i].id == id) return i;
        FAIL("no routine " << id);
        return 0;
    }
    [[nodiscard]] std::string selectedId() const {
        const LibraryEntry* e = screen->model().selected();
        return e ? e->id : "";
    }
    bool handle(Action action, std::size_t index = 0) { return screen->handle(Intent{action, index}); }
};

} // namespace

TEST_CASE("the library screen chooses and starts routines through its host") {
    Rig rig;
    CHECK(rig.screen->route() == Route::Library);
    CHECK(rig.screen->keyScreen() == ui::Screen::Library);
    CHECK_FALSE(rig.screen->navigatesByKeyboard()); // its keys are shortcuts; emoji go to the search
    CHECK(rig.screen->typedInto() == &rig.screen->view().typedBeyondBmp);
    CHECK(rig.handle(Action::Select, rig.indexOf("beta")));
    CHECK(rig.selectedId() == "beta");
    CHECK(rig.handle(Action::SelectPrevious));
    CHECK(rig.selectedId() == "alpha");
    CHECK(rig.host.chosen == 2); // the app hears of each choice: a remote's Play starts that one
    CHECK(rig.handle(Action::StartSelected));
    REQUIRE(rig.host.played.size() == 1);
    CHECK(rig.host.played[0].id == "alpha");
    CHECK(rig.handle(Action::Start, rig.indexOf("mine")));
    REQUIRE(rig.host.played.size() == 2);
    CHECK(rig.host.played[1].id == "mine");
    CHECK(rig.handle(Action::Start, 99)); // no such row: nothing plays
    CHECK(rig.host.played.size() == 2);
    // Today's row starts the routine it names; with no program running there is none to mark.
    CHECK(rig.screen->handle(Intent{Action::StartToday, 0, 0, {}, "beta"}));
    REQUIRE(rig.host.played.size() == 3);
    CHECK(rig.host.played[2].id == "beta");
    CHECK(rig.handle(Action::RanToday));
    CHECK(rig.screen->today() == nullptr);
}

TEST_CASE("the library screen leaves the ways to other screens and the window to the app") {
    Rig rig;
    for (Action a : {Action::NewRoutine, Action::OpenQuickSet, Action::Edit, Action::EditSelected, Action::Duplicate,
                     Action::OpenHistory, Action::OpenSettings, Action::ToggleMute, Action::Quit, Action::PlayAgain})
        CHECK_FALSE(rig.handle(a));
    CHECK(rig.host.played.empty());
}

TEST_CASE("deleting from the library: only the user's own, to the trash, and Ctrl+Z puts it back") {
    Rig rig;
    CHECK(rig.handle(Action::Delete, rig.indexOf("alpha"))); // built-in: stays
    CHECK(rig.host.changed.empty());
    CHECK(rig.screen->deletedName().empty());
    rig.handle(Action::Select, rig.indexOf("mine"));
    CHECK(rig.handle(Action::DeleteSelected));
    REQUIRE(rig.host.changed.size() == 1);
    CHECK(rig.host.changed[0].empty());
    CHECK(rig.screen->deletedName() == "Mine");
    CHECK_FALSE(std::filesystem::exists(rig.dir.path / "user/mine.toml"));
    CHECK(rig.handle(Action::UndoDelete));
    REQUIRE(rig.host.changed.size() == 2);
    CHECK(rig.host.changed[1] == "mine");
    CHECK(std::filesystem::exists(rig.dir.path / "user/mine.toml"));
    CHECK(rig.handle(Action::UndoDelete)); // nothing left to put back
    CHECK(rig.host.changed.size() == 2);
}

TEST_CASE("the library screen's frame: the search as typed filters, is logged once, and hands the requests on") {
    Rig rig;
    rig.screen->view().search.text = "bet";
    rig.screen->beginFrame();
    CHECK(rig.screen->model().visible().size() == 1);
    CHECK(rig.selectedId() == "beta"); // Enter starts what the search found
    CHECK(rig.screen->view().scrollToSelected);
    CHECK(rig.host.reports.count("library search \"bet\" visible=1") == 1);
    rig.screen->beginFrame();
    CHECK(rig.host.reports.count("library search") == 1); // unchanged: not logged again

    CHECK(rig.handle(Action::FocusSearch));
    CHECK(rig.screen->model().searchHoldsKeys());
    rig.screen->beginFrame();
    CHECK(rig.screen->view().focusSearch);
    rig.screen->view().searchActive = true;
    rig.screen->drawn({}, {});
    rig.screen->view().searchActive = false; // Esc: the box lets the keys go
    rig.screen->drawn({}, {});
    CHECK_FALSE(rig.screen->model().searchHoldsKeys());
}

TEST_CASE("the library screen describes its test lines only when they change") {
    Rig rig;
    std::string out;
    rig.screen->describe(out);
    CHECK(out.empty()); // nothing drawn yet
    rig.screen->drawn("test library scale=1.00 title=40.0", "test library selected_row=0 shown=1");
    rig.screen->describe(out);
    CHECK(out == "test library scale=1.00 title=40.0\ntest library selected_row=0 shown=1\n");
    out.clear();
    rig.screen->drawn("test library scale=1.00 title=40.0", "test library selected_row=1 shown=1");
    rig.screen->describe(out);
    CHECK(out == "test library selected_row=1 shown=1\n");
    out.clear();
    rig.screen->describe(out);
    CHECK(out.empty());
}
