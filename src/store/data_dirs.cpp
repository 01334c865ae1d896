#include "store/data_dirs.hpp"

#include <cstdlib>

namespace unknot {

std::filesystem::path dataDir() {
    if (const char* v = std::getenv("UNKNOT_DATA_DIR"); v && *v) return v;
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        // Installed: <prefix>/bin/unknot beside <prefix>/share/unknot.
        const auto installed = exe.parent_path().parent_path() / UNKNOT_INSTALL_DATA_SUBDIR;
        if (std::filesystem::is_directory(installed / "routines", ec)) return installed;
    }
    return UNKNOT_SOURCE_DATA_DIR;
}

std::filesystem::path builtInRoutinesDir() { return dataDir() / "routines"; }
std::filesystem::path builtInProgramsDir() { return dataDir() / "programs"; }
std::filesystem::path assetsDir() { return dataDir() / "assets"; }

} // namespace unknot
