#include "routine/routine_outline.hpp"

#include "core/i18n.hpp"

namespace unknot {

Millis stepTotalMs(const Step& step) {
    Millis once = 0;
    if (step.isPhase()) {
        once = step.kind == PhaseKind::Manual ? 0 : step.durationMs;
    } else {
        for (const auto& child : step.children) once += stepTotalMs(child);
    }
    const Millis perSide = once * step.repeat + step.restBetweenMs * (step.repeat - 1);
    const auto sides = static_cast<Millis>(std::max<std::size_t>(step.sides.size(), 1));
    return perSide * sides + (sides > 1 ? step.switchMs * (sides - 1) : 0);
}

std::string sidesText(const std::vector<Side>& sides) {
    for (const SideChoice& c : sideChoices())
        if (c.sides == sides) return _(c.label);
    std::string out; // no choice lists it: said as the file says it
    for (std::size_t i = 0; i < sides.size(); ++i) out += (i ? " then " : "") + std::string(sideName(sides[i]));
    return out;
}

const std::array<SideChoice, 5>& sideChoices() {
    // TRANSLATORS: a step's sides: none (done once), left then right, …
    static const std::array<SideChoice, 5> choices = {{{N_("none"), {}},
                                                       {N_("left then right"), {Side::Left, Side::Right}},
                                                       {N_("right then left"), {Side::Right, Side::Left}},
                                                       {N_("left only"), {Side::Left}},
                                                       {N_("right only"), {Side::Right}}}};
    return choices;
}

namespace {

void add(const Step& s, int depth, std::vector<OutlineLine>& out) {
    OutlineLine line;
    line.depth = depth;
    line.totalMs = stepTotalMs(s);
    line.block = s.isBlock();
    if (s.isPhase()) {
        line.text = std::string(kindTitle(*s.kind));
        if (!s.label.empty()) line.text += " \xE2\x80\x94 " + s.label; // em dash
        line.detail = s.kind == PhaseKind::Manual ? std::string(_("waits for you")) : formatHuman(s.durationMs);
        if (!s.cue.empty()) line.detail += " \xC2\xB7 " + s.cue; // middle dot
    } else {
        line.text = s.label.empty() ? std::string(_("Block")) : s.label;
    }
    std::string extras;
    const auto append = [&](const std::string& text) { extras += (extras.empty() ? "" : ", ") + text; };
    if (s.repeat > 1) line.text += " \xC3\x97 " + std::to_string(s.repeat); // times sign
    if (!s.sides.empty()) {
        append(sidesText(s.sides));
        if (s.sides.size() > 1 && s.switchMs > 0) append(format(_("switch {0}"), {formatHuman(s.switchMs)}));
    }
    if (s.repeat > 1 && s.restBetweenMs > 0) append(format(_("rest {0} between"), {formatHuman(s.restBetweenMs)}));
    if (!extras.empty()) line.detail = line.detail.empty() ? extras : line.detail + " \xC2\xB7 " + extras;
    out.push_back(std::move(line));
    for (const auto& child : s.children) add(child, depth + 1, out);
}

} // namespace

std::vector<OutlineLine> outline(const Routine& routine) {
    std::vector<OutlineLine> out;
    for (const auto& s : routine.steps) add(s, 0, out);
    return out;
}

} // namespace unknot
