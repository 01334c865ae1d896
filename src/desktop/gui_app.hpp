#pragma once
// The window: the library and the player, wired to the session driver and the settings.

#include "store/library.hpp"

#include <optional>
#include <string>
#include <vector>

namespace unknot {

struct GuiOptions {
    LibraryFolders folders;
    std::optional<LibraryEntry> startWith; // `unknot run ROUTINE`: play it at once
    std::vector<std::string> openFiles;    // `unknot FILE…` (the desktop's %f): imported at once
    bool fullscreen = false;
    bool quitAtEnd = false; // close when the routine ends (scripts and tests)
    bool verbose = false;   // log session events to stderr
};

// Runs until the window closes; the process exit code.
int runGui(const GuiOptions& options);

} // namespace unknot
