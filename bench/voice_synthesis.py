#!/usr/bin/env python3
"""What the spoken guide costs before a routine starts.

Usage: bench/voice_synthesis.py [--bin build/release/bin/unknot] [--routine ROUTINE] [--runs 5]

1. Synthesis: `unknot plan --json` plans the phrases as the app does, synthesising every
   candidate text with the settings' Flite voice; its time with the voice on, minus with it off,
   is the time to synthesise every phrase of the routine (by default the longest built-in one).
2. Delay before the first cue: the app plays the routine in real time under Xvfb with SDL's disk
   audio driver; the session starts when its first phrase is ready (the worker says the others
   while it plays), so the first cue comes later by the time that took. Measured as the frame of the first sound in the capture,
   voice on minus voice off (SDL's own start-up silence is the same in both).
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "e2e"))
from harness import App, Xvfb  # noqa: E402
from pcm import RATE, read_raw  # noqa: E402

# The built-in routines ask their check-in questions first: not here, the routine starts at once.
VOICE_ON = "check_in_before = false\n"
VOICE_OFF = VOICE_ON + "[voice]\nenabled = false\n"


def longest_routine(binary):
    best = None
    for path in sorted((ROOT / "routines").glob("*.toml")):
        plan = json.loads(subprocess.run([binary, "plan", "--json", str(path)], capture_output=True, text=True,
                                         check=True).stdout)
        if best is None or plan["routine"]["total_ms"] > best[1]["routine"]["total_ms"]:
            best = (path, plan)
    return best


def plan_seconds(binary, routine, config):
    env = dict(os.environ, XDG_CONFIG_HOME=str(config))
    start = time.perf_counter()
    subprocess.run([binary, "plan", "--json", str(routine)], capture_output=True, check=True, env=env)
    return time.perf_counter() - start


def first_sound(binary, x, routine, settings):
    import harness
    harness.BIN = binary
    raw = Path(tempfile.mkdtemp(prefix="unknot-voice-")) / "out.raw"
    app = App(x.display, ["run", str(routine)], settings=settings,
              env_extra={"SDL_AUDIODRIVER": "disk", "SDL_DISKAUDIOFILE": str(raw)})
    try:
        app.wait_for(r"cue type=phase phase=0", timeout=60)
        time.sleep(0.5)  # a bench, not a test: let the disk driver write the cue
    finally:
        app.stop()
    frames, _ = read_raw(raw)
    return next(i for i, v in enumerate(frames) if v)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=str(ROOT / "build" / "release" / "bin" / "unknot"))
    ap.add_argument("--routine")
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    if args.routine:
        routine = Path(args.routine)
        plan = json.loads(subprocess.run([args.bin, "plan", "--json", str(routine)], capture_output=True, text=True,
                                         check=True).stdout)
    else:
        routine, plan = longest_routine(args.bin)
    says = [c for c in plan["cues"] if c["type"] == "say"]
    spoken = sum(c["length_ms"] for c in says) / 1000
    work = Path(tempfile.mkdtemp(prefix="unknot-voice-"))
    on, off = work / "on", work / "off"
    (off / "unknot").mkdir(parents=True)
    (off / "unknot" / "settings.toml").write_text(VOICE_OFF)
    on.mkdir()
    with_voice = [plan_seconds(args.bin, routine, on) for _ in range(args.runs)]
    without = [plan_seconds(args.bin, routine, off) for _ in range(args.runs)]
    synthesis = statistics.median(with_voice) - statistics.median(without)
    print(f"routine: {routine.name}, {plan['routine']['total_ms'] / 60000:.1f} min, {len(says)} phrases "
          f"({len({c['text'] for c in says})} distinct, {spoken:.1f} s of speech)")
    print(f"synthesis of every phrase (plan with the voice minus without, median of {args.runs}): "
          f"{synthesis * 1000:.0f} ms")
    x = Xvfb()
    try:
        delays = []
        for _ in range(max(1, args.runs // 2)):
            delays.append(first_sound(args.bin, x, routine, VOICE_ON) - first_sound(args.bin, x, routine, VOICE_OFF))
    finally:
        x.stop()
    print("delay before the first cue, voice on minus off: " +
          ", ".join(f"{d / RATE * 1000:.0f} ms" for d in delays) + " (goal: under 100 ms)")


if __name__ == "__main__":
    main()
