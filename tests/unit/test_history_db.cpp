#include "store/history_db.hpp"

#include "temp_dir.hpp"

#include <SQLiteCpp/Database.h>

#include <doctest/doctest.h>

#include <algorithm>

#include <cerrno>
#include <csignal>
#include <fstream>
#include <string>
#include <sys/stat.h>
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

TEST_CASE("a database from a newer Unknot opens read-only: read, never written, writes say why") {
    TempDir tmp;
    const auto file = tmp.path / "unknot.db";
    {
        auto db = openDb(file);
        REQUIRE(std::holds_alternative<std::int64_t>(db->addSession(session(kMonday, "glute"))));
    }
    {
        SQLite::Database raw(file.string(), SQLite::OPEN_READWRITE);
        raw.exec("PRAGMA user_version = 99");
    }
    auto db = openDb(file);
    REQUIRE(db->readOnlyReason());
    CHECK(db->readOnlyReason()->find("newer Unknot") != std::string::npos);
    CHECK(db->sessions().size() == 1);
    auto added = db->addSession(session(kMonday + 60, "calf"));
    REQUIRE(std::holds_alternative<std::string>(added));
    CHECK(std::get<std::string>(added).find("update Unknot") != std::string::npos);
    CHECK(db->addCheckIn(CheckIn{kMonday, "heel", Side::Left, 3, CheckInMoment::Standalone, {}, ""}));
    db.reset();
    SQLite::Database raw(file.string(), SQLite::OPEN_READONLY);
    CHECK(raw.execAndGet("PRAGMA user_version").getInt() == 99); // not migrated down
    CHECK(raw.execAndGet("SELECT count(*) FROM sessions").getInt() == 1);
}

TEST_CASE("a damaged or foreign database is an error naming the file and what to do, never a throw") {
    TempDir tmp;
    const auto file = tmp.path / "unknot.db";
    const auto expectRefused = [&](const char* setup, const char* says) {
        const std::string what = setup;
        CAPTURE(what);
        std::filesystem::remove(file);
        {
            auto db = openDb(file);
            REQUIRE(std::holds_alternative<std::int64_t>(db->addSession(session(kMonday, "glute"))));
        }
        {
            SQLite::Database raw(file.string(), SQLite::OPEN_READWRITE);
            raw.exec(setup);
        }
        for (auto access : {HistoryAccess::Write, HistoryAccess::Read}) {
            auto opened = HistoryDb::open(file, access);
            REQUIRE(std::holds_alternative<std::string>(opened));
            const auto& error = std::get<std::string>(opened);
            CHECK(error.rfind(file.string() + ": ", 0) == 0);
            CHECK(error.find(says) != std::string::npos);
            CHECK(error.find("move it aside") != std::string::npos);
        }
    };
    expectRefused("DROP TABLE check_ins", "the table check_ins is missing");
    expectRefused("ALTER TABLE sessions DROP COLUMN skipped_phases", "the table sessions has no column skipped_phases");
    expectRefused("PRAGMA user_version = -1", "schema version -1");
    expectRefused("PRAGMA user_version = -2147483648", "schema version -2147483648");
    expectRefused("PRAGMA user_version = 0", "not Unknot's");
    // Someone else's SQLite file at the same path.
    std::filesystem::remove(file);
    {
        SQLite::Database raw(file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        raw.exec("CREATE TABLE notes(text TEXT)");
    }
    auto foreign = HistoryDb::open(file);
    REQUIRE(std::holds_alternative<std::string>(foreign));
    CHECK(std::get<std::string>(foreign).find("not Unknot's") != std::string::npos);
    // Not SQLite at all.
    std::filesystem::remove(file);
    tmp.write("unknot.db", std::string(4096, 'x'));
    auto garbage = HistoryDb::open(file);
    REQUIRE(std::holds_alternative<std::string>(garbage));
    CHECK(std::get<std::string>(garbage).rfind(file.string() + ": ", 0) == 0);
}

TEST_CASE("a table damaged after opening makes read() say so, and sessions() and checkIns() never throw") {
    TempDir tmp;
    const auto file = tmp.path / "unknot.db";
    auto db = openDb(file);
    REQUIRE(std::holds_alternative<std::int64_t>(db->addSession(session(kMonday, "glute"))));
    {
        SQLite::Database raw(file.string(), SQLite::OPEN_READWRITE);
        raw.exec("DROP TABLE check_ins");
    }
    const auto rows = db->read();
    CHECK(rows.error.find("move it aside") != std::string::npos);
    CHECK(db->checkIns().empty());
    CHECK(db->sessions().empty()); // one read: all of it, or nothing and why
}

TEST_CASE("reading never waits for the write lock, and works on a read-only folder") {
    TempDir tmp;
    const auto file = tmp.path / "data" / "unknot.db";
    {
        auto db = openDb(file);
        REQUIRE(std::holds_alternative<std::int64_t>(db->addSession(session(kMonday, "glute"))));
    }
    {
        SQLite::Database writer(file.string(), SQLite::OPEN_READWRITE);
        writer.exec("BEGIN IMMEDIATE");
        writer.exec("INSERT INTO sessions(started_at, routine_id, routine_name, planned_ms, done_ms, completed) "
                    "VALUES(1, 'uncommitted', 'x', 0, 0, 0)");
        auto opened = HistoryDb::open(file, HistoryAccess::Read);
        REQUIRE(std::holds_alternative<std::unique_ptr<HistoryDb>>(opened));
        const auto rows = std::get<std::unique_ptr<HistoryDb>>(opened)->read();
        CHECK(rows.error.empty());
        REQUIRE(rows.sessions.size() == 1);
        CHECK(rows.sessions[0].record.routineId == "glute");
    }
    // An absent file reads as an empty history, and is not created.
    auto absent = HistoryDb::open(tmp.path / "none" / "unknot.db", HistoryAccess::Read);
    REQUIRE(std::holds_alternative<std::unique_ptr<HistoryDb>>(absent));
    CHECK(std::get<std::unique_ptr<HistoryDb>>(absent)->read().sessions.empty());
    CHECK_FALSE(std::filesystem::exists(tmp.path / "none"));
    if (::geteuid() != 0) { // root writes anywhere: the folder is read-only for everyone else
        std::filesystem::permissions(tmp.path / "data",
                                     std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec);
        for (auto access : {HistoryAccess::Read, HistoryAccess::Write}) {
            auto opened = HistoryDb::open(file, access);
            REQUIRE(std::holds_alternative<std::unique_ptr<HistoryDb>>(opened));
            const auto& db = std::get<std::unique_ptr<HistoryDb>>(opened);
            CHECK(db->readOnlyReason());
            CHECK(db->read().sessions.size() == 1);
        }
        std::filesystem::permissions(tmp.path / "data", std::filesystem::perms::owner_all);
    }
}

TEST_CASE("the database and its folder are private: 0600 and 0700 under any umask") {
    TempDir tmp;
    const mode_t old = ::umask(022);
    const auto file = tmp.path / "data" / "unknot.db";
    {
        auto db = openDb(file);
        REQUIRE(std::holds_alternative<std::int64_t>(db->addSession(session(kMonday, "glute"))));
        struct stat st {};
        REQUIRE(::stat((file.string() + "-wal").c_str(), &st) == 0);
        CHECK((st.st_mode & 0777) == 0600);
    }
    ::umask(old);
    struct stat st {};
    REQUIRE(::stat(file.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    REQUIRE(::stat(file.parent_path().c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0700);
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
    const ImportReport report = db->importCsv(csv);
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
    // A second start imports nothing more, and the file stays.
    const ImportReport again = db->importCsv(csv);
    CHECK_FALSE(again.ran);
    CHECK(db->sessions().size() == 2);
    CHECK(std::filesystem::exists(csv));
}

TEST_CASE("rows appended to history.csv later (the fallback) are imported too, none twice") {
    TempDir tmp;
    const auto csv = tmp.path / "history.csv";
    tmp.write("history.csv", "started,routine_id,routine_name,planned_s,done_s,completed\n"
                             "2025-12-01T08:00:00+0000,glute,Glute,600,600,yes\n");
    auto db = openDb(tmp.path / "unknot.db");
    CHECK(db->importCsv(csv).imported == 1);
    std::ofstream(csv, std::ios::app) << "2025-12-02T08:00:00+0000,calf,Calf,300,120,no\n";
    const ImportReport later = db->importCsv(csv);
    CHECK(later.ran);
    CHECK(later.imported == 1);
    CHECK(later.problems.empty());
    CHECK(db->sessions().size() == 2);
    CHECK_FALSE(db->importCsv(csv).ran);
    // Rewritten shorter (an editor, a restore): read again, nothing added twice.
    tmp.write("history.csv", "2025-12-01T08:00:00+0000,glute,Glute,600,600,yes\n");
    CHECK(db->importCsv(csv).imported == 0);
    CHECK(db->sessions().size() == 2);
    // A row before 1970 would be stored and never shown: refused with its line.
    std::ofstream(csv, std::ios::app) << "1969-12-31T08:00:00+0000,calf,Calf,300,120,no\n";
    const ImportReport old = db->importCsv(csv);
    REQUIRE(old.problems.size() == 1);
    CHECK(old.problems[0].find(":2: error:") != std::string::npos);
    CHECK(old.problems[0].find("before 1970") != std::string::npos);
}

TEST_CASE("a version 1 database is migrated: its history.csv import continues where it was") {
    TempDir tmp;
    const auto file = tmp.path / "unknot.db";
    {
        SQLite::Database raw(file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        raw.exec("CREATE TABLE sessions(id INTEGER PRIMARY KEY, started_at INTEGER NOT NULL, routine_id TEXT NOT NULL,"
                 " routine_name TEXT NOT NULL, content_id TEXT NOT NULL DEFAULT '', planned_ms INTEGER NOT NULL,"
                 " done_ms INTEGER NOT NULL, completed INTEGER NOT NULL, skipped_phases INTEGER NOT NULL DEFAULT 0);"
                 "CREATE TABLE check_ins(id INTEGER PRIMARY KEY, at INTEGER NOT NULL, area TEXT NOT NULL,"
                 " side TEXT NOT NULL, score INTEGER NOT NULL, moment TEXT NOT NULL, session_id INTEGER,"
                 " note TEXT NOT NULL DEFAULT '');"
                 "CREATE TABLE imports(path TEXT PRIMARY KEY, at INTEGER NOT NULL, sessions INTEGER NOT NULL);"
                 "INSERT INTO sessions(started_at, routine_id, routine_name, planned_ms, done_ms, completed)"
                 " VALUES(1764576000, 'glute', 'Glute', 600000, 600000, 1);"
                 "PRAGMA user_version = 1;");
        const auto key = std::filesystem::absolute(tmp.path / "history.csv").lexically_normal().string();
        raw.exec("INSERT INTO imports VALUES('" + key + "', 0, 1)");
    }
    tmp.write("history.csv", "2025-12-01T08:00:00+0000,glute,Glute,600,600,yes\n"
                             "2025-12-02T08:00:00+0000,calf,Calf,300,120,no\n");
    auto db = openDb(file);
    CHECK(db->schemaVersion() == HistoryDb::kSchemaVersion);
    const ImportReport report = db->importCsv(tmp.path / "history.csv");
    CHECK(report.imported == 1); // the calf row appended after the first import; glute not twice
    CHECK(db->sessions().size() == 2);
}

TEST_CASE("the import reads the columns its header names, skipped phases included") {
    TempDir tmp;
    tmp.write("history.csv", "started,routine_id,routine_name,planned_s,done_s,completed,skipped_phases,active_s\n"
                             "2025-12-01T08:00:00+0000,glute,Glute,600,400,no,3,400\n");
    auto db = openDb(tmp.path / "unknot.db");
    const ImportReport report = db->importCsv(tmp.path / "history.csv");
    CHECK(report.problems.empty());
    REQUIRE(db->sessions().size() == 1);
    CHECK(db->sessions()[0].skippedPhases == 3);
    CHECK(db->sessions()[0].record.doneMs == 400'000);
    CHECK_FALSE(db->importCsv(tmp.path / "absent.csv").ran);
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
    // Before and after a session apart, week by week; a check-in on no session's day in neither.
    REQUIRE(t[0].before.size() == 12);
    REQUIRE(t[0].after.size() == 12);
    CHECK(t[0].before.front().average == doctest::Approx(7.0));
    CHECK(t[0].after.front().average == doctest::Approx(6.0));
    CHECK(t[0].after.back().weekStart == kMonday + 11 * kWeek);
    CHECK(t[1].before.empty());
    CHECK(t[1].after.empty());
    CHECK(describeTrend(t[0]) == "left heel: 6.5 \xE2\x86\x92 1.5 over 12 weeks");
    CHECK(describeTrend(t[1]) == "right heel: 1.0 \xE2\x86\x92 1.0 over 12 weeks");
    CHECK(describeTrend(t[2]) == "knee: 3.0 (1 week)");
    // From a date on: only the last four weeks.
    const auto recent = trends(checkIns, kMonday + 8 * kWeek);
    CHECK(recent[0].weeks.size() == 4);
    CHECK(recent.size() == 2);
}

TEST_CASE("trends in any order are the trends in time order") {
    // The history reads them oldest first (the quick path); any other order gives the same.
    std::vector<CheckIn> checkIns;
    for (int week = 0; week < 6; ++week) {
        const std::int64_t at = kMonday + week * kWeek;
        checkIns.push_back({at, "heel", Side::Left, week, CheckInMoment::Before, week + 1, ""});
        checkIns.push_back({at + 900, "heel", Side::Left, week + 2, CheckInMoment::After, week + 1, ""});
        checkIns.push_back({at, "knee", Side::Right, 10 - week, CheckInMoment::Standalone, std::nullopt, ""});
    }
    const auto inOrder = trends(checkIns);
    std::vector<CheckIn> shuffled;
    for (std::size_t i = 0; i < checkIns.size(); ++i) shuffled.push_back(checkIns[(i * 7) % checkIns.size()]);
    std::reverse(shuffled.begin() + 5, shuffled.end());
    const auto mixed = trends(shuffled);
    REQUIRE(mixed.size() == inOrder.size());
    for (std::size_t i = 0; i < mixed.size(); ++i) {
        CHECK(mixed[i].area == inOrder[i].area);
        CHECK(mixed[i].side == inOrder[i].side);
        CHECK(mixed[i].checkIns == inOrder[i].checkIns);
        CHECK(mixed[i].beforeToAfterChange == inOrder[i].beforeToAfterChange);
        REQUIRE(mixed[i].weeks.size() == inOrder[i].weeks.size());
        for (std::size_t w = 0; w < mixed[i].weeks.size(); ++w) {
            CHECK(mixed[i].weeks[w].weekStart == inOrder[i].weeks[w].weekStart);
            CHECK(mixed[i].weeks[w].average == doctest::Approx(inOrder[i].weeks[w].average));
        }
        CHECK(mixed[i].before.size() == inOrder[i].before.size());
    }
    REQUIRE(inOrder[0].beforeToAfterChange);
    CHECK(*inOrder[0].beforeToAfterChange == doctest::Approx(2.0));
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

TEST_CASE("a full disk is named as one, by its kind, not as SQLite's 'disk I/O error'") {
    const std::filesystem::path file = "/home/me/.local/share/unknot/unknot.db";
    // SQLite's bare I/O error, extended (SQLITE_IOERR_WRITE = 778) or not, with 12 KiB left and
    // no errno kept; SQLITE_FULL (13) whatever the space.
    for (int code : {10, 778, 13}) {
        CAPTURE(code);
        const auto told = storageFailure(code, 0, "disk I/O error", 12 << 10, file);
        CHECK(told.diskFull);
        CHECK(told.message.find("disk I/O error") == std::string::npos);
        CHECK(told.message.find("the disk holding /home/me/.local/share/unknot is full (12 KiB free)") !=
              std::string::npos);
        CHECK(told.message.find("free some space") != std::string::npos);
    }
    // SQLITE_FULL with its own words ("database or disk is full") and space enough (freed since).
    const auto full = storageFailure(13, 0, "database or disk is full", 10ull << 30, file);
    CHECK(full.diskFull);
    CHECK(full.message == "the disk holding /home/me/.local/share/unknot is full: free some space there");
    // An I/O error whose errno was ENOSPC, however much is free now (SQLITE_IOERR_SHMSIZE = 4874).
    CHECK(storageFailure(4874, ENOSPC, "disk I/O error", 10ull << 30, file).diskFull);
    // Plenty of space, or another errno: an I/O error is what SQLite says it is; other errors too.
    CHECK(storageFailure(10, 0, "disk I/O error", 10ull << 30, file).message == "disk I/O error");
    CHECK_FALSE(storageFailure(10, EIO, "disk I/O error", 12 << 10, file).diskFull);
    CHECK_FALSE(storageFailure(10, 0, "disk I/O error", 10ull << 30, file).diskFull);
    CHECK(storageFailure(5, 0, "database is locked", 0, file).message == "database is locked");
    // A read that failed for a full disk advises no move; any other failure does.
    CHECK(historyReadError(file, full).find("move it aside") == std::string::npos);
    CHECK(historyReadError(file, full).rfind(file.string() + ": ", 0) == 0);
    CHECK(historyReadError(file, {false, "database disk image is malformed"}).find("move it aside") !=
          std::string::npos);
}
