#include "core/i18n.hpp"

#include <cassert>
#include <clocale>
#include <cstring>
#include <libintl.h>
#include <mutex>
#include <shared_mutex>

// glibc's (and GNU libintl's) counter of loaded catalogues: raising it makes gettext forget
// the translations it cached, which a change of LANGUAGE alone does not.
extern "C" int _nl_msg_cat_cntr; // NOLINT(bugprone-reserved-identifier): libintl's own name

namespace unknot {

namespace {

std::mutex languageMutex;
// Lookups (shared) against a switch of LANGUAGE (exclusive): getenv and setenv must not meet.
std::shared_mutex lookupMutex;
thread_local int sameLanguageDepth = 0;  // this thread's SameLanguage and lookups under way
std::string environmentLanguages = "en"; // from the environment at start
std::string chosenLanguage = "en";       // a code of kLanguages

// "de_DE.UTF-8@euro" -> "de_DE"; "C", "POSIX" and "C.UTF-8" -> "en".
std::string languageOfLocale(std::string_view locale) {
    const std::size_t end = locale.find_first_of(".@");
    std::string_view name = locale.substr(0, end);
    if (name == "C" || name == "POSIX" || name.empty()) return "en";
    return std::string(name);
}

void apply(const std::string& languages) {
    // gettext reads LANGUAGE at every lookup; the language list wins over LC_MESSAGES.
    ::setenv("LANGUAGE", languages.c_str(), 1);
    ++_nl_msg_cat_cntr;
}

} // namespace

SameLanguage::SameLanguage() {
    if (sameLanguageDepth++ == 0) lookupMutex.lock_shared();
}

SameLanguage::~SameLanguage() {
    if (--sameLanguageDepth == 0) lookupMutex.unlock_shared();
}

const char* _(const char* msgid) {
    const SameLanguage steady;
    return ::dgettext(kTextDomain, msgid);
}

const char* n_(const char* singular, const char* plural, unsigned long n) {
    const SameLanguage steady;
    return ::dngettext(kTextDomain, singular, plural, n);
}

const char* C_(const char* context, const char* msgid) {
    // gettext keeps a context as "context\004msgid"; without a translation the msgid is
    // what comes back.
    std::string key = std::string(context) + '\004' + msgid;
    const SameLanguage steady;
    const char* out = ::dgettext(kTextDomain, key.c_str());
    return out == key.c_str() ? msgid : out; // dgettext returns its argument when untranslated
}

std::string translated(const std::string& msgid) {
    if (msgid.empty()) return msgid; // "" is the catalogue's header
    const SameLanguage steady;
    return ::dgettext(kTextDomain, msgid.c_str());
}

std::string withDecimalSign(std::string_view cForm) {
    // TRANSLATORS: the decimal sign of a number shown with decimals (a score "4.0"): "," in
    // most languages of Europe.
    const std::string_view sign = C_("decimal sign", ".");
    std::string out;
    for (char c : cForm) out += c == '.' ? std::string(sign) : std::string(1, c);
    return out;
}

std::string format(std::string_view pattern, std::initializer_list<std::string_view> args) {
    std::string out;
    out.reserve(pattern.size() + 16);
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '{') {
            const std::size_t close = pattern.find('}', i + 1);
            if (close != std::string_view::npos && close > i + 1 && close - i - 1 <= 2) {
                std::size_t n = 0;
                bool digits = true;
                for (std::size_t k = i + 1; k < close; ++k) {
                    if (pattern[k] < '0' || pattern[k] > '9')
                        digits = false;
                    else
                        n = n * 10 + static_cast<std::size_t>(pattern[k] - '0');
                }
                if (digits && n < args.size()) {
                    out += *(args.begin() + n);
                    i = close;
                    continue;
                }
            }
        }
        out += pattern[i];
    }
    return out;
}

std::string chooseLanguages(std::string_view setting, const EnvLookup& env) {
    if (!setting.empty()) return languageOfLocale(setting);
    // As gettext reads them: LANGUAGE (a list, used unless the locale is "C"), then the first
    // of LC_ALL, LC_MESSAGES, LANG that is set.
    std::string locale = "C";
    for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"})
        if (const char* v = env(name); v && *v) {
            locale = v;
            break;
        }
    if (const char* list = env("LANGUAGE"); list && *list) {
        std::string out;
        std::string_view rest(list);
        while (!rest.empty()) {
            const std::size_t colon = rest.find(':');
            const std::string one = languageOfLocale(rest.substr(0, colon));
            if (!out.empty()) out += ':';
            out += one;
            rest = colon == std::string_view::npos ? std::string_view() : rest.substr(colon + 1);
        }
        return out;
    }
    return languageOfLocale(locale);
}

std::string_view shippedLanguage(std::string_view languages) {
    while (!languages.empty()) {
        const std::size_t colon = languages.find(':');
        const std::string_view one = languages.substr(0, colon);
        for (std::string_view l : kLanguages)
            if (one == l) return l;
        const std::string_view bare = one.substr(0, one.find('_'));
        for (std::string_view l : kLanguages)
            if (bare == l) return l;
        languages = colon == std::string_view::npos ? std::string_view() : languages.substr(colon + 1);
    }
    return kLanguages.front();
}

void initI18n(std::string_view setting, const std::filesystem::path& localeDir, const EnvLookup& env) {
    // Messages only: LC_NUMERIC stays "C" so 1.5 is written and read as 1.5. gettext ignores
    // LANGUAGE in "C", and since glibc 2.41 (Debian 13) in C.UTF-8 too: without the user's
    // locale installed (or in either), en_US.UTF-8 when it is there, else C.UTF-8 (where
    // Debian 12's glibc still reads LANGUAGE).
    const char* got = std::setlocale(LC_MESSAGES, "");
    const auto isC = [](const char* name) {
        return !name || std::strcmp(name, "C") == 0 || std::strcmp(name, "POSIX") == 0 ||
               std::strncmp(name, "C.", 2) == 0;
    };
    if (isC(got) && !std::setlocale(LC_MESSAGES, "en_US.UTF-8")) std::setlocale(LC_MESSAGES, "C.UTF-8");
    ::bindtextdomain(kTextDomain, localeDir.c_str());
    ::bind_textdomain_codeset(kTextDomain, "UTF-8");
    ::textdomain(kTextDomain);
    {
        const std::lock_guard lock(languageMutex);
        environmentLanguages = chooseLanguages({}, env);
    }
    setLanguage(setting);
}

std::string_view environmentLanguage() {
    const std::lock_guard lock(languageMutex);
    return shippedLanguage(environmentLanguages);
}

std::string_view currentLanguage() {
    const std::lock_guard lock(languageMutex);
    return shippedLanguage(chosenLanguage);
}

void setLanguage(std::string_view setting) {
    assert(sameLanguageDepth == 0 && "a thread holding SameLanguage would wait for itself");
    const std::lock_guard lock(languageMutex);
    const std::lock_guard noLookups(lookupMutex);
    const std::string languages = setting.empty() ? environmentLanguages : chooseLanguages(setting, nullptr);
    chosenLanguage = std::string(shippedLanguage(languages));
    apply(languages);
}

} // namespace unknot
