#include "screens/router.hpp"

#include <algorithm>

namespace unknot {

std::string_view routeName(Route route) {
    switch (route) {
    case Route::Library: return "library";
    case Route::Editor: return "editor";
    case Route::QuickSet: return "quick-set";
    case Route::History: return "history";
    case Route::Player: return "player";
    case Route::CheckIn: return "check-in";
    }
    return "?";
}

bool Router::has(Route route) const { return std::find(stack_.begin(), stack_.end(), route) != stack_.end(); }

ui::Screen Router::screen(bool sessionOver) const {
    switch (top()) {
    case Route::Library: return ui::Screen::Library;
    case Route::Editor: return ui::Screen::Editor;
    case Route::QuickSet: return ui::Screen::QuickSet;
    case Route::History: return ui::Screen::History;
    case Route::Player: return sessionOver ? ui::Screen::Finished : ui::Screen::Player;
    case Route::CheckIn: return ui::Screen::CheckIn;
    }
    return ui::Screen::Library;
}

void Router::open(Route route) {
    if (route == Route::Library) {
        stack_.resize(1);
        return;
    }
    close(route);
    stack_.push_back(route);
}

void Router::replaceTop(Route route) {
    if (stack_.size() > 1) stack_.pop_back();
    open(route);
}

bool Router::close(Route route) {
    if (route == Route::Library) return false;
    const auto it = std::find(stack_.begin(), stack_.end(), route);
    if (it == stack_.end()) return false;
    stack_.erase(it, stack_.end());
    return true;
}

} // namespace unknot
