#include "routine/routine_writer.hpp"

#include "routine/sources.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <sstream>

namespace unknot {

namespace {

// toml++ quotes and escapes; double quotes like the built-in files, triple quotes for notes.
std::string quoted(const std::string& text, bool multiLine = false) {
    auto flags = toml::format_flags::allow_unicode_strings;
    if (multiLine && text.find('\n') != std::string::npos) flags |= toml::format_flags::allow_multi_line_strings;
    std::ostringstream out;
    out << toml::toml_formatter{toml::value<std::string>(text), flags};
    std::string result = out.str();
    // Open long notes on their own line, as people write them (TOML drops that first newline).
    if (result.starts_with("\"\"\"") && result.size() > 3 && result[3] != '\n') result.insert(3, "\n");
    return result;
}

std::string list(const std::vector<std::string>& items) {
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + quoted(items[i]);
    return out + "]";
}

class Writer {
  public:
    WrittenRoutine out;

    void line(const std::string& text = "") {
        out.text += text;
        out.text += '\n';
        lines_ += 1 + static_cast<int>(std::count(text.begin(), text.end(), '\n')); // notes may hold several
    }

    // `indent` `name` = `value` on the next line, remembered for the editor's fields.
    void key(const std::vector<std::size_t>& path, const std::string& indent, const char* name,
             const std::string& value) {
        const std::string head = indent + name + " = ";
        out.keys.push_back(KeySpot{path, name, lines_ + 1, static_cast<int>(head.size()) + 1});
        line(head + value);
    }

    void steps(const std::vector<Step>& steps, std::vector<std::size_t>& path) {
        for (std::size_t i = 0; i < steps.size(); ++i) {
            path.push_back(i);
            step(steps[i], path);
            path.pop_back();
        }
    }

  private:
    int lines_ = 0;

    void step(const Step& s, std::vector<std::size_t>& path) {
        const std::size_t depth = path.size() - 1;
        const std::string indent(depth * 2, ' ');
        std::string header = "[[step";
        for (std::size_t d = 0; d < depth; ++d) header += ".step";
        line();
        const std::size_t span = out.spans.size();
        out.spans.push_back(StepSpan{path, lines_ + 1, 0});
        line(indent + header + "]]");
        const auto key = [&](const char* name, const std::string& value) { this->key(path, indent, name, value); };
        if (s.kind) {
            key("kind", quoted(std::string(kindName(*s.kind))));
            if (*s.kind != PhaseKind::Manual) key("duration", quoted(formatDurationSpec(s.durationMs)));
        }
        if (!s.label.empty()) key("label", quoted(s.label));
        if (!s.cue.empty()) key("cue", quoted(s.cue));
        if (!s.say.empty()) key("say", quoted(s.say));
        if (s.repeat != 1) key("repeat", std::to_string(s.repeat));
        if (!s.sides.empty()) {
            std::vector<std::string> names;
            for (Side side : s.sides) names.emplace_back(sideName(side));
            key("sides", list(names));
            if (s.switchMs != kDefaultSwitchMs) key("switch", quoted(formatDurationSpec(s.switchMs)));
        }
        if (s.restBetweenMs > 0) key("rest_between", quoted(formatDurationSpec(s.restBetweenMs)));
        steps(s.children, path);
        out.spans[span].lastLine = lines_;
    }
};

} // namespace

WrittenRoutine writeRoutine(const Routine& r) {
    Writer w;
    std::vector<std::size_t> path;
    w.key(path, "", "name", quoted(r.name));
    if (!r.summary.empty()) w.key(path, "", "summary", quoted(r.summary));
    if (!r.notes.empty()) w.key(path, "", "notes", quoted(r.notes, true));
    if (!r.tags.empty()) w.key(path, "", "tags", list(r.tags));
    if (!r.equipment.empty()) w.key(path, "", "equipment", list(r.equipment));
    if (!r.checkIn.empty()) w.key(path, "", "check_in", list(r.checkIn));
    if (!r.sources.empty()) {
        std::string text = writeSources(r.sources);
        text.pop_back(); // line() ends it
        w.key(path, "", "sources", text.substr(std::string("sources = ").size()));
    }
    w.steps(r.steps, path);
    return std::move(w.out);
}

std::string contentIdOf(const Routine& routine) {
    std::uint64_t h = 14695981039346656037ull;
    for (unsigned char c : formatRoutine(routine)) {
        h ^= c;
        h *= 1099511628211ull;
    }
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
    return hex;
}

const KeySpot* keyAt(const WrittenRoutine& written, int line, int column) {
    for (const auto& k : written.keys)
        if (k.line == line && column >= k.valueColumn) return &k;
    return nullptr;
}

std::vector<std::size_t> stepAtLine(const WrittenRoutine& written, int line) {
    std::vector<std::size_t> best;
    for (const auto& span : written.spans)
        if (line >= span.firstLine && line <= span.lastLine && span.path.size() >= best.size()) best = span.path;
    return best;
}

} // namespace unknot
