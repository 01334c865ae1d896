#include "core/paths.hpp"

#include <cstdlib>

namespace unknot {

namespace {

std::filesystem::path xdgDir(const char* variable, const char* fallbackUnderHome) {
    // The spec says a relative value is invalid and must be ignored.
    if (const char* v = std::getenv(variable); v && *v && std::filesystem::path(v).is_absolute())
        return std::filesystem::path(v) / "unknot";
    const char* home = std::getenv("HOME");
    return std::filesystem::path(home && *home ? home : ".") / fallbackUnderHome / "unknot";
}

} // namespace

std::filesystem::path userDataDir() { return xdgDir("XDG_DATA_HOME", ".local/share"); }
std::filesystem::path userConfigDir() { return xdgDir("XDG_CONFIG_HOME", ".config"); }
std::filesystem::path userRoutinesDir() { return userDataDir() / "routines"; }
std::filesystem::path userProgramsDir() { return userDataDir() / "programs"; }

} // namespace unknot
