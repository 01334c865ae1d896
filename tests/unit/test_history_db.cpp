#include "store/history_db.hpp"

#include "temp_dir.hpp"

#include <SQLiteCpp/Database.h>

#include <doctest/doctest.h>

#include <csignal>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

using namespace unknot;
using unknot::test::TempDir;

namespace {

std::unique_ptr<HistoryDb> openDb(const std::filesystem::path& file) {
    auto opened = HistoryDb::open(file);
    if (auto* error = std::get_if<std::string>(&opened)) FAIL(*error);
    return std::move(std::get<std::unique_ptr<HistoryDb>>(opened));
}

HistoryRecord session(std::int64_t at, std::string id, bool completed = true) {
    HistoryRecord r;
    r.startedAt = at;
    r.routineId = id;
    r.routineName = "Name of " + id;
    r.plannedMs = 600'000;
    r.doneMs = completed ? 600'000 : 120'000;
    r.completed = completed;
    return r;
}

std::string integrity(const std::filesystem::path& file) {
    SQLite::Database db(file.string(), SQLite::OPEN_READONLY);
    return db.execAndGet("PRAGMA integrity_check").getString();
}

constexpr std::int64_t kMonday = 1'764'547'200; // 2025-12-01 00:00 UTC, a Monday
constexpr std::int64_t kWeek = 7 * 86'400;

} // namespace

TEST_CASE("the history database is created with its schema and keeps what it is given") {
    TempDir tmp;
    const auto file = tmp.path / "data" / "unknot.db";
    std::int64_t id = 0;
    {
        auto db = openDb(file);
        CHECK(db->schemaVersion() == HistoryDb::kSchemaVersion);
        auto added = db->addSession(session(kMonday, "glute-release-ball"), "sha-1", 2);
        REQUIRE(std::holds_alternative<std::int64_t>(added));
        id = std::get<std::int64_t>(added);
        CheckIn c{kMonday + 60, "heel", Side::Left, 4, CheckInMoment::After, id, "first steps \xF0\x9F\x98\x96"};
        CHECK_FALSE(db->addCheckIn(c));
    }
    auto db = openDb(file); // reopened: nothing lost, no migration run twice
    const auto sessions = db->sessions();
    REQUIRE(sessions.size() == 1);
    CHECK(sessions[0].id == id);
    CHECK(sessions[0].record.routineId == "glute-release-ball");
    CHECK(sessions[0].record.doneMs == 600'000);
    CHECK(sessions[0].contentId == "sha-1");
    CHECK(sessions[0].skippedPhases == 2);
    const auto checkIns = db->checkIns();
    REQUIRE(checkIns.size() == 1);
    CHECK(checkIns[0].area == "heel");
    CHECK(checkIns[0].side == Side::Left);
    CHECK(checkIns[0].score == 4);
    CHECK(checkIns[0].moment == CheckInMoment::After);
    CHECK(checkIns[0].sessionId == id);
    CHECK(checkIns[0].note == "first steps \xF0\x9F\x98\x96"); // exactly as typed, emoji included
    CHECK(db->sessions(kMonday + 1).empty());
}

TEST_CASE("a check-in out of range is refused and nothing is written") {
    TempDir tmp;
    auto db = openDb(tmp.path / "unknot.db");
    CheckIn c{kMonday, "knee", Side::Right, 11, CheckInMoment::Standalone, std::nullopt, ""};
    CHECK(db->addCheckIn(c).value_or("").find("0 (no pain) to 10") != std::string::npos);
    c.score = -1;
    CHECK(db->addCheckIn(c));
    c.score = 3;
    c.area = "";
    CHECK(db->addCheckIn(c));
    c.area = "knee";
    c.sessionId = 999; // no such session: the foreign key holds
    CHECK(db->addCheckIn(c));
    CHECK(db->checkIns().empty());
}

TEST_CASE("a database from a newer Unknot is refused, not damaged") {
    TempDir tmp;
    const auto file = tmp.path / "unknot.db";
    {
        SQLite::Database raw(file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        raw.exec("PRAGMA user_version = 99");
    }
    auto opened = HistoryDb::open(file);
    REQUIRE(std::holds_alternative<std::string>(opened));
    CHECK(std::get<std::string>(opened).find("newer Unknot") != std::string::npos);
}

TEST_CASE("history.csv is imported once: good lines kept, each bad line reported with its number") {
    TempDir tmp;
    tmp.write("history.csv",
              "started,routine_id,routine_name,planned_s,done_s,completed\n"              // 1
              "2025-12-01T08:00:00+0000,glute,\"Glute, ball\",600,600,yes\n"              // 2 good
              "2025-12-02T08:00:00+0000,calf,\"Calf \"\"rope\"\",300,120,no\n"            // 3 unmatched quote
              "2025-12-03T08:00:00+0000,calf,Calf,99999999999999999999999,10,no\n"        // 4 overflow
              "2025-12-04T08:00:00+0000,calf,Calf,300,-5,no\n"                            // 5 negative
              "not a time,calf,Calf,300,300,yes\n"                                        // 6 bad time
              "2025-12-05T08:00:00+0100,foot,\"Foot \"\"golf\"\" ball\",500,500,yes\n"    // 7 good
              "2025-12-06T08:00:00+0000,foot,Foot,500,5");                                // 8 torn
    const auto csv = tmp.path / "history.csv";
    auto db = openDb(tmp.path / "unknot.db");
    const ImportReport report = db->importCsvOnce(csv);
    CHECK(report.ran);
    CHECK(report.imported == 2);
    REQUIRE(report.problems.size() == 5);
    CHECK(report.problems[0].rfind(csv.string() + ":3: error: a quoted field is never closed", 0) == 0);
    CHECK(report.problems[1].rfind(csv.string() + ":4: error: planned seconds", 0) == 0);
    CHECK(report.problems[2].rfind(csv.string() + ":5: error: done seconds", 0) == 0);
    CHECK(report.problems[3].rfind(csv.string() + ":6: error: 'not a time'", 0) == 0);
    CHECK(report.problems[4].rfind(csv.string() + ":8: error: expected at least 6 fields", 0) == 0);
    const auto sessions = db->sessions();
    REQUIRE(sessions.size() == 2);
    CHECK(sessions[0].record.routineName == "Glute, ball");
    CHECK(sessions[1].record.routineName == "Foot \"golf\" ball");
    CHECK(sessions[1].record.startedAt == kMonday + 4 * 86'400 + 7 * 3600); // 08:00 at +0100
    // Once only: a second start imports nothing more, and the file stays.
    const ImportReport again = db->importCsvOnce(csv);
    CHECK_FALSE(again.ran);
    CHECK(db->sessions().size() == 2);
    CHECK(std::filesystem::exists(csv));
}

TEST_CASE("the import reads the columns its header names, skipped phases included") {
    TempDir tmp;
    tmp.write("history.csv", "started,routine_id,routine_name,planned_s,done_s,completed,skipped_phases,active_s\n"
                             "2025-12-01T08:00:00+0000,glute,Glute,600,400,no,3,400\n");
    auto db = openDb(tmp.path / "unknot.db");
    const ImportReport report = db->importCsvOnce(tmp.path / "history.csv");
    CHECK(report.problems.empty());
    REQUIRE(db->sessions().size() == 1);
    CHECK(db->sessions()[0].skippedPhases == 3);
    CHECK(db->sessions()[0].record.doneMs == 400'000);
    CHECK_FALSE(db->importCsvOnce(tmp.path / "absent.csv").ran);
}

TEST_CASE("trends over 12 weeks show each side apart, the weekly direction and the change a session makes") {
    std::vector<CheckIn> checkIns;
    std::int64_t session = 1;
    for (int week = 0; week < 12; ++week)
        for (int day : {0, 3}) {
            const std::int64_t at = kMonday + week * kWeek + day * 86'400 + 7 * 3600;
            // The left heel eases from 7 to 2 over the weeks; the right stays at 1.
            const int left = 7 - (week * 5) / 11;
            checkIns.push_back({at, "heel", Side::Left, left, CheckInMoment::Before, session, ""});
            checkIns.push_back({at + 900, "heel", Side::Left, left - 1, CheckInMoment::After, session, ""});
            checkIns.push_back({at, "heel", Side::Right, 1, CheckInMoment::Standalone, std::nullopt, ""});
            ++session;
        }
    checkIns.push_back({kMonday, "knee", Side::None, 3, CheckInMoment::Standalone, std::nullopt, ""});
    const auto t = trends(checkIns);
    REQUIRE(t.size() == 3);
    CHECK(t[0].area == "heel");
    CHECK(t[0].side == Side::Left);
    CHECK(t[1].side == Side::Right);
    CHECK(t[2].area == "knee");
    REQUIRE(t[0].weeks.size() == 12);
    CHECK(t[0].weeks.front().average == doctest::Approx(6.5));
    CHECK(t[0].weeks.back().average == doctest::Approx(1.5));
    CHECK(t[0].weeks.front().weekStart == kMonday);
    REQUIRE(t[0].beforeToAfterChange);
    CHECK(*t[0].beforeToAfterChange == doctest::Approx(-1.0));
    CHECK_FALSE(t[1].beforeToAfterChange);
    CHECK(describeTrend(t[0]) == "left heel: 6.5 \xE2\x86\x92 1.5 over 12 weeks");
    CHECK(describeTrend(t[1]) == "right heel: 1.0 \xE2\x86\x92 1.0 over 12 weeks");
    CHECK(describeTrend(t[2]) == "knee: 3.0 (1 week)");
    // From a date on: only the last four weeks.
    const auto recent = trends(checkIns, kMonday + 8 * kWeek);
    CHECK(recent[0].weeks.size() == 4);
    CHECK(recent.size() == 2);
}

TEST_CASE("two processes writing at once lose nothing") {
    TempDir tmp;
    const auto file = tmp.path / "unknot.db";
    openDb(file); // created before the writers race
    constexpr int kEach = 150;
    pid_t children[2];
    for (int c = 0; c < 2; ++c) {
        children[c] = fork();
        REQUIRE(children[c] >= 0);
        if (children[c] == 0) {
            auto opened = HistoryDb::open(file);
            if (!std::holds_alternative<std::unique_ptr<HistoryDb>>(opened)) _exit(2);
            auto& db = std::get<std::unique_ptr<HistoryDb>>(opened);
            for (int i = 0; i < kEach; ++i) {
                if (!std::holds_alternative<std::int64_t>(db->addSession(session(kMonday + i, "p" + std::to_string(c)))))
                    _exit(3);
                CheckIn ci{kMonday + i, "knee", Side::Left, i % 11, CheckInMoment::Standalone, std::nullopt, ""};
                if (db->addCheckIn(ci)) _exit(4);
            }
            _exit(0);
        }
    }
    for (pid_t child : children) {
        int status = 0;
        REQUIRE(waitpid(child, &status, 0) == child);
        CHECK(WIFEXITED(status));
        CHECK(WEXITSTATUS(status) == 0);
    }
    auto db = openDb(file);
    CHECK(db->sessions().size() == 2 * kEach);
    CHECK(db->checkIns().size() == 2 * kEach);
    CHECK(integrity(file) == "ok");
}

TEST_CASE("a process killed while it writes leaves every committed row and no half of one") {
    TempDir tmp;
    const auto file = tmp.path / "unknot.db";
    openDb(file);
    int fds[2];
    REQUIRE(pipe(fds) == 0);
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        close(fds[0]);
        auto opened = HistoryDb::open(file);
        if (!std::holds_alternative<std::unique_ptr<HistoryDb>>(opened)) _exit(2);
        auto& db = std::get<std::unique_ptr<HistoryDb>>(opened);
        for (int i = 0;; ++i) {
            if (!std::holds_alternative<std::int64_t>(db->addSession(session(kMonday + i, "killed")))) _exit(3);
            if (write(fds[1], &i, sizeof i) != sizeof i) _exit(4); // i is committed
        }
    }
    close(fds[1]);
    int committed = -1, got = 0;
    while (committed < 200 && read(fds[0], &got, sizeof got) == sizeof got) committed = got;
    kill(child, SIGKILL);
    while (read(fds[0], &got, sizeof got) == sizeof got) committed = got; // what it said before it died
    close(fds[0]);
    int status = 0;
    waitpid(child, &status, 0);
    CHECK(WIFSIGNALED(status));
    CHECK(integrity(file) == "ok");
    auto db = openDb(file);
    const auto rows = db->sessions().size();
    CHECK(rows >= static_cast<std::size_t>(committed + 1)); // every acknowledged row
    CHECK(rows <= static_cast<std::size_t>(committed + 2)); // and at most the one in flight
}
