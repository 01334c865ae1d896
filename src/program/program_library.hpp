#pragma once
// The programs Unknot knows: the built-in ones (beside the built-in routines, in programs/)
// and the user's own (userDataDir()/programs), a user's file with a built-in's id winning.

#include "program/program_parser.hpp"
#include "store/library.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace unknot {

struct ProgramEntry {
    std::string id; // file name without .toml
    std::filesystem::path path;
    RoutineSource source = RoutineSource::BuiltIn;
    ParsedProgram parsed;
    [[nodiscard]] bool valid() const { return parsed.valid(); }
    [[nodiscard]] const Program& program() const { return parsed.program; }
    [[nodiscard]] std::string displayName() const { return parsed.program.name.empty() ? id : parsed.program.name; }
};

struct ProgramFolders {
    std::filesystem::path builtIn; // may be empty
    std::filesystem::path user;    // may not exist yet
};

class ProgramLibrary {
  public:
    // Reads every *.toml in the folders; `routines` says which routine ids a stage may name.
    void scan(const ProgramFolders& folders, const Library& routines);
    void scan(const ProgramFolders& folders, const std::vector<std::string>& routineIds);
    [[nodiscard]] const std::vector<ProgramEntry>& entries() const { return entries_; }
    // The user's first, then the built-in one; null when unknown.
    [[nodiscard]] const ProgramEntry* findId(std::string_view id) const;
    [[nodiscard]] std::vector<std::string> suggest(std::string_view id) const;

  private:
    std::vector<ProgramEntry> entries_;
};

// The routine ids of a library, valid or not (a program naming an invalid routine is told so
// when it is due, not refused).
[[nodiscard]] std::vector<std::string> routineIds(const Library& library);

} // namespace unknot
