#pragma once
// The fonts, loaded at the pixel sizes they are drawn at so even the huge digits are crisp.
// The large sizes follow the window height; the app rebuilds the atlas when it changes.

#include <filesystem>

struct ImFont;
struct ImFontAtlas;

namespace unknot::ui {

struct Fonts {
    ImFont* body = nullptr;    // lists, notes, buttons
    ImFont* heading = nullptr; // names, the next phase
    ImFont* large = nullptr;   // the phase word and the step label
    ImFont* huge = nullptr;    // countdown digits only
    float hugePx = 0;
};

struct FontSizes {
    float body = 20;
    float heading = 28;
    float large = 48;
    float huge = 300;
    bool operator==(const FontSizes&) const = default;
};

// Body and heading sizes follow the display scale and the user's font scale; large and huge
// follow the window height (the countdown's digits are over a quarter of it). Sizes are
// rounded so small resizes don't rebuild the atlas.
[[nodiscard]] FontSizes fontSizesFor(float windowHeightPx, float uiScale);

// Returns false when the font files cannot be read; ImGui's default font is used then.
bool buildFonts(ImFontAtlas& atlas, const std::filesystem::path& fontsDir, const FontSizes& sizes, Fonts& out);

// How tall a digit of the huge font is, as a share of its pixel size (Inter's figures, as
// FreeType renders them: measured 190 px at 296 px).
inline constexpr float kDigitHeightPerPx = 0.64f;
// The countdown's digits take this share of the window height.
inline constexpr float kCountdownHeightShare = 0.30f;

} // namespace unknot::ui
