#pragma once
// Every notice the app raised this run (a settings value it could not use, a routine file it
// refused, the sound device lost, a full disk, an import…), newest first, a repeat counted
// rather than listed again: what the notices screen shows (I in the library). No ImGui.

#include "core/reporter.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace unknot {

struct NoticeRow {
    Notice notice;
    int count = 1;           // raised this many times this run
    unsigned long long last; // the model's serial when it was last raised
};

class NoticesModel {
  public:
    // Rows kept: the oldest go beyond it (a file saved every second with the same mistake is
    // one row, counted; a thousand different ones must not grow the window without end).
    static constexpr std::size_t kMaxRows = 200;

    // Adds a notice, placed (placeNotice) when it came as text only. The same text at the same
    // place is the same notice: its row is counted and moves to the top. A notice with a topic
    // replaces the row of that topic.
    void add(Notice notice);

    // Newest first.
    [[nodiscard]] const std::vector<NoticeRow>& rows() const { return rows_; }
    [[nodiscard]] bool empty() const { return rows_.empty(); }
    [[nodiscard]] const NoticeRow* newest() const { return rows_.empty() ? nullptr : &rows_.front(); }
    // Rows dropped beyond kMaxRows.
    [[nodiscard]] std::size_t dropped() const { return dropped_; }
    // Changes with every notice added (the window draws again).
    [[nodiscard]] unsigned long long serial() const { return serial_; }

  private:
    std::vector<NoticeRow> rows_;
    std::size_t dropped_ = 0;
    unsigned long long serial_ = 0;
};

// A notice given as "path:line:column: error: message" (Diagnostic::format, which routine and
// settings problems are told as) gets the place apart from the message; any other is unchanged.
[[nodiscard]] Notice placeNotice(Notice notice);

} // namespace unknot
