#include "core/atomic_file.hpp"
#include "store/history_db.hpp"
#include "store/history_sink.hpp"

#include "app_fakes.hpp"
#include "temp_dir.hpp"

#include <doctest/doctest.h>

#include <SQLiteCpp/Database.h>

#include <chrono>
#include <ctime>
#include <fstream>

using namespace unknot;
using unknot::test::Reports;
using unknot::test::TempDir;

namespace {

// Long enough for a free database on a loaded machine; the tests wait for a condition, never sleep.
constexpr std::chrono::milliseconds kPatience{20'000};

std::string readAll(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

} // namespace

TEST_CASE("a large history.csv's first-start import says how far it is, then how many it imported") {
    TempDir tmp;
    std::string csv = "started,routine_id,routine_name,planned_s,done_s,completed\n";
    constexpr int kRows = 30'000; // 1.6 MB: past the size whose progress is told
    char started[32];
    for (int i = 0; i < kRows; ++i) { // one a day from 1973 on
        const std::time_t at = 100'000'000 + static_cast<std::time_t>(i) * 86'400;
        std::strftime(started, sizeof started, "%Y-%m-%dT%H:%M:%S+0000", std::gmtime(&at));
        csv += std::string(started) + ",r" + std::to_string(i % 7) + ",Routine number " + std::to_string(i % 7) +
               ",600,300,yes\n";
    }
    REQUIRE(csv.size() > (1u << 20));
    CHECK(parseHistoryCsv(csv).problems.empty());
    tmp.write("history.csv", csv);
    Reports reports;
    {
        HistoryStore store(tmp.path / "unknot.db", tmp.path / "history.csv", reports);
        REQUIRE(store.waitUntilSaved(std::chrono::seconds(60)));
        store.poll();
    }
    REQUIRE(reports.notices.size() >= 2);
    CHECK(reports.notices.front() == "importing " + (tmp.path / "history.csv").string() + " into the history: 0 %");
    int last = -1;
    for (std::size_t i = 0; i + 1 < reports.notices.size(); ++i) {
        const auto& n = reports.notices[i];
        REQUIRE(n.find(" into the history: ") != std::string::npos);
        const int percent = std::stoi(n.substr(n.rfind(": ") + 2));
        CHECK(percent > last); // only forward, each tenth once
        CHECK(percent < 100);
        last = percent;
    }
    CHECK(reports.notices.back() == "30000 sessions imported from " + (tmp.path / "history.csv").string());
    auto opened = openHistory(tmp.path / "unknot.db", tmp.path / "history.csv", HistoryAccess::Read);
    REQUIRE(opened.db);
    CHECK(opened.db->read().sessions.size() == kRows);
}

TEST_CASE("the app's history imports history.csv at its first start, keeps the file and says what it skipped") {
    TempDir tmp;
    const std::string csv = "started,routine_id,routine_name,planned_s,done_s,completed\n"
                            "2026-11-20T07:00:00+0100,foot,Foot,600,600,yes\n"
                            "2026-11-21T07:00:00+0100,foot,\"Foot, again,600,600,yes\n"
                            "2026-11-22T07:00:00+0100,knee,Knee,600,-5,no\n"
                            "2026-11-23T07:00:00+0100,knee,Knee,300,120,no";
    tmp.write("history.csv", csv);
    Reports reports;
    {
        HistoryStore store(tmp.path / "unknot.db", tmp.path / "history.csv", reports);
        REQUIRE(store.waitUntilSaved(kPatience));
        store.poll();
        REQUIRE(reports.notices.size() == 1);
        CHECK(reports.notices[0].find("2 damaged line(s)") != std::string::npos);
        CHECK(reports.notices[0].find("history.csv:3: error:") != std::string::npos);
        REQUIRE_FALSE(
            store.append(HistoryRecord{1'790'000'000, "glute", "Glute", 60'000, 60'000, true, "0123456789abcdef"}));
        CHECK(store.waitUntilSaved(kPatience));
    }
    CHECK(readAll(tmp.path / "history.csv") == csv); // kept as it was
    Reports again;
    {
        HistoryStore second(tmp.path / "unknot.db", tmp.path / "history.csv", again);
        REQUIRE(second.waitUntilSaved(kPatience));
        second.poll();
        CHECK(again.notices.empty()); // imported once: nothing twice
    }
    auto opened = openHistory(tmp.path / "unknot.db", tmp.path / "history.csv");
    REQUIRE(opened.db);
    CHECK_FALSE(opened.import.ran);
    const auto sessions = opened.db->sessions();
    REQUIRE(sessions.size() == 3);
    CHECK(sessions[0].record.routineId == "glute"); // oldest first: September before November
    CHECK(sessions[0].contentId == "0123456789abcdef");
    CHECK(sessions[1].record.routineId == "foot");
    CHECK(sessions[2].record.doneMs == 120'000);
}

TEST_CASE("while another process holds the write lock, sessions and check-ins are kept and written after") {
    TempDir tmp;
    const auto db = tmp.path / "unknot.db";
    {
        auto created = HistoryDb::open(db);
        REQUIRE(std::holds_alternative<std::unique_ptr<HistoryDb>>(created));
    }
    Reports reports;
    auto locker = std::make_unique<SQLite::Database>(db.string(), SQLite::OPEN_READWRITE);
    locker->exec("BEGIN IMMEDIATE");
    {
        HistoryStore store(db, tmp.path / "history.csv", reports);
        const auto began = std::chrono::steady_clock::now();
        CHECK_FALSE(
            store.addCheckIn(CheckIn{1'790'000'000, "heel", Side::Left, 6, CheckInMoment::Before, {}, "stiff"}));
        REQUIRE_FALSE(store.append(HistoryRecord{1'790'000'060, "glute", "Glute", 60'000, 60'000, true}));
        const auto stand = store.lastSessionId();
        REQUIRE(stand);
        CHECK_FALSE(store.addCheckIn(CheckIn{1'790'000'200, "heel", Side::Left, 3, CheckInMoment::After, stand, ""}));
        // The UI thread never waits for the lock (the settle wait is 300 ms, the lock's 1 s).
        CHECK(std::chrono::steady_clock::now() - began < std::chrono::milliseconds(2000));
        CHECK(store.pending() == 3);
        CHECK(std::filesystem::file_size(HistoryStore::journalOf(db)) > 0);
        CHECK_FALSE(store.waitUntilSaved(std::chrono::milliseconds(1500)));
        store.poll();
        REQUIRE(reports.notices.size() == 1); // told once
        CHECK(reports.notices[0].find("cannot save to the history now") != std::string::npos);
        CHECK(reports.notices[0].find("unknot.db.pending") != std::string::npos);
        CHECK(reports.told[0].hint.find("Nothing is lost") != std::string::npos); // and what to do
        locker->exec("ROLLBACK");
        REQUIRE(store.waitUntilSaved(kPatience));
        store.poll();
        REQUIRE(reports.notices.size() == 2); // and told again when done
        CHECK(reports.notices[1].find("saved to the history now") != std::string::npos);
        CHECK(std::filesystem::file_size(HistoryStore::journalOf(db)) == 0);
    }
    locker.reset();
    auto opened = openHistory(db, tmp.path / "history.csv");
    REQUIRE(opened.db);
    const auto sessions = opened.db->sessions();
    const auto checkIns = opened.db->checkIns();
    REQUIRE(sessions.size() == 1);
    REQUIRE(checkIns.size() == 2);
    CHECK(checkIns[0].note == "stiff");
    CHECK_FALSE(checkIns[0].sessionId);
    CHECK(checkIns[1].sessionId == sessions[0].id); // the stand-in resolved to the row
}

TEST_CASE("what the last run kept and could not write is written at the next start, once") {
    TempDir tmp;
    const auto db = tmp.path / "data" / "unknot.db";
    tmp.write("data/unknot.db/in-the-way", "a folder where the database should be");
    Reports reports;
    {
        HistoryStore store(db, tmp.path / "history.csv", reports);
        REQUIRE_FALSE(store.append(
            HistoryRecord{1'790'000'000, "glute", "Glute\twith a tab\nand a line", 60'000, 60'000, true, "c0ffee", 2}));
        CHECK_FALSE(store.addCheckIn(
            CheckIn{1'790'000'100, "heel", Side::Right, 4, CheckInMoment::After, store.lastSessionId(), "a \\ note"}));
        CHECK(store.addCheckIn(CheckIn{1'790'000'100, "", Side::Right, 4, CheckInMoment::After, {}, ""})); // refused
        CHECK_FALSE(store.waitUntilSaved(std::chrono::milliseconds(300)));
        store.poll();
        REQUIRE(reports.notices.size() == 1);
        CHECK(reports.notices[0].find("cannot open the history database") != std::string::npos);
    }
    // The app ended with both in the journal; a torn last line (a crash mid-write) is passed over.
    std::ofstream(HistoryStore::journalOf(db), std::ios::app) << "S\tdeadbeef\t17900";
    std::filesystem::remove_all(db);
    for (int run = 0; run < 2; ++run) { // the second run: as if the journal's truncation was lost
        const std::string journal = readAll(HistoryStore::journalOf(db));
        {
            Reports next;
            HistoryStore store(db, tmp.path / "history.csv", next);
            REQUIRE(store.waitUntilSaved(kPatience));
        }
        if (run == 0) std::ofstream(HistoryStore::journalOf(db), std::ios::binary) << journal;
    }
    auto opened = openHistory(db, tmp.path / "history.csv");
    REQUIRE(opened.db);
    const auto sessions = opened.db->sessions();
    REQUIRE(sessions.size() == 1);
    CHECK(sessions[0].record.routineName == "Glute\twith a tab\nand a line");
    CHECK(sessions[0].contentId == "c0ffee");
    CHECK(sessions[0].skippedPhases == 2);
    const auto checkIns = opened.db->checkIns();
    REQUIRE(checkIns.size() == 1);
    CHECK(checkIns[0].note == "a \\ note");
    CHECK(checkIns[0].sessionId == sessions[0].id);
}

TEST_CASE("`unknot history` writes what a window kept and could not write before it ended") {
    TempDir tmp;
    const auto db = tmp.path / "unknot.db";
    {
        auto created = HistoryDb::open(db);
        REQUIRE(std::holds_alternative<std::unique_ptr<HistoryDb>>(created));
    }
    {
        SQLite::Database locker(db.string(), SQLite::OPEN_READWRITE);
        locker.exec("BEGIN IMMEDIATE");
        Reports reports;
        HistoryStore store(db, tmp.path / "history.csv", reports);
        REQUIRE_FALSE(store.append(HistoryRecord{1'790'000'060, "glute", "Glute", 60'000, 60'000, true}));
        CHECK_FALSE(store.addCheckIn(
            CheckIn{1'790'000'200, "heel", Side::Left, 3, CheckInMoment::After, store.lastSessionId(), ""}));
        // Reading while it is locked: nothing written yet, and nothing lost.
        auto reading = openHistory(db, tmp.path / "history.csv", HistoryAccess::Read);
        REQUIRE(reading.db);
        CHECK(reading.db->sessions().empty());
        CHECK(std::filesystem::file_size(HistoryStore::journalOf(db)) > 0);
    } // the window ends with both still waiting (the lock is let go after it)
    auto opened = openHistory(db, tmp.path / "history.csv", HistoryAccess::Read);
    REQUIRE(opened.db);
    CHECK(opened.journalApplied == 2);
    const auto sessions = opened.db->sessions();
    REQUIRE(sessions.size() == 1);
    REQUIRE(opened.db->checkIns().size() == 1);
    CHECK(opened.db->checkIns()[0].sessionId == sessions[0].id);
    CHECK(std::filesystem::file_size(HistoryStore::journalOf(db)) == 0);
}
