#pragma once
// The one answer to "can this routine play?", for saving, "Start now", the editor's "Try it"
// and `unknot check` alike. A routine plays when the parser finds nothing wrong with its file
// (the limits of docs/routines.md: 1 s to 4 h per phase, at most 10,000 phases, known kinds…);
// a routine built in memory (the editor, the quick set) is written in canonical form and read
// back, so it is held to exactly the same rules as a file.

#include "routine/routine_parser.hpp"
#include "routine/routine_writer.hpp"
#include "routine/timeline.hpp"

#include <filesystem>
#include <string_view>

namespace unknot {

struct PlayCheck {
    Routine routine;         // as read back (or from the file)
    Diagnostics diagnostics; // empty when it can play
    Timeline timeline;       // expanded when it can play, else empty
    WrittenRoutine written;  // the canonical text checked (routines from memory only)
    [[nodiscard]] bool canPlay() const { return diagnostics.empty(); }
};

// A routine made in memory; `path` names it in the diagnostics.
[[nodiscard]] PlayCheck checkPlayable(const Routine& routine, std::string_view path = "routine");
// A routine file, with the diagnostics at its own lines.
[[nodiscard]] PlayCheck checkPlayableFile(const std::filesystem::path& file);

} // namespace unknot
