#pragma once
// Rules a routine file shares with other parts: what may name a check-in area (the history
// stores areas by the same rule) and what a step's `say` text may hold (the phrase plan fills
// the placeholders in). Here, so the parser needs nothing beyond the routine's own folder.

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace unknot {

inline constexpr std::size_t kMaxAreaBytes = 64;

// Why `area` cannot name an area ("heel", "lower back", "IT band"), or nothing: a letter first,
// then letters (any script), digits, spaces, hyphens and apostrophes, at most kMaxAreaBytes.
// Routine files' check_in lists and the history's check-ins follow it.
[[nodiscard]] std::optional<std::string> areaProblem(std::string_view area);

// The placeholders a step's `say` may hold, as {label}, {side}, …
inline constexpr std::array<std::string_view, 6> kSayPlaceholders = {"label", "side",   "duration",
                                                                     "round", "rounds", "next"};

// The first mistake in a `say` text (an unknown placeholder, a brace left open), with its byte
// offset in the text; nothing when it is fine.
struct SayTemplateError {
    std::size_t offset = 0;
    std::string message;
};
[[nodiscard]] std::optional<SayTemplateError> checkSayTemplate(std::string_view text);

} // namespace unknot
