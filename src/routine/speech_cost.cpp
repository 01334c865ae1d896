#include "routine/speech_cost.hpp"

#include <unordered_set>

namespace unknot {

namespace {

// As long as the spoken duration ("2 hours 15 minutes 30 seconds") can be.
std::string durationWords(Millis ms) {
    const Millis total = (ms + 500) / 1000;
    return std::to_string(total / 3600) + " hours " + std::to_string(total / 60 % 60) + " minutes " +
           std::to_string(total % 60) + " seconds";
}

std::string fill(const std::string& text, const std::string& label, Side side, Millis durationMs, int round, int rounds,
                 const std::string& next) {
    std::string out;
    for (std::size_t pos = 0; pos < text.size();) {
        const std::size_t open = text.find('{', pos);
        const std::size_t close = open == std::string::npos ? open : text.find('}', open);
        if (close == std::string::npos) {
            out.append(text, pos);
            break;
        }
        out.append(text, pos, open - pos);
        const std::string_view name(text.data() + open + 1, close - open - 1);
        if (name == "label")
            out += label;
        else if (name == "side")
            out += sideName(side);
        else if (name == "duration")
            out += durationWords(durationMs);
        else if (name == "round")
            out += std::to_string(round);
        else if (name == "rounds")
            out += std::to_string(rounds);
        else if (name == "next")
            out += next;
        pos = close + 1;
    }
    return out;
}

} // namespace

SpeechCost measureSpeech(const Timeline& t) {
    SpeechCost cost;
    std::unordered_set<std::string> seen;
    std::size_t heaviest = 0;
    static const std::string theEnd = "the end";
    for (std::size_t i = 0; i < t.size() && cost.distinctBytes <= kMaxSpokenBytes; ++i) {
        const Phase& p = t.phases[i];
        const std::string& next = i + 1 < t.size() ? t.phases[i + 1].label.str() : theEnd;
        std::string blocks;
        for (const RoundSay& r : p.roundSays)
            blocks += fill(r.text.str(), r.label.str(), r.side, r.durationMs, r.round, r.rounds, p.label.str()) + ". ";
        std::string own;
        if (!p.say.empty()) {
            own = fill(p.say.str(), p.label.str(), p.side, p.durationMs, p.round, p.rounds, next);
        } else {
            if (p.rounds > 1) own = "Round " + std::to_string(p.round) + " of " + std::to_string(p.rounds) + ". ";
            own += std::string(sideName(p.side)) + ". " + p.label.str() + ". ";
            if (!p.manual) own += durationWords(p.durationMs) + ".";
        }
        std::size_t added = 0;
        for (std::string text : {blocks + own, own}) {
            if (text.size() > cost.longestPhraseBytes) {
                cost.longestPhraseBytes = text.size();
                cost.longestPhase = i;
            }
            const std::size_t bytes = text.size();
            if (seen.insert(std::move(text)).second) added += bytes;
        }
        cost.distinctBytes += added;
        if (added > heaviest) {
            heaviest = added;
            cost.heaviestPhase = i;
        }
    }
    return cost;
}

} // namespace unknot
