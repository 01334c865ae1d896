// libFuzzer target: any bytes as unknot.db.pending, the journal a window keeps of the sessions
// and check-ins it could not write yet (store/history_journal.cpp), replayed as `unknot history`
// and the next window replay it: openHistory applies it to a new database.
// Every entry the reader accepts is written back as a line that reads as the same entry, and
// every other line is damaged, none lost. On a database nobody else holds, every entry is
// written and the journal emptied, its damaged lines kept beside it: a line that cannot be
// written must never hold back the lines after it (they would wait forever, "saving delayed"
// at every start); what is written obeys the history's rules (scores 0 to 10, areas and notes
// as checkInProblem allows); reading and trends stay sane.
// Build and run: tests/fuzz/run.sh (the fuzz preset, clang's libFuzzer); CI runs it.
#include "store/history_db.hpp"
#include "store/history_journal.hpp"
#include "store/history_sink.hpp"
#include "work_folder.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

namespace fs = std::filesystem;

namespace {
const fs::path& workFolder() {
    static const unknot::fuzz::WorkFolder folder("journal");
    return folder.path();
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const fs::path folder = workFolder();
    const fs::path dbFile = folder / "unknot.db", csv = folder / "history.csv";
    const fs::path journal = unknot::HistoryStore::journalOf(dbFile);
    const fs::path damaged = journal.string() + ".damaged";

    const auto read = unknot::readJournal(text);
    std::size_t lines = 0;
    for (std::size_t at = 0; at < text.size(); at = std::min(text.find('\n', at), text.size()) + 1)
        lines += text[at] == '\n' ? 0 : 1;
    if (read.entries.size() + read.damaged.size() != lines) std::abort(); // every line is one or the other
    for (const auto& e : read.entries) {
        const std::string line = unknot::journalLine(e);
        const auto back = unknot::parseJournalLine(std::string_view(line).substr(0, line.size() - 1));
        if (!back || unknot::journalLine(*back) != line) std::abort(); // read back as written
        if (!e.session && unknot::checkInProblem(e.checkIn)) std::abort();
    }

    std::error_code ec;
    for (const char* name : {"unknot.db", "unknot.db-wal", "unknot.db-shm", "unknot.db.pending.damaged"})
        fs::remove(folder / name, ec);
    {
        std::ofstream out(journal, std::ios::binary | std::ios::trunc);
        out.write(text.data(), static_cast<std::streamsize>(text.size()));
    }
    auto opened = unknot::openHistory(dbFile, csv);
    if (!opened.db) std::abort();                // a new database in a private folder always opens
    if (opened.journalApplied < 0) std::abort(); // nobody holds it: nothing may wait
    if (fs::file_size(journal, ec) != 0 && !text.empty()) std::abort(); // all in: emptied
    std::size_t kept = 0;                                               // the damaged lines, beside it
    {
        std::ifstream in(damaged, std::ios::binary);
        for (std::string line; std::getline(in, line);) ++kept;
    }
    if (kept != read.damaged.size()) std::abort();
    const auto rows = opened.db->read();
    if (!rows.error.empty()) std::abort();
    if (opened.journalApplied != static_cast<int>(read.entries.size())) std::abort();
    // A key written twice is one row.
    if (rows.sessions.size() + rows.checkIns.size() > read.entries.size()) std::abort();
    for (const auto& c : rows.checkIns)
        if (unknot::checkInProblem(c)) std::abort();
    std::vector<unknot::HistoryRecord> records;
    for (const auto& s : rows.sessions) records.push_back(s.record);
    constexpr std::int64_t kNow = 1'790'000'000; // 2026
    (void)unknot::minutesPerWeek(records, kNow);
    (void)unknot::streakDays(records, kNow);
    return 0;
}
