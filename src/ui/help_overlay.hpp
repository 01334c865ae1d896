#pragma once
// The keys overlay (?): the table of the screen showing, as the key map answers it.

#include "screens/intent.hpp"
#include "ui/fonts.hpp"

namespace unknot::ui {

void drawHelpOverlay(const Fonts& fonts, Screen screen);

} // namespace unknot::ui
