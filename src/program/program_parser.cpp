#include "program/program_parser.hpp"

#include "core/atomic_file.hpp"
#include "core/text.hpp"
#include "routine/rules.hpp"
#include "routine/sources.hpp"

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

SourcePos posOf(const toml::source_region& r) {
    return SourcePos{static_cast<int>(r.begin.line), static_cast<int>(r.begin.column)};
}

std::string quotedList(const std::vector<std::string>& names) {
    std::vector<std::string> q;
    for (const auto& n : names) q.push_back("\"" + n + "\"");
    return joinOr(q);
}

class Parser {
  public:
    Parser(std::string_view path, Diagnostics& diagnostics, const std::vector<std::string>* known)
        : path_(path), diagnostics_(diagnostics), known_(known) {}

    Program parseTop(const toml::table& top) {
        Program p;
        bool sawName = false, sawStages = false;
        for (auto&& [key, node] : top) {
            const std::string_view k = key.str();
            if (k == "name") {
                sawName = true;
                if (auto s = text(node, "name", kMaxNameBytes)) {
                    p.name = *s;
                    if (p.name.find_first_not_of(" \t") == std::string::npos) error(node, "`name` is empty");
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
                unknownKey(key, kTopKeys, "program");
            }
        }
        if (!sawName) error(SourcePos{1, 1}, "the program has no `name`; add a line like name = \"Heel, 12 weeks\"");
        if (!sawStages) error(SourcePos{1, 1}, "the program has no stages: add at least one [[stage]] with routines");
        return p;
    }

    std::size_t suppressed_ = 0;
    SourcePos firstSuppressed_;

  private:
    std::string path_;
    Diagnostics& diagnostics_;
    const std::vector<std::string>* known_;

    void error(SourcePos pos, std::string message) {
        if (diagnostics_.size() >= kMaxDiagnosticsPerProgram) {
            if (suppressed_++ == 0) firstSuppressed_ = pos;
            return;
        }
        diagnostics_.push_back(Diagnostic{path_, std::max(pos.line, 1), std::max(pos.column, 1), std::move(message)});
    }
    void error(const toml::node& node, std::string message) { error(posOf(node.source()), std::move(message)); }
    void error(const toml::key& key, std::string message) { error(posOf(key.source()), std::move(message)); }

    static constexpr std::size_t kMaxDiagnosticsPerProgram = 100;

    void unknownKey(const toml::key& key, const std::vector<std::string>& valid, std::string_view where) {
        std::string message = "unknown key `" + abbreviate(key.str()) + "` in a " + std::string(where);
        const auto close = closeMatches(key.str(), valid, 1);
        if (!close.empty()) {
            message += "; did you mean `" + close.front() + "`?";
        } else {
            std::vector<std::string> q;
            for (const auto& v : valid) q.push_back("`" + v + "`");
            message += " (valid keys: " + joinOr(q) + ")";
        }
        error(key, std::move(message));
    }

    std::optional<std::string> text(const toml::node& node, std::string_view what, std::size_t maxBytes,
                                    bool multiline = false) {
        const auto* s = node.as_string();
        if (!s) {
            error(node, "`" + std::string(what) + "` must be a string");
            return std::nullopt;
        }
        const std::string& v = s->get();
        if (v.size() > maxBytes) {
            error(node, "`" + std::string(what) + "` is too long (" + std::to_string(v.size()) + " bytes; at most " +
                            std::to_string(maxBytes) + ")");
            return std::nullopt;
        }
        if (auto fault = firstTextFault(v, multiline)) {
            const bool lineBreak = fault->codePoint == '\n' || fault->codePoint == '\r';
            error(node,
                  "`" + std::string(what) + "` " + describeTextFault(*fault) + (lineBreak ? "; it is one line" : ""));
            return std::nullopt;
        }
        return v;
    }

    std::optional<std::int64_t> wholeNumber(const toml::node& node, std::string_view what, std::int64_t lo,
                                            std::int64_t hi) {
        const auto* i = node.as_integer();
        if (!i || i->get() < lo || i->get() > hi) {
            error(node, "`" + std::string(what) + "` is a whole number from " + std::to_string(lo) + " to " +
                            std::to_string(hi));
            return std::nullopt;
        }
        return i->get();
    }

    std::vector<std::string> areas(const toml::node& node) {
        std::vector<std::string> out;
        const auto* array = node.as_array();
        if (!array) {
            error(node, "`areas` must be a list of check-in areas, like [\"heel\"]");
            return out;
        }
        for (const auto& item : *array) {
            const auto* s = item.as_string();
            if (!s)
                error(item, "each entry of `areas` must be a string");
            else if (auto problem = areaProblem(s->get()))
                error(item, "`areas`: " + *problem);
            else if (std::find(out.begin(), out.end(), s->get()) != out.end())
                error(item, "`areas` names '" + s->get() + "' twice");
            else
                out.push_back(s->get());
        }
        return out;
    }

    std::vector<Stage> stages(const toml::node& node) {
        std::vector<Stage> out;
        const auto* array = node.as_array();
        if (!array || array->empty()) {
            error(node, "`stage` is a list of stages: write each under its own [[stage]] header");
            return out;
        }
        if (array->size() > static_cast<std::size_t>(kMaxStages)) {
            error(node, "a program has at most " + std::to_string(kMaxStages) + " stages");
            return out;
        }
        for (const auto& item : *array) {
            if (const auto* table = item.as_table())
                out.push_back(stage(*table));
            else
                error(item, "each stage must be a table ([[stage]] with keys below it)");
        }
        return out;
    }

    Stage stage(const toml::table& table) {
        Stage s;
        s.pos = posOf(table.source());
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
                unknownKey(key, kStageKeys, "stage");
            }
        }
        if (!sawWeeks) error(s.pos, "this stage has no `weeks`; add one like weeks = 2");
        if (!sawRoutines) error(s.pos, "this stage lists no routines: add a [[stage.routine]] with an `id`");
        if (advanceAfter && s.advance.afterWeeks > s.weeks)
            error(*advanceAfter, "`after_weeks` is " + std::to_string(s.advance.afterWeeks) +
                                     ", longer than the stage's " + std::to_string(s.weeks) + " weeks");
        if (reviewAfter && s.review.afterWeeks > s.weeks)
            error(*reviewAfter, "`after_weeks` is " + std::to_string(s.review.afterWeeks) +
                                    ", longer than the stage's " + std::to_string(s.weeks) + " weeks");
        return s;
    }

    const toml::table* ruleTable(const toml::node& node, std::string_view what, std::string_view example) {
        const auto* t = node.as_table();
        if (!t)
            error(node,
                  "`" + std::string(what) + "` is a table, like " + std::string(what) + " = " + std::string(example));
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
                    error(v, "`when` of `advance` is " + quotedList(kAdvanceWhenNames));
                else
                    rule.when = static_cast<AdvanceWhen>(it - kAdvanceWhenNames.begin());
            } else {
                unknownKey(key, {"after_weeks", "when"}, "`advance` rule");
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
                    error(v, "`rise` is a number of points from 0.5 to 10 (on the 0-10 pain scale)");
                else
                    rule.rise = *d;
            } else {
                unknownKey(key, {"rise"}, "`step_back` rule");
            }
        }
        if (!sawRise) error(node, "`step_back` needs a `rise`, like step_back = { rise = 2 }");
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
                unknownKey(key, {"after_weeks"}, "`review` rule");
            }
        }
        if (!after) error(node, "`review` needs `after_weeks`, like review = { after_weeks = 4 }");
        return after;
    }

    std::vector<StageRoutine> routines(const toml::node& node) {
        std::vector<StageRoutine> out;
        const auto* array = node.as_array();
        if (!array || array->empty()) {
            error(node, "`routine` is a list: write each under its own [[stage.routine]] header");
            return out;
        }
        if (array->size() > kMaxStageRoutines) {
            error(node, "a stage lists at most " + std::to_string(kMaxStageRoutines) + " routines");
            return out;
        }
        for (const auto& item : *array) {
            if (const auto* table = item.as_table())
                out.push_back(routine(*table));
            else
                error(item, "each routine of a stage is a table ([[stage.routine]] with `id` and when it is due)");
        }
        return out;
    }

    StageRoutine routine(const toml::table& table) {
        StageRoutine r;
        r.pos = posOf(table.source());
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
                    std::string message =
                        "`when` is " + quotedList(kWhenNames) + " (or give `days` or `every_days` instead)";
                    if (s)
                        if (auto close = closeMatches(s->get(), kWhenNames, 1); !close.empty())
                            message = "unknown `when` \"" + abbreviate(s->get()) + "\"; did you mean \"" +
                                      close.front() + "\"?";
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
                unknownKey(key, kRoutineKeys, "stage's routine");
            }
        }
        if (!sawId) error(r.pos, "this routine has no `id`; name a routine as `unknot list` shows it");
        if (schedules == 0)
            error(r.pos, "say when this routine is due: when = \"daily\", \"after_run\" or \"before_run\", "
                         "days = [\"mon\", \"thu\"] or every_days = 2");
        if (secondSchedule) error(*secondSchedule, "give one of `when`, `days` and `every_days`, not two");
        return r;
    }

    void checkId(const toml::node& node, const std::string& id) {
        if (id.empty() || id.find('/') != std::string::npos || id.ends_with(".toml")) {
            error(node, "`id` is a routine's id (its file name without .toml), like \"glute-release-ball\"");
            return;
        }
        if (!known_ || std::find(known_->begin(), known_->end(), id) != known_->end()) return;
        std::string message = "no routine '" + abbreviate(id) + "'";
        const auto close = closeMatches(id, *known_, 1);
        message += close.empty() ? "; `unknot list` shows every routine" : "; did you mean '" + close.front() + "'?";
        error(node, std::move(message));
    }

    void days(const toml::node& node, std::array<bool, 7>& into) {
        const auto* array = node.as_array();
        if (!array || array->empty()) {
            error(node, "`days` is a list of days of the week, like [\"mon\", \"thu\"]");
            return;
        }
        const std::vector<std::string> names(kWeekdayNames.begin(), kWeekdayNames.end());
        for (const auto& item : *array) {
            const auto* s = item.as_string();
            const auto it = s ? std::find(names.begin(), names.end(), s->get()) : names.end();
            if (it == names.end()) {
                error(item, "a day is " + quotedList(names));
                continue;
            }
            auto& day = into[static_cast<std::size_t>(it - names.begin())];
            if (day) error(item, "\"" + *it + "\" is listed twice");
            day = true;
        }
    }
};

} // namespace

ParsedProgram parseProgram(std::string_view text, std::string_view path, const std::vector<std::string>* known) {
    ParsedProgram result;
    if (auto bad = firstInvalidUtf8(text)) {
        const auto lc = lineColumnAt(text, *bad);
        result.diagnostics.push_back(Diagnostic{std::string(path), lc.line, lc.column, "this file is not UTF-8 text"});
        return result;
    }
    if (auto deep = firstNestingTooDeep(text)) {
        const auto lc = lineColumnAt(text, *deep);
        result.diagnostics.push_back(Diagnostic{std::string(path), lc.line, lc.column, nestingTooDeepMessage()});
        return result;
    }
    Parser parser(path, result.diagnostics, known);
    try {
        const toml::table top = toml::parse(text, std::string(path));
        result.program = parser.parseTop(top);
    } catch (const toml::parse_error& e) {
        const auto& begin = e.source().begin;
        result.diagnostics.push_back(Diagnostic{std::string(path),
                                                static_cast<int>(std::max<std::uint32_t>(begin.line, 1)),
                                                static_cast<int>(std::max<std::uint32_t>(begin.column, 1)),
                                                "TOML syntax: " + std::string(e.description())});
        return result;
    }
    std::stable_sort(result.diagnostics.begin(), result.diagnostics.end(),
                     [](const Diagnostic& a, const Diagnostic& b) {
                         return a.line != b.line ? a.line < b.line : a.column < b.column;
                     });
    if (parser.suppressed_ > 0)
        result.diagnostics.push_back(Diagnostic{std::string(path), std::max(parser.firstSuppressed_.line, 1),
                                                std::max(parser.firstSuppressed_.column, 1),
                                                "and " + std::to_string(parser.suppressed_) + " more problems"});
    return result;
}

ParsedProgram loadProgramFile(const std::filesystem::path& file, const std::vector<std::string>* known) {
    const std::string shown = file.string();
    std::error_code ec;
    const auto size = std::filesystem::file_size(file, ec);
    if (ec) return ParsedProgram{{}, {Diagnostic{shown, 1, 1, "cannot read the file: " + ec.message()}}};
    if (size > kMaxProgramFileBytes)
        return ParsedProgram{{}, {Diagnostic{shown, 1, 1, "the file is too large to be a program (over 1 MiB)"}}};
    const auto text = readFile(file);
    if (!text) return ParsedProgram{{}, {Diagnostic{shown, 1, 1, "cannot open the file"}}};
    return parseProgram(*text, shown, known);
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
