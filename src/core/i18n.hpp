#pragma once
// Translation through GNU gettext (glibc's libintl), text domain "unknot".
//
// Strings are marked where they are written: `_("Pause")` is translated when it runs,
// `N_("Pause")` only marks a string kept in a table and translated where it is shown,
// `n_("%d routine", "%d routines", n)` picks the plural form of the user's language, and
// `C_("side", "Left")` separates words that read alike but are said differently. xgettext
// extracts every marked string into po/unknot.pot (the `unknot_pot` target).
//
// The language is chosen at start (initI18n): the `language` setting, else LANGUAGE,
// LC_ALL, LC_MESSAGES and LANG, as gettext itself reads them. gettext reads the language from
// LANGUAGE at every lookup, so a switch (setLanguage) changes the environment: it waits until
// no thread is looking a string up, and no lookup starts before it is done. Only LC_MESSAGES is taken from
// the environment: numbers keep their "C" form everywhere (settings and routine files are
// written with a decimal point whatever the language).

#include <array>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <initializer_list>
#include <string>
#include <string_view>

namespace unknot {

inline constexpr const char* kTextDomain = "unknot";

// English (the source strings) first, then the catalogues shipped in po/ (po/LINGUAS).
inline constexpr std::array<std::string_view, 7> kLanguages = {"en", "de", "fr", "es", "it", "nl", "pt_BR"};

// Translated now.
[[nodiscard]] const char* _(const char* msgid);
// The plural form for `n`.
[[nodiscard]] const char* n_(const char* singular, const char* plural, unsigned long n);
// With a context, for words that read alike in English but not in other languages.
[[nodiscard]] const char* C_(const char* context, const char* msgid);
// Only marked: kept in a table, translated with _() where it is shown.
constexpr const char* N_(const char* msgid) { return msgid; }
// A string that is not in the source (a built-in routine's label): translated when the
// catalogue has it, else itself. xgettext does not see these calls.
[[nodiscard]] std::string translated(const std::string& msgid);

// `pattern` with {0}, {1}, … replaced by the arguments, so a translation may put them in
// another order. A brace that names no argument is kept as it is.
[[nodiscard]] std::string format(std::string_view pattern, std::initializer_list<std::string_view> args);

// While one is alive, the language of this thread's lookups stays as it is: a text made of
// many strings (a built-in routine translated on the library's thread) is wholly in one
// language. Never switch the language while holding one on the same thread.
class SameLanguage {
  public:
    SameLanguage();
    ~SameLanguage();
    SameLanguage(const SameLanguage&) = delete;
    SameLanguage& operator=(const SameLanguage&) = delete;
};

// A number written in the C form ("4.0", "-1.5") with the decimal sign of the user's language
// ("4,0"), for showing: what is stored and parsed keeps the point.
[[nodiscard]] std::string withDecimalSign(std::string_view cForm);

using EnvLookup = std::function<const char*(const char*)>;

// The language list gettext should use, from the setting (a code of kLanguages, or empty)
// and the environment: "de", "pt_BR", "fr_CA:fr". Codesets and modifiers are dropped
// ("de_DE.UTF-8@euro" -> "de_DE"); "C" and "POSIX" mean English: "en".
[[nodiscard]] std::string chooseLanguages(std::string_view setting, const EnvLookup& env);
// The shipped language a language list gives (its first entry gettext would find, by the
// language alone when the region has no catalogue: "de_AT" -> "de"; "pt_PT" -> "en").
[[nodiscard]] std::string_view shippedLanguage(std::string_view languages);

// Binds the text domain to `localeDir` (<dir>/<lang>/LC_MESSAGES/unknot.mo), in UTF-8, and
// sets the language: call once, first thing, before any string is translated.
void initI18n(
    std::string_view setting, const std::filesystem::path& localeDir,
    const EnvLookup& env = [](const char* name) { return std::getenv(name); });
// The language chosen at start or since: a code of kLanguages.
[[nodiscard]] std::string_view currentLanguage();
// The shipped language the environment gives (LANGUAGE, LC_ALL, LC_MESSAGES, LANG, as read at
// start): what an empty setting means.
[[nodiscard]] std::string_view environmentLanguage();
// Another language from now on (the settings panel); empty goes back to the environment.
void setLanguage(std::string_view setting);

} // namespace unknot
