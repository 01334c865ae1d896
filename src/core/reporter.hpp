#pragma once
// Where the app layer's pieces say what happened: a log line (--verbose, read by the
// end-to-end tests) and a notice (one line the user sees). The window prints both; unit tests
// keep them in a list and look.

#include <string>

namespace unknot {

class Reporter {
  public:
    virtual ~Reporter() = default;
    virtual void log(const std::string& line) = 0;
    virtual void notice(const std::string& text) = 0;
    // printf-style log line.
    void logf(const char* format, ...) __attribute__((format(printf, 2, 3)));
};

} // namespace unknot
