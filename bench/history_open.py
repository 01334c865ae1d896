#!/usr/bin/env python3
"""How long History takes to open with 10 years of daily sessions and check-ins.

Usage: bench/history_open.py [--bin build/release/bin/unknot] [--years 10] [--runs 5] [--locked]
       bench/history_open.py --days 84 --screenshot docs/screenshots/history.png   (the README's)
--locked: another process holds the database's write lock (BEGIN IMMEDIATE) while History is
opened, as `unknot check-in` or a second window writing would (issue 24: under 100 ms then too).
Fills a fresh unknot.db (one session a day, and a before and an after check-in for the left
and the right heel each day), opens the app in a real window (Xvfb), presses H `runs` times and
prints the time the app took to read the database and work out the weeks, streak and trends
(its log's open_ms), and the time from the key to the first frame that shows it.
The goal: under 100 ms.
"""
import argparse
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "e2e"))


def fill(db: Path, days: int):
    con = sqlite3.connect(db)
    now = int(time.time())
    with con:
        for d in range(days):
            at = now - (days - d) * 86400
            cur = con.execute("INSERT INTO sessions(started_at, routine_id, routine_name, planned_ms, done_ms, "
                              "completed) VALUES(?, 'frozen-golf-ball-foot', 'Frozen golf ball', 600000, 600000, 1)",
                              (at,))
            sid = cur.lastrowid
            for moment, offset in (("before", -60), ("after", 660)):
                for side in ("left", "right"):
                    # The left heel worse, both getting better, a session helping a little, some noise.
                    base = (7 if side == "left" else 3) * (1 - 0.7 * d / days) + (d * 7919 % 5 - 2) * 0.4
                    score = max(0, min(10, round(base - (1 if moment == "after" else 0))))
                    con.execute("INSERT INTO check_ins(at, area, side, score, moment, session_id) "
                                "VALUES(?, 'heel', ?, ?, ?, ?)", (at + offset, side, score, moment, sid))
    con.close()
    return days


def main():
    ap = argparse.ArgumentParser()
    default_bin = ROOT / "build" / "release" / "bin" / "unknot"
    ap.add_argument("--bin", default=str(default_bin if default_bin.exists() else ROOT / "build/debug/bin/unknot"))
    ap.add_argument("--years", type=int, default=10)
    ap.add_argument("--days", type=int, help="days of history instead of --years")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--screenshot", help="save the History screen as this PNG")
    ap.add_argument("--locked", action="store_true", help="another process holds the write lock meanwhile")
    args = ap.parse_args()
    os.environ["UNKNOT_BIN"] = os.path.abspath(args.bin)
    import harness  # noqa: E402  (reads UNKNOT_BIN)

    home = tempfile.mkdtemp(prefix="unknot-bench-")
    env = dict(os.environ, XDG_DATA_HOME=f"{home}/data", XDG_CONFIG_HOME=f"{home}/config")
    subprocess.run([args.bin, "history"], env=env, check=True, capture_output=True)  # creates the schema
    days = fill(Path(home) / "data" / "unknot" / "unknot.db", args.days or args.years * 365)
    print(f"{args.bin}: {days} sessions, {days * 4} check-ins ({days / 365:.1f} years)")

    holder = None
    if args.locked:
        # Held until this script ends: every press of H happens under it.
        holder = subprocess.Popen(
            [sys.executable, "-c",
             "import sqlite3, sys\n"
             "db = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
             "db.execute('BEGIN IMMEDIATE')\n"
             "db.execute(\"INSERT INTO sessions(started_at, routine_id, routine_name, planned_ms, done_ms, completed) "
             "VALUES(0, 'w', 'W', 1, 1, 0)\")\n"
             "print('locked', flush=True)\n"
             "sys.stdin.read()\n",
             str(Path(home) / "data" / "unknot" / "unknot.db")], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            text=True)
        assert holder.stdout.readline().strip() == "locked"
        print("another process holds the write lock (BEGIN IMMEDIATE, a row written, not committed)")

    x = harness.Xvfb()
    app = harness.App(x.display, [], home=home, env_extra={"UNKNOT_TEST_MODE": "1"})
    try:
        app.wait_for(r"library routines=")
        opens, frames = [], []
        for _ in range(args.runs):
            n = app.line_count()
            t0 = time.monotonic()
            app.keys("h")
            m, i = app.wait_for(r"screen history sessions=(\d+) check_ins=(\d+) open_ms=(\d+)", after=n, timeout=60)
            app.wait_for(r"test frame=", after=i + 1, timeout=60)
            frames.append((time.monotonic() - t0) * 1000)
            opens.append(int(m.group(3)))
            n = app.line_count()
            app.keys("Escape")
            app.wait_for(r"test frame=", after=n, timeout=60)
        if args.screenshot:
            n = app.line_count()
            app.keys("h")
            app.wait_for(r"screen history", after=n)
            app.wait_for_screen(lambda s: s.distinct_colours() > 10, png_path=Path(args.screenshot))
        print(f"open_ms (read + weeks + streak + trends): median {statistics.median(opens):.0f}, max {max(opens)}")
        print(f"key to first History frame, incl. xdotool: median {statistics.median(frames):.0f} ms, "
              f"max {max(frames):.0f} ms")
    finally:
        app.stop()
        x.stop()
        if holder:
            holder.stdin.close()
            holder.wait(timeout=30)


if __name__ == "__main__":
    main()
