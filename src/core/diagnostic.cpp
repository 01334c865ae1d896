#include "core/diagnostic.hpp"

namespace unknot {

std::string Diagnostic::format() const {
    return path + ":" + std::to_string(line) + ":" + std::to_string(column) + ": error: " + message;
}

} // namespace unknot
