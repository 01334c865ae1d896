#!/usr/bin/env python3
"""Does the voice lead in what the user hears? Every built-in routine played in the real app
through SDL's disk audio driver; per phrase its loudness in the mix and the words recognised.

Usage: bench/voice_leads.py [--bin build/release/bin/unknot] [--meter build/release/bin/unknot-loudness]
                            [--routine FILE...] [--settings TOML]
Needs (bench only): apt-get install pocketsphinx pocketsphinx-en-us sox

Each routine is played without its check-in (asked by the screen, not said by the routine) and
with each manual step turned into a 30 s prepare step (nobody presses play in a bench); the plan
(`unknot plan --json` with the same settings) places every phrase. The capture is aligned on
its first onset, as bench/cue_loudness.py does. For every phrase said: its maximum momentary
loudness and true peak in the stereo mix (unknot-loudness, libebur128), and its words as
pocketsphinx en-us hears them with its stock language model (no priming); for every phase
sound the same loudness over 400 ms. Prints each phrase, then per routine and overall: the
phrase loudness against the cues' (goal: within 1 LU), the highest true peak of the whole mix
(goal: at most -1 dBTP), and the share of words recognised (goal: 80 %).
"""
import argparse
import array
import difflib
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import wave
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "e2e"))
sys.path.insert(0, str(ROOT / "bench"))
from capture import run_to_disk  # noqa: E402
from harness import Xvfb  # noqa: E402
from pcm import onsets, read_raw  # noqa: E402
from voice_candidates import recognise, to16k, words  # noqa: E402

RATE = 48000


def bench_copy(text):
    text = re.sub(r"(?m)^check_in\s*=.*$", "", text)
    return re.sub(r'(?m)^(\s*)kind = "manual"\s*$', r'\1kind = "prepare"\n\1duration = "30s"', text)


def write_wav(path, samples, start, frames):
    with wave.open(str(path), "wb") as w:
        w.setnchannels(2)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(samples[max(0, start) * 2:(max(0, start) + frames) * 2].tobytes())


def play(args, routine, work):
    raw = work / "out.raw"
    x = Xvfb()
    try:
        code = run_to_disk(x.display, ["run", str(routine), "--quit-at-end"], raw, args.settings, timeout=900)
    finally:
        x.stop()
    if code != 0:
        sys.exit(f"unknot exited {code} on {routine}")
    return raw


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=str(ROOT / "build" / "release" / "bin" / "unknot"))
    ap.add_argument("--meter", default=str(ROOT / "build" / "release" / "bin" / "unknot-loudness"))
    ap.add_argument("--routine", nargs="*", default=sorted(str(p) for p in (ROOT / "routines").glob("*.toml")))
    ap.add_argument("--settings", default=None, help="settings.toml text for the app and the plan")
    ap.add_argument("--quiet", action="store_true", help="only the summaries")
    args = ap.parse_args()
    import harness
    harness.BIN = args.bin
    totals = {"got": 0, "words": 0, "phrase": [], "cue": [], "peak": -200.0}
    for source in args.routine:
        work = Path(tempfile.mkdtemp(prefix="unknot-leads-"))
        routine = work / Path(source).name
        routine.write_text(bench_copy(Path(source).read_text()))
        config = work / "config"
        (config / "unknot").mkdir(parents=True)
        if args.settings:
            (config / "unknot" / "settings.toml").write_text(args.settings)
        plan = json.loads(subprocess.run([args.bin, "plan", "--json", str(routine)], capture_output=True, text=True,
                                         check=True, env={**os.environ, "XDG_CONFIG_HOME": str(config)}).stdout)
        raw = play(args, routine, work)
        samples = array.array("h")
        samples.frombytes(raw.read_bytes())
        frames, _ = read_raw(raw)
        first = plan["cues"][0]
        offset = onsets(frames)[0] - first["at_ms"] * RATE // 1000
        says = [c for c in plan["cues"] if c["type"] == "say" and c["text"] and c["kind"] != "reminder"]
        phases = [c for c in plan["cues"] if c["type"] == "phase"]
        seg_dir, asr_dir = work / "seg", work / "asr"
        seg_dir.mkdir()
        asr_dir.mkdir()
        segs = []
        for i, s in enumerate(says):
            start = offset + s["at_ms"] * RATE // 1000 + s.get("lead_frames", 0)
            seg = seg_dir / f"s{i:04d}.wav"
            write_wav(seg, samples, start, s["length_ms"] * RATE // 1000)
            segs.append(seg)
            to16k(seg, asr_dir / seg.name)
        cue_segs = []
        for i, c in enumerate(phases):
            seg = seg_dir / f"c{i:04d}.wav"
            write_wav(seg, samples, offset + c["at_ms"] * RATE // 1000, RATE * 4 // 10)
            cue_segs.append(seg)
        # The whole mix, a minute at a time, for its highest true peak.
        whole = []
        total_frames = len(samples) // 2
        for i, at in enumerate(range(0, total_frames, RATE * 60)):
            seg = seg_dir / f"w{i:04d}.wav"
            write_wav(seg, samples, at, RATE * 60)
            whole.append(seg)
        meter = subprocess.run([args.meter, *map(str, segs + cue_segs + whole)], capture_output=True, text=True,
                               check=True).stdout.splitlines()
        values = [tuple(map(float, line.split()[1:3])) for line in meter]
        phrase_l, cue_l, whole_l = values[:len(segs)], values[len(segs):len(segs) + len(cue_segs)], \
            values[len(segs) + len(cue_segs):]
        heard = recognise([asr_dir / p.name for p in segs], work) if segs else {}
        got = n = 0
        print(f"\n== {Path(source).name}: {len(says)} phrases")
        for i, s in enumerate(says):
            ref, hyp_words = words(s["text"]), words(heard.get(f"s{i:04d}", ""))
            sm = difflib.SequenceMatcher(a=ref, b=hyp_words, autojunk=False)
            g = sum(b.size for b in sm.get_matching_blocks())
            got, n = got + g, n + len(ref)
            if not args.quiet:
                print(f"  {s['at_ms'] / 1000:7.2f} s  {phrase_l[i][0]:6.2f} LUFS {phrase_l[i][1]:6.2f} dBTP  "
                      f"{g:2d}/{len(ref):2d}  {s['text']!r} -> {' '.join(hyp_words)!r}")
        cue_mean = statistics.mean(v[0] for v in cue_l)
        pl = [v[0] for v in phrase_l]
        peak = max(v[1] for v in whole_l)
        print(f"  cues {cue_mean:.2f} LUFS; phrases median {statistics.median(pl):.2f}, {min(pl):.2f} to "
              f"{max(pl):.2f} LUFS; within 1 LU of the cues: {sum(abs(v - cue_mean) <= 1 for v in pl)}/{len(pl)}; "
              f"mix true peak {peak:.2f} dBTP; words recognised {100 * got / max(1, n):.1f}% ({got}/{n})")
        totals["got"] += got
        totals["words"] += n
        totals["phrase"] += pl
        totals["cue"] += [v[0] for v in cue_l]
        totals["peak"] = max(totals["peak"], peak)
    cue_mean = statistics.mean(totals["cue"])
    pl = totals["phrase"]
    print(f"\nALL: cues {cue_mean:.2f} LUFS; {len(pl)} phrases, median {statistics.median(pl):.2f} LUFS, "
          f"{min(pl):.2f} to {max(pl):.2f}; within 1 LU of the cues: {sum(abs(v - cue_mean) <= 1 for v in pl)}/{len(pl)}; "
          f"highest true peak {totals['peak']:.2f} dBTP; words recognised unprimed "
          f"{100 * totals['got'] / max(1, totals['words']):.1f}% ({totals['got']}/{totals['words']})")


if __name__ == "__main__":
    main()
