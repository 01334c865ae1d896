#pragma once
// Routine and program files shared by someone else (a therapist): each checked as `unknot
// check` would, the good ones copied into the user's folders, the bad ones refused with their
// `path:line:column` errors. `unknot import`, a file dropped onto the window and a file the
// desktop opens with Unknot (a double-click on *.unknot.toml) all go through importFiles.

#include "core/diagnostic.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace unknot {

struct ImportFolders {
    std::filesystem::path routines; // the user's routines (made when first needed)
    std::filesystem::path programs; // the user's programs
};

// One file given, imported or refused, in the order they were handled.
struct ImportedFile {
    std::string from;         // as given
    bool program = false;     // else a routine
    std::filesystem::path to; // where the copy is (its stem is the id); empty when refused
    Diagnostics problems;     // refused: what `unknot check` says of it
    std::string error;        // refused: or why it could not be copied
    [[nodiscard]] bool imported() const { return !to.empty(); }
};

using ImportResult = std::vector<ImportedFile>;
[[nodiscard]] std::size_t refusedCount(const ImportResult& result);

// Whether the file reads as a program (it has stages), not a routine.
[[nodiscard]] bool isProgramFile(const std::filesystem::path& file);

// "heel.unknot.toml" → "heel"; "heel.toml" → "heel".
[[nodiscard]] std::string importedId(const std::filesystem::path& file);

// What the window says after a drop: a line per file, each refused one with its first errors
// as `path:line:column: error: …` (at most `maxErrors` a file).
[[nodiscard]] std::string importNotice(const ImportResult& result, std::size_t maxErrors = 3);

// Checks each file and copies the good ones (routines first, so a program shared with its
// routines finds them); a file already in the folder it would go to stays as it is.
// `knownRoutines`: the routine ids a program may name already.
[[nodiscard]] ImportResult importFiles(const std::vector<std::string>& files, std::vector<std::string> knownRoutines,
                                       const ImportFolders& into);

} // namespace unknot
