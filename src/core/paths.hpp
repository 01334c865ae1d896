#pragma once
// Where Unknot keeps things on disk, following the XDG base directory specification.

#include <filesystem>

namespace unknot {

// $XDG_DATA_HOME/unknot, default ~/.local/share/unknot
[[nodiscard]] std::filesystem::path userDataDir();
// $XDG_CONFIG_HOME/unknot, default ~/.config/unknot
[[nodiscard]] std::filesystem::path userConfigDir();
// userDataDir()/routines: the user's own routines
[[nodiscard]] std::filesystem::path userRoutinesDir();
// userDataDir()/programs: the user's own programs (docs/programs.md)
[[nodiscard]] std::filesystem::path userProgramsDir();

} // namespace unknot
