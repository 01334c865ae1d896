#!/usr/bin/env python3
"""What the app costs while it waits, beside Dear ImGui's own example_sdl_opengl3 (built from
Debian's libimgui-dev examples), in the same X server, runs interleaved, medians printed.

Usage: bench/idle_cost.py [--bin build/release/bin/unknot] [--before OTHER_BIN] [--runs 3]
                          [--files 5000] [--seconds 40] [--what idle,playing,first,key]

- idle: CPU s/min in the library (from 10 s after the start to --seconds; the sound device is
  suspended after 5 s of quiet) with --files routine files in the user's folder, with the
  built-ins only, and the example.
- playing: CPU s/min from 12 s to 52 s of a 60 s routine (`unknot run … --quit-at-end`).
- first: ms from the spawn to the first frame (UNKNOT_TEST_MODE=1 prints "test frame=1") with
  --files files and with the built-ins only.
- key: ms from Enter in the library to the first sound written by SDL's disk driver in real
  time (SDL writes a buffer as it plays it): with the device open (Enter within 1 s of the
  start) and suspended (Enter once the app logs it suspended the device; a binary that never
  does: after 12 s of quiet). Enter is sent by XTEST from this process (python3-xlib); without
  it by xdotool, whose own start (~10-20 ms) then counts. The file lags: SDL writes it through
  stdio (SDL_RWFromFile), flushed when its buffer of a few KiB fills (a 512-frame buffer is
  2 KiB), so it is seen up to a few buffers after it was mixed; the finer figure
  is "cue mixed": Enter to the window's log of the cue's event, which the audio thread sends
  right after the callback that mixed the cue (add the device's own buffer, 10.7 ms, for a
  speaker).
With --before, each figure is measured for both binaries, interleaved run by run.
The machine may be shared: CPU figures are noisy, hence the medians of interleaved runs.
"""
import argparse
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "e2e"))
sys.path.insert(0, str(ROOT / "bench"))
from harness import Xvfb  # noqa: E402
from cpu_while_playing import build_example, cpu_now  # noqa: E402
from list_many_routines import routine  # noqa: E402

import random  # noqa: E402

LONG_ROUTINE = 'name = "Sixty"\n[[step]]\nkind = "tense"\nduration = "60s"\n'


def make_home(base: Path, files: int) -> Path:
    """An XDG home with `files` routines in the user's folder."""
    home = Path(tempfile.mkdtemp(prefix="home-", dir=base))
    folder = home / "data" / "unknot" / "routines"
    folder.mkdir(parents=True)
    rng = random.Random(25)
    for i in range(files):
        (folder / f"generated-{i:05}.toml").write_text(routine(rng, i))
    (home / "config" / "unknot").mkdir(parents=True)
    # No check-in questions before a built-in routine: Enter starts it.
    (home / "config" / "unknot" / "settings.toml").write_text("check_in_before = false\n[voice]\nenabled = false\n")
    return home


def env_for(display, home: Path, **extra):
    env = dict(os.environ, DISPLAY=display, XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"),
               SDL_AUDIODRIVER="dummy", LIBGL_ALWAYS_SOFTWARE="1",
               DBUS_SESSION_BUS_ADDRESS="unix:path=/nonexistent/unknot-bench-bus")
    env.update(extra)
    return env


def cpu_rate(cmd, env, t0, t1, quit_after=None):
    """CPU s/min of cmd between t0 and t1 s after its start; stops it at t1 (or lets it end)."""
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    start = time.monotonic()
    c0 = None
    try:
        while time.monotonic() - start < t0:
            time.sleep(0.05)
        c0 = cpu_now(proc.pid)
        while time.monotonic() - start < t1:
            time.sleep(0.05)
        c1 = cpu_now(proc.pid)
        return (c1 - c0) / (t1 - t0) * 60
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def first_frame_ms(cmd, env):
    env = dict(env, UNKNOT_TEST_MODE="1")
    start = time.monotonic()
    proc = subprocess.Popen([*cmd, "--verbose"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True)
    try:
        for line in proc.stderr:
            if re.search(r"test frame=1 ", line):
                return (time.monotonic() - start) * 1000
        return float("nan")
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def press_return(display, env):
    """Enter, sent to the X server from this process (XTEST, python3-xlib), so no program's start
    counts; without python3-xlib, by xdotool (its start, ~10-20 ms, then counts). Returns the
    monotonic time just before the press was sent."""
    try:
        from Xlib import X, XK
        from Xlib import display as xdisplay
        from Xlib.ext import xtest
    except ImportError:
        sent = time.monotonic()
        subprocess.run(["xdotool", "key", "Return"], env=env, check=True)
        return sent
    d = xdisplay.Display(display)
    try:
        code = d.keysym_to_keycode(XK.string_to_keysym("Return"))
        sent = time.monotonic()
        xtest.fake_input(d, X.KeyPress, code)
        d.sync()
        xtest.fake_input(d, X.KeyRelease, code)
        d.sync()
        return sent
    finally:
        d.close()


def key_to_sound_ms(binary, display, home: Path, wait_s: float, until_suspended=False):
    """Enter in the library after `wait_s` s; ms until the disk driver writes a non-silent sample."""
    raw = home / "out.raw"
    env = env_for(display, home, SDL_AUDIODRIVER="disk", SDL_DISKAUDIOFILE=str(raw), UNKNOT_TEST_MODE="1")
    settings = home / "config" / "unknot" / "settings.toml"
    settings.write_text("check_in_before = false\nlast_routine = 'sixty'\n[voice]\nenabled = false\n")
    folder = home / "data" / "unknot" / "routines"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "sixty.toml").write_text(LONG_ROUTINE)
    proc = subprocess.Popen([binary, "--verbose"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True)
    seen = []
    stamps = []  # when each line of `seen` came
    threading.Thread(target=lambda: [(stamps.append(time.monotonic()), seen.append(line)) for line in proc.stderr],
                     daemon=True).start()
    try:
        # Until the first frame, then `wait_s` s or, with `until_suspended`, until the app says it
        # suspended the device (a binary that never does: `wait_s`).
        started = time.monotonic()
        while not any("test frame=" in line for line in seen) and time.monotonic() - started < 30:
            time.sleep(0.01)
        started = time.monotonic()
        while time.monotonic() - started < wait_s:
            if until_suspended and any("audio device suspended" in line for line in seen):
                break
            time.sleep(0.01)
        wid = subprocess.run(["xdotool", "search", "--name", "^Unknot"], env=env, capture_output=True,
                             text=True).stdout.split()[0]
        subprocess.run(["xdotool", "windowfocus", "--sync", wid], env=env, capture_output=True)
        offset = raw.stat().st_size if raw.exists() else 0
        lines_before = len(seen)
        sent = press_return(display, env)
        deadline = sent + 5
        in_file = float("nan")
        while time.monotonic() < deadline:
            if raw.exists():
                size = raw.stat().st_size
                if size < offset:  # the device opened again: a new file
                    offset = 0
                with raw.open("rb") as f:
                    f.seek(offset)
                    data = f.read()
                if any(data[i:i + 2] != b"\0\0" for i in range(0, len(data) - 1, 2)):
                    in_file = (time.monotonic() - sent) * 1000
                    break
            time.sleep(0.0005)
        # The audio thread hands the cue's event to the window right after the callback that
        # mixed it; the window logs it at its next wake ("cue type=phase ... at=FRAME").
        rendered = float("nan")
        while time.monotonic() < deadline and rendered != rendered:
            for i in range(lines_before, len(seen)):
                if "cue type=phase" in seen[i]:
                    rendered = (stamps[i] - sent) * 1000
                    break
            time.sleep(0.001)
        return in_file, rendered
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def med(values):
    values = [v for v in values if v == v]
    return statistics.median(values) if values else float("nan")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=str(ROOT / "build" / "release" / "bin" / "unknot"))
    ap.add_argument("--before", help="another unknot binary, measured interleaved with --bin")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--files", type=int, default=5000)
    ap.add_argument("--seconds", type=float, default=40.0)
    ap.add_argument("--what", default="idle,playing,first,key")
    args = ap.parse_args()
    what = set(args.what.split(","))
    work = Path(tempfile.mkdtemp(prefix="unknot-idle-bench-"))
    bins = [("after", args.bin)] + ([("before", args.before)] if args.before else [])
    results = {}

    def add(name, value):
        results.setdefault(name, []).append(value)

    x = Xvfb()
    try:
        example = build_example(work)
        many = make_home(work, args.files)
        few = make_home(work, 0)
        for run in range(args.runs):
            for label, binary in bins:
                if "idle" in what:
                    add(f"{label}: idle library, {args.files} files (cpu s/min)",
                        cpu_rate([binary], env_for(x.display, many), 10, args.seconds))
                    add(f"{label}: idle library, built-ins only (cpu s/min)",
                        cpu_rate([binary], env_for(x.display, few), 10, args.seconds))
                if "playing" in what:
                    home = make_home(work, 0)
                    r = home / "sixty.toml"
                    r.write_text(LONG_ROUTINE)
                    add(f"{label}: playing, 12-52 s of 60 s (cpu s/min)",
                        cpu_rate([binary, "run", str(r), "--quit-at-end"], env_for(x.display, home), 12, 52))
                if "first" in what:
                    add(f"{label}: first frame, {args.files} files (ms)",
                        first_frame_ms([binary], env_for(x.display, many)))
                    add(f"{label}: first frame, built-ins only (ms)", first_frame_ms([binary], env_for(x.display, few)))
                if "key" in what:
                    for state, wait_s, suspended in (("device open", 1.0, False), ("device suspended", 12.0, True)):
                        in_file, rendered = key_to_sound_ms(binary, x.display, make_home(work, 0), wait_s,
                                                            until_suspended=suspended)
                        add(f"{label}: Enter -> cue mixed (log), {state} (ms)", rendered)
                        add(f"{label}: Enter -> first sound in the file, {state} (ms)", in_file)
            if "idle" in what:
                add("imgui example_sdl_opengl3 (cpu s/min)", cpu_rate([str(example)], env_for(x.display, few), 10,
                                                                      args.seconds))
            print(f"run {run + 1}/{args.runs} done", file=sys.stderr)
    finally:
        x.stop()
        shutil.rmtree(work, ignore_errors=True)
    print(f"{'what':60} {'median':>9}  runs")
    for name, values in results.items():
        print(f"{name:60} {med(values):9.2f}  " + " ".join(f"{v:.2f}" for v in values))


if __name__ == "__main__":
    main()
