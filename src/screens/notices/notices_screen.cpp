#include "screens/notices/notices_screen.hpp"

#include "core/text.hpp"

#include <algorithm>

namespace unknot {

void NoticesScreen::begin() { host_.reporter().logf("screen notices rows=%zu", notices_.rows().size()); }

std::size_t NoticesScreen::selected() const {
    const std::size_t n = notices_.rows().size();
    return n == 0 ? 0 : std::min(selected_, n - 1);
}

bool NoticesScreen::handle(const ui::Intent& intent) {
    using ui::Action;
    switch (intent.action) {
    case Action::CloseView:
        host_.close(Route::Notices);
        host_.reporter().log("screen library");
        return true;
    case Action::SelectPrevious:
        selected_ = selected() == 0 ? 0 : selected() - 1;
        scroll_ = true;
        return true;
    case Action::SelectNext:
        selected_ = notices_.rows().empty() ? 0 : std::min(selected() + 1, notices_.rows().size() - 1);
        scroll_ = true;
        return true;
    default: return false;
    }
}

void NoticesScreen::describe(std::string& out) {
    if (drawn_ == described_) return;
    described_ = drawn_;
    out += "test notices rows=" + std::to_string(drawn_.size()) + " selected=" + std::to_string(selected()) + "\n";
    for (const auto& row : drawn_) out += "test notice " + escapeControls(row) + "\n";
}

} // namespace unknot
