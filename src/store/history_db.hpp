#pragma once
// The history database: sessions and check-ins in SQLite, at $XDG_DATA_HOME/unknot/unknot.db.
//
// WAL, a schema version (PRAGMA user_version) with migrations, every write one BEGIN IMMEDIATE
// transaction with a busy timeout, so a second Unknot process waits instead of losing a row,
// and a crash or kill leaves either the whole row or none. The first open imports an existing
// history.csv once (each bad line reported and skipped) and keeps the file.

#include "routine/routine.hpp"
#include "routine/rules.hpp"
#include "store/user_files.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace SQLite {
class Database;
}

namespace unknot {

// When a check-in was made: before a routine, after it, or on its own ("first steps this
// morning"). Scores follow the 0-10 numeric rating scale: 0 no pain, 10 the worst imaginable.
enum class CheckInMoment { Before, After, Standalone };
[[nodiscard]] std::string_view momentName(CheckInMoment moment); // "before", "after", "standalone"
[[nodiscard]] std::optional<CheckInMoment> parseMoment(std::string_view name);

inline constexpr int kMinScore = 0;
inline constexpr int kMaxScore = 10;
inline constexpr std::size_t kMaxNoteBytes = 1000;

struct CheckIn {
    std::int64_t at = 0; // seconds since the epoch
    std::string area;    // "heel", "knee": as the routine file or the user names it
    Side side = Side::None;
    int score = 0;
    CheckInMoment moment = CheckInMoment::Standalone;
    std::optional<std::int64_t> sessionId;
    std::string note;
};
// areaProblem() and kMaxAreaBytes, the rule an area is named by: in routine/rules.hpp.
// Why `note` cannot go with a check-in (too long), or nothing.
[[nodiscard]] std::optional<std::string> noteProblem(std::string_view note);
// Why a check-in cannot be stored, or nothing: the one rule the CLI and the player share.
[[nodiscard]] std::optional<std::string> checkInProblem(const CheckIn& checkIn);

struct StoredSession {
    std::int64_t id = 0;
    HistoryRecord record;
    std::string contentId; // the routine file's content, so an edited routine is a new one
    int skippedPhases = 0;
};

struct ImportReport {
    bool ran = false;                  // false when nothing was new in the file, or it is absent
    int imported = 0;                  // sessions added
    std::vector<std::string> problems; // "path:line: error: message", one per bad line
};

// Every row a reader asked for, or why it could not read them all.
struct HistoryRows {
    std::vector<StoredSession> sessions; // oldest first
    std::vector<CheckIn> checkIns;       // oldest first
    std::string error;                   // empty when all were read
};

// Write: create, migrate, and keep writing (the app, `unknot check-in`). Read: never take the
// write lock, never create or change the file, so History and `unknot history` work while
// another process writes, on a read-only folder and on a full disk.
enum class HistoryAccess { Write, Read };

// history.csv as the importer reads it: a session for each good line (skippedPhases from the
// skipped_phases column when the header names one), and for each bad line a problem,
// "path:line: error: message". `path` is only named in the problems.
struct HistoryCsv {
    std::vector<HistoryRecord> sessions;
    std::vector<std::string> problems;
};
[[nodiscard]] HistoryCsv parseHistoryCsv(std::string_view text, std::string_view path = "history.csv");

class HistoryDb {
  public:
    static constexpr int kSchemaVersion = 3;
    // A second process holding the write lock makes a write wait this long before it fails.
    static constexpr int kBusyTimeoutMs = 5000;

    // Opens the database; Write creates and migrates it. A damaged or foreign file (a table or
    // column missing, a negative version) is an error naming the file and what to do; a file
    // from a newer Unknot, or one that cannot be written, opens read-only (readOnlyReason()).
    // Read of an absent file gives an empty history.
    [[nodiscard]] static std::variant<std::unique_ptr<HistoryDb>, std::string>
    open(const std::filesystem::path& file, HistoryAccess access = HistoryAccess::Write,
         int busyTimeoutMs = kBusyTimeoutMs);
    ~HistoryDb();
    HistoryDb(const HistoryDb&) = delete;
    HistoryDb& operator=(const HistoryDb&) = delete;

    // The new session's id, or an error message. With a `key` (a queued write's), the row is
    // added once: a second call with the same key gives the first one's id.
    [[nodiscard]] std::variant<std::int64_t, std::string> addSession(const HistoryRecord& record,
                                                                     std::string_view contentId = {},
                                                                     int skippedPhases = 0, std::string_view key = {});
    // An error message, or nothing: checkInProblem() first, then the database's. Once per `key`.
    [[nodiscard]] std::optional<std::string> addCheckIn(const CheckIn& checkIn, std::string_view key = {});
    // The id of the session added with `key`, if it was.
    [[nodiscard]] std::optional<std::int64_t> sessionOf(std::string_view key) const;
    // Whether a session has this id; nothing when the database cannot say now (busy).
    [[nodiscard]] std::optional<bool> hasSession(std::int64_t id) const;

    // From `since` (seconds since the epoch) on; never throws: a read that fails says why.
    [[nodiscard]] HistoryRows read(std::int64_t since = 0) const;
    // read()'s rows alone, for callers that have looked at the error already (tests).
    [[nodiscard]] std::vector<StoredSession> sessions(std::int64_t since = 0) const;
    [[nodiscard]] std::vector<CheckIn> checkIns(std::int64_t since = 0) const;

    // Imports what history.csv holds beyond what was imported from it before (by its path):
    // the whole file the first time, then only the rows appended since (the fallback writes
    // there when the database cannot be opened). A row already in the database is not added
    // twice. `progress` hears the bytes read and the file's size, now and then.
    [[nodiscard]] ImportReport
    importCsv(const std::filesystem::path& csv,
              const std::function<void(std::uintmax_t read, std::uintmax_t total)>& progress = {});

    [[nodiscard]] int schemaVersion() const;
    // Why this database takes no writes (a newer Unknot made it, the folder is read-only), a
    // sentence naming the file in the user's language, or nothing when it does.
    [[nodiscard]] const std::optional<std::string>& readOnlyReason() const { return readOnly_; }

    // The connection, for the tables other capabilities keep in this file (programs:
    // src/program/program_store.cpp). Writes go through their own IMMEDIATE transactions.
    [[nodiscard]] SQLite::Database& connection() const { return *db_; }

  private:
    HistoryDb(std::unique_ptr<SQLite::Database> db, std::filesystem::path file, std::optional<std::string> readOnly);
    std::unique_ptr<SQLite::Database> db_;
    std::filesystem::path file_;
    std::optional<std::string> readOnly_;
};

[[nodiscard]] std::filesystem::path historyDbPath(); // userDataDir()/unknot.db

// What a failed SQLite call on `file` tells the user, and whether it failed for a full disk
// (then the file is fine: no advice to move it aside). A full disk is told by its kind, never by
// SQLite's English: SQLITE_FULL (SQLite's unix layer turns a write's ENOSPC into it), or an I/O
// error (SQLITE_IOERR, extended or not: the WAL, its index or a journal cannot grow) whose errno
// was ENOSPC or, when SQLite kept none, with under kFullDiskBytes free beside the file. It is
// said in the user's language with the space left and what to do; any other failure is SQLite's
// own words inside a translated sentence.
inline constexpr std::uintmax_t kFullDiskBytes = 1u << 20;
struct StorageFailure {
    bool diskFull = false;
    std::string message;
};
// `sqliteCode`: the result code, primary or extended; `systemErrno`: sqlite3_system_errno() (0:
// none kept); `available`: bytes free, as statvfs says.
[[nodiscard]] StorageFailure storageFailure(int sqliteCode, int systemErrno, std::string_view sqliteMessage,
                                            std::uintmax_t available, const std::filesystem::path& file);
// The same for an exception out of SQLiteCpp (the space is looked up now); `db`, when given, the
// connection that failed (for the errno it kept).
[[nodiscard]] StorageFailure storageFailure(const std::exception& e, const std::filesystem::path& file,
                                            const SQLite::Database* db = nullptr);
[[nodiscard]] inline std::string storageError(const std::exception& e, const std::filesystem::path& file,
                                              const SQLite::Database* db = nullptr) {
    return storageFailure(e, file, db).message;
}
// What a failed read of the history `file` says: the failure, and when it was not a full disk,
// how to start afresh.
[[nodiscard]] std::string historyReadError(const std::filesystem::path& file, const StorageFailure& failure);

// -- trends ------------------------------------------------------------------------------------
struct WeekAverage {
    std::int64_t weekStart = 0; // Monday 00:00 UTC of the week, seconds since the epoch
    double average = 0;
    int count = 0;
};

// One area on one side: how its scores went, week by week.
struct AreaTrend {
    std::string area;
    Side side = Side::None;
    std::vector<WeekAverage> weeks;            // oldest first, only weeks with check-ins
    std::vector<WeekAverage> before, after;    // the same, of the check-ins before / after a session
    std::optional<double> beforeToAfterChange; // mean of (after - before) within sessions
    int checkIns = 0;
};

// Per area and side, from `since` on, ordered by area, then left, right, no side.
[[nodiscard]] std::vector<AreaTrend> trends(const std::vector<CheckIn>& checkIns, std::int64_t since = 0);
// "left heel: 5.8 → 3.1 over 4 weeks" (first and last week's averages), or "left heel: 4.0 (1 week)".
[[nodiscard]] std::string describeTrend(const AreaTrend& trend);

} // namespace unknot
