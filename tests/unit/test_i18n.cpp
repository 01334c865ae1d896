// The language chosen, the catalogues as built, and what they change: the voice's phrases,
// the built-in routines (not the user's), the settings' `language`.
#include "core/i18n.hpp"

#include "audio/sound_file.hpp"
#include "audio/voice.hpp"
#include "core/dates.hpp"
#include "helpers.hpp"
#include "play/phrase_plan.hpp"
#include "program/import.hpp"
#include "program/program_library.hpp"
#include "program/program_parser.hpp"
#include "program/rules.hpp"
#include "routine/editor.hpp"
#include "routine/routine_parser.hpp"
#include "store/history_db.hpp"
#include "store/library.hpp"
#include "store/library_loader.hpp"
#include "store/settings.hpp"
#include "store/settings_table.hpp"
#include "temp_dir.hpp"

#include <doctest/doctest.h>

#include <SQLiteCpp/Database.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <map>
#include <mutex>
#include <set>
#include <thread>
#include <tuple>

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

// The label of a timeline's first phase of `kind` ("" when it has none).
std::string firstLabelOf(const Timeline& t, PhaseKind kind) {
    for (const Phase& p : t.phases)
        if (p.kind == kind) return std::string(p.label.str());
    return std::string();
}

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

TEST_CASE("a language switch while the app runs reaches the switch phase's label of the next timeline") {
    const std::string routine = "name = \"T\"\n[[step]]\nsides = [\"left\", \"right\"]\nswitch = \"5s\"\n"
                                "  [[step.step]]\n  kind = \"hold\"\n  duration = \"30s\"\n";
    const auto switchLabelOf = [](const Timeline& t) { return firstLabelOf(t, PhaseKind::Switch); };
    CHECK(switchLabelOf(test::timelineOf(routine)) == "Switch to the right side"); // English first
    {
        InLanguage german("de");
        CHECK(switchLabelOf(test::timelineOf(routine)) == "Wechsel zur rechten Seite");
    }
    CHECK(switchLabelOf(test::timelineOf(routine)) == "Switch to the right side");
}

TEST_CASE("the rest between rounds shows its kind's title in the language, and is said as a rest") {
    const std::string routine = "name = \"T\"\n[[step]]\nrepeat = 2\nrest_between = \"5s\"\n"
                                "  [[step.step]]\n  kind = \"hold\"\n  duration = \"30s\"\n  label = \"Press\"\n";
    const auto restOf = [](const Timeline& t) { return firstLabelOf(t, PhaseKind::Rest); };
    CHECK(restOf(test::timelineOf(routine)) == "Rest");
    InLanguage german("de");
    const Timeline t = test::timelineOf(routine);
    CHECK(restOf(t) == "Pause");
    const auto phrases = planPhrases(t, {}, [](const std::string& s) { return static_cast<Millis>(s.size()) * 10; });
    std::string all;
    for (const auto& p : phrases) all += p.text + "|";
    CHECK(all.find("Kurz ausruhen") != std::string::npos);
    CHECK(all.find("Rest") == std::string::npos);
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
    // Its tags, equipment and what its sources support, as the library shows them; the user's as written.
    CHECK(builtIn.routine().tags ==
          std::vector<std::string>{"ginocchio del corridore", "glutei", "attivazione", "prima della corsa"});
    CHECK(mine.routine().tags == std::vector<std::string>{"runner's knee", "glutes", "activation", "pre-run"});
    CHECK(builtIn.routine().equipment == std::vector<std::string>{"tappetino"});
    REQUIRE(!builtIn.routine().sources.empty());
    CHECK(builtIn.routine().sources.front().supports != mine.routine().sources.front().supports);
    // The editor's phase kinds in the language; the file's keyword stays.
    CHECK(kindWord(PhaseKind::Tense) == "contrarre");
    CHECK(kindName(PhaseKind::Tense) == "tense");
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
    REQUIRE(!ours->program().sources.empty());
    CHECK(ours->program().sources.front().supports.find("elevaciones de tal\xC3\xB3n") != std::string::npos);
    CHECK(mine->program().sources.front().supports.find("heel raises") != std::string::npos);
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

TEST_CASE("a rule's reason is stored as its parts and said in the language shown, an old English one as it is") {
    const std::string stored = encodeReason(
        ReasonParts{ReasonCause::Worse, {"left", "heel", "3", "4.0", "7.0"}, ReasonOutcome::BackTo, {"2", "3"}});
    const std::string english =
        "your left heel was 3 points worse this week (4.0 \xE2\x86\x92 7.0): back to stage 2 of 3";
    CHECK(reasonText(stored) == english);
    {
        InLanguage de("de");
        CHECK(reasonText(stored) == "linke Ferse diese Woche um 3 Punkte schlechter (4,0 \xE2\x86\x92 7,0): zur\xC3\xBC"
                                    "ck zu Stufe 2 von 3");
        const Decision d{5, RuleAction::StepBack, 1, stored, false};
        CHECK(d.text() != english);
        // A fraction takes the plural; one point the singular.
        CHECK(reasonText(encodeReason(
                  ReasonParts{ReasonCause::Better, {"right", "knee", "1"}, ReasonOutcome::OnTo, {"3", "3"}})) ==
              "rechtes Knie diese Woche um 1 Punkt besser: weiter zu Stufe 3 von 3");
        CHECK(reasonText(encodeReason(
                  ReasonParts{ReasonCause::WorseShort, {"", "heel", "1.5"}, ReasonOutcome::StayAt, {"1", "3"}})) ==
              "Ferse diese Woche um 1,5 Punkte schlechter: bleibt auf Stufe 1 von 3");
        // Stored before the parts were: shown as it was written.
        CHECK(reasonText("week 1 of 2 at stage 1 of 3 done: staying") == "week 1 of 2 at stage 1 of 3 done: staying");
    }
    {
        InLanguage fr("fr");
        const std::string text = reasonText(stored);
        CHECK(text.find("talon gauche") != std::string::npos);
        CHECK(text.find("retour \xC3\xA0 l\xE2\x80\x99\xC3\xA9tape 2 sur 3") != std::string::npos);
        CHECK(reasonText(
                  encodeReason(ReasonParts{ReasonCause::WeeksDone, {"2", "1", "3"}, ReasonOutcome::Complete, {}})) ==
              "2 semaines \xC3\xA0 l\xE2\x80\x99\xC3\xA9tape 1 sur 3 termin\xC3\xA9"
              "es : le programme est termin\xC3\xA9");
    }
}

TEST_CASE("a reason's parts survive any area the user wrote, and a broken one is shown as stored") {
    const ReasonParts parts{ReasonCause::Better, {"left", "hip, upper; 100%25", "2"}, ReasonOutcome::OnTo, {"2", "3"}};
    const auto back = decodeReason(encodeReason(parts));
    REQUIRE(back);
    CHECK(back->causeArgs == parts.causeArgs);
    CHECK(back->outcomeArgs == parts.outcomeArgs);
    CHECK(reasonText(encodeReason(parts)) ==
          "your left hip, upper; 100%25 was 2 points better this week: on to stage 2 of 3");
    CHECK(reasonText("rule:better,left;next,2,3") == "rule:better,left;next,2,3"); // too few parts
    CHECK(reasonText("rule:sideways;next,2,3") == "rule:sideways;next,2,3");       // an unknown cause
    InLanguage de("de");
    CHECK(reasonText(encodeReason(parts)) ==
          "hip, upper; 100%25 (links) diese Woche um 2 Punkte besser: weiter zu Stufe 2 von 3");
}

TEST_CASE("a trend's title in German: its area, the decimal comma, the weeks' plural") {
    AreaTrend t;
    t.area = "heel";
    t.side = Side::Left;
    t.weeks = {WeekAverage{0, 5.75, 3}, WeekAverage{3 * 7 * 86'400, 3.1, 2}};
    CHECK(describeTrend(t) == "left heel: 5.8 \xE2\x86\x92 3.1 over 4 weeks");
    InLanguage de("de");
    CHECK(describeTrend(t) == "linke Ferse: 5,8 \xE2\x86\x92 3,1 in 4 Wochen");
    t.weeks.resize(1);
    CHECK(describeTrend(t) == "linke Ferse: 5,8 (1 Woche)");
}

TEST_CASE("an import's notice in German and French, the file's own diagnostics kept as they are") {
    const Diagnostic problem{"/tmp/bad.toml", 2, 8, "TOML syntax"};
    const ImportResult result = {ImportedFile{"/tmp/calves.toml", false, "/data/routines/calves.toml", {}, {}},
                                 ImportedFile{"/tmp/heel.toml", true, "/data/programs/heel.toml", {}, {}},
                                 ImportedFile{"/tmp/bad.toml", false, {}, {problem}, {}}};
    const std::string english = importNotice(result);
    CHECK(english.find("Imported the routine 'calves'") != std::string::npos);
    InLanguage de("de");
    const std::string german = importNotice(result);
    CHECK(german.find("Routine \xE2\x80\x9E"
                      "calves\xE2\x80\x9C importiert") != std::string::npos);
    CHECK(german.find("unknot program start heel") != std::string::npos);
    CHECK(german.find("Nicht importiert: bad.toml\n" + problem.format()) != std::string::npos);
    setLanguage("fr");
    CHECK(importNotice(result).find("Non import\xC3\xA9 : bad.toml\n/tmp/bad.toml:2:8: error: TOML syntax") !=
          std::string::npos);
}

TEST_CASE("History's dates in the language chosen, not the system's LC_TIME") {
    std::tm tm{};
    tm.tm_year = 2026 - 1900;
    tm.tm_mon = 11; // December
    tm.tm_mday = 7;
    tm.tm_wday = 1; // a Monday
    tm.tm_hour = 7;
    tm.tm_min = 5;
    CHECK(shownDayMonth(tm) == "7 Dec");
    CHECK(shownDateTime(tm) == "Mon 07 Dec 2026, 07:05");
    {
        InLanguage de("de");
        CHECK(shownDayMonth(tm) == "7. Dez.");
        CHECK(shownDateTime(tm) == "Mo., 07. Dez. 2026, 07:05");
        tm.tm_mon = 2;
        CHECK(shownDayMonth(tm) == "7. M\xC3\xA4rz");
        tm.tm_mon = 11;
        setLanguage("fr");
        CHECK(shownDateTime(tm) == "lun. 07 d\xC3\xA9"
                                   "c. 2026 \xC3\xA0 07:05");
        setLanguage("pt_BR");
        CHECK(shownDayMonth(tm) == "7 dez.");
    }
}

TEST_CASE("a settings problem in German: the place as it was, the key and the values the file takes kept") {
    const std::string english = parseSettings("volume = 300\n").notices.at(0);
    CHECK(english == "settings.toml:1:10: error: `volume` must be a whole number from 0 to 100; using the default");
    InLanguage de("de");
    const auto german = parseSettings("volume = 300\n");
    REQUIRE(german.notices.size() == 1);
    CHECK(
        german.notices[0] ==
        "settings.toml:1:10: error: `volume` muss eine ganze Zahl von 0 bis 100 sein; der Standardwert wird verwendet");
    CHECK(german.notices[0] != english);
    // What the docs say of the setting stays English.
    for (const SettingDecl& d : settingsTable())
        if (d.key == "volume" && d.table.empty()) CHECK(settingValues(d) == "a whole number from 0 to 100");
}

TEST_CASE("a check-in's problem in German, said where the user types it") {
    const std::string longNote(kMaxNoteBytes + 1, 'a');
    REQUIRE(noteProblem(longNote));
    CHECK(noteProblem(longNote)->starts_with("the note is too long"));
    InLanguage de("de");
    CHECK(noteProblem(longNote)->starts_with("die Notiz ist zu lang: " + std::to_string(kMaxNoteBytes + 1) + " Bytes"));
    CheckIn score;
    score.area = "heel";
    score.score = 11;
    REQUIRE(checkInProblem(score));
    CHECK(*checkInProblem(score) ==
          "ein Wert ist eine ganze Zahl von 0 (kein Schmerz) bis 10 (am schlimmsten), nicht 11");
}

TEST_CASE("a full disk in German and French: told by its kind, the folder and the space kept, no advice to move") {
    const std::filesystem::path file = "/home/me/.local/share/unknot/unknot.db";
    // SQLITE_FULL with SQLite's English, and a bare I/O error whose errno was ENOSPC (SQLITE_IOERR_WRITE).
    for (const auto& [code, systemErrno, says] :
         {std::tuple{13, 0, "database or disk is full"}, std::tuple{778, ENOSPC, "disk I/O error"}}) {
        CAPTURE(code);
        InLanguage de("de");
        const StorageFailure german = storageFailure(code, systemErrno, says, 12 << 10, file);
        CHECK(german.diskFull);
        CHECK(german.message == "der Datentr\xC3\xA4ger mit /home/me/.local/share/unknot ist voll (12 KiB frei): "
                                "geben Sie dort Speicherplatz frei");
        const std::string read = historyReadError(file, german);
        CHECK(read.rfind(file.string() + ": Verlauf nicht lesbar: der Datentr\xC3\xA4ger", 0) == 0);
        CHECK(read.find("mv '") == std::string::npos); // no advice to move the history aside
        CHECK(historyReadError(file, {false, "database disk image is malformed"}).find("mv '") != std::string::npos);
        setLanguage("fr");
        const StorageFailure french = storageFailure(code, systemErrno, says, 12 << 10, file);
        CHECK(french.diskFull);
        CHECK(french.message == "le disque qui contient /home/me/.local/share/unknot est plein (12 Kio libres) : "
                                "lib\xC3\xA9rez-y de la place");
        CHECK(historyReadError(file, french).find("mv '") == std::string::npos);
    }
    // Not a full disk: SQLite's own words, inside the translated sentence of whoever shows them.
    InLanguage de("de");
    CHECK(storageFailure(5, 0, "database is locked", 12 << 10, file).message == "database is locked");
}

TEST_CASE("a history that takes no writes says why in German and French, naming the file") {
    test::TempDir tmp;
    const auto file = tmp.path / "unknot.db";
    {
        auto opened = HistoryDb::open(file);
        REQUIRE(std::holds_alternative<std::unique_ptr<HistoryDb>>(opened));
    }
    {
        SQLite::Database raw(file.string(), SQLite::OPEN_READWRITE);
        raw.exec("PRAGMA user_version = 99");
    }
    InLanguage de("de");
    auto opened = HistoryDb::open(file);
    REQUIRE(std::holds_alternative<std::unique_ptr<HistoryDb>>(opened));
    auto& db = std::get<std::unique_ptr<HistoryDb>>(opened);
    REQUIRE(db->readOnlyReason());
    CHECK(*db->readOnlyReason() == file.string() + " stammt von einem neueren Unknot (Schema 99, dieses kennt " +
                                       std::to_string(HistoryDb::kSchemaVersion) +
                                       "): nur lesbar; aktualisieren Sie Unknot, um darin aufzuzeichnen");
    const auto added = db->addCheckIn(CheckIn{0, "heel", Side::Left, 3, CheckInMoment::Standalone, {}, ""});
    REQUIRE(added);
    CHECK(added->rfind("Befinden kann nicht gespeichert werden: " + file.string() + " stammt von", 0) == 0);
    setLanguage("fr");
    auto reopened = HistoryDb::open(file, HistoryAccess::Read);
    REQUIRE(std::holds_alternative<std::unique_ptr<HistoryDb>>(reopened));
    CHECK(*std::get<std::unique_ptr<HistoryDb>>(reopened)->readOnlyReason() ==
          file.string() +
              " a \xC3\xA9t\xC3\xA9 cr\xC3\xA9\xC3\xA9 par un Unknot plus r\xC3\xA9"
              "cent (sch\xC3\xA9ma 99, "
              "celui-ci conna\xC3\xAEt " +
              std::to_string(HistoryDb::kSchemaVersion) +
              ") : lecture seule ; mettez Unknot \xC3\xA0 jour pour y enregistrer");
}

TEST_CASE("an area or a note with a control character is refused in German and French, the place kept") {
    CheckIn c;
    c.area = "knee\xC2\x85"; // NEL, a C1 control
    c.score = 3;
    CHECK(*checkInProblem(c) == "the area cannot be kept: it holds the control character U+0085");
    InLanguage de("de");
    CHECK(*checkInProblem(c) ==
          "die Stelle kann nicht gespeichert werden: sie enth\xC3\xA4lt das Steuerzeichen U+0085");
    c.area = "heel";
    c.note = "bell\x07";
    CHECK(*checkInProblem(c) == "die Notiz kann nicht gespeichert werden: sie enth\xC3\xA4lt das Steuerzeichen U+0007");
    c.note = "\xE2\x80\xAEreversed";
    CHECK(*checkInProblem(c) == "die Notiz kann nicht gespeichert werden: sie enth\xC3\xA4lt das "
                                "Bidi-Steuerzeichen U+202E, das Text umordnet");
    c.note = "caf\xC3";
    CHECK(*checkInProblem(c) == "die Notiz kann nicht gespeichert werden: sie ist kein UTF-8-Text (Byte 4)");
    setLanguage("fr");
    CHECK(*checkInProblem(c) == "la note ne peut pas \xC3\xAAtre gard\xC3\xA9"
                                "e : ce n\xE2\x80\x99"
                                "est pas du texte UTF-8 (octet 4)");
    c.note = "";
    c.area = "he\xE2\x80\xAE"
             "el";
    CHECK(*checkInProblem(c) == "la zone ne peut pas \xC3\xAAtre gard\xC3\xA9"
                                "e : elle contient le contr\xC3\xB4le "
                                "bidi U+202E, qui r\xC3\xA9ordonne le texte");
}

namespace {

// A routine file with one mistake of each kind the readers word: the parser's, the toml reader's,
// a `say` line's, a source's and a text fault's.
constexpr const char* kBrokenRoutine = R"(name = 3
tags = "calves"
sources = [ { title = "A trial", authors = "Rathleff MS", year = 1200, doi = "https://doi.org/10.1/x", supports = "it", pages = 3 } ]
[[step]]
kind = "hodl"
duration = "30s"
[[step]]
kind = "hold"
label = "Left\u202Eheel"
say = "{labl} now"
[[step]]
kind = "rest"
duration = "0.5s"
repeat = 0
sides = ["up"]
flavour = 1
)";

constexpr const char* kBrokenProgram = R"(name = "Heel"
sumary = "x"
[[stage]]
weeks = 3
advance = { after_weeks = 4, when = "worse" }
[[stage.routine]]
id = "glute-release-bal"
when = "after_runs"
)";

// Each diagnostic as `path:line:column: error: ` and the message after it.
std::vector<std::pair<std::string, std::string>> split(const Diagnostics& diagnostics) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const Diagnostic& d : diagnostics) {
        const std::string where = d.path + ":" + std::to_string(d.line) + ":" + std::to_string(d.column) + ": error: ";
        const std::string line = d.format();
        REQUIRE(line.starts_with(where));
        out.emplace_back(where, line.substr(where.size()));
    }
    return out;
}

// In `language`, the same places with `path:line:column: error: ` as in English and every message
// after it in other words.
void checkTranslated(const Diagnostics& english, const Diagnostics& translated) {
    const auto en = split(english);
    const auto other = split(translated);
    REQUIRE(other.size() == en.size());
    for (std::size_t i = 0; i < en.size(); ++i) {
        CAPTURE(other[i].second);
        CHECK(other[i].first == en[i].first);
        CHECK(other[i].second != en[i].second);
    }
}

} // namespace

TEST_CASE("a broken routine's errors in German and French: `path:line:column: error: ` as in English, then "
          "the language") {
    const Diagnostics english = parseRoutine(kBrokenRoutine, "/home/me/calves.toml").diagnostics;
    REQUIRE(english.size() >= 12);
    CHECK(english[0].format() == "/home/me/calves.toml:1:8: error: `name` must be a string, not an integer");
    InLanguage de("de");
    const Diagnostics german = parseRoutine(kBrokenRoutine, "/home/me/calves.toml").diagnostics;
    checkTranslated(english, german);
    CHECK(german[0].format() ==
          "/home/me/calves.toml:1:8: error: `name` muss eine Zeichenkette sein, nicht eine ganze Zahl");
    const auto has = [&](const Diagnostics& all, const std::string& line) {
        return std::any_of(all.begin(), all.end(), [&](const Diagnostic& d) { return d.format() == line; });
    };
    // The file's words stay: keys in backticks, kinds and sides as written, the placeholder's name.
    CHECK(has(german, "/home/me/calves.toml:5:8: error: unbekannte Art \"hodl\"; meinten Sie \"hold\"? (g\xC3\xBCltige "
                      "Arten: prepare, tense, release, hold, roll, rest oder manual)"));
    CHECK(has(german, "/home/me/calves.toml:10:8: error: `say`: unbekannter Platzhalter {labl} (bekannt: {label}, "
                      "{side}, {duration}, {round}, {rounds}, {next})"));
    CHECK(has(german, "/home/me/calves.toml:9:9: error: `label` enth\xC3\xA4lt ein Bidi-Steuerzeichen (\\u202e), das "
                      "Text umordnet"));
    setLanguage("fr");
    const Diagnostics french = parseRoutine(kBrokenRoutine, "/home/me/calves.toml").diagnostics;
    checkTranslated(english, french);
    CHECK(
        has(french, "/home/me/calves.toml:15:10: error: un c\xC3\xB4t\xC3\xA9 est \"left\" ou \"right\", pas \"up\""));
}

TEST_CASE("a broken program's errors in German and French: the place as in English, then the language") {
    const std::vector<std::string> known = {"glute-release-ball", "heel-raises"};
    const Diagnostics english = parseProgram(kBrokenProgram, "heel.toml", &known).diagnostics;
    REQUIRE(english.size() >= 5);
    InLanguage de("de");
    const Diagnostics german = parseProgram(kBrokenProgram, "heel.toml", &known).diagnostics;
    checkTranslated(english, german);
    CHECK(std::any_of(german.begin(), german.end(), [](const Diagnostic& d) {
        return d.format() == "heel.toml:5:27: error: `after_weeks` ist 4, l\xC3\xA4nger als die 3 Wochen der Stufe";
    }));
    setLanguage("fr");
    checkTranslated(english, parseProgram(kBrokenProgram, "heel.toml", &known).diagnostics);
}

TEST_CASE("a file too large, not UTF-8 or with TOML's own error: our words translated, toml++'s kept") {
    test::TempDir dir;
    dir.write("huge.toml", std::string(kMaxRoutineFileBytes + 1, '#'));
    const auto file = dir.path / "huge.toml";
    InLanguage de("de");
    const Diagnostics tooLarge = loadRoutineFile(file).diagnostics;
    REQUIRE(tooLarge.size() == 1);
    CHECK(tooLarge[0].format() == file.string() + ":1:1: error: die Datei ist zu gro\xC3\x9F f\xC3\xBCr eine Routine "
                                                  "(\xC3\xBC"
                                                  "ber 4 MiB)");
    const Diagnostics latin1 = parseRoutine("name = \"caf\xE9\"\n", "latin1.toml").diagnostics;
    REQUIRE(latin1.size() == 1);
    CHECK(latin1[0].format() == "latin1.toml:1:12: error: diese Datei ist kein UTF-8-Text");
    const Diagnostics syntax = parseRoutine("name = \n", "syntax.toml").diagnostics;
    REQUIRE(syntax.size() == 1);
    CHECK(syntax[0].message.starts_with("TOML-Syntax: "));
    setLanguage("en");
    CHECK(parseRoutine("name = \n", "syntax.toml").diagnostics[0].message.substr(13) == syntax[0].message.substr(13));
}

TEST_CASE("a custom sound's refusal and the quick set's summary and name in German") {
    std::string wav = std::string("RIFF") + std::string(4, '\0') + "WAVEfmt " + std::string("\x10\0\0\0", 4) +
                      std::string("\x01\0\x00\0", 4) + std::string(12, '\0') + "data" + std::string(4, '\0');
    const auto english = inspectSound(wav);
    REQUIRE(std::holds_alternative<std::string>(english));
    CHECK(std::get<std::string>(english) == "it has no channels");
    QuickSet q;
    q.repeats = 5;
    q.first = PhaseKind::Hold;
    q.firstMs = 30'000;
    q.second = PhaseKind::Rest;
    q.secondMs = 10'000;
    q.sides = {Side::Left, Side::Right};
    CHECK(makeQuickSet(q).summary == "5 \xC3\x97 hold 30 s / rest 10 s, both sides");
    InLanguage de("de");
    CHECK(std::get<std::string>(inspectSound(wav)) == "sie hat keine Kan\xC3\xA4le");
    const Routine german = makeQuickSet(q);
    CHECK(german.summary.ends_with(", beide Seiten"));
    CHECK(german.summary != "5 \xC3\x97 hold 30 s / rest 10 s, both sides");
    CHECK(german.steps.back().label == "Satz");
    // A quick set opened now starts with its name in the language.
    CHECK(QuickSet{}.name == "Meine Intervalle");
}
