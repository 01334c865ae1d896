#pragma once
// Where the app layer's pieces say what happened: a log line (--verbose, read by the
// end-to-end tests) and a notice (what the user should know). The window prints both and lists
// every notice of the run (screens/notices); unit tests keep them in a list and look.

#include <string>

namespace unknot {

// What the user should know: what happened, where, and what to do about it.
struct Notice {
    std::string text;  // what happened, one sentence
    std::string place; // "path:line:column" where there is one (a routine or settings file), or a path; "" for none
    std::string hint;  // what to do about it; "" when nothing needs doing
    // Notices of one topic ("history import") stand for each other: the newest replaces the
    // row of the one before (an import's progress, then its outcome); "" for none.
    std::string topic = {};
};

class Reporter {
  public:
    virtual ~Reporter() = default;
    virtual void log(const std::string& line) = 0;
    virtual void notice(const Notice& notice) = 0;
    // A notice that is only its text ("path:line:column: error: …" is placed by the list).
    void notice(const std::string& text) { notice(Notice{text, {}, {}, {}}); }
    void notice(const char* text) { notice(Notice{text, {}, {}, {}}); }
    // printf-style log line.
    void logf(const char* format, ...) __attribute__((format(printf, 2, 3)));
};

} // namespace unknot
