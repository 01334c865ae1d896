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
            CHECK(s.title <= kMaxBakedFontPx);
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
             {fonts.body, fonts.heading, fonts.large, fonts.title, fonts.huge, fonts.playerText, fonts.capitals}) {
            CHECK(font->FontSize <= kMaxBakedFontPx);
            CHECK(largestGlyphPixels(font) < kBuilderChunkPixels);
        }
    }
    ImGui::DestroyContext(ctx);
}

TEST_CASE("the body, heading and title follow the display scale, the player's fonts do not") {
    const FontSizes one = fontSizesFor(768, 1.0f, 1.0f);
    const FontSizes two = fontSizesFor(768, 2.0f, 1.0f); // a 200 % display, text size 1
    CHECK(two.body == 2 * one.body);
    CHECK(two.heading == 2 * one.heading);
    CHECK(two.title == 2 * one.title);
    CHECK(two.large == one.large);
    CHECK(two.huge == one.huge);
    CHECK(two.playerText == one.playerText);
    CHECK(two.capitals == one.capitals);
}

TEST_CASE("the atlas at the largest scale the settings allow builds within a GL texture") {
    // A 3x display with text size 2, in a 4K window: every font at its largest.
    const auto files = findFontFiles();
    REQUIRE(files);
    ImGuiContext* ctx = ImGui::CreateContext();
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    Fonts fonts;
    REQUIRE(buildFonts(atlas, *files, fontSizesFor(2160, 3.0f * 2.0f, 2.0f), fonts));
    MESSAGE("atlas " << atlas.TexWidth << " x " << atlas.TexHeight);
    CHECK(atlas.TexWidth <= 8192); // OpenGL 3.2 promises 1024; Mesa and every GPU since 2010 take 8192+
    CHECK(atlas.TexHeight <= 8192);
    for (const ImFont* font : {fonts.body, fonts.heading, fonts.title})
        CHECK(largestGlyphPixels(font) < kBuilderChunkPixels);
    ImGui::DestroyContext(ctx);
}
