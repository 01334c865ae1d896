#include "ui/colour_vision.hpp"
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

TEST_CASE("deltaE2000 matches Sharma's reference pairs") {
    // Sharma, Wu and Dalal (2005), table 1: pairs 1, 7, 17 and 25.
    CHECK(deltaE2000({50, 2.6772, -79.7751}, {50, 0, -82.7485}) == doctest::Approx(2.0425).epsilon(1e-4));
    CHECK(deltaE2000({50, 0, 0}, {50, -1, 2}) == doctest::Approx(2.3669).epsilon(1e-4));
    CHECK(deltaE2000({50, 2.5, 0}, {73, 25, -18}) == doctest::Approx(27.1492).epsilon(1e-4));
    CHECK(deltaE2000({60.2574, -34.0099, 36.2677}, {60.4626, -34.1751, 39.4387}) ==
          doctest::Approx(1.2644).epsilon(1e-4));
}

TEST_CASE("simulated colour blindness merges red and green but keeps white") {
    const Rgb red{0xD5, 0x5E, 0x00}, green{0x00, 0x9E, 0x73};
    CHECK(deltaE2000(toLab(red), toLab(green)) > 30);
    CHECK(deltaE2000(toLab(kPaper, Vision::Protanopia), toLab(kPaper)) < 1.0);
    const Lab white = toLab(kPaper);
    CHECK(white.l == doctest::Approx(100).epsilon(0.001));
}

TEST_CASE("every pair of phase colours stays 10 CIEDE2000 apart under normal vision, protanopia and deuteranopia") {
    for (Vision vision : kAllVisions)
        for (PhaseKind a : kAllKinds)
            for (PhaseKind b : kAllKinds) {
                if (a >= b) continue;
                CAPTURE(visionName(vision));
                CAPTURE(kindName(a));
                CAPTURE(kindName(b));
                const double d =
                    deltaE2000(toLab(kindColours(a).background, vision), toLab(kindColours(b).background, vision));
                CHECK(d >= 10.0);
            }
}
