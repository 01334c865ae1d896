#include "cli/cli_program.hpp"

#include "core/atomic_file.hpp"
#include "core/i18n.hpp"
#include "core/paths.hpp"
#include "core/text.hpp"
#include "desktop/clock.hpp"
#include "program/import.hpp"
#include "program/program_library.hpp"
#include "program/today.hpp"
#include "routine/playable.hpp"
#include "routine/sources.hpp"
#include "store/data_dirs.hpp"
#include "store/history_sink.hpp"
#include "store/user_files.hpp"

#include <nlohmann/json.hpp>

#include <iostream>

namespace unknot {

namespace {

constexpr int kExitOk = 0;
constexpr int kExitFailed = 1;
constexpr int kExitUsage = 2;

using Json = nlohmann::ordered_json;
void printJson(const Json& json) { std::cout << json.dump(-1, ' ', false, Json::error_handler_t::replace) << "\n"; }

Day today() { return localDayOf(wallClockSeconds()); }

struct Catalog {
    Library routines;
    ProgramLibrary programs;
};

void scanCatalog(const LibraryFolders& folders, Catalog& out) {
    out.routines.scan(folders);
    out.programs.scan(ProgramFolders{builtInProgramsDir(), userProgramsDir()}, out.routines);
}

Json sourcesJson(const std::vector<Source>& sources) {
    Json out = Json::array();
    for (const Source& s : sources) {
        Json j{{"title", s.title}, {"authors", s.authors}, {"year", s.year}};
        if (!s.doi.empty()) j["doi"] = s.doi;
        if (!s.url.empty()) j["url"] = s.url;
        j["supports"] = s.supports;
        out.push_back(std::move(j));
    }
    return out;
}

std::string dueText(const StageRoutine& r) {
    if (r.due == DueKind::EveryDays)
        return r.everyDays == 2 ? std::string(_("every other day"))
                                : format(n_("every {0} day", "every {0} days", static_cast<unsigned long>(r.everyDays)),
                                         {std::to_string(r.everyDays)});
    if (r.due == DueKind::Weekdays) {
        // The program file's own words (mon, tue…): what a user writes in `days`.
        std::string days;
        for (std::size_t i = 0; i < 7; ++i)
            if (r.weekdays[i]) days += (days.empty() ? "" : ", ") + std::string(kWeekdayNames[i]);
        // TRANSLATORS: {0} is the program file's list of days ("mon, thu"), kept as written there.
        return format(_("on {0}"), {days});
    }
    if (r.due == DueKind::AfterRun) return _("after a run");
    if (r.due == DueKind::BeforeRun) return _("before a run");
    return _("daily");
}

Json routineDueJson(const StageRoutine& r) {
    Json j{{"id", r.id}, {"when", dueKindName(r.due)}};
    if (r.due == DueKind::EveryDays) j["every_days"] = r.everyDays;
    if (r.due == DueKind::Weekdays) {
        Json days = Json::array();
        for (std::size_t i = 0; i < 7; ++i)
            if (r.weekdays[i]) days.push_back(kWeekdayNames[i]);
        j["days"] = std::move(days);
    }
    return j;
}

// The database, or the message printed and null.
std::unique_ptr<HistoryDb> openDb() {
    OpenedHistory opened = openHistory(historyDbPath(), historyPath());
    if (!opened.db) std::cerr << "unknot: " << _("error: ") << escapeControls(opened.error) << "\n";
    for (const auto& p : opened.import.problems) std::cerr << "unknot: " << escapeControls(p) << "\n";
    return std::move(opened.db);
}

void unknownProgram(const ProgramLibrary& programs, const std::string& id) {
    std::cerr << "unknot: " << _("error: ") << format(_("no program '{0}'"), {escapeControls(id)});
    const auto close = programs.suggest(id);
    if (!close.empty()) std::cerr << format(_("; did you mean '{0}'?"), {escapeControls(close.front())});
    std::cerr << "\n       " << _("'unknot program list' shows every program; nothing changed.") << "\n";
}

int cmdList(const LibraryFolders& folders, bool json) {
    Catalog c;
    scanCatalog(folders, c);
    if (json) {
        Json programs = Json::array();
        for (const auto& e : c.programs.entries()) {
            Json errors = Json::array();
            for (const auto& d : e.parsed.diagnostics) errors.push_back(d.format());
            programs.push_back(Json{{"id", e.id},
                                    {"name", e.displayName()},
                                    {"weeks", e.program().totalWeeks()},
                                    {"sources", sourcesJson(e.program().sources)},
                                    {"source", sourceName(e.source)},
                                    {"valid", e.valid()},
                                    {"errors", std::move(errors)}});
        }
        printJson(Json{{"programs", std::move(programs)}});
        return kExitOk;
    }
    if (c.programs.entries().empty()) {
        std::cout << format(_("No programs found. Put program files in {0}"),
                            {escapeControls(userProgramsDir().string())})
                  << "\n";
        return kExitOk;
    }
    std::size_t width = 2;
    for (const auto& e : c.programs.entries()) width = std::max(width, e.id.size());
    for (const auto& e : c.programs.entries()) {
        std::string line = e.id;
        line.resize(width + 2, ' ');
        const auto weeks = static_cast<unsigned long>(e.valid() ? e.program().totalWeeks() : 0);
        line += e.valid() ? format(n_("{0} week", "{0} weeks", weeks), {std::to_string(weeks)}) : _("INVALID");
        line.resize(width + 12, ' ');
        line += e.displayName();
        std::cout << escapeControls(line) << "\n";
        if (!e.valid())
            for (const auto& d : e.parsed.diagnostics) std::cout << "    " << d.format() << "\n";
    }
    return kExitOk;
}

int cmdStart(const LibraryFolders& folders, const std::string& id, const std::string& on) {
    Catalog c;
    scanCatalog(folders, c);
    const ProgramEntry* entry = c.programs.findId(id);
    if (!entry) {
        unknownProgram(c.programs, id);
        return kExitUsage;
    }
    Day start = today();
    if (!on.empty()) {
        const auto day = parseDay(on);
        if (!day || *day > start) {
            std::cerr << "unknot: " << _("error: ")
                      << format(_("--on '{0}' is not a date like 2026-12-07, today or before; nothing changed"),
                                {escapeControls(on)})
                      << "\n";
            return kExitUsage;
        }
        start = *day;
    }
    if (!entry->valid()) {
        for (const auto& d : entry->parsed.diagnostics) std::cerr << d.format() << "\n";
        std::cerr << "unknot: " << _("error: ") << _("the program has problems; nothing changed") << "\n";
        return kExitFailed;
    }
    auto db = openDb();
    if (!db) return kExitFailed;
    ProgramStore store(*db);
    if (auto error = store.start(id, start, wallClockSeconds())) {
        std::cerr << "unknot: " << _("error: ") << escapeControls(*error) << "\n";
        return kExitFailed;
    }
    const auto weeks = static_cast<unsigned long>(entry->program().totalWeeks());
    std::cout << format(n_("started: {0} ({1} week, from {2}). 'unknot today' shows what is due.",
                           "started: {0} ({1} weeks, from {2}). 'unknot today' shows what is due.", weeks),
                        {escapeControls(entry->displayName()), std::to_string(weeks), formatDay(start)})
              << "\n";
    return kExitOk;
}

int cmdStop() {
    auto db = openDb();
    if (!db) return kExitFailed;
    ProgramStore store(*db);
    const auto run = store.activeRun();
    const auto stopped = store.stop(wallClockSeconds());
    if (const auto* error = std::get_if<std::string>(&stopped)) {
        std::cerr << "unknot: " << _("error: ") << escapeControls(*error) << "\n";
        return kExitFailed;
    }
    if (std::get<bool>(stopped) && run)
        std::cout << format(_("stopped: {0} (its decisions stay in the history)"), {escapeControls(run->programId)})
                  << "\n";
    else
        std::cout << _("no program is running") << "\n";
    return kExitOk;
}

Json decisionJson(const Decision& d) {
    return Json{
        {"week", d.week}, {"action", actionName(d.action)}, {"stage_after", d.stageAfter + 1}, {"reason", d.text()}};
}

int cmdShow(const LibraryFolders& folders, const std::string& idArg, bool json) {
    Catalog c;
    scanCatalog(folders, c);
    std::string id = idArg;
    std::optional<Today> state;
    std::vector<Decision> decisions;
    std::unique_ptr<HistoryDb> db;
    if (id.empty()) {
        db = openDb();
        if (!db) return kExitFailed;
        ProgramStore store(*db);
        state = followProgram(store, c.programs, today(), wallClockSeconds());
        if (!state->run) {
            std::cerr
                << "unknot: "
                << _("no program is running; 'unknot program list' shows them, 'unknot program show ID' shows one")
                << "\n";
            return kExitFailed;
        }
        id = state->run->programId;
        decisions = store.decisions(state->run->id);
    }
    const ProgramEntry* entry = c.programs.findId(id);
    if (!entry) {
        unknownProgram(c.programs, id);
        return kExitUsage;
    }
    const Program& p = entry->program();
    const bool running = state && state->following();
    if (json) {
        Json stages = Json::array();
        for (const Stage& s : p.stages) {
            Json routines = Json::array();
            for (const auto& r : s.routines) routines.push_back(routineDueJson(r));
            stages.push_back(
                Json{{"name", s.name},
                     {"weeks", s.weeks},
                     {"advance",
                      {{"after_weeks", s.advance.afterWeeks > 0 ? s.advance.afterWeeks : s.weeks},
                       {"when", advanceWhenName(s.advance.when)}}},
                     {"step_back", s.stepBack.rise > 0 ? Json{{"rise", s.stepBack.rise}} : Json(nullptr)},
                     {"review", s.review.afterWeeks > 0 ? Json{{"after_weeks", s.review.afterWeeks}} : Json(nullptr)},
                     {"routines", std::move(routines)}});
        }
        Json out{{"id", entry->id},
                 {"name", entry->displayName()},
                 {"summary", p.summary},
                 {"weeks", p.totalWeeks()},
                 {"areas", p.areas},
                 {"sources", sourcesJson(p.sources)},
                 {"stages", std::move(stages)}};
        if (running) {
            out["running"] = Json{{"started", formatDay(state->run->start)},
                                  {"stage", std::min(state->place.stage, static_cast<int>(p.stages.size()) - 1) + 1},
                                  {"week", state->place.programWeek},
                                  {"complete", state->complete()}};
            Json ds = Json::array();
            for (const auto& d : decisions) ds.push_back(decisionJson(d));
            out["decisions"] = std::move(ds);
        }
        printJson(out);
        return entry->valid() ? kExitOk : kExitFailed;
    }
    const auto totalWeeks = static_cast<unsigned long>(p.totalWeeks());
    std::cout << escapeControls(entry->displayName()) << " ("
              << format(n_("{0} week", "{0} weeks", totalWeeks), {std::to_string(totalWeeks)}) << ")\n";
    if (!p.summary.empty()) std::cout << escapeControls(p.summary) << "\n";
    if (running)
        std::cout << format(_("Running since {0}: {1}"), {formatDay(state->run->start), state->stageLine()}) << "\n";
    for (std::size_t i = 0; i < p.stages.size(); ++i) {
        const Stage& s = p.stages[i];
        const bool here = running && state->place.stage == static_cast<int>(i);
        const auto weeks = static_cast<unsigned long>(s.weeks);
        std::cout << "\n"
                  << (here ? "> " : "  ")
                  << format(n_("Stage {0}: {1} ({2} week)", "Stage {0}: {1} ({2} weeks)", weeks),
                            {std::to_string(i + 1), escapeControls(s.name), std::to_string(weeks)})
                  << "\n";
        for (const auto& r : s.routines) std::cout << "    " << escapeControls(r.id) << "  " << dueText(r) << "\n";
    }
    if (running && !decisions.empty()) {
        std::cout << "\n" << _("Decisions") << "\n";
        for (const auto& d : decisions)
            std::cout << "  " << format(_("week {0}"), {std::to_string(d.week)}) << "  " << actionName(d.action) << "  "
                      << escapeControls(d.text()) << "\n";
    }
    if (!p.sources.empty()) {
        std::cout << "\n" << _("Sources") << "\n";
        for (const auto& s : p.sources)
            std::cout << "  " << escapeControls(citeShort(s)) << ": " << escapeControls(s.supports) << "\n";
    }
    if (!entry->valid())
        for (const auto& d : entry->parsed.diagnostics) std::cerr << d.format() << "\n";
    return entry->valid() ? kExitOk : kExitFailed;
}

int cmdToday(const LibraryFolders& folders, bool json) {
    Catalog c;
    scanCatalog(folders, c);
    auto db = openDb();
    if (!db) return kExitFailed;
    ProgramStore store(*db);
    const Today t = followProgram(store, c.programs, today(), wallClockSeconds());
    if (json) {
        Json program = nullptr;
        if (t.run && t.program)
            program = Json{{"id", t.run->programId},
                           {"stage", std::min(t.place.stage, static_cast<int>(t.program->stages.size()) - 1) + 1},
                           {"week", t.place.programWeek}};
        Json due = Json::array();
        for (const auto& d : t.due) due.push_back(Json{{"routine", d.id}, {"done", d.done}});
        printJson(Json{
            {"date", formatDay(t.date)},
            {"program", std::move(program)},
            {"due", std::move(due)},
            {"decision", t.decision ? Json{{"action", actionName(t.decision->action)}, {"reason", t.decision->text()}}
                                    : Json(nullptr)}});
    } else if (!t.run) {
        std::cout << _("No program is running. 'unknot program list' shows them; 'unknot program start ID' starts one.")
                  << "\n";
    } else if (t.program) {
        std::cout << escapeControls(t.program->name) << ": " << t.stageLine() << "\n";
        if (t.due.empty())
            std::cout << (t.complete() ? _("The program is complete.") : _("Nothing due today.")) << "\n";
        for (const auto& d : t.due) {
            const LibraryEntry* r = c.routines.findId(d.id);
            std::cout << (d.done ? "  [x] " : "  [ ] ") << escapeControls(d.id);
            if (r && r->valid())
                std::cout << "  " << formatHuman(r->totalMs) << "  " << escapeControls(r->displayName());
            if (!r) std::cout << "  " << _("(no such routine)");
            std::cout << "\n";
        }
        if (t.decision)
            std::cout << format(_("Week {0}: {1}"),
                                {std::to_string(t.decision->week), escapeControls(t.decision->text())})
                      << "\n";
        for (const auto& line : t.trends) std::cout << escapeControls(line) << "\n";
    }
    if (!t.problem.empty()) {
        std::cerr << "unknot: " << _("error: ") << escapeControls(t.problem) << "\n";
        return kExitFailed;
    }
    return kExitOk;
}

int cmdRan(const std::string& date) {
    Day day = today();
    if (!date.empty()) {
        const auto parsed = parseDay(date);
        if (!parsed || *parsed > day) {
            std::cerr << "unknot: " << _("error: ")
                      << format(_("'{0}' is not a date like 2026-12-07, today or before; nothing recorded"),
                                {escapeControls(date)})
                      << "\n";
            return kExitUsage;
        }
        day = *parsed;
    }
    auto db = openDb();
    if (!db) return kExitFailed;
    ProgramStore store(*db);
    if (auto error = store.markRan(day, wallClockSeconds())) {
        std::cerr << "unknot: " << _("error: ") << escapeControls(*error) << "\n";
        return kExitFailed;
    }
    std::cout << format(_("recorded: a run on {0}"), {formatDay(day)}) << "\n";
    return kExitOk;
}

int cmdImport(const LibraryFolders& folders, const std::vector<std::string>& files) {
    Catalog c;
    scanCatalog(folders, c);
    const ImportResult result =
        importFiles(files, routineIds(c.routines), ImportFolders{userRoutinesDir(), userProgramsDir()});
    for (const ImportedFile& f : result) {
        if (f.imported()) {
            const std::string id = escapeControls(f.to.stem().string());
            std::cout << format(f.program ? _("imported program '{0}' from {1}") : _("imported routine '{0}' from {1}"),
                                {id, escapeControls(f.from)})
                      << "\n";
            continue;
        }
        for (const auto& d : f.problems) std::cerr << d.format() << "\n";
        if (!f.error.empty())
            std::cerr << "unknot: " << _("error: ") << escapeControls(f.from) << ": " << escapeControls(f.error)
                      << "\n";
        else
            std::cerr << "unknot: " << format(_("refused: {0}"), {escapeControls(f.from)}) << "\n";
    }
    const std::size_t bad = refusedCount(result);
    if (bad > 0)
        std::cerr << format(n_("{0} of {1} file refused", "{0} of {1} files refused", files.size()),
                            {std::to_string(bad), std::to_string(files.size())})
                  << "\n";
    return bad > 0 ? kExitFailed : kExitOk;
}

} // namespace

Diagnostics checkProgramFile(const std::filesystem::path& file, const Library& routines) {
    const auto known = routineIds(routines);
    return loadProgramFile(file, &known).diagnostics;
}

void addProgramCommands(CLI::App& app, ProgramCommands& into) {
    into.program = app.add_subcommand("program", _("Programs: weeks of routines that follow your check-ins"));
    into.program->require_subcommand(1);
    into.list = into.program->add_subcommand("list", _("List the programs"));
    into.list->add_flag("--json", into.json, _("Print JSON"));
    into.start = into.program->add_subcommand("start", _("Start a program (stops the one running)"));
    into.start->add_option("id", into.id, _("A program id (see 'unknot program list')"))->required();
    into.start->add_option("--on", into.date, _("The day it started (2026-12-07; today or before), default today"));
    into.stop = into.program->add_subcommand("stop", _("Stop the program running"));
    into.show = into.program->add_subcommand(
        "show", _("Show the running program (or the one named), its stages and decisions"));
    into.show->add_option("id", into.id, _("A program id; default the running one"));
    into.show->add_flag("--json", into.json, _("Print JSON"));

    into.today = app.add_subcommand("today", _("What the running program asks today: routines due, done or not"));
    into.today->add_flag("--json", into.json, _("Print JSON"));
    into.ran = app.add_subcommand("ran", _("Record a run (today, or DATE), so after_run routines come due"));
    into.ran->add_option("date", into.date, _("The day of the run, like 2026-12-07; default today"));
    into.import =
        app.add_subcommand("import", _("Check routine and program files and copy the good ones into your folder"));
    into.import->add_option("files", into.files, _("Routine or program files (*.toml, *.unknot.toml)"))->required();
}

int runProgramCommands(const ProgramCommands& c, const LibraryFolders& folders) {
    if (c.list && *c.list) return cmdList(folders, c.json);
    if (c.start && *c.start) return cmdStart(folders, c.id, c.date);
    if (c.stop && *c.stop) return cmdStop();
    if (c.show && *c.show) return cmdShow(folders, c.id, c.json);
    if (c.today && *c.today) return cmdToday(folders, c.json);
    if (c.ran && *c.ran) return cmdRan(c.date);
    if (c.import && *c.import) return cmdImport(folders, c.files);
    return -1;
}

} // namespace unknot
