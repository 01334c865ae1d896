#include "store/settings.hpp"

#include "store/settings_table.hpp"

#include "core/atomic_file.hpp"
#include "core/diagnostic.hpp"
#include "core/i18n.hpp"
#include "core/paths.hpp"
#include "core/text.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <cctype>
#include <sstream>

namespace unknot {

std::filesystem::path settingsPath() { return userConfigDir() / "settings.toml"; }

namespace {

// Reads one setting from the table it lives in; a notice when it holds something else, at the
// value's path:line:column, naming its key and table.
class Reader {
  public:
    Reader(Settings& settings, std::vector<std::string>& notices, std::string_view path)
        : s_(settings), notices_(notices), path_(path) {}

    void read(const SettingDecl& d, const toml::table& table) {
        if (const auto* sounds = std::get_if<SettingField<std::map<std::string, std::string>>>(&d.value)) {
            for (auto&& [key, node] : table) {
                if (const auto* v = node.as_string())
                    (*sounds)(s_)[std::string(key.str())] = v->get();
                else
                    // TRANSLATORS: {0} a key of settings.toml, {1} its table: keep them as they are.
                    notice(node, format(_("`{0}` in [{1}] must be a sound file's path, like \"/home/me/gong.wav\"; "
                                          "using the built-in sound"),
                                        {std::string(key.str()), std::string(d.table)}));
            }
            return;
        }
        const toml::node* n = table.get(d.key);
        if (!n) return;
        const bool ok = std::visit([&](auto field) { return take(d, *n, field(s_)); }, d.value);
        if (!ok)
            notice(*n,
                   d.table.empty()
                       // TRANSLATORS: {0} a key of settings.toml (keep it), {1} what it takes ("a number
                       // from 0 to 100").
                       ? format(_("`{0}` must be {1}; using the default"), {std::string(d.key), settingValues(d, true)})
                       : format(_("`{0}` in [{1}] must be {2}; using the default"),
                                {std::string(d.key), std::string(d.table), settingValues(d, true)}));
    }

    void notice(const toml::node& at, std::string message) {
        const auto& b = at.source().begin;
        notices_.push_back(Diagnostic{path_, static_cast<int>(std::max<std::uint32_t>(b.line, 1)),
                                      static_cast<int>(std::max<std::uint32_t>(b.column, 1)), std::move(message)}
                               .format());
    }

  private:
    Settings& s_;
    std::vector<std::string>& notices_;
    std::string path_;

    static bool take(const SettingDecl&, const toml::node& n, bool& out) {
        const auto* v = n.as_boolean();
        if (v) out = v->get();
        return v;
    }
    static bool take(const SettingDecl& d, const toml::node& n, int& out) {
        const auto* v = n.as_integer();
        if (!v || v->get() < static_cast<std::int64_t>(d.min) || v->get() > static_cast<std::int64_t>(d.max))
            return false;
        out = static_cast<int>(v->get());
        return true;
    }
    static bool take(const SettingDecl& d, const toml::node& n, double& out) {
        const auto v = n.value<double>();
        if (!v || !(*v >= d.min && *v <= d.max)) return false;
        out = *v;
        return true;
    }
    static bool take(const SettingDecl& d, const toml::node& n, std::optional<double>& out) {
        if (n.is_string() && n.as_string()->get() == "auto") {
            out.reset();
            return true;
        }
        double v = 0;
        if (!take(d, n, v)) return false;
        out = v;
        return true;
    }
    static bool take(const SettingDecl& d, const toml::node& n, std::string& out) {
        const auto* v = n.as_string();
        if (!v) return false;
        if (!d.choices.empty() && std::find(d.choices.begin(), d.choices.end(), v->get()) == d.choices.end())
            return false;
        out = v->get();
        return true;
    }
    static bool take(const SettingDecl&, const toml::node&, std::map<std::string, std::string>&) { return false; }
};

} // namespace

LoadedSettings parseSettings(std::string_view text, std::string_view path) {
    LoadedSettings out;
    Settings& s = out.settings;
    // Problems with the file as a whole are told the way routine mistakes are: path:line:column.
    const auto damaged = [&](std::size_t offset, const std::string& message) {
        const auto lc = lineColumnAt(text, offset);
        out.notices.push_back(Diagnostic{std::string(path), lc.line, lc.column, message}.format() +
                              _("; using the default settings"));
    };
    if (text.size() > kMaxSettingsFileBytes) {
        damaged(0, format(_("the settings file is over {0} KiB"), {std::to_string(kMaxSettingsFileBytes >> 10)}));
        return out;
    }
    if (auto bad = firstInvalidUtf8(text)) {
        damaged(*bad, _("the settings file is not UTF-8 text"));
        return out;
    }
    if (auto deep = firstNestingTooDeep(text)) {
        damaged(*deep, nestingTooDeepMessage());
        return out;
    }
    toml::table top;
    try {
        top = toml::parse(text);
    } catch (const toml::parse_error& e) {
        const auto& b = e.source().begin;
        out.notices.push_back(Diagnostic{std::string(path), static_cast<int>(std::max<std::uint32_t>(b.line, 1)),
                                         static_cast<int>(std::max<std::uint32_t>(b.column, 1)),
                                         format(_("TOML syntax: {0}"), {std::string(e.description())})}
                                  .format() +
                              _("; using the default settings"));
        return out;
    }
    Reader reader(s, out.notices, path);
    std::string_view tableName;
    const toml::table* table = &top;
    for (const SettingDecl* d : settingsInFileOrder()) {
        if (d->table != tableName) { // the first setting of a table
            tableName = d->table;
            const toml::node* node = top.get(tableName);
            table = node ? node->as_table() : nullptr;
            if (node && !table)
                reader.notice(*node, format(_("`{0}` must be a table ([{0}]); using the defaults of its settings"),
                                            {std::string(tableName)}));
        }
        if (table) reader.read(*d, *table);
    }
    return out;
}

std::string languageSetting(const std::filesystem::path& file) {
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) return {};
    const auto read = readRegularFile(file, kMaxSettingsFileBytes);
    return read.text ? parseSettings(*read.text, file.string()).settings.language : std::string();
}

LoadedSettings loadSettings(const std::filesystem::path& file) {
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) return {};
    const auto read = readRegularFile(file, kMaxSettingsFileBytes);
    LoadedSettings out;
    if (!read.text)
        out.notices.push_back(format(_("cannot read {0} ({1}); using the defaults"), {file.string(), read.error}));
    else
        out = parseSettings(*read.text, file.string());
    if (!out.notices.empty()) {
        // Keep what the user had, so saving our defaults loses nothing for good.
        auto backup = file;
        backup += ".bak";
        std::filesystem::copy_file(file, backup, std::filesystem::copy_options::overwrite_existing, ec);
        out.notices.push_back(ec ? format(_("could not keep a copy of the settings file: {0}"), {ec.message()})
                                 : format(_("the old settings file is kept as {0}"), {backup.string()}));
    }
    return out;
}

namespace {

// One setting as it is written: where it goes and its TOML value; no text for a sound that is
// not set.
struct SettingText {
    std::string table; // "" for the top level, "cues", "sounds", "window"
    std::string key;
    std::optional<std::string> value;
};

std::vector<SettingText> settingTexts(const Settings& s) {
    std::vector<SettingText> out;
    for (const SettingDecl* d : settingsInFileOrder()) {
        if (const auto* sounds = std::get_if<SettingField<std::map<std::string, std::string>>>(&d->value)) {
            for (const auto& [cue, path] : (*sounds)(const_cast<Settings&>(s))) {
                std::ostringstream text;
                text << toml::value<std::string>(path);
                out.push_back({std::string(d->table), cue, text.str()});
            }
        } else {
            out.push_back({std::string(d->table), std::string(d->key), settingText(*d, s)});
        }
    }
    return out;
}

// The settings whose text differs, with their `after` value (none: remove the key).
std::vector<SettingText> changedSettings(const Settings& before, const Settings& after) {
    std::map<std::pair<std::string, std::string>, std::pair<std::optional<std::string>, std::optional<std::string>>>
        all;
    for (auto& t : settingTexts(before)) all[{t.table, t.key}].first = t.value;
    for (auto& t : settingTexts(after)) all[{t.table, t.key}].second = t.value;
    std::vector<SettingText> out;
    for (auto& [where, values] : all)
        if (values.first != values.second) out.push_back({where.first, where.second, values.second});
    return out;
}

// Byte offsets of toml++'s positions (1-based lines, columns in code points).
class Offsets {
  public:
    explicit Offsets(std::string_view text) : text_(text) {
        lineStarts_.push_back(0);
        for (std::size_t i = 0; i < text.size(); ++i)
            if (text[i] == '\n') lineStarts_.push_back(i + 1);
    }
    [[nodiscard]] std::size_t at(const toml::source_position& p) const {
        if (p.line == 0 || p.line > lineStarts_.size()) return text_.size();
        std::size_t i = lineStarts_[p.line - 1];
        for (std::uint32_t column = 1; column < p.column && i < text_.size(); ++column) {
            ++i;
            while (i < text_.size() && (static_cast<unsigned char>(text_[i]) & 0xC0) == 0x80) ++i;
        }
        return i;
    }
    // Just past the line break of the line holding `offset`.
    [[nodiscard]] std::size_t nextLine(std::size_t offset) const {
        const std::size_t end = text_.find('\n', offset);
        return end == std::string_view::npos ? text_.size() : end + 1;
    }

  private:
    std::string_view text_;
    std::vector<std::size_t> lineStarts_;
};

// A key as TOML wants it: bare when it can be, quoted otherwise.
std::string keyText(const std::string& key) {
    const bool bare = !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
    });
    if (bare) return key;
    std::ostringstream o;
    o << toml::value<std::string>(key);
    return o.str();
}

} // namespace

std::string formatSettings(const Settings& s) {
    // Written key by key rather than through toml++'s formatter so the keys keep a readable order.
    std::string out = "# Unknot settings. The app changes only the values you change in it; your comments and\n"
                      "# other lines stay as they are.\n";
    std::string table;
    for (const auto& t : settingTexts(s)) {
        if (!t.value) continue; // a setting left to its default by having no key (language)
        if (t.table != table) out += "\n[" + (table = t.table) + "]\n";
        out += keyText(t.key) + " = " + *t.value + "\n";
    }
    return out;
}

namespace {

struct Edit {
    std::size_t begin = 0;
    std::size_t end = 0; // == begin: an insertion
    std::string text;
};

} // namespace

std::optional<std::string> editSettingsText(std::string_view text, const Settings& before, const Settings& after) {
    const auto changed = changedSettings(before, after);
    if (changed.empty()) return std::string(text);
    // A byte order mark (Notepad writes one) stays where it is, out of the text edited.
    constexpr std::string_view kBom = "\xEF\xBB\xBF";
    // One mark only: a second is text toml++ refuses, so such a file is rewritten (fuzz_settings
    // found two marks edited into a file that no longer read back).
    if (text.substr(0, kBom.size()) == kBom && text.substr(kBom.size(), kBom.size()) != kBom) {
        auto edited = editSettingsText(text.substr(kBom.size()), before, after);
        if (edited) edited->insert(0, kBom);
        return edited;
    }
    if (text.size() > kMaxSettingsFileBytes || firstInvalidUtf8(text) || firstNestingTooDeep(text)) return std::nullopt;
    // Lines added end as the file's first line does (CRLF from Windows editors), never mixed.
    const std::size_t firstBreak = text.find('\n');
    const bool crlf = firstBreak != std::string_view::npos && firstBreak > 0 && text[firstBreak - 1] == '\r';
    const auto lines = [crlf](std::string s) {
        if (!crlf) return s;
        std::string out;
        for (char c : s) out += c == '\n' ? std::string("\r\n") : std::string(1, c);
        return out;
    };
    toml::table top;
    try {
        top = toml::parse(text);
    } catch (const toml::parse_error&) {
        return std::nullopt;
    }
    const Offsets offsets(text);
    std::vector<Edit> edits;
    std::string appended; // new tables, at the end
    std::map<std::string, std::string> newTables;
    // Top-level keys go after the leading comments, before any [table].
    std::size_t topInsert = 0;
    while (topInsert < text.size()) {
        const std::size_t first = text.find_first_not_of(" \t\r", topInsert);
        if (first == std::string_view::npos || (text[first] != '#' && text[first] != '\n')) break;
        topInsert = offsets.nextLine(topInsert);
    }
    for (const auto& c : changed) {
        toml::table* parent = &top;
        if (!c.table.empty()) {
            toml::node* node = top.get(c.table);
            if (!node) {
                if (c.value) newTables[c.table] += keyText(c.key) + " = " + *c.value + "\n";
                continue;
            }
            parent = node->as_table();
            // `cues = 5`, `cues = { … }` or a table made by dotted keys: no place to edit.
            if (!parent || parent->is_inline() || offsets.at(parent->source().begin) >= text.size() ||
                text[offsets.at(parent->source().begin)] != '[')
                return std::nullopt;
        }
        const toml::key* key = nullptr;
        toml::node* value = nullptr;
        for (auto&& [k, v] : *parent) {
            if (k.str() == c.key) {
                key = &k;
                value = &v;
            }
        }
        if (value && (value->is_table() || value->source().begin.line == 0)) return std::nullopt;
        if (value && c.value) {
            edits.push_back({offsets.at(value->source().begin), offsets.at(value->source().end), *c.value});
        } else if (value) {
            const std::size_t begin = offsets.at(key->source().begin);
            edits.push_back({begin, offsets.nextLine(offsets.at(value->source().end)), ""});
        } else if (c.value) {
            const std::size_t at =
                parent == &top ? topInsert : offsets.nextLine(offsets.at(parent->source().begin)); // after [table]
            edits.push_back({at, at, keyText(c.key) + " = " + *c.value + "\n"});
        }
    }
    std::string out(text);
    // From the end backwards, so earlier offsets stay right; at one offset, a removal or
    // replacement before an insertion.
    std::stable_sort(edits.begin(), edits.end(), [](const Edit& a, const Edit& b) {
        return a.begin != b.begin ? a.begin > b.begin : a.end > b.end;
    });
    for (const auto& e : edits) out.replace(e.begin, e.end - e.begin, lines(e.text));
    if (!newTables.empty() && !out.empty() && out.back() != '\n') out += lines("\n");
    for (const auto& [table, body] : newTables) out += lines("\n[" + table + "]\n" + body);
    // The edit must read back as `after` in every changed setting; anything else is a bug
    // here, and then a rewrite is safer than a surprise.
    const LoadedSettings check = parseSettings(out);
    if (!check.notices.empty() && parseSettings(text).notices.size() < check.notices.size()) return std::nullopt;
    const auto again = changedSettings(check.settings, after);
    for (const auto& c : changed)
        for (const auto& a : again)
            if (a.table == c.table && a.key == c.key) return std::nullopt;
    return out;
}

SettingsSaveResult saveSettings(const std::filesystem::path& file, const Settings& before, const Settings& after) {
    SettingsSaveResult result;
    if (before == after) return result; // nothing changed: the file stays as it is, byte for byte
    std::error_code ec;
    std::optional<std::string> text;
    if (std::filesystem::exists(std::filesystem::symlink_status(file, ec))) {
        const auto read = readRegularFile(file, kMaxSettingsFileBytes);
        if (read.text) text = editSettingsText(*read.text, before, after);
        if (!text) {
            // Something in the file has no place in ours (say `cues = 5`), or it cannot be read
            // (too large, not a file): keep it all aside, then write ours.
            auto backup = file;
            backup += ".bak";
            if (read.text) {
                if (auto error = writeFileAtomically(backup, *read.text)) {
                    result.error =
                        format(_("cannot keep a copy of the settings file before rewriting it: {0}"), {*error});
                    return result;
                }
            } else {
                std::filesystem::rename(file, backup, ec);
                if (ec) {
                    result.error =
                        format(_("cannot move {0} ({1}) aside: {2}"), {file.string(), read.error, ec.message()});
                    return result;
                }
            }
            result.notice =
                format(_("the settings file had to be rewritten; your old one is kept as {0}"), {backup.string()});
        }
    }
    if (!text) text = formatSettings(after);
    if (auto error = writeFileAtomically(file, *text)) result.error = format(_("cannot save settings: {0}"), {*error});
    return result;
}

LoadedSettings SettingsFile::load() {
    LoadedSettings loaded = loadSettings(file_);
    saved_ = loaded.settings;
    return loaded;
}

SettingsSaveResult SettingsFile::save(const Settings& settings) {
    SettingsSaveResult result = saveSettings(file_, saved_, settings);
    if (!result.error) saved_ = settings;
    return result;
}

} // namespace unknot
