#include "audio/phrase_book.hpp"

#include "core/i18n.hpp"

#include <chrono>
#include <iostream>
#include <map>
#include <utility>

namespace unknot {

namespace {

SpokenText spokenText(std::shared_ptr<const SpokenPhrase> audio) {
    SpokenText out;
    out.audio = std::move(audio);
    if (out.audio) out.sound = CueSound{out.audio->samples.data(), out.audio->frames(CueMixer::kChannels)};
    return out;
}

// Spent time as said: to the second, as spokenDuration rounds it.
Millis spokenSeconds(Millis ms) { return (std::max<Millis>(0, ms) + 500) / 1000; }

} // namespace

// ---------------------------------------------------------------------------------------
// PhraseBook
// ---------------------------------------------------------------------------------------
PhraseBook::PhraseBook(const Timeline& timeline, const CueOptions& cues, std::size_t fromPhase)
    : onPhase_(timeline.size(), -1), onHalfway_(timeline.size(), -1), reminder_(timeline.size(), -1),
      plannedAfter_(timeline.size(), 0) {
    std::vector<PhraseSlot> planned = phraseSlots(timeline, cues);
    slots_ = std::vector<Slot>(planned.size());
    firstSlot_ = planned.size();
    for (std::size_t i = 0; i < planned.size(); ++i) {
        const int index = static_cast<int>(i);
        const PhraseSlot& p = planned[i];
        switch (p.kind) {
        case PhraseKind::Phase: onPhase_[p.phase] = index; break;
        case PhraseKind::Halfway: onHalfway_[p.phase] = index; break;
        case PhraseKind::Reminder: reminder_[p.phase] = index; break;
        case PhraseKind::End: onEnd_ = index; break;
        }
        if (firstSlot_ == planned.size() && (p.phase >= fromPhase || p.kind == PhraseKind::End)) firstSlot_ = i;
        slots_[i].planned = std::move(planned[i]);
    }
    if (firstSlot_ == slots_.size()) firstSlot_ = 0;
    Millis after = 0;
    for (std::size_t i = timeline.size(); i-- > 0;) {
        plannedAfter_[i] = after;
        after += timeline.phases[i].durationMs;
    }
    plannedTotal_ = timeline.totalMs;
    if (slots_.empty()) finished_.store(true, std::memory_order_release);
}

int PhraseBook::phraseFor(CueType type, std::size_t phase) const {
    switch (type) {
    case CueType::Phase: return phase < onPhase_.size() ? onPhase_[phase] : -1;
    case CueType::Halfway: return phase < onHalfway_.size() ? onHalfway_[phase] : -1;
    case CueType::End: return onEnd_;
    case CueType::Countdown: break;
    }
    return -1;
}

int PhraseBook::reminderFor(std::size_t phase) const { return phase < reminder_.size() ? reminder_[phase] : -1; }

Millis PhraseBook::plannedAfter(std::size_t phase) const {
    return phase < plannedAfter_.size() ? plannedAfter_[phase] : 0;
}

void PhraseBook::publish(std::size_t i, Phrase phrase, std::shared_ptr<const SpokenPhrase> audio) {
    Slot& s = slots_.at(i);
    if (s.ready.load(std::memory_order_relaxed)) return; // once only: the audio thread may be reading it
    s.phrase = std::move(phrase);
    if (s.phrase.fit != PhraseFit::Dropped) s.spoken = spokenText(std::move(audio));
    s.ready.store(true, std::memory_order_release);
}

void PhraseBook::publishSpent(Millis spentMs, std::shared_ptr<const SpokenPhrase> audio) {
    spentKept_.push_back(Spent{spokenSeconds(spentMs), spokenText(std::move(audio))});
    spent_.store(&spentKept_.back(), std::memory_order_release);
}

void PhraseBook::publishDoneAlone(std::shared_ptr<const SpokenPhrase> audio) {
    spentKept_.push_back(Spent{-1, spokenText(std::move(audio))});
    doneAlone_.store(&spentKept_.back(), std::memory_order_release);
}

void PhraseBook::finish(Millis synthesisMs) {
    if (finished_.load(std::memory_order_relaxed)) return;
    synthesisMs_ = synthesisMs;
    finished_.store(true, std::memory_order_release);
}

const CueSound* PhraseBook::sound(std::size_t i) const {
    if (i >= slots_.size() || !slots_[i].ready.load(std::memory_order_acquire)) return nullptr;
    const CueSound& s = slots_[i].spoken.sound;
    return s.frames > 0 ? &s : nullptr;
}

const CueSound* PhraseBook::endSound(Millis spentMs) const {
    const Millis seconds = spokenSeconds(spentMs);
    if (const Spent* s = spent_.load(std::memory_order_acquire); s && s->seconds == seconds && s->spoken.sound.frames)
        return &s->spoken.sound;
    // The plan's own phrase says the planned time: right when the session ran as planned.
    if (onEnd_ >= 0 && seconds == spokenSeconds(plannedTotal_)) {
        const auto i = static_cast<std::size_t>(onEnd_);
        if (slots_[i].ready.load(std::memory_order_acquire) && slots_[i].phrase.fit == PhraseFit::Full) return sound(i);
    }
    if (const Spent* s = doneAlone_.load(std::memory_order_acquire); s && s->spoken.sound.frames)
        return &s->spoken.sound;
    return nullptr;
}

bool PhraseBook::startable() const { return finished() || slots_[firstSlot_].ready.load(std::memory_order_acquire); }

std::vector<Phrase> PhraseBook::phrases() const {
    std::vector<Phrase> out;
    for (const Slot& s : slots_)
        if (s.ready.load(std::memory_order_acquire)) out.push_back(s.phrase);
    return out;
}

// ---------------------------------------------------------------------------------------
// VoiceWorker
// ---------------------------------------------------------------------------------------
VoiceWorker::VoiceWorker(VoiceSettings settings, int sampleRate, int channels)
    : settings_(std::move(settings)), sampleRate_(sampleRate), channels_(channels), thread_([this] { run(); }) {}

VoiceWorker::~VoiceWorker() {
    {
        std::lock_guard lock(mutex_);
        quit_ = true;
    }
    wake_.notify_one();
    thread_.join();
    // Whoever still holds them must not wait for phrases that will never come.
    if (job_) job_->book->finish(0);
    if (announcement_) announcement_->ready.store(true, std::memory_order_release);
}

std::shared_ptr<PhraseBook> VoiceWorker::prepare(const Timeline& timeline, const CueOptions& cues,
                                                 std::size_t fromPhase) {
    auto book = std::make_shared<PhraseBook>(timeline, cues, fromPhase);
    {
        std::lock_guard lock(mutex_);
        // A newer session makes the older book pointless: what it has is played, nobody waits.
        if (job_) job_->book->finish(0);
        job_.reset();
        spentJob_.reset();
        if (book->size() > 0) job_ = Job{book, 0, std::chrono::steady_clock::now()}; // else finished already
    }
    wake_.notify_one();
    return book;
}

void VoiceWorker::sayTimeSpent(const std::shared_ptr<PhraseBook>& book, Millis spentMs) {
    {
        std::lock_guard lock(mutex_);
        spentJob_ = SpentJob{book, spentMs};
    }
    wake_.notify_one();
}

std::shared_ptr<Announcement> VoiceWorker::announce(std::string text) {
    auto said = std::make_shared<Announcement>();
    said->text = std::move(text);
    {
        std::lock_guard lock(mutex_);
        if (announcement_) announcement_->ready.store(true, std::memory_order_release); // never said
        announcement_ = said;
    }
    wake_.notify_one();
    return said;
}

void VoiceWorker::run() {
    // The voice lives and speaks on this thread only.
    std::string whyNot;
    auto voice = openVoiceFor(settings_, currentLanguage(), sampleRate_, channels_, &whyNot);
    // Told once a run: without espeak-ng a language other than English has cues only.
    static std::atomic<bool> told{false};
    if (!voice && !whyNot.empty() && !told.exchange(true)) std::cerr << "unknot: " << whyNot << "\n";
    // Each distinct text of the current book spoken once: "Left.", "Halfway." recur.
    std::map<std::string, std::shared_ptr<const SpokenPhrase>> spoken;
    const PhraseBook* spokenFor = nullptr;
    const auto speak = [&](const std::string& text) {
        auto [it, added] = spoken.try_emplace(text);
        if (added) it->second = std::make_shared<const SpokenPhrase>(voice ? voice->speak(text) : SpokenPhrase{});
        return it->second;
    };
    for (;;) {
        // One piece of work at a time, the most urgent first: a sentence the user waits for,
        // the end's time spent, then the session's next phrase.
        std::shared_ptr<Announcement> said;
        std::optional<SpentJob> spent;
        std::shared_ptr<PhraseBook> book;
        std::size_t slot = 0;
        bool last = false;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [&] { return quit_ || announcement_ || spentJob_ || job_; });
            if (quit_) return;
            if (announcement_) {
                said = std::exchange(announcement_, nullptr);
            } else if (spentJob_) {
                spent = std::exchange(spentJob_, std::nullopt);
            } else {
                book = job_->book;
                slot = book->fillOrder(job_->next++);
                last = job_->next >= book->size();
            }
        }
        if (said) {
            said->spoken =
                spokenText(std::make_shared<const SpokenPhrase>(voice ? voice->speak(said->text) : SpokenPhrase{}));
            said->ready.store(true, std::memory_order_release);
            continue;
        }
        const PhraseBook* current = spent ? spent->book.get() : book.get();
        if (current != spokenFor) {
            spoken.clear();
            spokenFor = current;
        }
        if (spent) {
            spent->book->publishSpent(spent->spentMs, speak(donePhrase(spent->spentMs)));
            continue;
        }
        const PhraseSlot& planned = book->slot(slot);
        Phrase phrase = fitPhrase(planned, [&](const std::string& text) {
            return static_cast<Millis>(speak(text)->frames(channels_)) * 1000 / sampleRate_;
        });
        auto audio = phrase.fit == PhraseFit::Dropped ? nullptr : speak(phrase.text);
        book->publish(slot, std::move(phrase), std::move(audio));
        if (!last) continue;
        // Said at the end when the time spent is not ready in time.
        if (book->phraseFor(CueType::End, 0) >= 0) book->publishDoneAlone(speak(_("Finished.")));
        std::lock_guard lock(mutex_);
        if (job_ && job_->book == book) {
            book->finish(
                std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - job_->started)
                    .count());
            job_.reset();
        }
    }
}

} // namespace unknot
