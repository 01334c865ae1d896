#include "store/history_journal.hpp"

#include <algorithm>
#include <charconv>
#include <limits>

namespace unknot {

namespace {

std::string escapeField(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '\t')
            out += "\\t";
        else if (c == '\n')
            out += "\\n";
        else if (c == '\r')
            out += "\\r";
        else
            out += c;
    }
    return out;
}

std::vector<std::string> splitLine(std::string_view line) {
    std::vector<std::string> fields(1);
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (c == '\t') {
            fields.emplace_back();
        } else if (c == '\\' && i + 1 < line.size()) {
            const char n = line[++i];
            fields.back() += n == 't' ? '\t' : n == 'n' ? '\n' : n == 'r' ? '\r' : n;
        } else {
            fields.back() += c;
        }
    }
    return fields;
}

// A whole field as a number in [min, max]; nothing else.
std::optional<std::int64_t> number(const std::string& s, std::int64_t min = std::numeric_limits<std::int64_t>::min(),
                                   std::int64_t max = std::numeric_limits<std::int64_t>::max()) {
    std::int64_t v = 0;
    const auto [end, error] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (error != std::errc() || end != s.data() + s.size() || s.empty() || v < min || v > max) return std::nullopt;
    return v;
}

constexpr std::int64_t kMaxInt = std::numeric_limits<int>::max();

} // namespace

std::string journalLine(const JournalEntry& e) {
    std::vector<std::string> f;
    if (e.session) {
        const HistoryRecord& r = e.record;
        f = {"S",
             e.key,
             std::to_string(r.startedAt),
             r.routineId,
             r.routineName,
             std::to_string(r.plannedMs),
             std::to_string(r.doneMs),
             r.completed ? "1" : "0",
             r.contentId,
             std::to_string(r.skippedPhases)};
    } else {
        const CheckIn& c = e.checkIn;
        f = {"C",
             e.key,
             std::to_string(c.at),
             c.area,
             std::string(sideName(c.side)),
             std::to_string(c.score),
             std::string(momentName(c.moment)),
             c.sessionId ? std::to_string(*c.sessionId) : std::string(),
             e.sessionKey,
             c.note};
    }
    std::string line;
    for (std::size_t i = 0; i < f.size(); ++i) line += (i ? "\t" : "") + escapeField(f[i]);
    return line + "\n";
}

std::optional<JournalEntry> parseJournalLine(std::string_view line) {
    const auto f = splitLine(line);
    if (f.size() != 10) return std::nullopt;
    JournalEntry e;
    e.key = f[1];
    if (f[0] == "S") {
        const auto started = number(f[2]), planned = number(f[5], 0), done = number(f[6], 0),
                   skipped = number(f[9], 0, kMaxInt);
        if (!started || !planned || !done || !skipped || (f[7] != "0" && f[7] != "1")) return std::nullopt;
        e.record = HistoryRecord{*started, f[3], f[4], *planned, *done, f[7] == "1", f[8], static_cast<int>(*skipped)};
        return e;
    }
    if (f[0] == "C") {
        const auto at = number(f[2]), score = number(f[5], kMinScore, kMaxScore);
        const auto moment = parseMoment(f[6]);
        const auto side = f[4].empty() ? std::optional<Side>(Side::None) : sideFromName(f[4]);
        const auto sessionId = f[7].empty() ? std::nullopt : number(f[7]);
        if (!at || !score || !moment || !side || (!f[7].empty() && !sessionId)) return std::nullopt;
        e.session = false;
        e.checkIn = CheckIn{*at, f[3], *side, static_cast<int>(*score), *moment, sessionId, f[9]};
        e.sessionKey = f[8];
        if (checkInProblem(e.checkIn)) return std::nullopt;
        return e;
    }
    return std::nullopt;
}

JournalRead readJournal(std::string_view text) {
    JournalRead out;
    for (std::size_t at = 0; at < text.size();) {
        const std::size_t end = std::min(text.find('\n', at), text.size());
        const std::string_view line = text.substr(at, end - at);
        if (auto e = parseJournalLine(line))
            out.entries.push_back(std::move(*e));
        else if (!line.empty())
            out.damaged.emplace_back(line);
        at = end + 1;
    }
    return out;
}

} // namespace unknot
