#include "store/settings.hpp"

#include "core/atomic_file.hpp"
#include "core/diagnostic.hpp"
#include "core/paths.hpp"
#include "core/text.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <cctype>
#include <sstream>

namespace unknot {

std::filesystem::path settingsPath() { return userConfigDir() / "settings.toml"; }

namespace {

class Reader {
  public:
    explicit Reader(std::vector<std::string>& notices) : notices_(notices) {}

    void boolean(const toml::table& t, std::string_view key, bool& out) {
        if (const auto* n = t.get(key)) {
            if (const auto* v = n->as_boolean())
                out = v->get();
            else
                wrong(key, "true or false");
        }
    }
    void integer(const toml::table& t, std::string_view key, int& out, int lo, int hi) {
        if (const auto* n = t.get(key)) {
            const auto* v = n->as_integer();
            if (v && v->get() >= lo && v->get() <= hi)
                out = static_cast<int>(v->get());
            else
                wrong(key, "a whole number from " + std::to_string(lo) + " to " + std::to_string(hi));
        }
    }
    void number(const toml::table& t, std::string_view key, double& out, double lo, double hi) {
        if (const auto* n = t.get(key)) {
            const auto v = n->value<double>();
            if (v && *v >= lo && *v <= hi)
                out = *v;
            else
                wrong(key,
                      "a number from " + std::to_string(lo).substr(0, 4) + " to " + std::to_string(hi).substr(0, 4));
        }
    }
    void string(const toml::table& t, std::string_view key, std::string& out) {
        if (const auto* n = t.get(key)) {
            if (const auto* v = n->as_string())
                out = v->get();
            else
                wrong(key, "a string");
        }
    }

  private:
    std::vector<std::string>& notices_;
    void wrong(std::string_view key, const std::string& expected) {
        notices_.push_back("settings: `" + std::string(key) + "` must be " + expected + "; using the default");
    }
};

} // namespace

LoadedSettings parseSettings(std::string_view text, std::string_view path) {
    LoadedSettings out;
    Settings& s = out.settings;
    // Problems with the file as a whole are told the way routine mistakes are: path:line:column.
    const auto damaged = [&](std::size_t offset, const std::string& message) {
        const auto lc = lineColumnAt(text, offset);
        out.notices.push_back(Diagnostic{std::string(path), lc.line, lc.column, message}.format() +
                              "; using the default settings");
    };
    if (text.size() > kMaxSettingsFileBytes) {
        damaged(0, "the settings file is over " + std::to_string(kMaxSettingsFileBytes >> 10) + " KiB");
        return out;
    }
    if (auto bad = firstInvalidUtf8(text)) {
        damaged(*bad, "the settings file is not UTF-8 text");
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
                                         "TOML syntax: " + std::string(e.description())}
                                  .format() +
                              "; using the default settings");
        return out;
    }
    Reader r(out.notices);
    r.integer(top, "volume", s.volume, 0, 100);
    r.boolean(top, "muted", s.muted);
    r.boolean(top, "flash", s.flash);
    r.integer(top, "flash_ms", s.flashMs, 100, 3000);
    r.boolean(top, "check_in_before", s.checkInBefore);
    r.number(top, "font_scale", s.fontScale, Settings::kMinFontScale, Settings::kMaxFontScale);
    if (const auto* n = top.get("ui_scale")) {
        const auto v = n->value<double>();
        if (n->is_string() && n->as_string()->get() == "auto")
            s.uiScale.reset();
        else if (v && *v >= Settings::kMinUiScale && *v <= Settings::kMaxUiScale)
            s.uiScale = *v;
        else
            out.notices.push_back("settings: `ui_scale` must be \"auto\" or a number from 1.0 to 3.0; using \"auto\"");
    }
    r.string(top, "last_routine", s.lastRoutine);
    r.string(top, "output_device", s.outputDevice);
    for (const char* table : {"cues", "voice", "sounds", "window"})
        if (const auto* n = top.get(table); n && !n->is_table())
            out.notices.push_back("settings: `" + std::string(table) + "` must be a table ([" + table +
                                  "]); using the defaults");
    if (const auto* cues = top["cues"].as_table()) {
        r.boolean(*cues, "phase", s.cues.phase);
        r.boolean(*cues, "countdown", s.cues.countdown);
        r.boolean(*cues, "halfway", s.cues.halfway);
        r.boolean(*cues, "end", s.cues.end);
        r.boolean(*cues, "feedback", s.cues.feedback);
    }
    if (const auto* voice = top["voice"].as_table()) {
        r.boolean(*voice, "enabled", s.voice.enabled);
        r.string(*voice, "name", s.voice.name);
        if (std::find(kVoiceNames.begin(), kVoiceNames.end(), s.voice.name) == kVoiceNames.end()) {
            out.notices.push_back("settings: voice `" + s.voice.name +
                                  "` is not one of kal16, kal, awb, rms and slt; using " + std::string(kDefaultVoice));
            s.voice.name = kDefaultVoice;
        }
        r.integer(*voice, "volume", s.voice.volume, 0, kMaxVoiceVolume);
        r.number(*voice, "rate", s.voice.rate, VoiceSettings::kMinRate, VoiceSettings::kMaxRate);
    }
    if (const auto* sounds = top["sounds"].as_table()) {
        for (auto&& [key, node] : *sounds) {
            if (const auto* v = node.as_string())
                s.sounds[std::string(key.str())] = v->get();
            else
                out.notices.push_back("settings: sound `" + std::string(key.str()) + "` must be a file path");
        }
    }
    if (const auto* w = top["window"].as_table()) {
        r.integer(*w, "x", s.window.x, -100000, 100000);
        r.integer(*w, "y", s.window.y, -100000, 100000);
        r.integer(*w, "width", s.window.width, 320, 16384);
        r.integer(*w, "height", s.window.height, 240, 16384);
        r.boolean(*w, "maximized", s.window.maximized);
        r.boolean(*w, "fullscreen", s.window.fullscreen);
    }
    return out;
}

LoadedSettings loadSettings(const std::filesystem::path& file) {
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) return {};
    const auto read = readRegularFile(file, kMaxSettingsFileBytes);
    LoadedSettings out;
    if (!read.text)
        out.notices.push_back("cannot read " + file.string() + " (" + read.error + "); using the defaults");
    else
        out = parseSettings(*read.text, file.string());
    if (!out.notices.empty()) {
        // Keep what the user had, so saving our defaults loses nothing for good.
        auto backup = file;
        backup += ".bak";
        std::filesystem::copy_file(file, backup, std::filesystem::copy_options::overwrite_existing, ec);
        out.notices.push_back(ec ? "could not keep a copy of the settings file: " + ec.message()
                                 : "the old settings file is kept as " + backup.string());
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
    const auto b = [](bool v) { return std::string(v ? "true" : "false"); };
    const auto str = [](const std::string& v) {
        std::ostringstream o;
        o << toml::value<std::string>(v);
        return o.str();
    };
    std::ostringstream scale, uiScale, rate;
    scale << toml::value<double>(s.fontScale);
    if (s.uiScale)
        uiScale << toml::value<double>(*s.uiScale);
    else
        uiScale << "\"auto\"";
    rate << toml::value<double>(s.voice.rate);
    std::vector<SettingText> out = {
        {"", "volume", std::to_string(s.volume)},
        {"", "muted", b(s.muted)},
        {"", "flash", b(s.flash)},
        {"", "flash_ms", std::to_string(s.flashMs)},
        {"", "check_in_before", b(s.checkInBefore)},
        {"", "font_scale", scale.str()},
        {"", "ui_scale", uiScale.str()},
        {"", "last_routine", str(s.lastRoutine)},
        {"", "output_device", str(s.outputDevice)},
        {"cues", "phase", b(s.cues.phase)},
        {"cues", "countdown", b(s.cues.countdown)},
        {"cues", "halfway", b(s.cues.halfway)},
        {"cues", "end", b(s.cues.end)},
        {"cues", "feedback", b(s.cues.feedback)},
        {"voice", "enabled", b(s.voice.enabled)},
        {"voice", "name", str(s.voice.name)},
        {"voice", "volume", std::to_string(s.voice.volume)},
        {"voice", "rate", rate.str()},
    };
    for (const auto& [cue, path] : s.sounds) out.push_back({"sounds", cue, str(path)});
    out.insert(out.end(), {
                              {"window", "x", std::to_string(s.window.x)},
                              {"window", "y", std::to_string(s.window.y)},
                              {"window", "width", std::to_string(s.window.width)},
                              {"window", "height", std::to_string(s.window.height)},
                              {"window", "maximized", b(s.window.maximized)},
                              {"window", "fullscreen", b(s.window.fullscreen)},
                          });
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
    if (text.size() > kMaxSettingsFileBytes || firstInvalidUtf8(text) || firstNestingTooDeep(text)) return std::nullopt;
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
    for (const auto& e : edits) out.replace(e.begin, e.end - e.begin, e.text);
    if (!newTables.empty() && !out.empty() && out.back() != '\n') out += '\n';
    for (const auto& [table, body] : newTables) out += "\n[" + table + "]\n" + body;
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
                    result.error = "cannot keep a copy of the settings file before rewriting it: " + *error;
                    return result;
                }
            } else {
                std::filesystem::rename(file, backup, ec);
                if (ec) {
                    result.error = "cannot move " + file.string() + " (" + read.error + ") aside: " + ec.message();
                    return result;
                }
            }
            result.notice = "the settings file had to be rewritten; your old one is kept as " + backup.string();
        }
    }
    if (!text) text = formatSettings(after);
    if (auto error = writeFileAtomically(file, *text)) result.error = "cannot save settings: " + *error;
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
