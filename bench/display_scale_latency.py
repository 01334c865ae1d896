#!/usr/bin/env python3
"""How long a display scale changed while the app runs takes to show, and what watching costs.

Usage: bench/display_scale_latency.py [--bin build/release/bin/unknot] [--runs 10]
The real app shows its library under Xvfb (1366x768); the desktop's scale is changed as GNOME
and KDE change it, by rewriting Xft.dpi on the root window (`xrdb -merge`), alternately 192 and
96 dpi, at a random moment. For each change: the time from xrdb's return to the app's log line
saying it read the new scale, and to the first library frame drawn at it (UNKNOT_TEST_MODE=1
reports both). The app reads Xft.dpi every 2 s, so about 1 s is expected on average, 2 s at
worst, plus a frame. Then, left alone for 10 s, how often the idle app woke and drew.
Prints figures; asserts nothing.
"""
import argparse
import os
import random
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "e2e"))
from harness import App, Xvfb  # noqa: E402

WINDOW = "[window]\nx = 0\ny = 0\nwidth = 1366\nheight = 768\nmaximized = false\nfullscreen = false\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=str(ROOT / "build" / "release" / "bin" / "unknot"))
    ap.add_argument("--runs", type=int, default=10)
    args = ap.parse_args()
    import harness
    harness.BIN = args.bin
    x = Xvfb(1366, 768)
    env = {**os.environ, "DISPLAY": x.display}
    read_ms, drawn_ms = [], []
    heights = {}  # dpi -> the library's parts as the app reported them (px)
    try:
        app = App(x.display, [], settings=WINDOW, env_extra={"GDK_SCALE": "", "QT_SCALE_FACTOR": ""})
        m, _ = app.wait_for(r"test library scale=1.00 (.* name=[1-9].*)", timeout=60)
        heights["96 at start"] = m.group(1)
        rng = random.Random(11)
        for run in range(args.runs):
            time.sleep(rng.uniform(0.2, 2.2))  # a random moment in the app's 2 s rhythm
            dpi, scale = (192, "2.00") if run % 2 == 0 else (96, "1.00")
            n = app.line_count()
            subprocess.run(["xrdb", "-nocpp", "-merge"], input=f"Xft.dpi: {dpi}\n", text=True, check=True, env=env)
            t0 = time.monotonic()
            app.wait_for(r"display scale=" + re.escape(scale) + " ", after=n, timeout=30)
            read_ms.append((time.monotonic() - t0) * 1000)
            m, _ = app.wait_for(r"test library scale=" + re.escape(scale) + r" (.* name=[1-9].*)", after=n, timeout=30)
            drawn_ms.append((time.monotonic() - t0) * 1000)
            heights.setdefault(dpi, m.group(1))
        # Left alone: how often it wakes and draws.
        time.sleep(1)
        n = app.line_count()
        time.sleep(10)
        idle = app.lines[n:]
        wakes = sum(1 for line in idle if re.search(r"test wake=", line))
        frames = sum(1 for line in idle if re.search(r"test frame=", line))
        app.stop()
    finally:
        x.stop()
    print(f"display scale changes: {args.runs} ({args.bin})")
    print(f"  read by the app: median {statistics.median(read_ms):.0f} ms, worst {max(read_ms):.0f} ms")
    print(f"  first frame drawn at it: median {statistics.median(drawn_ms):.0f} ms, worst {max(drawn_ms):.0f} ms")
    print(f"idle library, 10 s: {wakes} wakes, {frames} frames")
    for dpi, parts in heights.items():
        print(f"library at Xft.dpi {dpi}: {parts}")


if __name__ == "__main__":
    main()
