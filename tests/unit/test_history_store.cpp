#include "core/atomic_file.hpp"
#include "store/history_db.hpp"
#include "store/history_sink.hpp"

#include "app_fakes.hpp"
#include "temp_dir.hpp"

#include <doctest/doctest.h>

#include <fstream>

using namespace unknot;
using unknot::test::Reports;
using unknot::test::TempDir;

namespace {

std::string readAll(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

} // namespace

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
        REQUIRE(reports.notices.size() == 1);
        CHECK(reports.notices[0].find("2 damaged line(s)") != std::string::npos);
        CHECK(reports.notices[0].find("history.csv:3: error:") != std::string::npos);
        REQUIRE_FALSE(
            store.append(HistoryRecord{1'790'000'000, "glute", "Glute", 60'000, 60'000, true, "0123456789abcdef"}));
        CHECK(store.lastSessionId() == 3);
    }
    CHECK(readAll(tmp.path / "history.csv") == csv); // kept as it was
    Reports again;
    HistoryStore second(tmp.path / "unknot.db", tmp.path / "history.csv", again);
    CHECK(again.notices.empty()); // imported once: nothing twice
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

TEST_CASE("when the database cannot be opened sessions still reach history.csv") {
    TempDir tmp;
    tmp.write("unknot.db/in-the-way", "a folder where the database should be");
    Reports reports;
    HistoryStore store(tmp.path / "unknot.db", tmp.path / "history.csv", reports);
    REQUIRE(reports.notices.size() == 1);
    CHECK(reports.notices[0].find("cannot open the history database") != std::string::npos);
    REQUIRE_FALSE(store.append(HistoryRecord{1'790'000'000, "glute", "Glute", 60'000, 60'000, true}));
    CHECK_FALSE(store.lastSessionId());
    CHECK(parseHistoryCsv(*readFile(tmp.path / "history.csv")).sessions.size() == 1);
    CHECK(store.addCheckIn(CheckIn{1'790'000'000, "heel", Side::Left, 2, CheckInMoment::Standalone, {}, ""}));
}
