#include "program/program_parser.hpp"

#include "core/i18n.hpp"
#include "core/text.hpp"
#include "routine/rules.hpp"
#include "routine/sources.hpp"
#include "routine/toml_reader.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <cmath>

namespace unknot {

namespace {

const std::vector<std::string> kTopKeys = {"name", "summary", "notes", "areas", "sources", "stage"};
const std::vector<std::string> kStageKeys = {"name", "weeks", "advance", "step_back", "review", "routine"};
const std::vector<std::string> kRoutineKeys = {"id", "when", "days", "every_days"};
const std::vector<std::string> kWhenNames = {"daily", "after_run", "before_run"};
const std::vector<std::string> kAdvanceWhenNames = {"not_worse", "better", "always"};

std::string quotedList(const std::vector<std::string>& names) {
    std::vector<std::string> q;
    for (const auto& n : names) q.push_back("\"" + n + "\"");
    return joinOr(q);
}

class Parser : public TomlProblems {
  public:
    Parser(std::string_view path, Diagnostics& diagnostics, const std::vector<std::string>* known)
        : TomlProblems(path, diagnostics, kMaxDiagnosticsPerProgram), known_(known) {}

    Program parseTop(const toml::table& top) {
        Program p;
        bool sawName = false, sawStages = false;
        for (auto&& [key, node] : top) {
            const std::string_view k = key.str();
            if (k == "name") {
                sawName = true;
                if (auto s = text(node, "name", kMaxNameBytes)) {
                    p.name = *s;
                    if (p.name.find_first_not_of(" \t") == std::string::npos) error(node, _("`name` is empty"));
                }
            } else if (k == "summary") {
                if (auto s = text(node, "summary", kMaxSummaryBytes)) p.summary = *s;
            } else if (k == "notes") {
                if (auto s = text(node, "notes", kMaxNotesBytes, true)) p.notes = *s;
            } else if (k == "areas") {
                p.areas = areas(node);
            } else if (k == "sources") {
                p.sources = parseSources(node, [this](SourcePos at, std::string m) { error(at, std::move(m)); });
            } else if (k == "stage") {
                sawStages = true;
                p.stages = stages(node);
            } else {
                // TRANSLATORS: {0} the key as the file has it.
                unknownKey(key, kTopKeys, _("unknown key `{0}` in a program"));
            }
        }
        // TRANSLATORS: keep name = "Heel, 12 weeks" as it is (a line of the file), or translate
        // only the name in the quotes.
        if (!sawName) error(SourcePos{1, 1}, _("the program has no `name`; add a line like name = \"Heel, 12 weeks\""));
        if (!sawStages)
            error(SourcePos{1, 1}, _("the program has no stages: add at least one [[stage]] with routines"));
        return p;
    }

  private:
    static constexpr std::size_t kMaxDiagnosticsPerProgram = 100;
    const std::vector<std::string>* known_;

    std::optional<std::int64_t> wholeNumber(const toml::node& node, std::string_view what, std::int64_t lo,
                                            std::int64_t hi) {
        const auto* i = node.as_integer();
        if (!i || i->get() < lo || i->get() > hi) {
            // TRANSLATORS: {0} a key, {1} and {2} the least and the most it may be.
            error(node, format(_("`{0}` is a whole number from {1} to {2}"),
                               {std::string(what), std::to_string(lo), std::to_string(hi)}));
            return std::nullopt;
        }
        return i->get();
    }

    std::vector<std::string> areas(const toml::node& node) {
        std::vector<std::string> out;
        const auto* array = node.as_array();
        if (!array) {
            // TRANSLATORS: keep ["heel"] (a value of the file).
            error(node, _("`areas` must be a list of check-in areas, like [\"heel\"]"));
            return out;
        }
        for (const auto& item : *array) {
            const auto* s = item.as_string();
            if (!s)
                error(item, _("each entry of `areas` must be a string"));
            else if (auto problem = areaProblem(s->get()))
                // TRANSLATORS: {0} what is wrong with the area (a sentence of its own, translated).
                error(item, format(_("`areas`: {0}"), {*problem}));
            else if (std::find(out.begin(), out.end(), s->get()) != out.end())
                // TRANSLATORS: {0} the area as written.
                error(item, format(_("`areas` names '{0}' twice"), {s->get()}));
            else
                out.push_back(s->get());
        }
        return out;
    }

    std::vector<Stage> stages(const toml::node& node) {
        std::vector<Stage> out;
        const auto* array = node.as_array();
        if (!array || array->empty()) {
            error(node, _("`stage` is a list of stages: write each under its own [[stage]] header"));
            return out;
        }
        if (array->size() > static_cast<std::size_t>(kMaxStages)) {
            // TRANSLATORS: {0} the most stages (always several).
            error(node, format(_("a program has at most {0} stages"), {std::to_string(kMaxStages)}));
            return out;
        }
        for (const auto& item : *array) {
            if (const auto* table = item.as_table())
                out.push_back(stage(*table));
            else
                error(item, _("each stage must be a table ([[stage]] with keys below it)"));
        }
        return out;
    }

    Stage stage(const toml::table& table) {
        Stage s;
        s.pos = positionOf(table.source());
        bool sawWeeks = false, sawRoutines = false;
        const toml::node* advanceAfter = nullptr;
        const toml::node* reviewAfter = nullptr;
        for (auto&& [key, node] : table) {
            const std::string_view k = key.str();
            if (k == "name") {
                if (auto v = text(node, "name", kMaxNameBytes)) s.name = *v;
            } else if (k == "weeks") {
                sawWeeks = true;
                if (auto v = wholeNumber(node, "weeks", 1, kMaxStageWeeks)) s.weeks = static_cast<int>(*v);
            } else if (k == "advance") {
                advanceAfter = advance(node, s.advance);
            } else if (k == "step_back") {
                stepBack(node, s.stepBack);
            } else if (k == "review") {
                reviewAfter = review(node, s.review);
            } else if (k == "routine") {
                sawRoutines = true;
                s.routines = routines(node);
            } else {
                // TRANSLATORS: {0} the key as the file has it.
                unknownKey(key, kStageKeys, _("unknown key `{0}` in a stage"));
            }
        }
        // TRANSLATORS: keep weeks = 2 (a line of the file).
        if (!sawWeeks) error(s.pos, _("this stage has no `weeks`; add one like weeks = 2"));
        if (!sawRoutines) error(s.pos, _("this stage lists no routines: add a [[stage.routine]] with an `id`"));
        const auto longerThanStage = [&](int afterWeeks) {
            // TRANSLATORS: {0} the value of `after_weeks`, {1} the stage's weeks (the plural goes by {1}).
            return format(n_("`after_weeks` is {0}, longer than the stage's {1} week",
                             "`after_weeks` is {0}, longer than the stage's {1} weeks",
                             static_cast<unsigned long>(s.weeks)),
                          {std::to_string(afterWeeks), std::to_string(s.weeks)});
        };
        if (advanceAfter && s.advance.afterWeeks > s.weeks) error(*advanceAfter, longerThanStage(s.advance.afterWeeks));
        if (reviewAfter && s.review.afterWeeks > s.weeks) error(*reviewAfter, longerThanStage(s.review.afterWeeks));
        return s;
    }

    const toml::table* ruleTable(const toml::node& node, std::string_view what, std::string_view example) {
        const auto* t = node.as_table();
        if (!t)
            // TRANSLATORS: {0} a key, {1} an example value as the file writes it.
            error(node, format(_("`{0}` is a table, like {0} = {1}"), {std::string(what), std::string(example)}));
        return t;
    }

    const toml::node* advance(const toml::node& node, AdvanceRule& rule) {
        const auto* t = ruleTable(node, "advance", "{ after_weeks = 2, when = \"not_worse\" }");
        if (!t) return nullptr;
        const toml::node* after = nullptr;
        for (auto&& [key, v] : *t) {
            if (key.str() == "after_weeks") {
                after = &v;
                if (auto n = wholeNumber(v, "after_weeks", 1, kMaxStageWeeks)) rule.afterWeeks = static_cast<int>(*n);
            } else if (key.str() == "when") {
                const auto* s = v.as_string();
                const auto it = s ? std::find(kAdvanceWhenNames.begin(), kAdvanceWhenNames.end(), s->get())
                                  : kAdvanceWhenNames.end();
                if (it == kAdvanceWhenNames.end())
                    // TRANSLATORS: {0} the values it may have ("not_worse", "better" or "always": kept).
                    error(v, format(_("`when` of `advance` is {0}"), {quotedList(kAdvanceWhenNames)}));
                else
                    rule.when = static_cast<AdvanceWhen>(it - kAdvanceWhenNames.begin());
            } else {
                // TRANSLATORS: {0} the key as the file has it.
                unknownKey(key, {"after_weeks", "when"}, _("unknown key `{0}` in an `advance` rule"));
            }
        }
        return after;
    }

    void stepBack(const toml::node& node, StepBackRule& rule) {
        const auto* t = ruleTable(node, "step_back", "{ rise = 2 }");
        if (!t) return;
        bool sawRise = false;
        for (auto&& [key, v] : *t) {
            if (key.str() == "rise") {
                sawRise = true;
                const auto d = v.value<double>();
                if (!d || !(*d >= 0.5 && *d <= kMaxRise))
                    error(v, _("`rise` is a number of points from 0.5 to 10 (on the 0-10 pain scale)"));
                else
                    rule.rise = *d;
            } else {
                // TRANSLATORS: {0} the key as the file has it.
                unknownKey(key, {"rise"}, _("unknown key `{0}` in a `step_back` rule"));
            }
        }
        if (!sawRise) error(node, _("`step_back` needs a `rise`, like step_back = { rise = 2 }"));
    }

    const toml::node* review(const toml::node& node, ReviewRule& rule) {
        const auto* t = ruleTable(node, "review", "{ after_weeks = 4 }");
        if (!t) return nullptr;
        const toml::node* after = nullptr;
        for (auto&& [key, v] : *t) {
            if (key.str() == "after_weeks") {
                after = &v;
                if (auto n = wholeNumber(v, "after_weeks", 1, kMaxStageWeeks)) rule.afterWeeks = static_cast<int>(*n);
            } else {
                // TRANSLATORS: {0} the key as the file has it.
                unknownKey(key, {"after_weeks"}, _("unknown key `{0}` in a `review` rule"));
            }
        }
        if (!after) error(node, _("`review` needs `after_weeks`, like review = { after_weeks = 4 }"));
        return after;
    }

    std::vector<StageRoutine> routines(const toml::node& node) {
        std::vector<StageRoutine> out;
        const auto* array = node.as_array();
        if (!array || array->empty()) {
            error(node, _("`routine` is a list: write each under its own [[stage.routine]] header"));
            return out;
        }
        if (array->size() > kMaxStageRoutines) {
            // TRANSLATORS: {0} the most routines (always several).
            error(node, format(_("a stage lists at most {0} routines"), {std::to_string(kMaxStageRoutines)}));
            return out;
        }
        for (const auto& item : *array) {
            if (const auto* table = item.as_table())
                out.push_back(routine(*table));
            else
                error(item, _("each routine of a stage is a table ([[stage.routine]] with `id` and when it is due)"));
        }
        return out;
    }

    StageRoutine routine(const toml::table& table) {
        StageRoutine r;
        r.pos = positionOf(table.source());
        int schedules = 0;
        bool sawId = false;
        const toml::key* secondSchedule = nullptr;
        for (auto&& [key, node] : table) {
            const std::string_view k = key.str();
            if (k == "when" || k == "days" || k == "every_days")
                if (++schedules == 2) secondSchedule = &key;
            if (k == "id") {
                sawId = true;
                if (auto v = text(node, "id", kMaxNameBytes)) {
                    r.id = *v;
                    checkId(node, r.id);
                }
            } else if (k == "when") {
                const auto* s = node.as_string();
                const auto it = s ? std::find(kWhenNames.begin(), kWhenNames.end(), s->get()) : kWhenNames.end();
                if (it == kWhenNames.end()) {
                    // TRANSLATORS: {0} the values it may have ("daily", "after_run" or "before_run": kept).
                    std::string message =
                        format(_("`when` is {0} (or give `days` or `every_days` instead)"), {quotedList(kWhenNames)});
                    if (s)
                        if (auto close = closeMatches(s->get(), kWhenNames, 1); !close.empty())
                            // TRANSLATORS: {0} the value as written, {1} the value meant.
                            message = format(_("unknown `when` \"{0}\"; did you mean \"{1}\"?"),
                                             {abbreviate(s->get()), close.front()});
                    error(node, std::move(message));
                } else {
                    r.due = it == kWhenNames.begin() ? DueKind::Daily
                            : *it == "after_run"     ? DueKind::AfterRun
                                                     : DueKind::BeforeRun;
                }
            } else if (k == "days") {
                r.due = DueKind::Weekdays;
                days(node, r.weekdays);
            } else if (k == "every_days") {
                r.due = DueKind::EveryDays;
                if (auto v = wholeNumber(node, "every_days", 1, kMaxEveryDays)) r.everyDays = static_cast<int>(*v);
            } else {
                // TRANSLATORS: {0} the key as the file has it.
                unknownKey(key, kRoutineKeys, _("unknown key `{0}` in a stage's routine"));
            }
        }
        if (!sawId) error(r.pos, _("this routine has no `id`; name a routine as `unknot list` shows it"));
        if (schedules == 0)
            // TRANSLATORS: keep the keys and values as they are (the file's words).
            error(r.pos, _("say when this routine is due: when = \"daily\", \"after_run\" or \"before_run\", "
                           "days = [\"mon\", \"thu\"] or every_days = 2"));
        if (secondSchedule) error(*secondSchedule, _("give one of `when`, `days` and `every_days`, not two"));
        return r;
    }

    void checkId(const toml::node& node, const std::string& id) {
        if (id.empty() || id.find('/') != std::string::npos || id.ends_with(".toml")) {
            error(node, _("`id` is a routine's id (its file name without .toml), like \"glute-release-ball\""));
            return;
        }
        if (!known_ || std::find(known_->begin(), known_->end(), id) != known_->end()) return;
        const auto close = closeMatches(id, *known_, 1);
        // TRANSLATORS: {0} the id as written.
        error(node, close.empty()
                        ? format(_("no routine '{0}'; `unknot list` shows every routine"), {abbreviate(id)})
                        // TRANSLATORS: {0} the id as written, {1} the routine's id meant.
                        : format(_("no routine '{0}'; did you mean '{1}'?"), {abbreviate(id), close.front()}));
    }

    void days(const toml::node& node, std::array<bool, 7>& into) {
        const auto* array = node.as_array();
        if (!array || array->empty()) {
            // TRANSLATORS: keep ["mon", "thu"] (the file's words).
            error(node, _("`days` is a list of days of the week, like [\"mon\", \"thu\"]"));
            return;
        }
        const std::vector<std::string> names(kWeekdayNames.begin(), kWeekdayNames.end());
        for (const auto& item : *array) {
            const auto* s = item.as_string();
            const auto it = s ? std::find(names.begin(), names.end(), s->get()) : names.end();
            if (it == names.end()) {
                // TRANSLATORS: {0} the days a file names ("mon", "tue"… kept).
                error(item, format(_("a day is {0}"), {quotedList(names)}));
                continue;
            }
            auto& day = into[static_cast<std::size_t>(it - names.begin())];
            // TRANSLATORS: {0} a day as the file names it ("mon").
            if (day) error(item, format(_("\"{0}\" is listed twice"), {*it}));
            day = true;
        }
    }
};

} // namespace

ParsedProgram parseProgram(std::string_view text, std::string_view path, const std::vector<std::string>* known) {
    ParsedProgram result;
    const auto top = parseTomlText(text, path, result.diagnostics);
    if (!top) return result;
    Parser parser(path, result.diagnostics, known);
    result.program = parser.parseTop(*top);
    parser.finish();
    return result;
}

ParsedProgram loadProgramFile(const std::filesystem::path& file, const std::vector<std::string>* known) {
    ParsedProgram result;
    if (const auto text =
            readTomlFile(file, kMaxProgramFileBytes,
                         // TRANSLATORS: {0} the most a program file may hold ("1 MiB").
                         _("the file is too large to be a program (over {0})"), "1 MiB", result.diagnostics))
        return parseProgram(*text, file.string(), known);
    return result;
}

bool looksLikeProgram(std::string_view text) {
    if (firstInvalidUtf8(text) || firstNestingTooDeep(text)) return false;
    try {
        const toml::table top = toml::parse(text);
        return top.contains("stage") && !top.contains("step");
    } catch (const toml::parse_error&) {
        return false;
    }
}

} // namespace unknot
