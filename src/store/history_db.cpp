#include "store/history_db.hpp"

#include "core/i18n.hpp"
#include "core/paths.hpp"
#include "core/text.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <limits>
#include <map>
#include <sstream>

#include <sqlite3.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace unknot {

namespace fs = std::filesystem;

namespace {

// history.csv larger than this is not a history a person made: refused, not read.
constexpr std::uintmax_t kMaxImportBytes = 64u << 20;
// The longest session a line may claim: a day. Longer is a damaged number.
constexpr std::int64_t kMaxSessionSeconds = 86'400;

// Migration N takes a database from user_version N to N + 1.
const char* const kMigrations[] = {
    R"sql(
CREATE TABLE sessions(
  id INTEGER PRIMARY KEY,
  started_at INTEGER NOT NULL,
  routine_id TEXT NOT NULL,
  routine_name TEXT NOT NULL,
  content_id TEXT NOT NULL DEFAULT '',
  planned_ms INTEGER NOT NULL CHECK (planned_ms >= 0),
  done_ms INTEGER NOT NULL CHECK (done_ms >= 0),
  completed INTEGER NOT NULL CHECK (completed IN (0, 1)),
  skipped_phases INTEGER NOT NULL DEFAULT 0 CHECK (skipped_phases >= 0));
CREATE INDEX sessions_started ON sessions(started_at);
CREATE TABLE check_ins(
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  area TEXT NOT NULL CHECK (length(area) > 0),
  side TEXT NOT NULL CHECK (side IN ('left', 'right', '')),
  score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
  moment TEXT NOT NULL CHECK (moment IN ('before', 'after', 'standalone')),
  session_id INTEGER REFERENCES sessions(id),
  note TEXT NOT NULL DEFAULT '');
CREATE INDEX check_ins_at ON check_ins(at);
CREATE TABLE imports(path TEXT PRIMARY KEY, at INTEGER NOT NULL, sessions INTEGER NOT NULL);
)sql",
    // 2: programs (src/program/program_store.cpp): which one runs since when, what its rules
    // decided each week and why, and the days the user ran.
    R"sql(
CREATE TABLE program_runs(
  id INTEGER PRIMARY KEY,
  program_id TEXT NOT NULL CHECK (length(program_id) > 0),
  started_on TEXT NOT NULL,
  started_at INTEGER NOT NULL,
  stopped_at INTEGER);
CREATE TABLE program_decisions(
  id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL REFERENCES program_runs(id),
  week INTEGER NOT NULL CHECK (week >= 1),
  action TEXT NOT NULL CHECK (action IN ('advance', 'stay', 'step_back', 'review')),
  stage_after INTEGER NOT NULL CHECK (stage_after >= 0),
  reason TEXT NOT NULL,
  early INTEGER NOT NULL DEFAULT 0 CHECK (early IN (0, 1)),
  decided_at INTEGER NOT NULL,
  UNIQUE (run_id, week));
CREATE TABLE run_days(day TEXT PRIMARY KEY, noted_at INTEGER NOT NULL);
)sql",
    // 3: how far into the file an import has read, so rows appended later are imported too
    // (-1: imported before this was kept; read it all again, skipping rows already here).
    // Which queued writes (the app's journal, history_sink.hpp) are in, so replaying the journal
    // after a crash between the commit and its truncation adds nothing twice.
    "ALTER TABLE imports ADD COLUMN bytes INTEGER NOT NULL DEFAULT -1;"
    "CREATE TABLE applied(key TEXT PRIMARY KEY, row_id INTEGER NOT NULL);",
};
// The columns each reader and writer uses, and the version that added each: a file without
// them is damaged or not Unknot's, said when it is opened rather than thrown while reading.
struct ExpectedColumns {
    const char* table;
    std::vector<std::pair<const char*, int>> columns; // name, schema version it came in
};
const ExpectedColumns kExpected[] = {
    {"sessions",
     {{"id", 1},
      {"started_at", 1},
      {"routine_id", 1},
      {"routine_name", 1},
      {"content_id", 1},
      {"planned_ms", 1},
      {"done_ms", 1},
      {"completed", 1},
      {"skipped_phases", 1}}},
    {"check_ins",
     {{"id", 1}, {"at", 1}, {"area", 1}, {"side", 1}, {"score", 1}, {"moment", 1}, {"session_id", 1}, {"note", 1}}},
    {"imports", {{"path", 1}, {"at", 1}, {"sessions", 1}, {"bytes", 2}}},
    {"applied", {{"key", 2}, {"row_id", 2}}},
};
// Readers wait at most this long for a lock (only WAL recovery takes one from a reader).
constexpr int kReadBusyTimeoutMs = 1000;
static_assert(std::size(kMigrations) == HistoryDb::kSchemaVersion, "one migration per schema version");

// What a user can do about a file that is not a history this Unknot can read.
std::string moveAside(const fs::path& file) {
    // TRANSLATORS: {0} the history's file; keep the mv command as it is.
    return format(_("; move it aside (mv '{0}' '{0}.damaged') and Unknot starts a new history, or restore a backup"),
                  {file.string()});
}

// Why a history that does not exist yet takes no writes when opened to be read.
std::string nothingYet(const fs::path& file) {
    // TRANSLATORS: {0} the history's file.
    return format(_("{0}: nothing recorded yet"), {file.string()});
}

std::string notUnknots() { return _("holds tables but no Unknot schema version: not Unknot's history"); }

// The first problem with the file's tables, or nothing.
std::optional<std::string> schemaProblem(SQLite::Database& db, int version) {
    for (const auto& t : kExpected) {
        std::vector<std::string> have;
        SQLite::Statement q(db, std::string("PRAGMA table_info(") + t.table + ")");
        while (q.executeStep()) have.push_back(q.getColumn(1).getString());
        const bool needed =
            std::any_of(t.columns.begin(), t.columns.end(), [&](const auto& c) { return c.second <= version; });
        // TRANSLATORS: {0} a table of the history's database (its name, as SQLite knows it).
        if (have.empty() && needed) return format(_("the table {0} is missing"), {t.table});
        for (const auto& [name, since] : t.columns)
            if (since <= version && std::find(have.begin(), have.end(), name) == have.end())
                // TRANSLATORS: {0} a table of the history's database, {1} one of its columns.
                return format(_("the table {0} has no column {1}"), {t.table, name});
    }
    return std::nullopt;
}

// A file URI for SQLite: '%', '?' and '#' would end or change the path.
std::string fileUri(const fs::path& file) {
    std::string uri = "file:";
    for (char c : fs::absolute(file).string()) {
        if (c == '%' || c == '?' || c == '#') {
            char hex[4];
            std::snprintf(hex, sizeof hex, "%%%02X", static_cast<unsigned char>(c));
            uri += hex;
        } else {
            uri += c;
        }
    }
    return uri;
}

// Opens for reading only. A WAL file in a folder we cannot write (no -shm to share) opens
// as immutable: what is on disk, read without locks.
std::unique_ptr<SQLite::Database> openReadOnly(const fs::path& file) {
    try {
        auto db = std::make_unique<SQLite::Database>(file.string(), SQLite::OPEN_READONLY, kReadBusyTimeoutMs);
        db->execAndGet("PRAGMA user_version"); // WAL's -shm is opened on the first read
        return db;
    } catch (const std::exception&) {
        return std::make_unique<SQLite::Database>(fileUri(file) + "?immutable=1",
                                                  SQLite::OPEN_READONLY | SQLite::OPEN_URI, kReadBusyTimeoutMs);
    }
}

// An empty history with the current schema, for reading a file that does not exist yet.
std::unique_ptr<SQLite::Database> emptyHistory() {
    auto db = std::make_unique<SQLite::Database>(":memory:", SQLite::OPEN_READWRITE);
    for (const char* migration : kMigrations) db->exec(migration);
    return db;
}

// Health data: only its owner reads it. The folder loses group and other access; the file
// is created 0600 before SQLite opens it, and SQLite gives its -wal and -shm the same mode.
void makePrivate(const fs::path& file) {
    std::error_code ec;
    const auto folder = file.parent_path().empty() ? fs::path(".") : file.parent_path();
    fs::create_directories(folder, ec);
    fs::permissions(folder, fs::perms::group_all | fs::perms::others_all, fs::perm_options::remove, ec);
    // An existing file is never opened here: closing a descriptor of it drops every POSIX lock
    // this process holds on it, SQLite's too, and another process closing the database would
    // then take itself for the last one and delete the -wal and -shm this process still uses
    // (its writes lost, others' never seen).
    if (fs::exists(file, ec)) {
        fs::permissions(file, fs::perms::group_all | fs::perms::others_all, fs::perm_options::remove, ec);
        return;
    }
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd >= 0) ::close(fd);
}

// -- history.csv --------------------------------------------------------------------------------
// One physical line's fields (RFC 4180 quoting; the app never writes a line break inside a
// field). An error message for a quote left open, so one damaged line never swallows the rest.
std::variant<std::vector<std::string>, std::string> csvLine(std::string_view line) {
    std::vector<std::string> fields(1);
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
                fields.back() += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                fields.back() += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            fields.emplace_back();
        } else if (c != '\r') {
            fields.back() += c;
        }
    }
    if (quoted) return std::string(_("a quoted field is never closed"));
    return fields;
}

std::optional<std::int64_t> parseSeconds(std::string_view text) {
    std::int64_t v = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || end != text.data() + text.size() || v < 0 || v > kMaxSessionSeconds) return std::nullopt;
    return v;
}

struct Columns {
    std::size_t started = 0, id = 1, name = 2, planned = 3, done = 4, completed = 5;
    std::optional<std::size_t> skipped;
    [[nodiscard]] std::size_t needed() const { return std::max({started, id, name, planned, done, completed}) + 1; }
};

// The header names the columns (the original six, and any added since); without one, the
// original order.
std::optional<Columns> columnsFrom(const std::vector<std::string>& header) {
    if (header.empty() || header[0] != "started") return std::nullopt;
    Columns c;
    std::map<std::string, std::size_t> at;
    for (std::size_t i = 0; i < header.size(); ++i) at.emplace(header[i], i);
    const auto take = [&](const char* name, std::size_t& into) {
        if (auto it = at.find(name); it != at.end()) into = it->second;
    };
    take("started", c.started);
    take("routine_id", c.id);
    take("routine_name", c.name);
    take("planned_s", c.planned);
    take("done_s", c.done);
    take("completed", c.completed);
    if (auto it = at.find("skipped_phases"); it != at.end()) c.skipped = it->second;
    return c;
}

std::variant<HistoryRecord, std::string> parseLine(const std::vector<std::string>& f, const Columns& c) {
    if (f.size() < c.needed())
        return format(_("expected at least {0} fields, found {1}"),
                      {std::to_string(c.needed()), std::to_string(f.size())});
    HistoryRecord r;
    const auto started = parseIso(f[c.started]);
    if (!started) return format(_("'{0}' is not a time like 2026-11-25T18:00:00+0100"), {f[c.started]});
    if (*started < 0) return format(_("'{0}' is before 1970: not a session Unknot recorded"), {f[c.started]});
    const auto planned = parseSeconds(f[c.planned]);
    const auto done = parseSeconds(f[c.done]);
    if (!planned) return format(_("planned seconds '{0}' are not a number from 0 to 86400"), {f[c.planned]});
    if (!done) return format(_("done seconds '{0}' are not a number from 0 to 86400"), {f[c.done]});
    // TRANSLATORS: `completed`, `yes` and `no` are history.csv's column and values: keep them.
    if (f[c.completed] != "yes" && f[c.completed] != "no") return _("completed must be yes or no");
    if (c.skipped && *c.skipped < f.size() && !f[*c.skipped].empty()) {
        const auto skipped = parseSeconds(f[*c.skipped]);
        if (!skipped) return format(_("skipped phases '{0}' are not a count"), {f[*c.skipped]});
        r.skippedPhases = static_cast<int>(*skipped);
    }
    r.startedAt = *started;
    r.routineId = f[c.id];
    r.routineName = f[c.name];
    r.plannedMs = *planned * 1000;
    r.doneMs = *done * 1000;
    r.completed = f[c.completed] == "yes";
    return r;
}

std::int64_t weekStartOf(std::int64_t t) {
    // 1970-01-01 was a Thursday: shifting by 3 days makes weeks start on Mondays.
    const std::int64_t day = (t >= 0 ? t : t - 86'399) / 86'400;
    const std::int64_t shifted = day + 3;
    const std::int64_t week = (shifted >= 0 ? shifted : shifted - 6) / 7;
    return (week * 7 - 3) * 86'400;
}

void insertSession(SQLite::Database& db, const HistoryRecord& r, std::string_view contentId, int skipped) {
    SQLite::Statement q(db, "INSERT INTO sessions(started_at, routine_id, routine_name, content_id, planned_ms, "
                            "done_ms, completed, skipped_phases) VALUES(?, ?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, static_cast<std::int64_t>(r.startedAt));
    q.bind(2, r.routineId);
    q.bind(3, r.routineName);
    q.bind(4, std::string(contentId));
    q.bind(5, static_cast<std::int64_t>(r.plannedMs));
    q.bind(6, static_cast<std::int64_t>(r.doneMs));
    q.bind(7, r.completed ? 1 : 0);
    q.bind(8, skipped);
    q.exec();
}

} // namespace

std::string_view momentName(CheckInMoment moment) {
    switch (moment) {
    case CheckInMoment::Before: return "before";
    case CheckInMoment::After: return "after";
    case CheckInMoment::Standalone: return "standalone";
    }
    return "standalone";
}

std::optional<CheckInMoment> parseMoment(std::string_view name) {
    for (CheckInMoment m : {CheckInMoment::Before, CheckInMoment::After, CheckInMoment::Standalone})
        if (momentName(m) == name) return m;
    return std::nullopt;
}

std::optional<std::string> checkInProblem(const CheckIn& c) {
    if (c.score < kMinScore || c.score > kMaxScore)
        return format(_("a score is a whole number from 0 (no pain) to 10 (the worst), not {0}"),
                      {std::to_string(c.score)});
    if (auto problem = areaProblem(c.area)) return problem;
    return noteProblem(c.note);
}

std::optional<std::string> noteProblem(std::string_view note) {
    if (auto problem = outsideTextProblem(note, true)) return format(_("the note cannot be kept: {0}"), {*problem});
    if (note.size() <= kMaxNoteBytes) return std::nullopt;
    return format(_("the note is too long: {0} bytes, at most {1} (an accented letter takes 2)"),
                  {std::to_string(note.size()), std::to_string(kMaxNoteBytes)});
}

StorageFailure storageFailure(int sqliteCode, int systemErrno, std::string_view sqliteMessage, std::uintmax_t available,
                              const fs::path& file) {
    const int code = sqliteCode & 0xFF;
    const bool full =
        code == SQLITE_FULL ||
        (code == SQLITE_IOERR && (systemErrno == ENOSPC || (systemErrno == 0 && available < kFullDiskBytes)));
    if (!full) return {false, std::string(sqliteMessage)};
    const auto folder = file.parent_path().empty() ? fs::path(".") : file.parent_path();
    if (available >= kFullDiskBytes) // not known, or freed since
        // TRANSLATORS: {0} the folder of the history's file.
        return {true, format(_("the disk holding {0} is full: free some space there"), {folder.string()})};
    // TRANSLATORS: {0} the folder of the history's file, {1} the space left in KiB.
    return {true, format(_("the disk holding {0} is full ({1} KiB free): free some space there"),
                         {folder.string(), std::to_string(available >> 10)})};
}

StorageFailure storageFailure(const std::exception& e, const fs::path& file, const SQLite::Database* db) {
    const auto* sqlite = dynamic_cast<const SQLite::Exception*>(&e);
    if (!sqlite) return {false, e.what()};
    std::error_code ec;
    const auto folder = file.parent_path().empty() ? fs::path(".") : file.parent_path();
    const auto space = fs::space(folder, ec);
    // The errno SQLite kept for its last I/O error on this connection (an ENOSPC).
    const int systemErrno = db ? sqlite3_system_errno(db->getHandle()) : 0;
    return storageFailure(sqlite->getExtendedErrorCode(), systemErrno, e.what(),
                          ec ? std::numeric_limits<std::uintmax_t>::max() : space.available, file);
}

std::string historyReadError(const fs::path& file, const StorageFailure& failure) {
    // A full disk is no reason to move the history aside.
    return file.string() + ": " + format(_("cannot read the history: {0}"), {failure.message}) +
           (failure.diskFull ? "" : moveAside(file));
}

fs::path historyDbPath() { return userDataDir() / "unknot.db"; }

HistoryDb::HistoryDb(std::unique_ptr<SQLite::Database> db, fs::path file, std::optional<std::string> readOnly)
    : db_(std::move(db)), file_(std::move(file)), readOnly_(std::move(readOnly)) {}
HistoryDb::~HistoryDb() = default;

std::variant<std::unique_ptr<HistoryDb>, std::string> HistoryDb::open(const fs::path& file, HistoryAccess access,
                                                                      int busyTimeoutMs) {
    const std::string name = file.string();
    std::unique_ptr<SQLite::Database> db;
    std::optional<std::string> readOnly;
    try {
        std::error_code ec;
        if (access == HistoryAccess::Read) {
            if (!fs::exists(file, ec) && !ec)
                return std::unique_ptr<HistoryDb>(new HistoryDb(emptyHistory(), file, nothingYet(file)));
            db = openReadOnly(file);
            // TRANSLATORS: why a history opened to be read takes no writes; {0} its file.
            readOnly = format(_("{0} is opened for reading"), {name});
        } else {
            if (fs::is_directory(file, ec))
                return name + ": " + _("is a folder, not a history database") + moveAside(file);
            makePrivate(file);
            try {
                db = std::make_unique<SQLite::Database>(name, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE,
                                                        busyTimeoutMs);
                // Setting WAL on a file already in WAL takes no lock; a new file is set once.
                if (db->execAndGet("PRAGMA journal_mode").getString() != "wal") db->exec("PRAGMA journal_mode = WAL");
            } catch (const std::exception& e) {
                if (!fs::exists(file, ec)) throw;
                db = openReadOnly(file); // a read-only folder or file, a full disk: still read
                // TRANSLATORS: {0} the history's file, {1} why (SQLite's or the system's words, or
                // "the disk holding … is full …").
                readOnly = format(_("{0} cannot be written ({1})"), {name, storageError(e, file)});
            }
            db->exec("PRAGMA foreign_keys = ON");
        }
        int version = db->execAndGet("PRAGMA user_version").getInt();
        if (version < 0)
            return name + ": " +
                   format(_("schema version {0} is not one any Unknot writes: the file is damaged or not Unknot's"),
                          {std::to_string(version)}) +
                   moveAside(file);
        if (version > kSchemaVersion) {
            if (!readOnly) db = openReadOnly(file); // never a write to a file we do not understand
            // TRANSLATORS: {0} the history's file, {1} its schema version, {2} the one this Unknot knows.
            readOnly = format(_("{0} was made by a newer Unknot (schema {1}, this one knows {2}): read only; "
                                "update Unknot to record to it"),
                              {name, std::to_string(version), std::to_string(kSchemaVersion)});
        } else if (version < kSchemaVersion && !readOnly) {
            SQLite::Transaction migrate(*db, SQLite::TransactionBehavior::IMMEDIATE);
            version = db->execAndGet("PRAGMA user_version").getInt(); // another process may have migrated
            if (version == 0 && db->execAndGet("SELECT count(*) FROM sqlite_master").getInt() != 0)
                return name + ": " + notUnknots() + moveAside(file);
            for (int v = std::max(version, 0); v < kSchemaVersion; ++v) db->exec(kMigrations[v]);
            db->exec("PRAGMA user_version = " + std::to_string(kSchemaVersion));
            migrate.commit();
            version = kSchemaVersion;
        } else if (version == 0) {
            if (db->execAndGet("SELECT count(*) FROM sqlite_master").getInt() == 0)
                return std::unique_ptr<HistoryDb>(new HistoryDb(emptyHistory(), file, nothingYet(file)));
            return name + ": " + notUnknots() + moveAside(file);
        }
        if (auto problem = schemaProblem(*db, std::min(std::max(version, 1), kSchemaVersion)))
            return name + ": " + format(_("{0}: the file is damaged or not Unknot's"), {*problem}) + moveAside(file);
        return std::unique_ptr<HistoryDb>(new HistoryDb(std::move(db), file, std::move(readOnly)));
    } catch (const std::exception& e) {
        // TRANSLATORS: {0} why (SQLite's or the system's words, or "the disk holding … is full …").
        return name + ": " + format(_("cannot be opened: {0}"), {storageError(e, file)});
    }
}

int HistoryDb::schemaVersion() const {
    try {
        return db_->execAndGet("PRAGMA user_version").getInt();
    } catch (const std::exception&) {
        return -1;
    }
}

namespace {
// The row a queued write made, if it was made.
std::optional<std::int64_t> appliedRow(SQLite::Database& db, std::string_view key) {
    if (key.empty()) return std::nullopt;
    SQLite::Statement q(db, "SELECT row_id FROM applied WHERE key = ?");
    q.bind(1, std::string(key));
    if (q.executeStep()) return q.getColumn(0).getInt64();
    return std::nullopt;
}
void markApplied(SQLite::Database& db, std::string_view key, std::int64_t row) {
    if (key.empty()) return;
    SQLite::Statement q(db, "INSERT INTO applied(key, row_id) VALUES(?, ?)");
    q.bind(1, std::string(key));
    q.bind(2, static_cast<std::int64_t>(row));
    q.exec();
}
} // namespace

std::variant<std::int64_t, std::string> HistoryDb::addSession(const HistoryRecord& record, std::string_view contentId,
                                                              int skippedPhases, std::string_view key) {
    if (readOnly_) return format(_("cannot record the session: {0}"), {*readOnly_});
    try {
        SQLite::Transaction t(*db_, SQLite::TransactionBehavior::IMMEDIATE);
        if (auto row = appliedRow(*db_, key)) return *row;
        insertSession(*db_, record, contentId, skippedPhases);
        const std::int64_t id = db_->getLastInsertRowid();
        markApplied(*db_, key, id);
        t.commit();
        return id;
    } catch (const std::exception& e) {
        return format(_("cannot record the session: {0}"), {storageError(e, file_, db_.get())});
    }
}

std::optional<std::int64_t> HistoryDb::sessionOf(std::string_view key) const {
    try {
        return appliedRow(*db_, key);
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

std::optional<bool> HistoryDb::hasSession(std::int64_t id) const {
    try {
        SQLite::Statement q(*db_, "SELECT 1 FROM sessions WHERE id = ?");
        q.bind(1, static_cast<std::int64_t>(id));
        return q.executeStep();
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

std::optional<std::string> HistoryDb::addCheckIn(const CheckIn& c, std::string_view key) {
    if (auto problem = checkInProblem(c)) return problem;
    if (readOnly_) return format(_("cannot record the check-in: {0}"), {*readOnly_});
    try {
        SQLite::Transaction t(*db_, SQLite::TransactionBehavior::IMMEDIATE);
        if (appliedRow(*db_, key)) return std::nullopt;
        SQLite::Statement q(*db_, "INSERT INTO check_ins(at, area, side, score, moment, session_id, note) "
                                  "VALUES(?, ?, ?, ?, ?, ?, ?)");
        q.bind(1, static_cast<std::int64_t>(c.at));
        q.bind(2, c.area);
        q.bind(3, std::string(sideName(c.side)));
        q.bind(4, c.score);
        q.bind(5, std::string(momentName(c.moment)));
        if (c.sessionId)
            q.bind(6, static_cast<std::int64_t>(*c.sessionId));
        else
            q.bind(6);
        q.bind(7, c.note);
        q.exec();
        markApplied(*db_, key, db_->getLastInsertRowid());
        t.commit();
        return std::nullopt;
    } catch (const std::exception& e) {
        return format(_("cannot record the check-in: {0}"), {storageError(e, file_, db_.get())});
    }
}

namespace {
// Rows read with SQLite's own column calls: SQLiteCpp's Column holds a shared pointer to its
// statement, copied for every value, which made ten years of rows cost tens of milliseconds
// (History opens in under 100 ms, a debug build on a loaded machine included).
class RawQuery {
  public:
    RawQuery(SQLite::Database& db, const char* sql, std::int64_t since) : db_(db.getHandle()) {
        check(sqlite3_prepare_v2(db_, sql, -1, &row_, nullptr));
        check(sqlite3_bind_int64(row_, 1, since));
    }
    ~RawQuery() { sqlite3_finalize(row_); }
    RawQuery(const RawQuery&) = delete;
    RawQuery& operator=(const RawQuery&) = delete;
    // True with a row to read, false at the end; throws as SQLiteCpp does (storageError reads it).
    bool step() {
        const int rc = sqlite3_step(row_);
        if (rc == SQLITE_ROW) return true;
        if (rc != SQLITE_DONE) check(rc);
        return false;
    }
    [[nodiscard]] sqlite3_stmt* row() const { return row_; }

  private:
    sqlite3* db_;
    sqlite3_stmt* row_ = nullptr;
    void check(int rc) const {
        if (rc != SQLITE_OK) throw SQLite::Exception(db_, rc);
    }
};

std::string_view textOf(sqlite3_stmt* row, int column) {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(row, column));
    return text ? std::string_view(text, static_cast<std::size_t>(sqlite3_column_bytes(row, column)))
                : std::string_view();
}
} // namespace

namespace {
// Every row `sql` selects (its one parameter: `since`), each read by `fill` into a new element
// of `out`: the one reader of the sessions and the check-ins.
template <class Row, class Fill>
void readRows(SQLite::Database& db, const char* sql, std::int64_t since, std::vector<Row>& out, Fill fill) {
    RawQuery q(db, sql, since);
    while (q.step()) fill(q.row(), out.emplace_back());
}

constexpr const char* kSessionsSince =
    "SELECT id, started_at, routine_id, routine_name, content_id, planned_ms, done_ms, completed, skipped_phases "
    "FROM sessions WHERE started_at >= ? ORDER BY started_at, id";
void readSession(sqlite3_stmt* row, StoredSession& s) {
    s.id = sqlite3_column_int64(row, 0);
    s.record.startedAt = sqlite3_column_int64(row, 1);
    s.record.routineId = textOf(row, 2);
    s.record.routineName = textOf(row, 3);
    s.contentId = textOf(row, 4);
    s.record.plannedMs = sqlite3_column_int64(row, 5);
    s.record.doneMs = sqlite3_column_int64(row, 6);
    s.record.completed = sqlite3_column_int(row, 7) != 0;
    s.skippedPhases = sqlite3_column_int(row, 8);
}

constexpr const char* kCheckInsSince =
    "SELECT at, area, side, score, moment, session_id, note FROM check_ins WHERE at >= ? ORDER BY at, id";
void readCheckIn(sqlite3_stmt* row, CheckIn& c) {
    c.at = sqlite3_column_int64(row, 0);
    c.area = textOf(row, 1);
    c.side = sideFromName(textOf(row, 2)).value_or(Side::None);
    c.score = sqlite3_column_int(row, 3);
    c.moment = parseMoment(textOf(row, 4)).value_or(CheckInMoment::Standalone);
    if (sqlite3_column_type(row, 5) != SQLITE_NULL) c.sessionId = sqlite3_column_int64(row, 5);
    c.note = textOf(row, 6);
}
} // namespace

HistoryRows HistoryDb::read(std::int64_t since) const {
    HistoryRows rows;
    try {
        // One read transaction: sessions and check-ins from the same moment.
        SQLite::Transaction t(*db_, SQLite::TransactionBehavior::DEFERRED);
        readRows(*db_, kSessionsSince, since, rows.sessions, readSession);
        readRows(*db_, kCheckInsSince, since, rows.checkIns, readCheckIn);
    } catch (const std::exception& e) {
        rows = HistoryRows{}; // all of it, or nothing and why
        rows.error = historyReadError(file_, storageFailure(e, file_, db_.get()));
    }
    return rows;
}

std::vector<StoredSession> HistoryDb::sessions(std::int64_t since) const { return read(since).sessions; }
std::vector<CheckIn> HistoryDb::checkIns(std::int64_t since) const { return read(since).checkIns; }

HistoryCsv parseHistoryCsv(std::string_view text, std::string_view path) {
    HistoryCsv out;
    const auto problem = [&](int number, const std::string& message) {
        out.problems.push_back(std::string(path) + ":" + std::to_string(number) + ": error: " + message);
    };
    Columns columns;
    std::size_t start = 0;
    for (int number = 1; start < text.size(); ++number) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        const std::string_view line = text.substr(start, end - start);
        start = end + 1;
        if (line.empty() || line == "\r") continue;
        auto fields = csvLine(line);
        if (auto* error = std::get_if<std::string>(&fields)) {
            problem(number, *error);
            continue;
        }
        auto& f = std::get<std::vector<std::string>>(fields);
        if (number == 1)
            if (auto named = columnsFrom(f)) {
                columns = *named;
                continue;
            }
        auto parsed = parseLine(f, columns);
        if (auto* error = std::get_if<std::string>(&parsed)) {
            problem(number, *error);
            continue;
        }
        out.sessions.push_back(std::move(std::get<HistoryRecord>(parsed)));
    }
    return out;
}

ImportReport HistoryDb::importCsv(const fs::path& csv,
                                  const std::function<void(std::uintmax_t, std::uintmax_t)>& progress) {
    ImportReport report;
    if (readOnly_) return report;
    std::error_code ec;
    const auto key = fs::absolute(csv, ec).lexically_normal().string();
    try {
        const auto size = fs::file_size(csv, ec);
        if (ec) return report; // no history.csv: nothing to import
        std::optional<std::int64_t> done;
        {
            SQLite::Statement seen(*db_, "SELECT bytes FROM imports WHERE path = ?");
            seen.bind(1, key);
            if (seen.executeStep()) done = seen.getColumn(0).getInt64();
        }
        // Read from where the last import stopped; a file that shrank was replaced: read it
        // all (rows already here are not added twice).
        std::uintmax_t from = done && *done >= 0 && static_cast<std::uintmax_t>(*done) <= size ? *done : 0;
        if (done && *done >= 0 && from == size) return report;
        report.ran = true;
        if (size - from > kMaxImportBytes) {
            report.problems.push_back(
                csv.string() + ":1: error: " +
                format(_("over {0} MiB: not a history file; not imported"), {std::to_string(kMaxImportBytes >> 20)}));
            return report;
        }
        if (progress) progress(from, size);
        std::ifstream in(csv, std::ios::binary);
        std::string line;
        Columns columns;
        // Rows are inserted as they are read, so memory stays one line whatever the file's size.
        SQLite::Transaction t(*db_, SQLite::TransactionBehavior::IMMEDIATE);
        // The test for a row already here, by an index on all it compares: by the start time
        // alone, a file whose rows share one time (30,000 of them) took minutes, each row
        // scanning all before it. An index, not a schema change: any Unknot reads the file as
        // before, and one made before this gets it at its next import.
        db_->exec("CREATE INDEX IF NOT EXISTS sessions_seen ON sessions(started_at, routine_id, done_ms)");
        SQLite::Statement already(*db_, "SELECT 1 FROM sessions WHERE started_at = ? AND routine_id = ? AND "
                                        "done_ms = ? LIMIT 1");
        std::uintmax_t at = 0; // where the line just read started
        for (int number = 1; std::getline(in, line); ++number) {
            const std::uintmax_t start = at;
            const bool ended = !in.eof();
            at += line.size() + (ended ? 1 : 0);
            if (progress && number % 4096 == 0) progress(at, size);
            if (line.empty() || line == "\r") continue;
            auto fields = csvLine(line);
            if (number == 1)
                if (auto* f = std::get_if<std::vector<std::string>>(&fields))
                    if (auto named = columnsFrom(*f)) {
                        columns = *named;
                        continue;
                    }
            if (start < from) continue; // imported before
            if (auto* error = std::get_if<std::string>(&fields)) {
                report.problems.push_back(csv.string() + ":" + std::to_string(number) + ": error: " + *error);
                continue;
            }
            auto parsed = parseLine(std::get<std::vector<std::string>>(fields), columns);
            if (auto* error = std::get_if<std::string>(&parsed)) {
                report.problems.push_back(csv.string() + ":" + std::to_string(number) + ": error: " + *error);
                continue;
            }
            const auto& p = std::get<HistoryRecord>(parsed);
            already.reset();
            already.bind(1, static_cast<std::int64_t>(p.startedAt));
            already.bind(2, p.routineId);
            already.bind(3, static_cast<std::int64_t>(p.doneMs));
            if (already.executeStep()) continue;
            insertSession(*db_, p, {}, p.skippedPhases);
            ++report.imported;
        }
        // When it was imported, for whoever reads the database: SQLite stamps the row itself.
        SQLite::Statement mark(*db_, "INSERT INTO imports(path, at, sessions, bytes) "
                                     "VALUES(?, CAST(strftime('%s', 'now') AS INTEGER), ?, ?) "
                                     "ON CONFLICT(path) DO UPDATE SET at = excluded.at, "
                                     "sessions = sessions + excluded.sessions, bytes = excluded.bytes");
        mark.bind(1, key);
        mark.bind(2, report.imported);
        mark.bind(3, static_cast<std::int64_t>(std::max(at, from)));
        mark.exec();
        t.commit();
        if (progress) progress(size, size);
    } catch (const std::exception& e) {
        report.problems.push_back(csv.string() +
                                  ": error: " + format(_("not imported: {0}"), {storageError(e, file_, db_.get())}));
        report.imported = 0;
    }
    return report;
}

// -- trends -------------------------------------------------------------------------------------

namespace {
// Week sums, oldest first. Check-ins come in time order (the history reads them oldest first):
// the last week is the one added to, or a new one after it, so ten years of them cost no tree
// (History opens in under 100 ms); an earlier week is put in its place.
struct WeekSums {
    std::vector<WeekAverage> weeks; // sum in `average` until done()
    void add(std::int64_t week, int score) {
        WeekAverage* at = nullptr;
        if (!weeks.empty() && weeks.back().weekStart == week) {
            at = &weeks.back();
        } else if (weeks.empty() || weeks.back().weekStart < week) {
            at = &weeks.emplace_back(WeekAverage{week, 0, 0});
        } else { // an earlier week: its place, kept in order
            auto it = std::lower_bound(weeks.begin(), weeks.end(), week,
                                       [](const WeekAverage& w, std::int64_t start) { return w.weekStart < start; });
            if (it == weeks.end() || it->weekStart != week) it = weeks.insert(it, WeekAverage{week, 0, 0});
            at = &*it;
        }
        at->average += score;
        at->count += 1;
    }
    std::vector<WeekAverage> done() {
        for (auto& w : weeks) w.average /= w.count;
        return std::move(weeks);
    }
};
} // namespace

std::vector<AreaTrend> trends(const std::vector<CheckIn>& checkIns, std::int64_t since) {
    const auto sideOrder = [](Side s) { return s == Side::Left ? 0 : s == Side::Right ? 1 : 2; };
    // An area and side each: a few, looked for in a list without copying the area.
    struct Acc {
        std::string area;
        Side side = Side::None;
        WeekSums weeks, before, after;
        struct InSession {
            std::int64_t session;
            CheckInMoment moment;
            int score;
        };
        std::vector<InSession> inSessions; // in the order given: sessions' ids grow with time
        int count = 0;
    };
    std::vector<Acc> acc;
    std::size_t last = 0;
    for (const CheckIn& c : checkIns) {
        if (c.at < since) continue;
        if (last >= acc.size() || acc[last].side != c.side || acc[last].area != c.area) {
            last = 0;
            while (last < acc.size() && (acc[last].side != c.side || acc[last].area != c.area)) ++last;
            if (last == acc.size()) acc.push_back(Acc{c.area, c.side, {}, {}, {}, {}, 0});
        }
        Acc& a = acc[last];
        const std::int64_t week = weekStartOf(c.at);
        a.weeks.add(week, c.score);
        if (c.moment != CheckInMoment::Standalone)
            (c.moment == CheckInMoment::Before ? a.before : a.after).add(week, c.score);
        ++a.count;
        if (c.sessionId) a.inSessions.push_back({*c.sessionId, c.moment, c.score});
    }
    std::sort(acc.begin(), acc.end(), [&](const Acc& x, const Acc& y) {
        return x.area != y.area ? x.area < y.area : sideOrder(x.side) < sideOrder(y.side);
    });
    std::vector<AreaTrend> out;
    for (Acc& a : acc) {
        AreaTrend t;
        t.area = a.area;
        t.side = a.side;
        t.checkIns = a.count;
        t.weeks = a.weeks.done();
        t.before = a.before.done();
        t.after = a.after.done();
        // Each session's last before and last after (in the order given), then the mean change.
        auto& in = a.inSessions;
        const auto bySession = [](const Acc::InSession& x, const Acc::InSession& y) { return x.session < y.session; };
        if (!std::is_sorted(in.begin(), in.end(), bySession)) std::stable_sort(in.begin(), in.end(), bySession);
        double change = 0;
        int pairs = 0;
        for (std::size_t i = 0; i < in.size();) {
            std::optional<int> before, after;
            std::size_t j = i;
            for (; j < in.size() && in[j].session == in[i].session; ++j) {
                if (in[j].moment == CheckInMoment::Before) before = in[j].score;
                if (in[j].moment == CheckInMoment::After) after = in[j].score;
            }
            if (before && after) {
                change += *after - *before;
                ++pairs;
            }
            i = j;
        }
        if (pairs > 0) t.beforeToAfterChange = change / pairs;
        out.push_back(std::move(t));
    }
    return out;
}

std::string describeTrend(const AreaTrend& t) {
    const std::string who = shownArea(t.side, t.area);
    // TRANSLATORS: a trend's title in History and Today: {0} an area with its side ("left heel").
    if (t.weeks.empty()) return format(_("{0}: no check-ins"), {who});
    const auto& first = t.weeks.front();
    const auto& last = t.weeks.back();
    const auto span = (last.weekStart - first.weekStart) / (7 * 86'400) + 1;
    const auto average = [](double v) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.1f", v);
        return withDecimalSign(buf);
    };
    if (span <= 1)
        // TRANSLATORS: a trend's title: {0} an area with its side, {1} its average score in the one week.
        return format(_("{0}: {1} (1 week)"), {who, average(first.average)});
    // TRANSLATORS: a trend's title: {0} an area with its side, {1} → {2} its average score in the
    // first week and in the last, {3} the number of weeks.
    return format(n_("{0}: {1} \xE2\x86\x92 {2} over {3} week", "{0}: {1} \xE2\x86\x92 {2} over {3} weeks",
                     static_cast<unsigned long>(span)),
                  {who, average(first.average), average(last.average), std::to_string(span)});
}

} // namespace unknot
