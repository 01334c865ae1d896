#!/usr/bin/env python3
"""CPU and memory of the real app in a real window (Xvfb, Mesa software GL), beside Dear
ImGui's own example_sdl_opengl3 built from Debian's libimgui-dev examples, over the same time.

Usage: bench/cpu_while_playing.py [--bin build/release/bin/unknot] [--seconds 20]
Prints CPU seconds per minute and peak memory for: unknot playing a 20 s routine, unknot idle
in the library, and the ImGui example.
"""
import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "e2e"))
from harness import Xvfb  # noqa: E402

EXAMPLE = Path("/usr/share/doc/libimgui-dev/examples/example_sdl_opengl3/main.cpp")


def build_example(out_dir: Path) -> Path:
    exe = out_dir / "example_sdl_opengl3"
    if exe.exists():
        return exe
    flags = subprocess.run(["pkg-config", "--cflags", "--libs", "imgui", "sdl2", "freetype2"], capture_output=True,
                           text=True, check=True).stdout.split()
    subprocess.run(["g++", "-O2", str(EXAMPLE), "-I/usr/include/imgui/backends", *flags, "-lGL", "-ldl",
                    "-o", str(exe)], check=True)
    return exe


def cpu_now(pid):
    """CPU seconds a live process has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


STEADY_FROM = 5.0  # seconds: start-up (window, GL, font atlas) is over by then
STEADY_TO = 18.0


def measure(cmd, env, seconds=None):
    """Runs cmd; stops it after `seconds` (SIGTERM, which SDL turns into a quit) unless it
    ends by itself. Returns (wall s, cpu s, steady cpu s per minute, peak RSS MiB, exit code)."""
    start = time.monotonic()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = start + seconds if seconds is not None else None
    signalled = False
    samples = {}
    while True:
        elapsed = time.monotonic() - start
        for mark in (STEADY_FROM, STEADY_TO):
            if mark not in samples and elapsed >= mark:
                try:
                    samples[mark] = (elapsed, cpu_now(proc.pid))
                except (FileNotFoundError, IndexError):
                    pass
        # wait4, not poll(): it also reports the child's CPU time and peak memory.
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if deadline is not None and not signalled and time.monotonic() >= deadline:
            proc.send_signal(signal.SIGTERM)
            signalled = True
        time.sleep(0.02)
    wall = time.monotonic() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    steady = float("nan")
    if len(samples) == 2:
        (t0, c0), (t1, c1) = samples[STEADY_FROM], samples[STEADY_TO]
        steady = (c1 - c0) / (t1 - t0) * 60
    return wall, usage.ru_utime + usage.ru_stime, steady, usage.ru_maxrss / 1024.0, proc.returncode


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=str(ROOT / "build" / "release" / "bin" / "unknot"))
    ap.add_argument("--seconds", type=float, default=20.0)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="unknot-bench-"))
    example = build_example(work)
    x = Xvfb()
    try:
        env = dict(os.environ, DISPLAY=x.display, XDG_CONFIG_HOME=str(work / "config"),
                   XDG_DATA_HOME=str(work / "data"), SDL_AUDIODRIVER="dummy", LIBGL_ALWAYS_SOFTWARE="1")
        routine = ROOT / "tests" / "fixtures" / "good" / "short.toml"  # 20 s
        rows = [
            ("unknot playing a 20 s routine", measure([args.bin, "run", str(routine), "--quit-at-end"], env)),
            ("unknot idle in the library", measure([args.bin], env, args.seconds)),
            ("imgui example_sdl_opengl3", measure([str(example)], env, args.seconds)),
        ]
    finally:
        x.stop()
    print(f"{'what':32} {'wall s':>7} {'cpu s':>7} {'cpu s/min':>10} {'steady s/min':>13} {'peak MiB':>9}")
    for name, (wall, cpu, steady, rss, code) in rows:
        print(f"{name:32} {wall:7.1f} {cpu:7.2f} {cpu / wall * 60:10.2f} {steady:13.2f} {rss:9.1f}")
    print(f"(steady: from {STEADY_FROM:.0f} s to {STEADY_TO:.0f} s, after start-up)")
    playing = rows[0][1][1] / rows[0][1][0]
    example_rate = rows[2][1][1] / rows[2][1][0]
    print(f"the ImGui example uses {example_rate / max(playing, 1e-9):.0f}x the CPU of unknot playing")


if __name__ == "__main__":
    main()
