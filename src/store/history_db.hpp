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
    bool ran = false;                  // false when the file was imported before, or is absent
    int imported = 0;                  // sessions added
    std::vector<std::string> problems; // "path:line: error: message", one per bad line
};

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
    static constexpr int kSchemaVersion = 1;

    // Opens (creating, migrating) the database. An error message when it cannot.
    [[nodiscard]] static std::variant<std::unique_ptr<HistoryDb>, std::string> open(const std::filesystem::path& file);
    ~HistoryDb();
    HistoryDb(const HistoryDb&) = delete;
    HistoryDb& operator=(const HistoryDb&) = delete;

    // The new session's id, or an error message.
    [[nodiscard]] std::variant<std::int64_t, std::string>
    addSession(const HistoryRecord& record, std::string_view contentId = {}, int skippedPhases = 0);
    // An error message, or nothing: checkInProblem() first, then the database's.
    [[nodiscard]] std::optional<std::string> addCheckIn(const CheckIn& checkIn);

    // Oldest first, from `since` (seconds since the epoch) on.
    [[nodiscard]] std::vector<StoredSession> sessions(std::int64_t since = 0) const;
    [[nodiscard]] std::vector<CheckIn> checkIns(std::int64_t since = 0) const;

    // Imports history.csv unless it was imported before (by its path).
    [[nodiscard]] ImportReport importCsvOnce(const std::filesystem::path& csv);

    [[nodiscard]] int schemaVersion() const;

  private:
    explicit HistoryDb(std::unique_ptr<SQLite::Database> db);
    std::unique_ptr<SQLite::Database> db_;
};

[[nodiscard]] std::filesystem::path historyDbPath(); // userDataDir()/unknot.db

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
    std::optional<double> beforeToAfterChange; // mean of (after - before) within sessions
    int checkIns = 0;
};

// Per area and side, from `since` on, ordered by area, then left, right, no side.
[[nodiscard]] std::vector<AreaTrend> trends(const std::vector<CheckIn>& checkIns, std::int64_t since = 0);
// "left heel: 5.8 → 3.1 over 4 weeks" (first and last week's averages), or "left heel: 4.0 (1 week)".
[[nodiscard]] std::string describeTrend(const AreaTrend& trend);

} // namespace unknot
