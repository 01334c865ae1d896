#include "routine/toml_reader.hpp"

#include "core/atomic_file.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"

#include <algorithm>

namespace unknot {

SourcePos positionOf(const toml::source_region& region) {
    return SourcePos{static_cast<int>(region.begin.line), static_cast<int>(region.begin.column)};
}

std::string typeName(const toml::node& node) {
    switch (node.type()) {
    // TRANSLATORS: what a value in a routine or program file is, ending messages like "`tags`
    // must be a list of strings, not a string".
    case toml::node_type::string: return _("a string");
    case toml::node_type::integer: return _("an integer");
    case toml::node_type::floating_point: return _("a number");
    case toml::node_type::boolean: return _("true/false");
    case toml::node_type::array: return _("a list");
    case toml::node_type::table: return _("a table");
    default: return _("a date or time");
    }
}

void TomlProblems::error(SourcePos pos, std::string message) {
    if (diagnostics_.size() >= maxWorded_) {
        if (suppressed_++ == 0) firstSuppressed_ = pos;
        return;
    }
    diagnostics_.push_back(Diagnostic{path_, std::max(pos.line, 1), std::max(pos.column, 1), std::move(message)});
}

void TomlProblems::unknownKey(const toml::key& key, const std::vector<std::string>& valid, const char* unknown) {
    if (diagnostics_.size() >= maxWorded_) return error(key, {}); // counted, not worded
    error(key, withValidKeys(format(unknown, {abbreviate(key.str())}), key.str(), valid));
}

std::string withValidKeys(const std::string& message, std::string_view typed, const std::vector<std::string>& valid) {
    const auto close = closeMatches(typed, valid, 1);
    // TRANSLATORS: {0} a file's error ("unknown key `nmae` in a routine"), {1} the key meant.
    if (!close.empty()) return format(_("{0}; did you mean `{1}`?"), {message, close.front()});
    std::vector<std::string> quoted;
    for (const auto& v : valid) quoted.push_back("`" + v + "`");
    // TRANSLATORS: {0} a file's error ("unknown key `x` in a step"), {1} the keys it may have.
    return format(_("{0} (valid keys: {1})"), {message, joinOr(quoted)});
}

std::optional<std::string> TomlProblems::string(const toml::node& node, std::string_view what) {
    if (const auto* s = node.as_string()) return s->get();
    // TRANSLATORS: {0} a key of a routine or program file, {1} what it holds ("an integer").
    error(node, format(_("`{0}` must be a string, not {1}"), {std::string(what), typeName(node)}));
    return std::nullopt;
}

std::optional<std::string> TomlProblems::text(const toml::node& node, std::string_view what, std::size_t maxBytes,
                                              bool multiline) {
    auto s = string(node, what);
    if (!s) return s;
    if (s->size() > maxBytes) {
        // TRANSLATORS: {0} a key, {1} its size in bytes, {2} the most it may have.
        error(node, format(_("`{0}` is too long ({1} bytes; at most {2})"),
                           {std::string(what), std::to_string(s->size()), std::to_string(maxBytes)}));
        return std::nullopt;
    }
    // The one rule for text from outside (core/text.hpp): no C0 or C1 control, DEL or bidi
    // control; a line break only where `multiline`. Emoji and any script are kept as written.
    if (auto fault = firstTextFault(*s, multiline)) {
        error(node, describeTextFault(*fault, "`" + std::string(what) + "`"));
        return std::nullopt;
    }
    return s;
}

void TomlProblems::finish() {
    std::stable_sort(diagnostics_.begin(), diagnostics_.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return a.line != b.line ? a.line < b.line : a.column < b.column;
    });
    if (suppressed_ > 0)
        diagnostics_.push_back(
            Diagnostic{path_, std::max(firstSuppressed_.line, 1), std::max(firstSuppressed_.column, 1),
                       // TRANSLATORS: {0} how many problems were not worded (always
                       // several), {1} how many were.
                       format(n_("and {0} more problem (only the first {1} are reported)",
                                 "and {0} more problems (only the first {1} are reported)", suppressed_),
                              {std::to_string(suppressed_), std::to_string(maxWorded_)})});
    suppressed_ = 0;
}

std::optional<toml::table> parseTomlText(std::string_view text, std::string_view path, Diagnostics& diagnostics) {
    const auto stop = [&](std::size_t offset, std::string message) {
        const auto lc = lineColumnAt(text, offset);
        diagnostics.push_back(Diagnostic{std::string(path), lc.line, lc.column, std::move(message)});
        return std::nullopt;
    };
    if (auto bad = firstInvalidUtf8(text))
        return stop(*bad, text[*bad] == '\0' ? _("this is not a text file (it holds a NUL byte)")
                                             : _("this file is not UTF-8 text"));
    if (auto deep = firstNestingTooDeep(text)) return stop(*deep, nestingTooDeepMessage());
    try {
        return toml::parse(text, std::string(path));
    } catch (const toml::parse_error& e) {
        const auto& begin = e.source().begin;
        diagnostics.push_back(Diagnostic{std::string(path), static_cast<int>(std::max<std::uint32_t>(begin.line, 1)),
                                         static_cast<int>(std::max<std::uint32_t>(begin.column, 1)),
                                         // TRANSLATORS: {0} toml++'s own words (English).
                                         format(_("TOML syntax: {0}"), {std::string(e.description())})});
        return std::nullopt;
    }
}

std::optional<std::string> readTomlFile(const std::filesystem::path& file, std::uintmax_t maxBytes,
                                        const char* tooLarge, std::string_view limit, Diagnostics& diagnostics) {
    const std::string shown = file.string();
    const auto fail = [&](std::string message) {
        diagnostics.push_back(Diagnostic{shown, 1, 1, std::move(message)});
        return std::nullopt;
    };
    std::error_code ec;
    const auto size = std::filesystem::file_size(file, ec);
    // TRANSLATORS: {0} the system's reason (strerror, in its own words).
    if (ec) return fail(format(_("cannot read the file: {0}"), {ec.message()}));
    if (size > maxBytes) return fail(format(tooLarge, {std::string(limit)}));
    auto text = readFile(file);
    if (!text) return fail(_("cannot open the file"));
    return text;
}

} // namespace unknot
