#pragma once
// Small text helpers shared by the parser, the library and the command line.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace unknot {

// Edit distance between two ASCII-ish strings (insert, delete, substitute, transpose).
[[nodiscard]] std::size_t editDistance(std::string_view a, std::string_view b);

// The candidates close enough to `word` to be what the user meant, closest first.
[[nodiscard]] std::vector<std::string> closeMatches(std::string_view word, const std::vector<std::string>& candidates,
                                                    std::size_t limit = 3);

// Byte offset of the first byte that is not valid UTF-8, if any.
[[nodiscard]] std::optional<std::size_t> firstInvalidUtf8(std::string_view text);

// 1-based line and column (in code points) of a byte offset.
struct LineColumn {
    int line = 1;
    int column = 1;
};
[[nodiscard]] LineColumn lineColumnAt(std::string_view text, std::size_t offset);

// TOML keys with more parts than this are refused before toml++ sees them: it builds (and
// frees) one nested table per part recursively, and tens of thousands of parts overflow the
// stack. No routine or settings file comes near.
inline constexpr int kMaxTomlKeyParts = 64;
// Where the first table header or dotted key with too many parts starts, if any.
[[nodiscard]] std::optional<LineColumn> firstKeyTooDeep(std::string_view text);

// "a, b or c"
[[nodiscard]] std::string joinOr(const std::vector<std::string>& words);

} // namespace unknot
