#include "core/settings.hpp"

#include "core/atomic_file.hpp"
#include "core/diagnostic.hpp"
#include "core/paths.hpp"
#include "core/text.hpp"

#include <toml++/toml.h>

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
                wrong(key, "a number from " + std::to_string(lo).substr(0, 4) + " to " + std::to_string(hi).substr(0, 4));
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
    r.number(top, "font_scale", s.fontScale, Settings::kMinFontScale, Settings::kMaxFontScale);
    r.string(top, "last_routine", s.lastRoutine);
    if (const auto* cues = top["cues"].as_table()) {
        r.boolean(*cues, "phase", s.cues.phase);
        r.boolean(*cues, "countdown", s.cues.countdown);
        r.boolean(*cues, "halfway", s.cues.halfway);
        r.boolean(*cues, "end", s.cues.end);
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
    const auto text = readFile(file);
    LoadedSettings out;
    if (!text)
        out.notices.push_back("cannot read " + file.string() + "; using the defaults");
    else
        out = parseSettings(*text, file.string());
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

std::string formatSettings(const Settings& s) {
    // Written by hand rather than through toml++'s formatter so the keys keep a readable order.
    std::ostringstream o;
    const auto b = [](bool v) { return v ? "true" : "false"; };
    o << "# Unknot settings. Written by the app; edits by hand are kept.\n";
    o << "volume = " << s.volume << "\n";
    o << "muted = " << b(s.muted) << "\n";
    o << "flash = " << b(s.flash) << "\n";
    o << "flash_ms = " << s.flashMs << "\n";
    o << "font_scale = " << toml::value<double>(s.fontScale) << "\n";
    o << "last_routine = " << toml::value<std::string>(s.lastRoutine) << "\n";
    o << "\n[cues]\n";
    o << "phase = " << b(s.cues.phase) << "\n";
    o << "countdown = " << b(s.cues.countdown) << "\n";
    o << "halfway = " << b(s.cues.halfway) << "\n";
    o << "end = " << b(s.cues.end) << "\n";
    o << "\n[sounds]\n";
    for (const auto& [cue, path] : s.sounds)
        o << toml::value<std::string>(cue) << " = " << toml::value<std::string>(path) << "\n";
    o << "\n[window]\n";
    o << "x = " << s.window.x << "\ny = " << s.window.y << "\n";
    o << "width = " << s.window.width << "\nheight = " << s.window.height << "\n";
    o << "maximized = " << b(s.window.maximized) << "\n";
    o << "fullscreen = " << b(s.window.fullscreen) << "\n";
    return o.str();
}

std::optional<std::string> saveSettings(const std::filesystem::path& file, const Settings& settings) {
    return writeFileAtomically(file, formatSettings(settings));
}

} // namespace unknot
