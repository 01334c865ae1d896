#pragma once
// Which driver plays the session: the sound device while there is one, the steady clock while
// there is not. The session moves between them with a SessionHandover when the device goes
// away, comes back, or is opened again with other sounds, and plays on from the tick it had
// reached. SDL-free: the window passes a function that opens the real device, tests a fake.

#include "core/reporter.hpp"
#include "play/session_driver.hpp"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <variant>

namespace unknot {

class SoundSwitch {
  public:
    // Opens a device that adopts `resume` (or leaves it there when it cannot); an error message
    // when there is none.
    using Opener =
        std::function<std::variant<std::unique_ptr<SoundDeviceDriver>, std::string>(SessionHandover& resume)>;
    // Called with the driver to play on from now.
    using DriverChanged = std::function<void(SessionDriver*)>;

    // `rate`: the device's ticks per second; the steady clock (`steadyMs`, the desktop's real
    // one) counts in the same ticks.
    SoundSwitch(Reporter& reporter, Opener open, DriverChanged changed, Ticks rate, std::function<Ticks()> steadyMs);

    void open();          // at start-up
    void deviceRemoved(); // the device went away: visual cues only
    void deviceAdded();   // a device came (back): sound from the frame reached
    void reopen();        // other sound files: reopen, the routine plays on
    // At each wake of the window: a device quiet for kSuspendAfterMs is suspended (it comes
    // back by itself when something is to sound).
    void tick();
    // Long enough that a user browsing the library between two routines, or reading the
    // finished screen, keeps the device; short enough that a window left open costs nothing.
    static constexpr Millis kSuspendAfterMs = 5000;

    [[nodiscard]] bool hasSound() const { return device_ != nullptr; }
    [[nodiscard]] SessionDriver* driver() const { return driver_.get(); }

  private:
    Reporter& reporter_;
    Opener open_;
    DriverChanged changed_;
    Ticks rate_;
    std::function<Ticks()> steadyMs_;
    std::unique_ptr<SessionDriver> driver_;
    SoundDeviceDriver* device_ = nullptr; // driver_ when it is the device
    SteadyClockDriver* steady_ = nullptr; // driver_ when it is the steady clock
    std::optional<Ticks> quietSince_;     // steady ms the device was first seen quiet

    void openWith(SessionHandover resume);
    void playWithoutSound(SessionHandover resume);
    void use(std::unique_ptr<SessionDriver> driver);
    [[nodiscard]] SessionHandover takeSession();
};

} // namespace unknot
