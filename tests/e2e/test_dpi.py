"""Layer 3: the library, the forms, the settings and the history follow the display's scale.
X11 desktops publish it as the X resource Xft.dpi (GNOME and KDE set 192 at 200 %); SDL does
not read it, so under Xvfb at 192 dpi the library once drew at 1x. These tests set the resource
with xrdb, as a desktop does, and read what the app reports in test mode: the scale it chose
("test ui scale=… source=…") and how tall the library drew its parts ("test library …")."""
import re
import unittest

from harness import App, FIXTURES, SHOTS_DIR, Xvfb
from test_layout import LAYOUT, parse_boxes

WIDTH, HEIGHT = 1366, 768
WINDOW = f"[window]\nx = 0\ny = 0\nwidth = {WIDTH}\nheight = {HEIGHT}\nmaximized = false\nfullscreen = false\n"
UI = r"test ui scale=(?P<scale>[\d.]+) display=[\d.]+ source=(?P<source>\S+(?: \S+)?) text=[\d.]+ " \
     r"body=(?P<body>\d+) heading=(?P<heading>\d+) title=(?P<title>\d+) padding=(?P<padding>[\d.]+)"
LIBRARY = r"test library scale=(?P<scale>[\d.]+) (?P<parts>.*)"
PARTS = ("title", "search", "row", "name", "start")
# The toolkits' variables, set empty: a developer's own GDK_SCALE must not change what is measured.
NEUTRAL_ENV = {"GDK_SCALE": "", "QT_SCALE_FACTOR": ""}
WHITE = (0xFF, 0xFF, 0xFF)


def parts(match):
    return {k: float(v) for k, v in re.findall(r"(\w+)=([\d.]+)", match.group("parts"))}


class DisplayScaleTest(unittest.TestCase):
    def start(self, args=(), resources=None, settings="", env=None):
        """The app in a 1366x768 window on a server of its own, with these X resources set first."""
        x = Xvfb(WIDTH, HEIGHT)
        self.addCleanup(x.stop)
        if resources:
            x.set_resources(resources)
        app = App(x.display, list(args), settings=settings + WINDOW, env_extra={**NEUTRAL_ENV, **(env or {})})
        self.addCleanup(app.stop)
        app.xvfb = x  # to change the resources while it runs
        return app

    def library(self, rows=True, **kw):
        """(the ui line, the library's parts once drawn (with a routine's row, when `rows`), the app)."""
        app = self.start(**kw)
        ui, _ = app.wait_for(UI, timeout=60)
        lib, _ = app.wait_for(LIBRARY, timeout=60, accept=lambda m: parts(m)["name"] > 0 or not rows)
        return ui, parts(lib), app

    @staticmethod
    def title_ink(app, title_height):
        """How tall the white title's ink is, once it is on screen: the tallest run of rows holding
        white between the window's top and the search box."""
        shot = app.wait_for_screen(lambda s: s.tallest_ink_run(WHITE, 0, int(title_height * 1.6)) > 10, timeout=30)
        return shot.tallest_ink_run(WHITE, 0, int(title_height * 1.6))

    def test_the_library_draws_twice_as_tall_when_the_desktop_says_192_dpi(self):
        ui96, at96, app96 = self.library()
        self.assertEqual((float(ui96.group("scale")), ui96.group("source")), (1.0, "none"), ui96.group(0))
        ink96 = self.title_ink(app96, at96["title"])
        app96.screenshot(SHOTS_DIR / "dpi-96-library.png")
        ui192, at192, app192 = self.library(resources="Xft.dpi: 192\n")
        self.assertEqual((float(ui192.group("scale")), ui192.group("source")), (2.0, "Xft.dpi"), ui192.group(0))
        ink192 = self.title_ink(app192, at192["title"])
        app192.screenshot(SHOTS_DIR / "dpi-192-library.png")
        # The fonts and the style every screen but the player draws with (editor, settings, history).
        for name in ("body", "heading", "title", "padding"):
            self.assertAlmostEqual(float(ui192.group(name)) / float(ui96.group(name)), 2.0, delta=0.05,
                                   msg=f"{name}: {ui96.group(0)} / {ui192.group(0)}")
        # What the library drew.
        for name in PARTS:
            self.assertGreater(at96[name], 0, at96)
            self.assertAlmostEqual(at192[name] / at96[name], 2.0, delta=0.05,
                                   msg=f"{name}: {at96[name]} px at 96 dpi, {at192[name]} px at 192 dpi")
        # And the pixels agree: the white title's ink ("Unknot") is twice as tall.
        self.assertGreater(ink96, 20)
        # Each anti-aliased edge loses a pixel or two to the colour tolerance at either size.
        self.assertAlmostEqual(ink192, 2 * ink96, delta=6, msg=f"title ink {ink96} px, then {ink192} px")

    def test_a_scale_the_desktop_changes_while_the_app_runs_is_followed(self):
        """GNOME and KDE rewrite Xft.dpi when the user picks another scale: the library follows
        without a restart, and back. Waited for on what the app reports, with a deadline."""
        ui96, at96, app = self.library()
        self.assertEqual((float(ui96.group("scale")), ui96.group("source")), (1.0, "none"), ui96.group(0))
        ink96 = self.title_ink(app, at96["title"])
        app.screenshot(SHOTS_DIR / "dpi-live-96-library.png")

        def follows(resources, scale, source):
            n = app.line_count()
            app.xvfb.set_resources(resources)
            ui, i = app.wait_for(UI, after=n, timeout=30,
                                 accept=lambda m: (float(m.group("scale")), m.group("source")) == (scale, source))
            app.wait_for(r"display scale=[\d.]+ display_scale=[\d.]+ from=", after=n)
            lib, _ = app.wait_for(LIBRARY, after=i, timeout=30,
                                  accept=lambda m: float(m.group("scale")) == scale and parts(m)["name"] > 0)
            for name in ("body", "heading", "title", "padding"):
                self.assertAlmostEqual(float(ui.group(name)) / float(ui96.group(name)), scale, delta=0.05,
                                       msg=f"{name}: {ui96.group(0)} / {ui.group(0)}")
            drawn = parts(lib)
            for name in PARTS:
                self.assertAlmostEqual(drawn[name] / at96[name], scale, delta=0.05,
                                       msg=f"{name}: {at96[name]} px at 96 dpi, {drawn[name]} px at {resources!r}")
            return drawn

        def ink_becomes(title_height, expected, delta, png):
            """The title's ink once the screen shows it within `delta` of `expected` (the frame
            reported may not be on screen yet when the log line is read)."""
            seen = []

            def near(shot):
                seen.append(shot.tallest_ink_run(WHITE, 0, int(title_height * 1.6)))
                return abs(seen[-1] - expected) <= delta

            try:
                app.wait_for_screen(near, timeout=30, png_path=SHOTS_DIR / png)
            except AssertionError:
                self.fail(f"the title's ink never became {expected} px (96 dpi: {ink96} px); seen {seen[-5:]}")
            return seen[-1]

        at192 = follows("Xft.dpi: 192\n", 2.0, "Xft.dpi")
        # The pixels agree: the white title's ink is twice as tall (each anti-aliased edge loses a
        # pixel or two to the colour tolerance).
        ink_becomes(at192["title"], 2 * ink96, 6, "dpi-live-192-library.png")
        # And back to 100 %, as a desktop writes it: the library as it was.
        self.assertEqual(follows("Xft.dpi: 96\n", 1.0, "Xft.dpi"), at96)
        ink_becomes(at96["title"], ink96, 2, "dpi-live-back-96-library.png")

    def test_the_setting_overrides_the_desktop_and_nonsense_is_not_believed(self):
        ui, at, _ = self.library(resources="Xft.dpi: 192\n", settings='ui_scale = 1.5\n')
        self.assertEqual((float(ui.group("scale")), ui.group("source")), (1.5, "setting"), ui.group(0))
        self.assertEqual(int(ui.group("body")), 30)
        ui, _, _ = self.library(resources="Xft.dpi: lots\n")
        self.assertEqual((float(ui.group("scale")), ui.group("source")), (1.0, "none"), ui.group(0))
        # At 3x the notice takes the list's room: no row is drawn, and none is waited for.
        ui, _, app = self.library(rows=False, resources="Xft.dpi: 9600\n", settings='ui_scale = "huge"\n')
        self.assertEqual((float(ui.group("scale")), ui.group("source")), (3.0, "Xft.dpi"), ui.group(0))
        app.wait_for(r"notice: \S*settings\.toml:1:12: error: `ui_scale` must be")
        # Without the resource, a toolkit's variable says it.
        ui, _, _ = self.library(env={"GDK_SCALE": "2"})
        self.assertEqual((float(ui.group("scale")), ui.group("source")), (2.0, "GDK_SCALE"), ui.group(0))

    def test_the_player_is_sized_from_the_window_alone(self):
        """At 192 dpi the player lays out exactly as at 96: it is not scaled a second time."""
        layouts = []
        for resources in (None, "Xft.dpi: 192\n"):
            app = self.start(args=["run", str(FIXTURES / "good" / "sides-and-rests.toml")], resources=resources)
            app.wait_for(r"phase index=0 kind=prepare", timeout=60)
            n = app.line_count()
            app.keys("Right")
            app.wait_for(r"phase index=1 kind=tense", timeout=60, after=n)
            m, _ = app.wait_for(LAYOUT, timeout=60, after=n, accept=lambda g: " side=" in g.group("boxes"))
            layouts.append(parse_boxes(m.group("boxes")))
            app.stop()
        # Every part where it was, at the same size; but "Next", which grows with the phase's
        # last seconds (this one lasts 5), and so differs by the moment it was drawn.
        for name, box in layouts[0].items():
            if name != "next":
                self.assertEqual(box, layouts[1].get(name), f"{name} moved: {layouts}")


if __name__ == "__main__":
    unittest.main()
