#!/usr/bin/env python3
"""The player's text sizes as drawn, read from two metres: per window size and text size, the
capital height (px) of the digits, the side, the kind, the step label, the cue, the round/time
line and "Next" (small, then grown over the phase's last 5 s), and whether any two texts overlap
or any leaves the window. Read from the app's own "test layout" line (UNKNOT_TEST_MODE=1) in a
real window (Xvfb), on the tense, left phase of tests/fixtures/good/sides-and-rests.toml.

Usage: bench/player_text_sizes.py [--bin build/debug/bin/unknot] [--shots DIR]
"""
import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "e2e"))

SIZES = [(640, 400), (1366, 768), (1920, 1080), (2560, 1440), (3840, 2160)]
PARTS = ["countdown", "side", "kind", "label", "cue", "info", "next"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=str(ROOT / "build" / "debug" / "bin" / "unknot"))
    ap.add_argument("--shots", default=None, help="a screenshot per size and text size into this folder")
    args = ap.parse_args()
    os.environ["UNKNOT_BIN"] = args.bin
    from harness import App, FIXTURES, Xvfb
    from test_layout import LAYOUT, overlaps, parse_boxes, settings

    print(f"{'window':>10} {'text':>4} " + " ".join(f"{p:>9}" for p in PARTS) + f" {'next grown':>10}  overlaps/cut")
    for width, height in SIZES:
        for scale in (1.0, 2.0):
            x = Xvfb(width, height)
            app = App(x.display, ["run", str(FIXTURES / "good" / "sides-and-rests.toml")],
                      settings=settings(width, height, scale))
            try:
                app.wait_for(r"phase index=0 kind=prepare", timeout=60)
                n = app.line_count()
                app.keys("Right")
                app.wait_for(r"phase index=1 kind=tense", timeout=60, after=n)
                m, _ = app.wait_for(LAYOUT, timeout=60, after=n,
                                    accept=lambda g: int(g.group("w")) == width and " side=" in g.group("boxes"))
                boxes = parse_boxes(m.group("boxes"))
                if args.shots:
                    app.screenshot(Path(args.shots) / f"player-{width}x{height}-text{scale:g}.png")
                # "Next" grows over the phase's last 5 s: the biggest it got before the next phase.
                _, end = app.wait_for(r"phase index=2 ", timeout=60, after=n)
                import re
                lines = [re.search(LAYOUT, l) for l in app.lines[n:end]]
                grown = max((g for g in lines if g and " side=" in g.group("boxes")),
                            key=lambda g: parse_boxes(g.group("boxes"))["next"][4])
                grown_boxes = parse_boxes(grown.group("boxes"))
                bad = []
                drawn = {k: v for k, v in grown_boxes.items() if k not in ("paused", "paused-hint")}
                names = sorted(drawn)
                for i, a in enumerate(names):
                    bx, by, bw, bh, _ = drawn[a]
                    if bx < 0 or by < 0 or bx + bw > width + 0.5 or by + bh > height + 0.5:
                        bad.append(f"{a} leaves")
                    for b in names[i + 1:]:
                        if overlaps(drawn[a], drawn[b]):
                            bad.append(f"{a}/{b}")
                print(f"{width:>5}x{height:<4} {scale:>4g} " +
                      " ".join(f"{boxes[p][4]:>9.1f}" if p in boxes else f"{'-':>9}" for p in PARTS) +
                      f" {grown_boxes['next'][4]:>10.1f}  {', '.join(bad) or 'none'}")
            finally:
                app.stop()
                x.stop()


if __name__ == "__main__":
    main()
