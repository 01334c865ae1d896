#pragma once
// Which screen is showing, as a stack: the library at the bottom, then what was opened over
// it. The editor's "Try it" puts the player over the editor, so leaving the player goes back
// there; "Start now" replaces the quick set with the player, so leaving goes to the library.
// A route may come with its Screen (screens/screen.hpp), which the router then owns.

#include "screens/intent.hpp"
#include "screens/screen.hpp"

#include <memory>
#include <string_view>
#include <vector>

namespace unknot {

// The flows of the screens that have one (the check-in's), each on `host`: the one list of
// them, so the app names none.
[[nodiscard]] std::vector<std::unique_ptr<Flow>> makeFlows(ScreenHost& host);

class Router {
  public:
    [[nodiscard]] Route top() const { return stack_.back().route; }
    [[nodiscard]] bool has(Route route) const;
    // The screen to draw and to read keys for: the player shows "Finished" once the session is over.
    [[nodiscard]] ui::Screen screen(bool sessionOver) const;

    // Opens `route` over what shows now; a route already open is closed first, with what is
    // over it (one editor, one player at a time).
    void open(Route route);
    // The same, with the screen that shows for it (its route()); the library's screen, at the
    // bottom, with everything over it closed.
    void open(std::unique_ptr<Screen> screen);
    // Replaces the top with `route` (the quick set's "Start now", "Open in the editor").
    void replaceTop(Route route);
    // Closes `route` and everything over it; the library never closes. True when it was open.
    // Their screens live on until sweep(), so a screen may close itself while it handles an intent.
    bool close(Route route);
    void sweep() { closed_.clear(); }

    // The screen open for `route`, if it has one; the one on top.
    [[nodiscard]] Screen* opened(Route route) const;
    [[nodiscard]] Screen* topScreen() const { return stack_.back().screen.get(); }

  private:
    struct Open {
        Route route;
        std::unique_ptr<Screen> screen; // null for a route opened without one (the router's tests)
    };
    std::vector<Open> stack_ = initial();
    std::vector<std::unique_ptr<Screen>> closed_;
    static std::vector<Open> initial();
};

} // namespace unknot
