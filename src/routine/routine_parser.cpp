#include "routine/routine_parser.hpp"

#include "core/i18n.hpp"
#include "core/text.hpp"
#include "routine/rules.hpp"
#include "routine/sources.hpp"
#include "routine/speech_cost.hpp"
#include "routine/timeline.hpp"
#include "routine/toml_reader.hpp"

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

class Parser : public TomlProblems {
  public:
    Parser(std::string_view path, Diagnostics& diagnostics) : TomlProblems(path, diagnostics, kMaxDiagnostics) {}

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
                    if (routine.name.find_first_not_of(" \t") == std::string::npos) error(node, _("`name` is empty"));
                }
            } else if (k == "summary") {
                if (auto s = text(node, "summary", kMaxSummaryBytes)) {
                    routine.summary = *s;
                    if (s->find('\n') != std::string::npos)
                        error(node, _("`summary` is one line; put longer text in `notes`"));
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
                // TRANSLATORS: {0} the key as the file has it.
                unknownKey(key, kTopKeys, _("unknown key `{0}` in a routine"));
            }
        }
        // TRANSLATORS: keep `name = "Calf release"` as it is (a line of the file), or translate
        // only the name in the quotes.
        if (!sawName) error(SourcePos{1, 1}, _("the routine has no `name`; add a line like name = \"Calf release\""));
        if (!sawSteps)
            error(SourcePos{1, 1}, _("the routine is empty: add at least one [[step]] with a kind and a duration"));
        return routine;
    }

  private:
    std::vector<std::string> stringList(const toml::node& node, std::string_view what, std::string_view example) {
        std::vector<std::string> out;
        const auto* array = node.as_array();
        if (!array) {
            // TRANSLATORS: {0} a key, {1} an example value as the file writes it.
            error(node,
                  format(_("`{0}` must be a list of strings, like {1}"), {std::string(what), std::string(example)}));
            return out;
        }
        if (array->size() > kMaxListItems) {
            // TRANSLATORS: {0} a key, {1} how many entries it has (always more than {2}), {2} the most.
            error(node, format(_("`{0}` has {1} entries; at most {2}"),
                               {std::string(what), std::to_string(array->size()), std::to_string(kMaxListItems)}));
            return out;
        }
        for (const auto& item : *array) {
            if (!item.is_string())
                // TRANSLATORS: {0} a key, {1} what the entry is ("an integer").
                error(item,
                      format(_("each entry of `{0}` must be a string, not {1}"), {std::string(what), typeName(item)}));
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
                // TRANSLATORS: {0} what is wrong with the area (a sentence of its own, translated).
                error((*array)[i], format(_("`check_in`: {0}"), {*problem}));
            else if (std::find(out.begin(), out.end(), areas[i]) != out.end())
                // TRANSLATORS: {0} the area as written.
                error((*array)[i], format(_("`check_in` names '{0}' twice"), {areas[i]}));
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
                // TRANSLATORS: {0} a key, {1} what is wrong with its duration (translated).
                error(node, format(_("`{0}`: {1}"), {std::string(what), err->message}));
                return std::nullopt;
            }
            ms = std::get<Millis>(parsed);
        } else if (const auto* i = node.as_integer()) {
            if (i->get() < 0 || i->get() > 1'000'000'000) {
                error(node, format(_("`{0}` is out of range"), {std::string(what)}));
                return std::nullopt;
            }
            ms = i->get() * 1000;
        } else if (const auto* f = node.as_floating_point()) {
            const double v = f->get();
            if (!(v >= 0 && v < 1e9)) {
                error(node, format(_("`{0}` is out of range"), {std::string(what)}));
                return std::nullopt;
            }
            ms = static_cast<Millis>(v * 1000.0 + 0.5);
        } else {
            // TRANSLATORS: {0} a key, {1} what it holds ("a list"). Keep "45s" and "1m30s".
            error(node, format(_("`{0}` must be a duration like \"45s\" or \"1m30s\", not {1}"),
                               {std::string(what), typeName(node)}));
            return std::nullopt;
        }
        if (ms < minMs || ms > maxMs) {
            // TRANSLATORS: {0} a key, {1} its duration as the file writes it ("2s"), {2} and {3} the
            // shortest and longest allowed.
            error(node, format(_("`{0}` is {1}; it must be from {2} to {3}"),
                               {std::string(what), formatDurationSpec(ms), formatDurationSpec(minMs),
                                formatDurationSpec(maxMs)}));
            return std::nullopt;
        }
        return ms;
    }

    // `switch` and `rest_between`: "0s" for none, else a phase's length, at least 1 s.
    std::optional<Millis> pauseBetween(const toml::node& node, std::string_view what) {
        auto ms = duration(node, what, 0, kMaxPhaseMs);
        if (ms && *ms > 0 && *ms < kMinPhaseMs) {
            // TRANSLATORS: {0} `switch` or `rest_between`, {1} its duration as written, {2} and {3}
            // the shortest and longest phase. Keep "0s".
            error(node, format(_("`{0}` is {1}; it is \"0s\" (none) or from {2} to {3}, as a phase is"),
                               {std::string(what), formatDurationSpec(*ms), formatDurationSpec(kMinPhaseMs),
                                formatDurationSpec(kMaxPhaseMs)}));
            return std::nullopt;
        }
        return ms;
    }

    // Where byte `offset` of a one-line string value lies in the file: after its opening quote,
    // a column per character (exact unless escapes come before it).
    static SourcePos positionInString(const toml::node& node, std::string_view value, std::size_t offset) {
        SourcePos pos = positionOf(node.source());
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
            error(node, _("`step` must be a list of steps: write each one under its own [[step]] header"));
            return out;
        }
        if (array->empty()) {
            error(node, _("a block needs at least one step"));
            return out;
        }
        for (const auto& item : *array) {
            if (const auto* table = item.as_table())
                out.push_back(step(*table, depth, insideSided));
            else
                // TRANSLATORS: {0} what the entry is ("a string").
                error(item,
                      format(_("each step must be a table ([[step]] with keys below it), not {0}"), {typeName(item)}));
        }
        return out;
    }

    Step step(const toml::table& table, int depth, bool insideSided) {
        Step s;
        s.pos = positionOf(table.source());
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
                        // TRANSLATORS: {0} the kind as written, {1} the kinds a file may name (hold,
                        // rest…: the file's words, kept in English).
                        const std::string valid = joinOr(writableKindNames());
                        const auto close = closeMatches(*name, writableKindNames(), 1);
                        error(node,
                              close.empty()
                                  ? format(_("unknown kind \"{0}\" (valid kinds: {1})"), {abbreviate(*name), valid})
                                  // TRANSLATORS: {0} the kind as written, {1} the kind meant, {2} the
                                  // kinds a file may name.
                                  : format(_("unknown kind \"{0}\"; did you mean \"{1}\"? (valid kinds: {2})"),
                                           {abbreviate(*name), close.front(), valid}));
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
                        error(positionInString(node, *v, bad->offset), format(_("`{0}`: {1}"), {"say", bad->message}));
                    else
                        s.say = *v;
                }
            } else if (k == "repeat") {
                const auto* i = node.as_integer();
                if (!i)
                    // TRANSLATORS: {0} the most repeats, {1} what the value is ("a string").
                    error(node, format(_("`repeat` must be a whole number from 1 to {0}, not {1}"),
                                       {std::to_string(kMaxRepeat), typeName(node)}));
                else if (i->get() < 1 || i->get() > kMaxRepeat)
                    // TRANSLATORS: {0} the value written, {1} the most repeats.
                    error(node, format(_("`repeat` is {0}; it must be from 1 to {1}"),
                                       {std::to_string(i->get()), std::to_string(kMaxRepeat)}));
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
                // TRANSLATORS: {0} the key as the file has it.
                unknownKey(key, kStepKeys, _("unknown key `{0}` in a step"));
            }
        }

        if (sidesNode && insideSided && !s.sides.empty())
            error(*sidesNode, _("`sides` is already set by an enclosing block; a block inside it runs on that side"));
        const bool sided = insideSided || !s.sides.empty();

        if (kindNode && stepNode) {
            error(*stepKey, _("a step is either a phase (`kind`) or a block (`step`), never both"));
        } else if (stepNode) {
            if (depth + 1 >= kMaxDepth)
                // TRANSLATORS: {0} the most levels (16).
                error(*stepKey,
                      format(_("blocks nest too deeply (more than {0} levels)"), {std::to_string(kMaxDepth)}));
            else
                s.children = steps(*stepNode, depth + 1, sided);
            if (durationNode) error(*durationNode, _("a block has no `duration` of its own; its steps have"));
        } else if (kindNode) {
            if (s.kind == PhaseKind::Manual) {
                if (durationNode) error(*durationNode, _("a manual step has no duration: it waits until you continue"));
            } else if (durationNode) {
                if (auto v = duration(*durationNode, "duration", kMinPhaseMs, kMaxPhaseMs)) s.durationMs = *v;
            } else if (s.kind) {
                // TRANSLATORS: {0} the step's kind as the file names it (hold, rest…: kept in
                // English). Keep duration = "30s" (a line of the file).
                error(*kindNode, format(_("this {0} step has no `duration`; add one like duration = \"30s\""),
                                        {std::string(kindName(*s.kind))}));
            }
        } else {
            error(s.pos, _("a step needs a `kind` (a phase) or [[step]] tables inside it (a block)"));
        }
        return s;
    }

    std::vector<Side> sides(const toml::node& node) {
        std::vector<Side> out;
        const auto* array = node.as_array();
        if (!array) {
            // TRANSLATORS: {0} what the value is ("a string"). Keep ["left", "right"] (the file's words).
            error(node, format(_("`sides` must be a list like [\"left\", \"right\"], not {0}"), {typeName(node)}));
            return out;
        }
        // TRANSLATORS: keep "left" and "right" (the file's words).
        if (array->empty()) error(node, _("`sides` is empty; leave it out, or list \"left\" and/or \"right\""));
        for (const auto& item : *array) {
            const auto* s = item.as_string();
            const std::optional<Side> side = s ? sideFromName(s->get()) : std::nullopt;
            if (!side) {
                // TRANSLATORS: {0} the side as written. Keep "left" and "right" (the file's words).
                error(item, s ? format(_("a side is \"left\" or \"right\", not \"{0}\""), {abbreviate(s->get())})
                              // TRANSLATORS: {0} what the value is ("an integer").
                              : format(_("a side is \"left\" or \"right\", not {0}"), {typeName(item)}));
            } else if (std::find(out.begin(), out.end(), *side) != out.end()) {
                // TRANSLATORS: {0} "left" or "right", as the file writes it.
                error(item, format(_("side \"{0}\" is listed twice"), {s->get()}));
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
            // TRANSLATORS: {0} bytes of text, {1} about that many seconds, {2} the most bytes. Keep
            // {next} as it is (a placeholder of a `say` line); it is not replaced here.
            format(_("the voice would say {0} bytes (about {1} s) at this step's start; at most {2}: shorten its "
                     "`say`, its label or those its {next} names"),
                   {std::to_string(cost.longestPhraseBytes), seconds(cost.longestPhraseBytes),
                    std::to_string(kMaxPhraseBytes)})});
    } else if (cost.distinctBytes > kMaxSpokenBytes) {
        const auto [line, column] = at(cost.heaviestPhase);
        result.diagnostics.push_back(
            Diagnostic{std::string(path), line, column,
                       // TRANSLATORS: {0} the most bytes, {1} about that many seconds.
                       format(_("the voice would say more than {0} bytes of different text (about {1} s), this "
                                "step the most; shorten the `say` texts or lower some `repeat` values"),
                              {std::to_string(kMaxSpokenBytes), seconds(kMaxSpokenBytes)})});
    }
}

} // namespace

ParsedRoutine parseRoutine(std::string_view text, std::string_view path) {
    ParsedRoutine result;
    const auto top = parseTomlText(text, path, result.diagnostics);
    if (!top) return result;
    Parser parser(path, result.diagnostics);
    result.routine = parser.parseTop(*top);
    if (result.diagnostics.empty()) {
        const ExpansionSize size = measureExpansion(result.routine);
        if (size.phases > kMaxPhases)
            result.diagnostics.push_back(Diagnostic{std::string(path), 1, 1,
                                                    // TRANSLATORS: {0} the most phases.
                                                    format(_("the routine expands to more than {0} phases; lower "
                                                             "some `repeat` values"),
                                                           {std::to_string(kMaxPhases)})});
        else if (size.textBytes > kMaxExpandedTextBytes)
            result.diagnostics.push_back(Diagnostic{
                std::string(path), 1, 1,
                // TRANSLATORS: {0} the most MiB.
                format(_("the routine's labels and cues, repeated over all its phases, come to more than {0} MiB; "
                         "shorten them or lower some `repeat` values"),
                       {std::to_string(kMaxExpandedTextBytes >> 20)})});
        else
            speechLimits(result, path);
    }
    parser.finish();
    return result;
}

ParsedRoutine loadRoutineFile(const std::filesystem::path& file) {
    ParsedRoutine result;
    if (const auto text =
            readTomlFile(file, kMaxRoutineFileBytes,
                         // TRANSLATORS: {0} the most a routine file may hold ("4 MiB").
                         _("the file is too large to be a routine (over {0})"), "4 MiB", result.diagnostics))
        return parseRoutine(*text, file.string());
    return result;
}

} // namespace unknot
