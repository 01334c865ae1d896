#!/usr/bin/env python3
"""How loud each kind of cue is in what the app actually played, and how far apart they are.

Usage: bench/cue_loudness.py [--bin build/release/bin/unknot] [--meter build/release/bin/unknot-loudness]
Plays a routine with every timed phase kind, sides (so a switch), a long hold (so a halfway
cue) and the end chime in the real app under Xvfb, with SDL's disk audio driver capturing the
mix. Each planned cue's 400 ms from its planned frame is cut out of the capture and measured
with unknot-loudness (maximum momentary loudness, ITU-R BS.1770, libebur128). Prints each
sound's loudness and the spread between the loudest and the quietest (goal: at most 2 LU).
The capture is stereo at the app's default volume: it reads 3 LU above the mono files, less
what the volume takes off.
"""
import argparse
import array
import json
import subprocess
import sys
import tempfile
import wave
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "e2e"))
from capture import run_to_disk  # noqa: E402
from harness import Xvfb  # noqa: E402
from pcm import onsets, read_raw  # noqa: E402

RATE = 48000
ROUTINE = '''name = "Benchmark: every cue"
[[step]]
kind = "prepare"
duration = "6s"
[[step]]
label = "Pairs"
sides = ["left", "right"]
switch = "6s"
  [[step.step]]
  kind = "tense"
  duration = "6s"
  [[step.step]]
  kind = "release"
  duration = "6s"
[[step]]
kind = "roll"
duration = "6s"
[[step]]
kind = "hold"
duration = "32s"
[[step]]
kind = "rest"
duration = "6s"
'''


def sound_of(cue, phases):
    if cue["type"] == "phase":
        return phases[cue["phase"]]["kind"]
    if cue["type"] == "countdown":
        return "countdown-last" if cue["count"] == 1 else "countdown"
    return cue["type"]  # halfway, end


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=str(ROOT / "build" / "release" / "bin" / "unknot"))
    ap.add_argument("--meter", default=str(ROOT / "build" / "release" / "bin" / "unknot-loudness"))
    args = ap.parse_args()
    import harness
    harness.BIN = args.bin
    work = Path(tempfile.mkdtemp(prefix="unknot-loudness-"))
    path = work / "every-cue.toml"
    path.write_text(ROUTINE)
    plan = json.loads(subprocess.run([args.bin, "plan", "--json", str(path)], capture_output=True, text=True,
                                     check=True).stdout)
    # The cue sounds alone: a phrase (or a tick's ducked voice) would add to their loudness.
    plan["cues"] = [c for c in plan["cues"] if c["type"] != "say"]
    raw = work / "out.raw"
    x = Xvfb()
    try:
        code = run_to_disk(x.display, ["run", str(path), "--quit-at-end"], raw,
                           "[voice]\nenabled = false\n[cues]\nfeedback = false\n")
    finally:
        x.stop()
    if code != 0:
        sys.exit(f"unknot exited {code}")
    samples = array.array("h")
    samples.frombytes(raw.read_bytes())
    # The session starts a few buffers into the capture: align the plan on the first onset heard.
    frames, _ = read_raw(raw)
    offset = onsets(frames)[0] - plan["cues"][0]["at_ms"] * RATE // 1000
    segments = []
    for i, cue in enumerate(plan["cues"]):
        start = (offset + cue["at_ms"] * RATE // 1000) * 2
        segment = work / f"cue-{i:03d}.wav"
        with wave.open(str(segment), "wb") as w:
            w.setnchannels(2)
            w.setsampwidth(2)
            w.setframerate(RATE)
            w.writeframes(samples[start:start + RATE * 2 * 4 // 10].tobytes())
        segments.append((sound_of(cue, plan["phases"]), segment))
    out = subprocess.run([args.meter, *[str(s) for _, s in segments]], capture_output=True, text=True,
                         check=True).stdout.splitlines()
    by_sound = defaultdict(list)
    for (sound, _), line in zip(segments, out):
        by_sound[sound].append(float(line.split()[1]))
    print(f"{len(segments)} cues captured; maximum momentary loudness per sound (LUFS, stereo mix):")
    means = {}
    for sound, values in sorted(by_sound.items()):
        means[sound] = sum(values) / len(values)
        print(f"  {sound:15s} {means[sound]:7.2f}  ({len(values)} cues, {min(values):.2f} to {max(values):.2f})")
    spread = max(means.values()) - min(means.values())
    print(f"spread between kinds: {spread:.2f} LU (goal: at most 2)")


if __name__ == "__main__":
    main()
