#pragma once
// The platform seam's look at the display: what the desktop says its scale is (the X resource
// Xft.dpi through the X connection SDL opened, GDK_SCALE and QT_SCALE_FACTOR, SDL's dpi, the
// drawable's ratio to the window). Kept apart from platform.cpp: Xlib's headers define
// macros (None, Bool, Status, Always) that nothing else should see.

#include "ui/display_scale.hpp"

struct SDL_Window;

namespace unknot {

// Everything but the user's setting, which the caller adds; read afresh at each call (cheap
// enough for every 2 s: one X round trip), so a scale the desktop changed is seen.
[[nodiscard]] DisplayScaleInputs probeDisplayScale(SDL_Window* window);

} // namespace unknot
