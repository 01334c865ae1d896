// Today in the window follows what happens outside it (a check-in or a run recorded in a
// terminal, midnight passing), and files shared by someone else are imported as `unknot
// import` does, whether dropped onto the window or given on the command line.
#include "program/import.hpp"

#include "temp_dir.hpp"

#include <doctest/doctest.h>

using namespace unknot;
using unknot::test::TempDir;

namespace {

const std::filesystem::path kSource = UNKNOT_SOURCE_DIR;

} // namespace

TEST_CASE("importing: good files copied into the user's folders, bad ones refused with their errors") {
    TempDir tmp;
    const ImportFolders into{tmp.path / "routines", tmp.path / "programs"};
    const std::string routine = (kSource / "tests/fixtures/good/short.toml").string();
    const std::string program = (kSource / "tests/fixtures/programs/heel.unknot.toml").string();
    const std::string bad = (kSource / "tests/fixtures/bad/syntax.toml").string();
    std::vector<std::string> known;
    for (const auto& f : std::filesystem::directory_iterator(kSource / "routines"))
        known.push_back(f.path().stem().string());

    const ImportResult result = importFiles({program, bad, routine}, known, into);
    REQUIRE(result.size() == 3);
    // Routines first, so a program shared with its routines finds them.
    CHECK(result[0].from == bad);
    CHECK_FALSE(result[0].imported());
    REQUIRE_FALSE(result[0].problems.empty());
    CHECK(result[0].problems[0].format().starts_with(bad + ":"));
    CHECK(result[1].from == routine);
    CHECK(result[1].to == into.routines / "short.toml");
    CHECK(std::filesystem::exists(into.routines / "short.toml"));
    CHECK(result[2].program);
    CHECK(result[2].to == into.programs / "heel.toml");
    CHECK(refusedCount(result) == 1);

    const std::string notice = importNotice(result);
    CHECK(notice.find("Not imported: syntax.toml\n" + result[0].problems[0].format()) != std::string::npos);
    CHECK(notice.find("Imported the routine 'short'") != std::string::npos);
    CHECK(notice.find("Imported the program 'heel'; start it with: unknot program start heel") != std::string::npos);

    // The same file again is a second copy; a file opened from where it lives stays itself.
    CHECK(importFiles({routine}, known, into)[0].to == into.routines / "short-2.toml");
    const auto again = importFiles({(into.routines / "short.toml").string()}, known, into);
    CHECK(again[0].to == into.routines / "short.toml");
    CHECK_FALSE(std::filesystem::exists(into.routines / "short-3.toml"));
}
