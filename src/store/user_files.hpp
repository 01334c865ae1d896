#pragma once
// The user's own files: saving routines, the trash that makes deleting undoable, and the
// history of sessions.

#include "routine/routine.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace unknot {

// -- routines ----------------------------------------------------------------------------------
// `dir`/<id>.toml, or with -2, -3… when that file exists already.
[[nodiscard]] std::filesystem::path freeRoutinePath(const std::filesystem::path& dir, const std::string& id);

// Writes the routine in canonical form, atomically. An error message, or nothing.
[[nodiscard]] std::optional<std::string> saveRoutine(const std::filesystem::path& file, const Routine& routine);

// -- trash -------------------------------------------------------------------------------------
struct TrashedFile {
    std::filesystem::path original;
    std::filesystem::path inTrash;
};
[[nodiscard]] std::filesystem::path trashDir(); // userDataDir()/trash
// Moves the file into the trash, named with `now` (seconds since the epoch); the error message
// when it cannot.
[[nodiscard]] std::variant<TrashedFile, std::string> moveToTrash(const std::filesystem::path& file,
                                                                 const std::filesystem::path& trash, std::int64_t now);
// Puts it back, unless a file took its place meanwhile.
[[nodiscard]] std::optional<std::string> restoreFromTrash(const TrashedFile& trashed);

// -- history -----------------------------------------------------------------------------------
struct HistoryRecord {
    std::int64_t startedAt = 0; // seconds since the epoch
    std::string routineId;
    std::string routineName;
    Millis plannedMs = 0;
    Millis doneMs = 0;      // time spent active
    bool completed = false; // played to the end, not mostly skipped
    // The routine's canonical text, hashed (contentIdOf): an edited routine is not its old self.
    std::string contentId = {};
    int skippedPhases = 0; // phases skipped (history.csv's 7th column; 0 in older files)
};

[[nodiscard]] std::filesystem::path historyPath(); // userDataDir()/history.csv
// One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break.
[[nodiscard]] std::string csvField(const std::string& text);
// `t` in local time, with strftime's `format`.
[[nodiscard]] std::string formatLocal(std::int64_t t, const char* format);
// "2026-11-25T18:00:00+0100": how the history writes a time (local, with its offset)...
[[nodiscard]] std::string isoLocal(std::int64_t t);
// ...and reads one back, with any offset; nothing unless the whole text is such a time.
[[nodiscard]] std::optional<std::int64_t> parseIso(const std::string& text);
// Appends one line (and the header to a new file). An error message, or nothing.
[[nodiscard]] std::optional<std::string> appendHistory(const std::filesystem::path& file, const HistoryRecord& record);
// history.csv is read by one reader, the importer: parseHistoryCsv() in store/history_db.hpp.

// Minutes of activity in each of the last `weeks` weeks (Monday to Sunday, local time), oldest
// first, the current week last.
[[nodiscard]] std::vector<double> minutesPerWeek(const std::vector<HistoryRecord>& records, std::int64_t now,
                                                 int weeks = 8);
// Days in a row, up to today (or up to yesterday when today has none yet), with a session.
[[nodiscard]] int streakDays(const std::vector<HistoryRecord>& records, std::int64_t now);

} // namespace unknot
