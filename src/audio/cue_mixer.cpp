#include "audio/cue_mixer.hpp"

#include "core/settings.hpp"

#include <algorithm>
#include <cmath>

namespace unknot {

namespace {

// The limiter keeps the sum of overlapping cues under full scale; it lets go over ~50 ms.
constexpr float kLimitLevel = 32000.0f;
constexpr double kLimiterReleaseSeconds = 0.05;

} // namespace

SoundId soundFor(const FiredCue& cue, const Timeline& timeline) {
    switch (cue.type) {
    case CueType::Countdown: return cue.count == 1 ? SoundId::CountdownLast : SoundId::Countdown;
    case CueType::Halfway: return SoundId::Halfway;
    case CueType::End: return SoundId::End;
    case CueType::Phase: break;
    }
    if (cue.phase >= timeline.size()) return SoundId::Prepare;
    switch (timeline.phases[cue.phase].kind) {
    case PhaseKind::Prepare: return SoundId::Prepare;
    case PhaseKind::Tense: return SoundId::Tense;
    case PhaseKind::Release: return SoundId::Release;
    case PhaseKind::Hold: return SoundId::Hold;
    case PhaseKind::Roll: return SoundId::Roll;
    case PhaseKind::Rest: return SoundId::Rest;
    case PhaseKind::Manual: return SoundId::Manual;
    case PhaseKind::Switch: return SoundId::Switch;
    }
    return SoundId::Prepare;
}

static_assert(static_cast<std::size_t>(SoundId::Count) == kCueSoundNames.size(), "one name per sound");

const char* soundName(SoundId id) {
    const auto i = static_cast<std::size_t>(id);
    return i < kCueSoundNames.size() ? kCueSoundNames[i] : "?";
}

CueMixer::CueMixer(Ticks sampleRate) : rate_(sampleRate) {}

CueMixer::~CueMixer() {
    // The audio thread has stopped by now (the device owns that guarantee).
    session_.reset();
    Command c;
    while (commands_.pop(c))
        if (c.type == Command::Type::Start) delete c.session;
    for (const Command& w : waiting_)
        if (w.type == Command::Type::Start) delete w.session;
    reclaim();
}

void CueMixer::setSound(SoundId id, CueSound sound) { sounds_[static_cast<std::size_t>(id)] = sound; }

// ---------------------------------------------------------------------------------------
// UI thread
// ---------------------------------------------------------------------------------------
// A full ring (the audio thread has not run since 64 commands) loses nothing: the command
// waits here, in order, and goes with the next command or update().
void CueMixer::post(const Command& command) {
    flushWaiting();
    if (!waiting_.empty() || !commands_.push(command)) waiting_.push_back(command);
}

void CueMixer::flushWaiting() {
    while (!waiting_.empty() && commands_.push(waiting_.front())) waiting_.pop_front();
}

void CueMixer::reclaim() {
    Session* old = nullptr;
    while (retired_.pop(old)) delete old;
}

void CueMixer::start(const Timeline& timeline, const CueOptions& options) {
    auto session = std::make_unique<Session>(timeline, options, rate_);
    Command c;
    c.type = Command::Type::Start;
    c.session = session.release();
    c.generation = ++startedGeneration_;
    post(c);
}

void CueMixer::apply(SessionCommand command) {
    Command c;
    c.type = Command::Type::Session;
    c.command = command;
    post(c);
}

void CueMixer::setCueOptions(const CueOptions& options) {
    Command c;
    c.type = Command::Type::CueOptions;
    c.options = options;
    post(c);
}

void CueMixer::setVolume(int percent, bool muted) {
    Command c;
    c.type = Command::Type::Volume;
    // Loudness follows the square of the slider, which feels even across its range.
    const float v = static_cast<float>(std::clamp(percent, 0, 100)) / 100.0f;
    c.gain = muted ? 0.0f : v * v;
    post(c);
}

SessionStatus CueMixer::update(std::vector<SessionEvent>& events) {
    reclaim();
    flushWaiting();
    events.insert(events.end(), carried_.begin(), carried_.end());
    carried_.clear();
    TaggedEvent e;
    while (events_.pop(e))
        if (e.generation == startedGeneration_) events.push_back(e.event);
    Snapshot copy;
    {
        std::lock_guard lock(snapshotMutex_); // the audio thread only try-locks it
        copy = snapshot_;
    }
    if (copy.generation != startedGeneration_) return {}; // the new session starts with the next buffer
    return copy.status;
}

SessionHandover CueMixer::handOver() {
    SessionHandover out;
    out.at = framesRendered();
    runCommands(out.at); // what the UI asked for last still happens, queued commands too
    while (!waiting_.empty()) {
        flushWaiting();
        runCommands(out.at);
    }
    update(out.events); // and what happened is carried, not dropped
    if (session_) session_->setListener(nullptr);
    out.session = std::move(session_);
    return out;
}

void CueMixer::adopt(SessionHandover handover) {
    carried_.insert(carried_.end(), handover.events.begin(), handover.events.end());
    if (!handover.session) return;
    session_ = std::move(handover.session);
    session_->setListener(this);
    sessionGeneration_ = ++startedGeneration_;
    frames_.store(handover.at, std::memory_order_release);
    snapshot_ = Snapshot{session_->status(handover.at), sessionGeneration_, handover.at};
}

// ---------------------------------------------------------------------------------------
// Audio thread
// ---------------------------------------------------------------------------------------
void CueMixer::pushEvent(const TaggedEvent& event) {
    if (!events_.push(event)) droppedEvents_.fetch_add(1, std::memory_order_relaxed);
}

void CueMixer::onCue(const FiredCue& cue) {
    pushEvent(TaggedEvent{{SessionEvent::Type::Cue, cue, {}, cue.at}, sessionGeneration_});
    const CueSound* sound = &sounds_[static_cast<std::size_t>(soundFor(cue, session_->timeline()))];
    if (!sound->samples || sound->frames == 0) return;
    // A free voice; a sounding cue is never cut off (16 voices of 400 ms are plenty).
    for (Voice& v : voices_) {
        if (v.sound) continue;
        v = Voice{sound, cue.at, 0};
        return;
    }
}

void CueMixer::runCommands(Ticks at) {
    Command c;
    while (commands_.pop(c)) {
        switch (c.type) {
        case Command::Type::Start:
            // The old session goes back to the UI thread to be freed. Only if that thread
            // stalled through 32 starts is it freed here, the one exception to "never free".
            if (session_ && retired_.push(session_.get())) (void)session_.release();
            session_.reset(c.session);
            sessionGeneration_ = c.generation;
            session_->setListener(this);
            session_->start(at);
            break;
        case Command::Type::Session:
            if (session_) {
                session_->advance(at); // cues due up to now first
                pushEvent(TaggedEvent{applyCommand(*session_, c.command, at), sessionGeneration_});
            }
            break;
        case Command::Type::CueOptions:
            if (session_) session_->setCueOptions(c.options);
            break;
        case Command::Type::Volume: gain_ = c.gain; break;
        }
    }
}

void CueMixer::mixChunk(std::int16_t* out, Ticks chunkStart, std::size_t frames) {
    float* mix = scratch_.data();
    for (std::size_t i = 0; i < frames * kChannels; ++i) mix[i] = static_cast<float>(out[i]);
    const Ticks chunkEnd = chunkStart + static_cast<Ticks>(frames);
    for (Voice& v : voices_) {
        if (!v.sound || v.start >= chunkEnd) continue;
        // A voice whose start frame lies inside this chunk begins exactly there.
        const std::size_t first = v.start > chunkStart ? static_cast<std::size_t>(v.start - chunkStart) : 0;
        const std::size_t count = std::min(frames - first, v.sound->frames - v.position);
        const std::int16_t* src = v.sound->samples + v.position * kChannels;
        float* dst = mix + first * kChannels;
        for (std::size_t i = 0; i < count * kChannels; ++i) dst[i] += gain_ * static_cast<float>(src[i]);
        v.position += count;
        if (v.position >= v.sound->frames) v = Voice{};
    }
    const float release = static_cast<float>(1.0 - std::exp(-1.0 / (kLimiterReleaseSeconds * static_cast<double>(rate_))));
    for (std::size_t f = 0; f < frames; ++f) {
        float peak = 0;
        for (int c = 0; c < kChannels; ++c) peak = std::max(peak, std::fabs(mix[f * kChannels + c]));
        if (peak * limiter_ > kLimitLevel) limiter_ = kLimitLevel / peak;
        for (int c = 0; c < kChannels; ++c)
            out[f * kChannels + c] = static_cast<std::int16_t>(std::lrint(mix[f * kChannels + c] * limiter_));
        limiter_ += (1.0f - limiter_) * release;
    }
}

void CueMixer::render(std::int16_t* interleaved, std::size_t frames) {
    const Ticks start = frames_.load(std::memory_order_relaxed);
    const Ticks end = start + static_cast<Ticks>(frames);
    runCommands(start);
    if (session_) session_->advance(end - 1); // every cue that falls inside this buffer
    for (std::size_t done = 0; done < frames;) {
        const std::size_t n = std::min(kChunkFrames, frames - done);
        mixChunk(interleaved + done * kChannels, start + static_cast<Ticks>(done), n);
        done += n;
    }
    if (session_ && snapshotMutex_.try_lock()) {
        snapshot_ = Snapshot{session_->status(end), sessionGeneration_, end};
        snapshotMutex_.unlock();
    }
    frames_.store(end, std::memory_order_release);
}

} // namespace unknot
