#include "ui/palette.hpp"

#include <doctest/doctest.h>

using namespace unknot;
using namespace unknot::ui;

TEST_CASE("every phase colour carries text at 7:1 or more") {
    for (PhaseKind kind : kAllKinds) {
        CAPTURE(kindName(kind));
        const auto c = kindColours(kind);
        CHECK(contrastRatio(c.background, c.text) >= 7.0);
    }
}

TEST_CASE("phase colours are all different and differ in lightness pairwise where hues are close") {
    for (PhaseKind a : kAllKinds)
        for (PhaseKind b : kAllKinds) {
            if (a == b) continue;
            const auto ca = kindColours(a).background, cb = kindColours(b).background;
            CHECK_FALSE((ca.r == cb.r && ca.g == cb.g && ca.b == cb.b));
        }
    // Tense and release, the pair people must never confuse, differ strongly in lightness.
    CHECK(contrastRatio(kindColours(PhaseKind::Tense).background, kindColours(PhaseKind::Release).background) > 4.5);
}

TEST_CASE("contrastRatio matches WCAG reference values") {
    CHECK(contrastRatio(Rgb{0, 0, 0}, Rgb{255, 255, 255}) == doctest::Approx(21.0));
    CHECK(contrastRatio(Rgb{119, 119, 119}, Rgb{255, 255, 255}) == doctest::Approx(4.48).epsilon(0.01));
}
