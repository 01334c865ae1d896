#include "routine/routine_parser.hpp"

#include "core/atomic_file.hpp"
#include "core/text.hpp"
#include "routine/rules.hpp"
#include "routine/sources.hpp"
#include "routine/speech_cost.hpp"
#include "routine/timeline.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <cstdint>

namespace unknot {

namespace {

// Nesting deeper than this is surely a mistake, and bounding it bounds our recursion.
constexpr int kMaxDepth = 16;

const std::vector<std::string> kTopKeys = {"name",      "summary",  "notes",   "tags",
                                           "equipment", "check_in", "sources", "step"};
const std::vector<std::string> kStepKeys = {"kind",   "duration", "label",  "cue",          "say",
                                            "repeat", "sides",    "switch", "rest_between", "step"};

std::vector<std::string> writableKindNames() {
    std::vector<std::string> names;
    for (PhaseKind k : kWritableKinds) names.emplace_back(kindName(k));
    return names;
}

std::string typeName(const toml::node& node) {
    switch (node.type()) {
    case toml::node_type::string: return "a string";
    case toml::node_type::integer: return "an integer";
    case toml::node_type::floating_point: return "a number";
    case toml::node_type::boolean: return "true/false";
    case toml::node_type::array: return "a list";
    case toml::node_type::table: return "a table";
    default: return "a date or time";
    }
}

class Parser {
  public:
    Parser(std::string_view path, Diagnostics& diagnostics) : path_(path), diagnostics_(diagnostics) {}

    Routine parseTop(const toml::table& top) {
        Routine routine;
        bool sawName = false;
        bool sawSteps = false;
        for (auto&& [key, node] : top) {
            const std::string_view k = key.str();
            if (k == "name") {
                sawName = true;
                if (auto s = text(node, "name", kMaxNameBytes)) {
                    routine.name = *s;
                    if (routine.name.find_first_not_of(" \t") == std::string::npos) error(node, "`name` is empty");
                }
            } else if (k == "summary") {
                if (auto s = text(node, "summary", kMaxSummaryBytes)) {
                    routine.summary = *s;
                    if (s->find('\n') != std::string::npos)
                        error(node, "`summary` is one line; put longer text in `notes`");
                }
            } else if (k == "notes") {
                if (auto s = text(node, "notes", kMaxNotesBytes, true)) routine.notes = *s;
            } else if (k == "tags") {
                routine.tags = stringList(node, "tags", "[\"calves\", \"post-run\"]");
            } else if (k == "equipment") {
                routine.equipment = stringList(node, "equipment", "[\"lacrosse ball\"]");
            } else if (k == "check_in") {
                routine.checkIn = checkInAreas(node);
            } else if (k == "sources") {
                routine.sources = parseSources(node, [this](SourcePos at, std::string m) { error(at, std::move(m)); });
            } else if (k == "step") {
                sawSteps = true;
                routine.steps = steps(node, 0, false);
            } else {
                unknownKey(key, kTopKeys, "routine");
            }
        }
        if (!sawName) error(SourcePos{1, 1}, "the routine has no `name`; add a line like name = \"Calf release\"");
        if (!sawSteps)
            error(SourcePos{1, 1}, "the routine is empty: add at least one [[step]] with a kind and a duration");
        return routine;
    }

    // Problems past kMaxDiagnostics, and where the first of them is.
    std::size_t suppressed_ = 0;
    SourcePos firstSuppressed_;

  private:
    std::string path_;
    Diagnostics& diagnostics_;

    void error(SourcePos pos, std::string message) {
        if (diagnostics_.size() >= kMaxDiagnostics) {
            if (suppressed_++ == 0) firstSuppressed_ = pos;
            return;
        }
        diagnostics_.push_back(Diagnostic{path_, std::max(pos.line, 1), std::max(pos.column, 1), std::move(message)});
    }
    static SourcePos posOf(const toml::source_region& r) {
        return SourcePos{static_cast<int>(r.begin.line), static_cast<int>(r.begin.column)};
    }
    void error(const toml::node& node, std::string message) { error(posOf(node.source()), std::move(message)); }
    void error(const toml::key& key, std::string message) { error(posOf(key.source()), std::move(message)); }

    void unknownKey(const toml::key& key, const std::vector<std::string>& valid, std::string_view where) {
        if (diagnostics_.size() >= kMaxDiagnostics) return error(key, {}); // counted, not worded
        std::string message = "unknown key `" + abbreviate(key.str()) + "` in a " + std::string(where);
        const auto close = closeMatches(key.str(), valid, 1);
        if (!close.empty())
            message += "; did you mean `" + close.front() + "`?";
        else {
            std::vector<std::string> quoted;
            for (const auto& v : valid) quoted.push_back("`" + v + "`");
            message += " (valid keys: " + joinOr(quoted) + ")";
        }
        error(key, std::move(message));
    }

    std::optional<std::string> string(const toml::node& node, std::string_view what) {
        if (const auto* s = node.as_string()) return s->get();
        error(node, "`" + std::string(what) + "` must be a string, not " + typeName(node));
        return std::nullopt;
    }

    // A string a person wrote to be shown: at most `maxBytes`, by the one rule for text from
    // outside (core/text.hpp: no C0 or C1 control, DEL or bidi control; a line break only where
    // `multiline`), kept exactly as written otherwise (emoji, any script).
    std::optional<std::string> text(const toml::node& node, std::string_view what, std::size_t maxBytes,
                                    bool multiline = false) {
        auto s = string(node, what);
        if (!s) return s;
        if (s->size() > maxBytes) {
            error(node, "`" + std::string(what) + "` is too long (" + std::to_string(s->size()) + " bytes; at most " +
                            std::to_string(maxBytes) + ")");
            return std::nullopt;
        }
        if (auto fault = firstTextFault(*s, multiline)) {
            const bool lineBreak = fault->codePoint == '\n' || fault->codePoint == '\r';
            error(node,
                  "`" + std::string(what) + "` " + describeTextFault(*fault) + (lineBreak ? "; it is one line" : ""));
            return std::nullopt;
        }
        return s;
    }

    std::vector<std::string> stringList(const toml::node& node, std::string_view what, std::string_view example) {
        std::vector<std::string> out;
        const auto* array = node.as_array();
        if (!array) {
            error(node, "`" + std::string(what) + "` must be a list of strings, like " + std::string(example));
            return out;
        }
        if (array->size() > kMaxListItems) {
            error(node, "`" + std::string(what) + "` has " + std::to_string(array->size()) + " entries; at most " +
                            std::to_string(kMaxListItems));
            return out;
        }
        for (const auto& item : *array) {
            if (!item.is_string())
                error(item, "each entry of `" + std::string(what) + "` must be a string, not " + typeName(item));
            else if (auto s = text(item, what, kMaxListItemBytes))
                out.push_back(std::move(*s));
        }
        return out;
    }

    // `check_in`: areas as a check-in names them (rules.hpp's areaProblem, as the history stores them), each once.
    std::vector<std::string> checkInAreas(const toml::node& node) {
        std::vector<std::string> areas = stringList(node, "check_in", "[\"heel\", \"knee\"]");
        const auto* array = node.as_array();
        if (!array || areas.size() != array->size()) return {};
        std::vector<std::string> out;
        for (std::size_t i = 0; i < areas.size(); ++i) {
            if (auto problem = areaProblem(areas[i]))
                error((*array)[i], "`check_in`: " + *problem);
            else if (std::find(out.begin(), out.end(), areas[i]) != out.end())
                error((*array)[i], "`check_in` names '" + areas[i] + "' twice");
            else
                out.push_back(areas[i]);
        }
        return out;
    }

    // A duration value: "45s"-style string or a number of seconds. `minMs` and `maxMs` bound it.
    std::optional<Millis> duration(const toml::node& node, std::string_view what, Millis minMs, Millis maxMs) {
        Millis ms = 0;
        if (const auto* s = node.as_string()) {
            auto parsed = parseDuration(s->get());
            if (auto* err = std::get_if<DurationError>(&parsed)) {
                error(node, "`" + std::string(what) + "`: " + err->message);
                return std::nullopt;
            }
            ms = std::get<Millis>(parsed);
        } else if (const auto* i = node.as_integer()) {
            if (i->get() < 0 || i->get() > 1'000'000'000) {
                error(node, "`" + std::string(what) + "` is out of range");
                return std::nullopt;
            }
            ms = i->get() * 1000;
        } else if (const auto* f = node.as_floating_point()) {
            const double v = f->get();
            if (!(v >= 0 && v < 1e9)) {
                error(node, "`" + std::string(what) + "` is out of range");
                return std::nullopt;
            }
            ms = static_cast<Millis>(v * 1000.0 + 0.5);
        } else {
            error(node,
                  "`" + std::string(what) + "` must be a duration like \"45s\" or \"1m30s\", not " + typeName(node));
            return std::nullopt;
        }
        if (ms < minMs || ms > maxMs) {
            error(node, "`" + std::string(what) + "` is " + formatDurationSpec(ms) + "; it must be from " +
                            formatDurationSpec(minMs) + " to " + formatDurationSpec(maxMs));
            return std::nullopt;
        }
        return ms;
    }

    // `switch` and `rest_between`: "0s" for none, else a phase's length, at least 1 s.
    std::optional<Millis> pauseBetween(const toml::node& node, std::string_view what) {
        auto ms = duration(node, what, 0, kMaxPhaseMs);
        if (ms && *ms > 0 && *ms < kMinPhaseMs) {
            error(node, "`" + std::string(what) + "` is " + formatDurationSpec(*ms) + "; it is \"0s\" (none) or from " +
                            formatDurationSpec(kMinPhaseMs) + " to " + formatDurationSpec(kMaxPhaseMs) +
                            ", as a phase is");
            return std::nullopt;
        }
        return ms;
    }

    // Where byte `offset` of a one-line string value lies in the file: after its opening quote,
    // a column per character (exact unless escapes come before it).
    static SourcePos positionInString(const toml::node& node, std::string_view value, std::size_t offset) {
        SourcePos pos = posOf(node.source());
        int chars = 0;
        for (std::size_t i = 0; i < offset && i < value.size(); ++i)
            if ((static_cast<unsigned char>(value[i]) & 0xC0) != 0x80) ++chars;
        pos.column += 1 + chars;
        return pos;
    }

    std::vector<Step> steps(const toml::node& node, int depth, bool insideSided) {
        std::vector<Step> out;
        const auto* array = node.as_array();
        if (!array) {
            error(node, "`step` must be a list of steps: write each one under its own [[step]] header");
            return out;
        }
        if (array->empty()) {
            error(node, "a block needs at least one step");
            return out;
        }
        for (const auto& item : *array) {
            if (const auto* table = item.as_table())
                out.push_back(step(*table, depth, insideSided));
            else
                error(item, "each step must be a table ([[step]] with keys below it), not " + typeName(item));
        }
        return out;
    }

    Step step(const toml::table& table, int depth, bool insideSided) {
        Step s;
        s.pos = posOf(table.source());
        const toml::node* kindNode = nullptr;
        const toml::node* durationNode = nullptr;
        const toml::key* stepKey = nullptr;
        const toml::node* stepNode = nullptr;
        const toml::node* sidesNode = nullptr;
        for (auto&& [key, node] : table) {
            const std::string_view k = key.str();
            if (k == "kind") {
                kindNode = &node;
                if (auto name = string(node, "kind")) {
                    const auto kind = kindFromName(*name);
                    if (!kind || *kind == PhaseKind::Switch) {
                        std::string message = "unknown kind \"" + abbreviate(*name) + "\"";
                        const auto close = closeMatches(*name, writableKindNames(), 1);
                        if (!close.empty()) message += "; did you mean \"" + close.front() + "\"?";
                        message += " (valid kinds: " + joinOr(writableKindNames()) + ")";
                        error(node, std::move(message));
                    } else {
                        s.kind = kind;
                    }
                }
            } else if (k == "duration") {
                durationNode = &node;
            } else if (k == "label") {
                if (auto v = text(node, "label", kMaxLabelBytes)) s.label = *v;
            } else if (k == "cue") {
                if (auto v = text(node, "cue", kMaxCueBytes)) s.cue = *v;
            } else if (k == "say") {
                if (auto v = text(node, "say", kMaxSayBytes)) {
                    if (auto bad = checkSayTemplate(*v))
                        error(positionInString(node, *v, bad->offset), "`say`: " + bad->message);
                    else
                        s.say = *v;
                }
            } else if (k == "repeat") {
                const auto* i = node.as_integer();
                if (!i)
                    error(node, "`repeat` must be a whole number from 1 to " + std::to_string(kMaxRepeat) + ", not " +
                                    typeName(node));
                else if (i->get() < 1 || i->get() > kMaxRepeat)
                    error(node, "`repeat` is " + std::to_string(i->get()) + "; it must be from 1 to " +
                                    std::to_string(kMaxRepeat));
                else
                    s.repeat = static_cast<int>(i->get());
            } else if (k == "sides") {
                sidesNode = &node;
                s.sides = sides(node);
            } else if (k == "switch") {
                if (auto v = pauseBetween(node, "switch")) s.switchMs = *v;
            } else if (k == "rest_between") {
                if (auto v = pauseBetween(node, "rest_between")) s.restBetweenMs = *v;
            } else if (k == "step") {
                stepKey = &key;
                stepNode = &node;
            } else {
                unknownKey(key, kStepKeys, "step");
            }
        }

        if (sidesNode && insideSided && !s.sides.empty())
            error(*sidesNode, "`sides` is already set by an enclosing block; a block inside it runs on that side");
        const bool sided = insideSided || !s.sides.empty();

        if (kindNode && stepNode) {
            error(*stepKey, "a step is either a phase (`kind`) or a block (`step`), never both");
        } else if (stepNode) {
            if (depth + 1 >= kMaxDepth)
                error(*stepKey, "blocks nest too deeply (more than " + std::to_string(kMaxDepth) + " levels)");
            else
                s.children = steps(*stepNode, depth + 1, sided);
            if (durationNode) error(*durationNode, "a block has no `duration` of its own; its steps have");
        } else if (kindNode) {
            if (s.kind == PhaseKind::Manual) {
                if (durationNode) error(*durationNode, "a manual step has no duration: it waits until you continue");
            } else if (durationNode) {
                if (auto v = duration(*durationNode, "duration", kMinPhaseMs, kMaxPhaseMs)) s.durationMs = *v;
            } else if (s.kind) {
                error(*kindNode, "this " + std::string(kindName(*s.kind)) +
                                     " step has no `duration`; add one like duration = \"30s\"");
            }
        } else {
            error(s.pos, "a step needs a `kind` (a phase) or [[step]] tables inside it (a block)");
        }
        return s;
    }

    std::vector<Side> sides(const toml::node& node) {
        std::vector<Side> out;
        const auto* array = node.as_array();
        if (!array) {
            error(node, "`sides` must be a list like [\"left\", \"right\"], not " + typeName(node));
            return out;
        }
        if (array->empty()) error(node, "`sides` is empty; leave it out, or list \"left\" and/or \"right\"");
        for (const auto& item : *array) {
            const auto* s = item.as_string();
            const std::optional<Side> side = s ? sideFromName(s->get()) : std::nullopt;
            if (!side) {
                error(item,
                      "a side is \"left\" or \"right\"" +
                          (s ? std::string(", not \"") + abbreviate(s->get()) + "\"" : ", not " + typeName(item)));
            } else if (std::find(out.begin(), out.end(), *side) != out.end()) {
                error(item, "side \"" + s->get() + "\" is listed twice");
            } else {
                out.push_back(*side);
            }
        }
        return out;
    }
};

// What the voice would say, bounded by what it costs: a shared 24 KB routine whose every phase
// said 32 × {next} grew the app by 37 MB a second. Measured on the expansion, named at the step
// that says the most.
void speechLimits(ParsedRoutine& result, std::string_view path) {
    const Timeline timeline = expand(result.routine);
    const SpeechCost cost = measureSpeech(timeline);
    const auto at = [&](std::size_t phase) {
        const SourcePos pos = timeline.phases[phase].source;
        return std::pair{std::max(pos.line, 1), std::max(pos.column, 1)};
    };
    const auto seconds = [](std::size_t bytes) { return std::to_string(bytes / kSpokenBytesPerSecond); };
    if (cost.longestPhraseBytes > kMaxPhraseBytes) {
        const auto [line, column] = at(cost.longestPhase);
        result.diagnostics.push_back(Diagnostic{
            std::string(path), line, column,
            "the voice would say " + std::to_string(cost.longestPhraseBytes) + " bytes (about " +
                seconds(cost.longestPhraseBytes) + " s) at this step's start; at most " +
                std::to_string(kMaxPhraseBytes) + ": shorten its `say`, its label or those its {next} names"});
    } else if (cost.distinctBytes > kMaxSpokenBytes) {
        const auto [line, column] = at(cost.heaviestPhase);
        result.diagnostics.push_back(
            Diagnostic{std::string(path), line, column,
                       "the voice would say more than " + std::to_string(kMaxSpokenBytes) +
                           " bytes of different text (about " + seconds(kMaxSpokenBytes) +
                           " s), this step the most; shorten the `say` texts or lower some `repeat` "
                           "values"});
    }
}

} // namespace

ParsedRoutine parseRoutine(std::string_view text, std::string_view path) {
    ParsedRoutine result;
    if (auto bad = firstInvalidUtf8(text)) {
        const auto lc = lineColumnAt(text, *bad);
        result.diagnostics.push_back(Diagnostic{std::string(path), lc.line, lc.column,
                                                text[*bad] == '\0' ? "this is not a text file (it holds a NUL byte)"
                                                                   : "this file is not UTF-8 text"});
        return result;
    }
    if (auto deep = firstNestingTooDeep(text)) {
        const auto lc = lineColumnAt(text, *deep);
        result.diagnostics.push_back(Diagnostic{std::string(path), lc.line, lc.column, nestingTooDeepMessage()});
        return result;
    }
    std::size_t suppressed = 0;
    SourcePos firstSuppressed;
    try {
        const toml::table top = toml::parse(text, std::string(path));
        Parser parser(path, result.diagnostics);
        result.routine = parser.parseTop(top);
        suppressed = parser.suppressed_;
        firstSuppressed = parser.firstSuppressed_;
    } catch (const toml::parse_error& e) {
        const auto& begin = e.source().begin;
        result.diagnostics.push_back(Diagnostic{std::string(path),
                                                static_cast<int>(std::max<std::uint32_t>(begin.line, 1)),
                                                static_cast<int>(std::max<std::uint32_t>(begin.column, 1)),
                                                "TOML syntax: " + std::string(e.description())});
        return result;
    }
    if (result.diagnostics.empty()) {
        const ExpansionSize size = measureExpansion(result.routine);
        if (size.phases > kMaxPhases)
            result.diagnostics.push_back(Diagnostic{std::string(path), 1, 1,
                                                    "the routine expands to more than " + std::to_string(kMaxPhases) +
                                                        " phases; lower some `repeat` values"});
        else if (size.textBytes > kMaxExpandedTextBytes)
            result.diagnostics.push_back(Diagnostic{
                std::string(path), 1, 1,
                "the routine's labels and cues, repeated over all its phases, come to more than " +
                    std::to_string(kMaxExpandedTextBytes >> 20) + " MiB; shorten them or lower some `repeat` values"});
        else
            speechLimits(result, path);
    }
    std::stable_sort(result.diagnostics.begin(), result.diagnostics.end(),
                     [](const Diagnostic& a, const Diagnostic& b) {
                         return a.line != b.line ? a.line < b.line : a.column < b.column;
                     });
    if (suppressed > 0)
        result.diagnostics.push_back(
            Diagnostic{std::string(path), std::max(firstSuppressed.line, 1), std::max(firstSuppressed.column, 1),
                       "and " + std::to_string(suppressed) + " more problems (only the first " +
                           std::to_string(kMaxDiagnostics) + " are reported)"});
    return result;
}

ParsedRoutine loadRoutineFile(const std::filesystem::path& file) {
    const std::string shown = file.string();
    std::error_code ec;
    const auto size = std::filesystem::file_size(file, ec);
    if (ec) return ParsedRoutine{{}, {Diagnostic{shown, 1, 1, "cannot read the file: " + ec.message()}}};
    if (size > kMaxRoutineFileBytes)
        return ParsedRoutine{{}, {Diagnostic{shown, 1, 1, "the file is too large to be a routine (over 4 MiB)"}}};
    const auto text = readFile(file);
    if (!text) return ParsedRoutine{{}, {Diagnostic{shown, 1, 1, "cannot open the file"}}};
    return parseRoutine(*text, shown);
}

} // namespace unknot
