#pragma once
// Where the built-in routines and assets are: beside an installed binary, or in the source
// tree when running from a build folder.

#include <filesystem>

namespace unknot {

// The folder holding `routines/` and `assets/`. UNKNOT_DATA_DIR overrides it.
[[nodiscard]] std::filesystem::path dataDir();
[[nodiscard]] std::filesystem::path builtInRoutinesDir();
[[nodiscard]] std::filesystem::path builtInProgramsDir();
[[nodiscard]] std::filesystem::path assetsDir();
// The message catalogues (<dir>/de/LC_MESSAGES/unknot.mo): <prefix>/share/locale beside an
// installed binary, else the build tree's. UNKNOT_LOCALE_DIR overrides it.
[[nodiscard]] std::filesystem::path localeDir();

} // namespace unknot
