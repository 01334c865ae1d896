#include "play/phrase_plan.hpp"

#include "audio/voice.hpp"
#include "helpers.hpp"
#include "routine/playable.hpp"

#include <doctest/doctest.h>

#include <map>

using namespace unknot;
using unknot::test::timelineOf;

namespace {

// 60 ms a character: "Left." takes 300 ms. Counts the calls, to see lengths are asked once.
struct CountingLength {
    std::map<std::string, int> calls;
    PhraseLength fn() {
        return [this](const std::string& text) {
            ++calls[text];
            return static_cast<Millis>(text.size()) * 60;
        };
    }
};

std::vector<Phrase> of(const Timeline& t, PhraseLength length, CueOptions cues = {}) {
    return planPhrases(t, cues, length);
}

const Phrase* find(const std::vector<Phrase>& phrases, PhraseKind kind, std::size_t phase) {
    for (const auto& p : phrases)
        if (p.kind == kind && p.phase == phase) return &p;
    return nullptr;
}

constexpr std::string_view kSided = R"(name = "T"
[[step]]
label = "Calf"
sides = ["left", "right"]
switch = "5s"
[[step.step]]
kind = "hold"
label = "Press"
duration = "40s"
)";

} // namespace

TEST_CASE("a phase is announced by side, label and duration, after its own sound") {
    CountingLength len;
    const Timeline t = timelineOf(kSided);
    REQUIRE(t.size() == 3);
    const auto phrases = of(t, len.fn());
    const Phrase* left = find(phrases, PhraseKind::Phase, 0);
    REQUIRE(left);
    CHECK(left->text == "Left side first. Press. 40 seconds.");
    CHECK(left->fit == PhraseFit::Full);
    CHECK(left->atMs == kPhraseAfterCueMs);
    CHECK(left->cueOffsetMs == kPhraseAfterCueMs);
    CHECK(left->lengthMs == static_cast<Millis>(left->text.size()) * 60);
    // A 40 s hold has its halfway cue, then "Halfway" after it, and what comes next: the 5 s
    // switch is announced there, and says nothing of itself as it starts.
    const Phrase* half = find(phrases, PhraseKind::Halfway, 0);
    REQUIRE(half);
    CHECK(half->text == "Halfway. Next: Switch to the right side. 5 seconds.");
    CHECK(half->atMs == 20'000 + kPhraseAfterCueMs);
    CHECK_FALSE(find(phrases, PhraseKind::Phase, 1));
    CHECK(find(phrases, PhraseKind::Phase, 2)->text == "Right. Press. 40 seconds.");
    CHECK(find(phrases, PhraseKind::Halfway, 2)->text == "Halfway.");
    const Phrase* done = find(phrases, PhraseKind::End, 2);
    REQUIRE(done);
    CHECK(done->text == "Finished. 1 minute 25 seconds.");
    CHECK(done->atMs == t.totalMs + kPhraseAfterCueMs);
    // In time order, and each distinct text measured once.
    for (std::size_t i = 1; i < phrases.size(); ++i) CHECK(phrases[i - 1].atMs <= phrases[i].atMs);
    for (const auto& [text, n] : len.calls) CHECK_MESSAGE(n == 1, text);
}

TEST_CASE("a long phase says its round, and the block's last round is said as the last") {
    CountingLength len;
    const Timeline t = timelineOf(R"(name = "T"
[[step]]
label = "Set"
repeat = 3
[[step.step]]
kind = "hold"
label = "Hold the bridge"
duration = "20s"
)");
    const auto phrases = of(t, len.fn());
    REQUIRE(phrases.size() == 4);
    CHECK(phrases[0].text == "Round 1 of 3. Hold the bridge. 20 seconds.");
    CHECK(phrases[1].text == "Round 2 of 3. Hold the bridge. 20 seconds.");
    CHECK(phrases[2].text == "Last round. Hold the bridge. 20 seconds.");
}

TEST_CASE("a short phase is said by the phase before it, with its round and duration") {
    CountingLength len;
    const Timeline t = timelineOf(R"(name = "T"
[[step]]
label = "Set"
repeat = 3
[[step.step]]
kind = "tense"
duration = "5s"
cue = "Hard"
[[step.step]]
kind = "release"
label = "Let go"
duration = "10s"
)");
    const auto phrases = of(t, len.fn());
    REQUIRE(phrases.size() == 5);
    // The first phase says itself, even short.
    CHECK(phrases[0].text == "Round 1 of 3. Tense. 5 seconds. Hard.");
    CHECK(phrases[1].text == "Let go. 10 seconds. Next: Tense. 5 seconds.");
    CHECK(phrases[1].phase == 1);
    CHECK(phrases[2].text == "Let go. 10 seconds. Next: Last round. Tense. 5 seconds.");
    CHECK(phrases[2].phase == 3);
    CHECK(phrases[3].text == "Let go. 10 seconds.");
    CHECK(phrases[4].kind == PhraseKind::End);
    CHECK(announcedAhead(t, 2));
    CHECK_FALSE(announcedAhead(t, 0));
    CHECK_FALSE(announcedAhead(t, 1));
}

TEST_CASE("a rest known only by its kind is said \"Take a rest\" (\"Rest.\" alone was heard as \"breast\")") {
    CountingLength len;
    const Timeline t = timelineOf(R"(name = "T"
[[step]]
label = "Set"
repeat = 2
rest_between = "20s"
sides = ["left"]
[[step.step]]
kind = "hold"
label = "Press"
duration = "20s"
[[step]]
kind = "rest"
duration = "5s"
[[step]]
kind = "rest"
label = "Rest and breathe"
duration = "20s"
)");
    REQUIRE(t.size() == 5);
    CHECK(t.phases[1].label.str() == "Rest"); // the screen still shows it so
    CHECK(t.phases[3].label.str() == "Rest");
    const auto phrases = of(t, len.fn());
    CHECK(find(phrases, PhraseKind::Phase, 1)->text == "Left. Take a rest. 20 seconds.");
    // Announced ahead when short, in the same words; a rest with its own label says it.
    CHECK(find(phrases, PhraseKind::Phase, 2)->text ==
          "Last round. Left. Press. 20 seconds. Next: Take a rest. 5 seconds.");
    CHECK_FALSE(find(phrases, PhraseKind::Phase, 3));
    CHECK(find(phrases, PhraseKind::Phase, 4)->text == "Rest and breathe. 20 seconds.");
}

TEST_CASE("a phrase that would run past the phase change is shortened, then dropped") {
    const Timeline t = timelineOf(R"(name = "T"
[[step]]
sides = ["left"]
[[step.step]]
kind = "hold"
label = "A rather long label to say"
duration = "20s"
[[step]]
kind = "hold"
label = "Plain"
duration = "10s"
)");
    // "Left side first. A rather long label to say. 20 seconds." is 56 characters.
    auto len = [](Millis perChar) {
        return [perChar](const std::string& s) { return static_cast<Millis>(s.size()) * perChar; };
    };
    auto phrases = of(t, len(100)); // 5.6 s: fits in 20 s
    CHECK(find(phrases, PhraseKind::Phase, 0)->fit == PhraseFit::Full);
    phrases = of(t, len(600)); // 33.6 s with the duration, 26.4 s without: the label goes too
    const Phrase* p = find(phrases, PhraseKind::Phase, 0);
    CHECK(p->text == "Left.");
    CHECK(p->fit == PhraseFit::Shortened);
    CHECK(p->fullText == "Left side first. A rather long label to say. 20 seconds.");
    phrases = of(t, len(400)); // 17.6 s without the duration: fits
    CHECK(find(phrases, PhraseKind::Phase, 0)->text == "Left side first. A rather long label to say.");
    // A 1 s first phase: 550 ms after its sound. "Plain." (6 characters) fits at 90 ms a
    // character, not at 100, and with no side there is nothing shorter: dropped.
    const Timeline one = timelineOf("name = \"T\"\n[[step]]\nkind = \"hold\"\nlabel = \"Plain\"\nduration = \"1s\"\n");
    phrases = of(one, len(90));
    CHECK(find(phrases, PhraseKind::Phase, 0)->text == "Plain.");
    CHECK(find(phrases, PhraseKind::Phase, 0)->fit == PhraseFit::Shortened);
    phrases = of(one, len(100)); // kept: `p` points into it
    p = find(phrases, PhraseKind::Phase, 0);
    CHECK(p->fit == PhraseFit::Dropped);
    CHECK(p->text.empty());
}

// Two rounds on the left: a 6 s tense phase labelled `label`, then a 5 s release.
Timeline twoRoundsOf(const std::string& label) {
    return timelineOf("name = \"T\"\n[[step]]\nlabel = \"Pairs\"\nsides = [\"left\"]\nrepeat = 2\n[[step.step]]\n"
                      "kind = \"tense\"\nlabel = \"" +
                      label +
                      "\"\nduration = \"6s\"\n[[step.step]]\n"
                      "kind = \"release\"\nduration = \"5s\"\n");
}

TEST_CASE("what comes next keeps at least the first three words of its label when time is short") {
    const Timeline t = twoRoundsOf("Press the foot into the rope");
    const auto phrases = of(t, [](const std::string& s) { return static_cast<Millis>(s.size()) * 120; });
    // Released for 5 s: 4.55 s after the release sound, 37 characters at 120 ms.
    const Phrase* release = find(phrases, PhraseKind::Phase, 1);
    REQUIRE(release);
    CHECK(release->text == "Left. Press the foot.");
    CHECK(release->fullText == "Next: Last round. Left. Press the foot into the rope. 6 seconds.");
    // A countdown tick inside it gives way; one after it plays.
    CHECK(tickGivesWay(phrases, release->atMs + 100));
    CHECK_FALSE(tickGivesWay(phrases, release->atMs + release->lengthMs + 10));
    CHECK_FALSE(tickGivesWay(phrases, release->atMs - kTickSoundMs - 10));
}

TEST_CASE("what comes next is not cut on a short word when one or two more words fit") {
    const Timeline t = twoRoundsOf("Rise onto the ball of the foot and hold");
    auto perChar = [](Millis ms) { return [ms](const std::string& s) { return static_cast<Millis>(s.size()) * ms; }; };
    // 4.55 s after the release sound: "Left. Rise onto the ball." (25 characters) fits at 120 ms.
    const auto phrases = of(t, perChar(120));
    REQUIRE(find(phrases, PhraseKind::Phase, 1));
    CHECK(find(phrases, PhraseKind::Phase, 1)->text == "Left. Rise onto the ball.");
    // At 200 ms only 22 characters fit: the first three words, as before.
    const auto tight = of(t, perChar(200));
    REQUIRE(find(tight, PhraseKind::Phase, 1));
    CHECK(find(tight, PhraseKind::Phase, 1)->text == "Left. Rise onto the.");
}

TEST_CASE("a label cut after a comma ends its sentence without the comma") {
    const Timeline t = twoRoundsOf("Open the top knee, keep it open");
    // 4.55 s after the release sound at 180 ms a character: the first words, cut after "knee," (it was
    // said "Left. Open the top knee,.").
    const auto phrases = of(t, [](const std::string& s) { return static_cast<Millis>(s.size()) * 180; });
    REQUIRE(find(phrases, PhraseKind::Phase, 1));
    CHECK(find(phrases, PhraseKind::Phase, 1)->text == "Left. Open the top knee.");
}

TEST_CASE("phrases never overlap") {
    const PhraseLength length = [](const std::string& s) { return static_cast<Millis>(s.size()) * 200; };
    const Timeline t = timelineOf(R"(name = "T"
[[step]]
kind = "prepare"
duration = "3s"
[[step]]
kind = "hold"
label = "Lean into the ball"
sides = ["left", "right"]
switch = "2s"
duration = "30s"
[[step]]
kind = "manual"
label = "Stand up"
[[step]]
kind = "rest"
duration = "2s"
)");
    Millis endOfLast = 0;
    for (const auto& p : planPhrases(t, CueOptions{}, length)) {
        if (p.fit == PhraseFit::Dropped || p.kind == PhraseKind::Reminder) continue;
        CAPTURE(p.text);
        CHECK(p.atMs >= endOfLast);
        // A manual phase lasts 0 ms in the plan: it waits for the user, whose "continue" ends it.
        endOfLast = t.phases[p.phase].manual ? 0 : p.atMs + p.lengthMs;
    }
}

TEST_CASE("a manual step says its label, then a reminder every 30 s") {
    CountingLength len;
    const auto phrases =
        of(timelineOf("name = \"T\"\n[[step]]\nkind = \"manual\"\nlabel = \"Find the ball\"\n"), len.fn());
    const Phrase* start = find(phrases, PhraseKind::Phase, 0);
    REQUIRE(start);
    CHECK(start->text == "Find the ball. Press play or space to go on.");
    const Phrase* reminder = find(phrases, PhraseKind::Reminder, 0);
    REQUIRE(reminder);
    CHECK(reminder->cueOffsetMs == kReminderEveryMs);
    CHECK(reminder->everyMs == kReminderEveryMs);
    CHECK_FALSE(reminder->text.empty());
}

TEST_CASE("say replaces the phrase and fills its placeholders") {
    const auto phrases = of(
        timelineOf(R"(name = "T"
[[step]]
label = "Calf"
repeat = 2
sides = ["right"]
[[step.step]]
kind = "roll"
label = "Roll slowly"
duration = "1m30s"
say = "{side}: {label} for {duration}, round {round} of {rounds}, then {next}"
)"),
        [](const std::string&) { return Millis{500}; }, CueOptions{.halfway = false});
    REQUIRE(phrases.size() >= 2);
    CHECK(phrases[0].text == "right: Roll slowly for 1 minute 30 seconds, round 1 of 2, then Roll slowly");
    CHECK(phrases[1].text == "right: Roll slowly for 1 minute 30 seconds, round 2 of 2, then the end");
}

TEST_CASE("placeholders are checked") {
    CHECK_FALSE(checkSayTemplate("{label} {side} {duration} {round} {rounds} {next} plain"));
    auto e = checkSayTemplate("ok {nope}");
    REQUIRE(e);
    CHECK(e->offset == 3);
    e = checkSayTemplate("{label");
    REQUIRE(e);
    CHECK(e->offset == 0);
    CHECK(checkSayTemplate("{{label}}"));
    CHECK(checkSayTemplate("}"));
}

TEST_CASE("spoken durations") {
    CHECK(spokenDuration(1'000) == "1 second");
    CHECK(spokenDuration(45'000) == "45 seconds");
    CHECK(spokenDuration(60'000) == "1 minute");
    CHECK(spokenDuration(135'000) == "2 minutes 15 seconds");
    CHECK(spokenDuration(3'600'000) == "1 hour");
}

TEST_CASE("with the real voice, the planned length is the spoken length") {
    const auto voice = Voice::open(kDefaultVoice, 1.0, 48000, 2);
    REQUIRE(voice);
    const PhraseLength length = [&](const std::string& text) {
        return static_cast<Millis>(voice->speak(text).frames(2) * 1000 / 48000);
    };
    const auto phrases = planPhrases(timelineOf(kSided), CueOptions{}, length);
    const Phrase* left = find(phrases, PhraseKind::Phase, 0);
    REQUIRE(left);
    CHECK(left->lengthMs > 800);    // four words
    CHECK(left->lengthMs < 40'000); // and it fits the phase
    CHECK(left->fit == PhraseFit::Full);
    CHECK(left->lengthMs == length(left->text)); // Flite is deterministic
}

TEST_CASE("a block's say is said as each of its rounds begins, in place of the round, with its placeholders") {
    const Timeline t = timelineOf(R"(name = "T"
[[step]]
label = "Calf set"
repeat = 2
sides = ["left", "right"]
switch = "0s"
say = "{label}, {side} side, set {round} of {rounds}, {duration}, first {next}"
[[step.step]]
kind = "tense"
duration = "5s"
label = "Press"
[[step.step]]
kind = "release"
duration = "10s"
)");
    REQUIRE(t.size() == 8);
    CHECK(t.phases[0].roundSays.size() == 1);
    CHECK(t.phases[1].roundSays.empty());
    CHECK(t.phases[2].roundSays.size() == 1);
    CHECK(t.phases[2].roundSays[0].round == 2);
    CHECK(t.phases[4].roundSays[0].side == Side::Right);
    CHECK(t.phases[0].roundSays[0].durationMs == 15'000);
    const auto phrases = of(
        t, [](const std::string&) { return Millis{500}; }, CueOptions{.halfway = false});
    const Phrase* first = find(phrases, PhraseKind::Phase, 0);
    REQUIRE(first);
    CHECK(first->text ==
          "Calf set, left side, set 1 of 2, 15 seconds, first Press. Left side first. Press. 5 seconds.");
    // The later rounds begin with a 5 s phase: said, the block's say first, by the phase before.
    CHECK(find(phrases, PhraseKind::Phase, 1)->text ==
          "Left. Release. 10 seconds. Next: Calf set, left side, set 2 of 2, 15 seconds, first Press. Left. Press. 5 "
          "seconds.");
    CHECK_FALSE(find(phrases, PhraseKind::Phase, 6));
    CHECK(find(phrases, PhraseKind::Phase, 5)->text ==
          "Right. Release. 10 seconds. Next: Calf set, right side, set 2 of 2, 15 seconds, first Press. Right. Press. "
          "5 seconds.");
}

TEST_CASE("nested blocks' says come outermost first, and a say that does not fit goes before the label") {
    const Timeline t = timelineOf(R"(name = "T"
[[step]]
label = "Outer"
say = "Outer {round}"
repeat = 2
[[step.step]]
label = "Inner"
say = "Inner {round} of {rounds}"
repeat = 3
[[step.step.step]]
kind = "hold"
duration = "5s"
say = "{label} now"
)");
    const auto roomy = of(
        t, [](const std::string&) { return Millis{500}; }, CueOptions{});
    CHECK(find(roomy, PhraseKind::Phase, 0)->text == "Outer 1. Inner 1 of 3. Hold now");
    CHECK(find(roomy, PhraseKind::Phase, 1)->text == "Inner 2 of 3. Hold now");
    CHECK(find(roomy, PhraseKind::Phase, 3)->text == "Outer 2. Inner 1 of 3. Hold now");
    // 200 ms a character: only the step's own say fits in the 4.55 s after the cue.
    const auto tight = of(
        t, [](const std::string& s) { return static_cast<Millis>(s.size()) * 200; }, CueOptions{});
    const Phrase* p = find(tight, PhraseKind::Phase, 0);
    CHECK(p->text == "Hold now");
    CHECK(p->fit == PhraseFit::Shortened);
}
