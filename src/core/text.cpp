#include "core/text.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>

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

std::optional<std::size_t> firstInvalidUtf8(std::string_view text) {
    std::size_t i = 0;
    const std::size_t n = text.size();
    while (i < n) {
        const auto c = static_cast<unsigned char>(text[i]);
        std::size_t len = 0;
        std::uint32_t cp = 0;
        if (c < 0x80) {
            if (c == 0) return i; // NUL: binary data, not text
            ++i;
            continue;
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
            return i;
        }
        if (i + len > n) return i;
        for (std::size_t k = 1; k < len; ++k) {
            const auto cc = static_cast<unsigned char>(text[i + k]);
            if ((cc & 0xC0) != 0x80) return i;
            cp = (cp << 6) | (cc & 0x3F);
        }
        const bool overlong = (len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
        if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
        i += len;
    }
    return std::nullopt;
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

std::optional<LineColumn> firstKeyTooDeep(std::string_view text) {
    int line = 1;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view l = text.substr(start, end - start);
        // The key part: up to the closing bracket of a header, or the '=' of a key.
        const std::size_t first = l.find_first_not_of(" \t");
        if (first != std::string_view::npos && l[first] != '#') {
            const std::size_t stop = l[first] == '[' ? l.find(']', first) : l.find('=', first);
            const std::string_view key = l.substr(first, stop == std::string_view::npos ? l.size() - first : stop - first);
            if (std::count(key.begin(), key.end(), '.') >= kMaxTomlKeyParts)
                return LineColumn{line, static_cast<int>(first) + 1};
        }
        start = end + 1;
        ++line;
    }
    return std::nullopt;
}

std::string joinOr(const std::vector<std::string>& words) {
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i > 0) out += (i + 1 == words.size()) ? " or " : ", ";
        out += words[i];
    }
    return out;
}

} // namespace unknot
