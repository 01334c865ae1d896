#pragma once
// The views of the screens drawn from their Screen alone (the check-in's), by route: the one
// list of them, so the app's drawApp names none. In unknot_views (it paints).

#include "screens/intent.hpp"
#include "screens/screen.hpp"
#include "ui/fonts.hpp"

namespace unknot {

// What the loop knows of the frame that such a view needs.
struct RouteFrame {
    bool typing = false; // a text field has the keyboard now (Dear ImGui says)
};

// Draws `screen` with its route's view; the intent the user gave (none for a route not listed).
[[nodiscard]] ui::Intent drawRoute(Screen& screen, const ui::Fonts& fonts, const RouteFrame& frame);

} // namespace unknot
