#pragma once
// The colour of each phase kind, and the text colour drawn on it.
//
// Hues from the Okabe-Ito palette, which stays distinguishable with the common forms of
// colour-blindness; lightness alternates too (dark tense/hold/manual carry white text, the
// light kinds carry near-black text), so kinds differ even without hue. Every background
// carries its text at 7:1 or more (WCAG AAA), and every pair of kinds stays at least 10
// CIEDE2000 apart with normal vision, protanopia and deuteranopia (roll is paled from
// Okabe-Ito's #CC79A7 family so that protanopes tell it from prepare's sky blue);
// tests/unit/test_palette.cpp holds us to both.
// Plain data without ImGui, so it can be tested.

#include "routine/routine.hpp"

#include <cmath>
#include <cstdint>

namespace unknot::ui {

struct Rgb {
    std::uint8_t r = 0, g = 0, b = 0;
};

struct KindColours {
    Rgb background;
    Rgb text;
};

inline constexpr Rgb kInk{0x11, 0x11, 0x11};
inline constexpr Rgb kPaper{0xFF, 0xFF, 0xFF};
// On the dark screens (library, editor, quick set, history):
inline constexpr Rgb kAccent{0x56, 0xB4, 0xE9};  // the Start button, the history's bars
inline constexpr Rgb kProblem{0xFF, 0x9E, 0x80}; // what stops a routine playing
inline constexpr Rgb kGood{0x3D, 0xD6, 0xA0};    // "ready to play"

[[nodiscard]] constexpr KindColours kindColours(PhaseKind kind) {
    switch (kind) {
    case PhaseKind::Prepare: return {{0x56, 0xB4, 0xE9}, kInk}; // sky blue
    case PhaseKind::Tense: return {{0x8A, 0x2E, 0x00}, kPaper};  // deep vermillion
    case PhaseKind::Release: return {{0x3D, 0xD6, 0xA0}, kInk}; // light bluish green
    case PhaseKind::Hold: return {{0x00, 0x4C, 0x7A}, kPaper};   // deep blue
    case PhaseKind::Roll: return {{0xE6, 0xB4, 0xCA}, kInk};    // light reddish purple, paled
    case PhaseKind::Rest: return {{0xF0, 0xE4, 0x42}, kInk};    // yellow
    case PhaseKind::Switch: return {{0xE6, 0x9F, 0x00}, kInk};  // orange
    case PhaseKind::Manual: return {{0x2E, 0x2E, 0x3A}, kPaper}; // slate
    }
    return {kPaper, kInk};
}

// WCAG relative luminance and contrast ratio.
[[nodiscard]] inline double relativeLuminance(Rgb c) {
    const auto channel = [](std::uint8_t v) {
        const double s = v / 255.0;
        return s <= 0.03928 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

[[nodiscard]] inline double contrastRatio(Rgb a, Rgb b) {
    const double la = relativeLuminance(a), lb = relativeLuminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

} // namespace unknot::ui
