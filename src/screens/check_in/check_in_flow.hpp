#pragma once
// The check-ins' flow: before a routine (when the settings ask), after it, and on their own
// from the history ("Check in now": Route::CheckIn opened on its own); the answers recorded in
// the history, the "before" ones once their session has its id. It is a Flow, which the router
// lists (makeFlows), so the app calls it at those moments (starting, the end seen, leaving the
// player) without naming it; the questions themselves are a CheckInScreen it opens through the
// host, given the scores from before (the history's and those given since) for "as last time".

#include "screens/check_in/check_in_model.hpp"
#include "screens/screen.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace unknot {

class CheckInFlow final : public Flow {
  public:
    // `playNow` plays a routine without asking again (once its "before" questions are over);
    // `afterVoice`: the last score was just said back, so the routine should wait for the voice.
    using PlayNow = std::function<void(const LibraryEntry& entry, bool afterVoice)>;
    CheckInFlow(ScreenHost& host, PlayNow playNow) : host_(host), playNow_(std::move(playNow)) {}
    // In the app: plays through the host (ScreenHost::playNow).
    explicit CheckInFlow(ScreenHost& host);

    // -- Flow --------------------------------------------------------------------------------
    bool beforeRoutine(const LibraryEntry& entry, const std::string& intro) override { return before(entry, intro); }
    void routineOver(const LibraryEntry& entry) override;
    bool openRoute(Route route) override;

    // Before `entry` plays: true when its questions come first (it has areas to ask about and
    // the settings ask before); it plays through `playNow` once they are over. `intro` is said
    // before the first question ("Remote check, again.").
    bool before(const LibraryEntry& entry, const std::string& intro = {});
    // A session just ended and was recorded: asks about its routine's areas, if it has any.
    void after(const std::vector<std::string>& areas, std::string routineName);
    // From the history: about every area the library's routines name; `recorded` once the
    // answers are in the history (the history screen reads it again).
    void standalone(const std::vector<LibraryEntry>& library, std::function<void()> recorded);
    // The session the "before" answers wait for was recorded (or ended without one): they get
    // its id and go into the history.
    void sessionRecorded() override;
    // The routine could not start: its "before" answers belong to no session.
    void noSession() override { beforeAnswers_.clear(); }

  private:
    void noticeNotRecorded(const std::string& error); // with what to do
    ScreenHost& host_;
    PlayNow playNow_;
    std::optional<LibraryEntry> startAfter_; // the routine the "before" questions lead to
    std::vector<CheckIn> beforeAnswers_;     // kept until their session is recorded
    std::vector<CheckIn> given_;             // answered since the app opened (the store may lag)
    std::function<void()> standaloneRecorded_;

    void open(const std::vector<std::string>& areas, CheckInMoment moment, std::string routineName,
              const std::string& intro = {});
    [[nodiscard]] std::vector<CheckIn> earlierCheckIns() const; // the history's and given_
    // The questions are over: record, then go on (once a score said back is heard).
    void answered(const CheckInModel& answered, bool sayingBack);
};

} // namespace unknot
