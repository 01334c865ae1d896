#include "store/data_dirs.hpp"

#include <cstdlib>

namespace unknot {

namespace {

// <prefix> of an installed binary (<prefix>/bin/unknot beside <prefix>/share/unknot), or
// nothing when running from a build folder.
std::filesystem::path installedPrefix() {
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec) return {};
    const auto prefix = exe.parent_path().parent_path();
    if (std::filesystem::is_directory(prefix / UNKNOT_INSTALL_DATA_SUBDIR / "routines", ec)) return prefix;
    return {};
}

} // namespace

std::filesystem::path dataDir() {
    if (const char* v = std::getenv("UNKNOT_DATA_DIR"); v && *v) return v;
    if (const auto prefix = installedPrefix(); !prefix.empty()) return prefix / UNKNOT_INSTALL_DATA_SUBDIR;
    return UNKNOT_SOURCE_DATA_DIR;
}

std::filesystem::path builtInRoutinesDir() { return dataDir() / "routines"; }
std::filesystem::path builtInProgramsDir() { return dataDir() / "programs"; }
std::filesystem::path assetsDir() { return dataDir() / "assets"; }

std::filesystem::path localeDir() {
    if (const char* v = std::getenv("UNKNOT_LOCALE_DIR"); v && *v) return v;
    if (const auto prefix = installedPrefix(); !prefix.empty()) return prefix / UNKNOT_INSTALL_LOCALE_SUBDIR;
    return UNKNOT_BUILD_LOCALE_DIR;
}

} // namespace unknot
