#pragma once
// `unknot history` and `unknot check-in`: the history database from the command line.

#include <CLI/CLI.hpp>

#include <string>

namespace unknot {

struct HistoryCommands {
    CLI::App* history = nullptr;
    CLI::App* checkIn = nullptr;
    // history
    bool json = false;
    bool csv = false;
    std::string since;
    // check-in
    std::string area;
    std::string side;
    std::string score;
    std::string note;
};

// Adds both subcommands to `app`; `into` receives their options (it must outlive parsing).
void addHistoryCommands(CLI::App& app, HistoryCommands& into);
// Runs whichever of them was given; nullopt-like -1 when neither was.
[[nodiscard]] int runHistoryCommands(const HistoryCommands& commands);

} // namespace unknot
