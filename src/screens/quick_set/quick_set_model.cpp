#include "screens/quick_set/quick_set_model.hpp"

namespace unknot {

void QuickSetModel::refresh() {
    if (checked_ && *checked_ == form_.quick && checkedErrors_ == form_.errors) return;
    checked_ = form_.quick;
    checkedErrors_ = form_.errors;
    check_ = checkPlayable(makeQuickSet(form_.quick), "quick set");
    summary_ = {};
    summary_.totalMs = check_.timeline.totalMs;
    summary_.phases = check_.timeline.size();
    for (const auto& [field, error] : form_.errors) summary_.problems.push_back(error);
    for (const auto& d : check_.diagnostics) summary_.problems.push_back(d.message);
    summary_.canStart = form_.errors.empty() && check_.canPlay();
}

std::optional<LibraryEntry> QuickSetModel::entry() const {
    if (!canStart()) return std::nullopt;
    LibraryEntry e;
    e.id = idFromName(check_.routine.name);
    e.source = RoutineSource::User;
    e.parsed.routine = check_.routine;
    e.setTimeline(check_.timeline);
    return e;
}

} // namespace unknot
