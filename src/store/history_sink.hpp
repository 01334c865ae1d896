#pragma once
// Where finished and stopped sessions and their check-ins go: the history database in the app
// (history.csv when the database cannot be opened), a list in tests.

#include "core/reporter.hpp"
#include "store/history_db.hpp"
#include "store/user_files.hpp"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

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
};
// The one way the window, the CLI and the history view open the history. Read never waits
// for another process's write: history.csv is imported when the database is free now, and
// the database is read (read-only, under WAL) either way.
[[nodiscard]] OpenedHistory openHistory(const std::filesystem::path& db, const std::filesystem::path& csv,
                                        HistoryAccess access = HistoryAccess::Write);

// The app's history: the database, which imports history.csv at its first start and leaves
// the file where it is. When the database cannot be opened the sessions still go to
// history.csv (check-ins cannot), so none is lost; the reporter says so.
class HistoryStore final : public HistorySink {
  public:
    HistoryStore(const std::filesystem::path& db, std::filesystem::path csv, Reporter& reporter);
    [[nodiscard]] std::optional<std::string> append(const HistoryRecord& record) override;
    [[nodiscard]] std::optional<std::int64_t> lastSessionId() const override { return lastId_; }
    [[nodiscard]] std::optional<std::string> addCheckIn(const CheckIn& checkIn) override;

  private:
    std::unique_ptr<HistoryDb> db_;
    std::filesystem::path csv_;
    std::optional<std::int64_t> lastId_;
};

} // namespace unknot
