#include "ui/display_scale.hpp"

#include <doctest/doctest.h>

#include <limits>

using namespace unknot;

TEST_CASE("the display scale comes from the setting, then Xft.dpi, the toolkits, the drawable, SDL") {
    DisplayScaleInputs in;
    in.setting = 1.5;
    in.xftDpi = "192";
    in.gdkScale = "3";
    in.qtScaleFactor = "2.5";
    in.sdlDpi = 120.0;
    CHECK(chooseDisplayScale(in) == DisplayScale{1.5, 1.5, "setting"});
    in.setting.reset(); // "auto"
    CHECK(chooseDisplayScale(in) == DisplayScale{2.0, 2.0, "Xft.dpi"});
    in.xftDpi.reset();
    CHECK(chooseDisplayScale(in) == DisplayScale{3.0, 3.0, "GDK_SCALE"});
    in.gdkScale.reset();
    CHECK(chooseDisplayScale(in) == DisplayScale{2.5, 2.5, "QT_SCALE_FACTOR"});
    in.qtScaleFactor.reset();
    CHECK(chooseDisplayScale(in) == DisplayScale{1.25, 1.25, "SDL dpi"});
    in.sdlDpi.reset();
    CHECK(chooseDisplayScale(in) == DisplayScale{1.0, 1.0, "none"});
}

TEST_CASE("where the window system scales already, only the rest applies to window units") {
    DisplayScaleInputs in;
    in.drawablePerWindowPixel = 2.0; // Wayland at 200 %: a 1000-unit window on 2000 pixels
    in.sdlDpi = 192.0;
    CHECK(chooseDisplayScale(in) == DisplayScale{1.0, 2.0, "drawable"});
    in.setting = 3.0;
    CHECK(chooseDisplayScale(in) == DisplayScale{1.5, 3.0, "setting"});
    in.drawablePerWindowPixel = std::numeric_limits<double>::quiet_NaN();
    CHECK(chooseDisplayScale(in) == DisplayScale{3.0, 3.0, "setting"});
    in.drawablePerWindowPixel = 0.5; // never below the window's own units
    CHECK(chooseDisplayScale(in).scale == 3.0);
}

TEST_CASE("the display scale is clamped to 1 to 3") {
    DisplayScaleInputs in;
    in.xftDpi = "72";
    CHECK(chooseDisplayScale(in) == DisplayScale{1.0, 1.0, "Xft.dpi"});
    in.xftDpi = "960";
    CHECK(chooseDisplayScale(in) == DisplayScale{3.0, 3.0, "Xft.dpi"});
    in.xftDpi = "144";
    CHECK(chooseDisplayScale(in).scale == doctest::Approx(1.5));
    in.xftDpi = " 168.0\n"; // some desktops write a fraction
    CHECK(chooseDisplayScale(in).scale == doctest::Approx(1.75));
    in.setting = 100.0; // the settings reader refuses it; should one come here, it is clamped
    CHECK(chooseDisplayScale(in).scale == 3.0);
}

TEST_CASE("nonsense in the resource or the environment is skipped, not believed") {
    for (const char* garbage :
         {"", " ", "abc", "0", "-96", "nan", "inf", "1e400", "96dpi", "2x", "0x60", "192 192", "\xF0\x9F\xA6\xB6"}) {
        CAPTURE(garbage);
        DisplayScaleInputs in;
        in.xftDpi = garbage;
        in.gdkScale = garbage;
        in.qtScaleFactor = garbage;
        CHECK(chooseDisplayScale(in) == DisplayScale{1.0, 1.0, "none"});
        in.sdlDpi = 144.0; // the next source still counts
        CHECK(chooseDisplayScale(in) == DisplayScale{1.5, 1.5, "SDL dpi"});
    }
    DisplayScaleInputs in;
    in.xftDpi = std::string(100000, '9'); // a megabyte of digits is not read
    CHECK(chooseDisplayScale(in).source == "none");
    in.sdlDpi = -1.0;
    in.setting = std::numeric_limits<double>::infinity();
    CHECK(chooseDisplayScale(in) == DisplayScale{1.0, 1.0, "none"});
}

TEST_CASE("the display scale is read again every 2 s, or at once when the display changed") {
    DisplayScaleInputs at96;
    DisplayScaleWatch watch(at96, 10'000);
    CHECK(watch.chosen() == DisplayScale{1.0, 1.0, "none"});
    CHECK_FALSE(watch.readDue(10'000));
    CHECK(watch.msUntilRead(10'000) == DisplayScaleWatch::kReadEveryMs);
    CHECK_FALSE(watch.readDue(11'000));
    CHECK(watch.msUntilRead(11'500) == 500);
    // A wake a little before the read is due reads already: no wake of its own just after it.
    CHECK(watch.readDue(10'000 + DisplayScaleWatch::kReadEveryMs - DisplayScaleWatch::kReadEarlyMs));
    CHECK(watch.msUntilRead(12'000) == 0);
    // The same desktop: no change.
    CHECK_FALSE(watch.read(at96, 12'000));
    CHECK_FALSE(watch.readDue(12'100));
    // The window moved to another monitor: read at the next wake.
    watch.displayChanged();
    CHECK(watch.readDue(12'100));
    CHECK(watch.msUntilRead(12'100) == 0);
    DisplayScaleInputs at192;
    at192.xftDpi = "192";
    CHECK(watch.read(at192, 12'100));
    CHECK(watch.chosen() == DisplayScale{2.0, 2.0, "Xft.dpi"});
    CHECK_FALSE(watch.readDue(12'200));
    CHECK_FALSE(watch.read(at192, 14'100));
    // And back to 100 % as a desktop writes it.
    DisplayScaleInputs back;
    back.xftDpi = "96";
    CHECK(watch.read(back, 16'100));
    CHECK(watch.chosen() == DisplayScale{1.0, 1.0, "Xft.dpi"});
}

TEST_CASE("the user's display scale stays whatever the desktop says, which the panel still shows") {
    DisplayScaleInputs start;
    start.setting = 1.5;
    DisplayScaleWatch watch(start, 0);
    CHECK(watch.chosen() == DisplayScale{1.5, 1.5, "setting"});
    DisplayScaleInputs at192;
    at192.xftDpi = "192";
    at192.setting = 3.0; // a read carries no setting of its own: ignored
    CHECK_FALSE(watch.read(at192, 2'000));
    CHECK(watch.chosen() == DisplayScale{1.5, 1.5, "setting"});
    CHECK(watch.desktop() == DisplayScale{2.0, 2.0, "Xft.dpi"});
    CHECK(watch.setSetting(std::nullopt)); // "auto": the desktop's
    CHECK(watch.chosen() == DisplayScale{2.0, 2.0, "Xft.dpi"});
    CHECK_FALSE(watch.setSetting(std::nullopt));
    // Nonsense from the desktop is not believed: back to 1, from nothing.
    DisplayScaleInputs nonsense;
    nonsense.xftDpi = "lots";
    CHECK(watch.read(nonsense, 4'000));
    CHECK(watch.chosen() == DisplayScale{1.0, 1.0, "none"});
}
