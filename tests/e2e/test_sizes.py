"""Layer 3: the player at the window sizes people have, from a small laptop window to 4K.
A countdown font sized from a 1080p window's height once crashed every fullscreen start."""
import unittest

from harness import App, FIXTURES, SHOTS_DIR, Xvfb
from test_player import kind_colours

# (screen width, screen height, fullscreen): the sizes users have.
SIZES = [(640, 400, False), (1366, 768, False), (1920, 1080, True), (2560, 1440, False), (3840, 2160, True)]


def window_settings(width, height, fullscreen):
    # What the app saves after a user has run it at this size: the next start must work too.
    return (f"[window]\nx = 0\ny = 0\nwidth = {width}\nheight = {height}\n"
            f"maximized = false\nfullscreen = {'true' if fullscreen else 'false'}\n")


class WindowSizeTest(unittest.TestCase):
    def play_at(self, width, height, fullscreen):
        x = Xvfb(width, height)
        self.addCleanup(x.stop)
        app = App(x.display, ["run", str(FIXTURES / "good" / "short.toml"), "--quit-at-end"],
                  settings=window_settings(width, height, fullscreen))
        self.addCleanup(app.stop)
        app.wait_for(r"phase index=0 kind=prepare", timeout=60)
        # The phase colour fills the window once the first frames are drawn (the flash has faded).
        prepare = kind_colours()["prepare"]
        shot = app.wait_for_screen(lambda s: s.fraction_near(prepare, step=16) > 0.5, timeout=60,
                                   png_path=SHOTS_DIR / f"player-{width}x{height}.png")
        self.assertGreater(shot.distinct_colours(step=16), 3, "the window shows no text")
        # It keeps running: the next phase comes on time, and the process is alive.
        app.wait_for(r"phase index=1 kind=tense", timeout=60)
        self.assertIsNone(app.proc.poll(), app.log)

    def test_640x400(self):
        self.play_at(640, 400, False)

    def test_1366x768(self):
        self.play_at(1366, 768, False)

    def test_1920x1080_fullscreen(self):
        self.play_at(1920, 1080, True)

    def test_2560x1440(self):
        self.play_at(2560, 1440, False)

    def test_3840x2160_fullscreen_from_a_saved_2160px_window(self):
        self.play_at(3840, 2160, True)


if __name__ == "__main__":
    unittest.main()
