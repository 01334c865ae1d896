"""Layer 3 on Wayland: the app runs natively (SDL's wayland driver) on a compositor whose output
is at 200 %, and draws the library at the same physical size as at 100 %. There a window's size
is in the compositor's units and its GL drawable twice as large (SDL_WINDOW_ALLOW_HIGHDPI): the
app reads the scale from that ratio and must not count it twice. The compositor is weston, its
output drawn in a window of an X server of our own (Xvfb), which also gives weston the seat that
SDL's wayland driver needs (weston's headless backend has none, and SDL 2.26 crashes without
one): keys and clicks sent to that X server with xdotool reach the app through weston."""
import os
import re
import shutil
import subprocess
import tempfile
import time
import unittest

from harness import App, SHOTS_DIR, Xvfb, end_process
from test_dpi import LIBRARY, NEUTRAL_ENV, PARTS, UI, WHITE, WINDOW, parts

# The output, in the compositor's units; weston's window is this times the scale in pixels.
WIDTH, HEIGHT = 1366, 768
ACCENT = (0x56, 0xB4, 0xE9)  # the Start button (ui/palette.hpp kAccent)
SOCKET = "wayland-unknot"


class Weston:
    """weston on an X server of its own, with one output at `scale`: kiosk-shell shows the app's
    window fullscreen on it, at the top left of the X screen."""

    def __init__(self, scale):
        self.pixels = (WIDTH * scale, HEIGHT * scale)
        self.x = Xvfb(*self.pixels, extra=("-dpi", "96"))
        self.runtime = tempfile.mkdtemp(prefix="unknot-wayland-")  # private (0700), as XDG_RUNTIME_DIR must be
        self.log = open(os.path.join(self.runtime, "weston.log"), "w+")
        self.proc = subprocess.Popen(
            ["weston", "--backend=x11-backend.so", "--shell=kiosk-shell.so", "--use-pixman", "--no-config",
             f"--scale={scale}", f"--width={WIDTH}", f"--height={HEIGHT}", f"--socket={SOCKET}", "--idle-time=0"],
            env={**os.environ, "DISPLAY": self.x.display, "XDG_RUNTIME_DIR": self.runtime},
            stdout=self.log, stderr=subprocess.STDOUT)
        # Clients are served once weston's loop runs, after its output and shell are made; the
        # socket and the output's X window are there before.
        socket = os.path.join(self.runtime, SOCKET)
        deadline = time.monotonic() + 30
        window = None
        while not (os.path.exists(socket) and (window := self.x_window())):
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("weston did not start: " + self.output())
            time.sleep(0.05)
        # The X server gives its keys to the window under the pointer, and weston's seat gives them
        # to the app only once its window has been told it has the focus (FocusIn): without that,
        # the first key pressed in the app is taken for one already down when the app got the
        # keyboard, and lost. Focus elsewhere, then on weston, as a desktop does with a window.
        for target in (self.x_root(), window):
            subprocess.run(["xdotool", "windowfocus", "--sync", target], env=self.x_env, check=True)
        self.env = {"WAYLAND_DISPLAY": SOCKET, "XDG_RUNTIME_DIR": self.runtime, "SDL_VIDEODRIVER": "wayland"}

    @property
    def x_env(self):
        return {**os.environ, "DISPLAY": self.x.display}

    def x_window(self):
        """weston's window on the X server, or None before it is made."""
        r = subprocess.run(["xdotool", "search", "--class", "^weston"], env=self.x_env, capture_output=True, text=True)
        return r.stdout.split()[0] if r.stdout.split() else None

    def x_root(self):
        out = subprocess.run(["xwininfo", "-root"], env=self.x_env, capture_output=True, text=True, check=True).stdout
        return re.search(r"Window id: (\S+)", out).group(1)

    def output(self):
        self.log.seek(0)
        return self.log.read()

    def stop(self):
        end_process(self.proc, timeout=10)
        self.log.close()
        self.x.stop()
        shutil.rmtree(self.runtime, ignore_errors=True)


class WaylandApp(App):
    """The app on weston. DISPLAY names weston's X server too, as a Wayland desktop names its
    Xwayland; SDL_VIDEODRIVER=wayland keeps SDL on Wayland. weston's window covers that X
    server's screen: keys and the pointer go to it, and the screen is the compositor's output."""

    def __init__(self, weston, args=(), settings=""):
        super().__init__(weston.x.display, list(args), settings=settings + WINDOW,
                         env_extra={**NEUTRAL_ENV, **weston.env})
        self.pixels = weston.pixels

    def _focus(self):
        """Keys go to weston's window, which has the X server's focus (Weston); weston gives them
        to the app's window once it shows, with the first frame."""
        if not self.focused:
            self.wait_for(r"test frame=\d+ ", timeout=60)
            self.focused = True

    def geometry(self):
        return (0, 0, *self.pixels)

    def click_at(self, x, y):
        """Clicks the left button at (x, y) in the output's pixels; waits for a frame that has read
        the release."""
        self._focus()
        n = self.line_count()
        subprocess.run(["xdotool", "mousemove", str(x), str(y), "click", "1"], env=self.env, check=True)
        self.buttons_sent += 2
        want = self.buttons_sent
        self.wait_for(r"test frame=\d+ t_ms=\d+ keys=\d+ text=\d+ buttons=(\d+)", after=n,
                      accept=lambda m: int(m.group(1)) >= want)


def accent_like(rgb):
    """The accent's hue, at 60 % of its brightness or more (a button draws it shaded)."""
    k = rgb[2] / ACCENT[2]
    return k >= 0.6 and all(abs(a - k * b) <= 10 for a, b in zip(rgb, ACCENT))


def accent_box(shot):
    """The bounding box (x0, y0, x1, y1) of the Start button's colour in the lower half, or None."""
    xs, ys = [], []
    for y in range(shot.height // 2, shot.height, 4):
        for x in range(0, shot.width, 4):
            if accent_like(shot.pixel(x, y)):
                xs.append(x)
                ys.append(y)
    return (min(xs), min(ys), max(xs), max(ys)) if xs else None


class WaylandTest(unittest.TestCase):
    def start(self, scale, **kw):
        weston = Weston(scale)
        self.addCleanup(weston.stop)
        app = WaylandApp(weston, **kw)
        self.addCleanup(app.stop)
        return app

    def library(self, scale):
        """(the ui line, the library's parts once drawn with its rows, the title's ink height in
        pixels, the app) on an output at `scale`."""
        app = self.start(scale)
        app.wait_for(r"window video=wayland ", timeout=60)
        ui, _ = app.wait_for(UI, timeout=60)
        lib, _ = app.wait_for(LIBRARY, timeout=60, accept=lambda m: parts(m)["name"] > 0)
        at = parts(lib)
        # The white title ("Unknot"), between the top and the search box, in the output's pixels.
        top = int(at["title"] * scale * 1.6)
        shot = app.wait_for_screen(lambda s: s.tallest_ink_run(WHITE, 0, top) > 10, timeout=30,
                                   png_path=SHOTS_DIR / f"wayland-scale-{scale}-library.png")
        return ui, at, shot.tallest_ink_run(WHITE, 0, top), app

    def test_the_library_has_the_same_physical_size_at_output_scale_2(self):
        ui1, at1, ink1, _ = self.library(1)
        # weston's output has its X server's 96 dpi, which SDL reports.
        self.assertEqual((float(ui1.group("scale")), ui1.group("source")), (1.0, "SDL dpi"), ui1.group(0))
        ui2, at2, ink2, _ = self.library(2)
        # The display's scale is found from the drawable, twice the window; the window's units are
        # the compositor's, which scales them already: the app's own scale stays 1.
        self.assertEqual((float(ui2.group("scale")), ui2.group("source")), (1.0, "drawable"), ui2.group(0))
        self.assertIn(" display=2.00 ", ui2.group(0))
        # So the fonts, the style and the library's parts are as at scale 1 in window units ...
        for name in ("body", "heading", "title", "padding"):
            self.assertEqual(ui2.group(name), ui1.group(name), f"{ui1.group(0)} / {ui2.group(0)}")
        for name in PARTS:
            self.assertGreater(at1[name], 0, at1)
            self.assertEqual(at2[name], at1[name], f"{name}: {at1} / {at2}")
        # ... and twice as tall in pixels: the white title's ink, as the compositor shows it.
        self.assertGreater(ink1, 20)
        self.assertAlmostEqual(ink2, 2 * ink1, delta=6, msg=f"title ink {ink1} px at scale 1, {ink2} px at 2")

    def test_keys_and_clicks_reach_the_app_at_output_scale_2_and_it_exits_when_asked(self):
        app = self.start(2)
        lib, _ = app.wait_for(LIBRARY, timeout=60, accept=lambda m: parts(m)["name"] > 0)
        # A key through weston's seat: S opens the settings, Escape closes them.
        n = app.line_count()
        app.keys("s")
        app.wait_for(r"settings open", after=n)
        app.keys("Escape")
        app.wait_for(r"settings closed", after=n)
        # A click in the output's pixels lands where the app drew: on the Start button, which the
        # compositor shows at twice the size the app laid it out at (pixels are not window units).
        shot = app.wait_for_screen(lambda s: accent_box(s) is not None, timeout=30)
        x0, y0, x1, y1 = accent_box(shot)
        self.assertAlmostEqual(y1 - y0, 2 * parts(lib)["start"], delta=8, msg=(x0, y0, x1, y1, lib.group(0)))
        n = app.line_count()
        app.click_at((x0 + x1) // 2, (y0 + y1) // 2)
        app.wait_for(r"screen (player|check-in)", after=n, timeout=30)
        # Asked to end (as a session ending does), it ends cleanly.
        app.proc.terminate()
        self.assertEqual(app.wait_exit(), 0, app.log)
        self.assertRegex(app.log, r"exit wakes=")


if __name__ == "__main__":
    unittest.main()
