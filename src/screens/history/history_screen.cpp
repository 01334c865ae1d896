#include "screens/history/history_screen.hpp"

#include "core/i18n.hpp"
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
        reporter.notice(format(_("cannot read the history: {0}"), {*error}));
    } else {
        auto rows = std::get<std::unique_ptr<HistoryDb>>(opened)->read();
        if (!rows.error.empty()) reporter.notice(rows.error);
        for (auto& s : rows.sessions) sessions_.push_back(std::move(s.record));
        checkIns_ = std::move(rows.checkIns);
    }
    const auto now = clocks.wallSeconds();
    const ui::HistoryControl focused = model_.focused; // loaded again after a check-in: the focus stays
    model_ =
        ui::HistoryModel{&sessions_, minutesPerWeek(sessions_, now, 8), streakDays(sessions_, now), trends(checkIns_)};
    model_.focused = focused;
    reporter.logf("screen history sessions=%zu check_ins=%zu open_ms=%lld", sessions_.size(), checkIns_.size(),
                  static_cast<long long>(clocks.steadyMs() - began));
}

bool HistoryScreen::handle(const ui::Intent& intent) {
    using ui::HistoryControl;
    switch (intent.action) {
    case ui::Action::CloseView: host_.close(Route::History); return true;
    case ui::Action::SelectNext:
    case ui::Action::SelectPrevious: {
        // Two buttons: either way goes to the other one (the first press to "Check in now").
        const HistoryControl now = model_.focused;
        model_.focused = now == HistoryControl::CheckIn ? HistoryControl::Back : HistoryControl::CheckIn;
        host_.reporter().logf("history focus=%s", model_.focused == HistoryControl::CheckIn ? "check-in" : "back");
        return true;
    }
    case ui::Action::StartSelected: return true; // pressFocused() gave nothing: no button chosen yet
    default: return false;
    }
}

void HistoryScreen::describe(std::string& out) {
    if (layout_.empty() || layout_ == reportedLayout_) return;
    reportedLayout_ = layout_;
    out += layout_;
    out += '\n';
}

ui::Intent HistoryScreen::pressFocused() const {
    switch (model_.focused) {
    case ui::HistoryControl::CheckIn: return openRouteIntent(Route::CheckIn);
    case ui::HistoryControl::Back: return {ui::Action::CloseView};
    case ui::HistoryControl::None: break;
    }
    return {ui::Action::StartSelected};
}

} // namespace unknot
