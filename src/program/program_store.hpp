#pragma once
// Programs in the history database (schema 2, src/store/history_db.cpp): the program running
// and since when, the decisions of its rules with their reasons, and the days the user ran.
// Every write is one IMMEDIATE transaction, as the rest of the database's.

#include "program/rules.hpp"
#include "store/history_db.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace unknot {

struct ProgramRun {
    std::int64_t id = 0;
    std::string programId;
    Day start = 0;
};

class ProgramStore {
  public:
    explicit ProgramStore(HistoryDb& db) : db_(db) {}

    [[nodiscard]] std::optional<ProgramRun> activeRun() const;
    // Stops the running program (if any) and starts `programId` on `start`. An error message, or nothing.
    [[nodiscard]] std::optional<std::string> start(const std::string& programId, Day start, std::int64_t now);
    // Whether a program was running; stops it.
    [[nodiscard]] std::variant<bool, std::string> stop(std::int64_t now);

    [[nodiscard]] std::vector<Decision> decisions(std::int64_t runId) const;
    // Stores decisions for weeks not decided yet (another process may have just decided them:
    // theirs stays). An error message, or nothing.
    [[nodiscard]] std::optional<std::string> addDecisions(std::int64_t runId, const std::vector<Decision>& decisions,
                                                          std::int64_t now);

    // "I ran" on `day`; a second time is the same.
    [[nodiscard]] std::optional<std::string> markRan(Day day, std::int64_t now);
    [[nodiscard]] bool ranOn(Day day) const;

    // Check-in scores with their local day, from `since` on.
    [[nodiscard]] std::vector<DayScore> scores(Day since) const;
    // Routine ids played to the end on `day` (local time).
    [[nodiscard]] std::vector<std::string> completedOn(Day day) const;

  private:
    HistoryDb& db_;
};

} // namespace unknot
