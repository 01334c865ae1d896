#pragma once
// Today, in the window: the running program's state read from the database (the same answer
// as `unknot today`), turned into the panel the library shows, and "I ran today". No ImGui, no
// SDL; the wall clock is injected (what day it is), the database opened when first needed.

#include "core/reporter.hpp"
#include "program/program_library.hpp"
#include "program/today.hpp"
#include "screens/library/today_panel.hpp"
#include "store/folder_watch.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace unknot {

class TodayModel {
  public:
    TodayModel(ProgramFolders folders, std::filesystem::path db, Reporter& reporter,
               std::function<std::int64_t()> wallClock);
    ~TodayModel();

    // Reads the programs, applies the decisions owed and reads today again (entering the
    // library, after a routine, after "I ran today").
    void refresh(const std::vector<LibraryEntry>& routines);
    // Whether what today shows may have changed by itself: the database written by another
    // process (`unknot check-in`, `unknot ran`, `unknot program start` in a terminal; seen by
    // watching its folder) or the day turned (past midnight, the window still open). Cheap: call
    // it at every wake, then refresh() when true.
    [[nodiscard]] bool stale();
    // "I ran today": after_run (and before_run) routines come due. False when it could not be kept.
    bool markRan(const std::vector<LibraryEntry>& routines);

    [[nodiscard]] const ui::TodayPanel& panel() const { return panel_; }
    // The routine Enter starts: the first due and not done.
    [[nodiscard]] std::optional<std::string> nextDueId() const;
    // Changes whenever what the panel shows changes.
    [[nodiscard]] unsigned serial() const { return serial_; }

  private:
    ProgramFolders folders_;
    std::filesystem::path dbPath_;
    Reporter& reporter_;
    std::function<std::int64_t()> wallClock_;
    std::unique_ptr<HistoryDb> db_;
    ui::TodayPanel panel_;
    std::optional<Today> today_;
    unsigned serial_ = 0;
    std::unique_ptr<FolderWatch> watch_; // the database's folder, from the first refresh
    std::string dbStamp_;                // where the folder cannot be watched: the files' sizes and times

    HistoryDb* db();
    [[nodiscard]] std::string databaseStamp() const;
};

} // namespace unknot
