#pragma once
// Which screen is showing, as a stack: the library at the bottom, then what was opened over
// it. The editor's "Try it" puts the player over the editor, so leaving the player goes back
// there; "Start now" replaces the quick set with the player, so leaving goes to the library.

#include "screens/intent.hpp"

#include <string_view>
#include <vector>

namespace unknot {

enum class Route { Library, Editor, QuickSet, History, Player, CheckIn };
[[nodiscard]] std::string_view routeName(Route route); // "library", "editor", "quick-set", …

class Router {
  public:
    [[nodiscard]] Route top() const { return stack_.back(); }
    [[nodiscard]] bool has(Route route) const;
    // The screen to draw and to read keys for: the player shows "Finished" once the session is over.
    [[nodiscard]] ui::Screen screen(bool sessionOver) const;

    // Opens `route` over what shows now; a route already open is closed first, with what is
    // over it (one editor, one player at a time).
    void open(Route route);
    // Replaces the top with `route` (the quick set's "Start now", "Open in the editor").
    void replaceTop(Route route);
    // Closes `route` and everything over it; the library never closes. True when it was open.
    bool close(Route route);

  private:
    std::vector<Route> stack_{Route::Library};
};

} // namespace unknot
