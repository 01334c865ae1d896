#!/usr/bin/env python3
"""What it costs to take the sound device back when something is to sound: opening it again
(SDL_mixer's Mix_OpenAudioDevice in our format, as AudioDevice::wake() does) against
unpausing one kept open (SDL_PauseAudioDevice), per SDL audio driver.

Usage: bench/audio_open_cost.py [--drivers disk,dummy,pulseaudio,pipewire,alsa] [--runs 30]
Prints the median and worst ms of each, through ctypes on the system's SDL2 and SDL2_mixer
(the libraries the app links). A driver that cannot start here is reported and skipped.
Why not pause: SDL 2's audio thread keeps running while a device is paused (it writes
silence), waking as often as when it plays; only a closed device costs nothing.
"""
import argparse
import ctypes
import os
import statistics
import subprocess
import sys
import tempfile
import time

AUDIO_S16SYS = 0x8010 if sys.byteorder == "little" else 0x9010
SDL_INIT_AUDIO = 0x10


class AudioSpec(ctypes.Structure):
    _fields_ = [("freq", ctypes.c_int), ("format", ctypes.c_uint16), ("channels", ctypes.c_uint8),
                ("silence", ctypes.c_uint8), ("samples", ctypes.c_uint16), ("padding", ctypes.c_uint16),
                ("size", ctypes.c_uint32), ("callback", ctypes.c_void_p), ("userdata", ctypes.c_void_p)]


def measure(driver, runs):
    """In a child process per driver (SDL picks its driver once per init)."""
    code = f"""
import ctypes, sys, time, statistics
sys.path.insert(0, {os.path.dirname(os.path.abspath(__file__))!r})
from audio_open_cost import AudioSpec, AUDIO_S16SYS, SDL_INIT_AUDIO
sdl = ctypes.CDLL("libSDL2-2.0.so.0")
mix = ctypes.CDLL("libSDL2_mixer-2.0.so.0")
sdl.SDL_GetError.restype = ctypes.c_char_p
if sdl.SDL_InitSubSystem(SDL_INIT_AUDIO) != 0:
    print("skip", sdl.SDL_GetError().decode()); sys.exit(0)
opens, closes, unpauses = [], [], []
for _ in range({runs}):
    t0 = time.perf_counter()
    if mix.Mix_OpenAudioDevice(48000, AUDIO_S16SYS, 2, 512, None, 0) != 0:
        print("skip", sdl.SDL_GetError().decode()); sys.exit(0)
    t1 = time.perf_counter()
    mix.Mix_CloseAudio()
    t2 = time.perf_counter()
    opens.append((t1 - t0) * 1000); closes.append((t2 - t1) * 1000)
want = AudioSpec(freq=48000, format=AUDIO_S16SYS, channels=2, samples=512)
have = AudioSpec()
sdl.SDL_OpenAudioDevice.restype = ctypes.c_uint32
dev = sdl.SDL_OpenAudioDevice(None, 0, ctypes.byref(want), ctypes.byref(have), 0)
for _ in range({runs}):
    sdl.SDL_PauseAudioDevice(dev, 1)
    time.sleep(0.02)
    t0 = time.perf_counter()
    sdl.SDL_PauseAudioDevice(dev, 0)
    unpauses.append((time.perf_counter() - t0) * 1000)
sdl.SDL_CloseAudioDevice(dev)
for name, v in (("open (Mix_OpenAudioDevice)", opens), ("close (Mix_CloseAudio)", closes),
                ("unpause (SDL_PauseAudioDevice)", unpauses)):
    print(f"{{name}}|{{statistics.median(v):.2f}}|{{max(v):.2f}}")
"""
    env = dict(os.environ, SDL_AUDIODRIVER=driver)
    tmp = tempfile.mkdtemp(prefix="unknot-audio-open-")
    env["SDL_DISKAUDIOFILE"] = os.path.join(tmp, "out.raw")
    r = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=300)
    return r.stdout.strip().splitlines() or [f"skip {r.stderr.strip()[-200:]}"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--drivers", default="disk,dummy,pulseaudio,pipewire,alsa")
    ap.add_argument("--runs", type=int, default=30)
    args = ap.parse_args()
    print(f"{'driver':12} {'what':32} {'median ms':>10} {'worst ms':>9}")
    for driver in args.drivers.split(","):
        for line in measure(driver, args.runs):
            if line.startswith("skip"):
                print(f"{driver:12} not available here: {line[5:]}")
                break
            name, median, worst = line.split("|")
            print(f"{driver:12} {name:32} {float(median):10.2f} {float(worst):9.2f}")


if __name__ == "__main__":
    main()
