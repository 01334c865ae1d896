#include "core/text.hpp"

#include "core/i18n.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>

namespace unknot {

std::size_t editDistance(std::string_view a, std::string_view b) {
    // Optimal string alignment distance; rows are tiny (keys and routine ids).
    const std::size_t n = a.size(), m = b.size();
    std::vector<std::vector<std::size_t>> d(n + 1, std::vector<std::size_t>(m + 1));
    for (std::size_t i = 0; i <= n; ++i) d[i][0] = i;
    for (std::size_t j = 0; j <= m; ++j) d[0][j] = j;
    for (std::size_t i = 1; i <= n; ++i) {
        for (std::size_t j = 1; j <= m; ++j) {
            const auto lower = [](char c) { return std::tolower(static_cast<unsigned char>(c)); };
            const std::size_t cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[n][m];
}

std::vector<std::string> closeMatches(std::string_view word, const std::vector<std::string>& candidates,
                                      std::size_t limit) {
    if (word.size() > kMaxSuggestedWordBytes) return {};
    // Close enough: about a third of the word may be wrong, and at least a typo or two.
    const std::size_t allowed = std::max<std::size_t>(2, word.size() / 3);
    std::vector<std::pair<std::size_t, std::string>> scored;
    for (const auto& c : candidates) {
        std::size_t dist = editDistance(word, c);
        // A part of the id, exact or misspelt, is a good match too ("glute-relase" for
        // "glute-release-ball").
        if (word.size() >= 4) {
            if (c.find(word) != std::string::npos) dist = std::min<std::size_t>(dist, 1);
            if (c.size() > word.size()) dist = std::min(dist, editDistance(word, c.substr(0, word.size())) + 1);
        }
        if (dist <= allowed) scored.emplace_back(dist, c);
    }
    std::stable_sort(scored.begin(), scored.end(), [](auto& x, auto& y) { return x.first < y.first; });
    std::vector<std::string> out;
    for (auto& [dist, c] : scored) {
        if (out.size() == limit) break;
        if (std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
    }
    return out;
}

namespace {

// The length of the valid UTF-8 sequence starting at `i` (1 to 4), and its code point; 0 when
// the bytes there are not valid UTF-8 (overlong, surrogate, out of range, cut short).
std::size_t utf8Sequence(std::string_view text, std::size_t i, std::uint32_t& cp) {
    const auto c = static_cast<unsigned char>(text[i]);
    std::size_t len = 0;
    if (c < 0x80) {
        cp = c;
        return 1;
    } else if ((c & 0xE0) == 0xC0) {
        len = 2;
        cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
        len = 3;
        cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
        len = 4;
        cp = c & 0x07;
    } else {
        return 0;
    }
    if (i + len > text.size()) return 0;
    for (std::size_t k = 1; k < len; ++k) {
        const auto cc = static_cast<unsigned char>(text[i + k]);
        if ((cc & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (cc & 0x3F);
    }
    const bool overlong = (len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
    if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return len;
}

} // namespace

bool isBidiControl(std::uint32_t cp) {
    return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F ||
           cp == 0x061C;
}

std::optional<std::size_t> firstInvalidUtf8(std::string_view text) {
    std::uint32_t cp = 0;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t len = utf8Sequence(text, i, cp);
        if (len == 0 || cp == 0) return i; // NUL: binary data, not text
        i += len;
    }
    return std::nullopt;
}

std::string countOf(long long n, std::string_view one, std::string_view many) {
    return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

std::string escapeControls(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    char buf[16]; // room for \u and 8 hex digits: the compiler cannot see that cp stays below 0x110000
    std::uint32_t cp = 0;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t len = utf8Sequence(text, i, cp);
        if (len == 0 || cp < 0x20 || cp == 0x7F) {
            // A byte that is a C0 control, DEL or not UTF-8 at all.
            std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(static_cast<unsigned char>(text[i])));
            out += buf;
            ++i;
        } else if ((cp >= 0x80 && cp <= 0x9F) || isBidiControl(cp)) {
            // C1 controls: some terminals take U+009B as the start of an escape sequence; bidi
            // overrides reorder what follows on the line.
            std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(cp));
            out += buf;
            i += len;
        } else {
            out.append(text.substr(i, len));
            i += len;
        }
    }
    return out;
}

std::optional<TextFault> firstTextFault(std::string_view text, bool lineBreaks) {
    std::uint32_t cp = 0;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t len = utf8Sequence(text, i, cp);
        if (len == 0) return TextFault{i, 1, static_cast<unsigned char>(text[i]), TextFault::Kind::NotUtf8};
        const bool allowed = cp == '\t' || (lineBreaks && (cp == '\n' || cp == '\r'));
        if ((cp < 0x20 && !allowed) || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F))
            return TextFault{i, len, cp, TextFault::Kind::Control};
        if (isBidiControl(cp)) return TextFault{i, len, cp, TextFault::Kind::Bidi};
        i += len;
    }
    return std::nullopt;
}

std::string describeTextFault(const TextFault& fault, std::string_view subject) {
    char buf[16];
    const std::string what(subject);
    switch (fault.kind) {
    // TRANSLATORS: a routine or program file's error; {0} the key, as "`name`" or "`title` of a
    // source".
    case TextFault::Kind::NotUtf8: return format(_("{0} is not UTF-8 text"), {what});
    case TextFault::Kind::Control:
        std::snprintf(buf, sizeof buf, fault.codePoint < 0x80 ? "\\x%02x" : "\\u%04x",
                      static_cast<unsigned>(fault.codePoint));
        if (fault.codePoint == '\n' || fault.codePoint == '\r')
            // TRANSLATORS: {0} the key, as "`label`"; {1} the character as an escape (\x0a).
            return format(_("{0} holds a control character ({1}); it is one line"), {what, buf});
        // TRANSLATORS: {0} the key, as "`label`"; {1} the character as an escape (\x1b, \u009b).
        return format(_("{0} holds a control character ({1})"), {what, buf});
    case TextFault::Kind::Bidi:
        std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(fault.codePoint));
        // TRANSLATORS: {0} the key, as "`label`"; {1} the character as an escape (\u202e).
        return format(_("{0} holds a bidi control ({1}), which reorders text"), {what, buf});
    }
    return {};
}

std::optional<std::string> outsideTextProblem(std::string_view text, bool lineBreaks) {
    if (auto bad = firstInvalidUtf8(text))
        // TRANSLATORS: {0} the position of the first byte that is not UTF-8 (1 is the first).
        return format(_("it is not UTF-8 text (byte {0})"), {std::to_string(*bad + 1)});
    const auto fault = firstTextFault(text, lineBreaks);
    if (!fault) return std::nullopt;
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(fault->codePoint));
    if (fault->kind == TextFault::Kind::Bidi)
        // TRANSLATORS: {0} the character's code, as U+202E.
        return format(_("it holds the bidi control {0}, which reorders text"), {buf});
    // TRANSLATORS: {0} the character's code, as U+0007.
    return format(_("it holds the control character {0}"), {buf});
}

std::string escapeJsonControls(std::string_view json) {
    std::string out;
    out.reserve(json.size());
    std::uint32_t cp = 0;
    for (std::size_t i = 0; i < json.size();) {
        const std::size_t len = utf8Sequence(json, i, cp);
        if (len > 0 && ((cp >= 0x7F && cp <= 0x9F) || isBidiControl(cp))) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(cp));
            out += buf;
        } else {
            out.append(json.substr(i, len > 0 ? len : 1));
        }
        i += len > 0 ? len : 1;
    }
    return out;
}

std::string abbreviate(std::string_view text, std::size_t maxBytes) {
    if (text.size() <= maxBytes) return std::string(text);
    std::size_t cut = maxBytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
        --cut; // not inside a character
    return std::string(text.substr(0, cut)) + "\xE2\x80\xA6 (" + std::to_string(text.size()) + " bytes)";
}

LineColumn lineColumnAt(std::string_view text, std::size_t offset) {
    LineColumn lc;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            ++lc.line;
            lc.column = 1;
        } else if ((c & 0xC0) != 0x80) {
            ++lc.column;
        }
    }
    return lc;
}

std::optional<std::size_t> firstNestingTooDeep(std::string_view text) {
    // Depth here = the current table header's parts + the inline tables and arrays open in
    // values + the dots of the key being read. Every character is looked at once.
    const std::size_t n = text.size();
    const auto at = [&](std::size_t i) { return i < n ? text[i] : '\0'; };
    const auto startsAt = [&](std::size_t i, std::string_view s) { return text.substr(i, s.size()) == s; };
    int header = 0; // parts of the last [table] or [[array]] header (+1 for an array of tables)
    int open = 0;   // '{' and '[' open inside values
    int dots = 0;   // dots since the last = , { } [ ] or line break: the key being read
    bool lineStart = true;
    // Skips the string whose opening quote is at j; returns the index after it. A single-line
    // string also ends at a line break: toml++ stops there with an error.
    const auto skipString = [&](std::size_t j) {
        const bool basic = text[j] == '"';
        const std::string_view triple = basic ? std::string_view("\"\"\"") : std::string_view("'''");
        if (startsAt(j, triple)) {
            for (j += 3; j < n; ++j) {
                if (basic && text[j] == '\\')
                    ++j;
                else if (startsAt(j, triple))
                    return j + 3;
            }
            return n;
        }
        for (++j; j < n; ++j) {
            if (text[j] == '\n') return j;
            if (basic && text[j] == '\\' && at(j + 1) != '\n')
                ++j;
            else if (text[j] == triple[0])
                return j + 1;
        }
        return n;
    };
    std::size_t i = 0;
    while (i < n) {
        const char c = text[i];
        if (c == '\n') {
            lineStart = true;
            dots = 0;
            ++i;
        } else if (c == ' ' || c == '\t' || c == '\r') {
            ++i;
        } else if (c == '#') {
            while (i < n && text[i] != '\n')
                ++i;
        } else if (c == '"' || c == '\'') {
            i = skipString(i);
            lineStart = false;
        } else if (lineStart && open == 0 && c == '[') {
            // A table header, [a.b.c] or [[a.b.c]]: its parts are the depth of what follows.
            const std::size_t begin = i;
            const bool arrayOfTables = at(i + 1) == '[';
            i += arrayOfTables ? 2 : 1;
            header = arrayOfTables ? 2 : 1;
            while (i < n && text[i] != ']' && text[i] != '\n') {
                if (text[i] == '"' || text[i] == '\'') {
                    i = skipString(i);
                    continue;
                }
                if (text[i] == '.' && ++header > kMaxTomlNesting) return begin;
                ++i;
            }
            lineStart = false;
            dots = 0;
        } else {
            lineStart = false;
            if (c == '{' || c == '[') {
                ++open;
                dots = 0;
            } else if (c == '}' || c == ']') {
                open = std::max(open - 1, 0);
                dots = 0;
            } else if (c == '=' || c == ',') {
                dots = 0;
            } else if (c == '.') {
                ++dots;
            }
            if (header + open + dots > kMaxTomlNesting) return i;
            ++i;
        }
    }
    return std::nullopt;
}

std::string nestingTooDeepMessage() {
    // TRANSLATORS: a TOML file's error (settings.toml, a routine); {0} the most levels allowed.
    return format(_("tables, keys and lists nest too deeply here (more than {0} levels, counting every part of a "
                    "dotted key)"),
                  {std::to_string(kMaxTomlNesting)});
}

std::string joinOr(const std::vector<std::string>& words) {
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i + 1 == words.size() && i > 0)
            // TRANSLATORS: the end of a list of choices, "`name`, `summary` or `notes`": {0} all
            // but the last (joined by ", "), {1} the last.
            return format(C_("list", "{0} or {1}"), {out, words[i]});
        if (i > 0) out += ", ";
        out += words[i];
    }
    return out;
}

namespace {

struct CodePoint {
    char32_t value = 0; // U+FFFD for a byte that is not UTF-8
    std::size_t at = 0, size = 0;
};

std::vector<CodePoint> codePoints(std::string_view s) {
    std::vector<CodePoint> out;
    for (std::size_t i = 0; i < s.size();) {
        const auto b = static_cast<unsigned char>(s[i]);
        const std::size_t n = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
        bool ok = n > 0 && i + n <= s.size();
        char32_t cp = n == 1 ? b : n == 2 ? (b & 0x1Fu) : n == 3 ? (b & 0x0Fu) : (b & 0x07u);
        for (std::size_t k = 1; ok && k < n; ++k) {
            const auto c = static_cast<unsigned char>(s[i + k]);
            ok = (c & 0xC0) == 0x80;
            cp = (cp << 6) | (c & 0x3Fu);
        }
        if (!ok) {
            out.push_back({0xFFFD, i, 1});
            ++i;
        } else {
            out.push_back({cp, i, n});
            i += n;
        }
    }
    return out;
}

} // namespace

std::string keepAsTyped(std::string_view before, std::string_view edited, std::optional<std::size_t> cursor,
                        std::deque<std::string>& typed) {
    const auto b = codePoints(before);
    const auto e = codePoints(edited);
    // What the field showed: each character beyond the BMP as U+FFFD.
    const auto same = [&](std::size_t bi, std::size_t ei) {
        return (b[bi].value > 0xFFFF ? char32_t{0xFFFD} : b[bi].value) == e[ei].value;
    };
    const auto sameTail = [&](std::size_t n) {
        for (std::size_t k = 1; k <= n; ++k)
            if (!same(b.size() - k, e.size() - k)) return false;
        return true;
    };
    // The edit is what lies between the common start and the common end. After typing, the text
    // past the cursor is the old end exactly; else (no cursor, an undo) the longest common end
    // after the longest common start. One pass each way: a long note costs a keystroke little.
    std::optional<std::size_t> cursorAt;
    if (cursor)
        for (std::size_t i = 0; i <= e.size(); ++i)
            if ((i < e.size() ? e[i].at : edited.size()) >= *cursor) {
                cursorAt = i;
                break;
            }
    std::size_t prefix = 0, suffix = 0;
    if (cursorAt && e.size() - *cursorAt <= b.size() && sameTail(e.size() - *cursorAt)) {
        suffix = e.size() - *cursorAt;
        while (prefix < b.size() - suffix && prefix < *cursorAt && same(prefix, prefix)) ++prefix;
    } else {
        while (prefix < b.size() && prefix < e.size() && same(prefix, prefix)) ++prefix;
        while (suffix < b.size() - prefix && suffix < e.size() - prefix &&
               same(b.size() - 1 - suffix, e.size() - 1 - suffix))
            ++suffix;
    }
    const std::size_t beforeTail = b.size() - suffix, editedTail = e.size() - suffix;
    const auto bytesAt = [](const std::vector<CodePoint>& cps, std::string_view s, std::size_t i) {
        return i < cps.size() ? cps[i].at : s.size();
    };
    // The U+FFFDs the edit holds, the last ones first: as many as characters were typed.
    std::vector<std::size_t> replaced;
    for (std::size_t i = editedTail; i > prefix && replaced.size() < typed.size(); --i)
        if (e[i - 1].value == 0xFFFD && e[i - 1].size == 3) replaced.push_back(i - 1);
    std::reverse(replaced.begin(), replaced.end());
    std::string out(before.substr(0, bytesAt(b, before, prefix)));
    std::size_t next = 0;
    for (std::size_t i = prefix; i < editedTail; ++i) {
        if (next < replaced.size() && replaced[next] == i) {
            out += typed.front();
            typed.pop_front();
            ++next;
        } else {
            out += edited.substr(e[i].at, e[i].size);
        }
    }
    out += before.substr(bytesAt(b, before, beforeTail));
    return out;
}

std::string keepBeyondBmp(std::string_view before, std::string_view edited) {
    std::deque<std::string> none;
    return keepAsTyped(before, edited, std::nullopt, none);
}

std::vector<std::string> charactersBeyondBmp(std::string_view utf8) {
    std::vector<std::string> out;
    for (const CodePoint& c : codePoints(utf8))
        if (c.value > 0xFFFF) out.emplace_back(utf8.substr(c.at, c.size));
    return out;
}

std::vector<std::string> splitList(std::string_view text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find(',', start);
        if (end == std::string_view::npos) end = text.size();
        std::string item(text.substr(start, end - start));
        const auto first = item.find_first_not_of(" \t");
        const auto last = item.find_last_not_of(" \t");
        if (first != std::string::npos) out.push_back(item.substr(first, last - first + 1));
        start = end + 1;
    }
    return out;
}

std::string joinList(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& i : items) out += (out.empty() ? "" : ", ") + i;
    return out;
}

} // namespace unknot
