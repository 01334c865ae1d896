#pragma once
// `unknot program …`, `unknot today`, `unknot ran` and `unknot import`: programs from the
// command line (docs/programs.md).

#include "core/diagnostic.hpp"
#include "store/library.hpp"

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace unknot {

struct ProgramCommands {
    CLI::App* program = nullptr;
    CLI::App* list = nullptr;
    CLI::App* start = nullptr;
    CLI::App* stop = nullptr;
    CLI::App* show = nullptr;
    CLI::App* today = nullptr;
    CLI::App* ran = nullptr;
    CLI::App* import = nullptr;
    bool json = false;
    std::string id;
    std::string date;
    std::vector<std::string> files;
};

void addProgramCommands(CLI::App& app, ProgramCommands& into);
// Runs whichever was given; -1 when none was.
[[nodiscard]] int runProgramCommands(const ProgramCommands& commands, const LibraryFolders& routineFolders);

// For `unknot check`: a program's problems (routine ids checked against `routines`);
// program/import.hpp's isProgramFile says whether a file is one.
[[nodiscard]] Diagnostics checkProgramFile(const std::filesystem::path& file, const Library& routines);

} // namespace unknot
