#include "routine/sources.hpp"

#include "core/i18n.hpp"
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
                // TRANSLATORS: a source (a study) of a routine or program file: {0} and {1} the years allowed.
                problem(at, format(_("`year` is a year like 2015 (from {0} to {1})"),
                                   {std::to_string(kMinSourceYear), std::to_string(kMaxSourceYear)}));
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
            // TRANSLATORS: {0} the key as the file has it; a source is a study a routine cites.
            problem(positionOf(key.source()),
                    withValidKeys(format(_("unknown key `{0}` in a source"), {abbreviate(k)}), k, kSourceKeys));
            continue;
        }
        const auto* str = node.as_string();
        if (!str) {
            // TRANSLATORS: {0} a key of a source (`title`, `doi`…).
            problem(at, format(_("`{0}` of a source must be a string"), {std::string(k)}));
            continue;
        }
        const std::string& v = str->get();
        if (v.size() > kMaxSourceTextBytes) {
            // TRANSLATORS: {0} a key of a source, {1} its size in bytes, {2} the most it may have.
            problem(at, format(_("`{0}` of a source is too long ({1} bytes; at most {2})"),
                               {std::string(k), std::to_string(v.size()), std::to_string(kMaxSourceTextBytes)}));
            continue;
        }
        // The one rule for text from outside (core/text.hpp); a source is one line.
        if (auto fault = firstTextFault(v)) {
            // TRANSLATORS: {0} a key of a source (`title`), the subject of "{0} holds a control character".
            problem(at, describeTextFault(*fault, format(_("`{0}` of a source"), {std::string(k)})));
            continue;
        }
        if (v.find_first_not_of(" \t") == std::string::npos) {
            problem(at, format(_("`{0}` of a source is empty"), {std::string(k)}));
            continue;
        }
        if (k == "doi" && !v.starts_with("10.")) {
            // TRANSLATORS: {0} the DOI as written.
            problem(at, format(_("a DOI starts with \"10.\" (write it without https://doi.org/), not \"{0}\""),
                               {abbreviate(v)}));
            continue;
        }
        if (k == "url" && !v.starts_with("https://") && !v.starts_with("http://")) {
            problem(at, _("`url` starts with https:// or http://"));
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
            // TRANSLATORS: the end of a list of keys a source lacks: {0} all but the last (joined
            // by ", "), {1} the last.
            list = i == 0                    ? missing[i]
                   : i + 1 == missing.size() ? format(C_("list", "{0} and {1}"), {list, missing[i]})
                                             : list + ", " + missing[i];
        // TRANSLATORS: {0} the keys it lacks, "`title`, `year` and `supports`".
        problem(at, format(_("this source has no {0}"), {list}));
    }
    if (s.doi.empty() && s.url.empty() && !table.contains("doi") && !table.contains("url"))
        problem(at, _("this source has neither `doi` nor `url`: give one so a reader can find it"));
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
                // TRANSLATORS: keep the example as it is (a line of the file).
                _("`sources` is a list of tables, like sources = [ { title = \"…\", authors = \"…\", "
                  "year = 2015, doi = \"10.…\", supports = \"…\" } ]"));
        return out;
    }
    if (array->size() > kMaxSources) {
        problem(positionOf(node.source()),
                format(_("`{0}` has {1} entries; at most {2}"),
                       {"sources", std::to_string(array->size()), std::to_string(kMaxSources)}));
        return out;
    }
    for (const auto& item : *array) {
        if (const auto* table = item.as_table())
            out.push_back(parseSource(*table, problem));
        else
            problem(positionOf(item.source()),
                    // TRANSLATORS: keep the example as it is (the file's words).
                    _("each source is a table in braces: { title = \"…\", authors = \"…\", year = …, "
                      "doi = \"…\", supports = \"…\" }"));
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
