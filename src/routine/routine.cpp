#include "routine/routine.hpp"

#include "core/i18n.hpp"

namespace unknot {

std::string_view kindName(PhaseKind kind) {
    switch (kind) {
    case PhaseKind::Prepare: return "prepare";
    case PhaseKind::Tense: return "tense";
    case PhaseKind::Release: return "release";
    case PhaseKind::Hold: return "hold";
    case PhaseKind::Roll: return "roll";
    case PhaseKind::Rest: return "rest";
    case PhaseKind::Manual: return "manual";
    case PhaseKind::Switch: return "switch";
    }
    return "?";
}

std::string_view kindTitle(PhaseKind kind) {
    switch (kind) {
    // TRANSLATORS: a phase's kind, the player's biggest word (in capitals), read from 2 m:
    // one short word.
    case PhaseKind::Prepare: return C_("phase kind", "Prepare");
    case PhaseKind::Tense: return C_("phase kind", "Tense");
    case PhaseKind::Release: return C_("phase kind", "Release");
    case PhaseKind::Hold: return C_("phase kind", "Hold");
    case PhaseKind::Roll: return C_("phase kind", "Roll");
    case PhaseKind::Rest: return C_("phase kind", "Rest");
    case PhaseKind::Manual: return C_("phase kind", "Get ready");
    case PhaseKind::Switch: return C_("phase kind", "Switch");
    }
    return "?";
}

std::string_view kindWord(PhaseKind kind) {
    switch (kind) {
    // TRANSLATORS: a phase's kind in the editor's and the quick set's lists, lower case (the
    // routine file keeps the English keyword).
    case PhaseKind::Prepare: return C_("phase kind word", "prepare");
    case PhaseKind::Tense: return C_("phase kind word", "tense");
    case PhaseKind::Release: return C_("phase kind word", "release");
    case PhaseKind::Hold: return C_("phase kind word", "hold");
    case PhaseKind::Roll: return C_("phase kind word", "roll");
    case PhaseKind::Rest: return C_("phase kind word", "rest");
    case PhaseKind::Manual: return C_("phase kind word", "manual");
    case PhaseKind::Switch: return C_("phase kind word", "switch");
    }
    return "?";
}

std::optional<PhaseKind> kindFromName(std::string_view name) {
    for (PhaseKind k : kAllKinds)
        if (kindName(k) == name) return k;
    return std::nullopt;
}

std::string_view sideName(Side side) {
    switch (side) {
    case Side::Left: return "left";
    case Side::Right: return "right";
    case Side::None: return "";
    }
    return "";
}

std::optional<Side> sideFromName(std::string_view name) {
    for (Side side : {Side::Left, Side::Right})
        if (sideName(side) == name) return side;
    return std::nullopt;
}

std::string shownArea(Side side, std::string_view area) {
    const std::string english =
        side == Side::None ? std::string(area) : std::string(sideName(side)) + " " + std::string(area);
    // TRANSLATORS: an area with its side, in a rule's reason ("your left heel was 1 point
    // better") and a trend's title ("left heel: 5.8 → 3.1"): lower case unless the language
    // writes nouns with a capital.
    if (english == "left heel") return C_("area", "left heel");
    if (english == "right heel") return C_("area", "right heel");
    if (english == "heel") return C_("area", "heel");
    if (english == "left knee") return C_("area", "left knee");
    if (english == "right knee") return C_("area", "right knee");
    if (english == "knee") return C_("area", "knee");
    if (side == Side::None) return english;
    // TRANSLATORS: an area the user named ({1}, as written: "hip") with its side ({0}).
    return format(C_("area", "{0} {1}"),
                  {side == Side::Left ? C_("side of an area", "left") : C_("side of an area", "right"), area});
}

} // namespace unknot
