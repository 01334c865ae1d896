#include "app/mpris_state.hpp"

#include <algorithm>
#include <cctype>

namespace unknot {

namespace {

std::string titleOf(const Phase& phase) {
    if (phase.side == Side::None) return phase.label.str();
    std::string side(sideName(phase.side));
    side[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(side[0])));
    return side + " \xC2\xB7 " + phase.label.str(); // U+00B7 MIDDLE DOT
}

bool canDo(ui::MediaCommand command, const ui::MediaContext& context) {
    return static_cast<bool>(ui::intentForMedia(command, context));
}

} // namespace

std::int64_t MprisState::positionAt(std::int64_t nowMs) const {
    if (!moving) return positionUs;
    std::int64_t at = positionUs + std::max<std::int64_t>(0, nowMs - atMs) * 1000;
    if (properties.metadata && properties.metadata->lengthUs > 0) at = std::min(at, properties.metadata->lengthUs);
    return at;
}

MprisState mprisState(const MprisInput& in) {
    using ui::MediaCommand;
    MprisState out;
    MprisProperties& p = out.properties;
    const ui::MediaContext& c = in.context;
    const bool going = c.screen == ui::Screen::Player && in.timeline && in.status.phase < in.timeline->size();
    if (going) {
        const Phase& phase = in.timeline->phases[in.status.phase];
        MprisMetadata m;
        m.trackId = std::string(kMprisTrackPrefix) + std::to_string(in.status.phase);
        m.title = titleOf(phase);
        m.artist = in.routineName;
        if (phase.rounds > 1) m.album = "Round " + std::to_string(phase.round) + " of " + std::to_string(phase.rounds);
        m.lengthUs = phase.manual ? 0 : in.status.phaseDurationMs * 1000;
        m.artUrl = in.artUrl;
        p.metadata = std::move(m);
        p.playbackStatus = in.status.state == SessionState::Paused ? "Paused" : "Playing";
        out.positionUs = in.status.phaseElapsedMs * 1000;
        out.atMs = in.nowMs;
        out.moving = in.status.state == SessionState::Running;
    } else if ((c.screen == ui::Screen::Library || c.screen == ui::Screen::Settings) && in.stopped) {
        // Still answers after Stop: what Play would start again, from its first phase.
        MprisMetadata m;
        m.trackId = std::string(kMprisTrackPrefix) + "0";
        m.title = in.stopped->name;
        m.artist = in.stopped->name;
        m.lengthUs = in.stopped->totalMs * 1000;
        m.artUrl = in.artUrl;
        p.metadata = std::move(m);
    }
    // Each "can" is whether the command would do something here, as intentForMedia says.
    p.canPlay = canDo(MediaCommand::PlayPause, c);
    p.canPause = going;
    p.canGoNext = canDo(MediaCommand::Next, c);
    p.canGoPrevious = canDo(MediaCommand::Previous, c);
    p.volume = in.muted ? 0.0 : std::clamp(in.volume, 0, 100) / 100.0;
    return out;
}

bool mprisPositionJumped(const MprisState& shown, const MprisState& now, std::int64_t nowMs) {
    const std::int64_t d = shown.positionAt(nowMs) - now.positionAt(nowMs);
    return d > kMprisPositionJumpUs || d < -kMprisPositionJumpUs;
}

bool mprisChanged(const MprisState& shown, const MprisState& now, std::int64_t nowMs) {
    return shown.properties != now.properties || shown.moving != now.moving || mprisPositionJumped(shown, now, nowMs);
}

std::string fileUrl(const std::filesystem::path& absolutePath) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string url = "file://";
    for (const char ch : absolutePath.string()) {
        const auto b = static_cast<unsigned char>(ch);
        const bool alnum = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9');
        if (alnum || ch == '-' || ch == '.' || ch == '_' || ch == '~' || ch == '/') {
            url += ch;
        } else {
            url += '%';
            url += kHex[b >> 4];
            url += kHex[b & 0xF];
        }
    }
    return url;
}

} // namespace unknot
