#pragma once
// How far apart two colours look, to people with normal colour vision and to the one in
// twelve men with a red-green deficiency: CIEDE2000 colour differences (Sharma, Wu and Dalal
// 2005) between sRGB colours, optionally after simulating protanopia or deuteranopia with the
// full-severity matrices of Machado, Oliveira and Fernandes (2009), applied in linear RGB.
// Plain maths, no ImGui: the palette's test holds every pair of phase colours apart with it.

#include "ui/palette.hpp"

namespace unknot::ui {

struct Lab {
    double l = 0, a = 0, b = 0;
};

enum class Vision { Normal, Protanopia, Deuteranopia };
inline constexpr Vision kAllVisions[] = {Vision::Normal, Vision::Protanopia, Vision::Deuteranopia};

[[nodiscard]] const char* visionName(Vision v);

// CIE L*a*b* (D65) of an sRGB colour as a person with this vision sees it.
[[nodiscard]] Lab toLab(Rgb c, Vision vision = Vision::Normal);

// CIEDE2000 difference; about 1 is just noticeable, 10 and more reads as another colour.
[[nodiscard]] double deltaE2000(const Lab& x, const Lab& y);

} // namespace unknot::ui
