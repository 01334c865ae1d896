#include "program/program_store.hpp"

#include "core/i18n.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <algorithm>

namespace unknot {

std::optional<ProgramRun> ProgramStore::activeRun() const {
    SQLite::Statement q(db_.connection(),
                        "SELECT id, program_id, started_on FROM program_runs WHERE stopped_at IS NULL "
                        "ORDER BY id DESC LIMIT 1");
    if (!q.executeStep()) return std::nullopt;
    const auto day = parseDay(q.getColumn(2).getString());
    if (!day) return std::nullopt; // a damaged row runs nothing
    return ProgramRun{q.getColumn(0).getInt64(), q.getColumn(1).getString(), *day};
}

std::optional<std::string> ProgramStore::start(const std::string& programId, Day start, std::int64_t now) {
    try {
        SQLite::Transaction t(db_.connection(), SQLite::TransactionBehavior::IMMEDIATE);
        SQLite::Statement stop(db_.connection(), "UPDATE program_runs SET stopped_at = ? WHERE stopped_at IS NULL");
        stop.bind(1, static_cast<std::int64_t>(now));
        stop.exec();
        SQLite::Statement q(db_.connection(),
                            "INSERT INTO program_runs(program_id, started_on, started_at) VALUES(?, ?, ?)");
        q.bind(1, programId);
        q.bind(2, formatDay(start));
        q.bind(3, static_cast<std::int64_t>(now));
        q.exec();
        t.commit();
        return std::nullopt;
    } catch (const std::exception& e) {
        return format(_("cannot start the program: {0}"), {e.what()});
    }
}

std::variant<bool, std::string> ProgramStore::stop(std::int64_t now) {
    try {
        SQLite::Transaction t(db_.connection(), SQLite::TransactionBehavior::IMMEDIATE);
        SQLite::Statement q(db_.connection(), "UPDATE program_runs SET stopped_at = ? WHERE stopped_at IS NULL");
        q.bind(1, static_cast<std::int64_t>(now));
        const int changed = q.exec();
        t.commit();
        return changed > 0;
    } catch (const std::exception& e) {
        return format(_("cannot stop the program: {0}"), {e.what()});
    }
}

std::vector<Decision> ProgramStore::decisions(std::int64_t runId) const {
    std::vector<Decision> out;
    SQLite::Statement q(db_.connection(), "SELECT week, action, stage_after, reason, early FROM program_decisions "
                                          "WHERE run_id = ? ORDER BY week");
    q.bind(1, static_cast<std::int64_t>(runId));
    while (q.executeStep()) {
        Decision d;
        d.week = q.getColumn(0).getInt();
        d.action = actionFromName(q.getColumn(1).getString()).value_or(RuleAction::Stay);
        d.stageAfter = q.getColumn(2).getInt();
        d.reason = q.getColumn(3).getString();
        d.early = q.getColumn(4).getInt() != 0;
        out.push_back(std::move(d));
    }
    return out;
}

std::optional<std::string> ProgramStore::addDecisions(std::int64_t runId, const std::vector<Decision>& decisions,
                                                      std::int64_t now) {
    if (decisions.empty()) return std::nullopt;
    try {
        SQLite::Transaction t(db_.connection(), SQLite::TransactionBehavior::IMMEDIATE);
        for (const Decision& d : decisions) {
            SQLite::Statement q(db_.connection(),
                                "INSERT OR IGNORE INTO program_decisions(run_id, week, action, stage_after, reason, "
                                "early, decided_at) VALUES(?, ?, ?, ?, ?, ?, ?)");
            q.bind(1, static_cast<std::int64_t>(runId));
            q.bind(2, d.week);
            q.bind(3, std::string(actionName(d.action)));
            q.bind(4, d.stageAfter);
            q.bind(5, d.reason);
            q.bind(6, d.early ? 1 : 0);
            q.bind(7, static_cast<std::int64_t>(now));
            q.exec();
        }
        t.commit();
        return std::nullopt;
    } catch (const std::exception& e) {
        return format(_("cannot record the program's decision: {0}"), {e.what()});
    }
}

std::optional<std::string> ProgramStore::markRan(Day day, std::int64_t now) {
    try {
        SQLite::Transaction t(db_.connection(), SQLite::TransactionBehavior::IMMEDIATE);
        SQLite::Statement q(db_.connection(), "INSERT OR IGNORE INTO run_days(day, noted_at) VALUES(?, ?)");
        q.bind(1, formatDay(day));
        q.bind(2, static_cast<std::int64_t>(now));
        q.exec();
        t.commit();
        return std::nullopt;
    } catch (const std::exception& e) {
        // TRANSLATORS: {0} SQLite's reason (its own words, English).
        return format(_("cannot record the run: {0}"), {e.what()});
    }
}

bool ProgramStore::ranOn(Day day) const {
    SQLite::Statement q(db_.connection(), "SELECT 1 FROM run_days WHERE day = ?");
    q.bind(1, formatDay(day));
    return q.executeStep();
}

std::vector<DayScore> ProgramStore::scores(Day since) const {
    std::vector<DayScore> out;
    // A day either side of `since` in seconds covers every time zone; the day filter is exact.
    for (const CheckIn& c : db_.checkIns((since - 1) * 86'400)) {
        const Day day = localDayOf(c.at);
        if (day >= since) out.push_back(DayScore{day, c.area, c.side, c.score});
    }
    return out;
}

std::vector<std::string> ProgramStore::completedOn(Day day) const {
    std::vector<std::string> out;
    for (const StoredSession& s : db_.sessions((day - 1) * 86'400))
        if (s.record.completed && localDayOf(s.record.startedAt) == day &&
            std::find(out.begin(), out.end(), s.record.routineId) == out.end())
            out.push_back(s.record.routineId);
    return out;
}

} // namespace unknot
