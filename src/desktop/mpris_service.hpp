#pragma once
// The MPRIS remote on the session bus (org.mpris.MediaPlayer2.unknot), through sd-bus.
//
// sd-bus is not thread-safe and SDL cannot wait on a file descriptor, so one thread owns the
// bus: it polls the bus's descriptor and an eventfd, and answers calls and property reads
// there. The main thread never calls sd-bus: it hands over a new MprisState (under a mutex,
// then a write to the eventfd) when what the remote shows changed, and method calls come back
// to it through the callbacks, which the window turns into an SDL user event. With no session
// bus the thread says so (once, in the --verbose log) and ends; the app runs on as before.

#include "app/mpris_state.hpp"

#include <functional>
#include <memory>
#include <string>

namespace unknot {

class MprisService {
  public:
    // What the bus thread calls; each runs on the bus thread.
    struct Callbacks {
        std::function<void(ui::MediaCommand)> command; // a Player method: Play, Next, …
        std::function<void(int)> volume;               // the Volume property set, in percent
        std::function<void(const std::string&)> log;   // for --verbose
        std::function<std::int64_t()> clock;           // steady ms, as MprisState::atMs
    };

    // Starts the bus thread; it requests org.mpris.MediaPlayer2.unknot, or, when another
    // Unknot has it, org.mpris.MediaPlayer2.unknot.instance<pid>.
    MprisService(MprisState initial, Callbacks callbacks);
    // Tells the thread to leave, and joins it.
    ~MprisService();
    MprisService(const MprisService&) = delete;
    MprisService& operator=(const MprisService&) = delete;

    // Main thread: what the remote shows now. Cheap; the bus hears of it at once.
    void publish(const MprisState& state);

    struct Impl; // the bus thread's side; public only so its sd-bus callbacks can name it

  private:
    std::unique_ptr<Impl> impl_;
};

} // namespace unknot
