#pragma once
// What the MPRIS remote shows of the app (org.mpris.MediaPlayer2.Player's properties), built
// from the player's state as plain values: no D-Bus here, so unit tests check every rule. The
// bus thread (desktop/mpris_service.hpp) only copies these onto the bus.

#include "play/session.hpp"
#include "screens/intent.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace unknot {

// The object paths of phases ("tracks") live under the app's own prefix, as the
// specification asks (/org/mpris is reserved).
inline constexpr std::string_view kMprisTrackPrefix = "/org/unknot/Unknot/phase/";

struct MprisMetadata {
    std::string trackId;       // mpris:trackid (type o): kMprisTrackPrefix + phase index
    std::string title;         // xesam:title: "Left · Sink into the ball"
    std::string artist;        // xesam:artist (one name): the routine's
    std::string album;         // xesam:album: "Round 2 of 5"; empty with one round
    std::int64_t lengthUs = 0; // mpris:length: the phase's length; 0 (left out) for manual phases
    std::string artUrl;        // mpris:artUrl: the icon as a file:// URL; empty: left out
    friend bool operator==(const MprisMetadata&, const MprisMetadata&) = default;
};

// Everything but the position: when any of it changes, the bus says PropertiesChanged.
struct MprisProperties {
    std::string playbackStatus = "Stopped"; // "Playing", "Paused" or "Stopped"
    // None: no routine going and none stopped to start again (an empty Metadata). After a Stop,
    // the routine stopped (its name as title and artist, its first phase's track), "Stopped".
    std::optional<MprisMetadata> metadata;
    bool canPlay = false;
    bool canPause = false;
    bool canGoNext = false;
    bool canGoPrevious = false;
    double volume = 1.0; // 0..1, 0 when muted
    friend bool operator==(const MprisProperties&, const MprisProperties&) = default;
    // CanControl is always true and CanSeek always false (the specification says CanControl
    // never changes); the bus thread states them itself.
};

struct MprisState {
    MprisProperties properties;
    // Position within the phase, in µs, as of `atMs` on the steady clock; it moves on from there
    // while `moving` (the bus thread works out the position when asked, so the main thread need
    // not hand over a new state every frame).
    std::int64_t positionUs = 0;
    std::int64_t atMs = 0;
    bool moving = false;

    // The position at `nowMs`, never past the phase's end.
    [[nodiscard]] std::int64_t positionAt(std::int64_t nowMs) const;
};

// A routine left for the library (Stop), which the remote's Play starts again.
struct MprisStoppedRoutine {
    std::string name;
    Millis totalMs = 0;
};

// The player's state as the remote needs it.
struct MprisInput {
    ui::MediaContext context;
    const Timeline* timeline = nullptr; // the routine going, if any
    std::string routineName;
    std::optional<MprisStoppedRoutine> stopped; // in the library: what Play starts again
    SessionStatus status;
    int volume = 100; // 0..100
    bool muted = false;
    std::string artUrl;
    std::int64_t nowMs = 0; // steady clock
};

[[nodiscard]] MprisState mprisState(const MprisInput& input);

// A position further than this from where the last state said it would be is a jump (Back,
// Restart): the remote hears of it (a new state, the Seeked signal). Less is clock drift.
inline constexpr std::int64_t kMprisPositionJumpUs = 500'000;
// Whether `now` differs from `shown` in what the remote must be told: a property, or a jump.
[[nodiscard]] bool mprisChanged(const MprisState& shown, const MprisState& now, std::int64_t nowMs);
[[nodiscard]] bool mprisPositionJumped(const MprisState& shown, const MprisState& now, std::int64_t nowMs);

// "file://" and the path, percent-encoded (RFC 3986: all but unreserved characters and '/').
[[nodiscard]] std::string fileUrl(const std::filesystem::path& absolutePath);

} // namespace unknot
