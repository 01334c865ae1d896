#include "screens/history/history_screen.hpp"

#include "store/history_db.hpp"

namespace unknot {

void HistoryScreen::load() {
    // 10 years of days: under 100 ms (bench/history_open.py reads open_ms).
    const Clocks& clocks = host_.clocks();
    Reporter& reporter = host_.reporter();
    const auto began = clocks.steadyMs();
    sessions_.clear();
    checkIns_.clear();
    // Read only: another process writing never delays this screen.
    auto opened = HistoryDb::open(host_.paths().history, HistoryAccess::Read);
    if (auto* error = std::get_if<std::string>(&opened)) {
        reporter.notice("cannot read the history: " + *error);
    } else {
        auto rows = std::get<std::unique_ptr<HistoryDb>>(opened)->read();
        if (!rows.error.empty()) reporter.notice(rows.error);
        for (auto& s : rows.sessions) sessions_.push_back(std::move(s.record));
        checkIns_ = std::move(rows.checkIns);
    }
    const auto now = clocks.wallSeconds();
    model_ =
        ui::HistoryModel{&sessions_, minutesPerWeek(sessions_, now, 8), streakDays(sessions_, now), trends(checkIns_)};
    reporter.logf("screen history sessions=%zu check_ins=%zu open_ms=%lld", sessions_.size(), checkIns_.size(),
                  static_cast<long long>(clocks.steadyMs() - began));
}

bool HistoryScreen::handle(const ui::Intent& intent) {
    if (intent.action != ui::Action::CloseView) return false;
    host_.close(Route::History);
    return true;
}

} // namespace unknot
