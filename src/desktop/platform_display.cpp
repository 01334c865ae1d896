#include "desktop/platform_display.hpp"

#include <SDL.h>
#include <SDL_syswm.h>
#include <X11/Xatom.h>
#include <X11/Xlib.h>
#include <X11/Xresource.h>

#include <cstring>
#include <memory>

namespace unknot {

namespace {

struct DatabaseDeleter {
    void operator()(_XrmHashBucketRec* db) const { XrmDestroyDatabase(db); }
};
struct XFreeDeleter {
    void operator()(unsigned char* data) const { XFree(data); }
};

// No desktop publishes resources anywhere near this; a larger property is read this far.
constexpr long kMaxResourceBytes = 1 << 20;

// The RESOURCE_MANAGER property of the root window as it is now. Xlib's XResourceManagerString
// is the copy taken when the connection opened, so it never shows a scale the desktop changed
// later (GNOME and KDE rewrite the property; so does `xrdb -merge`).
std::optional<std::string> resourceManager(Display* display) {
    Atom type = 0;
    int format = 0;
    unsigned long items = 0, bytesAfter = 0;
    unsigned char* data = nullptr;
    const int status =
        XGetWindowProperty(display, RootWindow(display, 0), XA_RESOURCE_MANAGER, 0, kMaxResourceBytes / 4, False,
                           XA_STRING, &type, &format, &items, &bytesAfter, &data);
    const std::unique_ptr<unsigned char, XFreeDeleter> owned(data);
    if (status != Success || !data || type != XA_STRING || format != 8) return std::nullopt;
    return std::string(reinterpret_cast<const char*>(data), items);
}

// The value of an X resource as the desktop published it (xrdb; GNOME's and KDE's settings
// daemons set Xft.dpi to 96 times the scale), read afresh through the X connection SDL opened.
std::optional<std::string> xResource(SDL_Window* window, const char* name, const char* cls) {
    SDL_SysWMinfo info;
    SDL_VERSION(&info.version);
    if (!SDL_GetWindowWMInfo(window, &info) || info.subsystem != SDL_SYSWM_X11 || !info.info.x11.display)
        return std::nullopt;
    const std::optional<std::string> resources = resourceManager(info.info.x11.display);
    if (!resources) return std::nullopt;
    XrmInitialize();
    std::unique_ptr<_XrmHashBucketRec, DatabaseDeleter> db(XrmGetStringDatabase(resources->c_str()));
    if (!db) return std::nullopt;
    char* type = nullptr;
    XrmValue value{};
    if (!XrmGetResource(db.get(), name, cls, &type, &value) || !value.addr) return std::nullopt;
    return std::string(value.addr, strnlen(value.addr, value.size)); // size counts the final NUL
}

std::optional<std::string> environment(const char* name) {
    const char* v = SDL_getenv(name);
    return v ? std::optional<std::string>(v) : std::nullopt;
}

} // namespace

DisplayScaleInputs probeDisplayScale(SDL_Window* window) {
    DisplayScaleInputs in;
    in.xftDpi = xResource(window, "Xft.dpi", "Xft.Dpi");
    in.gdkScale = environment("GDK_SCALE");
    in.qtScaleFactor = environment("QT_SCALE_FACTOR");
    float ddpi = 0;
    if (SDL_GetDisplayDPI(SDL_GetWindowDisplayIndex(window), &ddpi, nullptr, nullptr) == 0) in.sdlDpi = ddpi;
    int w = 0, h = 0, dw = 0, dh = 0;
    SDL_GetWindowSize(window, &w, &h);
    SDL_GL_GetDrawableSize(window, &dw, &dh);
    if (w > 0 && dw > 0) in.drawablePerWindowPixel = static_cast<double>(dw) / w;
    return in;
}

} // namespace unknot
