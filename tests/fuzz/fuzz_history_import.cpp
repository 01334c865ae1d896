// libFuzzer target: any bytes as history.csv, through the importer the app runs at start
// (HistoryDb::importCsv, into a new database), read back as the History screen reads it.
// Importing must never crash, hang or overflow (UBSan); every good line is one session (a line
// already imported is not added twice), every bad one one problem, exactly as parseHistoryCsv
// (the tests' reader) counts them; a second import adds nothing; no session claims a negative
// time, and adding up weeks and streaks over them stays sane.
// Build and run: tests/fuzz/run.sh (the fuzz preset, clang's libFuzzer); CI runs it.
#include "store/history_db.hpp"
#include "store/user_files.hpp"
#include "work_folder.hpp"

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <string_view>
#include <tuple>

namespace fs = std::filesystem;

namespace {
const fs::path& workFolder() {
    static const unknot::fuzz::WorkFolder folder("import");
    return folder.path();
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const fs::path folder = workFolder();
    const fs::path csv = folder / "history.csv", dbFile = folder / "unknot.db";
    std::error_code ec;
    for (const char* name : {"unknot.db", "unknot.db-wal", "unknot.db-shm"}) fs::remove(folder / name, ec);
    {
        std::ofstream out(csv, std::ios::binary | std::ios::trunc);
        out.write(text.data(), static_cast<std::streamsize>(text.size()));
    }
    auto opened = unknot::HistoryDb::open(dbFile);
    auto* db = std::get_if<std::unique_ptr<unknot::HistoryDb>>(&opened);
    if (!db) std::abort(); // a new database in a private folder always opens
    const auto report = (*db)->importCsv(csv);
    const auto rows = (*db)->read();
    if (!rows.error.empty()) std::abort();

    // The same file as the tests' reader sees it: as many problems, and one session per
    // distinct (start, routine, time done), the importer's test for a row already there.
    const auto expected = unknot::parseHistoryCsv(text, csv.string());
    std::set<std::tuple<std::int64_t, std::string, std::int64_t>> distinct;
    for (const auto& r : expected.sessions) distinct.emplace(r.startedAt, r.routineId, r.doneMs);
    if (report.problems.size() != expected.problems.size()) std::abort();
    if (static_cast<std::size_t>(report.imported) != distinct.size() || rows.sessions.size() != distinct.size())
        std::abort();
    if ((*db)->importCsv(csv).imported != 0) std::abort(); // nothing new the second time

    std::vector<unknot::HistoryRecord> records;
    for (const auto& s : rows.sessions) {
        if (s.record.doneMs < 0 || s.record.plannedMs < 0 || s.record.startedAt < 0) std::abort();
        records.push_back(s.record);
    }
    constexpr std::int64_t kNow = 1'790'000'000; // 2026
    for (double minutes : unknot::minutesPerWeek(records, kNow))
        if (minutes < 0) std::abort();
    if (unknot::streakDays(records, kNow) < 0) std::abort();
    return 0;
}
