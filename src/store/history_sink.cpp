#include "store/history_sink.hpp"

namespace unknot {

namespace fs = std::filesystem;

namespace {
// How long a reader lets another process's write delay the import before it just reads.
constexpr int kReaderImportWaitMs = 200;
} // namespace

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
    return out;
}

HistoryStore::HistoryStore(const fs::path& db, fs::path csv, Reporter& reporter) : csv_(std::move(csv)) {
    OpenedHistory opened = openHistory(db, csv_);
    if (!opened.db) {
        reporter.notice("cannot open the history database (" + opened.error + "); sessions go to " + csv_.string());
        return;
    }
    db_ = std::move(opened.db);
    const ImportReport& r = opened.import;
    if (r.ran) reporter.logf("history import sessions=%d bad_lines=%zu", r.imported, r.problems.size());
    for (const auto& problem : r.problems) reporter.log(problem);
    if (!r.problems.empty())
        reporter.notice(std::to_string(r.problems.size()) + " damaged line(s) of " + csv_.string() +
                        " skipped, the rest imported; the first: " + r.problems.front());
}

std::optional<std::string> HistoryStore::append(const HistoryRecord& record) {
    lastId_.reset();
    if (!db_) return appendHistory(csv_, record);
    auto added = db_->addSession(record, record.contentId, record.skippedPhases);
    if (auto* error = std::get_if<std::string>(&added)) return *error;
    lastId_ = std::get<std::int64_t>(added);
    return std::nullopt;
}

std::optional<std::string> HistoryStore::addCheckIn(const CheckIn& checkIn) {
    if (!db_) return std::string("the history database is not open");
    return db_->addCheckIn(checkIn);
}

} // namespace unknot
