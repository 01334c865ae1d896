#include "cli/cli.hpp"

#include "audio/voice.hpp"
#include "cli/cli_history.hpp"
#include "cli/cli_program.hpp"
#include "cli/cli_remind.hpp"
#include "core/i18n.hpp"
#include "core/paths.hpp"
#include "core/text.hpp"
#include "desktop/gui_app.hpp"
#include "play/cue_plan.hpp"
#include "play/phrase_plan.hpp"
#include "routine/playable.hpp"
#include "routine/routine_writer.hpp"
#include "store/data_dirs.hpp"
#include "store/library.hpp"
#include "store/settings.hpp"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>
#include <limits>
#include <map>

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

// JSON as scripts read it: keys in the order written (users script against it), invalid UTF-8
// from a routine file replaced (U+FFFD), never an exception.
using Json = nlohmann::ordered_json;
void printJson(const Json& json) {
    std::cout << escapeJsonControls(json.dump(-1, ' ', false, Json::error_handler_t::replace)) << "\n";
}

// The routine a command names: a file path is read alone; an id is looked up in the library,
// read once. `entry` points into one of the two.
struct NamedRoutine {
    Library library;
    std::optional<LibraryEntry> file;
    const LibraryEntry* entry = nullptr; // null when there is none (the error is printed)
};

void resolveRoutine(const GlobalOptions& options, const std::string& arg, NamedRoutine& out) {
    std::error_code ec;
    const bool looksLikePath = arg.find('/') != std::string::npos || arg.ends_with(".toml");
    if (looksLikePath && std::filesystem::is_regular_file(arg, ec)) {
        out.entry = &out.file.emplace(loadEntry(arg, RoutineSource::Dir));
        return;
    }
    const Library& library = out.library;
    out.library.scan(foldersFor(options));
    if ((out.entry = library.findId(arg))) return;
    std::string message =
        format(looksLikePath ? _("no routine '{0}' (no such file)") : _("no routine '{0}'"), {escapeControls(arg)});
    const auto close = library.suggest(arg);
    if (!close.empty()) {
        std::string ids;
        for (std::size_t i = 0; i < close.size(); ++i) ids += (i ? ", '" : "'") + escapeControls(close[i]) + "'";
        message += format(_("; did you mean {0}?"), {ids});
    }
    std::cerr << "unknot: " << _("error: ") << message << "\n       " << _("'unknot list' shows every routine.")
              << "\n";
}

void printDiagnostics(const Diagnostics& diagnostics) {
    for (const auto& d : diagnostics) std::cerr << d.format() << "\n";
}

// One id a line, valid or not: what shell completion offers after 'unknot run'.
int cmdListIds(const GlobalOptions& options) {
    for (const auto& id : routineIds(foldersFor(options))) std::cout << escapeControls(id) << "\n";
    return kExitOk;
}

int cmdList(const GlobalOptions& options, bool json) {
    const Library library = scanLibrary(options);
    if (json) {
        Json routines = Json::array();
        for (const auto& e : library.entries()) {
            Json errors = Json::array();
            for (const auto& d : e.parsed.diagnostics) errors.push_back(d.format());
            routines.push_back(Json{{"id", e.id},
                                    {"name", e.displayName()},
                                    {"path", e.path.string()},
                                    {"source", sourceName(e.source)},
                                    {"total_ms", e.totalMs},
                                    {"valid", e.valid()},
                                    {"errors", std::move(errors)}});
        }
        printJson(Json{{"routines", std::move(routines)}});
        return kExitOk;
    }
    if (library.entries().empty()) {
        std::cout << format(_("No routines found. Put .toml files in {0}"),
                            {escapeControls(userRoutinesDir().string())})
                  << "\n";
        return kExitOk;
    }
    std::size_t idWidth = 2;
    for (const auto& e : library.entries()) idWidth = std::max(idWidth, e.id.size());
    for (const auto& e : library.entries()) {
        std::string line = e.id;
        line.resize(idWidth + 2, ' ');
        if (e.valid()) {
            std::string total = formatHuman(e.totalMs);
            total.resize(14, ' ');
            line += total;
        } else {
            line += "INVALID       ";
        }
        std::string source(sourceName(e.source));
        source.resize(10, ' ');
        line += source + e.displayName();
        std::cout << escapeControls(line) << "\n";
        if (!e.valid())
            for (const auto& d : e.parsed.diagnostics) std::cout << "    " << d.format() << "\n";
    }
    return kExitOk;
}

// Routine and program files alike: a file with [[stage]] tables is a program, its routine ids
// checked against the library.
int cmdCheck(const GlobalOptions& options, const std::vector<std::string>& files) {
    int invalid = 0;
    std::size_t programs = 0;
    std::optional<Library> library;
    for (const auto& f : files) {
        if (isProgramFile(f)) {
            ++programs;
            if (!library) library = scanLibrary(options);
            const Diagnostics problems = checkProgramFile(f, *library);
            printDiagnostics(problems);
            if (!problems.empty()) ++invalid;
            continue;
        }
        const PlayCheck check = checkPlayableFile(f);
        printDiagnostics(check.diagnostics);
        if (!check.canPlay()) ++invalid;
    }
    // Whole sentences for each kind of file, so every language can say them its own way.
    const unsigned long n = files.size();
    const std::string count = std::to_string(n);
    const std::string bad = std::to_string(invalid);
    if (invalid == 0) {
        const char* ok = programs == 0 ? n_("{0} routine checked, no problems", "{0} routines checked, no problems", n)
                         : programs == n
                             ? n_("{0} program checked, no problems", "{0} programs checked, no problems", n)
                             : n_("{0} file checked, no problems", "{0} files checked, no problems", n);
        std::cout << format(ok, {count}) << "\n";
        return kExitOk;
    }
    const char* problems = programs == 0 ? n_("{0} of {1} routine has problems", "{0} of {1} routines have problems", n)
                           : programs == n
                               ? n_("{0} of {1} program has problems", "{0} of {1} programs have problems", n)
                               : n_("{0} of {1} file has problems", "{0} of {1} files have problems", n);
    std::cerr << format(problems, {bad, count}) << "\n";
    return kExitInvalid;
}

// Frames at the sound device's rate, where the mixer starts a sound planned at `ms`.
constexpr Millis kPlanFramesPerSecond = 48'000;

// What the voice will say, as the app says it: the settings' voice and rate measure each phrase.
// Nothing when the voice is off or cannot speak.
struct SpokenPlan {
    std::vector<Phrase> phrases;
    std::map<std::string, std::size_t> leadFrames; // silent frames a phrase's sound begins with
};
SpokenPlan spokenPhrases(const Timeline& timeline, const Settings& settings) {
    SpokenPlan out;
    if (!settings.voice.enabled) return out;
    const int rate = static_cast<int>(kPlanFramesPerSecond);
    // Stereo, as the device plays it, so the lengths and leads are the app's to the frame.
    std::string whyNot;
    auto voice = openVoiceFor(settings.voice, currentLanguage(), rate, 2, &whyNot);
    if (!voice) {
        if (!whyNot.empty()) std::cerr << "unknot: " << whyNot << "\n";
        return out;
    }
    out.phrases = planPhrases(timeline, settings.cues, [&](const std::string& text) {
        const SpokenPhrase said = voice->speak(text);
        std::size_t lead = 0;
        while (lead < said.frames(2) && said.samples[2 * lead] == 0 && said.samples[2 * lead + 1] == 0) ++lead;
        out.leadFrames[text] = lead;
        return static_cast<Millis>(said.frames(2)) * 1000 / kPlanFramesPerSecond;
    });
    return out;
}

void printPlanJson(const LibraryEntry& entry, const CuePlan& plan, const SpokenPlan& spoken) {
    const std::vector<Phrase>& phrases = spoken.phrases;
    const Timeline& t = entry.timeline();
    Json phases = Json::array();
    for (std::size_t i = 0; i < t.phases.size(); ++i) {
        const Phase& p = t.phases[i];
        phases.push_back(Json{{"index", i},
                              {"kind", kindName(p.kind)},
                              {"label", p.label.str()},
                              {"cue", p.cue.str()},
                              {"side", p.side == Side::None ? Json(nullptr) : Json(sideName(p.side))},
                              {"start_ms", p.startMs},
                              {"duration_ms", p.durationMs},
                              {"manual", p.manual},
                              {"round", p.round},
                              {"rounds", p.rounds},
                              {"block", p.block.str()}});
    }
    Json cues = Json::array();
    // Phrases among the cues, in time order; a phrase follows the cue it belongs to.
    auto phrase = phrases.begin();
    const auto addPhrasesBefore = [&](Millis ms) {
        for (; phrase != phrases.end() && phrase->atMs < ms; ++phrase) {
            Json say{{"at_ms", phrase->atMs},
                     {"type", "say"},
                     {"phase", phrase->phase},
                     {"frame", phrase->atMs * kPlanFramesPerSecond / 1000},
                     {"text", phrase->text},
                     {"kind", phraseKindName(phrase->kind)},
                     {"length_ms", phrase->lengthMs},
                     // Where its first sound is: the frame plus the silence Flite begins with.
                     {"lead_frames", phrase->text.empty() ? 0 : spoken.leadFrames.at(phrase->text)}};
            if (phrase->fit != PhraseFit::Full) {
                say[phrase->fit == PhraseFit::Dropped ? "dropped" : "shortened"] = true;
                say["full_text"] = phrase->fullText;
            }
            if (phrase->everyMs > 0) say["every_ms"] = phrase->everyMs;
            cues.push_back(std::move(say));
        }
    };
    for (const Cue& c : plan.cues) {
        addPhrasesBefore(c.atMs);
        Json cue{{"at_ms", c.atMs}, {"type", cueTypeName(c.type)}, {"phase", c.phase}};
        if (c.type == CueType::Countdown) cue["count"] = c.count;
        cues.push_back(std::move(cue));
    }
    addPhrasesBefore(std::numeric_limits<Millis>::max());
    printJson(Json{{"routine", {{"id", entry.id}, {"name", entry.displayName()}, {"total_ms", t.totalMs}}},
                   {"phases", std::move(phases)},
                   {"cues", std::move(cues)}});
}

void printPlanTable(const LibraryEntry& entry, const CuePlan& plan, const std::vector<Phrase>& phrases) {
    const Timeline& t = entry.timeline();
    const Routine& r = entry.routine();
    std::cout << escapeControls(r.name) << "\n";
    if (!r.summary.empty()) std::cout << escapeControls(r.summary) << "\n";
    std::size_t manual = 0;
    for (const auto& p : t.phases) manual += p.manual ? 1 : 0;
    std::cout << format(_("Total {0}, {1}, {2}"),
                        {formatHuman(t.totalMs),
                         format(n_("{0} phase", "{0} phases", t.phases.size()), {std::to_string(t.phases.size())}),
                         format(n_("{0} cue", "{0} cues", plan.cues.size()), {std::to_string(plan.cues.size())})});
    if (manual)
        std::cout << " "
                  << format(n_("(plus {0} manual step)", "(plus {0} manual steps)", manual), {std::to_string(manual)});
    std::cout << "\n\n";
    // The columns' names stay English, as the kinds and sides under them are the file's words.
    std::printf("%5s  %8s  %7s  %-8s %-6s %-6s %s\n", "#", "start", "length", "kind", "side", "round", "label");
    for (std::size_t i = 0; i < t.phases.size(); ++i) {
        const Phase& p = t.phases[i];
        const std::string round = p.rounds > 1 ? std::to_string(p.round) + "/" + std::to_string(p.rounds) : "";
        std::printf("%5zu  %8s  %7s  %-8s %-6s %-6s %s\n", i + 1, formatClock(p.startMs).c_str(),
                    p.manual ? "wait" : formatClock(p.durationMs).c_str(), std::string(kindName(p.kind)).c_str(),
                    std::string(sideName(p.side)).c_str(), round.c_str(), escapeControls(p.label.str()).c_str());
    }
    std::printf("%5s  %8s  end\n", "", formatClock(t.totalMs).c_str());
    if (!phrases.empty()) std::printf("\n%s\n", _("Spoken:"));
    for (const Phrase& p : phrases) {
        const std::string fit = p.fit == PhraseFit::Dropped     ? std::string(" ") + _("(dropped: no room)")
                                : p.fit == PhraseFit::Shortened ? std::string(" ") + _("(shortened)")
                                                                : std::string();
        std::printf("%5zu  %8s  %s%s\n", p.phase + 1, formatClock(p.atMs).c_str(),
                    escapeControls(p.fit == PhraseFit::Dropped ? p.fullText : p.text).c_str(), fit.c_str());
    }
    std::fflush(stdout);
}

// A routine that can play, by id or path; otherwise the message is printed and `exitCode`
// says why (2: unknown, 1: invalid) and `named.entry` is null.
int findPlayable(const GlobalOptions& options, const std::string& routineArg, NamedRoutine& named) {
    resolveRoutine(options, routineArg, named);
    if (!named.entry) return kExitUsage;
    if (!named.entry->valid()) {
        printDiagnostics(named.entry->parsed.diagnostics);
        named.entry = nullptr;
        return kExitInvalid;
    }
    return kExitOk;
}

int cmdPlan(const GlobalOptions& options, const std::string& routineArg, bool json) {
    NamedRoutine named;
    if (const int code = findPlayable(options, routineArg, named); code != kExitOk) return code;
    // The plan is what will play: the user's choice of cues counts.
    const Settings settings = loadSettings(settingsPath()).settings;
    CuePlan plan = planCues(named.entry->timeline(), settings.cues);
    const SpokenPlan spoken = spokenPhrases(named.entry->timeline(), settings);
    dropTicksUnderPhrases(plan, spoken.phrases);
    if (json)
        printPlanJson(*named.entry, plan, spoken);
    else
        printPlanTable(*named.entry, plan, spoken.phrases);
    return kExitOk;
}

int cmdExport(const GlobalOptions& options, const std::string& routineArg) {
    NamedRoutine named;
    if (const int code = findPlayable(options, routineArg, named); code != kExitOk) return code;
    std::cout << formatRoutine(named.entry->routine());
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
        NamedRoutine named;
        if (const int code = findPlayable(global, *routineArg, named); code != kExitOk) return code;
        options.startWith = named.file ? std::move(*named.file) : *named.entry;
    }
    return runGui(options);
}

// CLI11's own words in --help and its errors' help line.
void translateHelpLabels(CLI::App& app) {
    app.option_defaults()->group(_("Options"));
    const auto formatter = app.get_formatter();
    // TRANSLATORS: --help's headings and markers, as CLI11 prints them.
    for (const char* label : {N_("Usage"), N_("OPTIONS"), N_("SUBCOMMAND"), N_("SUBCOMMANDS"), N_("Positionals"),
                              N_("REQUIRED"), N_("Needs"), N_("Excludes")})
        formatter->label(label, _(label));
    app.set_help_flag("-h,--help", _("Print this help message and exit"));
    app.set_version_flag("--version", std::string("unknot ") + UNKNOT_VERSION,
                         _("Display program version information and exit"));
}

} // namespace

int runCli(int argc, char** argv) {
    // Before any word is said: the language of the settings, else of the environment.
    initI18n(languageSetting(settingsPath()), localeDir());
    CLI::App app{_("Unknot: guided recovery routines for runners (tense/release intervals, ball holds).\n"
                   "Without a command, opens the routine library in a window."),
                 "unknot"};
    translateHelpLabels(app);
    app.fallthrough();
    app.require_subcommand(0, 1);

    GlobalOptions global;
    app.add_option("--routines-dir", global.routineDirs, _("Also read routines from this folder (repeatable)"))
        ->check(CLI::ExistingDirectory);
    app.add_flag("-v,--verbose", global.verbose, _("Log session events and device details to stderr"));

    bool json = false;
    auto* list = app.add_subcommand("list", _("List every routine: built-in, your own, and --routines-dir"));
    auto* jsonFlag = list->add_flag("--json", json, _("Print JSON instead of a table"));
    bool idsOnly = false;
    list->add_flag("--ids", idsOnly, _("Print only the routine ids, one a line (for shell completion)"))
        ->excludes(jsonFlag);

    std::vector<std::string> files;
    auto* check = app.add_subcommand("check", _("Check routine and program files; exit 1 when any has a problem"));
    check->add_option("files", files, _("Routine or program files"))->required();

    std::string routineArg;
    auto* plan = app.add_subcommand("plan", _("Show the expanded timeline and cues of a routine"));
    plan->add_option("routine", routineArg, _("A routine id (see 'unknot list') or a file path"))->required();
    plan->add_flag("--json", json, _("Print JSON instead of a table"));

    auto* exportCmd = app.add_subcommand("export", _("Print a routine in canonical form (what the editor saves)"));
    exportCmd->add_option("routine", routineArg, _("A routine id (see 'unknot list') or a file path"))->required();

    WindowOptions window;
    app.add_flag("--fullscreen", window.fullscreen, _("Open the window fullscreen"));
    auto* run = app.add_subcommand("run", _("Open the window and play a routine at once"));
    run->add_option("routine", routineArg, _("A routine id (see 'unknot list') or a file path"))->required();
    run->add_flag("--fullscreen", window.fullscreen, _("Open the window fullscreen"));
    run->add_flag("--quit-at-end", window.quitAtEnd, _("Close the app when the routine ends"));

    HistoryCommands historyCommands;
    addHistoryCommands(app, historyCommands);
    ProgramCommands programCommands;
    addProgramCommands(app, programCommands);
    RemindCommand remindCommand;
    addRemindCommand(app, remindCommand);

    for (CLI::App* sub : app.get_subcommands({})) sub->group(_("Subcommands"));

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? kExitOk : kExitUsage;
    }

    if (*list) return idsOnly ? cmdListIds(global) : cmdList(global, json);
    if (*check) return cmdCheck(global, files);
    if (*plan) return cmdPlan(global, routineArg, json);
    if (*exportCmd) return cmdExport(global, routineArg);
    if (*run) return cmdWindow(global, window, &routineArg);
    if (const int code = runHistoryCommands(historyCommands); code >= 0) return code;
    if (const int code = runProgramCommands(programCommands, foldersFor(global)); code >= 0) return code;
    if (const int code = runRemindCommand(remindCommand, foldersFor(global)); code >= 0) return code;
    return cmdWindow(global, window, nullptr);
}

} // namespace unknot
