#include "routine/toml_reader.hpp"

#include "core/atomic_file.hpp"
#include "core/text.hpp"

#include <algorithm>

namespace unknot {

SourcePos positionOf(const toml::source_region& region) {
    return SourcePos{static_cast<int>(region.begin.line), static_cast<int>(region.begin.column)};
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

void TomlProblems::error(SourcePos pos, std::string message) {
    if (diagnostics_.size() >= maxWorded_) {
        if (suppressed_++ == 0) firstSuppressed_ = pos;
        return;
    }
    diagnostics_.push_back(Diagnostic{path_, std::max(pos.line, 1), std::max(pos.column, 1), std::move(message)});
}

void TomlProblems::unknownKey(const toml::key& key, const std::vector<std::string>& valid, std::string_view where) {
    if (diagnostics_.size() >= maxWorded_) return error(key, {}); // counted, not worded
    std::string message = "unknown key `" + abbreviate(key.str()) + "` in a " + std::string(where);
    const auto close = closeMatches(key.str(), valid, 1);
    if (!close.empty()) {
        message += "; did you mean `" + close.front() + "`?";
    } else {
        std::vector<std::string> quoted;
        for (const auto& v : valid) quoted.push_back("`" + v + "`");
        message += " (valid keys: " + joinOr(quoted) + ")";
    }
    error(key, std::move(message));
}

std::optional<std::string> TomlProblems::string(const toml::node& node, std::string_view what) {
    if (const auto* s = node.as_string()) return s->get();
    error(node, "`" + std::string(what) + "` must be a string, not " + typeName(node));
    return std::nullopt;
}

std::optional<std::string> TomlProblems::text(const toml::node& node, std::string_view what, std::size_t maxBytes,
                                              bool multiline) {
    auto s = string(node, what);
    if (!s) return s;
    if (s->size() > maxBytes) {
        error(node, "`" + std::string(what) + "` is too long (" + std::to_string(s->size()) + " bytes; at most " +
                        std::to_string(maxBytes) + ")");
        return std::nullopt;
    }
    // The one rule for text from outside (core/text.hpp): no C0 or C1 control, DEL or bidi
    // control; a line break only where `multiline`. Emoji and any script are kept as written.
    if (auto fault = firstTextFault(*s, multiline)) {
        const bool lineBreak = fault->codePoint == '\n' || fault->codePoint == '\r';
        error(node, "`" + std::string(what) + "` " + describeTextFault(*fault) + (lineBreak ? "; it is one line" : ""));
        return std::nullopt;
    }
    return s;
}

void TomlProblems::finish() {
    std::stable_sort(diagnostics_.begin(), diagnostics_.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return a.line != b.line ? a.line < b.line : a.column < b.column;
    });
    if (suppressed_ > 0)
        diagnostics_.push_back(Diagnostic{path_, std::max(firstSuppressed_.line, 1),
                                          std::max(firstSuppressed_.column, 1),
                                          "and " + std::to_string(suppressed_) + " more problems (only the first " +
                                              std::to_string(maxWorded_) + " are reported)"});
    suppressed_ = 0;
}

std::optional<toml::table> parseTomlText(std::string_view text, std::string_view path, Diagnostics& diagnostics) {
    const auto stop = [&](std::size_t offset, std::string message) {
        const auto lc = lineColumnAt(text, offset);
        diagnostics.push_back(Diagnostic{std::string(path), lc.line, lc.column, std::move(message)});
        return std::nullopt;
    };
    if (auto bad = firstInvalidUtf8(text))
        return stop(*bad, text[*bad] == '\0' ? "this is not a text file (it holds a NUL byte)"
                                             : "this file is not UTF-8 text");
    if (auto deep = firstNestingTooDeep(text)) return stop(*deep, nestingTooDeepMessage());
    try {
        return toml::parse(text, std::string(path));
    } catch (const toml::parse_error& e) {
        const auto& begin = e.source().begin;
        diagnostics.push_back(Diagnostic{std::string(path), static_cast<int>(std::max<std::uint32_t>(begin.line, 1)),
                                         static_cast<int>(std::max<std::uint32_t>(begin.column, 1)),
                                         "TOML syntax: " + std::string(e.description())});
        return std::nullopt;
    }
}

std::optional<std::string> readTomlFile(const std::filesystem::path& file, std::uintmax_t maxBytes,
                                        std::string_view what, std::string_view limit, Diagnostics& diagnostics) {
    const std::string shown = file.string();
    const auto fail = [&](std::string message) {
        diagnostics.push_back(Diagnostic{shown, 1, 1, std::move(message)});
        return std::nullopt;
    };
    std::error_code ec;
    const auto size = std::filesystem::file_size(file, ec);
    if (ec) return fail("cannot read the file: " + ec.message());
    if (size > maxBytes)
        return fail("the file is too large to be a " + std::string(what) + " (over " + std::string(limit) + ")");
    auto text = readFile(file);
    if (!text) return fail("cannot open the file");
    return text;
}

} // namespace unknot
