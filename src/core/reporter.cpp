#include "core/reporter.hpp"

#include <cstdarg>
#include <cstdio>

namespace unknot {

void Reporter::logf(const char* format, ...) {
    char buffer[1024];
    va_list args;
    va_start(args, format);
    std::vsnprintf(buffer, sizeof buffer, format, args);
    va_end(args);
    log(buffer);
}

} // namespace unknot
