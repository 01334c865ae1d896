#!/usr/bin/env python3
"""Worst cue and phrase onset error over a 10-minute routine, measured in what the app played.

Usage: bench/cue_timing.py [--bin build/release/bin/unknot] [--minutes 10]
Plays a generated routine in the real app under Xvfb with SDL's disk audio driver writing as
fast as it can, twice: with the voice off, finds every cue's onset in the captured PCM and
compares it with `unknot plan --json`, relative to the first cue; with the voice on, takes the
difference of the two captures (the voice alone: cues never move) and compares each phrase's
first sound with its planned frame plus the silence its sound begins with. Prints the worst
and mean errors.
"""
import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "e2e"))
from harness import App, Xvfb  # noqa: E402
from pcm import RATE, compare, onsets, read_raw, read_samples, voice_onsets  # noqa: E402

QUIET = "[voice]\nenabled = false\n[cues]\nfeedback = false\n"


def routine(minutes: int) -> str:
    # One round: prepare 10 s, 6 x (tense 6 s / release 12 s) with 5 s rests, both sides with
    # a 10 s switch, then a 45 s hold: about 5 minutes. Repeat to fill the time.
    rounds = max(1, round(minutes * 60 / 300))
    return f'''name = "Benchmark: {minutes} minutes"
[[step]]
label = "Round"
repeat = {rounds}
  [[step.step]]
  kind = "prepare"
  duration = "10s"
  [[step.step]]
  label = "Pairs"
  repeat = 6
  sides = ["left", "right"]
  switch = "10s"
  rest_between = "5s"
    [[step.step.step]]
    kind = "tense"
    duration = "6s"
    [[step.step.step]]
    kind = "release"
    duration = "12s"
  [[step.step]]
  kind = "hold"
  duration = "45s"
'''


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=str(ROOT / "build" / "release" / "bin" / "unknot"))
    ap.add_argument("--minutes", type=int, default=10)
    args = ap.parse_args()
    import harness
    harness.BIN = args.bin
    work = Path(tempfile.mkdtemp(prefix="unknot-timing-"))
    path = work / "ten-minutes.toml"
    path.write_text(routine(args.minutes))
    plan = json.loads(subprocess.run([args.bin, "plan", "--json", str(path)], capture_output=True, text=True,
                                     check=True).stdout)
    planned = [c["at_ms"] * RATE // 1000 for c in plan["cues"] if c["type"] != "say"]
    says = [c for c in plan["cues"] if c["type"] == "say" and c["text"]]
    x = Xvfb()
    raws, walls = [], []
    try:
        for settings in (QUIET, ""):
            raw = work / f"out{len(raws)}.raw"
            start = time.monotonic()
            app = App(x.display, ["run", str(path), "--quit-at-end"], settings=settings,
                      env_extra={"SDL_AUDIODRIVER": "disk", "SDL_DISKAUDIOFILE": str(raw), "SDL_DISKAUDIODELAY": "0"})
            code = app.wait_exit(timeout=600)
            walls.append(time.monotonic() - start)
            app.stop()
            if code != 0:
                sys.exit(f"unknot exited {code}")
            raws.append(raw)
    finally:
        x.stop()
    wall = walls[0]
    frames, peak = read_raw(raws[0])
    heard = onsets(frames)
    errors = compare(heard, planned, tolerance=10**9)
    worst = max(abs(e) for e in errors)
    mean = sum(abs(e) for e in errors) / len(errors)
    print(f"routine: {plan['routine']['total_ms'] / 60000:.1f} min, {len(planned)} cues planned, {len(heard)} heard "
          f"(played in {wall:.1f} s of wall time)")
    print(f"worst onset error: {worst} frames = {worst / RATE * 1000:.3f} ms; mean {mean:.2f} frames; "
          f"peak sample {peak} of 32767")
    # The phrases: frame 0 of the session is the first cue's onset, a frame or so before its
    # first non-zero sample, which is where voice_onsets aligns the two captures.
    lead = next(i for i, v in enumerate(frames) if v) - heard[0]
    spoken = voice_onsets(read_samples(raws[1]), read_samples(raws[0]))
    if len(spoken) != len(says):
        sys.exit(f"heard {len(spoken)} phrases, planned {len(says)}")
    perrors = [h + lead - s["frame"] - s["lead_frames"] for h, s in zip(spoken, says)]
    pworst = max(abs(e) for e in perrors)
    shortened = sum(1 for c in plan["cues"] if c.get("shortened"))
    dropped = sum(1 for c in plan["cues"] if c.get("dropped"))
    print(f"phrases: {len(says)} planned ({shortened} shortened, {dropped} dropped), {len(spoken)} heard; "
          f"worst onset error {pworst} frames; mean {sum(abs(e) for e in perrors) / len(perrors):.2f} frames "
          f"(played in {walls[1]:.1f} s of wall time)")


if __name__ == "__main__":
    main()
