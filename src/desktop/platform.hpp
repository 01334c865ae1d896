#pragma once
// The one place that talks to SDL's video side and OpenGL: the window, the GL context, Dear
// ImGui's backends, events turned into keys, and the frame. Everything else stays testable
// without a display.

#include "screens/intent.hpp"
#include "store/settings.hpp"
#include "ui/display_scale.hpp"
#include "ui/fonts.hpp"
#include "ui/palette.hpp"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace unknot {

struct PlatformOptions {
    std::string title = "Unknot";
    WindowGeometry geometry;
    bool fullscreen = false; // --fullscreen: for this run only, geometry() does not report it
    std::filesystem::path imguiIniFile;
    std::filesystem::path iconFile; // a BMP; optional
    double fontScale = 1.0;
    std::optional<double> uiScale; // the user's display scale; none: the desktop's (Xft.dpi, …)
};

// What happened since the last wait, already fed to Dear ImGui.
struct InputEvent {
    enum class Type {
        Key,
        Quit,
        WindowChanged,
        DisplayScaleChanged, // the desktop's scale or the monitor changed it: displayScale() is new
        AudioDeviceRemoved,
        AudioDeviceAdded,
        Media,
        Volume,
        Wake, // another thread has something for the window (pushWake)
        Other
    } type = Type::Other;
    ui::Key key = ui::Key::Other;
    ui::MediaCommand media = ui::MediaCommand::PlayPause; // Media: from a remote, via pushMedia()
    int volume = 0;                                       // Volume: 0..100, via pushVolume()
    bool ctrl = false;
    ui::Modifiers more; // Alt (the left one), Shift
};

class Platform {
  public:
    // Opens the window; an error message when there is no display or no OpenGL.
    static std::variant<std::unique_ptr<Platform>, std::string> open(const PlatformOptions& options);
    ~Platform();
    Platform(const Platform&) = delete;
    Platform& operator=(const Platform&) = delete;

    // Sleeps until an event arrives or `timeoutMs` passes (0: don't sleep), then takes the
    // events one frame can read (with ImGui 1.86, up to the first conflicting one; the rest
    // come with the next calls, at once and in order).
    std::vector<InputEvent> waitEvents(int timeoutMs);

    void beginFrame();            // rebuilds the fonts first when the window height or the display's scale changed
    void endFrame(ui::Rgb clear); // clears to `clear`, renders and swaps
    [[nodiscard]] const ui::Fonts& fonts() const { return fonts_; }
    [[nodiscard]] bool minimized() const;
    [[nodiscard]] bool typing() const; // a text field has the keyboard
    // The characters beyond the BMP (emoji) typed since the last call, in order: Dear ImGui's
    // 16-bit fields hold each as U+FFFD, and the editor puts the typed one back (core/text.hpp).
    [[nodiscard]] std::vector<std::string> takeTypedBeyondBmp();
    [[nodiscard]] bool testMode() const; // UNKNOT_TEST_MODE=1: frames and layouts are logged

    // ImGui's keyboard navigation (arrows between widgets, Space to press, Esc to close a
    // popup): on in forms, off where the arrows and Space are the app's own keys.
    void setKeyboardNavigation(bool on);
    void setFontScale(double scale); // the user's text size; the display's DPI still counts
    // The user's display scale (settings' ui_scale), or none to follow the desktop's.
    void setUiScale(std::optional<double> scale);
    // The scale the library, the editor, the settings and the history draw at, and where it
    // came from (ui/display_scale.hpp).
    [[nodiscard]] const DisplayScale& displayScale() const;
    // What the desktop says, without the user's setting: for the settings panel.
    [[nodiscard]] DisplayScale desktopScale() const;
    void toggleFullscreen();
    [[nodiscard]] bool fullscreen() const;
    // True when this changed it.
    bool setScreenSaverEnabled(bool enabled);
    // For saving: the windowed size when fullscreen, and fullscreen only when the settings or
    // the user (toggleFullscreen) chose it, not the command line.
    [[nodiscard]] WindowGeometry geometry() const;
    [[nodiscard]] std::string videoDriver() const;
    // Any thread: queues a media command as an SDL user event, which wakes waitEvents().
    void pushMedia(ui::MediaCommand command) const;
    void pushVolume(int percent) const; // likewise, the volume a remote set
    void pushWake() const;              // likewise, only to wake it (InputEvent::Type::Wake)

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
    ui::Fonts fonts_;
    explicit Platform(std::unique_ptr<Impl> impl);
    void rebuildFontsIfNeeded();
};

} // namespace unknot
