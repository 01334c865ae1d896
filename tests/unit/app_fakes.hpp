#pragma once
// Fakes for the app layer's unit tests: a reporter that keeps what it is told, a history that
// keeps its records, a clock the test moves, a screen host on a real router.

#include "core/reporter.hpp"
#include "play/session_driver.hpp"
#include "screens/router.hpp"
#include "screens/screen.hpp"
#include "store/history_sink.hpp"

#include <algorithm>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace unknot::test {

struct Reports final : Reporter {
    std::vector<std::string> lines;
    std::vector<std::string> notices; // their texts
    std::vector<Notice> told;         // whole: place and what to do too
    using Reporter::notice;
    void log(const std::string& line) override { lines.push_back(line); }
    void notice(const Notice& n) override {
        notices.push_back(n.text);
        told.push_back(n);
    }
    // Lines starting with `prefix`.
    [[nodiscard]] std::size_t count(std::string_view prefix) const {
        return static_cast<std::size_t>(
            std::count_if(lines.begin(), lines.end(), [&](const std::string& l) { return l.starts_with(prefix); }));
    }
};

struct History final : HistorySink {
    std::vector<HistoryRecord> records;
    std::vector<CheckIn> checkIns;
    std::optional<std::string> failWith;
    std::optional<std::string> append(const HistoryRecord& record) override {
        if (failWith) return failWith;
        records.push_back(record);
        return std::nullopt;
    }
    std::optional<std::int64_t> lastSessionId() const override {
        if (records.empty()) return std::nullopt;
        return static_cast<std::int64_t>(records.size()); // ids from 1, as SQLite gives them
    }
    std::optional<std::string> addCheckIn(const CheckIn& checkIn) override {
        if (auto problem = checkInProblem(checkIn)) return problem;
        checkIns.push_back(checkIn);
        return std::nullopt;
    }
};

// What a screen asks of the app, kept for the test to read; the screens open on a real router.
struct Host final : ScreenHost {
    Reports reports;
    History sessions;
    Settings current;
    std::int64_t nowMs = 1'000'000;
    std::int64_t wall = 1'800'000'000;
    Clocks time{[this] { return nowMs; }, [this] { return wall; }};
    AppPaths files;
    Router router;
    std::vector<LibraryEntry> played;
    std::vector<std::pair<std::string, bool>> playedNow; // playNow's ids, and whether each waited for the voice
    std::vector<LibraryEntry> library;                   // routines()
    int historyReads = 0;                                // historyChanged() calls
    int chosen = 0;                                  // routineChosen() calls
    std::function<void(Routine, bool)> onOpenEditor; // what the app would open
    std::vector<std::string> changed;                // routinesChanged's ids
    std::vector<std::string> said;
    bool voice = true; // say() has a voice to say it with
    std::vector<Settings> settingsChanged;                             // changeSettings' drafts
    std::vector<std::string> outputs{"Built-in Audio", "USB headset"}; // soundOutputs()
    DisplayScale desktop{1.0, 1.0, "none"};                            // desktopScale()
    bool quitAsked = false;

    Reporter& reporter() override { return reports; }
    const Settings& settings() const override { return current; }
    const Clocks& clocks() const override { return time; }
    HistorySink& history() override { return sessions; }
    const AppPaths& paths() const override { return files; }
    void play(const LibraryEntry& entry) override { played.push_back(entry); }
    void playNow(const LibraryEntry& entry, const char* waitingFlow) override {
        playedNow.emplace_back(entry.id, waitingFlow != nullptr);
    }
    const std::vector<LibraryEntry>& routines() override { return library; }
    void historyChanged() override { ++historyReads; }
    void routineChosen() override { ++chosen; }
    void openEditor(Routine routine, bool saveNow) override {
        if (onOpenEditor) onOpenEditor(std::move(routine), saveNow);
    }
    void open(std::unique_ptr<Screen> screen) override { router.open(std::move(screen)); }
    void close(Route route) override { router.close(route); }
    void routinesChanged(const std::string& selectId) override { changed.push_back(selectId); }
    bool say(const std::string& sentence) override {
        if (voice) said.push_back(sentence);
        return voice;
    }
    void changeSettings(const Settings& draft) override { settingsChanged.push_back(draft); }
    std::vector<std::string> soundOutputs() override { return outputs; }
    DisplayScale desktopScale() const override { return desktop; }
    void quit() override { quitAsked = true; }
};

// A driver that hands everything on to another and keeps the cue options and the volume it
// was last given: what reached the sound device.
struct RecordingDriver final : SessionDriver {
    explicit RecordingDriver(SessionDriver& to) : inner(to) {}
    SessionDriver& inner;
    std::optional<CueOptions> cues;
    std::optional<std::pair<int, bool>> volume; // percent, muted
    void start(std::shared_ptr<const Timeline> timeline, const CueOptions& options) override {
        cues = options;
        inner.start(std::move(timeline), options);
    }
    void apply(SessionCommand command) override { inner.apply(command); }
    void setCueOptions(const CueOptions& options) override {
        cues = options;
        inner.setCueOptions(options);
    }
    void setVolume(int percent, bool muted) override {
        volume = {percent, muted};
        inner.setVolume(percent, muted);
    }
    SessionStatus update(std::vector<SessionEvent>& events) override { return inner.update(events); }
    [[nodiscard]] Ticks ticksPerSecond() const override { return inner.ticksPerSecond(); }
    [[nodiscard]] bool hasSound() const override { return inner.hasSound(); }
    void say(const std::string& sentence) override { inner.say(sentence); }
};

} // namespace unknot::test
