#pragma once
// `unknot remind`: a desktop notification (org.freedesktop.Notifications over sd-bus) for the
// routine due today, with a Start action; `--at HH:MM` a systemd user timer that runs it daily.

#include "store/library.hpp"

#include <CLI/CLI.hpp>

#include <string>

namespace unknot {

struct RemindCommand {
    CLI::App* remind = nullptr;
    std::string at;
    bool off = false;
    int waitSeconds = 1800;
    std::string unitsDir; // hidden: write the units here and enable nothing (tests, packagers)
};

void addRemindCommand(CLI::App& app, RemindCommand& into);
// -1 when `remind` was not given.
[[nodiscard]] int runRemindCommand(const RemindCommand& command, const LibraryFolders& routineFolders);

} // namespace unknot
