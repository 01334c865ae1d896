"""Reading what the app played: SDL's disk audio driver writes the mixed output as raw
signed 16-bit little-endian stereo at 48 kHz; these helpers find where each cue starts."""
import array
import sys

RATE = 48000
CHANNELS = 2


def read_raw(path):
    """Per-frame peak of |left|, |right| as a list of ints, and the largest sample magnitude."""
    samples = array.array("h")
    with open(path, "rb") as f:
        samples.frombytes(f.read())
    if sys.byteorder != "little":
        samples.byteswap()
    left, right = samples[0::2], samples[1::2]
    frames = [max(abs(a), abs(b)) for a, b in zip(left, right)]
    return frames, max(frames, default=0)


def onsets(frames, threshold=300, min_silence_ms=100):
    """Frames where a sound starts after at least `min_silence_ms` of near-silence.

    Cues begin from digital silence with a short fade-in, so the exact onset is the last
    zero sample before the sound: found by walking back from where it crosses `threshold`."""
    min_silence = RATE * min_silence_ms // 1000
    out = []
    quiet = min_silence  # the capture starts in silence
    i, n = 0, len(frames)
    while i < n:
        if frames[i] > threshold:
            if quiet >= min_silence:
                j = i
                while j > 0 and frames[j - 1] != 0 and i - j < RATE // 100:
                    j -= 1
                out.append(max(j - 1, 0) if j > 0 and frames[j] != 0 else j)
            quiet = 0
        else:
            quiet += 1
        i += 1
    return out


def compare(heard, planned_frames, tolerance=48):
    """Pairs heard onsets with planned frames, both relative to their first; returns the list
    of errors in frames, or raises AssertionError describing the first mismatch."""
    if len(heard) != len(planned_frames):
        raise AssertionError(f"heard {len(heard)} cues, planned {len(planned_frames)}:\n"
                             f"heard   {[h - heard[0] for h in heard][:40]}\n"
                             f"planned {[p - planned_frames[0] for p in planned_frames][:40]}")
    errors = []
    for k, (h, p) in enumerate(zip(heard, planned_frames)):
        err = (h - heard[0]) - (p - planned_frames[0])
        errors.append(err)
        if abs(err) > tolerance:
            raise AssertionError(f"cue {k} heard {err:+d} frames from its plan (tolerance {tolerance})")
    return errors
