#include "core/diagnostic.hpp"

#include "core/text.hpp"

namespace unknot {

std::string Diagnostic::format() const {
    // Paths and messages quote what strangers wrote; this line goes to terminals.
    return escapeControls(path + ":" + std::to_string(line) + ":" + std::to_string(column) + ": error: " + message);
}

} // namespace unknot
