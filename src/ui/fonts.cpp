#include "ui/fonts.hpp"

#include "screens/player/player_layout.hpp"

#include <imgui.h>
#include <imgui_freetype.h>

#include <fontconfig/fontconfig.h>

#include <algorithm>
#include <cmath>
#include <memory>

namespace unknot::ui {

namespace {

float roundTo(float value, float step) { return std::max(step, std::round(value / step) * step); }
float bounded(float px) { return std::min(px, kMaxBakedFontPx); }

// Latin-1 plus the typography routine files use: dashes, quotes, bullet, ellipsis, arrows.
const ImWchar kTextRanges[] = {0x0020, 0x00FF, 0x2013, 0x2014, 0x2018, 0x201D, 0x2022, 0x2022,
                               0x2026, 0x2026, 0x2190, 0x2193, 0x2212, 0x2212, 0};
const ImWchar kDigitRanges[] = {0x0020, 0x0020, 0x002B, 0x003A, 0}; // space, + , - . / 0-9 :
const ImWchar kCapitalRanges[] = {0x0020, 0x0020, 0x0041, 0x005A, 0};
// The player's text is baked at most this size: a Latin-1 font at 128 px already takes a
// 2048 px square of the atlas; larger labels (a 4K window at text size 2) are drawn scaled.
constexpr float kMaxPlayerTextPx = 128.0f;
// The capitals are bold and wide: at 384 px Inter Bold's W is about 370 x 280 px, past the
// FreeType builder's 65,536-pixel chunk (it crashed a 4K window at text size 2); at 256 px
// the widest capital is under half of that. Bigger sides are drawn scaled.
constexpr float kMaxCapitalsPx = 256.0f;
// Inter's capitals are 0.727 of the font size.
constexpr float kInterCapPerPx = 0.727f;

struct PatternDeleter {
    void operator()(FcPattern* p) const { FcPatternDestroy(p); }
};
using Pattern = std::unique_ptr<FcPattern, PatternDeleter>;

// The file fontconfig matches for Inter at this weight, and the family it belongs to.
std::optional<std::pair<std::filesystem::path, std::string>> matchFace(FcConfig* config, int weight) {
    Pattern pattern(FcPatternCreate());
    FcPatternAddString(pattern.get(), FC_FAMILY, reinterpret_cast<const FcChar8*>("Inter"));
    FcPatternAddString(pattern.get(), FC_FAMILY, reinterpret_cast<const FcChar8*>("sans-serif"));
    FcPatternAddInteger(pattern.get(), FC_WEIGHT, weight);
    FcPatternAddInteger(pattern.get(), FC_SLANT, FC_SLANT_ROMAN);
    FcPatternAddBool(pattern.get(), FC_SCALABLE, FcTrue);
    FcConfigSubstitute(config, pattern.get(), FcMatchPattern);
    FcDefaultSubstitute(pattern.get());
    FcResult result = FcResultNoMatch;
    Pattern match(FcFontMatch(config, pattern.get(), &result));
    if (!match) return std::nullopt;
    FcChar8* file = nullptr;
    FcChar8* family = nullptr;
    if (FcPatternGetString(match.get(), FC_FILE, 0, &file) != FcResultMatch) return std::nullopt;
    if (FcPatternGetString(match.get(), FC_FAMILY, 0, &family) != FcResultMatch) family = nullptr;
    return std::make_pair(std::filesystem::path(reinterpret_cast<const char*>(file)),
                          std::string(family ? reinterpret_cast<const char*>(family) : "?"));
}

} // namespace

std::optional<FontFiles> findFontFiles() {
    FcConfig* config = FcInitLoadConfigAndFonts();
    if (!config) return std::nullopt;
    const auto regular = matchFace(config, FC_WEIGHT_REGULAR);
    const auto semibold = matchFace(config, FC_WEIGHT_DEMIBOLD);
    const auto bold = matchFace(config, FC_WEIGHT_BOLD);
    FcConfigDestroy(config);
    if (!regular || !semibold || !bold) return std::nullopt;
    return FontFiles{regular->first, semibold->first, bold->first, regular->second};
}

FontSizes fontSizesFor(float windowHeightPx, float uiScale, float textScale) {
    FontSizes s;
    const float playerText = windowHeightPx * kLabelCapShare * textScale / kInterCapPerPx;
    s.playerText = bounded(roundTo(std::clamp(playerText, 16.0f, kMaxPlayerTextPx), 4));
    // The side's capitals keep their size at a bigger text size (player_layout.hpp).
    const float capitals = windowHeightPx * kSideCapShare * std::min(textScale, 1.0f) / kInterCapPerPx;
    s.capitals = bounded(roundTo(std::clamp(capitals, 16.0f, kMaxCapitalsPx), 8));
    s.body = bounded(roundTo(20.0f * uiScale, 1));
    s.heading = bounded(roundTo(28.0f * uiScale, 1));
    s.title = bounded(roundTo(48.0f * uiScale, 1));
    s.large = bounded(roundTo(std::clamp(windowHeightPx * 0.068f, 26.0f, 160.0f), 2));
    s.huge = bounded(roundTo(countdownPxFor(windowHeightPx), 8));
    return s;
}

float countdownPxFor(float windowHeightPx) {
    return std::max(8.0f, windowHeightPx * kCountdownHeightShare / kDigitHeightPerPx);
}

bool buildFonts(ImFontAtlas& atlas, const FontFiles& files, const FontSizes& sizes, Fonts& out) {
    atlas.Clear();
    atlas.FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    const auto regular = files.regular.string();
    const auto semibold = files.semibold.string();
    const auto bold = files.bold.string();
    ImFontConfig config;
    config.OversampleH = 1; // FreeType hints; oversampling only grows the atlas
    out.body = atlas.AddFontFromFileTTF(regular.c_str(), sizes.body, &config, kTextRanges);
    out.heading = atlas.AddFontFromFileTTF(semibold.c_str(), sizes.heading, &config, kTextRanges);
    out.large = atlas.AddFontFromFileTTF(bold.c_str(), sizes.large, &config, kTextRanges);
    out.title = atlas.AddFontFromFileTTF(bold.c_str(), sizes.title, &config, kTextRanges);
    out.huge = atlas.AddFontFromFileTTF(semibold.c_str(), sizes.huge, &config, kDigitRanges);
    out.playerText = atlas.AddFontFromFileTTF(bold.c_str(), sizes.playerText, &config, kTextRanges);
    out.capitals = atlas.AddFontFromFileTTF(bold.c_str(), sizes.capitals, &config, kCapitalRanges);
    out.hugePx = sizes.huge; // the caller sets the drawn size: countdownPxFor(window height)
    if (!out.body || !out.heading || !out.large || !out.title || !out.huge || !out.playerText || !out.capitals) {
        atlas.Clear();
        ImFont* fallback = atlas.AddFontDefault();
        const float textScale = out.textScale, uiScale = out.uiScale;
        out = Fonts{fallback, fallback, fallback, fallback, fallback, 13.0f, fallback, fallback, textScale, uiScale};
        atlas.Build();
        return false;
    }
    return atlas.Build();
}

} // namespace unknot::ui
