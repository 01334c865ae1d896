#!/usr/bin/env python3
"""Spawn to first frame, and peak memory, of unknot beside Dear ImGui's own example_sdl_opengl3,
measured the same way for both: a small preloaded library notes the monotonic time of the
process's first SDL_GL_SwapWindow (the first frame shown), so neither program is asked to
report itself.

Usage: bench/first_frame.py [--bin build/release/bin/unknot] [--runs 7] [--files 5000]
Needs (bench only): g++, libimgui-dev's example sources, Xvfb with Mesa.

Runs, interleaved, in one Xvfb: the example; unknot with the built-in routines only; unknot with
--files generated routine files in the user's folder. Prints per case the median and every run
of: ms from the spawn to the first frame, and the peak resident memory (VmHWM) 3 s after it.
Goals (issue 25): unknot with the built-ins within 50 ms of the example; with 5,000 files no
later than 1.3x the built-ins alone.
"""
import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "e2e"))
sys.path.insert(0, str(ROOT / "bench"))
from cpu_while_playing import build_example  # noqa: E402
from harness import Xvfb  # noqa: E402
from list_many_routines import routine  # noqa: E402

SHIM = r"""
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
static int shown;
void SDL_GL_SwapWindow(void* window) {
    static void (*real)(void*);
    if (!real) real = (void (*)(void*))dlsym(RTLD_NEXT, "SDL_GL_SwapWindow");
    real(window);
    if (!shown++) {
        struct timespec t;
        clock_gettime(CLOCK_MONOTONIC, &t);
        const char* path = getenv("FIRST_SWAP_FILE");
        FILE* f = path ? fopen(path, "w") : NULL;
        if (f) { fprintf(f, "%.3f\n", t.tv_sec * 1e3 + t.tv_nsec / 1e6); fclose(f); }
    }
}
"""


def build_shim(work: Path) -> Path:
    src, lib = work / "first_swap.c", work / "first_swap.so"
    src.write_text(SHIM)
    subprocess.run(["gcc", "-O2", "-shared", "-fPIC", str(src), "-o", str(lib), "-ldl"], check=True)
    return lib


def peak_kib(pid):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def one(argv, env, mark: Path):
    mark.unlink(missing_ok=True)
    start = time.clock_gettime(time.CLOCK_MONOTONIC) * 1e3
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while not mark.exists() or not mark.read_text().strip():
            if time.monotonic() > deadline or proc.poll() is not None:
                raise SystemExit(f"no frame from {argv[0]}")
            time.sleep(0.002)
        first = float(mark.read_text()) - start
        time.sleep(3)
        return first, peak_kib(proc.pid) / 1024
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=str(ROOT / "build" / "release" / "bin" / "unknot"))
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--files", type=int, default=5000)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="unknot-first-"))
    shim, example = build_shim(work), build_example(work)
    homes = {}
    for case, files in (("built-ins only", 0), (f"{args.files} files", args.files)):
        home = work / case.replace(" ", "-")
        folder = home / "data" / "unknot" / "routines"
        folder.mkdir(parents=True)
        rng = random.Random(1)
        for i in range(files):
            (folder / f"gen-{i:05d}.toml").write_text(routine(rng, i))
        homes[case] = home
    x = Xvfb()
    results = {}
    try:
        for _ in range(args.runs):
            cases = [("imgui example_sdl_opengl3", [str(example)], work / "example-home")]
            cases += [(f"unknot, {case}", [args.bin], home) for case, home in homes.items()]
            for name, argv, home in cases:
                env = {"PATH": os.environ["PATH"], "HOME": str(home), "DISPLAY": x.display,
                       "XDG_DATA_HOME": str(home / "data"), "XDG_CONFIG_HOME": str(home / "config"),
                       "XDG_STATE_HOME": str(home / "state"), "SDL_AUDIODRIVER": "dummy",
                       "LD_PRELOAD": str(shim), "FIRST_SWAP_FILE": str(work / "swap.txt")}
                results.setdefault(name, []).append(one(argv, env, work / "swap.txt"))
    finally:
        x.stop()
    print(f"{'case':40s} {'first frame ms':>15s} {'peak MiB':>9s}   runs (ms)")
    for name, runs in results.items():
        firsts, peaks = [r[0] for r in runs], [r[1] for r in runs]
        print(f"{name:40s} {statistics.median(firsts):15.1f} {statistics.median(peaks):9.1f}   "
              + " ".join(f"{f:.0f}" for f in firsts))


if __name__ == "__main__":
    main()
