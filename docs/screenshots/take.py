#!/usr/bin/env python3
"""Renews the README's screenshots: the real app at 1366x768 under Xvfb (Mesa's software GL),
driven by xdotool and captured with ImageMagick's `import -window root`, through the end-to-end
harness. Prints the player's measured text heights (capital heights, px) from its test-mode
layout report, and the library's heights at 96 and 192 dpi (Xft.dpi, as a 200 % desktop sets it).

    python3 docs/screenshots/take.py [build/release/bin/unknot]"""
import os
import re
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "tests" / "e2e"))
if len(sys.argv) > 1:
    os.environ["UNKNOT_BIN"] = sys.argv[1]

from harness import App, Xvfb  # noqa: E402
from test_dpi import LIBRARY, parts  # noqa: E402
from test_layout import LAYOUT, parse_boxes  # noqa: E402

WIDTH, HEIGHT = 1366, 768
SETTINGS = f"[window]\nx = 0\ny = 0\nwidth = {WIDTH}\nheight = {HEIGHT}\nmaximized = false\nfullscreen = false\n"


def first_at(shot, colour, xs, ys, tolerance=12):
    """(x, y) of the first pixel near `colour`, row by row."""
    for y in ys:
        for x in xs:
            if all(abs(a - b) <= tolerance for a, b in zip(shot.pixel(x, y), colour)):
                return x, y
    raise AssertionError(f"no pixel near {colour} on screen")


def is_blue(p):
    return p[2] - p[0] > 40


def editor(display):
    """A routine of the user's own, opened with its Edit button, a step chosen in the tree."""
    home = tempfile.mkdtemp(prefix="unknot-shots-")
    user = Path(home) / "data" / "unknot" / "routines"
    user.mkdir(parents=True)
    text = (HERE.parents[1] / "routines" / "calf-active-release-rope.toml").read_text()
    (user / "my-calf-release.toml").write_text(text.replace("Calf active release with a rope", "My calf release", 1))
    app = App(display, [], home=home, settings='last_routine = "my-calf-release"\n' + SETTINGS)
    app.wait_for(r"library routines=")
    shot = app.wait_for_screen(lambda s: s.distinct_colours() > 10)
    # Edit: the first button in the preview, top right (the dark style's button over the background).
    x, y = first_at(shot, (35, 69, 109), range(int(WIDTH * 0.45), WIDTH, 2), range(0, HEIGHT // 3))
    n = app.line_count()
    app.click(x + 12, y + 12)
    app.wait_for(r"screen editor new=0", after=n)
    # The tree's chosen row ("Routine: …") is the first blue band down the left pane; a click a
    # few rows under it chooses a step, whose fields then fill the right pane.
    shot = app.wait_for_screen(lambda s: s.distinct_colours() > 10)
    column = WIDTH // 30
    top = next(y for y in range(HEIGHT // 8, HEIGHT) if is_blue(shot.pixel(column, y)))
    bottom = next(y for y in range(top, HEIGHT) if not is_blue(shot.pixel(column, y)))
    app.click(WIDTH // 5, int(bottom + 2.9 * (bottom - top)))
    app.wait_for_screen(lambda s: s.distinct_colours() > 10, png_path=HERE / "editor.png")
    app.stop()


def library_heights(display, dpi):
    app = App(display, [], settings=SETTINGS)
    m, _ = app.wait_for(LIBRARY, accept=lambda g: parts(g)["name"] > 0)
    app.stop()
    p = parts(m)
    print("library at %d dpi: title %.0f px, search box %.0f px, routine row %.0f px, name %.0f px" %
          (dpi, p["title"], p["search"], p["row"], p["name"]))


def not_flashing(shot):
    return shot.fraction_near((0xFF, 0xFF, 0xFF), tolerance=60, step=16) < 0.3


def main():
    x = Xvfb(WIDTH, HEIGHT)
    try:
        # The player on a roll, left side, in the complete post-run routine.
        # Straight to the routine: no check-in before it (the routine names areas to ask about).
        app = App(x.display, ["run", "post-run-complete"], settings="check_in_before = false\n" + SETTINGS)
        app.wait_for(r"phase index=0 kind=prepare", timeout=60)
        n = app.line_count()
        app.keys("Right")
        app.wait_for(r"phase index=1 kind=roll side=left", after=n)
        m, _ = app.wait_for(LAYOUT, after=n, accept=lambda g: " side=" in g.group("boxes"))
        # The chrome recedes 3 s after the key: wait for the app's clock, then for no flash.
        app.wait_app_time(app.app_time() + 3500)
        app.wait_for_screen(not_flashing, png_path=HERE / "player.png")
        boxes = parse_boxes(m.group("boxes"))
        print("player at %dx%d: digits %.0f px, side %.0f px, label %.0f px, next %.0f px (capital heights)" %
              (WIDTH, HEIGHT, boxes["countdown"][4], boxes["side"][4], boxes["label"][4], boxes["next"][4]))
        n = app.line_count()
        app.keys("space")
        app.wait_for(r"state=paused", after=n)
        app.wait_for_screen(not_flashing, png_path=HERE / "player-paused.png")
        app.stop()

        app = App(x.display, [], settings=SETTINGS)
        app.wait_for(r"library routines=")
        app.keys("Down", "Down")
        app.wait_for_screen(lambda s: s.distinct_colours() > 10, png_path=HERE / "library.png")
        app.keys("q")
        app.wait_for(r"screen quick-set")
        app.wait_for_screen(lambda s: s.distinct_colours() > 10, png_path=HERE / "quick-set.png")
        app.stop()

        editor(x.display)
        library_heights(x.display, 96)
    finally:
        x.stop()
    x = Xvfb(WIDTH, HEIGHT, extra=("-noreset",))
    try:
        x.set_resources("Xft.dpi: 192\n")
        library_heights(x.display, 192)
    finally:
        x.stop()


if __name__ == "__main__":
    main()
