// The sound device coming and going under a routine, with a fake device that renders through
// the real CueMixer: the session moves between the device and the steady clock and plays on.
#include "audio/cue_mixer.hpp"
#include "play/sound_switch.hpp"

#include "app_fakes.hpp"
#include "helpers.hpp"

#include <doctest/doctest.h>

using namespace unknot;
using unknot::test::timelineOf;

namespace {

constexpr Ticks kRate = 48000;

// prepare 5 s, tense 5 s: cues at 0, 2, 3, 4 s (ticks), 5, 7, 8, 9 s, end at 10 s.
constexpr std::string_view kRoutine = "name = \"x\"\n[[step]]\nkind = \"prepare\"\nduration = \"5s\"\n"
                                      "[[step]]\nkind = \"tense\"\nduration = \"5s\"\n";

struct FakeDevice final : SoundDeviceDriver {
    CueMixer mixer{kRate};
    explicit FakeDevice(SessionHandover& resume) { mixer.adopt(std::move(resume)); }
    void start(std::shared_ptr<const Timeline> timeline, const CueOptions& options) override {
        mixer.start(std::move(timeline), options);
    }
    void apply(SessionCommand command) override { mixer.apply(command); }
    void setCueOptions(const CueOptions& options) override { mixer.setCueOptions(options); }
    void setVolume(int percent, bool muted) override { mixer.setVolume(percent, muted); }
    SessionStatus update(std::vector<SessionEvent>& events) override { return mixer.update(events); }
    [[nodiscard]] Ticks ticksPerSecond() const override { return kRate; }
    [[nodiscard]] bool hasSound() const override { return true; }
    SessionHandover close() override { return mixer.handOver(); }
    [[nodiscard]] bool quiet() const override { return mixer.quiet(); }
    void suspend() override { isSuspended = true; }
    [[nodiscard]] bool suspended() const override { return isSuspended; }
    bool isSuspended = false;
    void play(Ticks frames) {
        std::vector<std::int16_t> buffer(480 * 2);
        for (Ticks done = 0; done < frames; done += 480)
            mixer.render(buffer.data(), 480);
    }
};

struct Rig {
    test::Reports reports;
    Ticks nowMs = 1'000'000;
    bool devicePresent = true;
    FakeDevice* device = nullptr;
    int opens = 0;
    SessionDriver* driver = nullptr;
    std::vector<SessionEvent> events;
    SoundSwitch sound{reports,
                      [this](SessionHandover& resume) -> std::variant<std::unique_ptr<SoundDeviceDriver>, std::string> {
                          if (!devicePresent) return std::string("no sound device");
                          ++opens;
                          auto d = std::make_unique<FakeDevice>(resume);
                          device = d.get();
                          return d;
                      },
                      [this](SessionDriver* d) { driver = d; }, kRate, [this] { return nowMs; }};
    void read() { (void)driver->update(events); }
    [[nodiscard]] std::vector<Ticks> cueTicks() const {
        std::vector<Ticks> at;
        for (const auto& e : events)
            if (e.type == SessionEvent::Type::Cue) at.push_back(e.at);
        return at;
    }
};

} // namespace

TEST_CASE("unplugged and plugged in again mid-routine, every cue is reported once, at its tick") {
    Rig rig;
    rig.sound.open();
    REQUIRE(rig.sound.hasSound());
    rig.driver->start(std::make_shared<const Timeline>(timelineOf(kRoutine)), CueOptions{});
    rig.device->play(kRate * 3);

    rig.sound.deviceRemoved(); // nobody read the events yet: they travel along
    CHECK_FALSE(rig.sound.hasSound());
    CHECK(rig.reports.notices.back() == "The sound device went away: visual cues only");
    CHECK(rig.reports.told.back().hint.find("`output_device`") != std::string::npos); // and what to do
    CHECK(rig.reports.count("audio device removed at frame 144000") == 1);
    rig.nowMs += 4000;
    rig.read();
    CHECK(rig.driver->update(rig.events).phase == 1);

    rig.sound.deviceAdded();
    REQUIRE(rig.sound.hasSound());
    CHECK(rig.reports.notices.back() == "Sound is back");
    CHECK(rig.reports.count("audio device added at frame 336000") == 1);
    CHECK(rig.device->mixer.framesRendered() == kRate * 7);
    rig.device->play(kRate * 4);
    const SessionStatus end = rig.driver->update(rig.events);
    CHECK(end.state == SessionState::Finished);
    const Ticks s = kRate;
    CHECK(rig.cueTicks() == std::vector<Ticks>{0, 2 * s, 3 * s, 4 * s, 5 * s, 7 * s, 8 * s, 9 * s, 10 * s});
    rig.sound.deviceAdded(); // one is open already: nothing changes
    CHECK(rig.reports.count("audio device added") == 1);
}

TEST_CASE("new sounds mid-routine: the device is opened again and the routine plays on") {
    Rig rig;
    rig.sound.open();
    rig.driver->start(std::make_shared<const Timeline>(timelineOf(kRoutine)), CueOptions{});
    rig.device->play(kRate * 6);
    rig.sound.reopen();
    REQUIRE(rig.sound.hasSound());
    CHECK(rig.opens == 2);
    CHECK(rig.device->mixer.framesRendered() == kRate * 6);
    CHECK(rig.driver->update(rig.events).phase == 1);
    rig.device->play(kRate * 5);
    CHECK(rig.driver->update(rig.events).state == SessionState::Finished);
    CHECK(rig.cueTicks().size() == 9);
}

TEST_CASE("no device at start: the steady clock plays, a device that comes later takes over") {
    Rig rig;
    rig.devicePresent = false;
    rig.sound.open();
    CHECK_FALSE(rig.sound.hasSound());
    CHECK(rig.reports.notices.back() == "no sound device: visual cues only");
    CHECK(rig.reports.told.back().hint.find("Connect headphones or a speaker") != std::string::npos);
    CHECK(rig.driver->ticksPerSecond() == kRate);
    rig.driver->start(std::make_shared<const Timeline>(timelineOf(kRoutine)), CueOptions{});
    rig.nowMs += 6000;
    rig.sound.deviceRemoved(); // no device: nothing to do
    rig.sound.reopen();        // likewise
    rig.sound.deviceAdded();   // still none: the steady clock keeps the session
    CHECK_FALSE(rig.sound.hasSound());
    CHECK(rig.driver->update(rig.events).phase == 1);
    rig.devicePresent = true;
    rig.sound.deviceAdded();
    REQUIRE(rig.sound.hasSound());
    CHECK(rig.device->mixer.framesRendered() == kRate * 6);
    rig.device->play(kRate * 5);
    CHECK(rig.driver->update(rig.events).state == SessionState::Finished);
    CHECK(rig.cueTicks().size() == 9);
}

TEST_CASE("a device with nothing to play is suspended after a quiet while, and not while a routine plays") {
    Rig rig;
    rig.sound.open();
    rig.device->play(480); // a buffer: the mixer has told it is quiet
    REQUIRE(rig.device->quiet());
    rig.sound.tick();
    rig.nowMs += SoundSwitch::kSuspendAfterMs - 1;
    rig.sound.tick();
    CHECK_FALSE(rig.device->suspended());
    rig.nowMs += 1;
    rig.sound.tick();
    CHECK(rig.device->suspended());
    CHECK(rig.reports.count("audio device suspended: nothing to play") == 1);
    rig.device->isSuspended = false; // as the next start does

    rig.driver->start(std::make_shared<const Timeline>(timelineOf(kRoutine)), CueOptions{});
    CHECK_FALSE(rig.device->quiet()); // the start is on its way
    rig.device->play(kRate * 6);
    CHECK_FALSE(rig.device->quiet()); // playing
    for (int i = 0; i < 3; ++i) {
        rig.nowMs += SoundSwitch::kSuspendAfterMs;
        rig.sound.tick();
    }
    CHECK_FALSE(rig.device->suspended());
    rig.driver->apply(SessionCommand::TogglePause);
    rig.device->play(kRate);
    rig.nowMs += SoundSwitch::kSuspendAfterMs * 2;
    rig.sound.tick();
    rig.sound.tick();
    CHECK_FALSE(rig.device->suspended()); // paused: a key resumes it, with its sound at once

    rig.driver->apply(SessionCommand::TogglePause);
    rig.device->play(kRate * 5); // to the end, and the end sound played out
    rig.read();
    REQUIRE(rig.driver->update(rig.events).over);
    CHECK(rig.device->quiet());
    rig.sound.tick();
    rig.nowMs += SoundSwitch::kSuspendAfterMs;
    rig.sound.tick();
    CHECK(rig.device->suspended());
}
