#include "play/phrase_plan.hpp"

#include <algorithm>
#include <limits>
#include <unordered_map>

namespace unknot {

namespace {

// Phases at least this long have their duration said.
constexpr Millis kSayDurationFromMs = 20'000;

std::string_view sideWord(Side side) { return side == Side::Left ? "Left." : side == Side::Right ? "Right." : ""; }

void append(std::string& out, std::string_view part) {
    if (part.empty()) return;
    if (!out.empty()) out += ' ';
    out += part;
}

std::string sentence(std::string text) {
    while (!text.empty() && text.back() == ' ') text.pop_back();
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
            out += sideName(v.side);
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
    return i + 1 < t.size() ? std::string_view(t.phases[i + 1].label.str()) : std::string_view("the end");
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

// A phase's phrase from fullest to shortest; the caller says the first that fits.
std::vector<std::string> phaseChoices(const Timeline& t, std::size_t i) {
    const Phase& p = t.phases[i];
    const std::string side(sideWord(p.side));
    std::vector<std::string> choices;
    // A block's `say` takes the place of "Round 2 of 5.": the phrase says it first, and loses it
    // after its time, before its label.
    const std::string blockSays = roundSays(t, i);
    const auto withBlockSays = [&](const std::string& text) {
        std::string out = blockSays;
        append(out, text);
        return out;
    };
    if (!p.say.empty()) {
        choices.push_back(withBlockSays(fillSay(t, i)));
        if (!blockSays.empty()) choices.push_back(fillSay(t, i));
    } else if (p.kind == PhaseKind::Switch) {
        choices.push_back(sentence(p.label.str()));
    } else {
        std::string withLabel;
        if (blockSays.empty() && startsRound(t, i))
            append(withLabel, "Round " + std::to_string(p.round) + " of " + std::to_string(p.rounds) + ".");
        append(withLabel, side);
        append(withLabel, sentence(p.label.str()));
        if (!p.manual && p.durationMs >= kSayDurationFromMs) {
            std::string full = withLabel;
            append(full, spokenDuration(p.durationMs) + ".");
            choices.push_back(withBlockSays(full));
        }
        choices.push_back(withBlockSays(withLabel));
        if (!blockSays.empty()) choices.push_back(withLabel);
    }
    if (!side.empty()) choices.push_back(side);
    return choices;
}

class SlotPlanner {
  public:
    SlotPlanner(const Timeline& t, const CueOptions& cues) : t_(t), cues_(cues) {}

    std::vector<PhraseSlot> run() {
        for (std::size_t i = 0; i < t_.size(); ++i) phase(i);
        if (cues_.end && !t_.empty())
            add(PhraseKind::End, t_.size() - 1, t_.totalMs, kPhraseAfterCueMs, {donePhrase(t_.totalMs), "Done."},
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
        add(PhraseKind::Phase, i, p.startMs, after, phaseChoices(t_, i), until);
        if (halfway)
            add(PhraseKind::Halfway, i, p.startMs + p.durationMs / 2, kPhraseAfterCueMs, {"Halfway."},
                p.durationMs - p.durationMs / 2);
        if (p.manual) {
            add(PhraseKind::Reminder, i, p.startMs, kReminderEveryMs, {"Continue when you are ready."}, kNoPhraseLimit);
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
        out_.push_back(std::move(s));
    }
};

} // namespace

std::string spokenDuration(Millis ms) {
    const Millis total = (ms + 500) / 1000;
    const Millis hours = total / 3600, minutes = total / 60 % 60, seconds = total % 60;
    std::string out;
    const auto part = [&](Millis n, const char* unit) {
        if (n == 0) return;
        append(out, std::to_string(n) + " " + unit + (n == 1 ? "" : "s"));
    };
    part(hours, "hour");
    part(minutes, "minute");
    part(seconds, "second");
    return out.empty() ? "0 seconds" : out;
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
    p.fullText = slot.choices.empty() ? std::string() : slot.choices.front();
    p.fit = PhraseFit::Dropped;
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

std::string donePhrase(Millis spentMs) { return "Done. " + spokenDuration(spentMs) + "."; }

} // namespace unknot
