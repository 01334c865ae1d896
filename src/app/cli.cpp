#include "app/cli.hpp"

#include "app/data_dirs.hpp"
#include "app/gui_app.hpp"
#include "core/cue_plan.hpp"
#include "core/json_writer.hpp"
#include "core/library.hpp"
#include "core/paths.hpp"
#include "core/playable.hpp"
#include "core/routine_writer.hpp"
#include "core/settings.hpp"
#include "core/text.hpp"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <iostream>

namespace unknot {

namespace {

constexpr int kExitOk = 0;
constexpr int kExitInvalid = 1;
constexpr int kExitUsage = 2;

struct GlobalOptions {
    std::vector<std::string> routineDirs;
    bool verbose = false;
};

LibraryFolders foldersFor(const GlobalOptions& options) {
    LibraryFolders folders;
    folders.builtIn = builtInRoutinesDir();
    folders.user = userRoutinesDir();
    for (const auto& d : options.routineDirs) folders.extra.emplace_back(d);
    return folders;
}

Library scanLibrary(const GlobalOptions& options) {
    Library library;
    library.scan(foldersFor(options));
    return library;
}

// An id from the library, or a path to a file. Prints the error and returns null when neither.
std::optional<LibraryEntry> resolveRoutine(const Library& library, const std::string& arg) {
    std::error_code ec;
    const bool looksLikePath = arg.find('/') != std::string::npos || arg.ends_with(".toml");
    if (looksLikePath && std::filesystem::is_regular_file(arg, ec)) return loadEntry(arg, RoutineSource::Dir);
    if (const LibraryEntry* e = library.findId(arg)) return *e;
    std::cerr << "unknot: error: no routine '" << arg << "'";
    if (looksLikePath) std::cerr << " (no such file)";
    const auto close = library.suggest(arg);
    if (!close.empty()) {
        std::cerr << "; did you mean ";
        for (std::size_t i = 0; i < close.size(); ++i) std::cerr << (i ? ", " : "") << "'" << close[i] << "'";
        std::cerr << "?";
    }
    std::cerr << "\n       'unknot list' shows every routine.\n";
    return std::nullopt;
}

void printDiagnostics(const Diagnostics& diagnostics) {
    for (const auto& d : diagnostics) std::cerr << d.format() << "\n";
}

// One id a line, valid or not: what shell completion offers after 'unknot run'.
int cmdListIds(const GlobalOptions& options) {
    const Library library = scanLibrary(options);
    for (const auto& e : library.entries()) std::cout << e.id << "\n";
    return kExitOk;
}

int cmdList(const GlobalOptions& options, bool json) {
    const Library library = scanLibrary(options);
    if (json) {
        JsonWriter w;
        w.beginObject().key("routines").beginArray();
        for (const auto& e : library.entries()) {
            w.beginObject();
            w.key("id").value(e.id);
            w.key("name").value(e.displayName());
            w.key("path").value(e.path.string());
            w.key("source").value(sourceName(e.source));
            w.key("total_ms").value(e.timeline.totalMs);
            w.key("valid").value(e.valid());
            w.key("errors").beginArray();
            for (const auto& d : e.parsed.diagnostics) w.value(d.format());
            w.endArray();
            w.endObject();
        }
        w.endArray().endObject();
        std::cout << w.str() << "\n";
        return kExitOk;
    }
    if (library.entries().empty()) {
        std::cout << "No routines found. Put .toml files in " << userRoutinesDir().string() << "\n";
        return kExitOk;
    }
    std::size_t idWidth = 2;
    for (const auto& e : library.entries()) idWidth = std::max(idWidth, e.id.size());
    for (const auto& e : library.entries()) {
        std::string line = e.id;
        line.resize(idWidth + 2, ' ');
        if (e.valid()) {
            std::string total = formatHuman(e.timeline.totalMs);
            total.resize(14, ' ');
            line += total;
        } else {
            line += "INVALID       ";
        }
        std::string source(sourceName(e.source));
        source.resize(10, ' ');
        line += source + e.displayName();
        std::cout << line << "\n";
        if (!e.valid())
            for (const auto& d : e.parsed.diagnostics) std::cout << "    " << d.format() << "\n";
    }
    return kExitOk;
}

int cmdCheck(const std::vector<std::string>& files) {
    int invalid = 0;
    for (const auto& f : files) {
        const PlayCheck check = checkPlayableFile(f);
        printDiagnostics(check.diagnostics);
        if (!check.canPlay()) ++invalid;
    }
    if (invalid == 0) {
        std::cout << files.size() << (files.size() == 1 ? " routine" : " routines") << " checked, no problems\n";
        return kExitOk;
    }
    std::cerr << invalid << " of " << files.size() << (files.size() == 1 ? " routine has" : " routines have")
              << " problems\n";
    return kExitInvalid;
}

void printPlanJson(const LibraryEntry& entry, const CuePlan& plan) {
    const Timeline& t = entry.timeline;
    JsonWriter w;
    w.beginObject();
    w.key("routine").beginObject();
    w.key("id").value(entry.id).key("name").value(entry.displayName()).key("total_ms").value(t.totalMs);
    w.endObject();
    w.key("phases").beginArray();
    for (std::size_t i = 0; i < t.phases.size(); ++i) {
        const Phase& p = t.phases[i];
        w.beginObject();
        w.key("index").value(i);
        w.key("kind").value(kindName(p.kind));
        w.key("label").value(p.label);
        w.key("cue").value(p.cue);
        w.key("side");
        if (p.side == Side::None)
            w.null();
        else
            w.value(sideName(p.side));
        w.key("start_ms").value(p.startMs);
        w.key("duration_ms").value(p.durationMs);
        w.key("manual").value(p.manual);
        w.key("round").value(p.round);
        w.key("rounds").value(p.rounds);
        w.key("block").value(p.block);
        w.endObject();
    }
    w.endArray();
    w.key("cues").beginArray();
    for (const Cue& c : plan.cues) {
        w.beginObject();
        w.key("at_ms").value(c.atMs).key("type").value(cueTypeName(c.type)).key("phase").value(c.phase);
        if (c.type == CueType::Countdown) w.key("count").value(c.count);
        w.endObject();
    }
    w.endArray();
    w.endObject();
    std::cout << w.str() << "\n";
}

void printPlanTable(const LibraryEntry& entry, const CuePlan& plan) {
    const Timeline& t = entry.timeline;
    const Routine& r = entry.routine();
    std::cout << r.name << "\n";
    if (!r.summary.empty()) std::cout << r.summary << "\n";
    std::size_t manual = 0;
    for (const auto& p : t.phases) manual += p.manual ? 1 : 0;
    std::cout << "Total " << formatHuman(t.totalMs) << ", " << t.phases.size() << " phases, " << plan.cues.size()
              << " cues";
    if (manual) std::cout << " (plus " << manual << " manual " << (manual == 1 ? "step" : "steps") << ")";
    std::cout << "\n\n";
    std::printf("%5s  %8s  %7s  %-8s %-6s %-6s %s\n", "#", "start", "length", "kind", "side", "round", "label");
    for (std::size_t i = 0; i < t.phases.size(); ++i) {
        const Phase& p = t.phases[i];
        const std::string round = p.rounds > 1 ? std::to_string(p.round) + "/" + std::to_string(p.rounds) : "";
        std::printf("%5zu  %8s  %7s  %-8s %-6s %-6s %s\n", i + 1, formatClock(p.startMs).c_str(),
                    p.manual ? "wait" : formatClock(p.durationMs).c_str(), std::string(kindName(p.kind)).c_str(),
                    std::string(sideName(p.side)).c_str(), round.c_str(), p.label.c_str());
    }
    std::printf("%5s  %8s  end\n", "", formatClock(t.totalMs).c_str());
    std::fflush(stdout);
}

// A routine that can play, by id or path; otherwise the message is printed and `exitCode`
// says why (2: unknown, 1: invalid).
std::optional<LibraryEntry> playableRoutine(const GlobalOptions& options, const std::string& routineArg,
                                            int& exitCode) {
    const Library library = scanLibrary(options);
    auto entry = resolveRoutine(library, routineArg);
    exitCode = kExitUsage;
    if (!entry) return std::nullopt;
    if (!entry->valid()) {
        printDiagnostics(entry->parsed.diagnostics);
        exitCode = kExitInvalid;
        return std::nullopt;
    }
    exitCode = kExitOk;
    return entry;
}

int cmdPlan(const GlobalOptions& options, const std::string& routineArg, bool json) {
    int code = kExitOk;
    const auto entry = playableRoutine(options, routineArg, code);
    if (!entry) return code;
    // The plan is what will play: the user's choice of cues counts.
    const CuePlan plan = planCues(entry->timeline, loadSettings(settingsPath()).settings.cues);
    if (json)
        printPlanJson(*entry, plan);
    else
        printPlanTable(*entry, plan);
    return kExitOk;
}

int cmdExport(const GlobalOptions& options, const std::string& routineArg) {
    int code = kExitOk;
    const auto entry = playableRoutine(options, routineArg, code);
    if (!entry) return code;
    std::cout << formatRoutine(entry->routine());
    return kExitOk;
}

struct WindowOptions {
    bool fullscreen = false;
    bool quitAtEnd = false;
};

int cmdWindow(const GlobalOptions& global, const WindowOptions& window, const std::string* routineArg) {
    GuiOptions options;
    options.folders = foldersFor(global);
    options.fullscreen = window.fullscreen;
    options.quitAtEnd = window.quitAtEnd;
    options.verbose = global.verbose;
    if (routineArg) {
        int code = kExitOk;
        auto entry = playableRoutine(global, *routineArg, code);
        if (!entry) return code;
        options.startWith = std::move(entry);
    }
    return runGui(options);
}

} // namespace

int runCli(int argc, char** argv) {
    CLI::App app{"Unknot: guided recovery routines for runners (tense/release intervals, ball holds).\n"
                 "Without a command, opens the routine library in a window.",
                 "unknot"};
    app.set_version_flag("--version", std::string("unknot ") + UNKNOT_VERSION);
    app.fallthrough();
    app.require_subcommand(0, 1);

    GlobalOptions global;
    app.add_option("--routines-dir", global.routineDirs, "Also read routines from this folder (repeatable)")
        ->check(CLI::ExistingDirectory);
    app.add_flag("-v,--verbose", global.verbose, "Log session events and device details to stderr");

    bool json = false;
    auto* list = app.add_subcommand("list", "List every routine: built-in, your own, and --routines-dir");
    auto* jsonFlag = list->add_flag("--json", json, "Print JSON instead of a table");
    bool idsOnly = false;
    list->add_flag("--ids", idsOnly, "Print only the routine ids, one a line (for shell completion)")->excludes(jsonFlag);

    std::vector<std::string> files;
    auto* check = app.add_subcommand("check", "Check routine files; exit 1 when any has a problem");
    check->add_option("files", files, "Routine files")->required();

    std::string routineArg;
    auto* plan = app.add_subcommand("plan", "Show the expanded timeline and cues of a routine");
    plan->add_option("routine", routineArg, "A routine id (see 'unknot list') or a file path")->required();
    plan->add_flag("--json", json, "Print JSON instead of a table");

    auto* exportCmd = app.add_subcommand("export", "Print a routine in canonical form (what the editor saves)");
    exportCmd->add_option("routine", routineArg, "A routine id (see 'unknot list') or a file path")->required();

    WindowOptions window;
    app.add_flag("--fullscreen", window.fullscreen, "Open the window fullscreen");
    auto* run = app.add_subcommand("run", "Open the window and play a routine at once");
    run->add_option("routine", routineArg, "A routine id (see 'unknot list') or a file path")->required();
    run->add_flag("--fullscreen", window.fullscreen, "Open the window fullscreen");
    run->add_flag("--quit-at-end", window.quitAtEnd, "Close the app when the routine ends");

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? kExitOk : kExitUsage;
    }

    if (*list) return idsOnly ? cmdListIds(global) : cmdList(global, json);
    if (*check) return cmdCheck(files);
    if (*plan) return cmdPlan(global, routineArg, json);
    if (*exportCmd) return cmdExport(global, routineArg);
    if (*run) return cmdWindow(global, window, &routineArg);
    return cmdWindow(global, window, nullptr);
}

} // namespace unknot
