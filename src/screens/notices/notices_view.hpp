#pragma once
// The notices screen: every notice of this run, newest first, large enough to read from the mat.

#include "screens/intent.hpp"
#include "screens/notices/notices_screen.hpp"
#include "ui/fonts.hpp"

namespace unknot::ui {

// CloseView when the user leaves it (Esc, I or the button). In test mode the rows drawn are
// handed to the screen (NoticesScreen::drawn) for its describe().
[[nodiscard]] Intent drawNoticesScreen(NoticesScreen& screen, const Fonts& fonts, bool testMode);

} // namespace unknot::ui
