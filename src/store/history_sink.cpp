#include "store/history_sink.hpp"

#include "core/i18n.hpp"
#include "store/history_journal.hpp"

#include <algorithm>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <fstream>
#include <mutex>
#include <random>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace unknot {

namespace fs = std::filesystem;

namespace {
// How long a reader lets another process's write delay the import before it just reads.
constexpr int kReaderImportWaitMs = 200;
// The worker's wait for another process's lock before it tries again later: short, so that
// closing the window is not held up by it.
constexpr int kWorkerBusyTimeoutMs = 1000;
// A history.csv this large (about 20,000 sessions) has its first-start import's progress told.
constexpr std::uintmax_t kImportProgressFromBytes = 1u << 20;
} // namespace

namespace {
int applyJournal(HistoryDb& db, const fs::path& journal);
}

OpenedHistory openHistory(const fs::path& db, const fs::path& csv, HistoryAccess access) {
    OpenedHistory out;
    const bool reading = access == HistoryAccess::Read;
    auto opened = HistoryDb::open(db, HistoryAccess::Write, reading ? kReaderImportWaitMs : HistoryDb::kBusyTimeoutMs);
    if (reading && std::holds_alternative<std::string>(opened)) opened = HistoryDb::open(db, HistoryAccess::Read);
    if (auto* error = std::get_if<std::string>(&opened)) {
        out.error = *error;
        return out;
    }
    out.db = std::move(std::get<std::unique_ptr<HistoryDb>>(opened));
    out.import = out.db->importCsv(csv);
    // What a window kept and could not write yet (it may have ended since): written now.
    if (!out.db->readOnlyReason()) out.journalApplied = applyJournal(*out.db, HistoryStore::journalOf(db));
    return out;
}

// -- the journal (store/history_journal.hpp) ---------------------------------------------------
namespace {

using Entry = JournalEntry;

// Damaged lines of the journal (history_journal.hpp) are kept beside it, never written, never
// dropped: whoever replays the journal appends them here before emptying it.
fs::path damagedOf(const fs::path& journal) { return fs::path(journal.string() + ".damaged"); }

void keepDamaged(const fs::path& journal, const std::vector<std::string>& lines) {
    if (lines.empty()) return;
    std::string text;
    for (const auto& l : lines) text += l + '\n';
    const int fd = ::open(damagedOf(journal).c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600); // health data
    if (fd < 0) return;
    if (::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size())) ::fdatasync(fd);
    ::close(fd);
}

// Writes one entry; an error message when it cannot now.
std::optional<std::string> writeEntry(HistoryDb& db, Entry e) {
    if (e.session) {
        auto added = db.addSession(e.record, e.record.contentId, e.record.skippedPhases, e.key);
        if (auto* message = std::get_if<std::string>(&added)) return *message;
        return std::nullopt;
    }
    if (!e.sessionKey.empty()) e.checkIn.sessionId = db.sessionOf(e.sessionKey);
    // A session that is not in this database (the journal replayed into a new one, the file
    // replaced meanwhile) would fail the foreign key at every try, and hold back every write
    // after it: the check-in is kept without it, what the user answered is not lost.
    if (e.checkIn.sessionId && db.hasSession(*e.checkIn.sessionId) == false) e.checkIn.sessionId.reset();
    return db.addCheckIn(e.checkIn, e.key);
}

// Empties the journal, under its lock so no line is appended meanwhile.
void emptyJournal(const fs::path& journal) {
    const int fd = ::open(journal.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd < 0) return;
    ::flock(fd, LOCK_EX);
    if (::ftruncate(fd, 0) == 0) ::fdatasync(fd);
    ::close(fd);
}

// Writes every entry of the journal (each once, by its key) and empties it when all are in;
// how many were written, -1 when some could not be (they stay for later).
int applyJournal(HistoryDb& db, const fs::path& journal) {
    const int fd = ::open(journal.c_str(), O_RDWR | O_CLOEXEC);
    if (fd < 0) return 0;
    ::flock(fd, LOCK_EX);
    std::string text;
    char buf[65536];
    for (ssize_t n; (n = ::read(fd, buf, sizeof buf)) > 0;) text.append(buf, static_cast<std::size_t>(n));
    JournalRead read = readJournal(text);
    int written = 0;
    bool all = true;
    for (auto& e : read.entries) {
        if (writeEntry(db, std::move(e))) {
            all = false; // busy: the rest waits too, rather than each waiting its timeout
            break;
        }
        ++written;
    }
    if (all && !text.empty()) {
        keepDamaged(journal, read.damaged);
        if (::ftruncate(fd, 0) == 0) ::fdatasync(fd);
    }
    ::close(fd);
    return all ? written : -1;
}

std::string newKey() {
    static std::mt19937_64 random{std::random_device{}()};
    char buf[40];
    std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(random()),
                  static_cast<unsigned long long>(random()));
    return buf;
}

} // namespace

struct HistoryStore::Shared {
    fs::path db, csv, journal;
    std::mutex m;
    std::condition_variable wake;  // the worker: something to write, or stop
    std::condition_variable saved; // waitUntilSaved: the queue is empty and written
    std::deque<Entry> queue;       // kept in the journal, not yet in the database
    std::vector<Notice> notices;
    std::vector<std::string> logs;
    bool open = false;    // the worker has the database open
    bool delayed = false; // the user was told saving is delayed, and not yet that it is done
    bool stop = false;
};

fs::path HistoryStore::journalOf(const fs::path& db) { return fs::path(db.string() + ".pending"); }

HistoryStore::HistoryStore(const fs::path& db, fs::path csv, Reporter& reporter)
    : shared_(std::make_unique<Shared>()), reporter_(reporter) {
    shared_->db = db;
    shared_->csv = std::move(csv);
    shared_->journal = journalOf(db);
    // What the last run kept and could not write: written first; its damaged lines kept aside.
    std::ifstream in(shared_->journal, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    JournalRead read = readJournal(text);
    for (auto& e : read.entries) shared_->queue.push_back(std::move(e));
    if (!shared_->queue.empty() || !read.damaged.empty())
        reporter_.logf("history journal replayed entries=%zu damaged=%zu", shared_->queue.size(), read.damaged.size());
    if (!read.damaged.empty()) {
        keepDamaged(shared_->journal, read.damaged);
        shared_->notices.push_back(
            {format(_("{0} damaged line(s) of {1} cannot be saved to the history"),
                    {std::to_string(read.damaged.size()), shared_->journal.string()}),
             damagedOf(shared_->journal).string(),
             _("They are kept in that file as they were; what they held can be entered again (H, Check in now)")});
    }
    worker_ = std::thread([this] { work(); });
}

HistoryStore::~HistoryStore() {
    {
        std::lock_guard lock(shared_->m);
        shared_->stop = true;
    }
    shared_->wake.notify_all();
    worker_.join();
}

namespace {
// Appends one line and makes it durable; an error message when it cannot.
std::optional<std::string> appendLine(const fs::path& file, const std::string& line) {
    std::error_code ec;
    fs::create_directories(file.parent_path().empty() ? fs::path(".") : file.parent_path(), ec);
    const int fd = ::open(file.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) return file.string() + ": " + std::strerror(errno);
    ::flock(fd, LOCK_EX); // applyJournal() in another process reads and empties it whole
    const bool ok = ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size()) && ::fdatasync(fd) == 0;
    const int error = errno;
    ::close(fd);
    if (!ok) return file.string() + ": " + std::strerror(error);
    return std::nullopt;
}
} // namespace

std::optional<std::string> HistoryStore::append(const HistoryRecord& record) {
    Entry e;
    e.key = newKey();
    e.record = record;
    {
        std::lock_guard lock(shared_->m);
        if (auto error = appendLine(shared_->journal, journalLine(e)))
            return format(_("cannot keep the session to save it ({0})"), {*error});
        shared_->queue.push_back(e);
    }
    shared_->wake.notify_all();
    settle();
    // A stand-in id for the check-ins that follow, resolved to the row when they are written.
    static std::int64_t nextStandIn = -1;
    lastId_ = nextStandIn--;
    standIns_[*lastId_] = e.key;
    return std::nullopt;
}

std::optional<std::string> HistoryStore::addCheckIn(const CheckIn& checkIn) {
    if (auto problem = checkInProblem(checkIn)) return problem;
    Entry e;
    e.session = false;
    e.key = newKey();
    e.checkIn = checkIn;
    if (checkIn.sessionId && *checkIn.sessionId < 0) {
        const auto it = standIns_.find(*checkIn.sessionId);
        if (it != standIns_.end()) e.sessionKey = it->second;
        e.checkIn.sessionId.reset();
    }
    {
        std::lock_guard lock(shared_->m);
        if (auto error = appendLine(shared_->journal, journalLine(e)))
            return format(_("cannot keep the check-in to save it ({0})"), {*error});
        shared_->queue.push_back(std::move(e));
    }
    shared_->wake.notify_all();
    settle();
    return std::nullopt;
}

void HistoryStore::settle() {
    // A free database takes a few milliseconds: what the user opens next (History) shows the
    // row. A busy one is not waited for: the user was told saving is delayed.
    std::unique_lock lock(shared_->m);
    if (shared_->delayed) return;
    shared_->saved.wait_for(lock, kSettleWait, [&] { return shared_->queue.empty() || shared_->delayed; });
}

void HistoryStore::poll() {
    std::vector<Notice> notices;
    std::vector<std::string> logs;
    {
        std::lock_guard lock(shared_->m);
        notices.swap(shared_->notices);
        logs.swap(shared_->logs);
    }
    for (const auto& l : logs) reporter_.log(l);
    for (const auto& n : notices) reporter_.notice(n);
}

bool HistoryStore::waitUntilSaved(std::chrono::milliseconds timeout) {
    std::unique_lock lock(shared_->m);
    return shared_->saved.wait_for(lock, timeout, [&] { return shared_->open && shared_->queue.empty(); });
}

std::size_t HistoryStore::pending() const {
    std::lock_guard lock(shared_->m);
    return shared_->queue.size();
}

void HistoryStore::work() {
    Shared& s = *shared_;
    std::unique_ptr<HistoryDb> db;
    std::string lastError;
    std::unique_lock lock(s.m);
    const auto delay = [&](const std::string& why) {
        if (!s.delayed) {
            s.delayed = true;
            s.notices.push_back(
                {format(_("cannot save to the history now ({0}); what you record is kept in {1} and saved as soon "
                          "as it can be"),
                        {why, s.journal.string()}),
                 s.journal.string(),
                 _("Nothing is lost: it is saved by itself, and you are told then. If this lasts, free some disk space "
                   "or close what holds the database (another Unknot, a backup, an SQLite browser)")});
        }
        s.logs.push_back("history save delayed: " + why);
        s.saved.notify_all(); // settle() stops waiting
    };
    while (!s.stop) {
        if (!db) {
            lock.unlock();
            auto opened = HistoryDb::open(s.db, HistoryAccess::Write, kWorkerBusyTimeoutMs);
            ImportReport import;
            std::string error;
            if (auto* e = std::get_if<std::string>(&opened)) {
                error = *e;
            } else {
                db = std::move(std::get<std::unique_ptr<HistoryDb>>(opened));
                if (db->readOnlyReason()) {
                    error = *db->readOnlyReason();
                    db.reset();
                } else {
                    // A large history.csv (years of sessions) takes seconds at the first start:
                    // the window says how far it is, each tenth of the file.
                    int tenthsTold = -1;
                    import = db->importCsv(s.csv, [&](std::uintmax_t read, std::uintmax_t total) {
                        if (total < kImportProgressFromBytes) return;
                    const int tenths = static_cast<int>(std::min<std::uintmax_t>(read * 10 / total, 10));
                    if (tenths == tenthsTold || tenths == 10) return; // the end is told with the result
                    tenthsTold = tenths;
                    std::lock_guard told(s.m);
                    s.notices.push_back({format(_("importing {0} into the history: {1} %"),
                                                {s.csv.string(), std::to_string(tenths * 10)}),
                                         s.csv.string(), _("Nothing to do: the window works meanwhile"),
                                         "history import"});
                    s.logs.push_back("history import progress percent=" + std::to_string(tenths * 10));
                });
                if (import.ran && tenthsTold >= 0 && import.problems.empty()) {
                    std::lock_guard told(s.m);
                    s.notices.push_back({format(n_("{0} session imported from {1}", "{0} sessions imported from {1}",
                                                   static_cast<unsigned long>(import.imported)),
                                                {std::to_string(import.imported), s.csv.string()}),
                                         s.csv.string(), _("Nothing to do: they are in the history (H)"),
                                         "history import"});
                }
                }
            }
            lock.lock();
            if (!db) {
                delay(format(_("cannot open the history database: {0}"), {error}));
                s.wake.wait_for(lock, kRetryEvery, [&] { return s.stop; });
                continue;
            }
            s.open = true;
            if (import.ran)
                s.logs.push_back("history import sessions=" + std::to_string(import.imported) +
                                 " bad_lines=" + std::to_string(import.problems.size()));
            for (const auto& p : import.problems) s.logs.push_back(p);
            if (!import.problems.empty())
                s.notices.push_back(
                    {format(_("{0} damaged line(s) of {1} skipped, the rest imported; the first: {2}"),
                            {std::to_string(import.problems.size()), s.csv.string(), import.problems.front()}),
                     s.csv.string(),
                     _("Correct those lines in the file if they matter (`unknot --verbose` lists "
                       "each), then start Unknot again: lines added to the file are imported"),
                     "history import"});
        }
        if (s.queue.empty()) {
            // All in: the journal is emptied under the lock, so no line is appended meanwhile.
            std::error_code ec;
            if (fs::file_size(s.journal, ec) > 0 && !ec) emptyJournal(s.journal);
            if (s.delayed) {
                s.delayed = false;
                s.notices.push_back(
                    {_("everything you recorded is saved to the history now"), {}, _("Nothing to do"), {}});
            }
            s.saved.notify_all();
            s.wake.wait(lock, [&] { return s.stop || !s.queue.empty(); });
            continue;
        }
        Entry e = s.queue.front();
        lock.unlock();
        const std::optional<std::string> error = writeEntry(*db, std::move(e));
        lock.lock();
        if (!error) {
            s.queue.pop_front();
            continue;
        }
        delay(*error);
        db.reset(); // reopened at the next try: the file may have been replaced or repaired
        s.open = false;
        s.wake.wait_for(lock, kRetryEvery, [&] { return s.stop; });
    }
}

} // namespace unknot
