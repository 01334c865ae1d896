#!/usr/bin/env python3
"""Files from strangers (issue 12): time and peak memory of the release build on each hostile
reproducer, and what it prints.

Usage: bench/hostile_files.py [--bin build/release/bin/unknot] [--only NAME] [--no-sound]
       bench/hostile_files.py --write DIR    # just write the reproducers (fuzz seeds)

For each routine case: `check FILE`, `plan --json FILE` and `list` with the file in a
--routines-dir, each with its wall time, peak RSS and output size. For each settings case:
`plan` of a built-in routine with the file as settings.toml. For each custom sound: the time
from start until the app logs that a routine started (`run --quit-at-end` under Xvfb, SDL's
disk audio driver), and the peak RSS. Goals: 3 s and 300 MB per case; custom sounds 15 s and
400 MB; plan --json output bounded.
"""
import argparse
import os
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def dotted(parts):
    return ".".join(["a"] * parts)


def nested_repeats(label, cue=""):
    return ('name = "Nested repeats"\n[[step]]\nrepeat = 100\n[[step.step]]\nrepeat = 100\n'
            f'[[step.step.step]]\nkind = "hold"\nduration = 1\nlabel = "{label}"\ncue = "{cue}"\n')


VALID_TAIL = '[[step]]\nkind = "hold"\nduration = 30\n'

# name -> text of a routine file
ROUTINES = {
    "deep-inline-table": lambda: f'name = "Deep"\nx = {{ {dotted(150_000)} = 1 }}\n' + VALID_TAIL,
    "deep-in-tags": lambda: f'name = "Deep"\ntags = [ {{ {dotted(150_000)} = 1 }} ]\n' + VALID_TAIL,
    "deep-braces": lambda: 'name = "Deep"\nx = ' + "{a=" * 100_000 + "1" + "}" * 100_000 + "\n",
    "deep-arrays": lambda: 'name = "Deep"\nx = ' + "[" * 100_000 + "]" * 100_000 + "\n",
    "label-20k-repeats": lambda: nested_repeats("x" * 20_000),
    "label-100k-repeats": lambda: nested_repeats("x" * 100_000),
    "label-1200k-repeats": lambda: nested_repeats("x" * 1_200_000),
    "widest-valid-expansion": lambda: nested_repeats("l" * 100, "c" * 100),
    # Issue 24: what the voice says, refused at check time by its cost.
    "say-32-next-24k": lambda: 'name = "Shared"\n' + "".join(
        f'\n[[step]]\nlabel = "Block {b}"\nrepeat = 20\n  [[step.step]]\n  kind = "hold"\n  duration = "30s"\n'
        f'  label = "{chr(97 + b % 26) * 200}"\n  say = "{{round}}{"{next}" * 32}"\n' for b in range(50)),
    "nested-says-400": lambda: (
        'name = "Nested says"\n[[step]]\nlabel = "Outer"\nrepeat = 100\n  [[step.step]]\n  label = "Inner"\n'
        '  repeat = 100\n    [[step.step.step]]\n    kind = "hold"\n    duration = "1s"\n'
        '    label = "Hold it, breathe out slowly, and let the muscle go soft under the ball"\n'
        '    say = "Round {round} of {rounds} of this hold: {label}. Keep breathing slowly. After this comes {next}, '
        'then again {next}. {duration}."\n'),
    "kind-3900k": lambda: 'name = "K"\n[[step]]\nkind = "' + "k" * 3_900_000 + '"\nduration = 5\n',
    "unknown-keys-400k": lambda: 'name = "U"\n' + "".join(f"k{i}=1\n" for i in range(400_000)) + VALID_TAIL,
    "tags-2m-integers": lambda: 'name = "T"\ntags = [' + "1," * 1_950_000 + "]\n" + VALID_TAIL,
    "terminal-escapes": lambda: ('name = "\\u001b]0;owned\\u0007\\u001b[2J"\n"\\u001b[31mkey" = 1\n'
                                 + VALID_TAIL),
}

SETTINGS = {
    "settings-deep-inline-table": lambda: f"volume = 30\nx = {{ {dotted(150_000)} = 1 }}\n",
    "settings-unknown-keys-400k": lambda: "".join(f"k{i}=1\n" for i in range(400_000)),
    "settings-wrong-types": lambda: "# mine\ncues = 5\nwindow = \"big\"\nvolume = 30\n[extra]\nkeep = true\n",
}


def wav(seconds=0.0, claimed_frames=None, truncate=None):
    """A 48 kHz 16-bit stereo WAV of `seconds` of silence; the header may claim more data."""
    frames = int(48000 * seconds)
    data = b"\0" * (frames * 4)
    size = len(data) if claimed_frames is None else claimed_frames * 4
    header = (b"RIFF" + struct.pack("<I", 36 + size) + b"WAVEfmt " +
              struct.pack("<IHHIIHH", 16, 1, 2, 48000, 48000 * 4, 4, 16) + b"data" + struct.pack("<I", size))
    out = header + data
    return out[:truncate] if truncate is not None else out


SOUNDS = {
    "sound-9.5s-valid": lambda: wav(9.5),  # within the limits: played, decoded once for all cues
    "sound-dev-zero": None,  # the device file itself
    "sound-1-hour": lambda: wav(3600.0),
    "sound-truncated": lambda: wav(2.0, truncate=44 + 1000),
    "sound-header-only": lambda: wav(0.0),
    "sound-huge-claimed-size": lambda: wav(0.5, claimed_frames=0x3FFFFFF0),
}


def write_all(folder):
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for name, make in {**ROUTINES, **SETTINGS}.items():
        (folder / f"{name}.toml").write_text(make())


def run_measured(cmd, env=None, timeout=120):
    """Wall time, peak RSS in MB, bytes and ESC bytes on stdout, exit code. The peak RSS comes
    from GNU time: a child forked from this (large) Python process would report Python's."""
    with tempfile.NamedTemporaryFile("r") as rss:
        start = time.monotonic()
        proc = subprocess.Popen(["/usr/bin/time", "-q", "-f", "%M %x", "-o", rss.name, *cmd],
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
        out_bytes = escapes = 0
        timer = threading.Timer(timeout, proc.kill)
        timer.start()
        while chunk := proc.stdout.read(1 << 16):
            out_bytes += len(chunk)
            escapes += chunk.count(b"\x1b")
        proc.wait()
        timer.cancel()
        elapsed = time.monotonic() - start
        fields = rss.read().split()
    kb, code = (int(fields[-2]), fields[-1]) if len(fields) >= 2 else (0, "killed")
    return elapsed, kb / 1024, out_bytes, escapes, code


def bench_routines(binary, work, only):
    print(f"{'case':28} {'command':12} {'time s':>7} {'peak MB':>8} {'stdout':>10} {'ESC':>4}  exit")
    for name, make in ROUTINES.items():
        if only and only not in name:
            continue
        folder = work / name
        folder.mkdir()
        file = folder / f"{name}.toml"
        file.write_text(make())
        env = dict(os.environ, XDG_CONFIG_HOME=str(work / "config"), XDG_DATA_HOME=str(work / "data"))
        for label, cmd in [("check", [binary, "check", str(file)]),
                           ("plan --json", [binary, "plan", "--json", str(file)]),
                           ("list", [binary, "--routines-dir", str(folder), "list"])]:
            t, mb, out, esc, code = run_measured(cmd, env)
            print(f"{name:28} {label:12} {t:7.2f} {mb:8.1f} {out:10} {esc:4}  {code}", flush=True)


def bench_settings(binary, work, only):
    for name, make in SETTINGS.items():
        if only and only not in name:
            continue
        config = work / name / "config"
        (config / "unknot").mkdir(parents=True)
        (config / "unknot" / "settings.toml").write_text(make())
        env = dict(os.environ, XDG_CONFIG_HOME=str(config), XDG_DATA_HOME=str(work / "data"))
        t, mb, out, esc, code = run_measured([binary, "plan", "calf-active-release-rope"], env)
        print(f"{name:28} {'plan':12} {t:7.2f} {mb:8.1f} {out:10} {esc:4}  {code}", flush=True)


def bench_sounds(binary, work, only):
    if not shutil.which("Xvfb"):
        print("custom sounds: no Xvfb, skipped")
        return
    sys.path.insert(0, str(ROOT / "tests" / "e2e"))
    from harness import Xvfb  # noqa: E402 (the e2e tests' own X server helper)
    xvfb = Xvfb()
    try:
        print(f"\n{'custom sound (every cue)':28} {'to start s':>10} {'peak MB':>8}  notice")
        for name, make in SOUNDS.items():
            if only and only not in name:
                continue
            path = Path("/dev/zero") if make is None else work / f"{name}.wav"
            if make is not None:
                path.write_bytes(make())
            config = work / name / "config"
            (config / "unknot").mkdir(parents=True)
            sounds = "".join(f'{cue} = "{path}"\n' for cue in
                             ["prepare", "tense", "release", "hold", "roll", "rest", "manual", "switch",
                              "countdown", "countdown-last", "halfway", "end"])
            (config / "unknot" / "settings.toml").write_text("[sounds]\n" + sounds)
            env = dict(os.environ, XDG_CONFIG_HOME=str(config), XDG_DATA_HOME=str(work / "data"),
                       DISPLAY=xvfb.display, LIBGL_ALWAYS_SOFTWARE="1", SDL_AUDIODRIVER="disk",
                       SDL_DISKAUDIOFILE=str(work / "audio.raw"), SDL_DISKAUDIODELAY="0")
            rss = work / f"{name}.rss"
            start = time.monotonic()
            proc = subprocess.Popen(["/usr/bin/time", "-q", "-f", "%M", "-o", str(rss), binary, "--verbose", "run",
                                     "calf-active-release-rope", "--quit-at-end"], env=env,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            started, notice = None, ""
            timer = threading.Timer(60, proc.kill)
            timer.start()
            for line in proc.stderr:
                if "notice:" in line and not notice:
                    notice = line.strip()[-90:]
                if "start routine=" in line:
                    started = time.monotonic() - start
                    # Stop the app itself (GNU time's child) so time reports its peak.
                    children = Path(f"/proc/{proc.pid}/task/{proc.pid}/children").read_text().split()
                    for child in children:
                        os.kill(int(child), signal.SIGTERM)
                    break
            timer.cancel()
            proc.wait()
            fields = rss.read_text().split()
            peak = int(fields[-1]) / 1024 if fields and fields[-1].isdigit() else 0.0
            shown = f"{started:10.2f}" if started is not None else "     never"
            print(f"{name:28} {shown} {peak:8.1f}  ...{notice}", flush=True)
    finally:
        xvfb.stop()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=str(ROOT / "build/release/bin/unknot"))
    ap.add_argument("--only", default="")
    ap.add_argument("--no-sound", action="store_true")
    ap.add_argument("--write", metavar="DIR")
    args = ap.parse_args()
    if args.write:
        write_all(args.write)
        return
    with tempfile.TemporaryDirectory(prefix="unknot-hostile-") as tmp:
        work = Path(tmp)
        bench_routines(args.bin, work, args.only)
        bench_settings(args.bin, work, args.only)
        if not args.no_sound:
            bench_sounds(args.bin, work, args.only)


if __name__ == "__main__":
    main()
