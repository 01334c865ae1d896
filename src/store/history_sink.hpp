#pragma once
// Where finished and stopped sessions and their check-ins go: the history database in the app
// (history.csv when the database cannot be opened), a list in tests.

#include "core/reporter.hpp"
#include "store/history_db.hpp"
#include "store/user_files.hpp"

#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <thread>

namespace unknot {

class HistorySink {
  public:
    virtual ~HistorySink() = default;
    // An error message, or nothing.
    [[nodiscard]] virtual std::optional<std::string> append(const HistoryRecord& record) = 0;
    // The id of the session append() stored last, when the sink gives sessions ids.
    [[nodiscard]] virtual std::optional<std::int64_t> lastSessionId() const { return std::nullopt; }
    // An error message, or nothing.
    [[nodiscard]] virtual std::optional<std::string> addCheckIn(const CheckIn& checkIn) {
        (void)checkIn;
        return std::string("this history keeps no check-ins");
    }
    // Called from the UI loop: a sink that works in the background says here what happened.
    virtual void poll() {}
};

class HistoryFile final : public HistorySink {
  public:
    explicit HistoryFile(std::filesystem::path file) : file_(std::move(file)) {}
    [[nodiscard]] std::optional<std::string> append(const HistoryRecord& record) override {
        return appendHistory(file_, record);
    }
    [[nodiscard]] const std::filesystem::path& file() const { return file_; }

  private:
    std::filesystem::path file_;
};

// The database opened, with history.csv imported into it the first time.
struct OpenedHistory {
    std::unique_ptr<HistoryDb> db; // null when it cannot be opened
    std::string error;             // then why
    ImportReport import;
    int journalApplied = 0; // entries a window kept in unknot.db.pending, written now (-1: some could not be)
};
// The one way the window, the CLI and the history view open the history. Read never waits
// for another process's write: history.csv is imported when the database is free now, and
// the database is read (read-only, under WAL) either way.
[[nodiscard]] OpenedHistory openHistory(const std::filesystem::path& db, const std::filesystem::path& csv,
                                        HistoryAccess access = HistoryAccess::Write);

// The app's history: the database, which imports history.csv at its first start and leaves
// the file where it is. Nothing the user gives it is lost while the database is busy (another
// process holds the write lock), damaged or cannot be opened: each session and check-in is
// first appended to a journal beside the database (`unknot.db.pending`), then written by a
// worker thread when the database is free, retried every kRetryEvery, the database reopened
// whenever opening failed; the journal is emptied once all of it is in, and replayed at the
// next start if the app ended before. The UI thread never waits for SQLite. The user is told
// once that saving is delayed, and again when all is saved (poll()).
class HistoryStore final : public HistorySink {
  public:
    static constexpr std::chrono::milliseconds kRetryEvery{1000};

    HistoryStore(const std::filesystem::path& db, std::filesystem::path csv, Reporter& reporter);
    ~HistoryStore() override;
    HistoryStore(const HistoryStore&) = delete;
    HistoryStore& operator=(const HistoryStore&) = delete;

    // Kept in the journal; an error only when even that cannot be written.
    [[nodiscard]] std::optional<std::string> append(const HistoryRecord& record) override;
    // The session append() kept last: its id once written, a stand-in (negative) until then,
    // which addCheckIn() resolves when it writes the check-in.
    [[nodiscard]] std::optional<std::int64_t> lastSessionId() const override { return lastId_; }
    // checkInProblem() at once; then kept like a session.
    [[nodiscard]] std::optional<std::string> addCheckIn(const CheckIn& checkIn) override;
    // Says what the worker found (import problems, saving delayed, saved) through the reporter.
    void poll() override;

    // Waits until nothing is pending or `timeout` passes; whether nothing is pending (tests).
    [[nodiscard]] bool waitUntilSaved(std::chrono::milliseconds timeout);
    [[nodiscard]] std::size_t pending() const;
    [[nodiscard]] static std::filesystem::path journalOf(const std::filesystem::path& db);

  private:
    struct Shared;
    void work();
    void settle();
    // How long append() and addCheckIn() let the worker write before they return.
    static constexpr std::chrono::milliseconds kSettleWait{300};
    std::unique_ptr<Shared> shared_;
    Reporter& reporter_;
    std::optional<std::int64_t> lastId_;
    std::map<std::int64_t, std::string> standIns_; // a stand-in session id -> its journal key
    std::thread worker_;
};

} // namespace unknot
