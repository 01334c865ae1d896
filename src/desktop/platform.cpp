#include "desktop/platform.hpp"

#include "core/i18n.hpp"
#include <SDL.h>
#include <SDL_opengl.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>
#if __has_include(<backends/imgui_impl_sdl2.h>) // Dear ImGui 1.89 renamed the SDL2 backend's header
#include <backends/imgui_impl_sdl2.h>
#else
#include <backends/imgui_impl_sdl.h>
#endif

#include "core/i18n.hpp"
#include "core/text.hpp"
#include "desktop/platform_display.hpp"
#include "ui/input_gate.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <deque>
#include <string_view>
#include <utility>

namespace unknot {

namespace {

// For the test mode's start-up steps: SDL_GetTicks is whole milliseconds.
double preciseMs() {
    return static_cast<double>(SDL_GetPerformanceCounter()) * 1000.0 /
           static_cast<double>(SDL_GetPerformanceFrequency());
}

ui::Key translate(SDL_Keycode key) {
    switch (key) {
    case SDLK_SPACE: return ui::Key::Space;
    case SDLK_LEFT: return ui::Key::Left;
    case SDLK_RIGHT: return ui::Key::Right;
    case SDLK_UP: return ui::Key::Up;
    case SDLK_DOWN: return ui::Key::Down;
    case SDLK_TAB: return ui::Key::Tab;
    case SDLK_RETURN:
    case SDLK_KP_ENTER: return ui::Key::Enter;
    case SDLK_ESCAPE: return ui::Key::Escape;
    // No case for + (SDLK_PLUS, SDLK_KP_PLUS): it comes as text as well, on every layout, and
    // counting both added 30 s. The text "+" below is the one that counts.
    case SDLK_SLASH:
    case SDLK_KP_DIVIDE: return ui::Key::Slash;
    case SDLK_r: return ui::Key::R;
    case SDLK_f: return ui::Key::F;
    case SDLK_F11: return ui::Key::F11;
    case SDLK_m: return ui::Key::M;
    case SDLK_q: return ui::Key::Q;
    case SDLK_s: return ui::Key::S;
    case SDLK_y: return ui::Key::Y;
    case SDLK_z: return ui::Key::Z;
    case SDLK_n: return ui::Key::N;
    case SDLK_h: return ui::Key::H;
    case SDLK_e: return ui::Key::E;
    case SDLK_DELETE: return ui::Key::Delete;
    case SDLK_t: return ui::Key::T;
    case SDLK_o: return ui::Key::O;
    case SDLK_p: return ui::Key::P;
    case SDLK_b: return ui::Key::B;
    case SDLK_k: return ui::Key::K;
    case SDLK_d: return ui::Key::D;
    case SDLK_i: return ui::Key::I;
    case SDLK_0:
    case SDLK_KP_0: return ui::Key::Digit0;
    case SDLK_1:
    case SDLK_KP_1: return ui::Key::Digit1;
    case SDLK_2:
    case SDLK_KP_2: return ui::Key::Digit2;
    case SDLK_3:
    case SDLK_KP_3: return ui::Key::Digit3;
    case SDLK_4:
    case SDLK_KP_4: return ui::Key::Digit4;
    case SDLK_5:
    case SDLK_KP_5: return ui::Key::Digit5;
    case SDLK_6:
    case SDLK_KP_6: return ui::Key::Digit6;
    case SDLK_7:
    case SDLK_KP_7: return ui::Key::Digit7;
    case SDLK_8:
    case SDLK_KP_8: return ui::Key::Digit8;
    case SDLK_9:
    case SDLK_KP_9: return ui::Key::Digit9;
    case SDLK_AUDIOPLAY: return ui::Key::MediaPlay;
    case SDLK_AUDIONEXT: return ui::Key::MediaNext;
    case SDLK_AUDIOPREV: return ui::Key::MediaPrevious;
    case SDLK_AUDIOSTOP: return ui::Key::MediaStop;
    default: return ui::Key::Other;
    }
}

// Marked here, translated where it is said.
constexpr const char* kNoDisplay = N_("cannot open a window: no display (DISPLAY/WAYLAND_DISPLAY unset)");

// Dear ImGui 1.86's SDL backend reads the modifiers from SDL, 1.87+'s from each event.
constexpr bool kImGuiQueuesInput = IMGUI_VERSION_NUM >= 18700;

ui::InputTouch touchOf(const SDL_Event& e) {
    using Kind = ui::InputTouch::Kind;
    switch (e.type) {
    case SDL_KEYDOWN:
    case SDL_KEYUP:
        return {Kind::Key, static_cast<int>(e.key.keysym.scancode),
                (e.key.keysym.mod & (KMOD_CTRL | KMOD_LALT | KMOD_GUI)) != 0};
    case SDL_TEXTINPUT: return {Kind::Text, 0};
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP: return {Kind::MouseButton, e.button.button};
    default: return {Kind::Other, 0};
    }
}

// ImGui 1.86's SDL backend reads the modifiers from SDL_GetModState(), which already holds
// the state after every event SDL has queued; a key held back to a later frame must carry
// the modifiers it was pressed with.
//
// The left Alt is the app's own (the editor's step keys, Alt+T …; ui::stepKeys()) and Dear ImGui
// never sees it: with keyboard navigation on, ImGui takes Alt pressed and released alone for
// "to the menu layer", which (1.86) took the keys from the text field being typed in and left
// Tab nothing to reach, and the app has no menus. The right Alt (AltGr) goes to ImGui as before.
void feedImGui(const SDL_Event& event) {
    const bool key = event.type == SDL_KEYDOWN || event.type == SDL_KEYUP;
    if (key && event.key.keysym.sym == SDLK_LALT) return;
    SDL_Event e = event;
    if (key) e.key.keysym.mod = static_cast<Uint16>(e.key.keysym.mod & ~KMOD_LALT);
    if (kImGuiQueuesInput || !key) {
        ImGui_ImplSDL2_ProcessEvent(&e);
        return;
    }
    const SDL_Keymod now = SDL_GetModState();
    SDL_SetModState(static_cast<SDL_Keymod>(e.key.keysym.mod));
    ImGui_ImplSDL2_ProcessEvent(&e);
    SDL_SetModState(now);
}

} // namespace

struct Platform::Impl {
    SDL_Window* window = nullptr;
    SDL_GLContext gl = nullptr;
    std::string iniFile;
    ui::FontFiles fontFiles;
    float uiScale = 1.0f;   // displayScale.scale * textScale: the library's, forms' and history's
    float textScale = 1.0f; // the user's text size alone (the player sizes from the window)
    // The display's scale, chosen from what the desktop says (read again while the app runs)
    // and the user's ui_scale.
    std::optional<DisplayScaleWatch> displayScale;
    float styledScale = 0; // the scale ImGui's style sizes were last made for
    ui::FontSizes fontSizes{};
    bool imguiReady = false;
    bool deviceObjects = false; // the GL backend's shaders and buffers exist
    // The font atlas as one 8-bit channel (GL 3.3 or ARB_texture_swizzle): drawn as white with
    // that alpha, as Dear ImGui's RGBA copy would be, at a quarter of its size to make, upload
    // and keep. Else the backend's own RGBA texture.
    bool alphaAtlas = false;
    GLuint atlasTexture = 0;    // ours, when alphaAtlas
    WindowGeometry windowed;    // last geometry while not fullscreen
    // Fullscreen because the command line asked (--fullscreen), and not toggled since: the
    // settings keep the fullscreen they had, since a flag is for that run only.
    bool fullscreenForRunOnly = false;
    // ImGui 1.86 only: events that would have conflicted with one already given to this
    // frame, oldest first; they go before anything newer in SDL's queue.
    std::deque<SDL_Event> heldBack;
    ui::FrameInputGate gate;
    ui::TypingGuard typing;                  // no text to the fields while Ctrl, the left Alt or Super is held
    std::vector<std::string> typedBeyondBmp; // given to ImGui, not yet taken (takeTypedBeyondBmp)
    // Our user events: a media command from a remote, and the volume one set (the next number).
    Uint32 mediaEvent = static_cast<Uint32>(-1);
    // UNKNOT_TEST_MODE=1: each wake and each frame is logged with the input it took, so an
    // end-to-end test can send one event and wait until a frame has read it.
    bool testMode = false;
    unsigned long long wakes = 0, frames = 0;
    unsigned long long keys = 0, texts = 0, buttons = 0; // input events given to ImGui so far
    unsigned long long textsIgnored = 0;                 // text typed with a command modifier held
    // UNKNOT_TEST_TEXT_WITH_MODIFIERS=1 (test mode): a letter pressed with Ctrl, the left Alt or
    // Super is followed by its letter as text, as some input methods send it, which X11 alone
    // (Xvfb) never does.
    bool testTextWithModifiers = false;

    void count(const SDL_Event& e) {
        switch (touchOf(e).kind) {
        case ui::InputTouch::Kind::Key: ++keys; break;
        case ui::InputTouch::Kind::Text: ++texts; break;
        case ui::InputTouch::Kind::MouseButton: ++buttons; break;
        case ui::InputTouch::Kind::Other: break;
        }
    }

    ~Impl() {
        if (atlasTexture) glDeleteTextures(1, &atlasTexture);
        if (imguiReady) {
            ImGui_ImplOpenGL3_Shutdown();
            ImGui_ImplSDL2_Shutdown();
            ImGui::DestroyContext();
        }
        if (gl) SDL_GL_DeleteContext(gl);
        if (window) SDL_DestroyWindow(window);
#if !defined(__SANITIZE_ADDRESS__)
        SDL_QuitSubSystem(SDL_INIT_VIDEO);
#else
            // Under ASan, leave SDL's video up until exit: quitting it dlcloses libX11 and the GL
            // driver, and LeakSanitizer can then neither name nor suppress their own leaks
            // (tests/lsan.supp lists those libraries).
#endif
    }

    // Takes the events for one frame: those up to the first that would conflict with one already
    // taken (ui/input_gate.hpp); the rest wait, in order. ImGui 1.87+ could queue them itself, but
    // it would then read some a frame later than the frame that took them (see setup).
    bool nextEvent(SDL_Event& e, int timeoutMs) {
        if (!heldBack.empty()) {
            e = heldBack.front();
            heldBack.pop_front();
        } else if (timeoutMs > 0) {
            if (SDL_WaitEventTimeout(&e, timeoutMs) == 0) return false;
        } else if (SDL_PollEvent(&e) == 0) {
            return false;
        }
        if (gate.admit(touchOf(e))) return true;
        heldBack.push_front(e);
        return false;
    }

    void rememberWindowed() {
        const Uint32 flags = SDL_GetWindowFlags(window);
        if (flags & (SDL_WINDOW_FULLSCREEN | SDL_WINDOW_FULLSCREEN_DESKTOP | SDL_WINDOW_MINIMIZED)) return;
        windowed.maximized = (flags & SDL_WINDOW_MAXIMIZED) != 0;
        if (windowed.maximized) return;
        SDL_GetWindowPosition(window, &windowed.x, &windowed.y);
        SDL_GetWindowSize(window, &windowed.width, &windowed.height);
    }
};

Platform::Platform(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Platform::~Platform() = default;

std::variant<std::unique_ptr<Platform>, std::string> Platform::open(const PlatformOptions& options) {
    auto impl = std::make_unique<Impl>();
    const double t0 = preciseMs();
    SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "1"); // we disable it ourselves while playing
    // With no display, SDL falls back to its invisible offscreen or dummy driver: a window
    // nobody sees, and an app that seems to hang. Only a driver asked for by name may run so.
    const bool driverAsked = SDL_getenv("SDL_VIDEODRIVER") != nullptr;
    const bool haveDisplay = SDL_getenv("DISPLAY") != nullptr || SDL_getenv("WAYLAND_DISPLAY") != nullptr;
    if (!driverAsked && !haveDisplay) return std::string(_(kNoDisplay));
    if (SDL_InitSubSystem(SDL_INIT_VIDEO) != 0)
        // TRANSLATORS: {0} SDL's words for why.
        return format(_("cannot open a window (no display?): {0}"), {SDL_GetError()});
    const std::string_view driver = SDL_GetCurrentVideoDriver() ? SDL_GetCurrentVideoDriver() : "";
    if (!driverAsked && (driver == "offscreen" || driver == "dummy")) {
        SDL_QuitSubSystem(SDL_INIT_VIDEO);
        return std::string(_(kNoDisplay));
    }
    const double tVideo = preciseMs();
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, 0);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 2);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);

    const WindowGeometry& g = options.geometry;
    Uint32 flags = SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
    if (g.maximized) flags |= SDL_WINDOW_MAXIMIZED;
    if (options.fullscreen || g.fullscreen) flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    const int x = g.x >= 0 ? g.x : static_cast<int>(SDL_WINDOWPOS_CENTERED);
    const int y = g.y >= 0 ? g.y : static_cast<int>(SDL_WINDOWPOS_CENTERED);
    impl->window = SDL_CreateWindow(options.title.c_str(), x, y, g.width, g.height, flags);
    if (!impl->window) return format(_("cannot open a window: {0}"), {SDL_GetError()});
    impl->windowed = g;
    impl->fullscreenForRunOnly = options.fullscreen && !g.fullscreen;
    impl->gl = SDL_GL_CreateContext(impl->window);
    if (!impl->gl) return format(_("cannot use OpenGL 3.2 (no driver?): {0}"), {SDL_GetError()});
    SDL_GL_MakeCurrent(impl->window, impl->gl);
    SDL_GL_SetSwapInterval(1);
#if defined(__SANITIZE_ADDRESS__)
    // Under ASan, keep the GL library loaded until exit (one more reference than the window's):
    // destroying the window unloads it, and on Wayland that is EGL, which SDL opened itself, with
    // Mesa's driver; LeakSanitizer could then neither name nor suppress their leaks.
    SDL_GL_LoadLibrary(nullptr);
#endif
    if (!options.iconFile.empty()) {
        if (SDL_Surface* icon = SDL_LoadBMP(options.iconFile.string().c_str())) {
            SDL_SetWindowIcon(impl->window, icon);
            SDL_FreeSurface(icon);
        }
    }

    const double tWindow = preciseMs(); // then: display scale, fontconfig, ImGui and its backends
    // Text follows the display's scale (96 dpi is 1.0) and the user's font scale.
    DisplayScaleInputs desktop = probeDisplayScale(impl->window);
    desktop.setting = options.uiScale;
    impl->displayScale.emplace(desktop, SDL_GetTicks64());
    impl->textScale = static_cast<float>(options.fontScale);
    impl->uiScale = static_cast<float>(impl->displayScale->chosen().scale) * impl->textScale;
    // Inter from the system (Debian's fonts-inter), found through fontconfig.
    if (auto found = ui::findFontFiles()) impl->fontFiles = *found;
    if (impl->fontFiles.family != "Inter")
        // TRANSLATORS: {0} the font used instead (a family's name, or "Dear ImGui's built-in font").
        std::fprintf(stderr, "unknot: %s\n",
                     unknot::format(_("the Inter font is not installed (Debian: fonts-inter); using {0}"),
                                    {impl->fontFiles.family.empty() ? _("Dear ImGui's built-in font")
                                                                    : impl->fontFiles.family.c_str()})
                         .c_str());

    const char* testMode = SDL_getenv("UNKNOT_TEST_MODE");
    impl->testMode = testMode && std::string_view(testMode) == "1";
    const char* textWithModifiers = SDL_getenv("UNKNOT_TEST_TEXT_WITH_MODIFIERS");
    impl->testTextWithModifiers = impl->testMode && textWithModifiers && std::string_view(textWithModifiers) == "1";
    impl->mediaEvent = SDL_RegisterEvents(3); // media, volume, wake
    // Routine and program files dropped onto the window are imported (XDND on X11).
    SDL_EventState(SDL_DROPFILE, SDL_ENABLE);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    impl->iniFile = options.imguiIniFile.string();
    io.IniFilename = impl->iniFile.empty() ? nullptr : impl->iniFile.c_str();
#if IMGUI_VERSION_NUM >= 18700
    // Every ImGui reads each frame's input as it came, whole: the gate (nextEvent) hands it at most
    // one transition per key and button and never text with keys, as 1.86 needs. ImGui 1.87+'s
    // own trickling split a frame's input by other rules (a key's down and its text), so it read
    // some of it a frame later than the frame that took it: keys piled up behind, and a Tab the
    // test mode had reported as read moved the focus a frame after (Debian 13's 1.90).
    io.ConfigInputTrickleEventQueue = false;
#endif
    // Keyboard navigation only in forms (setKeyboardNavigation): elsewhere our single-key
    // controls own the keys, and Space must never also press whichever button has focus.
    ImGui_ImplSDL2_InitForOpenGL(impl->window, impl->gl);
    ImGui_ImplOpenGL3_Init("#version 150");
    impl->imguiReady = true;

    const double tImgui = preciseMs();
    const bool testing = impl->testMode;
    auto platform = std::unique_ptr<Platform>(new Platform(std::move(impl)));
    platform->rebuildFontsIfNeeded();
    if (testing)
        std::fprintf(stderr, "unknot: test startup video_ms=%.1f window_ms=%.1f setup_ms=%.1f fonts_ms=%.1f\n",
                     tVideo - t0, tWindow - tVideo, tImgui - tWindow, preciseMs() - tImgui);
    return platform;
}

namespace {
// Whether a texture's channels can be swizzled (core in GL 3.3).
bool glHasTextureSwizzle() {
    GLint major = 0, minor = 0;
    glGetIntegerv(GL_MAJOR_VERSION, &major);
    glGetIntegerv(GL_MINOR_VERSION, &minor);
    return major > 3 || (major == 3 && minor >= 3) || SDL_GL_ExtensionSupported("GL_ARB_texture_swizzle");
}

// The atlas's alpha into `texture` (made the first time), read as (1, 1, 1, alpha): what
// Dear ImGui's shader multiplies with each vertex's colour, exactly as from its RGBA copy.
void uploadAlphaAtlas(ImFontAtlas& atlas, GLuint& texture) {
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    atlas.GetTexDataAsAlpha8(&pixels, &width, &height);
    GLint bound = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &bound);
    if (!texture) glGenTextures(1, &texture);
    glBindTexture(GL_TEXTURE_2D, texture);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    const GLint swizzle[4] = {GL_ONE, GL_ONE, GL_ONE, GL_RED};
    glTexParameteriv(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_RGBA, swizzle);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, width, height, 0, GL_RED, GL_UNSIGNED_BYTE, pixels);
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(bound));
    atlas.SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(texture)));
}

// Dear ImGui's dark style with our sizes, all times `scale`: made fresh each time, since
// ScaleAllSizes on an already scaled style would compound.
void applyStyle(float scale) {
    ImGuiStyle style;
    ImGui::StyleColorsDark(&style);
    style.WindowPadding = ImVec2(18, 16);
    style.FramePadding = ImVec2(12, 8);
    style.ItemSpacing = ImVec2(12, 10);
    style.FrameRounding = 6;
    style.ScrollbarSize = 18;
    style.ScaleAllSizes(scale);
    ImGui::GetStyle() = style;
}
} // namespace

void Platform::rebuildFontsIfNeeded() {
    const double started = preciseMs();
    bool changed = false;
    if (impl_->styledScale != impl_->uiScale) {
        applyStyle(impl_->uiScale);
        impl_->styledScale = impl_->uiScale;
        changed = true;
    }
    int w = 0, h = 0;
    SDL_GetWindowSize(impl_->window, &w, &h);
    // Sizes are in window units, as ImGui draws; the display's DPI is in uiScale.
    const ui::FontSizes sizes = ui::fontSizesFor(static_cast<float>(h), impl_->uiScale, impl_->textScale);
    if (sizes != impl_->fontSizes || !fonts_.body) {
        impl_->fontSizes = sizes;
        ImGuiIO& io = ImGui::GetIO();
        if (!impl_->deviceObjects) {
            // Shaders and buffers, once, before our fonts exist: the first NewFrame() would
            // otherwise make them and upload the atlas a second time, over a texture 1.86 never
            // frees. The font texture they come with is Dear ImGui's small default atlas.
            ImGui_ImplOpenGL3_CreateDeviceObjects();
            impl_->deviceObjects = true;
            impl_->alphaAtlas = glHasTextureSwizzle();
        }
        ui::buildFonts(*io.Fonts, impl_->fontFiles, sizes, fonts_);
        io.FontDefault = fonts_.body;
        const double built = preciseMs();
        ImGui_ImplOpenGL3_DestroyFontsTexture(); // the backend's, if any: never ours
        if (impl_->alphaAtlas)
            uploadAlphaAtlas(*io.Fonts, impl_->atlasTexture);
        else
            ImGui_ImplOpenGL3_CreateFontsTexture();
        // The atlas's pixels (and any RGBA copy the upload made) live on the GPU now.
        io.Fonts->ClearTexData();
        if (impl_->testMode)
            std::fprintf(stderr, "unknot: test fonts build_ms=%.1f upload_ms=%.1f texture=%s\n", built - started,
                         preciseMs() - built, impl_->alphaAtlas ? "alpha8" : "rgba32");
        changed = true;
    }
    fonts_.hugePx = ui::countdownPxFor(static_cast<float>(h));
    fonts_.textScale = impl_->textScale;
    fonts_.uiScale = impl_->uiScale;
    if (changed && impl_->testMode) {
        // The end-to-end tests read the scale chosen and what it made of the fonts and the style.
        const DisplayScale& d = impl_->displayScale->chosen();
        const ImGuiIO& io = ImGui::GetIO();
        std::fprintf(stderr,
                     "unknot: test ui scale=%.2f display=%.2f source=%s text=%.2f body=%.0f heading=%.0f "
                     "title=%.0f padding=%.1f atlas=%dx%d\n",
                     d.scale, d.displayScale, d.source.c_str(), static_cast<double>(impl_->textScale),
                     static_cast<double>(sizes.body), static_cast<double>(sizes.heading),
                     static_cast<double>(sizes.title), static_cast<double>(ImGui::GetStyle().FramePadding.y),
                     io.Fonts->TexWidth, io.Fonts->TexHeight);
    }
}

std::vector<InputEvent> Platform::waitEvents(int timeoutMs) {
    std::vector<InputEvent> out;
    impl_->gate.nextFrame();
    DisplayScaleWatch& scale = *impl_->displayScale;
    // Awake when the display's scale is due to be read again (at most every 2 s, and mostly at
    // the app's own wakes): no busy loop, no wake for nothing.
    if (timeoutMs > 0)
        timeoutMs = static_cast<int>(
            std::clamp<Uint64>(scale.msUntilRead(SDL_GetTicks64()), 1, static_cast<Uint64>(timeoutMs)));
    SDL_Event e;
    // Held-back events are due now: no sleeping while some wait.
    bool have = impl_->nextEvent(e, impl_->heldBack.empty() ? timeoutMs : 0);
    while (have) {
        const ui::InputTouch touch = touchOf(e);
        impl_->typing.saw(touch);
        const bool typed = impl_->typing.types(touch);
        if (typed) {
            feedImGui(e);
            impl_->count(e);
        } else {
            ++impl_->textsIgnored;
        }
        InputEvent ie;
        switch (e.type) {
        case SDL_QUIT: ie.type = InputEvent::Type::Quit; break;
        case SDL_WINDOWEVENT:
            ie.type = InputEvent::Type::WindowChanged;
            if (e.window.event == SDL_WINDOWEVENT_CLOSE) ie.type = InputEvent::Type::Quit;
            if (e.window.event == SDL_WINDOWEVENT_DISPLAY_CHANGED) scale.displayChanged(); // another monitor
            impl_->rememberWindowed();
            break;
        case SDL_DISPLAYEVENT: scale.displayChanged(); break; // a monitor added, removed or turned
        case SDL_KEYDOWN:
            ie.type = InputEvent::Type::Key;
            ie.key = translate(e.key.keysym.sym);
            ie.ctrl = (e.key.keysym.mod & KMOD_CTRL) != 0;
            // The left Alt alone: the right one is AltGr on many layouts, typing € or @.
            ie.more = {(e.key.keysym.mod & KMOD_LALT) != 0, (e.key.keysym.mod & KMOD_SHIFT) != 0};
            // '+' and '?' come as text: they need Shift on most layouts.
            if (ie.key == ui::Key::Other) ie.type = InputEvent::Type::Other;
            if (impl_->testTextWithModifiers && touch.commandHeld && e.key.keysym.sym >= SDLK_a &&
                e.key.keysym.sym <= SDLK_z) {
                SDL_Event text{};
                text.text.type = SDL_TEXTINPUT;
                text.text.windowID = e.key.windowID;
                text.text.text[0] = static_cast<char>(e.key.keysym.sym);
                SDL_PushEvent(&text);
            }
            break;
        case SDL_DROPFILE:
            if (e.drop.file) {
                ie.type = InputEvent::Type::DropFile;
                ie.file = e.drop.file;
                SDL_free(e.drop.file);
            }
            break;
        case SDL_AUDIODEVICEREMOVED:
            if (!e.adevice.iscapture) ie.type = InputEvent::Type::AudioDeviceRemoved;
            break;
        case SDL_AUDIODEVICEADDED: // also once per device at start-up
            if (!e.adevice.iscapture) ie.type = InputEvent::Type::AudioDeviceAdded;
            break;
        case SDL_TEXTINPUT:
            if (!typed) break;
            for (auto& c : charactersBeyondBmp(e.text.text)) impl_->typedBeyondBmp.push_back(std::move(c));
            if (e.text.text[0] == '+' && e.text.text[1] == 0) {
                ie.type = InputEvent::Type::Key;
                ie.key = ui::Key::Plus;
            } else if (e.text.text[0] == '?' && e.text.text[1] == 0) {
                ie.type = InputEvent::Type::Key;
                ie.key = ui::Key::Question;
            }
            break;
        default:
            if (e.type == impl_->mediaEvent) {
                ie.type = InputEvent::Type::Media;
                ie.media = static_cast<ui::MediaCommand>(e.user.code);
            } else if (e.type == impl_->mediaEvent + 1 && impl_->mediaEvent != static_cast<Uint32>(-1)) {
                ie.type = InputEvent::Type::Volume;
                ie.volume = e.user.code;
            } else if (e.type == impl_->mediaEvent + 2 && impl_->mediaEvent != static_cast<Uint32>(-1)) {
                ie.type = InputEvent::Type::Wake;
            }
            break;
        }
        out.push_back(ie);
        have = impl_->nextEvent(e, 0);
    }
    // The desktop's scale may have changed (GNOME and KDE rewrite Xft.dpi): read it again when due.
    if (const Uint64 now = SDL_GetTicks64(); scale.readDue(now) && scale.read(probeDisplayScale(impl_->window), now)) {
        impl_->uiScale = static_cast<float>(scale.chosen().scale) * impl_->textScale;
        InputEvent changed;
        changed.type = InputEvent::Type::DisplayScaleChanged; // the fonts follow at the next frame
        out.push_back(changed);
    }
    if (impl_->testMode)
        std::fprintf(stderr, "unknot: test wake=%llu t_ms=%u events=%zu held=%zu\n", ++impl_->wakes, SDL_GetTicks(),
                     out.size(), impl_->heldBack.size());
    return out;
}

void Platform::beginFrame() {
    rebuildFontsIfNeeded();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    ImGui::NewFrame();
}

void Platform::endFrame(ui::Rgb clear) {
    ImGui::Render();
    const ImGuiIO& io = ImGui::GetIO();
    glViewport(0, 0, static_cast<int>(io.DisplaySize.x * io.DisplayFramebufferScale.x),
               static_cast<int>(io.DisplaySize.y * io.DisplayFramebufferScale.y));
    glClearColor(clear.r / 255.0f, clear.g / 255.0f, clear.b / 255.0f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    SDL_GL_SwapWindow(impl_->window);
    if (impl_->testMode)
        std::fprintf(stderr, "unknot: test frame=%llu t_ms=%u keys=%llu text=%llu buttons=%llu text_ignored=%llu\n",
                     ++impl_->frames, SDL_GetTicks(), impl_->keys, impl_->texts, impl_->buttons, impl_->textsIgnored);
}

void Platform::setFontScale(double scale) {
    impl_->textScale = static_cast<float>(scale);
    impl_->uiScale = static_cast<float>(impl_->displayScale->chosen().scale) * impl_->textScale;
    // rebuildFontsIfNeeded() at the next frame picks the new sizes up.
}

void Platform::setUiScale(std::optional<double> scale) {
    impl_->displayScale->setSetting(scale);
    impl_->uiScale = static_cast<float>(impl_->displayScale->chosen().scale) * impl_->textScale;
}

const DisplayScale& Platform::displayScale() const { return impl_->displayScale->chosen(); }

DisplayScale Platform::desktopScale() const { return impl_->displayScale->desktop(); }

void Platform::setKeyboardNavigation(bool on) {
    ImGuiIO& io = ImGui::GetIO();
    if (on)
        io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    else
        io.ConfigFlags &= ~ImGuiConfigFlags_NavEnableKeyboard;
}

bool Platform::minimized() const {
    return (SDL_GetWindowFlags(impl_->window) & (SDL_WINDOW_MINIMIZED | SDL_WINDOW_HIDDEN)) != 0;
}

bool Platform::testMode() const { return impl_->testMode; }

bool Platform::typing() const { return ImGui::GetIO().WantTextInput; }

std::vector<std::string> Platform::takeTypedBeyondBmp() { return std::exchange(impl_->typedBeyondBmp, {}); }

void Platform::toggleFullscreen() {
    impl_->fullscreenForRunOnly = false; // the user's choice from now on, saved
    impl_->rememberWindowed();
    SDL_SetWindowFullscreen(impl_->window, fullscreen() ? 0 : SDL_WINDOW_FULLSCREEN_DESKTOP);
}

bool Platform::fullscreen() const {
    return (SDL_GetWindowFlags(impl_->window) & (SDL_WINDOW_FULLSCREEN | SDL_WINDOW_FULLSCREEN_DESKTOP)) != 0;
}

bool Platform::setScreenSaverEnabled(bool enabled) {
    if (enabled == (SDL_IsScreenSaverEnabled() == SDL_TRUE)) return false;
    if (enabled)
        SDL_EnableScreenSaver();
    else
        SDL_DisableScreenSaver();
    return true;
}

WindowGeometry Platform::geometry() const {
    impl_->rememberWindowed();
    WindowGeometry g = impl_->windowed; // its `fullscreen` is still the one the settings gave
    if (!impl_->fullscreenForRunOnly) g.fullscreen = fullscreen();
    return g;
}

namespace {
void pushUserEvent(Uint32 type, Sint32 code) {
    if (type == static_cast<Uint32>(-1)) return; // SDL had no user event left
    SDL_Event e{};
    e.type = type;
    e.user.code = code;
    SDL_PushEvent(&e);
}
} // namespace

void Platform::pushMedia(ui::MediaCommand command) const {
    pushUserEvent(impl_->mediaEvent, static_cast<Sint32>(command));
}
void Platform::pushWake() const {
    if (impl_->mediaEvent != static_cast<Uint32>(-1)) pushUserEvent(impl_->mediaEvent + 2, 0);
}
void Platform::pushVolume(int percent) const {
    if (impl_->mediaEvent != static_cast<Uint32>(-1)) pushUserEvent(impl_->mediaEvent + 1, percent);
}

std::string Platform::videoDriver() const {
    const char* d = SDL_GetCurrentVideoDriver();
    return d ? d : "?";
}

} // namespace unknot
