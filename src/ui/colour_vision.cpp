#include "ui/colour_vision.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace unknot::ui {

namespace {

using Matrix = double[3][3];

// Machado et al. 2009, severity 1.0, for linear RGB.
constexpr Matrix kProtanopia = {
    {0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216}, {-0.003882, -0.048116, 1.051998}};
constexpr Matrix kDeuteranopia = {
    {0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413}, {-0.011820, 0.042940, 0.968881}};

double linear(std::uint8_t v) {
    const double s = v / 255.0;
    return s <= 0.04045 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
}

double radians(double degrees) { return degrees * std::numbers::pi / 180.0; }
double degrees(double radians) { return radians * 180.0 / std::numbers::pi; }

} // namespace

const char* visionName(Vision v) {
    switch (v) {
    case Vision::Normal: return "normal vision";
    case Vision::Protanopia: return "protanopia";
    case Vision::Deuteranopia: return "deuteranopia";
    }
    return "?";
}

Lab toLab(Rgb c, Vision vision) {
    double rgb[3] = {linear(c.r), linear(c.g), linear(c.b)};
    if (vision != Vision::Normal) {
        const Matrix& m = vision == Vision::Protanopia ? kProtanopia : kDeuteranopia;
        double out[3];
        for (int i = 0; i < 3; ++i)
            out[i] = std::clamp(m[i][0] * rgb[0] + m[i][1] * rgb[1] + m[i][2] * rgb[2], 0.0, 1.0);
        std::copy(std::begin(out), std::end(out), std::begin(rgb));
    }
    // sRGB (D65) to XYZ, then to L*a*b* relative to the D65 white.
    const double x = 0.4124564 * rgb[0] + 0.3575761 * rgb[1] + 0.1804375 * rgb[2];
    const double y = 0.2126729 * rgb[0] + 0.7151522 * rgb[1] + 0.0721750 * rgb[2];
    const double z = 0.0193339 * rgb[0] + 0.1191920 * rgb[1] + 0.9503041 * rgb[2];
    const auto f = [](double t) {
        constexpr double e = 216.0 / 24389.0, k = 24389.0 / 27.0;
        return t > e ? std::cbrt(t) : (k * t + 16.0) / 116.0;
    };
    const double fx = f(x / 0.95047), fy = f(y), fz = f(z / 1.08883);
    return {116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)};
}

double deltaE2000(const Lab& x, const Lab& y) {
    const double c1 = std::hypot(x.a, x.b), c2 = std::hypot(y.a, y.b);
    const double cMean7 = std::pow((c1 + c2) / 2.0, 7.0);
    const double g = 0.5 * (1.0 - std::sqrt(cMean7 / (cMean7 + std::pow(25.0, 7.0))));
    const double a1 = (1.0 + g) * x.a, a2 = (1.0 + g) * y.a;
    const double c1p = std::hypot(a1, x.b), c2p = std::hypot(a2, y.b);
    const auto hue = [](double b, double a) {
        if (a == 0 && b == 0) return 0.0;
        const double h = degrees(std::atan2(b, a));
        return h < 0 ? h + 360.0 : h;
    };
    const double h1 = hue(x.b, a1), h2 = hue(y.b, a2);
    const bool achromatic = c1p * c2p == 0;

    const double dL = y.l - x.l;
    const double dC = c2p - c1p;
    double dh = achromatic ? 0.0 : h2 - h1;
    if (dh > 180) dh -= 360;
    else if (dh < -180) dh += 360;
    const double dH = 2.0 * std::sqrt(c1p * c2p) * std::sin(radians(dh / 2.0));

    const double lMean = (x.l + y.l) / 2.0, cMeanP = (c1p + c2p) / 2.0;
    double hMean = h1 + h2;
    if (!achromatic) {
        hMean = (h1 + h2) / 2.0;
        if (std::abs(h1 - h2) > 180) hMean += hMean < 180 ? 180 : -180;
    }
    const double t = 1.0 - 0.17 * std::cos(radians(hMean - 30)) + 0.24 * std::cos(radians(2 * hMean)) +
                     0.32 * std::cos(radians(3 * hMean + 6)) - 0.20 * std::cos(radians(4 * hMean - 63));
    const double dTheta = 30.0 * std::exp(-std::pow((hMean - 275.0) / 25.0, 2.0));
    const double cMeanP7 = std::pow(cMeanP, 7.0);
    const double rc = 2.0 * std::sqrt(cMeanP7 / (cMeanP7 + std::pow(25.0, 7.0)));
    const double sl = 1.0 + 0.015 * std::pow(lMean - 50, 2.0) / std::sqrt(20.0 + std::pow(lMean - 50, 2.0));
    const double sc = 1.0 + 0.045 * cMeanP;
    const double sh = 1.0 + 0.015 * cMeanP * t;
    const double rt = -std::sin(radians(2.0 * dTheta)) * rc;
    const double l = dL / sl, c = dC / sc, h = dH / sh;
    return std::sqrt(l * l + c * c + h * h + rt * c * h);
}

} // namespace unknot::ui
