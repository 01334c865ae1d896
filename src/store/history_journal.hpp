#pragma once
// The journal beside the history database (`unknot.db.pending`): the sessions and check-ins a
// window kept and could not write yet, a line each, replayed into the database when it is free
// (store/history_sink.hpp). Its own text format, read back here; any bytes may be in the file
// (a crash mid-line, a disk error, a hand edit), so a line that does not hold an entry the
// database can take is damaged, never written: one it could never take would otherwise hold
// back every line after it, at every start (tests/fuzz/fuzz_journal.cpp).

#include "store/history_db.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace unknot {

struct JournalEntry {
    std::string key;     // the write's own key: written once, however often replayed
    bool session = true; // a session, else a check-in
    HistoryRecord record;
    CheckIn checkIn;
    std::string sessionKey; // a check-in's session when that was queued too
};

// One line, ending in '\n':
//   S key started_at routine_id routine_name planned_ms done_ms completed content_id skipped
//   C key at area side score moment session_id session_key note
// its fields tab-separated, a tab, a line break, a carriage return and a backslash escaped.
[[nodiscard]] std::string journalLine(const JournalEntry& entry);
// The entry of a line (without its '\n'); nothing for a damaged line: torn by a crash, or
// holding what the database cannot take (a score outside 0 to 10, a negative duration, an
// area or a note checkInProblem refuses, a number out of range, an unknown side or moment).
[[nodiscard]] std::optional<JournalEntry> parseJournalLine(std::string_view line);

struct JournalRead {
    std::vector<JournalEntry> entries;
    std::vector<std::string> damaged; // the lines that hold none, as they were (empty lines aside)
};
[[nodiscard]] JournalRead readJournal(std::string_view text);

} // namespace unknot
