// The UI thread and the audio callback at full speed, side by side: what one sends, the other
// gets exactly once and in order. Run under the tsan preset too (ThreadSanitizer).
#include "audio/cue_mixer.hpp"
#include "audio/phrase_book.hpp"
#include "audio/spsc_ring.hpp"

#include "helpers.hpp"

#include <doctest/doctest.h>

#include <array>
#include <atomic>
#include <cstdint>
#include <string>
#include <thread>

using namespace unknot;
using unknot::test::timelineOf;

namespace {

constexpr std::uint64_t kItems = 1'000'000;
// Each command waits for the audio thread to take it (one in flight), so each is a hand-over
// between the threads. 100,000 hand-overs exercise the same paths as a million did (each
// command's push, render and reply), in a tenth of the time: a million took 36-143 s of CI
// under the sanitizers.
constexpr std::uint64_t kCommands = 100'000;

} // namespace

TEST_CASE("a million items through the ring from one thread to another: none lost, none doubled") {
    SpscRing<std::uint64_t, 64> ring;
    std::uint64_t refused = 0; // pushes that found the ring full, and were tried again
    std::thread producer([&] {
        for (std::uint64_t next = 1; next <= kItems;) {
            if (ring.push(next))
                ++next;
            else {
                ++refused;
                std::this_thread::yield();
            }
        }
    });
    std::uint64_t expected = 1, outOfOrder = 0, item = 0;
    while (expected <= kItems) {
        if (!ring.pop(item)) {
            std::this_thread::yield();
            continue;
        }
        if (item != expected) ++outOfOrder;
        expected = item + 1;
    }
    producer.join();
    CHECK(outOfOrder == 0);
    CHECK(expected == kItems + 1);
    CHECK_FALSE(ring.pop(item)); // nothing doubled at the end either
    MESSAGE("pushes refused while full and retried: " << refused);
}

TEST_CASE("100,000 commands while the audio callback renders: each applied once, in order") {
    CueMixer mixer{48000};
    // Long enough (50 hours of holds) that the session never ends while commands come in,
    // however fast the callback spins.
    std::string routine = "name = \"x\"\n";
    for (int i = 0; i < 50; ++i) routine += "[[step]]\nkind = \"hold\"\nduration = 3600\n";
    mixer.start(timelineOf(routine), CueOptions{});
    std::atomic<bool> stop{false};
    std::thread audio([&] {
        std::array<std::int16_t, 64 * CueMixer::kChannels> buffer{};
        while (!stop.load(std::memory_order_acquire)) {
            buffer.fill(0);
            mixer.render(buffer.data(), 64); // a small buffer: many callbacks, many hand-overs
        }
    });

    std::vector<SessionEvent> events;
    std::uint64_t commands = 0, states = 0, badStates = 0, mostWaiting = 0;
    // Pause and resume alternate: a lost or doubled command breaks the alternation.
    auto take = [&] {
        events.clear();
        (void)mixer.update(events);
        for (const SessionEvent& e : events) {
            if (e.type != SessionEvent::Type::Command) continue;
            ++commands;
            const SessionState want = states++ % 2 == 0 ? SessionState::Paused : SessionState::Running;
            if (e.state != want || e.command != SessionCommand::TogglePause) ++badStates;
        }
    };
    for (std::uint64_t sent = 0; sent < kCommands;) {
        // Like the app, the UI thread reads what came back every few commands.
        if (mixer.waitingCommands() > 0 || sent % 16 == 0) take();
        if (mixer.waitingCommands() > 0) {
            std::this_thread::yield();
            continue;
        }
        mixer.apply(SessionCommand::TogglePause);
        ++sent;
        mostWaiting = std::max<std::uint64_t>(mostWaiting, mixer.waitingCommands());
    }
    while (mixer.waitingCommands() > 0) take();
    stop.store(true, std::memory_order_release);
    audio.join();
    std::array<std::int16_t, 64 * CueMixer::kChannels> buffer{};
    mixer.render(buffer.data(), 64); // the audio thread is gone: this thread plays its part
    take();

    CHECK(commands == kCommands);
    CHECK(badStates == 0);
    CHECK(mixer.droppedEvents() == 0);
    CHECK(mixer.waitingCommands() == 0);
    CHECK(mostWaiting <= 1);
}

namespace {

// 40 phases of 1 s, each with its phrase 450 ms after its cue, and the end's.
std::string shortPhases() {
    std::string routine = "name = \"x\"\n";
    for (int i = 0; i < 40; ++i) routine += "[[step]]\nkind = \"hold\"\nduration = 1\n";
    return routine;
}

} // namespace

TEST_CASE("phrases handed over one by one while the audio thread renders: each on its frame or not at all") {
    // The worker's side (publishing) and the audio callback's (playing) on two threads, as in
    // the app, the callback running far faster than real time so that many phrases come late.
    CueMixer mixer{48000};
    mixer.setVolume(100, false);
    const Timeline t = timelineOf(shortPhases());
    auto book = std::make_shared<PhraseBook>(t, CueOptions{});
    std::vector<std::vector<std::int16_t>> sounds; // phrase i at level 100 + i, 200 frames
    for (std::size_t i = 0; i < book->size(); ++i) sounds.emplace_back(400, static_cast<std::int16_t>(100 + i));
    mixer.start(t, CueOptions{}, book);
    std::thread worker([&] {
        // Phrase by phrase, paced on the frames rendered: a third well before their frame, a
        // third about on it, a third after it.
        Ticks started = 0;
        for (std::size_t n = 0; n < book->size(); ++n) {
            const std::size_t i = book->fillOrder(n);
            const Ticks lead = n % 3 == 0 ? 24'000 : n % 3 == 1 ? 0 : -24'000;
            while (n > 0 && mixer.framesRendered() < started + book->slot(i).atMs * 48 - lead)
                std::this_thread::yield();
            Phrase p = fitPhrase(book->slot(i), [](const std::string&) { return 0; });
            book->publish(i, p, std::make_shared<const SpokenPhrase>(SpokenPhrase{sounds[i]}));
            book->publishSpent(static_cast<Millis>(n) * 1000,
                               std::make_shared<const SpokenPhrase>(SpokenPhrase{sounds[i]}));
            if (n == 0) started = mixer.framesRendered();
        }
        book->finish(0);
    });
    std::vector<std::int16_t> out;
    std::thread audio([&] {
        std::array<std::int16_t, 256 * CueMixer::kChannels> buffer{};
        for (int b = 0; b < 48000 * 45 / 256; ++b) {
            buffer.fill(0);
            mixer.render(buffer.data(), 256);
            out.insert(out.end(), buffer.begin(), buffer.end());
        }
    });
    std::vector<SessionEvent> events;
    while (!book->finished()) (void)mixer.update(events); // the UI thread reads as it would
    worker.join();
    audio.join();

    // Only phrases play (no cue sounds are set): each run of sound is one phrase, whole, at the
    // level that names it, starting on its planned frame.
    std::vector<std::pair<Ticks, int>> said; // onset frame, level
    for (std::size_t f = 0; f < out.size() / 2; ++f)
        if (out[f * 2] != 0 && (f == 0 || out[(f - 1) * 2] == 0)) said.emplace_back(static_cast<Ticks>(f), out[f * 2]);
    REQUIRE(!said.empty());
    const int first = book->phraseFor(CueType::Phase, 0);
    REQUIRE(said[0].second == 100 + first); // the session waited for its first phrase
    const Ticks start = said[0].first - 450 * 48;
    for (const auto& [at, level] : said) {
        const auto i = static_cast<std::size_t>(level - 100);
        REQUIRE(i < book->size());
        CAPTURE(i);
        const PhraseSlot& slot = book->slot(i);
        if (slot.kind == PhraseKind::End) continue; // the end says the time spent, from whichever sound
        CHECK(at == start + slot.atMs * 48);
    }
    MESSAGE(said.size() << " of " << book->size() << " phrases in time");
}

TEST_CASE("the voice worker fills books while sessions replace each other and the audio thread plays") {
    // Real Flite on the worker thread, the mixer's callback on another, the UI thread starting
    // sessions, asking for the time spent and for sentences: ThreadSanitizer watches.
    CueMixer mixer{48000};
    VoiceWorker worker(VoiceSettings{}, 48000, CueMixer::kChannels);
    std::atomic<bool> stop{false};
    std::thread audio([&] {
        std::array<std::int16_t, 512 * CueMixer::kChannels> buffer{};
        while (!stop.load(std::memory_order_acquire)) {
            buffer.fill(0);
            mixer.render(buffer.data(), 512);
            std::this_thread::yield();
        }
    });
    const Timeline t = timelineOf(shortPhases());
    std::vector<SessionEvent> events;
    std::shared_ptr<PhraseBook> last;
    for (int round = 0; round < 6; ++round) {
        auto book = worker.prepare(t, CueOptions{}, static_cast<std::size_t>(round) * 5);
        mixer.start(t, CueOptions{}, book);
        worker.sayTimeSpent(book, 12'000 + round * 1000);
        mixer.announce(worker.announce("How does your left heel feel?"));
        for (int i = 0; i < 20; ++i) {
            (void)mixer.update(events);
            std::this_thread::yield();
        }
        if (last) CHECK(last->finished()); // abandoned for the newer one: nobody waits for it
        last = book;
    }
    while (!last->finished()) {
        (void)mixer.update(events);
        std::this_thread::yield();
    }
    stop.store(true, std::memory_order_release);
    audio.join();
    // The last book was filled whole: every phrase published, from where its session began.
    CHECK(last->phrases().size() == last->size());
    CHECK(last->sound(static_cast<std::size_t>(last->phraseFor(CueType::End, 0))) != nullptr);
    CHECK(last->endSound(12'000 + 5 * 1000) != nullptr);
}
