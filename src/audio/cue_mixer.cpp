#include "audio/cue_mixer.hpp"

#include "audio/phrase_book.hpp"
#include "store/settings.hpp"

#include <algorithm>
#include <cmath>

namespace unknot {

namespace {

// The limiter keeps the sum of overlapping cues (a manual step's continue over its phase sound,
// a loud voice over a tick) 1.5 dB under full scale, so that the true peak between samples stays
// under -1 dBTP; it lets go over ~50 ms.
constexpr float kLimitLevel = 27546.0f; // -1.5 dBFS
constexpr double kLimiterReleaseSeconds = 0.05;
constexpr float kLimiterUnity = 0.9999f; // -0.0009 dB: the release is over
// A pause or a cut fades what sounds over 10 ms: no click, and silent well within 20 ms.
constexpr double kFadeSeconds = 0.01;
// A volume change ramps over 15 ms instead of jumping (a jump clicks).
constexpr double kRampSeconds = 0.015;
// Under a cue sound the voice drops to this gain, following over about 5 ms.
constexpr float kDuckGain = 0.4f;
constexpr double kDuckSeconds = 0.005;

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
void CueMixer::setFeedbackSound(FeedbackId id, CueSound sound) { feedback_[static_cast<std::size_t>(id)] = sound; }

static_assert(static_cast<std::size_t>(FeedbackId::Count) == kFeedbackSoundNames.size(), "one name per feedback");

// ---------------------------------------------------------------------------------------
// UI thread
// ---------------------------------------------------------------------------------------
// A full ring (the audio thread has not run since 64 commands) loses nothing: the command
// waits here, in order, and goes with the next command or update().
void CueMixer::post(const Command& command) {
    ++posted_;
    flushWaiting();
    if (!waiting_.empty() || !commands_.push(command)) waiting_.push_back(command);
}

void CueMixer::flushWaiting() {
    while (!waiting_.empty() && commands_.push(waiting_.front())) waiting_.pop_front();
}

bool CueMixer::quiet() const {
    // taken_ is stored after busy_: a buffer that took every command has told whether it sounds.
    return waiting_.empty() && taken_.load(std::memory_order_acquire) == posted_ &&
           !busy_.load(std::memory_order_acquire);
}

void CueMixer::deviceReopened() {
    if (!session_) frames_.store(0, std::memory_order_release);
}

void CueMixer::reclaim() {
    Session* old = nullptr;
    while (retired_.pop(old)) delete old;
}

void CueMixer::start(std::shared_ptr<const Timeline> timeline, const CueOptions& options,
                     std::shared_ptr<const PhraseBook> book) {
    // The voice follows the phase cues: the session fires them even when their sound is off.
    CueOptions sessionOptions = options;
    if (book) sessionOptions.phase = true;
    auto session = std::make_unique<Session>(std::move(timeline), sessionOptions, rate_);
    Command c;
    c.type = Command::Type::Start;
    c.session = session.release();
    c.generation = ++startedGeneration_;
    c.options = options;
    c.book = book.get();
    if (book) books_.push_back(KeptBook{c.generation, std::move(book), kNever});
    post(c);
}

void CueMixer::announce(std::shared_ptr<const Announcement> sentence) {
    if (!sentence) return;
    Command c;
    c.type = Command::Type::Announce;
    c.sentence = sentence.get();
    c.generation = ++sentenceSerial_;
    sentences_.push_back(KeptSentence{c.generation, std::move(sentence), kNever});
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

void CueMixer::setVoiceVolume(int percent) {
    // 100 % says every phrase as loud as the cues (each is made to their loudness); above it
    // louder, up to +6 dB at 141 % and +12 dB at 200 %, the limiter keeping the peaks.
    const float v = static_cast<float>(std::clamp(percent, 0, kMaxVoiceVolume)) / 100.0f;
    voiceGain_ = v * v;
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
    for (KeptBook& k : books_)
        if (k.generation < copy.generation && k.supersededAt == kNever) k.supersededAt = copy.frame;
    const Ticks keep = rate_ / 10; // far longer than a fade
    std::erase_if(books_,
                  [&](const KeptBook& k) { return k.supersededAt != kNever && copy.frame > k.supersededAt + keep; });
    for (KeptSentence& k : sentences_)
        if (k.serial < copy.announced && k.supersededAt == kNever) k.supersededAt = copy.frame;
    std::erase_if(sentences_, [&](const KeptSentence& k) {
        return k.supersededAt != kNever && copy.frame > k.supersededAt + keep;
    });
    if (copy.generation != startedGeneration_) return {}; // the new session starts with the next buffer
    return copy.status;
}

SessionHandover CueMixer::handOver() {
    SessionHandover out;
    out.at = framesRendered();
    runCommands(out.at);
    if (waitingForBook_) session_->start(out.at); // handed over without its phrases
    waitingForBook_ = false;                      // what the UI asked for last still happens, queued commands too
    while (!waiting_.empty()) {
        flushWaiting();
        runCommands(out.at);
    }
    update(out.events); // and what happened is carried, not dropped
    if (session_) session_->setListener(nullptr);
    out.session = std::move(session_);
    // The phrases stay with this mixer's books: the next device speaks with a book of its own.
    book_ = nullptr;
    speech_ = Voice{};
    pendingPhrase_ = -1;
    sentence_ = nullptr;
    reminderAt_ = kNever;
    return out;
}

void CueMixer::adopt(SessionHandover handover, std::shared_ptr<const PhraseBook> book) {
    carried_.insert(carried_.end(), handover.events.begin(), handover.events.end());
    if (!handover.session) return;
    session_ = std::move(handover.session);
    session_->setListener(this);
    sessionGeneration_ = ++startedGeneration_;
    frames_.store(handover.at, std::memory_order_release);
    snapshot_ = Snapshot{session_->status(handover.at), sessionGeneration_, announced_, handover.at};
    book_ = book.get();
    if (book) books_.push_back(KeptBook{sessionGeneration_, std::move(book), kNever});
    // A manual step that waits is still reminded of.
    if (book_ && session_->state() == SessionState::WaitingManual) {
        const std::size_t phase = session_->status(handover.at).phase;
        if (book_->reminderFor(phase) >= 0) {
            reminderPhase_ = phase;
            reminderAt_ = handover.at + session_->toTicks(kReminderEveryMs);
        }
    }
}

// ---------------------------------------------------------------------------------------
// Audio thread
// ---------------------------------------------------------------------------------------
void CueMixer::pushEvent(const TaggedEvent& event) {
    if (!events_.push(event)) droppedEvents_.fetch_add(1, std::memory_order_relaxed);
}

void CueMixer::onCue(const FiredCue& cue) {
    bool heard = cue.type != CueType::Phase || phaseSound_;
    if (heard) pushEvent(TaggedEvent{{SessionEvent::Type::Cue, cue, {}, cue.at}, sessionGeneration_});
    if (cue.type == CueType::Phase) {
        // A new phase: what is said of the last one stops.
        reminderAt_ = kNever;
        stopSpeech(cue.at);
        pendingPhrase_ = -1;
    }
    const CueSound* sound = &sounds_[static_cast<std::size_t>(soundFor(cue, session_->timeline()))];
    // A tick inside a phrase gives way to it, as the plan says (tickGivesWay): the words count more.
    if (cue.type == CueType::Countdown && speech_.sound) {
        const Ticks tick = session_->toTicks(kTickSoundMs);
        if (cue.at < speech_.start + static_cast<Ticks>(speech_.sound->frames) && cue.at + tick > speech_.start)
            heard = false;
    }
    if (heard && sound->samples && sound->frames > 0) {
        // A free voice; a sounding cue is never cut off (16 voices of 400 ms are plenty).
        for (Voice& v : voices_) {
            if (v.sound) continue;
            v = Voice{sound, cue.at, 0};
            break;
        }
    }
    if (!book_) return;
    if (cue.type == CueType::End) {
        // "Done." and the time actually spent (pauses excluded, +15 s and skips counted), as
        // the worker has it ready by now; else "Done." alone.
        const int i = book_->phraseFor(cue.type, cue.phase);
        const CueSound* done = i >= 0 ? book_->endSound(session_->status(cue.at).activeMs) : nullptr;
        if (done)
            speech_ = Voice{done, cue.at + session_->toTicks(book_->slot(static_cast<std::size_t>(i)).cueOffsetMs), 0};
        return;
    }
    sayPhrase(book_->phraseFor(cue.type, cue.phase), cue.at);
    if (cue.type == CueType::Phase && book_->reminderFor(cue.phase) >= 0) {
        reminderPhase_ = cue.phase;
        reminderAt_ = cue.at + session_->toTicks(kReminderEveryMs);
    }
}

bool CueMixer::bookLetsStart() const { return waitForEveryPhrase_ ? book_->finished() : book_->startable(); }

// What is being said fades out from `at`, in a cue voice of its own; one not begun is not said.
void CueMixer::stopSpeech(Ticks at) {
    if (speech_.sound && speech_.start < at) {
        speech_.fadeAt = std::min(speech_.fadeAt, at);
        for (Voice& v : voices_)
            if (!v.sound) {
                v = speech_;
                break;
            }
    }
    speech_ = Voice{};
}

// Phrase `index` after its cue at `cueAt`: now if the worker has published it, else as soon as it
// does, provided that is before its frame.
void CueMixer::sayPhrase(int index, Ticks cueAt) {
    if (index < 0) return;
    const auto i = static_cast<std::size_t>(index);
    const Ticks at = cueAt + session_->toTicks(book_->slot(i).cueOffsetMs);
    if (const CueSound* said = book_->sound(i)) {
        speech_ = Voice{said, at, 0};
        pendingPhrase_ = -1;
    } else if (!book_->finished()) {
        speech_ = Voice{};
        pendingPhrase_ = index;
        pendingAt_ = at;
    }
}

void CueMixer::sayPending(Ticks start) {
    if (pendingPhrase_ < 0) return;
    if (!book_ || pendingAt_ < start) { // its frame has gone by: not said rather than late
        pendingPhrase_ = -1;
        return;
    }
    if (const CueSound* said = book_->sound(static_cast<std::size_t>(pendingPhrase_))) {
        speech_ = Voice{said, pendingAt_, 0};
        pendingPhrase_ = -1;
    }
}

// A sentence outside the routine waits until nothing sounds: no cue, no phrase, none due.
void CueMixer::sayAnnouncement(Ticks start) {
    if (!sentence_ || !sentence_->ready.load(std::memory_order_acquire)) return;
    if (speech_.sound || pendingPhrase_ >= 0 ||
        std::any_of(voices_.begin(), voices_.end(), [](const Voice& v) { return v.sound != nullptr; }))
        return;
    if (sentence_->spoken.sound.frames > 0) {
        speech_ = Voice{&sentence_->spoken.sound, start, 0};
        saying_ = speech_.sound;
    }
    sentence_ = nullptr;
}

void CueMixer::fadeAll(Ticks at) {
    reminderAt_ = kNever;
    pendingPhrase_ = -1;
    const auto fade = [&](Voice& v) {
        if (!v.sound) return;
        if (v.start >= at)
            v = Voice{}; // not begun: never heard
        else
            v.fadeAt = std::min(v.fadeAt, at);
    };
    for (Voice& v : voices_) fade(v);
    fade(speech_);
}

// The key heard from the floor: a short sound at once for what the command did.
void CueMixer::confirm(SessionCommand command, SessionState before, SessionState after, Ticks at) {
    if (!feedbackSound_) return;
    FeedbackId id = FeedbackId::Count;
    switch (command) {
    case SessionCommand::TogglePause:
        if (after == SessionState::Paused)
            id = FeedbackId::Pause;
        else if (before == SessionState::WaitingManual)
            id = FeedbackId::Continue;
        else if (before == SessionState::Paused)
            id = FeedbackId::Resume;
        break;
    case SessionCommand::Skip: id = FeedbackId::Skip; break;
    case SessionCommand::Back: id = FeedbackId::Back; break;
    case SessionCommand::Extend: id = FeedbackId::Extend; break;
    case SessionCommand::Restart:
    case SessionCommand::Stop: break;
    }
    if (id == FeedbackId::Count) return;
    const CueSound* sound = &feedback_[static_cast<std::size_t>(id)];
    if (!sound->samples || sound->frames == 0) return;
    for (Voice& v : voices_)
        if (!v.sound) {
            v = Voice{sound, at, 0};
            return;
        }
}

// A manual phase that waits is reminded of every kReminderEveryMs of waiting (pauses excluded).
void CueMixer::scheduleReminder(Ticks end) {
    if (reminderAt_ == kNever || !book_ || !session_) return;
    const SessionState state = session_->state();
    const Ticks every = session_->toTicks(kReminderEveryMs);
    if (state == SessionState::Paused) {
        reminderAt_ = std::max(reminderAt_, end + every);
        return;
    }
    const int index = book_->reminderFor(reminderPhase_);
    if (state != SessionState::WaitingManual || index < 0) {
        reminderAt_ = kNever;
        return;
    }
    if (reminderAt_ >= end) return;
    const CueSound* said = book_->sound(static_cast<std::size_t>(index));
    if (!speech_.sound && pendingPhrase_ < 0 && said) speech_ = Voice{said, reminderAt_, 0};
    reminderAt_ += every;
}

void CueMixer::runCommands(Ticks at) {
    Command c;
    while (commands_.pop(c)) {
        ++takenCount_;
        switch (c.type) {
        case Command::Type::Start:
            // The old session goes back to the UI thread to be freed. Only if that thread
            // stalled through 32 starts is it freed here, the one exception to "never free".
            if (session_ && retired_.push(session_.get())) (void)session_.release();
            session_.reset(c.session);
            sessionGeneration_ = c.generation;
            // The last session's phrase fades: its book is freed soon after.
            fadeAll(at);
            book_ = c.book;
            phaseSound_ = c.options.phase;
            feedbackSound_ = c.options.feedback;
            session_->setListener(this);
            // The session starts once its first phrase is spoken (bench/voice_synthesis.py
            // measures the wait); the others follow while it plays.
            waitingForBook_ = book_ && !bookLetsStart();
            if (!waitingForBook_) session_->start(at);
            break;
        case Command::Type::Session:
            if (session_) {
                session_->advance(at); // cues due up to now first
                const SessionState before = session_->state();
                pushEvent(TaggedEvent{applyCommand(*session_, c.command, at), sessionGeneration_});
                // A pause or a stop silences what sounds, fading it, at once.
                if (session_->state() == SessionState::Paused || session_->state() == SessionState::Stopped)
                    fadeAll(at);
                confirm(c.command, before, session_->state(), at);
            }
            break;
        case Command::Type::CueOptions:
            phaseSound_ = c.options.phase;
            feedbackSound_ = c.options.feedback;
            if (session_) {
                CueOptions o = c.options;
                if (book_) o.phase = true;
                session_->setCueOptions(o);
            }
            break;
        case Command::Type::Announce:
            // A newer sentence replaces one not begun, and stops one being said.
            if (speech_.sound && speech_.sound == saying_) stopSpeech(at);
            saying_ = nullptr;
            sentence_ = c.sentence;
            announced_ = c.generation;
            break;
        case Command::Type::Volume:
            gain_ = c.gain;
            gainStep_ = (gain_ - gainNow_) / static_cast<float>(kRampSeconds * static_cast<double>(rate_));
            // With nothing sounding there is nothing to click: the new gain holds at once.
            if (!speech_.sound &&
                std::none_of(voices_.begin(), voices_.end(), [](const Voice& v) { return v.sound; })) {
                gainNow_ = gain_;
                gainStep_ = 0.0f;
            }
            break;
        }
    }
}

void CueMixer::mixChunk(std::int16_t* out, Ticks chunkStart, std::size_t frames) {
    const auto fadeFrames = static_cast<Ticks>(kFadeSeconds * static_cast<double>(rate_));
    // The gain of a voice at frame `at`: 1 until its fade begins, then down to 0.
    const auto fadeGain = [&](const Voice& v, Ticks at) {
        if (at < v.fadeAt) return 1.0f;
        return std::max(0.0f, 1.0f - static_cast<float>(at - v.fadeAt) / static_cast<float>(fadeFrames));
    };
    // One voice into `mix` (stereo frames of this chunk); marks where it sounds; false when done.
    const auto play = [&](Voice& v, float* mix, bool mark) {
        if (!v.sound || v.start >= chunkStart + static_cast<Ticks>(frames)) return;
        // A voice whose start frame lies inside this chunk begins exactly there.
        const std::size_t first = v.start > chunkStart ? static_cast<std::size_t>(v.start - chunkStart) : 0;
        const std::size_t count = std::min(frames - first, v.sound->frames - v.position);
        const std::int16_t* src = v.sound->samples + v.position * kChannels;
        bool silent = false;
        for (std::size_t j = 0; j < count && !silent; ++j) {
            const Ticks at = chunkStart + static_cast<Ticks>(first + j);
            const float g = fadeGain(v, at);
            silent = g <= 0.0f;
            for (int c = 0; c < kChannels; ++c)
                mix[(first + j) * kChannels + c] += g * static_cast<float>(src[j * kChannels + c]);
            if (mark) cueSounding_[first + j] = 1;
        }
        v.position += count;
        if (silent || v.position >= v.sound->frames) v = Voice{};
    };
    float* base = scratch_.data();
    float* cues = cueMix_.data();
    for (std::size_t i = 0; i < frames * kChannels; ++i) {
        base[i] = static_cast<float>(out[i]);
        cues[i] = 0.0f;
    }
    std::fill_n(cueSounding_.begin(), frames, std::uint8_t{0});
    for (Voice& v : voices_) play(v, cues, true);
    const float release =
        static_cast<float>(1.0 - std::exp(-1.0 / (kLimiterReleaseSeconds * static_cast<double>(rate_))));
    const float duckRate = static_cast<float>(1.0 - std::exp(-1.0 / (kDuckSeconds * static_cast<double>(rate_))));
    for (std::size_t f = 0; f < frames; ++f) {
        if (gainStep_ != 0.0f) {
            gainNow_ += gainStep_;
            if ((gainStep_ > 0 && gainNow_ >= gain_) || (gainStep_ < 0 && gainNow_ <= gain_)) {
                gainNow_ = gain_;
                gainStep_ = 0.0f;
            }
        }
        duck_ += ((cueSounding_[f] ? kDuckGain : 1.0f) - duck_) * duckRate;
        const Ticks at = chunkStart + static_cast<Ticks>(f);
        float said[kChannels] = {};
        if (speech_.sound && at >= speech_.start) {
            const float g = fadeGain(speech_, at) * voiceGain_ * duck_;
            for (int c = 0; c < kChannels; ++c)
                said[c] = g * static_cast<float>(speech_.sound->samples[speech_.position * kChannels + c]);
            if (++speech_.position >= speech_.sound->frames || fadeGain(speech_, at) <= 0.0f) speech_ = Voice{};
        }
        float peak = 0;
        float mixed[kChannels];
        for (int c = 0; c < kChannels; ++c) {
            mixed[c] = base[f * kChannels + c] + gainNow_ * (cues[f * kChannels + c] + said[c]);
            peak = std::max(peak, std::fabs(mixed[c]));
        }
        if (peak * limiter_ > kLimitLevel) limiter_ = kLimitLevel / peak;
        for (int c = 0; c < kChannels; ++c)
            out[f * kChannels + c] = static_cast<std::int16_t>(std::lrint(mixed[c] * limiter_));
        limiter_ += (1.0f - limiter_) * release;
        // In float the release stalls a little under 1 (at 1 - 7e-5 with 50 ms at 48 kHz), and
        // every cue after the limiter once acted would be a bit quieter than its file: snap back.
        if (limiter_ > kLimiterUnity) limiter_ = 1.0f;
    }
}

void CueMixer::render(std::int16_t* interleaved, std::size_t frames) {
    const Ticks start = frames_.load(std::memory_order_relaxed);
    const Ticks end = start + static_cast<Ticks>(frames);
    runCommands(start);
    if (waitingForBook_ && bookLetsStart()) {
        waitingForBook_ = false;
        session_->start(start);
    }
    if (session_) session_->advance(end - 1); // every cue that falls inside this buffer
    sayPending(start);
    scheduleReminder(end);
    sayAnnouncement(start);
    for (std::size_t done = 0; done < frames;) {
        const std::size_t n = std::min(kChunkFrames, frames - done);
        mixChunk(interleaved + done * kChannels, start + static_cast<Ticks>(done), n);
        done += n;
    }
    if (snapshotMutex_.try_lock()) {
        if (session_)
            snapshot_ = Snapshot{session_->status(end), sessionGeneration_, announced_, end};
        else {
            snapshot_.announced = announced_;
            snapshot_.frame = end;
        }
        snapshotMutex_.unlock();
    }
    frames_.store(end, std::memory_order_release);
    const SessionState state = session_ ? session_->state() : SessionState::Finished;
    const bool live = waitingForBook_ || (state != SessionState::Finished && state != SessionState::Stopped);
    busy_.store(live || speech_.sound || pendingPhrase_ >= 0 || sentence_ ||
                    std::any_of(voices_.begin(), voices_.end(), [](const Voice& v) { return v.sound != nullptr; }),
                std::memory_order_release);
    taken_.store(takenCount_, std::memory_order_release);
}

} // namespace unknot
