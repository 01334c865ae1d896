#include "screens/check_in/check_in_flow.hpp"

#include "screens/check_in/check_in_screen.hpp"

#include <algorithm>
#include <utility>

namespace unknot {

bool CheckInFlow::before(const LibraryEntry& entry) {
    if (!entry.valid() || entry.routine().checkIn.empty() || !host_.settings().checkInBefore) return false;
    startAfter_ = entry;
    open(entry.routine().checkIn, CheckInMoment::Before, entry.displayName());
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

void CheckInFlow::open(const std::vector<std::string>& areas, CheckInMoment moment, std::string routineName) {
    auto screen = std::make_unique<CheckInScreen>(host_, areas, moment, std::move(routineName),
                                                  [this](const CheckInModel& answered) { this->answered(answered); });
    CheckInScreen& opened = *screen;
    host_.open(std::move(screen));
    opened.begin();
}

void CheckInFlow::answered(const CheckInModel& answered) {
    HistorySink& history = host_.history();
    const CheckInMoment moment = answered.moment();
    auto answers = answered.answers(moment == CheckInMoment::After ? history.lastSessionId() : std::nullopt);
    if (moment == CheckInMoment::Before) {
        beforeAnswers_ = std::move(answers); // their session has no id until it is recorded
        if (auto entry = std::exchange(startAfter_, std::nullopt)) playNow_(*entry);
        return;
    }
    for (const auto& a : answers)
        if (auto error = history.addCheckIn(a)) host_.reporter().notice("cannot record the check-in: " + *error);
    if (moment == CheckInMoment::Standalone && standaloneRecorded_) std::exchange(standaloneRecorded_, {})();
}

void CheckInFlow::sessionRecorded() {
    HistorySink& history = host_.history();
    const auto id = history.lastSessionId();
    for (auto& a : std::exchange(beforeAnswers_, {})) {
        a.sessionId = id;
        if (auto error = history.addCheckIn(a)) host_.reporter().notice("cannot record the check-in: " + *error);
    }
}

} // namespace unknot
