// The library read on its own thread: built-ins first, the rest in snapshots, a changed file
// read again alone, and a scan stopped at once when the window closes.
#include "store/library_loader.hpp"

#include "temp_dir.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <mutex>
#include <thread>

using namespace unknot;

namespace {

constexpr std::string_view kRoutine = "name = \"R\"\n[[step]]\nkind = \"hold\"\nduration = \"30s\"\n";

// Every snapshot handed over, in order: the wake takes each as it comes.
struct Seen {
    std::mutex mutex;
    std::vector<LibraryLoader::Snapshot> snapshots;
};

void watchAll(LibraryLoader& loader, Seen& seen) {
    loader.setWake([&] {
        if (auto s = loader.take()) {
            const std::lock_guard lock(seen.mutex);
            seen.snapshots.push_back(std::move(*s));
        }
    });
}

} // namespace

TEST_CASE("a scan hands over the built-ins first, then every 500 files, then the whole list") {
    test::TempDir dir;
    for (int i = 0; i < 3; ++i) dir.write("builtin/b" + std::to_string(i) + ".toml", kRoutine);
    for (int i = 0; i < 1200; ++i) dir.write("user/u" + std::to_string(10000 + i) + ".toml", kRoutine);
    LibraryLoader loader(LibraryFolders{dir.path / "builtin", dir.path / "user", {}});
    Seen seen;
    watchAll(loader, seen);
    loader.scanAll();
    loader.settle();
    const std::lock_guard lock(seen.mutex);
    std::vector<std::size_t> reads;
    for (const auto& s : seen.snapshots) {
        CHECK(s.total == 1203);
        CHECK(s.entries->size() == s.read);
        reads.push_back(s.read);
    }
    CHECK(reads == std::vector<std::size_t>{3, 500, 1000, 1203});
    CHECK(seen.snapshots.front().entries->back().id == "b2");
    CHECK(seen.snapshots.back().entries->back().id == "u11199");
    CHECK(loader.scansCompleted() == 1);
}

TEST_CASE("a file changed is read again alone, and a folder made later is watched") {
    test::TempDir dir;
    for (int i = 0; i < 20; ++i) dir.write("builtin/b" + std::to_string(i) + ".toml", kRoutine);
    LibraryLoader loader(LibraryFolders{dir.path / "builtin", dir.path / "user", {}});
    Seen seen;
    watchAll(loader, seen);
    loader.scanAll();
    loader.settle();
    CHECK(loader.filesReread() == 0);
    dir.write("builtin/b7.toml", "name = \"Seven\"\n[[step]]\nkind = \"hold\"\nduration = \"30s\"\n");
    loader.settle();
    CHECK(loader.filesReread() == 1);
    CHECK(loader.scansCompleted() == 1);
    {
        const std::lock_guard lock(seen.mutex);
        REQUIRE(seen.snapshots.size() == 2);
        const auto& entries = *seen.snapshots.back().entries;
        REQUIRE(entries.size() == 20);
        CHECK(entries[17].displayName() == "Seven"); // b7 sorts after b19
    }
    // The user's folder did not exist: made now, it is found and its routine read.
    dir.write("user/mine.toml", kRoutine);
    loader.settle();
    const std::lock_guard lock(seen.mutex);
    CHECK(seen.snapshots.back().entries->size() == 21);
    CHECK(seen.snapshots.back().entries->back().id == "mine");
}

TEST_CASE("the loader stops in the middle of a scan and hands nothing over after") {
    test::TempDir dir;
    for (int i = 0; i < 2000; ++i) dir.write("user/u" + std::to_string(i) + ".toml", kRoutine);
    Seen seen;
    {
        LibraryLoader loader(LibraryFolders{{}, dir.path / "user", {}});
        watchAll(loader, seen);
        loader.scanAll();
        loader.waitForBuiltIns(); // none: the empty first list
    }                             // joined here, whatever it was reading
    const std::lock_guard lock(seen.mutex);
    REQUIRE_FALSE(seen.snapshots.empty());
    CHECK(seen.snapshots.front().read == 0);
    CHECK(seen.snapshots.front().total == 2000);
}

TEST_CASE("a window's start: the user's files are read once its first frame is shown, or after the hold") {
    test::TempDir dir;
    for (int i = 0; i < 3; ++i) dir.write("builtin/b" + std::to_string(i) + ".toml", kRoutine);
    for (int i = 0; i < 40; ++i) dir.write("user/u" + std::to_string(100 + i) + ".toml", kRoutine);
    const LibraryFolders folders{dir.path / "builtin", dir.path / "user", {}};
    const auto wholeListSeen = [](Seen& seen) {
        const std::lock_guard lock(seen.mutex);
        return !seen.snapshots.empty() && seen.snapshots.back().complete();
    };
    const auto waitForWhole = [&](Seen& seen) {
        for (int i = 0; i < 3000 && !wholeListSeen(seen); ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        return wholeListSeen(seen);
    };

    SUBCASE("held until the first frame is shown") {
        LibraryLoader loader(folders);
        Seen seen;
        watchAll(loader, seen);
        loader.holdOthersUntilShown(std::chrono::minutes(10)); // only firstFrameShown() ends it here
        loader.scanAll();
        loader.waitForBuiltIns();
        std::this_thread::sleep_for(std::chrono::milliseconds(300)); // the user's 40 files take ~5 ms unheld
        {
            const std::lock_guard lock(seen.mutex);
            REQUIRE(seen.snapshots.size() == 1);
            CHECK(seen.snapshots.front().read == 3);
            CHECK(seen.snapshots.front().total == 43);
        }
        CHECK(loader.scansCompleted() == 0);
        loader.firstFrameShown();
        REQUIRE(waitForWhole(seen));
        CHECK(loader.scansCompleted() == 1);
        const std::lock_guard lock(seen.mutex);
        CHECK(seen.snapshots.back().entries->size() == 43);
    }
    SUBCASE("a window that never shows a frame holds them only so long") {
        LibraryLoader loader(folders);
        Seen seen;
        watchAll(loader, seen);
        loader.holdOthersUntilShown(std::chrono::milliseconds(50));
        loader.scanAll();
        REQUIRE(waitForWhole(seen));
        const std::lock_guard lock(seen.mutex);
        CHECK(seen.snapshots.front().read == 3);
        CHECK(seen.snapshots.back().entries->size() == 43);
    }
    SUBCASE("settle() does not wait for a frame, nor does the window closing") {
        LibraryLoader loader(folders);
        Seen seen;
        watchAll(loader, seen);
        loader.holdOthersUntilShown(std::chrono::minutes(10));
        loader.scanAll();
        loader.settle(); // would block for the hold's 10 minutes if it did not end it
        CHECK(wholeListSeen(seen));
        LibraryLoader closing(folders);
        closing.holdOthersUntilShown(std::chrono::minutes(10));
        closing.scanAll();
        closing.waitForBuiltIns();
    } // `closing` joins its thread here, in the middle of its hold
}
