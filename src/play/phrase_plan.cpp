#include "play/phrase_plan.hpp"

#include "core/i18n.hpp"
#include "routine/routine.hpp"

#include <algorithm>
#include <limits>
#include <unordered_map>

namespace unknot {

namespace {

// TRANSLATORS: the voice says these at a one-sided step's start, alone when time is short.
std::string_view sideWord(Side side) {
    return side == Side::Left ? _("Left.") : side == Side::Right ? _("Right.") : "";
}

// What {side} becomes in a step's `say`.
std::string_view spokenSide(Side side) {
    // TRANSLATORS: {side} in a spoken line ("Roll the {side} calf"): the word alone, lower case.
    return side == Side::Left ? C_("spoken side", "left") : side == Side::Right ? C_("spoken side", "right") : "";
}

void append(std::string& out, std::string_view part) {
    if (part.empty()) return;
    if (!out.empty()) out += ' ';
    out += part;
}

std::string sentence(std::string text) {
    // A label cut after its first words may end on a comma ("Open the top knee,"): no ",." said.
    while (!text.empty() && (text.back() == ' ' || text.back() == ',' || text.back() == ';' || text.back() == ':'))
        text.pop_back();
    if (!text.empty() && text.back() != '.' && text.back() != '!' && text.back() != '?') text += '.';
    return text;
}

bool startsRound(const Timeline& t, std::size_t i) {
    const Phase& p = t.phases[i];
    if (p.rounds <= 1 || p.kind == PhaseKind::Switch) return false;
    if (i == 0) return true;
    const Phase& before = t.phases[i - 1];
    return before.round != p.round || before.rounds != p.rounds || !(before.block == p.block) ||
           before.kind == PhaseKind::Switch;
}

// What a `say` text's placeholders become.
struct SayValues {
    std::string_view label;
    Side side = Side::None;
    std::optional<Millis> durationMs; // none for a manual step: {duration} says nothing
    int round = 1;
    int rounds = 1;
    std::string_view next;
};

std::string fillSay(const std::string& text, const SayValues& v) {
    std::string out;
    for (std::size_t pos = 0; pos < text.size();) {
        const std::size_t open = text.find('{', pos);
        if (open == std::string::npos) {
            out.append(text, pos);
            break;
        }
        out.append(text, pos, open - pos);
        const std::size_t close = text.find('}', open);
        if (close == std::string::npos) break; // checkSayTemplate refused it; say what is before
        const std::string_view name(text.data() + open + 1, close - open - 1);
        if (name == "label")
            out += v.label;
        else if (name == "side")
            out += spokenSide(v.side);
        else if (name == "duration")
            out += v.durationMs ? spokenDuration(*v.durationMs) : std::string();
        else if (name == "round")
            out += std::to_string(v.round);
        else if (name == "rounds")
            out += std::to_string(v.rounds);
        else if (name == "next")
            out += v.next;
        pos = close + 1;
    }
    return out;
}

std::string_view nextLabel(const Timeline& t, std::size_t i) {
    return i + 1 < t.size() ? std::string_view(t.phases[i + 1].label.str())
                            // TRANSLATORS: {next} in a spoken line after the last step.
                            : std::string_view(_("the end"));
}

std::string fillSay(const Timeline& t, std::size_t i) {
    const Phase& p = t.phases[i];
    return fillSay(p.say.str(),
                   SayValues{p.label.str(), p.side, p.manual ? std::nullopt : std::optional<Millis>(p.durationMs),
                             p.round, p.rounds, nextLabel(t, i)});
}

// What the blocks whose round begins at phase `i` say: their `say`, outermost first.
std::string roundSays(const Timeline& t, std::size_t i) {
    const Phase& p = t.phases[i];
    std::string out;
    for (const RoundSay& r : p.roundSays)
        append(out, sentence(fillSay(r.text.str(), SayValues{r.label.str(), r.side, r.durationMs, r.round, r.rounds,
                                                             p.label.str()})));
    return out;
}

// A phase's label as said. A rest known by its kind's name alone (the rest between rounds, a
// rest step with no label) is said "Take a rest": "Rest." alone was heard as "breast"
// (pocketsphinx en-us, unprimed), "Take a rest." every time. The screen still shows the label.
std::string spokenLabel(const Phase& p) {
    const std::string_view label = p.label.str();
    if (p.kind == PhaseKind::Rest && (label == "Rest" || label == kindTitle(PhaseKind::Rest)))
        // TRANSLATORS: said for a rest that has no label of its own (the screen shows "Rest").
        return C_("voice", "Take a rest");
    return std::string(label);
}

bool isShort(const Phase& p) { return !p.manual && p.durationMs <= kAheadUpToMs; }

} // namespace

bool announcedAhead(const Timeline& t, std::size_t i) {
    if (i == 0 || i >= t.size()) return false;
    const Phase& p = t.phases[i];
    // A `say` is said as written, where it is written: at its own phase, and nothing is added
    // to it, so its phase does not announce the next one either.
    const Phase& before = t.phases[i - 1];
    return isShort(p) && p.say.empty() && before.say.empty() && (before.manual || before.durationMs >= kAheadFromMs);
}

namespace {

// Whether phase `i` is the routine's first with a side: "Left side first."
bool firstSided(const Timeline& t, std::size_t i) {
    if (t.phases[i].side == Side::None) return false;
    for (std::size_t j = 0; j < i; ++j)
        if (t.phases[j].side != Side::None) return false;
    return true;
}

std::string sideSaid(const Timeline& t, std::size_t i) {
    const Phase& p = t.phases[i];
    if (p.side == Side::None || p.kind == PhaseKind::Switch) return {}; // "Switch to the right side."
    // TRANSLATORS: said at the routine's first one-sided step, before its label.
    return firstSided(t, i) ? std::string(p.side == Side::Left ? _("Left side first.") : _("Right side first."))
                            : std::string(sideWord(p.side));
}

std::string roundSaid(const Timeline& t, std::size_t i) {
    const Phase& p = t.phases[i];
    const std::string blockSays = roundSays(t, i);
    if (!blockSays.empty()) return blockSays;
    if (!startsRound(t, i)) return {};
    // "Round 2 of 2. Right." was heard as "ryan to have to write": the side word lost
    // (pocketsphinx en-us, unprimed); "Last round. Right." is heard whole.
    // TRANSLATORS: said as a block's last round starts, and before it, in place of "Round 6 of 6."
    if (p.round == p.rounds) return std::string(_("Last round."));
    return format(_("Round {0} of {1}."), {std::to_string(p.round), std::to_string(p.rounds)});
}

// The round as said ahead of a short phase: the block's own `say`, else the first round with how
// many there are and the last as the last; the rounds between are on the screen. "Round 4 of 6"
// said before every short phase made the phrase long and was the part least understood
// (pocketsphinx: "ryan for the for").
std::string roundAhead(const Timeline& t, std::size_t i) {
    const Phase& p = t.phases[i];
    const std::string blockSays = roundSays(t, i);
    if (!blockSays.empty()) return blockSays;
    if (!startsRound(t, i)) return {};
    return p.round == 1 || p.round == p.rounds ? roundSaid(t, i) : std::string();
}

// The first `n` words of a label, as written: what a short phase keeps when nothing more fits.
std::string firstWords(std::string_view label, std::size_t n) {
    std::size_t at = 0, words = 0;
    while (at < label.size() && words < n) {
        while (at < label.size() && label[at] == ' ') ++at;
        while (at < label.size() && label[at] != ' ') ++at;
        ++words;
    }
    return std::string(label.substr(0, at));
}

// At least the first `n` words of a label, and up to two more when the cut would end on a short
// word: "Rise onto the ball", not "Rise onto the" (a cut on "the", "of", "top" leaves the ear
// waiting for the word that says what).
std::string firstWordsWhole(std::string_view label, std::size_t n) {
    std::string out = firstWords(label, n);
    for (std::size_t more = 1; more <= 2 && out.size() < label.size(); ++more) {
        const std::size_t space = out.find_last_of(' ');
        const std::string_view last = std::string_view(out).substr(space == std::string::npos ? 0 : space + 1);
        if (last.size() > 3) break;
        out = firstWords(label, n + more);
    }
    return out;
}

std::string joined(std::initializer_list<std::string_view> parts) {
    std::string out;
    for (std::string_view part : parts) append(out, part);
    return out;
}

void addChoice(std::vector<std::string>& choices, std::string text) {
    if (text.empty() || std::find(choices.begin(), choices.end(), text) != choices.end()) return;
    choices.push_back(std::move(text));
}

// What phase `i` says of itself as it starts, fullest first: the round, the side, the label, how
// long, how to go on at a manual step, and the step's cue when there is time. Empty when a
// short phase was announced by the one before it.
std::vector<std::string> ownChoices(const Timeline& t, std::size_t i) {
    const Phase& p = t.phases[i];
    std::vector<std::string> choices;
    if (!p.say.empty()) {
        const std::string blockSays = roundSays(t, i);
        std::string full = blockSays;
        append(full, fillSay(t, i));
        addChoice(choices, full);
        addChoice(choices, fillSay(t, i));
        return choices;
    }
    if (announcedAhead(t, i)) return choices;
    const std::string side = sideSaid(t, i), round = roundSaid(t, i), label = sentence(spokenLabel(p));
    const std::string cue = p.cue.empty() ? std::string() : sentence(p.cue.str());
    if (p.manual) {
        const std::string_view howToContinue = _(kHowToContinue);
        addChoice(choices, joined({side, label, cue, howToContinue}));
        addChoice(choices, joined({side, label, howToContinue}));
        addChoice(choices, joined({side, label}));
    } else if (p.kind == PhaseKind::Switch) {
        const std::string duration = spokenDuration(p.durationMs) + ".";
        addChoice(choices, joined({label, duration}));
        addChoice(choices, label);
    } else {
        const std::string duration = spokenDuration(p.durationMs) + ".";
        addChoice(choices, joined({round, side, label, duration, cue}));
        addChoice(choices, joined({round, side, label, duration}));
        addChoice(choices, joined({side, label, duration}));
        addChoice(choices, joined({round, side, label}));
        addChoice(choices, joined({side, label}));
    }
    if (!side.empty()) addChoice(choices, std::string(sideWord(p.side)));
    return choices;
}

// What phase `i` says of the one after it, when that one is announced ahead: "Next: Left. Press
// the foot into the rope. 6 seconds.", fullest first, down to the label's first three words.
std::vector<std::string> nextChoices(const Timeline& t, std::size_t i) {
    std::vector<std::string> choices;
    if (!announcedAhead(t, i + 1)) return choices;
    const std::size_t n = i + 1;
    const Phase& p = t.phases[n];
    const std::string side = sideSaid(t, n), round = roundAhead(t, n), spoken = spokenLabel(p);
    const std::string label = sentence(spoken);
    const std::string duration = spokenDuration(p.durationMs) + ".";
    const std::string sideWordOnly(p.kind == PhaseKind::Switch ? "" : sideWord(p.side));
    // TRANSLATORS: the voice announces the next step; {0} is what it is ("Left. Let go. 6 seconds.").
    const char* next = C_("voice", "Next: {0}");
    addChoice(choices, format(next, {joined({round, side, label, duration})}));
    addChoice(choices, format(next, {joined({side, label, duration})}));
    addChoice(choices, format(next, {joined({sideWordOnly, label, duration})}));
    addChoice(choices, format(next, {joined({sideWordOnly, label})}));
    addChoice(choices, joined({sideWordOnly, sentence(firstWordsWhole(spoken, 3))}));
    addChoice(choices, joined({sideWordOnly, sentence(firstWords(spoken, 3))}));
    return choices;
}

// A phase's phrase from fullest to shortest; the caller says the first that fits. It says what
// the phase is (unless the phase before said it) and then what comes next (when the next phase
// is short): the own part shrinks first, then the next part, so the next phase always has at
// least its side and the first words of its label.
std::vector<std::string> phaseChoices(const Timeline& t, std::size_t i, bool withNext) {
    const std::vector<std::string> own = ownChoices(t, i);
    const std::vector<std::string> next = withNext ? nextChoices(t, i) : std::vector<std::string>{};
    if (next.empty()) return own;
    if (own.empty()) return next;
    // The side alone ("Left.") is the own part's last resort.
    const bool sideOnlyLast = t.phases[i].side != Side::None && own.size() > 1;
    const std::vector<std::string> full(own.begin(), own.end() - (sideOnlyLast ? 1 : 0));
    std::vector<std::string> choices;
    for (const std::string& o : full) addChoice(choices, joined({o, next.front()}));
    for (const std::string& n : next) addChoice(choices, joined({full.back(), n}));
    if (sideOnlyLast)
        for (const std::string& n : next) addChoice(choices, joined({own.back(), n}));
    for (const std::string& n : next) addChoice(choices, n);
    for (const std::string& o : own) addChoice(choices, o);
    return choices;
}

class SlotPlanner {
  public:
    SlotPlanner(const Timeline& t, const CueOptions& cues) : t_(t), cues_(cues) {}

    std::vector<PhraseSlot> run() {
        for (std::size_t i = 0; i < t_.size(); ++i) phase(i);
        if (cues_.end && !t_.empty())
            add(PhraseKind::End, t_.size() - 1, t_.totalMs, kPhraseAfterCueMs, {donePhrase(t_.totalMs), _("Finished.")},
                kNoPhraseLimit);
        return std::move(out_);
    }

  private:
    const Timeline& t_;
    const CueOptions& cues_;
    std::vector<PhraseSlot> out_;

    void phase(std::size_t i) {
        const Phase& p = t_.phases[i];
        const Millis after = cues_.phase ? kPhraseAfterCueMs : 0;
        const bool halfway = !p.manual && cues_.halfway && p.durationMs >= kHalfwayMinPhaseMs;
        // Until the phase changes, or the halfway phrase, or the first reminder.
        Millis until = p.manual ? kReminderEveryMs : halfway ? p.durationMs / 2 + kPhraseAfterCueMs : p.durationMs;
        // What comes next is said in the second half of a phase long enough to have one, as
        // close to it as a coach would say it; else with the phase's own phrase.
        add(PhraseKind::Phase, i, p.startMs, after, phaseChoices(t_, i, !halfway), until);
        if (halfway) {
            std::vector<std::string> choices;
            const std::string_view halfwayWord = _("Halfway.");
            for (const std::string& n : nextChoices(t_, i)) choices.push_back(joined({halfwayWord, n}));
            choices.emplace_back(halfwayWord);
            add(PhraseKind::Halfway, i, p.startMs + p.durationMs / 2, kPhraseAfterCueMs, std::move(choices),
                p.durationMs - p.durationMs / 2);
        }
        if (p.manual) {
            add(PhraseKind::Reminder, i, p.startMs, kReminderEveryMs, {std::string(_(kManualReminder))},
                kNoPhraseLimit);
            out_.back().everyMs = kReminderEveryMs;
        }
    }

    void add(PhraseKind kind, std::size_t phase, Millis cueAtMs, Millis offsetMs, std::vector<std::string> choices,
             Millis untilMs) {
        if (choices.empty() || choices.front().empty()) return; // nothing to say
        PhraseSlot s;
        s.kind = kind;
        s.phase = phase;
        s.cueOffsetMs = offsetMs;
        s.atMs = cueAtMs + offsetMs;
        s.choices = std::move(choices);
        s.untilMs = untilMs;
        s.duringWait = t_.phases[phase].manual && kind != PhraseKind::End;
        out_.push_back(std::move(s));
    }
};

} // namespace

std::string spokenDuration(Millis ms) {
    const Millis total = (ms + 500) / 1000;
    const Millis hours = total / 3600, minutes = total / 60 % 60, seconds = total % 60;
    std::string out;
    // Digits, which the voice says in its language ("30 Sekunden": "dreißig Sekunden").
    const auto n = [](Millis v) { return std::to_string(v); };
    const auto count = [](Millis v) { return static_cast<unsigned long>(v); };
    if (hours) append(out, format(n_("{0} hour", "{0} hours", count(hours)), {n(hours)}));
    if (minutes) append(out, format(n_("{0} minute", "{0} minutes", count(minutes)), {n(minutes)}));
    if (seconds) append(out, format(n_("{0} second", "{0} seconds", count(seconds)), {n(seconds)}));
    return out.empty() ? format(n_("{0} second", "{0} seconds", 0), {"0"}) : out;
}

std::string_view phraseKindName(PhraseKind kind) {
    switch (kind) {
    case PhraseKind::Phase: return "phase";
    case PhraseKind::Halfway: return "halfway";
    case PhraseKind::End: return "end";
    case PhraseKind::Reminder: return "reminder";
    }
    return "?";
}

std::vector<PhraseSlot> phraseSlots(const Timeline& timeline, const CueOptions& cues) {
    return SlotPlanner(timeline, cues).run();
}

// Says the first choice that ends within `untilMs` of the cue.
Phrase fitPhrase(const PhraseSlot& slot, const PhraseLength& length) {
    Phrase p;
    p.kind = slot.kind;
    p.phase = slot.phase;
    p.cueOffsetMs = slot.cueOffsetMs;
    p.atMs = slot.atMs;
    p.everyMs = slot.everyMs;
    p.duringWait = slot.duringWait;
    p.fullText = slot.choices.empty() ? std::string() : slot.choices.front();
    p.fit = PhraseFit::Dropped;
    // The choices shrink to the last: when even it does not fit, none does, and the fuller ones
    // need not be synthesised to know (a wide routine of 1 s phases would make thousands).
    if (slot.untilMs != kNoPhraseLimit && !slot.choices.back().empty() &&
        slot.cueOffsetMs + std::max<Millis>(0, length(slot.choices.back())) > slot.untilMs)
        return p;
    for (std::size_t c = 0; c < slot.choices.size(); ++c) {
        if (slot.choices[c].empty()) continue;
        const Millis len = std::max<Millis>(0, length(slot.choices[c]));
        if (slot.untilMs != kNoPhraseLimit && slot.cueOffsetMs + len > slot.untilMs) continue;
        p.text = slot.choices[c];
        p.lengthMs = len;
        p.fit = c == 0 ? PhraseFit::Full : PhraseFit::Shortened;
        break;
    }
    return p;
}

std::vector<Phrase> planPhrases(const Timeline& timeline, const CueOptions& cues, const PhraseLength& length) {
    std::unordered_map<std::string, Millis> lengths; // each distinct text measured once
    const PhraseLength cached = [&](const std::string& text) {
        auto [it, added] = lengths.try_emplace(text, 0);
        if (added) it->second = length(text);
        return it->second;
    };
    std::vector<Phrase> out;
    for (const PhraseSlot& slot : phraseSlots(timeline, cues)) out.push_back(fitPhrase(slot, cached));
    return out;
}

bool tickGivesWay(const std::vector<Phrase>& phrases, Millis atMs) {
    // Phrases come in time order and never overlap: only the last few begun before the tick ends
    // can hold it (a few, for the reminders and waits skipped below).
    const auto after = std::upper_bound(phrases.begin(), phrases.end(), atMs + kTickSoundMs - 1,
                                        [](Millis t, const Phrase& p) { return t < p.atMs; });
    const auto from = after - std::min<std::ptrdiff_t>(after - phrases.begin(), 4);
    return std::any_of(from, after, [&](const Phrase& p) {
        // A manual phase's phrases stop when it is continued: in the plan they sit at the next
        // phase's start (the wait counts 0 ms), never over a tick in the app.
        return !p.text.empty() && p.kind != PhraseKind::Reminder && !p.duringWait && atMs < p.atMs + p.lengthMs &&
               atMs + kTickSoundMs > p.atMs;
    });
}

void dropTicksUnderPhrases(CuePlan& plan, const std::vector<Phrase>& phrases) {
    std::erase_if(plan.cues,
                  [&](const Cue& c) { return c.type == CueType::Countdown && tickGivesWay(phrases, c.atMs); });
}

std::string donePhrase(Millis spentMs) {
    // "Finished", not "Done": pocketsphinx heard "Done." as "don't" (unprimed, awb).
    // TRANSLATORS: said at the end; {0} is the time spent ("12 minutes 30 seconds").
    return format(_("Finished. {0}."), {spokenDuration(spentMs)});
}

} // namespace unknot
