// Index: the bus thread's state; property getters; method handlers; the vtables; the thread's
// loop (connect, serve, hand over states, leave); the main thread's side.
#include "desktop/mpris_service.hpp"

#include <systemd/sd-bus.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <climits>
#include <cmath>
#include <cstring>
#include <ctime>
#include <mutex>
#include <optional>
#include <poll.h>
#include <sys/eventfd.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace unknot {

namespace {

constexpr const char* kObjectPath = "/org/mpris/MediaPlayer2";
constexpr const char* kRootInterface = "org.mpris.MediaPlayer2";
constexpr const char* kPlayerInterface = "org.mpris.MediaPlayer2.Player";
constexpr std::string_view kBusName = "org.mpris.MediaPlayer2.unknot";

std::string errorText(int negativeErrno) { return std::strerror(-negativeErrno); }

} // namespace

struct MprisService::Impl {
    Callbacks calls;
    int eventFd = -1;
    std::thread thread;

    // Shared with the main thread.
    std::mutex mutex;
    std::optional<MprisState> pending;
    bool quit = false;

    // The bus thread's own.
    MprisState current;
    sd_bus* bus = nullptr;

    void run();
    void log(const std::string& line) const { calls.log(line); }
    bool connect();
    void serve();
    void takeOver(const MprisState& next);
};

// ---------------------------------------------------------------------------------------
// Property getters (bus thread, inside sd_bus_process)
// ---------------------------------------------------------------------------------------
namespace {

using Self = MprisService::Impl;
Self& self(void* userdata) { return *static_cast<Self*>(userdata); }

int appendBool(sd_bus_message* reply, bool value) { return sd_bus_message_append(reply, "b", value ? 1 : 0); }

#define UNKNOT_GETTER(name)                                                                                            \
    int name(sd_bus*, const char*, const char*, const char*, sd_bus_message* reply, void* userdata, sd_bus_error*)

UNKNOT_GETTER(getFalse) {
    (void)userdata;
    return appendBool(reply, false);
}
UNKNOT_GETTER(getTrue) {
    (void)userdata;
    return appendBool(reply, true);
}
UNKNOT_GETTER(getIdentity) {
    (void)userdata;
    return sd_bus_message_append(reply, "s", "Unknot");
}
UNKNOT_GETTER(getDesktopEntry) {
    (void)userdata;
    return sd_bus_message_append(reply, "s", "unknot");
}
UNKNOT_GETTER(getEmptyList) {
    (void)userdata;
    return sd_bus_message_append(reply, "as", 0);
}
UNKNOT_GETTER(getRate) {
    (void)userdata;
    return sd_bus_message_append(reply, "d", 1.0);
}
UNKNOT_GETTER(getPlaybackStatus) {
    return sd_bus_message_append(reply, "s", self(userdata).current.properties.playbackStatus.c_str());
}
UNKNOT_GETTER(getVolume) { return sd_bus_message_append(reply, "d", self(userdata).current.properties.volume); }
UNKNOT_GETTER(getPosition) {
    const Self& s = self(userdata);
    return sd_bus_message_append(reply, "x", static_cast<std::int64_t>(s.current.positionAt(s.calls.clock())));
}
UNKNOT_GETTER(getCanPlay) { return appendBool(reply, self(userdata).current.properties.canPlay); }
UNKNOT_GETTER(getCanPause) { return appendBool(reply, self(userdata).current.properties.canPause); }
UNKNOT_GETTER(getCanGoNext) { return appendBool(reply, self(userdata).current.properties.canGoNext); }
UNKNOT_GETTER(getCanGoPrevious) { return appendBool(reply, self(userdata).current.properties.canGoPrevious); }

UNKNOT_GETTER(getMetadata) {
    int r = sd_bus_message_open_container(reply, 'a', "{sv}");
    if (r < 0) return r;
    if (const auto& m = self(userdata).current.properties.metadata) {
        r = sd_bus_message_append(reply, "{sv}", "mpris:trackid", "o", m->trackId.c_str());
        if (r >= 0) r = sd_bus_message_append(reply, "{sv}", "xesam:title", "s", m->title.c_str());
        if (r >= 0) r = sd_bus_message_append(reply, "{sv}", "xesam:artist", "as", 1, m->artist.c_str());
        if (r >= 0 && !m->album.empty()) r = sd_bus_message_append(reply, "{sv}", "xesam:album", "s", m->album.c_str());
        if (r >= 0 && m->lengthUs > 0)
            r = sd_bus_message_append(reply, "{sv}", "mpris:length", "x", static_cast<std::int64_t>(m->lengthUs));
        if (r >= 0 && !m->artUrl.empty())
            r = sd_bus_message_append(reply, "{sv}", "mpris:artUrl", "s", m->artUrl.c_str());
        if (r < 0) return r;
    }
    return sd_bus_message_close_container(reply);
}

#undef UNKNOT_GETTER

// Setting Volume: the specification treats values below 0 as 0; the app's volume stops at 100 %.
int setVolume(sd_bus*, const char*, const char*, const char*, sd_bus_message* value, void* userdata,
              sd_bus_error* error) {
    double v = 0;
    const int r = sd_bus_message_read(value, "d", &v);
    if (r < 0) return r;
    if (std::isnan(v)) return sd_bus_error_set(error, SD_BUS_ERROR_INVALID_ARGS, "Volume is not a number");
    self(userdata).calls.volume(static_cast<int>(std::lround(std::clamp(v, 0.0, 1.0) * 100)));
    return 0;
}

// ---------------------------------------------------------------------------------------
// Method handlers
// ---------------------------------------------------------------------------------------
// Calls that do nothing here (Raise, Quit, Seek, SetPosition, OpenUri): the specification
// says so when CanRaise, CanQuit and CanSeek are false.
int ignore(sd_bus_message* m, void*, sd_bus_error*) { return sd_bus_reply_method_return(m, ""); }

// The main loop decides what a command means where the app is (ui::intentForMedia); one it
// cannot carry out (Next with nothing playing) does nothing, as the specification asks.
template <ui::MediaCommand Command> int command(sd_bus_message* m, void* userdata, sd_bus_error*) {
    self(userdata).calls.command(Command);
    return sd_bus_reply_method_return(m, "");
}

// ---------------------------------------------------------------------------------------
// The vtables
// ---------------------------------------------------------------------------------------
constexpr auto kConst = SD_BUS_VTABLE_PROPERTY_CONST;
constexpr auto kEmits = SD_BUS_VTABLE_PROPERTY_EMITS_CHANGE;
constexpr auto kMethod = SD_BUS_VTABLE_UNPRIVILEGED;

const sd_bus_vtable kRootVtable[] = {
    SD_BUS_VTABLE_START(0),
    SD_BUS_METHOD("Raise", "", "", ignore, kMethod),
    SD_BUS_METHOD("Quit", "", "", ignore, kMethod),
    SD_BUS_PROPERTY("CanQuit", "b", getFalse, 0, kConst),
    SD_BUS_PROPERTY("CanRaise", "b", getFalse, 0, kConst),
    SD_BUS_PROPERTY("HasTrackList", "b", getFalse, 0, kConst),
    SD_BUS_PROPERTY("Identity", "s", getIdentity, 0, kConst),
    SD_BUS_PROPERTY("DesktopEntry", "s", getDesktopEntry, 0, kConst),
    SD_BUS_PROPERTY("SupportedUriSchemes", "as", getEmptyList, 0, kConst),
    SD_BUS_PROPERTY("SupportedMimeTypes", "as", getEmptyList, 0, kConst),
    SD_BUS_VTABLE_END,
};

const sd_bus_vtable kPlayerVtable[] = {
    SD_BUS_VTABLE_START(0),
    SD_BUS_METHOD("Next", "", "", command<ui::MediaCommand::Next>, kMethod),
    SD_BUS_METHOD("Previous", "", "", command<ui::MediaCommand::Previous>, kMethod),
    SD_BUS_METHOD("Pause", "", "", command<ui::MediaCommand::Pause>, kMethod),
    SD_BUS_METHOD("PlayPause", "", "", command<ui::MediaCommand::PlayPause>, kMethod),
    SD_BUS_METHOD("Stop", "", "", command<ui::MediaCommand::Stop>, kMethod),
    SD_BUS_METHOD("Play", "", "", command<ui::MediaCommand::Play>, kMethod),
    SD_BUS_METHOD("Seek", "x", "", ignore, kMethod),
    SD_BUS_METHOD("SetPosition", "ox", "", ignore, kMethod),
    SD_BUS_METHOD("OpenUri", "s", "", ignore, kMethod),
    SD_BUS_SIGNAL("Seeked", "x", 0),
    SD_BUS_PROPERTY("PlaybackStatus", "s", getPlaybackStatus, 0, kEmits),
    SD_BUS_PROPERTY("Rate", "d", getRate, 0, kConst),
    SD_BUS_PROPERTY("MinimumRate", "d", getRate, 0, kConst),
    SD_BUS_PROPERTY("MaximumRate", "d", getRate, 0, kConst),
    SD_BUS_PROPERTY("Metadata", "a{sv}", getMetadata, 0, kEmits),
    SD_BUS_WRITABLE_PROPERTY("Volume", "d", getVolume, setVolume, 0, kEmits | kMethod),
    SD_BUS_PROPERTY("Position", "x", getPosition, 0, 0), // read when asked, never signalled
    SD_BUS_PROPERTY("CanGoNext", "b", getCanGoNext, 0, kEmits),
    SD_BUS_PROPERTY("CanGoPrevious", "b", getCanGoPrevious, 0, kEmits),
    SD_BUS_PROPERTY("CanPlay", "b", getCanPlay, 0, kEmits),
    SD_BUS_PROPERTY("CanPause", "b", getCanPause, 0, kEmits),
    SD_BUS_PROPERTY("CanSeek", "b", getFalse, 0, kConst),
    SD_BUS_PROPERTY("CanControl", "b", getTrue, 0, kConst),
    SD_BUS_VTABLE_END,
};

// Milliseconds until sd-bus's own deadline (an absolute CLOCK_MONOTONIC time), -1 for none.
int pollTimeoutMs(sd_bus* bus) {
    std::uint64_t until = 0;
    if (sd_bus_get_timeout(bus, &until) < 0 || until == UINT64_MAX) return -1;
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    const auto now =
        static_cast<std::uint64_t>(ts.tv_sec) * 1'000'000u + static_cast<std::uint64_t>(ts.tv_nsec) / 1000u;
    if (until <= now) return 0;
    return static_cast<int>(std::min<std::uint64_t>((until - now + 999) / 1000, INT_MAX));
}

} // namespace

// ---------------------------------------------------------------------------------------
// The bus thread
// ---------------------------------------------------------------------------------------
bool MprisService::Impl::connect() {
    int r = sd_bus_open_user(&bus);
    if (r < 0) {
        log("remote control off: no session bus (" + errorText(r) + ")");
        return false;
    }
    r = sd_bus_add_object_vtable(bus, nullptr, kObjectPath, kRootInterface, kRootVtable, this);
    if (r >= 0) r = sd_bus_add_object_vtable(bus, nullptr, kObjectPath, kPlayerInterface, kPlayerVtable, this);
    if (r < 0) {
        log("remote control off: cannot serve MPRIS (" + errorText(r) + ")");
        return false;
    }
    std::string name(kBusName);
    r = sd_bus_request_name(bus, name.c_str(), 0);
    if (r == -EEXIST) { // another Unknot: the specification's name for a second instance
        name += ".instance" + std::to_string(getpid());
        r = sd_bus_request_name(bus, name.c_str(), 0);
    }
    if (r < 0) {
        log("remote control off: cannot own " + name + " (" + errorText(r) + ")");
        return false;
    }
    log("remote control on: name=" + name);
    return true;
}

void MprisService::Impl::takeOver(const MprisState& next) {
    const MprisProperties& a = current.properties;
    const MprisProperties& b = next.properties;
    std::vector<const char*> changed;
    if (a.playbackStatus != b.playbackStatus) changed.push_back("PlaybackStatus");
    if (a.metadata != b.metadata) changed.push_back("Metadata");
    if (a.volume != b.volume) changed.push_back("Volume");
    if (a.canPlay != b.canPlay) changed.push_back("CanPlay");
    if (a.canPause != b.canPause) changed.push_back("CanPause");
    if (a.canGoNext != b.canGoNext) changed.push_back("CanGoNext");
    if (a.canGoPrevious != b.canGoPrevious) changed.push_back("CanGoPrevious");
    const std::int64_t now = calls.clock();
    // Back within the same phase: the same track, but the position jumped.
    const bool seeked = a.metadata == b.metadata && b.metadata && mprisPositionJumped(current, next, now);
    current = next;
    if (!bus) return;
    if (!changed.empty()) {
        changed.push_back(nullptr);
        const int r =
            sd_bus_emit_properties_changed_strv(bus, kObjectPath, kPlayerInterface, const_cast<char**>(changed.data()));
        if (r < 0) log("mpris cannot signal a change (" + errorText(r) + ")");
    }
    if (seeked)
        sd_bus_emit_signal(bus, kObjectPath, kPlayerInterface, "Seeked", "x",
                           static_cast<std::int64_t>(current.positionAt(now)));
}

void MprisService::Impl::serve() {
    for (;;) {
        int r = 0;
        while (bus && (r = sd_bus_process(bus, nullptr)) > 0) {
        }
        if (bus && r < 0) {
            log("remote control off: the session bus went away (" + errorText(r) + ")");
            bus = sd_bus_flush_close_unref(bus);
        }
        std::array<pollfd, 2> fds{};
        fds[0] = {eventFd, POLLIN, 0};
        fds[1] = {bus ? sd_bus_get_fd(bus) : -1, static_cast<short>(bus ? sd_bus_get_events(bus) : 0), 0};
        if (poll(fds.data(), fds.size(), bus ? pollTimeoutMs(bus) : -1) < 0 && errno != EINTR) {
            log("remote control off: poll failed (" + errorText(-errno) + ")");
            return;
        }
        if (!(fds[0].revents & POLLIN)) continue;
        std::uint64_t count = 0;
        if (read(eventFd, &count, sizeof count) < 0 && errno != EAGAIN) return;
        std::optional<MprisState> next;
        {
            const std::lock_guard lock(mutex);
            if (quit) return;
            next.swap(pending);
        }
        if (next) takeOver(*next);
    }
}

void MprisService::Impl::run() {
    if (connect()) {
        serve();
    } else {
        // Without a bus, wait for the quit all the same, so the main thread's side stays simple.
        bus = sd_bus_flush_close_unref(bus);
        serve();
    }
    bus = sd_bus_flush_close_unref(bus);
}

// ---------------------------------------------------------------------------------------
// The main thread's side
// ---------------------------------------------------------------------------------------
MprisService::MprisService(MprisState initial, Callbacks callbacks) : impl_(std::make_unique<Impl>()) {
    impl_->calls = std::move(callbacks);
    impl_->current = std::move(initial);
    impl_->eventFd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (impl_->eventFd < 0) {
        impl_->calls.log("remote control off: no eventfd (" + errorText(-errno) + ")");
        return;
    }
    impl_->thread = std::thread([impl = impl_.get()] { impl->run(); });
}

MprisService::~MprisService() {
    if (impl_->thread.joinable()) {
        {
            const std::lock_guard lock(impl_->mutex);
            impl_->quit = true;
        }
        const std::uint64_t one = 1;
        [[maybe_unused]] const auto written = write(impl_->eventFd, &one, sizeof one);
        impl_->thread.join();
    }
    if (impl_->eventFd >= 0) close(impl_->eventFd);
}

void MprisService::publish(const MprisState& state) {
    if (!impl_->thread.joinable()) return;
    {
        const std::lock_guard lock(impl_->mutex);
        impl_->pending = state;
    }
    const std::uint64_t one = 1;
    [[maybe_unused]] const auto written = write(impl_->eventFd, &one, sizeof one);
}

} // namespace unknot
