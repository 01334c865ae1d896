#pragma once
// The fonts, loaded at the pixel sizes they are drawn at (up to a bound) so text is crisp.
// The large sizes follow the window height; the app rebuilds the atlas when it changes.
// The countdown's digits are baked at most kMaxBakedFontPx high and drawn scaled beyond that.

#include <filesystem>
#include <optional>
#include <string>

struct ImFont;
struct ImFontAtlas;

namespace unknot::ui {

struct Fonts {
    ImFont* body = nullptr;    // lists, notes, buttons
    ImFont* heading = nullptr; // names, the next phase
    ImFont* large = nullptr;   // the player's and check-in's big words (from the window height)
    ImFont* title = nullptr;   // titles and the Start button of the library and the forms (display scale)
    ImFont* huge = nullptr;    // countdown digits only, baked at FontSizes::huge
    float hugePx = 0;          // the size the countdown is drawn at (may exceed the baked size)
    ImFont* playerText = nullptr; // the player's words, baked near the step label's size
    ImFont* capitals = nullptr;   // bold A-Z only: the side and PAUSED, baked near the side's size
    float textScale = 1;          // the user's text size (settings), without the display's scale
    float uiScale = 1;            // the display's scale times the text size: the library, forms, history
};

// The three faces of Inter the app draws with, as fontconfig finds them (Debian's fonts-inter
// puts them in /usr/share/fonts/opentype/inter). `family` says what was found: "Inter", or the
// system's sans-serif when Inter is not installed.
struct FontFiles {
    std::filesystem::path regular, semibold, bold;
    std::string family;
};

// Asks fontconfig for Inter Regular, SemiBold and Bold; falls back to the default sans-serif
// faces. Empty when fontconfig finds no font file at all.
[[nodiscard]] std::optional<FontFiles> findFontFiles();

struct FontSizes {
    float body = 20;
    float heading = 28;
    float large = 48;
    float title = 48;
    float huge = 300;
    float playerText = 64;
    float capitals = 128;
    bool operator==(const FontSizes&) const = default;
};

// Dear ImGui's FreeType builder (1.86 and 1.90 alike) rasterises each glyph into a 256 KiB
// scratch chunk at 4 bytes a pixel and writes past it for a glyph of over 65,536 pixels: a
// countdown font sized from a 1080p window's height (about 500 px) corrupted the heap at
// every fullscreen start. No font is baked above this size; Inter's largest glyph at 384 px
// is about 250 x 270 px, well inside the chunk. Larger text is drawn scaled from it.
inline constexpr float kMaxBakedFontPx = 384.0f;

// Body, heading and title sizes follow `uiScale`, the display scale times the user's font
// scale (so a 200 % display draws them at twice the pixels, the same size to the eye); large and huge
// follow the window height (the countdown's digits are over a quarter of it). Sizes are
// rounded so small resizes don't rebuild the atlas, and never above kMaxBakedFontPx. The
// player's text and capitals follow the window height and the user's text size (`textScale`)
// as the player's layout does (screens/player/player_layout.hpp); drawn larger than baked, they are scaled.
[[nodiscard]] FontSizes fontSizesFor(float windowHeightPx, float uiScale, float textScale = 1.0f);

// The pixel size the countdown is drawn at in a window this tall: its digits take
// kCountdownHeightShare of the height, whatever size the font was baked at.
[[nodiscard]] float countdownPxFor(float windowHeightPx);

// Returns false when the font files cannot be read; ImGui's default font is used then.
bool buildFonts(ImFontAtlas& atlas, const FontFiles& files, const FontSizes& sizes, Fonts& out);

// How tall a digit of the huge font is, as a share of its pixel size (Inter's figures, as
// FreeType renders them: measured 190 px at 296 px).
inline constexpr float kDigitHeightPerPx = 0.64f;
// The countdown's digits take this share of the window height.
inline constexpr float kCountdownHeightShare = 0.30f;

} // namespace unknot::ui
