#pragma once
// Reads program files (TOML, docs/programs.md) into the Program model, reporting every problem
// at its line and column, as the routine parser does.

#include "core/diagnostic.hpp"
#include "program/program.hpp"

#include <filesystem>
#include <string_view>
#include <vector>

namespace unknot {

struct ParsedProgram {
    Program program;         // as much as could be read
    Diagnostics diagnostics; // sorted by position; empty when the program can run
    [[nodiscard]] bool valid() const { return diagnostics.empty(); }
};

inline constexpr std::uintmax_t kMaxProgramFileBytes = 1u << 20;

// `knownRoutines`: the routine ids a stage may name (the library's); null: any id is taken.
[[nodiscard]] ParsedProgram parseProgram(std::string_view text, std::string_view path,
                                         const std::vector<std::string>* knownRoutines = nullptr);
[[nodiscard]] ParsedProgram loadProgramFile(const std::filesystem::path& file,
                                            const std::vector<std::string>* knownRoutines = nullptr);

// Whether a file's text is a program rather than a routine: it has `[[stage]]` tables at the top
// (a cheap look at the TOML; a file that is not TOML is neither, and reads as a routine).
[[nodiscard]] bool looksLikeProgram(std::string_view text);

} // namespace unknot
