#include "audio/phrase_book.hpp"

#include <chrono>
#include <map>

namespace unknot {

int PhraseBook::phraseFor(CueType type, std::size_t phase) const {
    switch (type) {
    case CueType::Phase: return phase < onPhase.size() ? onPhase[phase] : -1;
    case CueType::Halfway: return phase < onHalfway.size() ? onHalfway[phase] : -1;
    case CueType::End: return onEnd;
    case CueType::Countdown: break;
    }
    return -1;
}

void fillPhraseBook(PhraseBook& book, const Timeline& timeline, const CueOptions& cues, const Voice& voice,
                    int sampleRate) {
    const auto started = std::chrono::steady_clock::now();
    // Every candidate text is spoken once; the plan keeps those it says.
    std::map<std::string, SpokenPhrase> spoken;
    book.phrases = planPhrases(timeline, cues, [&](const std::string& text) {
        auto [it, added] = spoken.try_emplace(text);
        if (added) it->second = voice.speak(text);
        return static_cast<Millis>(it->second.frames(CueMixer::kChannels)) * 1000 / sampleRate;
    });
    book.onPhase.assign(timeline.size(), -1);
    book.onHalfway.assign(timeline.size(), -1);
    book.reminder.assign(timeline.size(), -1);
    book.audio.reserve(book.phrases.size());
    for (std::size_t i = 0; i < book.phrases.size(); ++i) {
        const Phrase& p = book.phrases[i];
        const auto it = spoken.find(p.text);
        book.audio.push_back(it == spoken.end() || p.fit == PhraseFit::Dropped ? SpokenPhrase{} : it->second);
        const int index = static_cast<int>(i);
        switch (p.kind) {
        case PhraseKind::Phase: book.onPhase[p.phase] = index; break;
        case PhraseKind::Halfway: book.onHalfway[p.phase] = index; break;
        case PhraseKind::Reminder: book.reminder[p.phase] = index; break;
        case PhraseKind::End: book.onEnd = index; break;
        }
    }
    for (const SpokenPhrase& a : book.audio)
        book.sounds.push_back(CueSound{a.samples.data(), a.frames(CueMixer::kChannels)});
    book.synthesisMs =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
    book.ready.store(true, std::memory_order_release);
}

VoiceWorker::VoiceWorker(VoiceSettings settings, int sampleRate, int channels)
    : settings_(std::move(settings)), sampleRate_(sampleRate), channels_(channels), thread_([this] { run(); }) {}

VoiceWorker::~VoiceWorker() {
    {
        std::lock_guard lock(mutex_);
        quit_ = true;
    }
    wake_.notify_one();
    thread_.join();
}

std::shared_ptr<PhraseBook> VoiceWorker::prepare(const Timeline& timeline, const CueOptions& cues) {
    auto book = std::make_shared<PhraseBook>();
    {
        std::lock_guard lock(mutex_);
        for (Job& old : jobs_) old.book->ready.store(true, std::memory_order_release); // empty: nobody waits
        jobs_.clear(); // a newer session makes older books pointless
        jobs_.push_back(Job{book, timeline, cues});
    }
    wake_.notify_one();
    return book;
}

void VoiceWorker::run() {
    // The voice lives and speaks on this thread only.
    auto voice = Voice::open(settings_.name, settings_.rate, sampleRate_, channels_);
    if (!voice) voice = Voice::open(kDefaultVoice, 1.0, sampleRate_, channels_);
    for (;;) {
        Job job;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [&] { return quit_ || !jobs_.empty(); });
            if (quit_) return;
            job = std::move(jobs_.front());
            jobs_.pop_front();
        }
        if (voice)
            fillPhraseBook(*job.book, job.timeline, job.cues, *voice, sampleRate_);
        else
            job.book->ready.store(true, std::memory_order_release); // no voice: cues only
    }
}

} // namespace unknot
