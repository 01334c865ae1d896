#!/usr/bin/env python3
"""Time from `playerctl pause` to silence, measured in what the app actually played.

Usage: bench/mpris_pause_latency.py [--bin build/release/bin/unknot] [--runs 20]
Plays a routine with a cue at least every 2 s (5 s phases: the phase change, then ticks 3, 2
and 1 s before the next) in the real app under Xvfb, its sound captured by SDL's disk audio driver in real time
(SDL_DISKAUDIODELAY unset: the driver sleeps one buffer per buffer, as a sound card would take
them). On a private session bus, `playerctl pause` is run at a random moment, then `play`.

For each pause: the frame the capture had reached when playerctl was started (the file's size)
against the frame from which the session stood still (the pause's tick in the app's log, put
on the capture's timeline by lining the first cue's tick up with its onset in the PCM). After
that frame the capture must hold no new cue onset until the resume: checked, and counted.
Prints the median and the worst latency in ms.
"""
import argparse
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "e2e"))
from harness import App, Xvfb  # noqa: E402
from pcm import RATE, onsets, read_raw  # noqa: E402
from test_remote import SessionBus  # noqa: E402

BYTES_PER_FRAME = 4  # 16-bit stereo


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=str(ROOT / "build" / "release" / "bin" / "unknot"))
    ap.add_argument("--runs", type=int, default=20)
    args = ap.parse_args()
    import harness
    harness.BIN = args.bin
    work = Path(tempfile.mkdtemp(prefix="unknot-pause-"))
    path = work / "pause-latency.toml"
    path.write_text('name = "Benchmark: pause latency"\n[[step]]\nkind = "tense"\nduration = "5s"\nrepeat = 100\n')
    raw = work / "out.raw"
    x = Xvfb()
    bus = SessionBus()
    env = {"DBUS_SESSION_BUS_ADDRESS": bus.address}
    ctl_env = dict(__import__("os").environ, **env)
    calls = []  # capture frame when playerctl pause was started
    client = []  # how long playerctl itself ran (start, find the player, call, exit), ms
    try:
        app = App(x.display, ["run", str(path)],
                  env_extra={**env, "SDL_AUDIODRIVER": "disk", "SDL_DISKAUDIOFILE": str(raw)})
        app.wait_for(r"remote control on")
        app.wait_for(r"audio driver=disk")
        app.wait_for(r"cue type=phase phase=0")
        rng = random.Random(14)
        for _ in range(args.runs):
            time.sleep(rng.uniform(1.0, 2.0))  # a random moment in the routine's rhythm
            n = app.line_count()
            calls.append(raw.stat().st_size // BYTES_PER_FRAME)
            started = time.monotonic()
            subprocess.run(["playerctl", "-p", "unknot", "pause"], env=ctl_env, check=True)
            client.append((time.monotonic() - started) * 1000)
            app.wait_for(r"command toggle-pause .* state=paused", after=n)
            time.sleep(2.2)  # longer than the longest gap between cues: one was due while paused
            n = app.line_count()
            subprocess.run(["playerctl", "-p", "unknot", "play"], env=ctl_env, check=True)
            app.wait_for(r"command toggle-pause .* state=running", after=n)
        app.keys("ctrl+q")
        app.wait_exit()
        log = app.log
        app.stop()
    finally:
        bus.stop()
        x.stop()

    frames, _ = read_raw(raw)
    heard = onsets(frames)
    first_cue = re.search(r"cue type=\S+ phase=\d+ count=-?\d+ at=(\d+)", log)
    offset = heard[0] - int(first_cue.group(1))  # capture frame = session tick + offset
    pauses = [int(t) for t in re.findall(r"command toggle-pause \S+ \S+ state=paused at=(\d+)", log)]
    resumes = [int(t) for t in re.findall(r"command toggle-pause \S+ \S+ state=running at=(\d+)", log)]
    if len(pauses) != len(calls):
        sys.exit(f"{len(calls)} pauses sent, {len(pauses)} in the log")
    latencies, leaks = [], 0
    for call, pause, resume in zip(calls, pauses, resumes):
        stood = pause + offset
        latencies.append((stood - call) / RATE * 1000)
        # Silence: no cue starts after the pause took effect, until the resume.
        leaks += sum(1 for h in heard if stood < h < resume + offset)
    print(f"{len(latencies)} pauses: playerctl pause to silence median {statistics.median(latencies):.1f} ms, "
          f"worst {max(latencies):.1f} ms, best {min(latencies):.1f} ms; cues heard while paused: {leaks} "
          f"(of {len(heard)} in the capture)")
    print(f"playerctl itself ran median {statistics.median(client):.1f} ms (start, find the player, call, exit); "
          f"the pause lands at an audio buffer's start (512 frames, 10.7 ms)")


if __name__ == "__main__":
    main()
