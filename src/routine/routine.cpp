#include "routine/routine.hpp"

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
    case PhaseKind::Prepare: return "Prepare";
    case PhaseKind::Tense: return "Tense";
    case PhaseKind::Release: return "Release";
    case PhaseKind::Hold: return "Hold";
    case PhaseKind::Roll: return "Roll";
    case PhaseKind::Rest: return "Rest";
    case PhaseKind::Manual: return "Get ready";
    case PhaseKind::Switch: return "Switch";
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

} // namespace unknot
