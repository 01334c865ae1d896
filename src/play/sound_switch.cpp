#include "play/sound_switch.hpp"

#include "core/i18n.hpp"

namespace unknot {

namespace {
// No sound device could be opened: the routine plays on with visual cues.
std::string noDeviceHint() {
    return _("Connect headphones or a speaker: the sound comes back by itself. Or choose another Output in Settings "
             "(S) (`output_device` in settings.toml)");
}
} // namespace

SoundSwitch::SoundSwitch(Reporter& reporter, Opener open, DriverChanged changed, Ticks rate,
                         std::function<Ticks()> steadyMs)
    : reporter_(reporter), open_(std::move(open)), changed_(std::move(changed)), rate_(rate),
      steadyMs_(std::move(steadyMs)) {}

void SoundSwitch::open() { openWith({}); }

void SoundSwitch::openWith(SessionHandover resume) {
    auto opened = open_(resume);
    if (auto* error = std::get_if<std::string>(&opened)) {
        // TRANSLATORS: {0} why no sound device could be opened (SDL's words, in English).
        reporter_.notice(Notice{format(_("{0}: visual cues only"), {*error}), {}, noDeviceHint()});
        playWithoutSound(std::move(resume));
        return;
    }
    auto device = std::move(std::get<std::unique_ptr<SoundDeviceDriver>>(opened));
    SoundDeviceDriver* raw = device.get();
    use(std::move(device));
    device_ = raw;
    if (resume.session) playWithoutSound(std::move(resume)); // a rate it could not take: stays silent
}

void SoundSwitch::playWithoutSound(SessionHandover resume) {
    auto steady =
        std::make_unique<SteadyClockDriver>([clock = steadyMs_, rate = rate_] { return clock() * rate / 1000; }, rate_);
    steady->adopt(std::move(resume));
    SteadyClockDriver* raw = steady.get();
    use(std::move(steady));
    steady_ = raw;
}

void SoundSwitch::use(std::unique_ptr<SessionDriver> driver) {
    changed_(driver.get());
    driver_ = std::move(driver);
    device_ = nullptr;
    steady_ = nullptr;
    quietSince_.reset();
}

void SoundSwitch::tick() {
    if (!device_ || device_->suspended() || !device_->quiet()) {
        quietSince_.reset();
        return;
    }
    const Ticks now = steadyMs_();
    if (!quietSince_) quietSince_ = now;
    if (now - *quietSince_ < kSuspendAfterMs) return;
    device_->suspend();
    quietSince_.reset();
    reporter_.log("audio device suspended: nothing to play");
}

SessionHandover SoundSwitch::takeSession() {
    if (device_) return device_->close();
    if (steady_) return steady_->handOver();
    return {};
}

// Unplugged headphones, a Bluetooth speaker out of range: the routine goes on where it was,
// on the steady clock, with visual cues.
void SoundSwitch::deviceRemoved() {
    if (!device_) return;
    SessionHandover handover = device_->close();
    const Ticks frame = handover.at;
    playWithoutSound(std::move(handover));
    reporter_.notice(Notice{_("The sound device went away: visual cues only"),
                            {},
                            _("Plug it in again or switch it on: the sound comes back by itself, where the routine is. "
                              "Or choose another Output in Settings (S) (`output_device` in settings.toml)")});
    reporter_.logf("audio device removed at frame %lld", static_cast<long long>(frame));
}

void SoundSwitch::deviceAdded() {
    if (device_) return; // SDL announces the devices present at start-up too
    SessionHandover handover = takeSession();
    const Ticks frame = handover.at;
    openWith(std::move(handover));
    if (!device_) return;
    reporter_.notice(Notice{_("Sound is back"), {}, _("Nothing to do: the cues sound again from here")});
    reporter_.logf("audio device added at frame %lld", static_cast<long long>(frame));
}

void SoundSwitch::reopen() {
    if (!device_) return;
    SessionHandover handover = device_->close();
    use(nullptr); // the old device goes before the new one opens
    openWith(std::move(handover));
}

} // namespace unknot
