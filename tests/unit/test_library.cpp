#include "core/paths.hpp"
#include "store/folder_watch.hpp"
#include "store/library.hpp"

#include "temp_dir.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>

using namespace unknot;
using unknot::test::TempDir;
namespace fs = std::filesystem;

namespace {

constexpr std::string_view kValid = "name = \"A\"\n[[step]]\nkind = \"hold\"\nduration = \"30s\"\n";

} // namespace

TEST_CASE("routine ids are listed without reading a file, as the scan names them, in its order") {
    TempDir tmp;
    tmp.write("builtin/glute.toml", kValid);
    tmp.write("builtin/calf.toml", kValid);
    tmp.write("builtin/notes.txt", "not a routine");
    tmp.write("builtin/.hidden.toml", kValid);
    tmp.write("builtin/sub/deeper.toml", kValid);
    tmp.write("user/broken.toml", "name = [\n");
    tmp.write("user/glute.toml", kValid);
    tmp.write("extra/x.toml", kValid);
    const LibraryFolders folders{tmp.path / "builtin", tmp.path / "user", {tmp.path / "extra"}};
    Library library;
    library.scan(folders);
    std::vector<std::string> scanned;
    for (const auto& e : library.entries()) scanned.push_back(e.id);
    CHECK(routineIds(folders) == scanned);
    CHECK(routineIds(folders) == std::vector<std::string>{"calf", "glute", "broken", "glute", "x"});
}

TEST_CASE("the library reads every folder / keeps invalid files and resolves ids") {
    TempDir tmp;
    tmp.write("builtin/glute.toml", kValid);
    tmp.write("builtin/calf.toml", kValid);
    tmp.write("builtin/notes.txt", "not a routine");
    tmp.write("builtin/.hidden.toml", kValid);
    tmp.write("user/mine.toml", "name = \"Mine\"\n[[step]]\nkind = \"hold\"\nduration = \"1m\"\n");
    tmp.write("user/broken.toml", "name = \"Broken\"\n[[step]]\nkind = \"tence\"\nduration = 5\n");
    tmp.write("user/glute.toml", "name = \"My glute\"\n[[step]]\nkind = \"hold\"\nduration = \"2m\"\n");
    tmp.write("extra/x.toml", kValid);

    Library library;
    library.scan({tmp.path / "builtin", tmp.path / "user", {tmp.path / "extra"}});
    const auto& entries = library.entries();
    REQUIRE(entries.size() == 6);
    CHECK(entries[0].id == "calf");
    CHECK(entries[0].source == RoutineSource::BuiltIn);
    CHECK(entries[0].totalMs == 30'000);
    CHECK(entries[2].id == "broken");
    CHECK_FALSE(entries[2].valid());
    CHECK(entries[2].displayName() == "Broken");
    REQUIRE(entries[2].parsed.diagnostics.size() == 1);
    CHECK(entries[2].parsed.diagnostics[0].line == 3);
    CHECK(entries[5].source == RoutineSource::Dir);

    // The user's own routine wins over a built-in one of the same id.
    REQUIRE(library.findId("glute") != nullptr);
    CHECK(library.findId("glute")->routine().name == "My glute");
    CHECK(library.findId("nope") == nullptr);
    CHECK(library.suggest("glut") == std::vector<std::string>{"glute"});
}

TEST_CASE("missing folders are simply empty") {
    Library library;
    library.scan({"/nonexistent/unknot/a", "/nonexistent/unknot/b", {}});
    CHECK(library.entries().empty());
}

TEST_CASE("user folders follow XDG") {
    const char* old = std::getenv("XDG_DATA_HOME");
    const std::string saved = old ? old : "";
    const std::string savedHome = std::getenv("HOME") ? std::getenv("HOME") : "/root";
    ::setenv("XDG_DATA_HOME", "/tmp/xdg-data", 1);
    CHECK(userRoutinesDir() == fs::path("/tmp/xdg-data/unknot/routines"));
    ::setenv("XDG_DATA_HOME", "relative/ignored", 1);
    ::setenv("HOME", "/home/runner", 1);
    CHECK(userRoutinesDir() == fs::path("/home/runner/.local/share/unknot/routines"));
    ::setenv("HOME", savedHome.c_str(), 1);
    if (old)
        ::setenv("XDG_DATA_HOME", saved.c_str(), 1);
    else
        ::unsetenv("XDG_DATA_HOME");
}

TEST_CASE("search and filters narrow the list") {
    TempDir tmp;
    tmp.write("a.toml", "name = \"Glute release\"\ntags = [\"glutes\", \"post-run\"]\nequipment = [\"lacrosse ball\"]\n"
                        "[[step]]\nkind = \"hold\"\nduration = 5\n");
    tmp.write("b.toml", "name = \"Calf rope\"\nsummary = \"Tense and release\"\ntags = [\"calves\", \"post-run\"]\n"
                        "equipment = [\"rope\"]\n[[step]]\nkind = \"hold\"\nduration = 5\n");
    Library library;
    library.scan({tmp.path, {}, {}});
    const auto& e = library.entries();
    CHECK(filterEntries(e, {}) == std::vector<std::size_t>{0, 1});
    CHECK(filterEntries(e, {"GLUTE", "", ""}) == std::vector<std::size_t>{0});
    CHECK(filterEntries(e, {"tense rope", "", ""}) == std::vector<std::size_t>{1});
    CHECK(filterEntries(e, {"tense glute", "", ""}).empty());
    CHECK(filterEntries(e, {"", "post-run", ""}).size() == 2);
    CHECK(filterEntries(e, {"", "", "rope"}) == std::vector<std::size_t>{1});
    CHECK(allTags(e) == std::vector<std::string>{"calves", "glutes", "post-run"});
    CHECK(allEquipment(e) == std::vector<std::string>{"lacrosse ball", "rope"});
}

TEST_CASE("the folder fingerprint changes when a routine file changes") {
    TempDir tmp;
    tmp.write("a.toml", kValid);
    const LibraryFolders folders{tmp.path, {}, {}};
    const auto before = folderFingerprint(folders);
    CHECK(folderFingerprint(folders) == before);
    tmp.write("a.toml", std::string(kValid) + "# edited, longer\n");
    CHECK(folderFingerprint(folders) != before);
    const auto edited = folderFingerprint(folders);
    tmp.write("b.toml", kValid);
    CHECK(folderFingerprint(folders) != edited);
}

TEST_CASE("a refresh reads only the files named changed, and the ones new to it") {
    TempDir tmp;
    tmp.write("user/a.toml", kValid);
    tmp.write("user/b.toml", kValid);
    const LibraryFolders folders{{}, tmp.path / "user", {}};
    Library library;
    library.scan(folders);
    REQUIRE(library.entries().size() == 2);
    tmp.write("user/a.toml", "name = \"A again\"\n[[step]]\nkind = \"hold\"\nduration = \"1m\"\n");
    tmp.write("user/b.toml", "name = \"B again\"\n[[step]]\nkind = \"hold\"\nduration = \"1m\"\n");
    tmp.write("user/c.toml", kValid);
    library.refresh(folders, {tmp.path / "user" / "a.toml"});
    const auto& entries = library.entries();
    REQUIRE(entries.size() == 3);
    CHECK(entries[0].displayName() == "A again");
    CHECK(entries[1].displayName() == "A"); // not named: kept as read before
    CHECK(entries[2].id == "c");
    fs::remove(tmp.path / "user" / "a.toml");
    library.refresh(folders, {tmp.path / "user" / "a.toml"});
    REQUIRE(library.entries().size() == 2);
    CHECK(library.entries()[0].id == "b");
}

TEST_CASE("the folder watch names the files written, moved in and removed, and a folder made later") {
    TempDir tmp;
    fs::create_directories(tmp.path / "user");
    FolderWatch watch({tmp.path / "user", tmp.path / "later"});
    REQUIRE(watch.watching());
    CHECK(watch.take().files.empty());
    tmp.write("user/a.toml", kValid);
    tmp.write("elsewhere/b.toml", kValid);
    fs::rename(tmp.path / "elsewhere" / "b.toml", tmp.path / "user" / "b.toml");
    auto changes = watch.take();
    CHECK_FALSE(changes.everything);
    const auto named = [&](const char* name) {
        return std::count(changes.files.begin(), changes.files.end(), tmp.path / "user" / name) > 0;
    };
    CHECK(named("a.toml"));
    CHECK(named("b.toml"));
    fs::remove(tmp.path / "user" / "a.toml");
    changes = watch.take();
    CHECK(named("a.toml"));
    CHECK(watch.take().files.empty());
    fs::create_directories(tmp.path / "later");
    CHECK(watch.take().everything); // watched from now on
    tmp.write("later/c.toml", kValid);
    changes = watch.take();
    CHECK(std::count(changes.files.begin(), changes.files.end(), tmp.path / "later" / "c.toml") == 1);
}
