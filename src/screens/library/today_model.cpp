#include "screens/library/today_model.hpp"

#include "core/duration.hpp"
#include "core/i18n.hpp"
#include "store/user_files.hpp"

namespace unknot {

namespace ui {
std::string describePanel(const TodayPanel& p) {
    std::string due;
    for (const auto& r : p.rows) due += (due.empty() ? "" : ",") + r.id + (r.done ? "+" : "-");
    return "stage=\"" + p.stage + "\" due=" + (due.empty() ? "none" : due) + " ran=" + (p.ran ? "1" : "0");
}
} // namespace ui

namespace {
// The entry with `id`, as the library resolves it: --routines-dir, then the user's, then built-in.
const LibraryEntry* findRoutine(const std::vector<LibraryEntry>& routines, const std::string& id) {
    for (RoutineSource source : {RoutineSource::Dir, RoutineSource::User, RoutineSource::BuiltIn})
        for (const auto& e : routines)
            if (e.source == source && e.id == id) return &e;
    return nullptr;
}
} // namespace

TodayModel::TodayModel(ProgramFolders folders, std::filesystem::path db, Reporter& reporter,
                       std::function<std::int64_t()> wallClock)
    : folders_(std::move(folders)), dbPath_(std::move(db)), reporter_(reporter), wallClock_(std::move(wallClock)) {}

TodayModel::~TodayModel() = default;

HistoryDb* TodayModel::db() {
    if (db_) return db_.get();
    auto opened = HistoryDb::open(dbPath_);
    if (auto* error = std::get_if<std::string>(&opened)) {
        panel_.problem = *error;
        return nullptr;
    }
    db_ = std::move(std::get<std::unique_ptr<HistoryDb>>(opened));
    return db_.get();
}

// The database and its journals (unknot.db, unknot.db-wal, unknot.db-journal): a write another
// process commits closes or renames one of them.
std::string TodayModel::databaseStamp() const {
    std::string stamp;
    for (const char* suffix : {"", "-wal", "-journal"}) {
        std::error_code ec;
        const auto file = std::filesystem::path(dbPath_.string() + suffix);
        const auto size = std::filesystem::file_size(file, ec);
        const auto time = std::filesystem::last_write_time(file, ec);
        if (!ec)
            stamp += std::to_string(size) + "@" + std::to_string(time.time_since_epoch().count()) + ";";
        else
            stamp += "-;";
    }
    return stamp;
}

bool TodayModel::stale() {
    bool changed = today_ && localDayOf(wallClock_()) != today_->date;
    if (!watch_) return changed;
    if (!watch_->watching()) {
        std::string stamp = databaseStamp();
        changed = changed || stamp != dbStamp_;
        dbStamp_ = std::move(stamp);
        return changed;
    }
    const FolderWatch::Changes seen = watch_->take();
    const std::string name = dbPath_.filename().string();
    changed = changed || seen.everything;
    for (const auto& file : seen.files) changed = changed || file.filename().string().starts_with(name);
    return changed;
}

void TodayModel::refresh(const std::vector<LibraryEntry>& routines) {
    ui::TodayPanel p;
    HistoryDb* database = db();
    // Watched from after our own opening (which makes the journal's files), before the reading.
    if (!watch_) watch_ = std::make_unique<FolderWatch>(std::vector{dbPath_.parent_path()});
    if (!watch_->watching()) dbStamp_ = databaseStamp();
    if (!database) {
        p.problem = panel_.problem;
    } else {
        // The program library checks stage routine ids against these entries.
        std::vector<std::string> ids;
        for (const auto& e : routines) ids.push_back(e.id);
        ProgramLibrary programs;
        programs.scan(folders_, ids);
        ProgramStore store(*database);
        const std::int64_t now = wallClock_();
        Today t = followProgram(store, programs, localDayOf(now), now);
        p.problem = t.problem;
        p.ran = t.ran;
        if (t.run) {
            p.show = true;
            p.title = format(_("Today \xC2\xB7 {0}"), {t.program ? t.program->name : t.run->programId});
            p.stage = t.stageLine();
            bool nextMarked = false;
            for (const DueRoutine& d : t.due) {
                ui::TodayRow row;
                row.id = d.id;
                row.done = d.done;
                const LibraryEntry* e = findRoutine(routines, d.id);
                row.name = e ? e->displayName() : d.id + " " + _("(no such routine)");
                if (e && e->valid()) row.length = formatClock(e->totalMs);
                row.next = !d.done && !nextMarked && e && e->valid();
                nextMarked |= row.next;
                p.rows.push_back(std::move(row));
            }
            if (p.rows.empty()) p.nothing = t.complete() ? _("The program is complete.") : _("Nothing due today.");
            if (t.decision)
                p.decision = format(_("Week {0}: {1}"), {std::to_string(t.decision->week), t.decision->text()});
            for (const auto& line : t.trends) p.trend += (p.trend.empty() ? "" : " \xC2\xB7 ") + line;
        }
        today_ = std::move(t);
    }
    const std::string before = ui::describePanel(panel_) + panel_.decision + panel_.trend + panel_.problem;
    panel_ = std::move(p);
    if (ui::describePanel(panel_) + panel_.decision + panel_.trend + panel_.problem != before) ++serial_;
    if (panel_.show) reporter_.logf("today %s trend=\"%s\"", ui::describePanel(panel_).c_str(), panel_.trend.c_str());
    if (!panel_.problem.empty()) reporter_.logf("today: %s", panel_.problem.c_str());
}

bool TodayModel::markRan(const std::vector<LibraryEntry>& routines) {
    HistoryDb* database = db();
    if (!database) return false;
    ProgramStore store(*database);
    const std::int64_t now = wallClock_();
    if (auto error = store.markRan(localDayOf(now), now)) {
        reporter_.notice(*error);
        return false;
    }
    reporter_.log("today ran");
    refresh(routines);
    return true;
}

std::optional<std::string> TodayModel::nextDueId() const {
    for (const auto& r : panel_.rows)
        if (r.next) return r.id;
    return std::nullopt;
}

} // namespace unknot
