// Today in the window follows what happens outside it (a check-in or a run recorded in a
// terminal, midnight passing), and files shared by someone else are imported as `unknot
// import` does, whether dropped onto the window or given on the command line.
#include "program/import.hpp"
#include "program/program_store.hpp"
#include "screens/library/today_model.hpp"

#include "app_fakes.hpp"
#include "temp_dir.hpp"

#include <doctest/doctest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <ctime>

using namespace unknot;
using unknot::test::TempDir;

namespace {

const std::filesystem::path kSource = UNKNOT_SOURCE_DIR;

// 2026-11-02 23:59 where the test runs (its local time zone decides the day, as the app's).
std::int64_t beforeMidnight() {
    std::tm tm{};
    tm.tm_year = 2026 - 1900;
    tm.tm_mon = 10;
    tm.tm_mday = 2;
    tm.tm_hour = 23;
    tm.tm_min = 59;
    tm.tm_isdst = -1;
    return static_cast<std::int64_t>(std::mktime(&tm));
}

// What another process does (`unknot ran` in a terminal): a child with a connection of its own,
// closed as it exits. `act` says whether it did it.
template <class Act> void inAnotherProcess(const std::filesystem::path& db, Act&& act) {
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        int code = 1;
        {
            auto opened = HistoryDb::open(db);
            if (auto* h = std::get_if<std::unique_ptr<HistoryDb>>(&opened)) code = act(**h) ? 0 : 2;
        }
        std::_Exit(code);
    }
    int status = 0;
    REQUIRE(::waitpid(pid, &status, 0) == pid);
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);
}

} // namespace

TEST_CASE("Today shows a run and a check-in recorded by another process, and turns the day at midnight") {
    TempDir tmp;
    const auto dbPath = tmp.path / "data" / "unknot.db";
    std::filesystem::create_directories(dbPath.parent_path());
    std::int64_t now = beforeMidnight();
    inAnotherProcess(dbPath, [&](HistoryDb& db) {
        return !ProgramStore(db).start("plantar-fasciitis-12-weeks", localDayOf(now), now);
    });
    Library routines;
    routines.scan(LibraryFolders{kSource / "routines", {}, {}});
    // The window's history has a connection of its own, open first: Today opening another must
    // leave its locks be (else the next process to close the database takes itself for the last,
    // and deletes the journal this process reads and writes).
    auto historyStore = HistoryDb::open(dbPath);
    REQUIRE(std::holds_alternative<std::unique_ptr<HistoryDb>>(historyStore));
    test::Reports reports;
    TodayModel today(ProgramFolders{kSource / "programs", {}}, dbPath, reports, [&] { return now; });
    today.refresh(routines.entries());
    REQUIRE(today.panel().show);
    CHECK_FALSE(today.panel().ran);
    CHECK(today.panel().trend.empty());
    CHECK_FALSE(today.stale());
    unsigned serial = today.serial();

    // `unknot check-in heel left 4` in a terminal: the trend shows it.
    inAnotherProcess(dbPath, [&](HistoryDb& db) {
        return !db.addCheckIn(CheckIn{now, "heel", Side::Left, 4, CheckInMoment::Standalone, std::nullopt, {}});
    });
    CHECK(today.stale());
    today.refresh(routines.entries());
    CHECK(today.panel().trend.find("left heel") != std::string::npos);
    CHECK(today.serial() != serial);

    // `unknot ran` in a terminal.
    inAnotherProcess(dbPath, [&](HistoryDb& db) { return !ProgramStore(db).markRan(localDayOf(now), now); });
    CHECK(std::filesystem::exists(dbPath.string() + "-wal")); // still the one this process reads
    CHECK(today.stale());
    serial = today.serial();
    today.refresh(routines.entries());
    CHECK(today.panel().ran);
    CHECK(today.serial() != serial);
    CHECK_FALSE(today.stale()); // read: nothing new until the next write

    // Midnight passes with the window open: the run was yesterday's.
    now += 30;
    CHECK_FALSE(today.stale()); // 23:59:30, the same day
    now += 60;
    CHECK(today.stale()); // 00:00:30
    today.refresh(routines.entries());
    CHECK_FALSE(today.panel().ran);
    CHECK_FALSE(today.stale());
}

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
