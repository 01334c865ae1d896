#!/usr/bin/env python3
"""Renews the README's screenshots: the real app at 1366x768 under Xvfb (Mesa's software GL),
driven by xdotool and captured with ImageMagick's `import -window root`, through the end-to-end
harness. Prints the player's measured text heights (capital heights, px) from its test-mode
layout report.

    python3 docs/screenshots/take.py [build/release/bin/unknot]"""
import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "tests" / "e2e"))
if len(sys.argv) > 1:
    os.environ["UNKNOT_BIN"] = sys.argv[1]

from harness import App, Xvfb  # noqa: E402
from test_layout import LAYOUT, parse_boxes  # noqa: E402

WIDTH, HEIGHT = 1366, 768
SETTINGS = f"[window]\nx = 0\ny = 0\nwidth = {WIDTH}\nheight = {HEIGHT}\nmaximized = false\nfullscreen = false\n"


def not_flashing(shot):
    return shot.fraction_near((0xFF, 0xFF, 0xFF), tolerance=60, step=16) < 0.3


def main():
    x = Xvfb(WIDTH, HEIGHT)
    try:
        # The player on a roll, left side, in the complete post-run routine.
        app = App(x.display, ["run", "post-run-complete"], settings=SETTINGS)
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
    finally:
        x.stop()


if __name__ == "__main__":
    main()
