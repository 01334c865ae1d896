#include "ui/fonts.hpp"

#include <imgui.h>

#include <doctest/doctest.h>


using namespace unknot::ui;

namespace {
// Dear ImGui's FreeType builder copies each glyph, 4 bytes a pixel, into a 256 KiB chunk.
constexpr float kBuilderChunkPixels = 256.0f * 1024.0f / 4.0f;

float largestGlyphPixels(const ImFont* font) {
    float most = 0;
    for (const ImFontGlyph& g : font->Glyphs) {
        // Glyph quads are in the baked font's pixels (no oversampling: OversampleH is 1).
        most = std::max(most, (g.X1 - g.X0 + 1) * (g.Y1 - g.Y0 + 1));
    }
    return most;
}
} // namespace

TEST_CASE("no font is baked above the bound at any window height or text scale") {
    for (float height : {400.0f, 768.0f, 1080.0f, 1440.0f, 2160.0f, 4320.0f})
        for (float scale : {0.75f, 1.0f, 2.0f, 4.0f, 8.0f}) {
            CAPTURE(height);
            CAPTURE(scale);
            const FontSizes s = fontSizesFor(height, scale, scale);
            CHECK(s.body <= kMaxBakedFontPx);
            CHECK(s.heading <= kMaxBakedFontPx);
            CHECK(s.large <= kMaxBakedFontPx);
            CHECK(s.huge <= kMaxBakedFontPx);
            CHECK(s.playerText <= kMaxBakedFontPx);
            CHECK(s.capitals <= kMaxBakedFontPx);
        }
}

TEST_CASE("the countdown is drawn at the size the window asks for, beyond the baked size") {
    // 30 % of a 2160 px window is 648 px of digit: far more than any baked font.
    CHECK(countdownPxFor(2160) * kDigitHeightPerPx == doctest::Approx(2160 * kCountdownHeightShare));
    CHECK(countdownPxFor(2160) > kMaxBakedFontPx);
    CHECK(countdownPxFor(400) < countdownPxFor(768));
}

TEST_CASE("the atlas builds for a 4K fullscreen window and every glyph fits the builder's chunk") {
    // The crash this guards against: a 1080p fullscreen start baked ~500 px digits, whose
    // glyphs overflowed the FreeType builder's scratch chunk (a heap overflow; ASan sees it).
    const auto files = findFontFiles();
    REQUIRE(files);
    CHECK(files->family == "Inter"); // scripts/dev installs fonts-inter
    ImGuiContext* ctx = ImGui::CreateContext();
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    for (float height : {400.0f, 1080.0f, 2160.0f}) {
        CAPTURE(height);
        Fonts fonts;
        REQUIRE(buildFonts(atlas, *files, fontSizesFor(height, 4.0f, 2.0f), fonts));
        for (const ImFont* font :
             {fonts.body, fonts.heading, fonts.large, fonts.huge, fonts.playerText, fonts.capitals}) {
            CHECK(font->FontSize <= kMaxBakedFontPx);
            CHECK(largestGlyphPixels(font) < kBuilderChunkPixels);
        }
    }
    ImGui::DestroyContext(ctx);
}
