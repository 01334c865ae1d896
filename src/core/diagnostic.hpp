#pragma once
// A problem found in a routine file, pointing at the offending key or value.

#include <string>
#include <vector>

namespace unknot {

struct Diagnostic {
    std::string path;    // file as the user named it
    int line = 1;        // 1-based
    int column = 1;      // 1-based, in characters as TOML counts them
    std::string message; // lower-case sentence without a trailing period

    // "path:line:column: error: message", the form compilers and editors understand, with
    // control characters shown escaped (escapeControls): safe to print on a terminal.
    [[nodiscard]] std::string format() const;
};

using Diagnostics = std::vector<Diagnostic>;

} // namespace unknot
