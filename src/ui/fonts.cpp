#include "ui/fonts.hpp"

#include <imgui.h>
#include <imgui_freetype.h>

#include <algorithm>
#include <cmath>

namespace unknot::ui {

namespace {

float roundTo(float value, float step) { return std::max(step, std::round(value / step) * step); }
float bounded(float px) { return std::min(px, kMaxBakedFontPx); }

// Latin-1 plus the typography routine files use: dashes, quotes, bullet, ellipsis, arrows.
const ImWchar kTextRanges[] = {0x0020, 0x00FF, 0x2013, 0x2014, 0x2018, 0x201D, 0x2022, 0x2022,
                               0x2026, 0x2026, 0x2190, 0x2193, 0x2212, 0x2212, 0};
const ImWchar kDigitRanges[] = {0x0020, 0x0020, 0x002B, 0x003A, 0}; // space, + , - . / 0-9 :

} // namespace

FontSizes fontSizesFor(float windowHeightPx, float uiScale) {
    FontSizes s;
    s.body = bounded(roundTo(20.0f * uiScale, 1));
    s.heading = bounded(roundTo(28.0f * uiScale, 1));
    s.large = bounded(roundTo(std::clamp(windowHeightPx * 0.068f, 26.0f, 160.0f), 2));
    s.huge = bounded(roundTo(countdownPxFor(windowHeightPx), 8));
    return s;
}

float countdownPxFor(float windowHeightPx) {
    return std::max(8.0f, windowHeightPx * kCountdownHeightShare / kDigitHeightPerPx);
}

bool buildFonts(ImFontAtlas& atlas, const std::filesystem::path& fontsDir, const FontSizes& sizes, Fonts& out) {
    atlas.Clear();
    atlas.FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    const auto regular = (fontsDir / "Inter-Regular.otf").string();
    const auto semibold = (fontsDir / "Inter-SemiBold.otf").string();
    const auto bold = (fontsDir / "Inter-Bold.otf").string();
    ImFontConfig config;
    config.OversampleH = 1; // FreeType hints; oversampling only grows the atlas
    out.body = atlas.AddFontFromFileTTF(regular.c_str(), sizes.body, &config, kTextRanges);
    out.heading = atlas.AddFontFromFileTTF(semibold.c_str(), sizes.heading, &config, kTextRanges);
    out.large = atlas.AddFontFromFileTTF(bold.c_str(), sizes.large, &config, kTextRanges);
    out.huge = atlas.AddFontFromFileTTF(semibold.c_str(), sizes.huge, &config, kDigitRanges);
    out.hugePx = sizes.huge; // the caller sets the drawn size: countdownPxFor(window height)
    if (!out.body || !out.heading || !out.large || !out.huge) {
        atlas.Clear();
        ImFont* fallback = atlas.AddFontDefault();
        out = Fonts{fallback, fallback, fallback, fallback, 13.0f};
        atlas.Build();
        return false;
    }
    return atlas.Build();
}

} // namespace unknot::ui
