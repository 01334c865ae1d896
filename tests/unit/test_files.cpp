#include "core/atomic_file.hpp"
#include "store/history_db.hpp"
#include "store/settings.hpp"
#include "store/user_files.hpp"

#include "temp_dir.hpp"

#include <doctest/doctest.h>

#include <sys/stat.h>

#include <algorithm>
#include <set>
#include <unistd.h>

using namespace unknot;
using unknot::test::TempDir;

TEST_CASE("writeFileAtomically replaces the file and leaves no temporary behind") {
    TempDir tmp;
    const auto file = tmp.path / "sub" / "a.toml";
    REQUIRE_FALSE(writeFileAtomically(file, "first"));
    CHECK(readFile(file) == "first");
    REQUIRE_FALSE(writeFileAtomically(file, "second, longer"));
    CHECK(readFile(file) == "second, longer");
    int count = 0;
    for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(file.parent_path())) ++count;
    CHECK(count == 1);
}

TEST_CASE("a symlinked file is written through the link, and a file keeps its mode") {
    TempDir tmp;
    tmp.write("dotfiles/settings.toml", "old = 1\n");
    std::filesystem::create_directories(tmp.path / "config");
    std::filesystem::create_symlink(tmp.path / "dotfiles" / "settings.toml", tmp.path / "config" / "settings.toml");
    ::chmod((tmp.path / "dotfiles" / "settings.toml").c_str(), 0600);
    REQUIRE_FALSE(writeFileAtomically(tmp.path / "config" / "settings.toml", "new = 2\n"));
    CHECK(std::filesystem::is_symlink(tmp.path / "config" / "settings.toml"));
    CHECK(*readFile(tmp.path / "dotfiles" / "settings.toml") == "new = 2\n");
    struct stat st {};
    REQUIRE(::stat((tmp.path / "dotfiles" / "settings.toml").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    // A new file under umask 077 is private, as any new file would be.
    const mode_t old = ::umask(077);
    REQUIRE_FALSE(writeFileAtomically(tmp.path / "fresh.toml", "a = 1\n"));
    ::umask(old);
    REQUIRE(::stat((tmp.path / "fresh.toml").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
}

TEST_CASE("a write that fails midway keeps the old file whole") {
    TempDir tmp;
    const auto file = tmp.path / "a.toml";
    REQUIRE_FALSE(writeFileAtomically(file, "the old contents"));
    AtomicWriteOptions failing;
    failing.failAfterBytes = 5;
    const auto error = writeFileAtomically(file, "new contents that never fully land", failing);
    REQUIRE(error);
    CHECK(error->find("No space left") != std::string::npos);
    CHECK(readFile(file) == "the old contents");
    int count = 0;
    for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(tmp.path)) ++count;
    CHECK(count == 1);
}

TEST_CASE("a write into a folder that cannot exist fails with a message") {
    TempDir tmp;
    tmp.write("blocker", "a file, not a folder");
    CHECK(writeFileAtomically(tmp.path / "blocker" / "a.toml", "x"));
}

TEST_CASE("ui_scale is auto by default, or a number from 1 to 3, and anything else says so") {
    CHECK_FALSE(parseSettings("").settings.uiScale);
    CHECK_FALSE(parseSettings("ui_scale = \"auto\"").settings.uiScale);
    CHECK(parseSettings("ui_scale = \"auto\"").notices.empty());
    CHECK(parseSettings("ui_scale = 2").settings.uiScale == 2.0);
    CHECK(parseSettings("ui_scale = 1.5").settings.uiScale == 1.5);
    for (const char* bad : {"ui_scale = 0.5", "ui_scale = 3.5", "ui_scale = nan", "ui_scale = \"big\"",
                            "ui_scale = true", "ui_scale = [2]"}) {
        CAPTURE(bad);
        const auto loaded = parseSettings(bad);
        CHECK_FALSE(loaded.settings.uiScale);
        REQUIRE(loaded.notices.size() == 1);
        CHECK(loaded.notices[0].find("ui_scale") != std::string::npos);
    }
    // Back to auto in place: the line changes, the comment beside it stays.
    Settings two;
    two.uiScale = 2.0;
    const auto edited = editSettingsText("ui_scale = 2.0 # the 4K screen\n", two, Settings{});
    REQUIRE(edited);
    CHECK(edited->find("ui_scale = \"auto\"") != std::string::npos);
    CHECK(edited->find("# the 4K screen") != std::string::npos);
    CHECK_FALSE(parseSettings(*edited).settings.uiScale);
}

TEST_CASE("a settings file with a BOM or CRLF line breaks is edited in place, keeping both") {
    Settings before;
    before.volume = 80;
    before.window.width = 900;
    Settings after = before;
    after.volume = 35;          // a value replaced
    after.window.width = 1000;  // in a table
    after.cues.halfway = false; // a key added in a new table
    after.lastRoutine = "calf"; // a key added at the top
    const std::string bom = "\xEF\xBB\xBF";
    const std::string crlf = "# mine\r\nvolume = 80\r\n[window]\r\nwidth = 900\r\n";
    for (const std::string& text : {bom + crlf, crlf, bom + "# mine\nvolume = 80\n[window]\nwidth = 900\n"}) {
        CAPTURE(text);
        REQUIRE(parseSettings(text).settings.volume == 80);
        const auto edited = editSettingsText(text, before, after);
        REQUIRE(edited); // not rewritten whole (a .bak and a notice)
        CHECK((edited->rfind(bom, 0) == 0) == (text.rfind(bom, 0) == 0));
        CHECK(edited->find("# mine") != std::string::npos);
        const bool windows = text.find("\r\n") != std::string::npos;
        // Every line break as the file had them: none mixed.
        std::size_t lf = 0, crlfs = 0;
        for (std::size_t i = 0; i < edited->size(); ++i)
            if ((*edited)[i] == '\n') ++(i > 0 && (*edited)[i - 1] == '\r' ? crlfs : lf);
        CHECK((windows ? crlfs : lf) > 3);
        CHECK((windows ? lf : crlfs) == 0);
        const auto again = parseSettings(*edited);
        CHECK(again.notices.empty());
        CHECK(again.settings == after);
    }
}

TEST_CASE("a row appended to history.csv ends as the file's lines do and never joins the last one") {
    TempDir tmp;
    const auto file = tmp.path / "history.csv";
    const HistoryRecord row{1'790'000'000, "calf", "Calf", 60'000, 30'000, false};
    const std::string header = "started,routine_id,routine_name,planned_s,done_s,completed";
    const std::string old = "2026-01-01T10:00:00+0000,a,A,600,300,yes";
    // Saved by a Windows editor (CRLF), the last line with or without its break; an LF file
    // whose last line lost its break.
    for (const std::string& text : {header + "\r\n" + old + "\r\n", header + "\r\n" + old, header + "\n" + old}) {
        CAPTURE(text);
        REQUIRE(writeFileAtomically(file, text) == std::nullopt);
        REQUIRE_FALSE(appendHistory(file, row));
        const std::string after = *readFile(file);
        const bool windows = text.find("\r\n") != std::string::npos;
        std::size_t lf = 0, crlf = 0;
        for (std::size_t i = 0; i < after.size(); ++i)
            if (after[i] == '\n') ++(i > 0 && after[i - 1] == '\r' ? crlf : lf);
        CHECK((windows ? lf : crlf) == 0);
        CHECK((windows ? crlf : lf) == 3);
        const auto read = parseHistoryCsv(after);
        CHECK(read.problems.empty());
        REQUIRE(read.sessions.size() == 2);
        CHECK(read.sessions[0].routineId == "a");
        CHECK(read.sessions[1].routineId == "calf");
    }
}

TEST_CASE("a settings file with two byte order marks is rewritten, never edited into one that does not read") {
    // Found by fuzz_settings: the marks were taken off one by one, the rest edited and both put back.
    const std::string text = "\xEF\xBB\xBF\xEF\xBB\xBF#0#0\r\n";
    Settings after;
    after.volume = 7;
    const auto edited = editSettingsText(text, parseSettings(text).settings, after);
    if (edited) CHECK(parseSettings(*edited).settings == after);
    CHECK_FALSE(edited);
}

TEST_CASE("settings survive a save and a load") {
    TempDir tmp;
    Settings s;
    s.volume = 30;
    s.muted = true;
    s.flash = false;
    s.flashMs = 900;
    s.checkInBefore = false;
    s.fontScale = 1.25;
    s.uiScale = 2.0;
    s.lastRoutine = "glute \"release\"";
    s.outputDevice = "Jabra Evolve2 65 \U0001F3A7 Analog Stereo";
    s.cues.halfway = false;
    s.voice = {false, "slt", 70, 1.25};
    s.sounds["tense"] = "/home/me/gong.wav";
    s.window = {10, 20, 800, 600, true, false};
    const auto file = tmp.path / "settings.toml";
    REQUIRE_FALSE(saveSettings(file, Settings{}, s).error);
    const auto loaded = loadSettings(file);
    CHECK(loaded.notices.empty());
    const Settings& l = loaded.settings;
    CHECK(l.volume == 30);
    CHECK(l.muted);
    CHECK_FALSE(l.flash);
    CHECK(l.flashMs == 900);
    CHECK_FALSE(l.checkInBefore);
    CHECK(l.outputDevice == s.outputDevice);
    CHECK(Settings{}.checkInBefore); // on unless turned off
    CHECK(l.fontScale == doctest::Approx(1.25));
    REQUIRE(l.uiScale);
    CHECK(*l.uiScale == doctest::Approx(2.0));
    CHECK(l.lastRoutine == "glute \"release\"");
    CHECK_FALSE(l.cues.halfway);
    CHECK(l.cues.countdown);
    CHECK(l.voice == VoiceSettings{false, "slt", 70, 1.25});
    CHECK(l.sounds.at("tense") == "/home/me/gong.wav");
    CHECK(l.window.width == 800);
    CHECK(l.window.maximized);
    CHECK_FALSE(std::filesystem::exists(tmp.path / "settings.toml.bak"));
}

TEST_CASE("the voice is on at full volume by default and a rate out of range is a notice") {
    CHECK(Settings{}.volume == 100);
    CHECK(Settings{}.voice.enabled);
    const auto loaded = parseSettings("[voice]\nrate = 3.0\nvolume = 40\n");
    CHECK(loaded.settings.voice.rate == doctest::Approx(1.0));
    CHECK(loaded.settings.voice.volume == 40);
    REQUIRE(loaded.notices.size() == 1);
    CHECK(loaded.notices[0].find("`rate`") != std::string::npos);
}

TEST_CASE("every settings notice names its place, its key and its table") {
    const auto loaded = parseSettings("volume = 300\nwindow = 4\n[cues]\nhalfway = 3\n[sounds]\ntense = 5\n[voice]\n"
                                      "rate = 3.0\n",
                                      "/home/me/.config/unknot/settings.toml");
    REQUIRE(loaded.notices.size() == 5);
    const std::string at = "/home/me/.config/unknot/settings.toml:";
    for (const std::string& expected :
         {at + "1:10: error: `volume` must be", at + "2:10: error: `window` must be a table ([window])",
          at + "4:11: error: `halfway` in [cues] must be",
          at + "6:9: error: `tense` in [sounds] must be a sound file's path",
          at + "8:8: error: `rate` in [voice] must be"}) {
        CAPTURE(expected);
        CHECK(std::any_of(loaded.notices.begin(), loaded.notices.end(),
                          [&](const std::string& n) { return n.starts_with(expected); }));
    }
}

TEST_CASE("a missing settings file gives the defaults quietly") {
    const auto loaded = loadSettings("/nonexistent/unknot/settings.toml");
    CHECK(loaded.notices.empty());
    CHECK(loaded.settings.volume == Settings{}.volume);
}

TEST_CASE("a corrupt settings file gives defaults / a notice and a .bak copy") {
    TempDir tmp;
    const auto file = tmp.path / "settings.toml";
    tmp.write("settings.toml", "volume = 30\nmuted = [unterminated\n");
    const auto loaded = loadSettings(file);
    CHECK(loaded.settings.volume == Settings{}.volume);
    REQUIRE(loaded.notices.size() == 2);
    CHECK(loaded.notices[0].find(file.string() + ":2:") != std::string::npos);
    CHECK(loaded.notices[0].find("TOML syntax") != std::string::npos);
    CHECK(loaded.notices[1].find(".bak") != std::string::npos);
    CHECK(readFile(tmp.path / "settings.toml.bak") == "volume = 30\nmuted = [unterminated\n");

    tmp.write("settings.toml", "volume = 300\nmuted = true\n");
    const auto partly = loadSettings(file);
    CHECK(partly.settings.volume == Settings{}.volume);
    CHECK(partly.settings.muted);
    CHECK(partly.notices[0].find("`volume` must be a whole number from 0 to 100") != std::string::npos);

    std::string deep = "[a";
    for (int i = 0; i < 50'000; ++i) deep += ".b";
    tmp.write("settings.toml", deep + "]\nx = 1\n");
    CHECK(loadSettings(file).notices[0].find("more than 64 levels") != std::string::npos);

    tmp.write("settings.toml", "volume = \"\xff\"\n");
    CHECK(loadSettings(file).notices[0].find("not UTF-8") != std::string::npos);
}

TEST_CASE("stale temporary files of an interrupted save are removed, nothing else") {
    TempDir tmp;
    namespace fs = std::filesystem;
    const auto ago = [](int seconds) { return fs::file_time_type::clock::now() - std::chrono::seconds(seconds); };
    const std::string self = std::to_string(::getpid());
    tmp.write("a.toml", "mine");
    tmp.write(".a.toml.tmp-Ab3dEf", "old style, 2 minutes old");
    tmp.write(".a.toml.tmp-Zz9zZz", "old style, just written: maybe another writer");
    tmp.write(".a.toml.tmp-2147483000-AbCdEf", "its writer is gone");
    tmp.write(".a.toml.tmp-" + self + "-AbCdEf", "ours, being written");
    tmp.write(".a.toml.tmp-" + self + "-OldOne", "ours, but 2 minutes old");
    tmp.write(".a.toml.tmp-Ab3dEf.bak", "not our pattern");
    tmp.write("a.toml.tmp-Ab3dEf", "not hidden: not ours");
    tmp.write(".a.toml.tmp-2147483000-toolong", "not our pattern");
    fs::last_write_time(tmp.path / ".a.toml.tmp-Ab3dEf", ago(120));
    fs::last_write_time(tmp.path / (".a.toml.tmp-" + self + "-OldOne"), ago(120));
    fs::create_directory(tmp.path / ".b.toml.tmp-2147483000-AbCdEf"); // a folder: left alone

    CHECK(removeStaleTemporaries(tmp.path) == 3);
    std::set<std::string> left;
    for (const auto& e : fs::directory_iterator(tmp.path))
        left.insert(e.path().filename().string());
    CHECK(left == std::set<std::string>{"a.toml", ".a.toml.tmp-Zz9zZz", ".a.toml.tmp-" + self + "-AbCdEf",
                                        ".a.toml.tmp-Ab3dEf.bak", "a.toml.tmp-Ab3dEf", ".a.toml.tmp-2147483000-toolong",
                                        ".b.toml.tmp-2147483000-AbCdEf"});
}

TEST_CASE("a settings file with comments and unknown keys survives a session") {
    TempDir tmp;
    const auto file = tmp.path / "settings.toml";
    const std::string handWritten = "# my settings, by hand\n"
                                    "volume = 30 # quiet: the neighbours\n"
                                    "my_own_key = \"keep me\"\n"
                                    "\n"
                                    "[cues]\n"
                                    "countdown = false\n"
                                    "\n"
                                    "[sounds]\n"
                                    "tense = \"/home/me/gong.wav\"\n"
                                    "\n"
                                    "[future]\n"
                                    "thing = [1, 2]\n";
    tmp.write("settings.toml", handWritten);
    SettingsFile settings(file);
    const LoadedSettings loaded = settings.load();
    CHECK(loaded.notices.empty());
    CHECK(loaded.settings.volume == 30);

    // A session that changes nothing writes nothing.
    const auto unchanged = settings.save(loaded.settings);
    CHECK_FALSE(unchanged.error);
    CHECK_FALSE(unchanged.notice);
    CHECK(readFile(file) == handWritten);

    // Meanwhile the user edits the file by hand; the app then changes the volume, a cue, a
    // sound and the window. Only those values change; every other line stays.
    std::string edited = handWritten;
    edited.replace(edited.find("my_own_key"), 0, "muted = true\n");
    tmp.write("settings.toml", edited);
    Settings s = loaded.settings;
    s.volume = 70;
    s.cues.halfway = false;
    s.sounds.erase("tense");
    s.sounds["end"] = "/home/me/bell.wav";
    s.window.width = 900;
    const auto saved = settings.save(s);
    CHECK_FALSE(saved.error);
    CHECK_FALSE(saved.notice);
    const std::string after = *readFile(file);
    CHECK(after == "# my settings, by hand\n"
                   "volume = 70 # quiet: the neighbours\n"
                   "muted = true\n"
                   "my_own_key = \"keep me\"\n"
                   "\n"
                   "[cues]\n"
                   "halfway = false\n"
                   "countdown = false\n"
                   "\n"
                   "[sounds]\n"
                   "end = '/home/me/bell.wav'\n"
                   "\n"
                   "[future]\n"
                   "thing = [1, 2]\n"
                   "\n"
                   "[window]\n"
                   "width = 900\n");
    const auto reread = loadSettings(file);
    CHECK(reread.notices.empty());
    CHECK(reread.settings.muted); // the hand edit
    CHECK(reread.settings.volume == 70);
    CHECK_FALSE(std::filesystem::exists(tmp.path / "settings.toml.bak"));
}

TEST_CASE("a settings file that cannot be edited in place is kept as .bak and the user told") {
    TempDir tmp;
    const auto file = tmp.path / "settings.toml";
    const std::string wrong = "# mine\ncues = 5\nvolume = 30\n";
    tmp.write("settings.toml", wrong);
    SettingsFile settings(file);
    const auto loaded = settings.load();
    REQUIRE_FALSE(loaded.notices.empty());
    CHECK(loaded.notices[0].find("`cues` must be a table") != std::string::npos);
    std::filesystem::remove(tmp.path / "settings.toml.bak"); // the load kept one; the save must too
    // Volume alone can be edited in place, wrong table and all.
    Settings s = loaded.settings;
    s.volume = 40;
    CHECK_FALSE(settings.save(s).notice);
    CHECK(readFile(file) == "# mine\ncues = 5\nvolume = 40\n");
    // A cue cannot: `cues = 5` has to go, so the old file is kept aside and the user told once.
    s.cues.end = false;
    const auto saved = settings.save(s);
    CHECK_FALSE(saved.error);
    REQUIRE(saved.notice);
    CHECK(saved.notice->find("settings.toml.bak") != std::string::npos);
    CHECK(readFile(tmp.path / "settings.toml.bak") == "# mine\ncues = 5\nvolume = 40\n");
    const auto reread = loadSettings(file);
    CHECK(reread.notices.empty());
    CHECK_FALSE(reread.settings.cues.end);
    CHECK(reread.settings.volume == 40);
    s.volume = 50;
    CHECK_FALSE(settings.save(s).notice); // told once: the file is editable now
}

TEST_CASE("a settings save that fails says why") {
    TempDir tmp;
    tmp.write("blocker", "a file, not a folder");
    SettingsFile settings(tmp.path / "blocker" / "settings.toml");
    Settings s = settings.load().settings;
    s.volume = 10;
    const auto saved = settings.save(s);
    REQUIRE(saved.error);
    CHECK(saved.error->find("Not a directory") != std::string::npos);
}

TEST_CASE("a settings file that is a link to /dev/zero or far too large is not read") {
    TempDir tmp;
    const auto file = tmp.path / "settings.toml";
    std::filesystem::create_symlink("/dev/zero", file);
    SettingsFile settings(file);
    const auto loaded = settings.load();
    REQUIRE_FALSE(loaded.notices.empty());
    CHECK(loaded.notices[0].find("not a regular file") != std::string::npos);
    Settings s = loaded.settings;
    s.volume = 10;
    const auto saved = settings.save(s); // the link is moved aside, not followed
    CHECK_FALSE(saved.error);
    REQUIRE(saved.notice);
    CHECK(std::filesystem::is_symlink(tmp.path / "settings.toml.bak"));
    CHECK(loadSettings(file).settings.volume == 10);

    std::string big = "volume = 30\n";
    while (big.size() <= kMaxSettingsFileBytes)
        big += "# " + std::string(100, 'x') + "\n";
    std::filesystem::remove(file);
    tmp.write("settings.toml", big);
    const auto tooBig = loadSettings(file);
    REQUIRE_FALSE(tooBig.notices.empty());
    CHECK(tooBig.notices[0].find("over 256 KiB") != std::string::npos);
    CHECK(tooBig.settings.volume == Settings{}.volume);
}
