#include "audio/cue_mixer.hpp"
#include "audio/phrase_book.hpp"

#include "helpers.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>

using namespace unknot;
using unknot::test::timelineOf;

namespace {

constexpr Ticks kRate = 48000;

// prepare 5 s, tense 5 s: cues at 0, 2, 3, 4 s (ticks), 5, 7, 8, 9 s, end at 10 s. The tense
// phase has a `say`, so the voice says it at its start rather than in the phase before.
constexpr std::string_view kRoutine = R"(name = "x"
[[step]]
kind = "prepare"
duration = "5s"
[[step]]
kind = "tense"
duration = "5s"
say = "Tense."
)";

// A sound of `frames` frames at a constant level: easy to find in the output.
struct FlatSound {
    std::vector<std::int16_t> samples;
    FlatSound(std::size_t frames, std::int16_t level) : samples(frames * 2, level) {}
    CueSound cue() const { return {samples.data(), samples.size() / 2}; }
};

struct Rig {
    CueMixer mixer{kRate};
    FlatSound tick{100, 1000};
    std::vector<std::int16_t> out; // everything rendered, interleaved
    Rig() {
        for (std::size_t i = 0; i < static_cast<std::size_t>(SoundId::Count); ++i)
            mixer.setSound(static_cast<SoundId>(i), tick.cue());
        mixer.setVolume(100, false);
    }
    void render(std::size_t frames, std::size_t buffer = 256) {
        std::vector<std::int16_t> buf(buffer * 2);
        for (std::size_t done = 0; done < frames; done += buffer) {
            std::fill(buf.begin(), buf.end(), 0);
            mixer.render(buf.data(), buffer);
            out.insert(out.end(), buf.begin(), buf.end());
        }
    }
    // Frames where the output goes from silence to sound.
    std::vector<Ticks> onsets() const {
        std::vector<Ticks> found;
        for (std::size_t f = 0; f < out.size() / 2; ++f)
            if (out[f * 2] != 0 && (f == 0 || out[(f - 1) * 2] == 0)) found.push_back(static_cast<Ticks>(f));
        return found;
    }
};

// Publishes phrase `index` of `book` as the worker would, said with `sound` (null: dropped).
void publish(PhraseBook& book, int index, const FlatSound* sound) {
    REQUIRE(index >= 0);
    Phrase p = fitPhrase(book.slot(static_cast<std::size_t>(index)), [](const std::string&) { return 0; });
    if (!sound) p.fit = PhraseFit::Dropped;
    book.publish(static_cast<std::size_t>(index), p,
                 sound ? std::make_shared<const SpokenPhrase>(SpokenPhrase{sound->samples}) : nullptr);
}

} // namespace

TEST_CASE("cues start on their exact frame inside the buffer, whatever the buffer size") {
    for (std::size_t buffer : {std::size_t{256}, std::size_t{441}, std::size_t{4096}}) {
        CAPTURE(buffer);
        Rig rig;
        const Timeline t = timelineOf(kRoutine);
        rig.mixer.start(t, CueOptions{});
        rig.render(11 * kRate, buffer);
        std::vector<Ticks> expected;
        for (const Cue& c : planCues(t, CueOptions{}).cues) expected.push_back(c.atMs * kRate / 1000);
        CHECK(rig.onsets() == expected);
        // Each cue plays whole: 100 frames at its level, on both channels.
        CHECK(rig.out[2 * kRate * 2] == 1000);
        CHECK(rig.out[(2 * kRate + 99) * 2 + 1] == 1000);
        CHECK(rig.out[(2 * kRate + 100) * 2] == 0);
        std::vector<SessionEvent> events;
        const SessionStatus s = rig.mixer.update(events);
        CHECK(s.state == SessionState::Finished);
        CHECK(events.size() == expected.size());
        CHECK(rig.mixer.framesRendered() >= 11 * kRate);
    }
}

TEST_CASE("commands apply at the next buffer and move the cues with the session") {
    Rig rig;
    const Timeline t = timelineOf(kRoutine);
    rig.mixer.start(t, CueOptions{});
    rig.render(256 * 10); // 2560 frames in
    rig.mixer.apply(SessionCommand::Skip);
    rig.render(256);
    std::vector<SessionEvent> events;
    const SessionStatus s = rig.mixer.update(events);
    CHECK(s.phase == 1);
    REQUIRE(events.size() == 3); // phase 0 cue, phase 1 cue (the skip's doing), the skip
    CHECK(events[1].cue.phase == 1);
    CHECK(events[1].at == 2560);
    CHECK(events[2].type == SessionEvent::Type::Command);
    CHECK(events[2].command == SessionCommand::Skip);
    CHECK(events[2].at == 2560);
    CHECK(rig.onsets() == std::vector<Ticks>{0, 2560});

    // Paused: time stands still and nothing new sounds.
    rig.mixer.apply(SessionCommand::TogglePause);
    rig.render(kRate * 5);
    CHECK(rig.onsets().size() == 2);
    rig.mixer.apply(SessionCommand::TogglePause);
    const Ticks resumedAt = static_cast<Ticks>(rig.out.size() / 2);
    rig.render(kRate * 3);
    // Phase 1's countdown "3" is 2 s of running time after the skip; 256 frames ran before the pause.
    const auto all = rig.onsets();
    const auto next = std::find_if(all.begin(), all.end(), [&](Ticks f) { return f >= resumedAt; });
    REQUIRE(next != all.end());
    CHECK(*next == resumedAt + 2 * kRate - 256);
}

TEST_CASE("overlapping loud cues never clip and keep playing to their end") {
    Rig rig;
    FlatSound loud(static_cast<std::size_t>(kRate) * 3 / 2, 30000); // 1.5 s: the 3-2-1 ticks overlap
    for (std::size_t i = 0; i < static_cast<std::size_t>(SoundId::Count); ++i)
        rig.mixer.setSound(static_cast<SoundId>(i), loud.cue());
    rig.mixer.start(timelineOf(kRoutine), CueOptions{});
    rig.render(12 * kRate);
    int peak = 0;
    for (std::int16_t v : rig.out) peak = std::max(peak, std::abs(static_cast<int>(v)));
    CHECK(peak <= 32000);
    CHECK(peak > 25000);
    // No sign flips from overflow: the flat sound stays positive wherever it sounds.
    CHECK(std::count_if(rig.out.begin(), rig.out.end(), [](std::int16_t v) { return v < 0; }) == 0);
    // The tick at 3 s still sounds at 3.4 s though another started at 3 s... and at 4 s.
    CHECK(rig.out[static_cast<std::size_t>(kRate * 34 / 10) * 2] > 0);
}

TEST_CASE("once the limiter has let go, a cue plays exactly as loud as its file") {
    Rig rig;
    FlatSound loud(100, 30000);  // the prepare sound at 0 s is over the limit
    FlatSound tense(100, 20001); // the tense sound at 5 s is not
    rig.mixer.setSound(SoundId::Prepare, loud.cue());
    rig.mixer.setSound(SoundId::Tense, tense.cue());
    rig.mixer.start(timelineOf(kRoutine), CueOptions{});
    rig.render(6 * kRate);
    CHECK(rig.out[50 * 2] < 30000); // limited...
    CHECK(rig.out[50 * 2] > 27000);
    // ...and then fully let go: the tense sound not 20000 from a gain stuck just under 1.
    CHECK(rig.out[static_cast<std::size_t>(kRate * 2 + 50) * 2] == 1000);
    CHECK(rig.out[static_cast<std::size_t>(kRate * 5 + 50) * 2] == 20001);
}

TEST_CASE("volume and mute scale the cues") {
    Rig rig;
    rig.mixer.setVolume(50, false);
    rig.mixer.start(timelineOf(kRoutine), CueOptions{});
    rig.render(kRate);
    CHECK(rig.out[10 * 2] == 250); // 1000 * 0.5^2
    rig.mixer.setVolume(50, true);
    rig.render(2 * kRate);
    CHECK(rig.out[static_cast<std::size_t>(2 * kRate + 10) * 2] == 0);
}

TEST_CASE("a new start replaces the session and events of the old one are not reported") {
    Rig rig;
    rig.mixer.start(timelineOf(kRoutine), CueOptions{});
    rig.render(3 * kRate);
    rig.mixer.start(timelineOf("name=\"y\"\n[[step]]\nkind=\"hold\"\nduration=30\n"), CueOptions{});
    std::vector<SessionEvent> events;
    rig.render(256);
    (void)rig.mixer.update(events);
    REQUIRE(events.size() == 1);
    CHECK(events[0].cue.type == CueType::Phase);
    std::vector<SessionEvent> more;
    CHECK(rig.mixer.update(more).phaseDurationMs == 30'000);
}

TEST_CASE("the session can be taken back when the device stops") {
    Rig rig;
    rig.mixer.start(timelineOf(kRoutine), CueOptions{});
    rig.render(kRate * 6);
    rig.mixer.apply(SessionCommand::TogglePause); // asked for, never rendered: still happens
    SessionHandover handover = rig.mixer.handOver();
    REQUIRE(handover.session);
    CHECK(handover.session->state() == SessionState::Paused);
    CHECK(handover.at == rig.mixer.framesRendered());
    CHECK(handover.session->status(handover.at).phase == 1);
    // Nobody read the events: they travel with the session, the pause last.
    REQUIRE_FALSE(handover.events.empty());
    CHECK(handover.events.front().cue.type == CueType::Phase);
    CHECK(handover.events.back().type == SessionEvent::Type::Command);
    CHECK(handover.events.back().state == SessionState::Paused);
}

TEST_CASE("device, unplugged, steady clock, plugged in again: every cue once, on its planned frame") {
    // The sound device plays 3 s, goes away; the steady clock plays 4 s; a device comes back
    // for the rest. Nobody reads the events until the end, so every hand-off must carry them.
    Rig first;
    first.mixer.start(timelineOf(kRoutine), CueOptions{});
    first.render(kRate * 3, 480);
    SessionHandover lost = first.mixer.handOver();
    REQUIRE(lost.at == kRate * 3);

    Ticks fakeMs = 5'000'000;
    SteadyClockDriver steady([&] { return fakeMs * kRate / 1000; }, kRate);
    steady.adopt(std::move(lost));
    fakeMs += 4'000;
    SessionHandover back = steady.handOver();
    CHECK(back.at == kRate * 7);
    REQUIRE(back.session);

    Rig second;
    second.mixer.adopt(std::move(back));
    CHECK(second.mixer.framesRendered() == kRate * 7);
    std::vector<SessionEvent> events;
    CHECK(second.mixer.update(events).phase == 1); // the status is there before the first buffer
    second.render(kRate * 4, 480);
    const SessionStatus end = second.mixer.update(events);
    CHECK(end.state == SessionState::Finished);

    std::vector<Ticks> at;
    for (const auto& e : events)
        if (e.type == SessionEvent::Type::Cue) at.push_back(e.at);
    const Ticks s = kRate;
    CHECK(at == std::vector<Ticks>{0, 2 * s, 3 * s, 4 * s, 5 * s, 7 * s, 8 * s, 9 * s, 10 * s});
    // The second device plays its cues at the frames they belong to, counted on from 7 s (the
    // 7 s tick fell on the steady clock's side of the hand-off: it was reported there).
    CHECK(second.onsets() == std::vector<Ticks>{1 * s, 2 * s, 3 * s});
}

TEST_CASE("a device that gets no session hands over nothing, and adopting nothing keeps it idle") {
    Rig rig;
    SessionHandover none = rig.mixer.handOver();
    CHECK_FALSE(none.session);
    rig.mixer.adopt(std::move(none));
    std::vector<SessionEvent> events;
    CHECK(rig.mixer.update(events).state == SessionState::Ready);
    CHECK(events.empty());
}

TEST_CASE("a steady clock adopts a session mid-routine and plays on from the same tick") {
    Ticks fakeMs = 1'000'000;
    Session* raw = nullptr;
    {
        auto session = std::make_unique<Session>(timelineOf(kRoutine), CueOptions{}, kRate);
        session->start(0);
        session->advance(kRate * 6 - 1); // 6 s in: phase 1, 1 s into it
        raw = session.get();
        SteadyClockDriver driver([&] { return fakeMs * kRate / 1000; }, kRate);
        SessionHandover handover;
        handover.session = std::move(session);
        handover.at = kRate * 6;
        driver.adopt(std::move(handover));
        std::vector<SessionEvent> events;
        CHECK(driver.update(events).phase == 1);
        CHECK(events.empty());
        fakeMs += 1'000; // 7 s: phase 1's countdown "3"
        (void)driver.update(events);
        REQUIRE(events.size() == 1);
        CHECK(events[0].cue.type == CueType::Countdown);
        CHECK(events[0].at == kRate * 7);
        fakeMs += 10'000;
        CHECK(driver.update(events).state == SessionState::Finished);
        CHECK(events.back().cue.type == CueType::End);
        CHECK(events.back().at == kRate * 10);
        CHECK(raw != nullptr);
    }
}

TEST_CASE("a pause fades what sounds within 20 ms and without a jump") {
    Rig rig;
    FlatSound longCue(static_cast<std::size_t>(kRate), 8000); // 1 s: rings well into the pause
    rig.mixer.setSound(SoundId::Prepare, longCue.cue());
    rig.mixer.start(timelineOf(kRoutine), CueOptions{});
    rig.render(kRate / 10);
    const auto pausedAt = rig.out.size() / 2;
    rig.mixer.apply(SessionCommand::TogglePause);
    rig.render(kRate / 2);
    CHECK(rig.out[(pausedAt - 1) * 2] == 8000);
    CHECK(rig.out[(pausedAt + 240) * 2] > 0); // still fading at 5 ms
    for (std::size_t f = pausedAt + static_cast<std::size_t>(kRate) / 50; f < rig.out.size() / 2; ++f)
        REQUIRE(rig.out[f * 2] == 0); // silent from 20 ms on
    int steepest = 0;
    for (std::size_t f = pausedAt; f < rig.out.size() / 2; ++f)
        steepest = std::max(steepest, std::abs(rig.out[f * 2] - rig.out[(f - 1) * 2]));
    CHECK(steepest < 100); // 8000 over 480 frames: about 17 a frame
}

TEST_CASE("a volume change ramps over at least 10 ms while a cue sounds") {
    Rig rig;
    FlatSound longCue(static_cast<std::size_t>(kRate), 10000);
    rig.mixer.setSound(SoundId::Prepare, longCue.cue());
    rig.mixer.start(timelineOf(kRoutine), CueOptions{});
    rig.render(kRate / 10);
    const auto changedAt = rig.out.size() / 2;
    rig.mixer.setVolume(0, false);
    rig.render(kRate / 10);
    const auto at = [&](std::size_t f) { return rig.out[f * 2]; };
    CHECK(at(changedAt - 1) == 10000);
    CHECK(at(changedAt + 480) > 0); // not there yet at 10 ms
    CHECK(at(changedAt + 480) < 10000);
    CHECK(at(changedAt + static_cast<std::size_t>(kRate) / 50) == 0); // there by 20 ms
    for (std::size_t f = changedAt; f < changedAt + 1000; ++f) REQUIRE(std::abs(at(f) - at(f - 1)) < 30);
}

TEST_CASE("a phrase starts on its frame after its cue, ticks give way to it, and it fades at the next phase") {
    Rig rig;
    FlatSound voice(static_cast<std::size_t>(kRate) * 6, 2000); // longer than the phase: cut at 5 s
    const Timeline t = timelineOf(kRoutine);
    auto book = std::make_shared<PhraseBook>(t, CueOptions{});
    publish(*book, book->phraseFor(CueType::Phase, 0), &voice);
    publish(*book, book->phraseFor(CueType::Phase, 1), nullptr); // tense says nothing
    rig.mixer.start(t, CueOptions{}, book);
    rig.render(7 * kRate);
    const auto at = [&](Ticks f) { return static_cast<int>(rig.out[static_cast<std::size_t>(f) * 2]); };
    const Ticks start = 450 * kRate / 1000;
    CHECK(at(start - 1) == 0);
    CHECK(at(start) >= 1990);
    // The ticks at 2, 3 and 4 s (1000 each) fall inside the phrase: they give way, the voice
    // goes on at its level.
    for (Ticks tick : {2 * kRate, 3 * kRate, 4 * kRate}) {
        CHECK(at(tick - 1) >= 1990);
        CHECK(at(tick + 99) >= 1990);
        CHECK(at(tick + 99) < 2010);
    }
    // At 5 s the next phase begins: the phrase fades out within 10 ms; tense says nothing.
    CHECK(at(5 * kRate + 200) >= 1000);
    for (Ticks f = 5 * kRate + kRate / 50; f < 6 * kRate; ++f) REQUIRE(at(f) == 0);
    // Phase events are reported as ever.
    std::vector<SessionEvent> events;
    (void)rig.mixer.update(events);
    CHECK(std::count_if(events.begin(), events.end(),
                        [](const SessionEvent& e) { return e.cue.type == CueType::Phase; }) == 2);
}

TEST_CASE("with the phase sound off the voice still follows the phase, unheard and unreported") {
    Rig rig;
    FlatSound voice(1000, 3000);
    CueOptions noPhase;
    noPhase.phase = false;
    const Timeline t = timelineOf(kRoutine);
    auto book = std::make_shared<PhraseBook>(t, noPhase);
    publish(*book, book->phraseFor(CueType::Phase, 0), &voice);
    publish(*book, book->phraseFor(CueType::Phase, 1), &voice);
    rig.mixer.start(t, noPhase, book);
    rig.render(6 * kRate);
    CHECK(rig.out[0] == 3000); // the voice alone at 0
    CHECK(rig.out[static_cast<std::size_t>(5 * kRate) * 2] == 3000);
    std::vector<SessionEvent> events;
    (void)rig.mixer.update(events);
    CHECK(std::none_of(events.begin(), events.end(), [](const SessionEvent& e) {
        return e.type == SessionEvent::Type::Cue && e.cue.type == CueType::Phase;
    }));
}

TEST_CASE("the session waits for its first phrase only, and later phrases said in time play on their frame") {
    Rig rig;
    FlatSound first(100, 3000), second(100, 4000), late(100, 5000);
    const Timeline t = timelineOf(kRoutine);
    auto book = std::make_shared<PhraseBook>(t, CueOptions{});
    rig.mixer.start(t, CueOptions{}, book);
    rig.render(kRate / 4);
    CHECK(rig.onsets().empty()); // nothing spoken yet: the session waits
    publish(*book, book->phraseFor(CueType::Phase, 0), &first);
    const auto readyAt = static_cast<Ticks>(rig.out.size() / 2);
    rig.render(5 * kRate);
    REQUIRE(!rig.onsets().empty());
    CHECK(rig.onsets()[0] == readyAt); // the first cue as soon as the first phrase is there
    const auto level = [&](Ticks f) { return static_cast<int>(rig.out[static_cast<std::size_t>(f) * 2]); };
    CHECK(level(readyAt + 450 * kRate / 1000) == 3000);
    // The tense phase's cue has fired (at readyAt + 5 s) without its phrase: published before
    // the phrase's frame, 450 ms later, it still starts exactly there.
    const Ticks tense = readyAt + 5 * kRate;
    rig.render(static_cast<std::size_t>(tense - static_cast<Ticks>(rig.out.size() / 2)) + 256);
    publish(*book, book->phraseFor(CueType::Phase, 1), &second);
    rig.render(kRate);
    const Ticks said = tense + 450 * kRate / 1000;
    CHECK(level(said - 1) == 0);
    CHECK(level(said) == 4000);
    // The end's phrase published after its frame is not said late.
    rig.render(5 * kRate);
    publish(*book, book->phraseFor(CueType::End, 0), &late);
    rig.render(kRate);
    CHECK(std::none_of(rig.out.begin(), rig.out.end(), [](std::int16_t v) { return v == 5000; }));
}

TEST_CASE("a session adopted with a phrase book speaks from its next cue on") {
    // Played without a voice, handed over at 1 s, adopted by a mixer with a new book.
    Rig first;
    const Timeline t = timelineOf(kRoutine);
    first.mixer.start(t, CueOptions{});
    first.render(kRate);
    SessionHandover handover = first.mixer.handOver();
    REQUIRE(handover.session);
    Rig second;
    FlatSound voice(100, 3000);
    auto book = std::make_shared<PhraseBook>(t, CueOptions{}, 0);
    publish(*book, book->phraseFor(CueType::Phase, 1), &voice);
    const Ticks at = handover.at;
    second.mixer.adopt(std::move(handover), book);
    second.render(5 * kRate);
    // The tense phase starts 4 s later (5 s into the routine): its phrase 450 ms after that.
    const auto said = static_cast<std::size_t>(5 * kRate - at + 450 * kRate / 1000);
    CHECK(second.out[(said - 1) * 2] == 0);
    CHECK(second.out[said * 2] == 3000);
}

TEST_CASE("a device faster than real time waits for every phrase before the session starts") {
    Rig rig;
    rig.mixer.setWaitForEveryPhrase(true);
    FlatSound voice(100, 3000);
    const Timeline t = timelineOf(kRoutine);
    auto book = std::make_shared<PhraseBook>(t, CueOptions{});
    rig.mixer.start(t, CueOptions{}, book);
    publish(*book, book->phraseFor(CueType::Phase, 0), &voice);
    rig.render(kRate / 4);
    CHECK(rig.onsets().empty()); // the first phrase is not enough
    for (std::size_t i = 0; i < book->size(); ++i) publish(*book, static_cast<int>(i), &voice);
    book->finish(0);
    const auto readyAt = static_cast<Ticks>(rig.out.size() / 2);
    rig.render(kRate / 4);
    REQUIRE(!rig.onsets().empty());
    CHECK(rig.onsets()[0] == readyAt);
}

TEST_CASE("Done says the time spent when the worker has it, else Done alone") {
    // prepare 5 s, tense 5 s; +15 s in the first phase: 25 s spent, not the 10 planned.
    FlatSound planned(100, 1100), spent25(100, 2500), spent20(100, 2000), alone(100, 900);
    const Timeline t = timelineOf(kRoutine);
    const auto doneLevel = [&](Millis publishedSpentMs) {
        Rig rig;
        auto book = std::make_shared<PhraseBook>(t, CueOptions{});
        for (std::size_t i = 0; i < book->size(); ++i) publish(*book, static_cast<int>(i), nullptr);
        publish(*book, book->phraseFor(CueType::End, 0), &planned); // (already published: ignored)
        book->publishDoneAlone(std::make_shared<const SpokenPhrase>(SpokenPhrase{alone.samples}));
        if (publishedSpentMs == 25'000)
            book->publishSpent(25'300, std::make_shared<const SpokenPhrase>(SpokenPhrase{spent25.samples}));
        if (publishedSpentMs == 20'000)
            book->publishSpent(20'000, std::make_shared<const SpokenPhrase>(SpokenPhrase{spent20.samples}));
        rig.mixer.start(t, CueOptions{}, book);
        rig.render(kRate);
        rig.mixer.apply(SessionCommand::Extend);
        rig.render(26 * kRate);
        const Ticks at = static_cast<Ticks>(25 * kRate + 450 * kRate / 1000) + 0;
        // The end chime (1000) at 25 s plus whatever lies in the first 100 frames is over by then.
        for (Ticks f = at - 2000; f < at + 50; ++f)
            if (rig.out[static_cast<std::size_t>(f) * 2] != 0)
                return static_cast<int>(rig.out[static_cast<std::size_t>(f) * 2]);
        return 0;
    };
    CHECK(doneLevel(25'000) == 2500); // 25.3 s is said as 25 seconds: the one the worker made
    CHECK(doneLevel(20'000) == 900);  // made for another time: "Done." alone
    CHECK(doneLevel(0) == 900);

    // Played as planned, the plan's own "Done. 10 seconds." is said.
    Rig rig;
    auto book = std::make_shared<PhraseBook>(t, CueOptions{});
    publish(*book, book->phraseFor(CueType::End, 0), &planned);
    for (std::size_t i = 0; i < book->size(); ++i) publish(*book, static_cast<int>(i), nullptr);
    book->publishDoneAlone(std::make_shared<const SpokenPhrase>(SpokenPhrase{alone.samples}));
    rig.mixer.start(t, CueOptions{}, book);
    rig.render(11 * kRate);
    CHECK(rig.out[static_cast<std::size_t>(10 * kRate + 450 * kRate / 1000) * 2] == 1100);
}

TEST_CASE("a sentence waits until no cue or phrase sounds, and a newer one replaces it") {
    Rig rig;
    FlatSound longCue(static_cast<std::size_t>(kRate) / 2, 1000);
    rig.mixer.setSound(SoundId::End, longCue.cue());
    const Timeline t = timelineOf("name = \"x\"\n[[step]]\nkind = \"prepare\"\nduration = \"2s\"\n");
    rig.mixer.start(t, CueOptions{});
    rig.render(2 * kRate + 512); // the end chime sounds from 2 s for half a second
    auto first = std::make_shared<Announcement>();
    first->spoken = SpokenText{nullptr, {}};
    FlatSound words(10000, 3000), other(1000, 4000);
    first->spoken.sound = words.cue();
    first->ready = true;
    rig.mixer.announce(first);
    rig.render(kRate);
    const auto level = [&](Ticks f) { return static_cast<int>(rig.out[static_cast<std::size_t>(f) * 2]); };
    const Ticks chimeEnd = 2 * kRate + kRate / 2;
    CHECK(level(chimeEnd - 1) == 1000); // not over the chime
    Ticks saidAt = -1;
    for (Ticks f = chimeEnd; f < 4 * kRate; ++f)
        if (level(f) != 0) { // the voice comes back up from its ducking under the chime
            saidAt = f;
            break;
        }
    CHECK(saidAt >= chimeEnd);
    CHECK(saidAt < chimeEnd + 1024); // right after it
    // A second sentence, not spoken yet, then a third: only the third is said.
    auto second = std::make_shared<Announcement>();
    second->spoken.sound = other.cue();
    auto third = std::make_shared<Announcement>();
    third->spoken.sound = other.cue();
    third->ready = true;
    rig.mixer.announce(second);
    rig.render(512);
    rig.mixer.announce(third);
    second->ready = true;
    const auto before = rig.out.size() / 2;
    rig.render(kRate / 2);
    CHECK(level(saidAt + kRate / 10) == 3000);
    CHECK(std::count(rig.out.begin() + static_cast<std::ptrdiff_t>(before * 2), rig.out.end(), 4000) == 1000 * 2);
}

TEST_CASE("pause, resume, skip, back, +15 s and continue each sound their confirmation at once") {
    Rig rig;
    std::vector<FlatSound> sounds;
    for (int i = 0; i < static_cast<int>(FeedbackId::Count); ++i)
        sounds.emplace_back(50, static_cast<std::int16_t>(100 * (i + 1)));
    for (std::size_t i = 0; i < sounds.size(); ++i)
        rig.mixer.setFeedbackSound(static_cast<FeedbackId>(i), sounds[i].cue());
    rig.mixer.start(timelineOf("name=\"m\"\n[[step]]\nkind=\"manual\"\n[[step]]\nkind=\"hold\"\nduration=30\n"),
                    CueOptions{});
    rig.render(kRate);
    const auto levelAfter = [&](SessionCommand command) {
        const auto at = rig.out.size() / 2;
        rig.mixer.apply(command);
        rig.render(kRate / 2);
        return static_cast<int>(rig.out[(at + 10) * 2]);
    };
    CHECK(levelAfter(SessionCommand::TogglePause) == 600 + 1000); // continue past the manual step, with the hold's cue
    CHECK(levelAfter(SessionCommand::TogglePause) == 100);        // pause: heard though the pause fades the rest
    CHECK(levelAfter(SessionCommand::TogglePause) == 200);        // resume
    CHECK(levelAfter(SessionCommand::Extend) == 500);
    CHECK(levelAfter(SessionCommand::Back) == 400 + 1000); // 1.5 s into the hold: back to the manual step, its cue
    CHECK(levelAfter(SessionCommand::Skip) == 300 + 1000); // on to the hold again
    CueOptions quiet;
    quiet.feedback = false;
    rig.mixer.start(timelineOf(kRoutine), quiet);
    rig.render(kRate / 2);
    CHECK(levelAfter(SessionCommand::TogglePause) == 0);
}

TEST_CASE("the time spent foreseen while the session plays is the one it has at its end") {
    const Timeline t = timelineOf(R"(name = "x"
[[step]]
kind = "prepare"
duration = "5s"
[[step]]
kind = "manual"
[[step]]
kind = "hold"
duration = "20s"
[[step]]
kind = "rest"
duration = "10s"
)");
    const PhraseBook book(t, CueOptions{});
    CHECK(book.plannedTotalMs() == 35'000);
    Session s(t, CueOptions{}, 1000);
    s.start(0);
    CHECK(book.spentAtEnd(s.status(0)) == 35'000);
    s.extend(2'000); // +15 s
    CHECK(book.spentAtEnd(s.status(2'000)) == 50'000);
    s.pause(3'000);
    s.resume(60'000); // pauses do not count
    CHECK(book.spentAtEnd(s.status(60'000)) == 50'000);
    s.advance(78'000); // the manual step waits: nor does that
    CHECK(s.state() == SessionState::WaitingManual);
    CHECK(book.spentAtEnd(s.status(90'000)) == 50'000);
    s.continueManual(90'000);
    s.advance(95'000);
    s.skip(95'000); // 15 s of the hold skipped
    const Millis foreseen = book.spentAtEnd(s.status(95'000));
    CHECK(foreseen == 35'000);
    s.advance(200'000);
    REQUIRE(s.state() == SessionState::Finished);
    CHECK(s.status(200'000).activeMs == foreseen);
}
