#!/usr/bin/env python3
"""Can "left" and "right" be picked out of the captured mix by an offline speech recogniser?

Usage: bench/voice_recognition.py [--bin build/release/bin/unknot] [--routine ROUTINE]
Needs Debian's pocketsphinx and its US English model (bench only, not the tests' or
scripts/dev's packages):   apt-get install pocketsphinx pocketsphinx-en-us sox

Plays a routine with sides (by default the built-in glute-release-ball) in the real app under
Xvfb with SDL's disk audio driver, cues and voice mixed as the user hears them; converts the
capture to 16 kHz mono and runs pocketsphinx's keyword spotting for "left" and "right". Each
phrase that says a side should be heard as that word while it is spoken (it starts after its
phase's sound, before the phase's first countdown tick). Prints hits, misses and false words.
"""
import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "e2e"))
from harness import App, Xvfb  # noqa: E402
from pcm import RATE, onsets, read_raw  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=str(ROOT / "build" / "release" / "bin" / "unknot"))
    ap.add_argument("--routine", default=str(ROOT / "routines" / "glute-release-ball.toml"))
    ap.add_argument("--threshold", default="1e-20", help="pocketsphinx -kws_threshold")
    args = ap.parse_args()
    import harness
    harness.BIN = args.bin
    plan = json.loads(subprocess.run([args.bin, "plan", "--json", args.routine], capture_output=True, text=True,
                                     check=True).stdout)
    work = Path(tempfile.mkdtemp(prefix="unknot-asr-"))
    raw = work / "out.raw"
    x = Xvfb()
    try:
        # The built-in routines ask their check-in questions before and after: a copy without them
        # plays at once and quits at its end.
        routine = work / Path(args.routine).name
        routine.write_text(re.sub(r"(?m)^check_in\s*=.*$", "", Path(args.routine).read_text()))
        app = App(x.display, ["run", str(routine), "--quit-at-end"],
                  env_extra={"SDL_AUDIODRIVER": "disk", "SDL_DISKAUDIOFILE": str(raw), "SDL_DISKAUDIODELAY": "0"})
        if app.wait_exit(timeout=600) != 0:
            sys.exit("unknot failed")
        app.stop()
    finally:
        x.stop()
    frames, _ = read_raw(raw)
    zero = onsets(frames)[0]  # the session's frame 0 in the capture
    wav = work / "mix16k.wav"
    subprocess.run(["sox", "-t", "raw", "-r", str(RATE), "-e", "signed", "-b", "16", "-c", "2", str(raw),
                    "-r", "16000", "-c", "1", str(wav)], check=True)
    kws = work / "keywords.txt"
    kws.write_text(f"left /{args.threshold}/\nright /{args.threshold}/\n")
    out = subprocess.run(["pocketsphinx_continuous", "-infile", str(wav), "-kws", str(kws), "-time", "yes",
                          "-logfn", "/dev/null"], capture_output=True, text=True).stdout
    heard = []  # (word, seconds from the session's start)
    for line in out.splitlines():
        m = re.match(r"^(left|right)\s+([\d.]+)\s+([\d.]+)", line.strip())
        if m:
            heard.append((m.group(1), float(m.group(2)) - zero / RATE))
    says = [c for c in plan["cues"] if c["type"] == "say" and c["text"]]
    expected = []
    for s in says:
        words = re.findall(r"\b(left|right)\b", s["text"].lower())
        if words:
            expected.append((words[0], s["at_ms"] / 1000, (s["at_ms"] + s["length_ms"]) / 1000, s["text"]))
    hits, misses = 0, []
    used = set()
    for word, start, end, text in expected:
        match = [i for i, (w, t) in enumerate(heard) if w == word and start - 0.1 <= t <= end + 0.1 and i not in used]
        if match:
            hits += 1
            used.add(match[0])
        else:
            misses.append(f"{start:8.2f} s  {text}")
    false = [f"{t:8.2f} s  {w}" for i, (w, t) in enumerate(heard) if i not in used]
    print(f"routine: {Path(args.routine).name}; {len(expected)} phrases say a side; "
          f"heard {hits} of them as that word ({100 * hits / max(1, len(expected)):.0f} %), "
          f"{len(false)} other detections")
    for m in misses:
        print("  missed:", m)
    for f in false[:20]:
        print("  other: ", f)


if __name__ == "__main__":
    main()
