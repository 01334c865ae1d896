// libFuzzer target: any bytes as unknot.db, opened as the History screen and `unknot history`
// open it (read-only) and as the window opens it (for writing, migrating an older schema),
// read, summed into trends, and written to. A damaged, foreign or newer file must be an error
// or a read-only history, never a crash, a hang or an exception out of the reader; a read that
// fails says why.
//   UNKNOT_FUZZ_WRITE_SEEDS=DIR fuzz_history_db   writes seed databases (made by this Unknot:
//   in WAL mode or not, and one from a newer Unknot) into DIR and exits: tests/fuzz/run.sh does.
// Build and run: tests/fuzz/run.sh (the fuzz preset, clang's libFuzzer); CI runs it.
#include "store/history_db.hpp"
#include "work_folder.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string_view>

namespace fs = std::filesystem;

namespace {
const fs::path& workFolder() {
    static const unknot::fuzz::WorkFolder folder("db");
    return folder.path();
}

void removeDb(const fs::path& file) {
    std::error_code ec;
    for (const char* tail : {"", "-wal", "-shm", "-journal"}) fs::remove(file.string() + tail, ec);
}

// A database this Unknot wrote, with a session and a check-in, as one file (no WAL beside it),
// marked as written in WAL mode or not, with the schema version given.
void writeSeed(const fs::path& file, int userVersion, bool wal) {
    removeDb(file);
    {
        auto opened = unknot::HistoryDb::open(file);
        auto& db = *std::get<std::unique_ptr<unknot::HistoryDb>>(opened);
        unknot::HistoryRecord r;
        r.startedAt = 1'780'000'000;
        r.routineId = "calf-raises";
        r.routineName = "Calf raises";
        r.plannedMs = 600'000;
        r.doneMs = 300'000;
        const auto id = std::get<std::int64_t>(db.addSession(r, "content", 2, "key-1"));
        unknot::CheckIn c;
        c.at = r.startedAt + 600;
        c.area = "heel";
        c.side = unknot::Side::Left;
        c.score = 4;
        c.moment = unknot::CheckInMoment::After;
        c.sessionId = id;
        c.note = "stiff";
        if (db.addCheckIn(c, "key-2")) std::abort();
        db.connection().exec("PRAGMA wal_checkpoint(TRUNCATE)");
        if (userVersion != unknot::HistoryDb::kSchemaVersion)
            db.connection().exec("PRAGMA user_version = " + std::to_string(userVersion));
        if (!wal) db.connection().exec("PRAGMA journal_mode = DELETE");
    }
    std::error_code ec;
    for (const char* tail : {"-wal", "-shm"}) fs::remove(file.string() + tail, ec);
}

void exercise(const fs::path& file) {
    for (const auto access : {unknot::HistoryAccess::Read, unknot::HistoryAccess::Write}) {
        auto opened = unknot::HistoryDb::open(file, access, 0);
        if (auto* error = std::get_if<std::string>(&opened)) {
            if (error->empty()) std::abort(); // an error says what is wrong
            continue;
        }
        auto& db = *std::get<std::unique_ptr<unknot::HistoryDb>>(opened);
        const auto rows = db.read();
        if (!rows.error.empty() && (!rows.sessions.empty() || !rows.checkIns.empty()))
            std::abort(); // all of it, or nothing and why
        for (const auto& trend : unknot::trends(rows.checkIns)) (void)unknot::describeTrend(trend);
        (void)db.schemaVersion();
        if (access == unknot::HistoryAccess::Write && !db.readOnlyReason()) {
            unknot::HistoryRecord r;
            r.startedAt = 1'790'000'000;
            r.routineId = "fuzz";
            r.routineName = "Fuzz";
            r.plannedMs = r.doneMs = 60'000;
            (void)db.addSession(r, "c", 0, "fuzz-key");
            unknot::CheckIn c;
            c.at = r.startedAt;
            c.area = "knee";
            c.score = 3;
            (void)db.addCheckIn(c, "fuzz-key-2");
            (void)db.sessionOf("fuzz-key");
            (void)db.read();
        }
    }
}
} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    if (const char* dir = std::getenv("UNKNOT_FUZZ_WRITE_SEEDS")) {
        fs::create_directories(dir);
        constexpr int kNow = unknot::HistoryDb::kSchemaVersion;
        writeSeed(fs::path(dir) / "current.db", kNow, false);
        writeSeed(fs::path(dir) / "current-wal.db", kNow, true);
        writeSeed(fs::path(dir) / "newer.db", kNow + 1, false);
        std::exit(0);
    }
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const fs::path file = workFolder() / "unknot.db";
    removeDb(file);
    {
        std::ofstream out(file, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    }
    exercise(file);
    return 0;
}
