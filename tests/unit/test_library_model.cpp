// The library model on real folders: selection by id across rescans, filters, moving the
// selection, noticing files changed on disk.
#include "screens/library/library_model.hpp"

#include "app_fakes.hpp"
#include "temp_dir.hpp"

#include <doctest/doctest.h>

using namespace unknot;

namespace {

std::string routine(std::string_view name, std::string_view tag) {
    return "name = \"" + std::string(name) + "\"\ntags = [\"" + std::string(tag) +
           "\"]\n[[step]]\nkind = \"hold\"\nduration = \"30s\"\n";
}

struct Rig {
    test::TempDir dir;
    test::Reports reports;
    Ticks now = 0;
    LibraryModel model{LibraryFolders{dir.path / "builtin", dir.path / "user", {}}, reports, [this] { return now; }};
    Rig() {
        dir.write("builtin/calf.toml", routine("Calf", "calves"));
        dir.write("builtin/glute.toml", routine("Glute", "hips"));
        dir.write("builtin/hip.toml", routine("Hip", "hips"));
        dir.write("user/broken.toml", "name = \"Broken\"\n[[step]]\nkind = \"tence\"\n");
    }
};

} // namespace

TEST_CASE("the library model selects the fallback id, or the first routine") {
    Rig rig;
    rig.model.rescan("glute");
    REQUIRE(rig.model.entries().size() == 4);
    REQUIRE(rig.model.selected());
    CHECK(rig.model.selected()->id == "glute");
    CHECK(rig.model.takeScrollRequest());
    CHECK_FALSE(rig.model.takeScrollRequest());
    CHECK(rig.model.tags() == std::vector<std::string>{"calves", "hips"});
    CHECK(rig.reports.count("library routines=4 invalid=1") == 1);
    CHECK(rig.model.selectedOutline().size() == 1);

    rig.model.clearSelection();
    CHECK(rig.model.selectedOutline().empty());
    rig.model.rescan("nothing-by-this-id");
    CHECK(rig.model.selected()->id == "calf");
    rig.model.select(3);
    CHECK(rig.model.selected()->id == "broken");
    CHECK(rig.model.selectedOutline().empty()); // it cannot play: no outline
    rig.model.select(99);
    CHECK(rig.model.selected()->id == "broken");
    CHECK(rig.model.at(99) == nullptr);
}

TEST_CASE("the search and the filters decide what is visible, and the selection moves within it") {
    Rig rig;
    rig.model.rescan();
    CHECK(rig.model.visible().size() == 4);
    CHECK(rig.model.selected()->id == "calf");
    rig.model.setFilter(LibraryFilter{"", "hips", ""});
    CHECK(rig.model.visible() == std::vector<std::size_t>{1, 2});
    // Calf is out of sight now: the first visible one is selected (Enter starts what is shown).
    CHECK(rig.model.selected()->id == "glute");
    rig.model.setFilter(LibraryFilter{"hip", "hips", ""});
    CHECK(rig.model.selected()->id == "glute"); // still visible ("hips"): it stays
    rig.model.setFilter(LibraryFilter{"", "hips", ""});
    rig.model.moveSelection(+1);
    rig.model.moveSelection(+1); // clamped at the end
    CHECK(rig.model.selected()->id == "hip");
    rig.model.moveSelection(-5);
    CHECK(rig.model.selected()->id == "glute");
    rig.model.setFilter(LibraryFilter{"nothing matches this", "", ""});
    CHECK(rig.model.visible().empty());
    rig.model.moveSelection(+1);
    CHECK(rig.model.selected()->id == "glute");
}

TEST_CASE("a search for an emoji finds the routine named with it, and selects it") {
    Rig rig;
    rig.dir.write("user/foot.toml", routine("Foot \U0001F9B6 roll", "feet"));
    rig.model.rescan("calf");
    rig.model.setFilter(LibraryFilter{"\U0001F9B6", "", ""});
    REQUIRE(rig.model.visible().size() == 1);
    CHECK(rig.model.selected()->id == "foot");
    // What a 16-bit ImGui field would have made of it finds nothing.
    rig.model.setFilter(LibraryFilter{"\uFFFD", "", ""});
    CHECK(rig.model.visible().empty());
}

TEST_CASE("files changed on disk are noticed at the next check, and the selection stays by id") {
    Rig rig;
    rig.model.rescan("hip");
    rig.now = 10'000;
    CHECK_FALSE(rig.model.poll()); // nothing changed yet
    rig.dir.write("builtin/achilles.toml", routine("Achilles", "calves"));
    rig.now += 1000;
    CHECK_FALSE(rig.model.poll()); // not yet time to look
    rig.now += LibraryModel::kCheckFilesEveryMs;
    CHECK(rig.model.poll());
    CHECK(rig.model.scans() == 2);
    CHECK(rig.model.entries().size() == 5);
    CHECK(rig.model.selected()->id == "hip");
    rig.now += LibraryModel::kCheckFilesEveryMs;
    CHECK_FALSE(rig.model.poll()); // nothing changed since
}

TEST_CASE("a file edited is read again at the next check, temporary files are no change") {
    Rig rig;
    rig.model.rescan("hip");
    rig.dir.write("builtin/glute.toml", routine("Glute edited", "hips"));
    CHECK(rig.model.poll());
    CHECK(rig.model.entries()[1].displayName() == "Glute edited");
    rig.dir.write("user/.broken.toml.tmp", "half written");
    rig.dir.write("user/notes.txt", "no routine");
    rig.now += LibraryModel::kCheckFilesEveryMs;
    CHECK_FALSE(rig.model.poll());
    const std::size_t scans = rig.model.scans();
    rig.dir.write("builtin/calf.toml", routine("Calf edited", "calves"));
    rig.now += LibraryModel::kCheckFilesEveryMs;
    CHECK(rig.model.poll());
    CHECK(rig.model.scans() == scans + 1);
    CHECK(rig.model.entries()[0].displayName() == "Calf edited");
    CHECK(rig.model.selected()->id == "hip");
}

TEST_CASE("the search holds the keys from the focus request until the box lets them go") {
    Rig rig;
    rig.model.rescan();
    CHECK_FALSE(rig.model.searchHoldsKeys());
    rig.model.requestSearchFocus();
    CHECK(rig.model.searchHoldsKeys()); // before the box has taken them
    CHECK(rig.model.takeSearchFocusRequest());
    CHECK_FALSE(rig.model.takeSearchFocusRequest());
    rig.model.searchDrawn(false); // the frames Dear ImGui takes to activate the box
    rig.model.searchDrawn(false);
    CHECK(rig.model.searchHoldsKeys());
    rig.model.searchDrawn(true);
    rig.model.searchDrawn(true);
    CHECK(rig.model.searchHoldsKeys());
    rig.model.searchDrawn(false); // it lost the keyboard (Esc, Enter, a click elsewhere)
    CHECK_FALSE(rig.model.searchHoldsKeys());

    // A click in the box holds the keys too, and releasing ends the hold and any pending request.
    rig.model.searchDrawn(true);
    CHECK(rig.model.searchHoldsKeys());
    rig.model.requestSearchFocus();
    rig.model.releaseSearch();
    CHECK_FALSE(rig.model.searchHoldsKeys());
    CHECK_FALSE(rig.model.takeSearchFocusRequest());
}

TEST_CASE("a search box that never takes the keys lets the shortcuts back after a few frames") {
    Rig rig;
    rig.model.rescan();
    rig.model.requestSearchFocus();
    CHECK(rig.model.takeSearchFocusRequest());
    for (int i = 0; i < LibraryModel::kSearchFocusFrames; ++i) {
        rig.model.searchDrawn(false);
        CHECK(rig.model.searchHoldsKeys());
    }
    rig.model.searchDrawn(false);
    CHECK_FALSE(rig.model.searchHoldsKeys());
}
