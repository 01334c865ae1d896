#include "routine/sources.hpp"

#include "core/text.hpp"
#include "routine/toml_reader.hpp"

#include <algorithm>
#include <sstream>

namespace unknot {

namespace {

const std::vector<std::string> kSourceKeys = {"title", "authors", "year", "doi", "url", "supports"};

Source parseSource(const toml::table& table, const ReportProblem& problem) {
    Source s;
    bool title = false, authors = false, year = false, supports = false;
    for (auto&& [key, node] : table) {
        const std::string_view k = key.str();
        const SourcePos at = positionOf(node.source());
        if (k == "year") {
            year = true;
            const auto* i = node.as_integer();
            if (!i || i->get() < kMinSourceYear || i->get() > kMaxSourceYear)
                problem(at, "`year` is a year like 2015 (from " + std::to_string(kMinSourceYear) + " to " +
                                std::to_string(kMaxSourceYear) + ")");
            else
                s.year = static_cast<int>(i->get());
            continue;
        }
        std::string* into = k == "title"      ? &s.title
                            : k == "authors"  ? &s.authors
                            : k == "doi"      ? &s.doi
                            : k == "url"      ? &s.url
                            : k == "supports" ? &s.supports
                                              : nullptr;
        if (!into) {
            std::string message = "unknown key `" + abbreviate(k) + "` in a source";
            const auto close = closeMatches(k, kSourceKeys, 1);
            message += close.empty() ? " (valid keys: `title`, `authors`, `year`, `doi`, `url` or `supports`)"
                                     : "; did you mean `" + close.front() + "`?";
            problem(positionOf(key.source()), std::move(message));
            continue;
        }
        const auto* str = node.as_string();
        if (!str) {
            problem(at, "`" + std::string(k) + "` of a source must be a string");
            continue;
        }
        const std::string& v = str->get();
        if (v.size() > kMaxSourceTextBytes) {
            problem(at, "`" + std::string(k) + "` of a source is too long (" + std::to_string(v.size()) +
                            " bytes; at most " + std::to_string(kMaxSourceTextBytes) + ")");
            continue;
        }
        // The one rule for text from outside (core/text.hpp); a source is one line.
        if (auto fault = firstTextFault(v)) {
            problem(at, "`" + std::string(k) + "` of a source " + describeTextFault(*fault) +
                            (fault->codePoint == '\n' || fault->codePoint == '\r' ? "; it is one line" : ""));
            continue;
        }
        if (v.find_first_not_of(" \t") == std::string::npos) {
            problem(at, "`" + std::string(k) + "` of a source is empty");
            continue;
        }
        if (k == "doi" && !v.starts_with("10.")) {
            problem(at, "a DOI starts with \"10.\" (write it without https://doi.org/), not \"" + abbreviate(v) + "\"");
            continue;
        }
        if (k == "url" && !v.starts_with("https://") && !v.starts_with("http://")) {
            problem(at, "`url` starts with https:// or http://");
            continue;
        }
        *into = v;
        title |= k == "title";
        authors |= k == "authors";
        supports |= k == "supports";
    }
    const SourcePos at = positionOf(table.source());
    std::vector<std::string> missing;
    if (!title && s.title.empty()) missing.emplace_back("`title`");
    if (!authors && s.authors.empty()) missing.emplace_back("`authors`");
    if (!year) missing.emplace_back("`year`");
    if (!supports && s.supports.empty()) missing.emplace_back("`supports`");
    if (!missing.empty()) {
        std::string list;
        for (std::size_t i = 0; i < missing.size(); ++i)
            list += (i == 0 ? "" : i + 1 == missing.size() ? " and " : ", ") + missing[i];
        problem(at, "this source has no " + list);
    }
    if (s.doi.empty() && s.url.empty() && !table.contains("doi") && !table.contains("url"))
        problem(at, "this source has neither `doi` nor `url`: give one so a reader can find it");
    return s;
}

// toml++ quotes and escapes.
std::string quoted(const std::string& text) {
    std::ostringstream out;
    out << toml::toml_formatter{toml::value<std::string>(text), toml::format_flags::allow_unicode_strings};
    return out.str();
}

} // namespace

std::vector<Source> parseSources(const toml::node& node, const ReportProblem& problem) {
    std::vector<Source> out;
    const auto* array = node.as_array();
    if (!array) {
        problem(positionOf(node.source()),
                "`sources` is a list of tables, like sources = [ { title = \"…\", authors = \"…\", "
                "year = 2015, doi = \"10.…\", supports = \"…\" } ]");
        return out;
    }
    if (array->size() > kMaxSources) {
        problem(positionOf(node.source()),
                "`sources` has " + std::to_string(array->size()) + " entries; at most " + std::to_string(kMaxSources));
        return out;
    }
    for (const auto& item : *array) {
        if (const auto* table = item.as_table())
            out.push_back(parseSource(*table, problem));
        else
            problem(positionOf(item.source()),
                    "each source is a table in braces: { title = \"…\", authors = \"…\", year = …, "
                    "doi = \"…\", supports = \"…\" }");
    }
    return out;
}

std::string writeSources(const std::vector<Source>& sources) {
    if (sources.empty()) return {};
    std::string out = "sources = [\n";
    for (const Source& s : sources) {
        out += "  { title = " + quoted(s.title) + ", authors = " + quoted(s.authors) +
               ", year = " + std::to_string(s.year);
        if (!s.doi.empty()) out += ", doi = " + quoted(s.doi);
        if (!s.url.empty()) out += ", url = " + quoted(s.url);
        out += ", supports = " + quoted(s.supports) + " },\n";
    }
    return out + "]\n";
}

std::string citeShort(const Source& s) {
    // "Rathleff MS, Mølgaard CM, …" → "Rathleff et al."; one author stays whole.
    std::string who = s.authors;
    if (const auto comma = who.find(','); comma != std::string::npos) {
        who = who.substr(0, comma);
        who = who.substr(0, who.find(' ')) + " et al.";
    }
    std::string out = who + " " + std::to_string(s.year);
    if (!s.doi.empty())
        out += ", doi:" + s.doi;
    else if (!s.url.empty())
        out += ", " + s.url;
    return out;
}

} // namespace unknot
