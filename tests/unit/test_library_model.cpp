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
    LibraryModel model{LibraryFolders{dir.path / "builtin", dir.path / "user", {}}, reports};
    Rig() {
        dir.write("builtin/calf.toml", routine("Calf", "calves"));
        dir.write("builtin/glute.toml", routine("Glute", "hips"));
        dir.write("builtin/hip.toml", routine("Hip", "hips"));
        dir.write("user/broken.toml", "name = \"Broken\"\n[[step]]\nkind = \"tence\"\n");
    }
    // Reads the folders and waits until all is read (a window takes it as it comes).
    void read(const std::string& fallbackId = {}) {
        model.rescan(fallbackId);
        model.settle();
    }
};

} // namespace

TEST_CASE("the library model selects the fallback id, or the first routine") {
    Rig rig;
    rig.read("glute");
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
    rig.read("nothing-by-this-id");
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
    rig.read();
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
    rig.read("calf");
    rig.model.setFilter(LibraryFilter{"\U0001F9B6", "", ""});
    REQUIRE(rig.model.visible().size() == 1);
    CHECK(rig.model.selected()->id == "foot");
    // What a 16-bit ImGui field would have made of it finds nothing.
    rig.model.setFilter(LibraryFilter{"\uFFFD", "", ""});
    CHECK(rig.model.visible().empty());
}

TEST_CASE("files changed on disk are read again alone, and the selection stays by id") {
    Rig rig;
    rig.read("hip");
    const std::size_t scans = rig.model.scans();
    CHECK_FALSE(rig.model.poll()); // nothing changed yet
    rig.dir.write("builtin/achilles.toml", routine("Achilles", "calves"));
    rig.model.settle();
    CHECK(rig.model.scans() == scans + 1);
    CHECK(rig.model.entries().size() == 5);
    CHECK(rig.model.selected()->id == "hip");
    rig.model.settle();
    CHECK(rig.model.scans() == scans + 1); // nothing changed since
    CHECK(rig.reports.count("library routines=5 invalid=1") == 1);
}

TEST_CASE("a file edited is read again, temporary files are no change") {
    Rig rig;
    rig.read("hip");
    rig.dir.write("builtin/glute.toml", routine("Glute edited", "hips"));
    rig.model.settle();
    CHECK(rig.model.entries()[1].displayName() == "Glute edited");
    const std::size_t scans = rig.model.scans();
    rig.dir.write("user/.broken.toml.tmp", "half written");
    rig.dir.write("user/notes.txt", "no routine");
    rig.model.settle();
    CHECK(rig.model.scans() == scans);
    rig.dir.write("builtin/calf.toml", routine("Calf edited", "calves"));
    rig.model.settle();
    CHECK(rig.model.scans() == scans + 1);
    CHECK(rig.model.entries()[0].displayName() == "Calf edited");
    CHECK(rig.model.selected()->id == "hip");
}

TEST_CASE("the first read shows the built-ins at once, and a routine asked for is selected when it is read") {
    Rig rig;
    for (int i = 0; i < 40; ++i) rig.dir.write("user/u" + std::to_string(100 + i) + ".toml", routine("U", "feet"));
    rig.model.rescan("u139"); // the last one read
    // Returns with the built-ins read, maybe more: a partial list says how far the reading is.
    REQUIRE(rig.model.entries().size() >= 3);
    if (const auto reading = rig.model.reading()) {
        CHECK(reading->read == rig.model.entries().size());
        CHECK(reading->total == 44);
        CHECK(rig.reports.count("library reading=") >= 1);
    }
    rig.model.settle();
    CHECK_FALSE(rig.model.reading());
    CHECK(rig.model.entries().size() == 44);
    CHECK(rig.model.selected()->id == "u139");
    CHECK(rig.reports.count("library routines=44 invalid=1") == 1);
}

TEST_CASE("a later read keeps the whole list shown until the new one is whole") {
    Rig rig;
    rig.read("glute");
    const auto before = rig.model.entries().size();
    rig.model.select(2);
    rig.model.rescan();
    // Nothing partial replaces it: what is shown is the old list or the new whole one.
    CHECK(rig.model.entries().size() == before);
    rig.model.settle();
    CHECK(rig.model.entries().size() == before);
    CHECK(rig.model.selected()->id == "hip");
    CHECK_FALSE(rig.model.reading());
}

TEST_CASE("the search holds the keys from the focus request until the box lets them go") {
    Rig rig;
    rig.read();
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
    rig.read();
    rig.model.requestSearchFocus();
    CHECK(rig.model.takeSearchFocusRequest());
    for (int i = 0; i < LibraryModel::kSearchFocusFrames; ++i) {
        rig.model.searchDrawn(false);
        CHECK(rig.model.searchHoldsKeys());
    }
    rig.model.searchDrawn(false);
    CHECK_FALSE(rig.model.searchHoldsKeys());
}
