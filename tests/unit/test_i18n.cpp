// The language chosen, the catalogues as built, and what they change: the voice's phrases,
// the built-in routines (not the user's), the settings' `language`.
#include "core/i18n.hpp"

#include "audio/voice.hpp"
#include "helpers.hpp"
#include "play/phrase_plan.hpp"
#include "program/program_library.hpp"
#include "store/library.hpp"
#include "store/library_loader.hpp"
#include "store/settings.hpp"
#include "temp_dir.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <cstdlib>
#include <map>
#include <mutex>
#include <set>
#include <thread>

using namespace unknot;

namespace {

EnvLookup envOf(std::map<std::string, std::string> vars) {
    return [vars = std::move(vars)](const char* name) -> const char* {
        const auto it = vars.find(name);
        return it == vars.end() ? nullptr : it->second.c_str();
    };
}

// The build's catalogues in `language` for one test case, English again after it.
struct InLanguage {
    explicit InLanguage(std::string_view language) { initI18n(language, UNKNOT_BUILD_LOCALE_DIR, envOf({})); }
    ~InLanguage() { setLanguage("en"); }
};

} // namespace

TEST_CASE("the language list: the setting, else LANGUAGE, else LC_ALL, LC_MESSAGES, LANG") {
    CHECK(chooseLanguages("", envOf({})) == "en");
    CHECK(chooseLanguages("", envOf({{"LANG", "C.UTF-8"}})) == "en");
    CHECK(chooseLanguages("", envOf({{"LANG", "POSIX"}})) == "en");
    CHECK(chooseLanguages("", envOf({{"LANG", "de_DE.UTF-8"}})) == "de_DE");
    CHECK(chooseLanguages("", envOf({{"LANG", "de_DE.UTF-8"}, {"LC_MESSAGES", "nl_NL.UTF-8@euro"}})) == "nl_NL");
    CHECK(chooseLanguages("", envOf({{"LANG", "de_DE.UTF-8"}, {"LC_ALL", "fr_FR.UTF-8"}})) == "fr_FR");
    CHECK(chooseLanguages("", envOf({{"LC_ALL", "fr_FR.UTF-8"}, {"LANGUAGE", "pt_BR:es"}})) == "pt_BR:es");
    CHECK(chooseLanguages("it", envOf({{"LC_ALL", "fr_FR.UTF-8"}, {"LANGUAGE", "pt_BR"}})) == "it");
    CHECK(chooseLanguages("", envOf({{"LANGUAGE", ""}, {"LANG", "es_ES.UTF-8"}})) == "es_ES");
}

TEST_CASE("the shipped language of a list: the region's, else the language's, else English") {
    CHECK(shippedLanguage("de_AT") == "de");
    CHECK(shippedLanguage("pt_BR") == "pt_BR");
    CHECK(shippedLanguage("pt_PT") == "en");
    CHECK(shippedLanguage("sv:fr_CA:de") == "fr");
    CHECK(shippedLanguage("en_GB") == "en");
    CHECK(shippedLanguage("") == "en");
}

TEST_CASE("format puts numbered arguments where the translation has them") {
    CHECK(format("{0} of {1}", {"3", "5"}) == "3 of 5");
    CHECK(format("{1}: {0}", {"a", "b"}) == "b: a");
    CHECK(format("{label} {2} {", {"a"}) == "{label} {2} {");
}

TEST_CASE("German: durations with their plural forms, the phrases, the switch") {
    InLanguage german("de");
    CHECK(currentLanguage() == "de");
    CHECK(spokenDuration(30'000) == "30 Sekunden");
    CHECK(spokenDuration(61'000) == "1 Minute 1 Sekunde");
    CHECK(spokenDuration(2 * 3'600'000 + 120'000) == "2 Stunden 2 Minuten");
    CHECK(donePhrase(12 * 60'000) == "Fertig. 12 Minuten.");
    const Timeline t =
        test::timelineOf("name = \"T\"\n[[step]]\nlabel = \"Calf\"\nsides = [\"left\", \"right\"]\n"
                         "  [[step.step]]\n  kind = \"hold\"\n  duration = \"30s\"\n  label = \"Hold\"\n");
    const auto phrases = planPhrases(t, {}, [](const std::string& s) { return static_cast<Millis>(s.size()) * 10; });
    std::string all;
    for (const auto& p : phrases) all += p.text + "|";
    CHECK(all.find("Zuerst die linke Seite. Hold. 30 Sekunden.") != std::string::npos);
    CHECK(all.find("Rechts. Hold. 30 Sekunden.") != std::string::npos);
    CHECK(all.find("Halbzeit.") != std::string::npos);
    CHECK(all.find("Wechsel zur rechten Seite") != std::string::npos);
    CHECK(all.find("Left") == std::string::npos);
    CHECK(all.find("Next") == std::string::npos);
}

TEST_CASE("French says one second and zero second in the singular, two in the plural") {
    InLanguage french("fr");
    CHECK(spokenDuration(1'000) == "1 seconde");
    CHECK(spokenDuration(2'000) == "2 secondes");
    CHECK(spokenDuration(0) == "0 seconde");
}

TEST_CASE("a built-in routine is translated, the same file elsewhere is not") {
    InLanguage italian("it");
    const std::filesystem::path file = std::filesystem::path(UNKNOT_SOURCE_DIR) / "routines/pre-run-activation.toml";
    const LibraryEntry builtIn = loadEntry(file, RoutineSource::BuiltIn);
    const LibraryEntry mine = loadEntry(file, RoutineSource::Dir);
    REQUIRE(builtIn.valid());
    CHECK(builtIn.displayName() == "Attivazione pre-corsa");
    CHECK(mine.displayName() == "Pre-run activation");
    CHECK(builtIn.routine().steps.front().label == "Supino, ginocchia piegate");
    CHECK(builtIn.totalMs == mine.totalMs);
    CHECK(builtIn.timeline().phases.size() == mine.timeline().phases.size());
}

namespace {

// A built-in routine's texts, joined: which language they are in shows.
std::string textsOf(const LibraryEntry& entry) {
    std::string out = entry.routine().name + "|" + entry.routine().summary;
    for (const Step& s : entry.routine().steps) out += "|" + s.label + "|" + s.cue;
    return out;
}

} // namespace

TEST_CASE("the language switched while the library's thread translates: each routine wholly in one") {
    const std::filesystem::path builtIn = std::filesystem::path(UNKNOT_SOURCE_DIR) / "routines";
    const std::vector<std::string> languages = {"de", "fr", "it", "en"};
    // Each routine's texts in each language, read on this thread.
    std::map<std::string, std::map<std::string, std::string>> expected; // id -> language -> texts
    for (const std::string& language : languages) {
        InLanguage in(language);
        for (const auto& f : std::filesystem::directory_iterator(builtIn)) {
            const LibraryEntry e = loadEntry(f.path(), RoutineSource::BuiltIn);
            if (e.valid()) expected[e.id][language] = textsOf(e);
        }
    }
    REQUIRE(expected.size() >= 8);
    CHECK(expected["pre-run-activation"]["de"] != expected["pre-run-activation"]["fr"]);

    InLanguage start("en");
    test::TempDir dir;
    LibraryLoader loader(LibraryFolders{builtIn, dir.path / "user", {}});
    std::mutex mutex;
    std::vector<std::shared_ptr<const std::vector<LibraryEntry>>> seen;
    loader.setWake([&] {
        if (auto s = loader.take()) {
            const std::lock_guard lock(mutex);
            seen.push_back(s->entries);
        }
    });
    // The window's side switches on and on while the library is read again and again.
    std::atomic<bool> done{false};
    std::thread switcher([&] {
        for (std::size_t i = 0; !done; ++i) setLanguage(languages[i % languages.size()]);
    });
    for (int i = 0; i < 10; ++i) {
        loader.scanAll();
        loader.settle();
    }
    done = true;
    switcher.join();
    setLanguage("fr");
    loader.scanAll();
    loader.settle();

    const std::lock_guard lock(mutex);
    REQUIRE(!seen.empty());
    std::size_t mixed = 0;
    std::set<std::string> languagesSeen;
    for (const auto& entries : seen)
        for (const LibraryEntry& e : *entries) {
            if (!e.valid()) continue;
            bool whole = false;
            for (const auto& [language, texts] : expected[e.id])
                if (textsOf(e) == texts) {
                    whole = true;
                    languagesSeen.insert(language);
                }
            if (!whole) ++mixed;
        }
    CHECK(mixed == 0);
    CHECK(languagesSeen.size() >= 2);
    // Read after the last switch: all in French.
    for (const LibraryEntry& e : *seen.back())
        if (e.valid()) CHECK(textsOf(e) == expected[e.id]["fr"]);
}

TEST_CASE("a built-in program is translated (name, notes, stages), the same file of the user's is not") {
    InLanguage spanish("es");
    test::TempDir dir;
    const std::filesystem::path builtIn = std::filesystem::path(UNKNOT_SOURCE_DIR) / "programs";
    std::filesystem::create_directories(dir.path / "user");
    std::filesystem::copy_file(builtIn / "plantar-fasciitis-12-weeks.toml", dir.path / "user" / "mine.toml");
    ProgramLibrary programs;
    programs.scan(ProgramFolders{builtIn, dir.path / "user"}, std::vector<std::string>{});
    const ProgramEntry* ours = programs.findId("plantar-fasciitis-12-weeks");
    const ProgramEntry* mine = programs.findId("mine");
    REQUIRE(ours != nullptr);
    REQUIRE(mine != nullptr);
    CHECK(ours->displayName() == "Fascitis plantar: 12 semanas");
    CHECK(ours->program().stages.at(0).name == "Empezar a cargar: 3 series de 12");
    CHECK(ours->program().notes.find("elevaciones de talón pesadas y lentas") != std::string::npos);
    CHECK(mine->displayName() == "Plantar fasciitis: 12 weeks");
    CHECK(mine->program().stages.at(0).name == "Start loading: 3 sets of 12");
}

TEST_CASE("English is the source: no catalogue, the strings as written") {
    InLanguage english("en");
    CHECK(currentLanguage() == "en");
    CHECK(spokenDuration(61'000) == "1 minute 1 second");
    CHECK(std::string(_("Halfway.")) == "Halfway.");
}

TEST_CASE("settings: `language` is a shipped language or nothing") {
    CHECK(parseSettings("language = \"pt_BR\"\n").settings.language == "pt_BR");
    const auto wrong = parseSettings("language = \"klingon\"\n");
    CHECK(wrong.settings.language.empty());
    REQUIRE(wrong.notices.size() == 1);
    CHECK(wrong.notices[0].find("`language`") != std::string::npos);
    CHECK(formatSettings(Settings{}).find("language") == std::string::npos);
    Settings s;
    s.language = "nl";
    CHECK(formatSettings(s).find("language = 'nl'") != std::string::npos);
    CHECK(parseSettings(formatSettings(s)).settings == s);
    const auto edited = editSettingsText("volume = 50\n", Settings{}, s);
    REQUIRE(edited);
    CHECK(edited->find("language = 'nl'") != std::string::npos);
    test::TempDir dir;
    dir.write("settings.toml", "# mine\nlanguage = \"fr\"\nvolume = 500\n");
    CHECK(languageSetting(dir.path / "settings.toml") == "fr");
    CHECK(languageSetting(dir.path / "none.toml").empty());
    CHECK_FALSE(std::filesystem::exists(dir.path / "settings.toml.bak")); // read quietly
}

TEST_CASE("espeak-ng speaks German as a program, and without it there is no voice and a reason") {
    std::string why;
    {
        ::setenv("UNKNOT_ESPEAK", "/nonexistent/espeak-ng", 1);
        CHECK_FALSE(openVoiceFor(VoiceSettings{}, "de", 48000, 2, &why));
        CHECK(why.find("espeak-ng") != std::string::npos);
        CHECK(openVoiceFor(VoiceSettings{}, "en", 48000, 2)); // English needs only Flite
        ::unsetenv("UNKNOT_ESPEAK");
    }
    const auto voice = Voice::openEspeak("de", 1.0, 48000, 2);
    if (!voice) {
        MESSAGE("espeak-ng is not installed: its voice is not tested");
        return;
    }
    const SpokenPhrase said = voice->speak("Dreißig Sekunden.");
    CHECK(said.frames(2) > 48000 / 4); // more than a quarter second of speech
    CHECK(said.frames(2) < 48000 * 5);
    int peak = 0;
    for (auto s : said.samples) peak = std::max(peak, std::abs(static_cast<int>(s)));
    CHECK(peak > 3000); // sound, not silence
    const auto fast = Voice::openEspeak("de", 1.6, 48000, 2);
    REQUIRE(fast);
    CHECK(fast->speak("Dreißig Sekunden.").frames(2) < said.frames(2) * 8 / 10);
    CHECK(Voice::openEspeak("pt_BR", 1.0, 44100, 1));
    CHECK_FALSE(Voice::openEspeak("de", 3.0, 48000, 2));
}
