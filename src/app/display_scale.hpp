#pragma once
// How much larger than at 96 dpi the library, the editor, the settings and the history draw:
// the display's scale, as the desktop publishes it, or the user's own choice. Pure: the
// platform seam (app/platform.cpp) gathers the inputs from X11, the environment and SDL.

#include <optional>
#include <string>
#include <string_view>

namespace unknot {

// What the scale can be found from, strongest first. Each is as the system gives it (text
// for the X resource and the environment), so that nonsense is this code's to refuse.
struct DisplayScaleInputs {
    std::optional<double> setting;            // settings.toml's ui_scale; none: "auto"
    std::optional<std::string> xftDpi;        // the X resource Xft.dpi (GNOME, KDE, xrdb)
    std::optional<std::string> gdkScale;      // $GDK_SCALE (a whole number)
    std::optional<std::string> qtScaleFactor; // $QT_SCALE_FACTOR
    std::optional<double> sdlDpi;             // SDL_GetDisplayDPI's diagonal dpi
    double drawablePerWindowPixel = 1.0;      // GL drawable / window size (Wayland, macOS: 2 at 200 %)
};

struct DisplayScale {
    double scale = 1.0;          // applied to window units: the display's scale over what the
                                 // window system already scales (drawablePerWindowPixel)
    double displayScale = 1.0;   // the display's scale as found, 1.0 = 96 dpi
    std::string source = "none"; // "setting", "Xft.dpi", "GDK_SCALE", "QT_SCALE_FACTOR",
                                 // "drawable", "SDL dpi" or "none"
    bool operator==(const DisplayScale&) const = default;
};

// A display scale is kept between these: below 1 text gets too small to read, and above 3
// (a 288 dpi screen) the fonts' atlas grows past what the FreeType builder bakes well
// (ui/fonts.hpp); the text-size setting still multiplies on top.
inline constexpr double kMinDisplayScale = 1.0;
inline constexpr double kMaxDisplayScale = 3.0;

// The setting when there is one, else Xft.dpi / 96, else GDK_SCALE, else QT_SCALE_FACTOR, else
// the drawable's ratio to the window, else SDL's dpi / 96, else 1; a value that is not a
// finite positive number is skipped. Clamped to [kMinDisplayScale, kMaxDisplayScale].
[[nodiscard]] DisplayScale chooseDisplayScale(const DisplayScaleInputs& in);

// A positive finite number at the start of `text` (after blanks), or nothing.
[[nodiscard]] std::optional<double> parseScaleNumber(std::string_view text);

} // namespace unknot
