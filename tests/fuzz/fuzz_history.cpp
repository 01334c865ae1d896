// libFuzzer target: any bytes as history.csv, through the importer's reader (the one the app
// uses). Reading it and adding up weeks and streaks must never crash, hang or overflow
// (UBSan), and no record may claim a negative time.
// Run with tests/fuzz/run.sh (clang's libFuzzer; not part of CI).
#include "store/history_db.hpp"
#include "store/user_files.hpp"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto records = unknot::parseHistoryCsv(text).sessions;
    for (const auto& r : records)
        if (r.doneMs < 0 || r.plannedMs < 0) std::abort();
    constexpr std::int64_t kNow = 1'790'000'000; // 2026
    for (double minutes : unknot::minutesPerWeek(records, kNow))
        if (minutes < 0) std::abort();
    if (unknot::streakDays(records, kNow) < 0) std::abort();
    return 0;
}
