#include "cli/cli_history.hpp"

#include "core/duration.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"
#include "desktop/clock.hpp"
#include "store/history_sink.hpp"

#include <nlohmann/json.hpp>

#include <charconv>
#include <ctime>
#include <iostream>

namespace unknot {

namespace {

constexpr int kExitOk = 0;
constexpr int kExitFailed = 1;
constexpr int kExitUsage = 2;

using Json = nlohmann::ordered_json;

// "2026-11-01" (local midnight) or a full time "2026-11-01T07:30:00+0100".
std::optional<std::int64_t> parseSince(const std::string& text) {
    if (auto full = parseIso(text)) return full;
    std::tm tm{};
    const char* end = strptime(text.c_str(), "%Y-%m-%d", &tm);
    if (!end || *end) return std::nullopt;
    tm.tm_isdst = -1;
    return static_cast<std::int64_t>(std::mktime(&tm));
}

std::optional<int> parseScore(const std::string& text) {
    int v = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return v;
}

std::optional<Side> parseSide(const std::string& text) {
    if (text == "none") return Side::None;
    return sideFromName(text);
}

Json sideJson(Side side) { return side == Side::None ? Json(nullptr) : Json(sideName(side)); }

std::string shortTime(std::int64_t t) { return formatLocal(t, "%Y-%m-%d %H:%M"); }

void printJson(const std::vector<StoredSession>& sessions, const std::vector<CheckIn>& checkIns) {
    Json s = Json::array();
    for (const auto& x : sessions)
        s.push_back(Json{{"id", x.id},
                         {"started", isoLocal(x.record.startedAt)},
                         {"routine_id", x.record.routineId},
                         {"routine_name", x.record.routineName},
                         {"content_id", x.contentId},
                         {"planned_s", x.record.plannedMs / 1000},
                         {"done_s", x.record.doneMs / 1000},
                         {"completed", x.record.completed},
                         {"skipped_phases", x.skippedPhases}});
    Json c = Json::array();
    for (const auto& x : checkIns)
        c.push_back(Json{{"at", isoLocal(x.at)},
                         {"area", x.area},
                         {"side", sideJson(x.side)},
                         {"score", x.score},
                         {"moment", momentName(x.moment)},
                         {"session_id", x.sessionId ? Json(*x.sessionId) : Json(nullptr)},
                         {"note", x.note}});
    std::cout << escapeJsonControls(Json{{"sessions", std::move(s)}, {"check_ins", std::move(c)}}.dump(
                     -1, ' ', false, Json::error_handler_t::replace))
              << "\n";
}

// One table a spreadsheet opens: a row per session and per check-in, told apart by `kind`.
void printCsv(const std::vector<StoredSession>& sessions, const std::vector<CheckIn>& checkIns) {
    std::cout << "kind,time,session_id,routine_id,routine_name,planned_s,done_s,completed,area,side,score,moment,"
                 "note\n";
    for (const auto& x : sessions)
        std::cout << "session," << isoLocal(x.record.startedAt) << "," << x.id << "," << csvField(x.record.routineId)
                  << "," << csvField(x.record.routineName) << "," << x.record.plannedMs / 1000 << ","
                  << x.record.doneMs / 1000 << "," << (x.record.completed ? "yes" : "no") << ",,,,,\n";
    for (const auto& x : checkIns)
        std::cout << "check-in," << isoLocal(x.at) << "," << (x.sessionId ? std::to_string(*x.sessionId) : "")
                  << ",,,,,," << csvField(x.area) << "," << sideName(x.side) << "," << x.score << ","
                  << momentName(x.moment) << "," << csvField(x.note) << "\n";
}

void printText(const std::vector<StoredSession>& sessions, const std::vector<CheckIn>& checkIns) {
    if (sessions.empty() && checkIns.empty()) {
        std::cout << _("No sessions or check-ins yet.") << "\n";
        return;
    }
    if (!sessions.empty()) std::cout << _("Sessions") << "\n";
    for (const auto& x : sessions)
        std::cout << "  " << shortTime(x.record.startedAt) << "  #" << x.id << "  "
                  << escapeControls(x.record.routineName) << "  "
                  << format(_("{0} of {1}"), {formatClock(x.record.doneMs), formatClock(x.record.plannedMs)}) << "  "
                  << (x.record.completed ? _("completed") : _("stopped")) << "\n";
    if (!checkIns.empty()) std::cout << _("Check-ins") << "\n";
    for (const auto& x : checkIns) {
        std::string who(sideName(x.side));
        who += who.empty() ? x.area : " " + x.area;
        std::cout << "  " << shortTime(x.at) << "  " << escapeControls(who) << " " << x.score << "/10  "
                  << momentName(x.moment);
        if (x.sessionId) std::cout << " #" << *x.sessionId;
        if (!x.note.empty()) std::cout << "  \"" << escapeControls(x.note) << "\"";
        std::cout << "\n";
    }
}

int cmdHistory(const HistoryCommands& c) {
    std::int64_t since = 0;
    if (!c.since.empty()) {
        const auto parsed = parseSince(c.since);
        if (!parsed) {
            std::cerr << "unknot: " << _("error: ")
                      << format(_("--since '{0}' is not a date like 2026-11-01 (or 2026-11-01T07:30:00+0100)"),
                                {escapeControls(c.since)})
                      << "\n";
            return kExitUsage;
        }
        since = *parsed;
    }
    OpenedHistory opened = openHistory(historyDbPath(), historyPath(), HistoryAccess::Read);
    if (!opened.db) {
        std::cerr << "unknot: " << _("error: ") << escapeControls(opened.error) << "\n";
        return kExitFailed;
    }
    for (const auto& p : opened.import.problems) std::cerr << "unknot: " << escapeControls(p) << "\n";
    auto rows = opened.db->read(since);
    if (!rows.error.empty()) {
        std::cerr << "unknot: " << _("error: ") << escapeControls(rows.error) << "\n";
        return kExitFailed;
    }
    const auto& sessions = rows.sessions;
    const auto& checkIns = rows.checkIns;
    if (c.json)
        printJson(sessions, checkIns);
    else if (c.csv)
        printCsv(sessions, checkIns);
    else
        printText(sessions, checkIns);
    return kExitOk;
}

int cmdCheckIn(const HistoryCommands& c) {
    CheckIn in;
    in.at = wallClockSeconds();
    in.area = c.area;
    in.note = c.note;
    in.moment = CheckInMoment::Standalone;
    const auto side = parseSide(c.side);
    const auto score = parseScore(c.score);
    std::optional<std::string> problem;
    if (!side)
        problem = format(_("the side is left, right or none, not '{0}'"), {c.side});
    else if (!score)
        problem = format(_("a score is a whole number from 0 (no pain) to 10 (the worst), not '{0}'"), {c.score});
    else {
        in.side = *side;
        in.score = *score;
        problem = checkInProblem(in);
    }
    if (problem) {
        std::cerr << "unknot: " << _("error: ") << escapeControls(*problem) << _("; nothing recorded") << "\n";
        return kExitUsage;
    }
    OpenedHistory opened = openHistory(historyDbPath(), historyPath());
    if (!opened.db) {
        std::cerr << "unknot: " << _("error: ") << escapeControls(opened.error) << "\n";
        return kExitFailed;
    }
    if (auto error = opened.db->addCheckIn(in)) {
        std::cerr << "unknot: " << _("error: ") << escapeControls(*error) << "\n";
        return kExitFailed;
    }
    std::string who(sideName(in.side));
    who += who.empty() ? in.area : " " + in.area;
    std::cout << _("recorded: ") << escapeControls(who) << " " << in.score << "/10\n";
    return kExitOk;
}

} // namespace

void addHistoryCommands(CLI::App& app, HistoryCommands& into) {
    into.history = app.add_subcommand("history", _("Print past sessions and check-ins, oldest first"));
    auto* json = into.history->add_flag("--json", into.json, _("Print JSON instead of a table"));
    into.history->add_flag("--csv", into.csv, _("Print CSV (a row per session and per check-in), for a spreadsheet"))
        ->excludes(json);
    into.history->add_option("--since", into.since, _("Only from this date on (2026-11-01, local time)"));

    into.checkIn = app.add_subcommand("check-in", _("Record how an area feels now: 0 none ... 10 worst"));
    into.checkIn->add_option("area", into.area, _("The area, like heel or knee"))->required();
    into.checkIn->add_option("side", into.side, _("left, right or none"))->required();
    into.checkIn->add_option("score", into.score, _("0 (no pain) to 10 (the worst)"))->required();
    into.checkIn->add_option("--note", into.note, _("A note kept with it (\"first steps this morning\")"));
}

int runHistoryCommands(const HistoryCommands& commands) {
    if (commands.history && *commands.history) return cmdHistory(commands);
    if (commands.checkIn && *commands.checkIn) return cmdCheckIn(commands);
    return -1;
}

} // namespace unknot
