#pragma once
// Reads routine files (TOML, documented in docs/routines.md) into the Routine model,
// reporting every problem with its line and column instead of stopping at the first.

#include "core/diagnostic.hpp"
#include "routine/routine.hpp"

#include <filesystem>
#include <string_view>

namespace unknot {

struct ParsedRoutine {
    Routine routine;         // as much as could be read, even when invalid (for previews)
    Diagnostics diagnostics; // sorted by position; empty when the routine can play
    [[nodiscard]] bool valid() const { return diagnostics.empty(); }
};

// Files larger than this are refused before parsing: no routine comes close.
inline constexpr std::uintmax_t kMaxRoutineFileBytes = 4u << 20;

// At most this many problems are reported per file, then how many more there were: 400,000
// unknown keys made 400,000 messages (11 to 20 s), and nobody reads past the first screen.
inline constexpr std::size_t kMaxDiagnostics = 100;

// `path` is only used in diagnostics.
[[nodiscard]] ParsedRoutine parseRoutine(std::string_view text, std::string_view path);

// Reads and parses a file; an unreadable file is a diagnostic at 1:1, never an exception.
[[nodiscard]] ParsedRoutine loadRoutineFile(const std::filesystem::path& file);

} // namespace unknot
