#include "screens/router.hpp"

#include "screens/check_in/check_in_flow.hpp"

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
    case Route::Notices: return "notices";
    case Route::Settings: return "settings";
    }
    return "?";
}

std::vector<std::unique_ptr<Flow>> makeFlows(ScreenHost& host) {
    std::vector<std::unique_ptr<Flow>> flows;
    flows.push_back(std::make_unique<CheckInFlow>(host));
    return flows;
}

std::vector<Router::Open> Router::initial() {
    std::vector<Open> stack;
    stack.push_back(Open{Route::Library, nullptr});
    return stack;
}

bool Router::has(Route route) const {
    return std::any_of(stack_.begin(), stack_.end(), [route](const Open& o) { return o.route == route; });
}

Screen* Router::opened(Route route) const {
    const auto it = std::find_if(stack_.begin(), stack_.end(), [route](const Open& o) { return o.route == route; });
    return it == stack_.end() ? nullptr : it->screen.get();
}

ui::Screen Router::screen(bool sessionOver) const {
    switch (top()) {
    case Route::Library: return ui::Screen::Library;
    case Route::Editor: return ui::Screen::Editor;
    case Route::QuickSet: return ui::Screen::QuickSet;
    case Route::History: return ui::Screen::History;
    case Route::Player: return sessionOver ? ui::Screen::Finished : ui::Screen::Player;
    case Route::CheckIn: return ui::Screen::CheckIn;
    case Route::Notices: return ui::Screen::Notices;
    case Route::Settings: return ui::Screen::Settings;
    }
    return ui::Screen::Library;
}

void Router::open(Route route) {
    if (route == Route::Library) {
        close(stack_.size() > 1 ? stack_[1].route : Route::Library);
        return;
    }
    close(route);
    stack_.push_back(Open{route, nullptr});
}

void Router::open(std::unique_ptr<Screen> screen) {
    open(screen->route());
    // The library's screen is the bottom one: a new one replaces it (the old lives until sweep()).
    if (stack_.back().screen) closed_.push_back(std::move(stack_.back().screen));
    stack_.back().screen = std::move(screen);
}

void Router::replaceTop(Route route) {
    if (stack_.size() > 1) close(top());
    open(route);
}

bool Router::close(Route route) {
    if (route == Route::Library) return false;
    const auto it = std::find_if(stack_.begin(), stack_.end(), [route](const Open& o) { return o.route == route; });
    if (it == stack_.end()) return false;
    for (auto o = it; o != stack_.end(); ++o)
        if (o->screen) closed_.push_back(std::move(o->screen));
    stack_.erase(it, stack_.end());
    return true;
}

} // namespace unknot
