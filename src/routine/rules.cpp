#include "routine/rules.hpp"

#include "core/i18n.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <cctype>

namespace unknot {

std::optional<std::string> areaProblem(std::string_view area) {
    if (area.empty()) return std::string(_("the area is empty (name one, like heel or knee)"));
    if (area.size() > kMaxAreaBytes)
        return format(_("the area is longer than {0} bytes"), {std::to_string(kMaxAreaBytes)});
    const auto letter = [](unsigned char ch) { return std::isalpha(ch) || ch >= 0x80; };
    if (!letter(static_cast<unsigned char>(area.front())))
        // TRANSLATORS: {0} the area as typed.
        return format(_("the area '{0}' does not start with a letter"), {std::string(area)});
    for (unsigned char ch : area)
        if (!letter(ch) && !std::isdigit(ch) && ch != ' ' && ch != '-' && ch != '\'')
            return std::string(_("the area holds a character other than letters, digits, spaces, - and '"));
    // Bytes from 0x80 on are letters of other scripts only when they are UTF-8 and not controls.
    // TRANSLATORS: {0} why, as "it holds the control character U+0085".
    if (auto problem = outsideTextProblem(area)) return format(_("the area cannot be kept: {0}"), {*problem});
    return std::nullopt;
}

std::optional<SayTemplateError> checkSayTemplate(std::string_view text) {
    for (std::size_t pos = 0; pos < text.size(); ++pos) {
        // TRANSLATORS: an error in a routine's `say` line. Keep {label} as it is (what the line
        // would hold).
        if (text[pos] == '}') return SayTemplateError{pos, _("a `}` without its `{`; placeholders look like {label}")};
        if (text[pos] != '{') continue;
        const std::size_t close = text.find_first_of("{}", pos + 1);
        if (close == std::string_view::npos || text[close] == '{')
            // TRANSLATORS: an error in a routine's `say` line. Keep {label} as it is.
            return SayTemplateError{pos, _("a `{` is not closed; placeholders look like {label}")};
        const std::string_view name = text.substr(pos + 1, close - pos - 1);
        if (std::find(kSayPlaceholders.begin(), kSayPlaceholders.end(), name) == kSayPlaceholders.end()) {
            std::string known;
            for (std::string_view k : kSayPlaceholders) known += (known.empty() ? "{" : ", {") + std::string(k) + "}";
            // TRANSLATORS: an error in a routine's `say` line: {0} the placeholder's name as
            // written (between the braces), {1} the known ones ("{label}, {side}…").
            return SayTemplateError{
                pos, format(_("unknown placeholder {{0}} (known: {1})"), {std::string(name.substr(0, 40)), known})};
        }
        pos = close;
    }
    return std::nullopt;
}

} // namespace unknot
