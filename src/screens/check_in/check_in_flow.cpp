#include "screens/check_in/check_in_flow.hpp"

#include "core/i18n.hpp"
#include "screens/check_in/check_in_screen.hpp"
#include "store/history_db.hpp"

#include <algorithm>
#include <utility>

namespace unknot {

CheckInFlow::CheckInFlow(ScreenHost& host)
    : CheckInFlow(host, [&host](const LibraryEntry& entry, bool afterVoice) {
          host.playNow(entry, afterVoice ? "check-in" : nullptr); // "check-in start after the voice"
      }) {}

void CheckInFlow::routineOver(const LibraryEntry& entry) {
    if (entry.valid()) after(entry.routine().checkIn, entry.displayName());
}

bool CheckInFlow::openRoute(Route route) {
    if (route != Route::CheckIn) return false;
    standalone(host_.routines(), [this] { host_.historyChanged(); }); // History shows the answers
    return true;
}

bool CheckInFlow::before(const LibraryEntry& entry, const std::string& intro) {
    if (!entry.valid() || entry.routine().checkIn.empty() || !host_.settings().checkInBefore) return false;
    startAfter_ = entry;
    open(entry.routine().checkIn, CheckInMoment::Before, entry.displayName(), intro);
    return true;
}

void CheckInFlow::after(const std::vector<std::string>& areas, std::string routineName) {
    if (!areas.empty()) open(areas, CheckInMoment::After, std::move(routineName));
}

void CheckInFlow::standalone(const std::vector<LibraryEntry>& library, std::function<void()> recorded) {
    std::vector<std::string> areas;
    for (const auto& e : library)
        if (e.valid())
            for (const auto& a : e.routine().checkIn)
                if (std::find(areas.begin(), areas.end(), a) == areas.end()) areas.push_back(a);
    standaloneRecorded_ = std::move(recorded);
    open(areas, CheckInMoment::Standalone, {});
}

void CheckInFlow::open(const std::vector<std::string>& areas, CheckInMoment moment, std::string routineName,
                       const std::string& intro) {
    auto screen = std::make_unique<CheckInScreen>(
        host_, areas, moment, std::move(routineName), [](const CheckInModel&) {}, earlierCheckIns());
    CheckInScreen& opened = *screen;
    // The screen lives until swept, so it is there to ask whether it said the last score back.
    opened.setDone([this, &opened](const CheckInModel& answered) { this->answered(answered, opened.saidBackLast()); });
    host_.open(std::move(screen));
    opened.begin(intro);
}

// The scores given before, for "as last time": the history's, then those given since the app
// opened (the store writes in the background, so the database may not have them yet).
std::vector<CheckIn> CheckInFlow::earlierCheckIns() const {
    std::vector<CheckIn> earlier;
    auto opened = HistoryDb::open(host_.paths().history, HistoryAccess::Read);
    if (auto* db = std::get_if<std::unique_ptr<HistoryDb>>(&opened)) {
        auto rows = (*db)->read();
        if (rows.error.empty())
            earlier = std::move(rows.checkIns);
        else
            host_.reporter().log(rows.error);
    } else {
        host_.reporter().log("no scores from before: " + std::get<std::string>(opened));
    }
    earlier.insert(earlier.end(), given_.begin(), given_.end());
    return earlier;
}

void CheckInFlow::answered(const CheckInModel& answered, bool sayingBack) {
    HistorySink& history = host_.history();
    const CheckInMoment moment = answered.moment();
    auto answers = answered.answers(moment == CheckInMoment::After ? history.lastSessionId() : std::nullopt);
    given_.insert(given_.end(), answers.begin(), answers.end());
    if (moment == CheckInMoment::Before) {
        beforeAnswers_ = std::move(answers); // their session has no id until it is recorded
        // The last score said back is heard before the routine's first cue covers it.
        if (auto entry = std::exchange(startAfter_, std::nullopt)) playNow_(*entry, sayingBack);
        return;
    }
    for (const auto& a : answers)
        if (auto error = history.addCheckIn(a)) noticeNotRecorded(*error);
    if (moment == CheckInMoment::Standalone && standaloneRecorded_) std::exchange(standaloneRecorded_, {})();
}

void CheckInFlow::noticeNotRecorded(const std::string& error) {
    host_.reporter().notice(
        Notice{format(_("cannot record the check-in: {0}"), {error}),
               {},
               _("Give it again from the history (H, then Check in now) once the problem is gone")});
}

void CheckInFlow::sessionRecorded() {
    HistorySink& history = host_.history();
    const auto id = history.lastSessionId();
    for (auto& a : std::exchange(beforeAnswers_, {})) {
        a.sessionId = id;
        if (auto error = history.addCheckIn(a)) noticeNotRecorded(*error);
    }
}

} // namespace unknot
