// The UI thread and the audio callback at full speed, side by side: what one sends, the other
// gets exactly once and in order. Run under the tsan preset too (ThreadSanitizer).
#include "audio/cue_mixer.hpp"
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

TEST_CASE("a million commands while the audio callback renders: each applied once, in order") {
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
    for (std::uint64_t sent = 0; sent < kItems;) {
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

    CHECK(commands == kItems);
    CHECK(badStates == 0);
    CHECK(mixer.droppedEvents() == 0);
    CHECK(mixer.waitingCommands() == 0);
    CHECK(mostWaiting <= 1);
}
