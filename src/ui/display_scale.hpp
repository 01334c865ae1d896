#pragma once
// How much larger than at 96 dpi the library, the editor, the settings and the history draw:
// the display's scale, as the desktop publishes it, or the user's own choice. Pure: the
// platform seam (desktop/platform.cpp) gathers the inputs from X11, the environment and SDL.

#include <cstdint>
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

// The display's scale while the app runs: the desktop may change it (GNOME and KDE rewrite the
// root window's RESOURCE_MANAGER, Xft.dpi, when the user picks another scale) and the window may
// move to another monitor. The platform reads the desktop again when this says so and hands the
// result back; this decides what scale that makes and whether it changed. Times are in ms on
// any steady clock.
class DisplayScaleWatch {
  public:
    // Read again this long after the last read: SDL forwards no event of the root window, so a
    // changed Xft.dpi is only seen by reading it, and a read (one X round trip) every 2 s is cheap.
    static constexpr std::uint64_t kReadEveryMs = 2000;
    // A wake this little before a read is due reads already: the app's own wakes (at least every
    // 2 s while idle, desktop/gui_app.cpp) then serve, with hardly a wake of the watch's own.
    static constexpr std::uint64_t kReadEarlyMs = 250;

    // `desktop`: what the desktop said when the window opened (its `setting` is the user's).
    DisplayScaleWatch(const DisplayScaleInputs& desktop, std::uint64_t nowMs);

    // The window moved to another display, or a display was added, removed or changed: read
    // again at the next wake, without waiting for the timer.
    void displayChanged() { readSoon_ = true; }
    [[nodiscard]] bool readDue(std::uint64_t nowMs) const;
    // How long the app may sleep before a read is due (0: read now).
    [[nodiscard]] std::uint64_t msUntilRead(std::uint64_t nowMs) const;
    // A fresh read of the desktop (its `setting` is ignored: the user's stays); true when the
    // scale chosen changed.
    bool read(const DisplayScaleInputs& desktop, std::uint64_t nowMs);
    // The user's ui_scale, or none to follow the desktop; true when the scale chosen changed.
    bool setSetting(std::optional<double> setting);

    [[nodiscard]] const DisplayScale& chosen() const { return chosen_; }
    // What the desktop says, without the user's setting (the settings panel shows it).
    [[nodiscard]] DisplayScale desktop() const;

  private:
    DisplayScaleInputs inputs_;
    DisplayScale chosen_;
    std::uint64_t lastReadMs_ = 0;
    bool readSoon_ = false;
};

// A positive finite number at the start of `text` (after blanks), or nothing.
[[nodiscard]] std::optional<double> parseScaleNumber(std::string_view text);

} // namespace unknot
