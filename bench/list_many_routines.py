#!/usr/bin/env python3
"""How long `unknot list` takes over many generated routine files.

Usage: bench/list_many_routines.py [--files 2000] [--runs 5] [--bin build/release/bin/unknot]
Prints the median and the worst wall time of `unknot list`, `unknot list --json` and
`unknot list --ids` (what bash completion runs at every Tab).
"""
import argparse
import os
import random
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

KINDS = ["prepare", "tense", "release", "hold", "roll", "rest"]


def routine(rng: random.Random, i: int) -> str:
    lines = [f'name = "Generated routine {i}"', 'summary = "Made by the benchmark."',
             'tags = ["bench", "calves"]', 'equipment = ["rope"]', ""]
    for s in range(rng.randint(2, 6)):
        if rng.random() < 0.5:
            lines += ["[[step]]", f'kind = "{rng.choice(KINDS)}"', f'duration = "{rng.randint(5, 90)}s"',
                      f'label = "Step {s}"', ""]
        else:
            lines += ["[[step]]", f'label = "Block {s}"', f"repeat = {rng.randint(1, 8)}",
                      'sides = ["left", "right"]', 'rest_between = "5s"', ""]
            for c in range(rng.randint(1, 3)):
                lines += ["  [[step.step]]", f'  kind = "{rng.choice(KINDS)}"',
                          f'  duration = "{rng.randint(3, 20)}s"', f'  label = "Inner {c}"', ""]
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--files", type=int, default=2000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--bin", default="build/release/bin/unknot")
    args = ap.parse_args()
    rng = random.Random(42)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "routines"
        folder.mkdir()
        for i in range(args.files):
            (folder / f"r{i:05d}.toml").write_text(routine(rng, i))
        env = dict(os.environ, XDG_DATA_HOME=str(Path(tmp) / "data"))
        for extra in ([], ["--json"], ["--ids"]):
            times = []
            for _ in range(args.runs):
                start = time.perf_counter()
                out = subprocess.run([args.bin, "list", *extra, "--routines-dir", str(folder)],
                                     capture_output=True, text=True, env=env, check=True)
                times.append(time.perf_counter() - start)
            listed = out.stdout.count('"source":"dir"') if extra == ["--json"] else out.stdout.count("r0")
            print(f"unknot list {' '.join(extra):7} over {args.files} files ({listed} listed): "
                  f"median {statistics.median(times) * 1000:.0f} ms, worst {max(times) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
