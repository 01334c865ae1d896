#include "screens/notices/notices_model.hpp"

#include <algorithm>
#include <cctype>

namespace unknot {

namespace {

// True when `s` ends in ":digits:digits" (a line and a column), after at least one character.
bool endsWithLineColumn(std::string_view s) {
    int numbers = 0;
    while (numbers < 2) {
        std::size_t digits = 0;
        while (digits < s.size() && std::isdigit(static_cast<unsigned char>(s[s.size() - 1 - digits]))) ++digits;
        if (digits == 0 || digits == s.size() || s[s.size() - 1 - digits] != ':') return false;
        s.remove_suffix(digits + 1);
        ++numbers;
    }
    return !s.empty();
}

} // namespace

Notice placeNotice(Notice notice) {
    if (!notice.place.empty()) return notice;
    const std::string_view text = notice.text;
    const std::string_view firstLine = text.substr(0, text.find('\n'));
    // The first ": " after which the part before reads path:line:column.
    for (std::size_t at = firstLine.find(": "); at != std::string_view::npos; at = firstLine.find(": ", at + 1)) {
        if (!endsWithLineColumn(firstLine.substr(0, at))) continue;
        std::string_view message = text.substr(at + 2);
        if (message.starts_with("error: ")) message.remove_prefix(7);
        notice.place = std::string(firstLine.substr(0, at));
        notice.text = std::string(message);
        break;
    }
    return notice;
}

void NoticesModel::add(Notice notice) {
    notice = placeNotice(std::move(notice));
    ++serial_;
    // One topic: the newest word on it replaces the row (an import's progress, then its outcome).
    if (!notice.topic.empty()) {
        const auto topic = std::find_if(rows_.begin(), rows_.end(),
                                        [&](const NoticeRow& r) { return r.notice.topic == notice.topic; });
        if (topic != rows_.end()) rows_.erase(topic);
    }
    const auto same = std::find_if(rows_.begin(), rows_.end(), [&](const NoticeRow& r) {
        return r.notice.text == notice.text && r.notice.place == notice.place;
    });
    if (same != rows_.end()) {
        NoticeRow row = std::move(*same);
        rows_.erase(same);
        ++row.count;
        row.last = serial_;
        if (!notice.hint.empty()) row.notice.hint = std::move(notice.hint); // the latest advice
        rows_.insert(rows_.begin(), std::move(row));
        return;
    }
    rows_.insert(rows_.begin(), NoticeRow{std::move(notice), 1, serial_});
    if (rows_.size() > kMaxRows) {
        dropped_ += rows_.size() - kMaxRows;
        rows_.resize(kMaxRows);
    }
}

} // namespace unknot
