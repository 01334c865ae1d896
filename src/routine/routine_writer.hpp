#pragma once
// Writes a routine as a person would: the documented keys in the order the built-in files use,
// blocks indented under their parent, defaults left out. `unknot export` and the editor's save
// both use it, and reading its output gives the same routine back.

#include "routine/routine.hpp"

#include <string>
#include <vector>

namespace unknot {

// Where a step landed in the text, so problems found by reading it back can be shown next to
// the step in the editor.
struct StepSpan {
    std::vector<std::size_t> path; // indices from the top: {1, 0} is the first step of the second
    int firstLine = 0;             // 1-based, inclusive
    int lastLine = 0;
};

// Where a key's value landed, so a problem found there can be shown beside its field.
struct KeySpot {
    std::vector<std::size_t> path; // the step it belongs to; empty for the routine's own keys
    std::string key;               // "say", "check_in"
    int line = 0;                  // 1-based
    int valueColumn = 0;           // 1-based column where its value starts
};

struct WrittenRoutine {
    std::string text;
    std::vector<StepSpan> spans; // in file order
    std::vector<KeySpot> keys;   // in file order
};

[[nodiscard]] WrittenRoutine writeRoutine(const Routine& routine);
[[nodiscard]] inline std::string formatRoutine(const Routine& routine) { return writeRoutine(routine).text; }
// What the routine does, as 16 hex digits (FNV-1a of its canonical text): the same for the same
// routine however its file is laid out, different once anything in it changes.
[[nodiscard]] std::string contentIdOf(const Routine& routine);

// The step whose lines hold `line`, the innermost one; empty when the line is a top-level key.
[[nodiscard]] std::vector<std::size_t> stepAtLine(const WrittenRoutine& written, int line);
// The key whose value holds `line` and `column` (a problem the parser found there), or null
// when none does (a problem with the routine as a whole, a key name).
[[nodiscard]] const KeySpot* keyAt(const WrittenRoutine& written, int line, int column);

} // namespace unknot
