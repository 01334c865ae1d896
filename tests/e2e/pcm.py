"""Reading what the app played: SDL's disk audio driver writes the mixed output as raw
signed 16-bit little-endian stereo at 48 kHz; these helpers find where each cue starts."""
import array
import sys

RATE = 48000
CHANNELS = 2


def read_raw(path):
    """Per-frame peak of |left|, |right| as a list of ints, and the largest sample magnitude."""
    samples = read_samples(path)
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


def read_samples(path):
    """The raw capture as interleaved signed 16-bit samples."""
    samples = array.array("h")
    with open(path, "rb") as f:
        samples.frombytes(f.read())
    if sys.byteorder != "little":
        samples.byteswap()
    return samples


def voice_onsets(with_voice, without_voice, min_silence_ms=300):
    """Where each phrase starts, in frames after the first sound, from two captures of one
    routine with the voice on and off: the cues are identical in both (the voice ducks, the
    cues never move), so what differs, aligned on the first sound, is the voice alone. A
    phrase starts at the first differing frame after `min_silence_ms` of none."""
    def first(a):
        return next((i for i in range(0, len(a) - 1, 2) if a[i] or a[i + 1]), 0)
    a, b = with_voice[first(with_voice):], without_voice[first(without_voice):]
    n = min(len(a), len(b)) // 2 * 2
    out, quiet = [], RATE
    for i in range(0, n, 2):
        if a[i] != b[i] or a[i + 1] != b[i + 1]:
            if quiet >= RATE * min_silence_ms // 1000:
                out.append(i // 2)
            quiet = 0
        else:
            quiet += 1
    return out
