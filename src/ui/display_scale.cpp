#include "ui/display_scale.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace unknot {

std::optional<double> parseScaleNumber(std::string_view text) {
    // strtod needs a terminated string; no resource or variable worth reading is this long.
    if (text.size() > 64) return std::nullopt;
    // Decimal only: strtod would also take hexadecimal ("0x60") and "inf".
    if (text.find_first_not_of("0123456789.+-eE \t\n") != std::string_view::npos) return std::nullopt;
    const std::string s(text);
    const char* begin = s.c_str();
    char* end = nullptr;
    const double v = std::strtod(begin, &end);
    if (end == begin) return std::nullopt;
    // Only blanks may follow ("192", " 1.5 "): "2x" or "96dpi" is not what the tools write.
    for (const char* p = end; *p; ++p)
        if (*p != ' ' && *p != '\t' && *p != '\n') return std::nullopt;
    if (!std::isfinite(v) || v <= 0) return std::nullopt;
    return v;
}

DisplayScale chooseDisplayScale(const DisplayScaleInputs& in) {
    const auto usable = [](std::optional<double> v) { return v && std::isfinite(*v) && *v > 0; };
    const auto parsed = [](const std::optional<std::string>& text) {
        return text ? parseScaleNumber(*text) : std::nullopt;
    };
    const double ratio =
        std::isfinite(in.drawablePerWindowPixel) ? std::clamp(in.drawablePerWindowPixel, 1.0, kMaxDisplayScale) : 1.0;
    DisplayScale out;
    std::optional<double> found;
    if (usable(in.setting)) {
        found = in.setting;
        out.source = "setting";
    } else if (auto dpi = parsed(in.xftDpi)) {
        found = *dpi / 96.0;
        out.source = "Xft.dpi";
    } else if (auto gdk = parsed(in.gdkScale)) {
        found = gdk;
        out.source = "GDK_SCALE";
    } else if (auto qt = parsed(in.qtScaleFactor)) {
        found = qt;
        out.source = "QT_SCALE_FACTOR";
    } else if (ratio > 1.0) {
        found = ratio;
        out.source = "drawable";
    } else if (usable(in.sdlDpi)) {
        found = *in.sdlDpi / 96.0;
        out.source = "SDL dpi";
    }
    out.displayScale = std::clamp(found.value_or(1.0), kMinDisplayScale, kMaxDisplayScale);
    // Where the window system scales already (a window of 1000 units drawn on 2000 pixels),
    // only what is left of the display's scale applies to window units.
    out.scale = out.displayScale / ratio;
    return out;
}

DisplayScaleWatch::DisplayScaleWatch(const DisplayScaleInputs& desktop, std::uint64_t nowMs)
    : inputs_(desktop), chosen_(chooseDisplayScale(desktop)), lastReadMs_(nowMs) {}

bool DisplayScaleWatch::readDue(std::uint64_t nowMs) const {
    return readSoon_ || nowMs + kReadEarlyMs >= lastReadMs_ + kReadEveryMs;
}

std::uint64_t DisplayScaleWatch::msUntilRead(std::uint64_t nowMs) const {
    if (readDue(nowMs)) return 0;
    return lastReadMs_ + kReadEveryMs - nowMs;
}

bool DisplayScaleWatch::read(const DisplayScaleInputs& desktop, std::uint64_t nowMs) {
    const std::optional<double> setting = inputs_.setting;
    inputs_ = desktop;
    inputs_.setting = setting;
    lastReadMs_ = nowMs;
    readSoon_ = false;
    const DisplayScale before = chosen_;
    chosen_ = chooseDisplayScale(inputs_);
    return chosen_ != before;
}

bool DisplayScaleWatch::setSetting(std::optional<double> setting) {
    inputs_.setting = setting;
    const DisplayScale before = chosen_;
    chosen_ = chooseDisplayScale(inputs_);
    return chosen_ != before;
}

DisplayScale DisplayScaleWatch::desktop() const {
    DisplayScaleInputs desktop = inputs_;
    desktop.setting.reset();
    return chooseDisplayScale(desktop);
}

} // namespace unknot
