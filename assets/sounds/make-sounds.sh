#!/usr/bin/env bash
# Makes Unknot's cue sounds with sox, reproducibly: 48 kHz, 16-bit mono WAV, each at most
# 400 ms, every note with a 1.5 ms fade-in (a quick attack without a click) and a smooth
# fade-out. Then every sound is levelled to the same loudness as people hear it: -16 LUFS
# maximum momentary loudness (ITU-R BS.1770, measured with libebur128 by unknot-loudness),
# true peak at most -1 dBTP. Fundamentals are all at 500 Hz or above, where laptop speakers
# still play them, and the kinds differ by rhythm and contour, not only by pitch:
#
#   tense     rising sweep               release   falling sweep
#   hold      one long steady tone       roll      four quick pulses
#   prepare   two rising notes           rest      two soft falling notes
#   switch    three notes, high-low-high manual    plucked bell
#   countdown short tick (3 and 2)       countdown-last  higher, longer tick (1): "now"
#   halfway   double ping                end       rising arpeggio
#
# And in feedback/, the confirmation of a key that changes playback, each at most 150 ms and
# quieter than the cues (-18.5 LUFS, so -20 to -17 with tolerance):
#   pause     two notes down             resume    two notes up
#   skip      quick upward swoop         back      quick downward swoop
#   extend    bright up-chirp (+15 s)    continue  one soft pop
#
# Usage: assets/sounds/make-sounds.sh [path/to/unknot-loudness]
# (by default the release build's, built first if missing).
set -euo pipefail
cd "$(dirname "$0")"
root=$(cd ../.. && pwd)
meter=${1:-$root/build/release/bin/unknot-loudness}
if [ ! -x "$meter" ]; then
  (cd "$root" && cmake --preset release >/dev/null && cmake --build --preset release --target unknot-loudness >/dev/null)
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
R=(-r 48000 -b 16 -c 1)
target=-16
# Repeatable (a fixed seed for pluck) and undithered: the same files on every run.
export SOX_OPTS="-R -D"

note() { # out seconds fade-out-seconds synth-args...
  local out=$1 len=$2 fadeout=$3
  shift 3
  sox -n "${R[@]}" "$out" synth "$len" "$@" gain -6 fade q 0.0015 "$len" "$fadeout"
}
gap() { sox -n "${R[@]}" "$1" trim 0 "$2"; }
level() { # in out [target]: to the target loudness, then checked
  local target=${3:-$target} measured gain
  measured=$("$meter" "$1" | awk '{print $2}')
  gain=$(awk -v t="$target" -v m="$measured" 'BEGIN { printf "%.2f", t - m }')
  sox "$1" "$2" gain "$gain"
  read -r _ lufs peak < <("$meter" "$2")
  awk -v l="$lufs" -v p="$peak" -v t="$target" 'BEGIN { exit !(l > t - 0.3 && l < t + 0.3 && p <= -1.0) }' ||
    { echo "make-sounds: $2 came out at $lufs LUFS, true peak $peak dBTP" >&2; exit 1; }
  printf '%-20s %7s LUFS  %6s dBTP  %s s\n' "$2" "$lufs" "$peak" "$(soxi -D "$2")"
}

note "$tmp/tense.wav" 0.32 0.06 sine 523-1047 ; level "$tmp/tense.wav" tense.wav
note "$tmp/release.wav" 0.36 0.12 sine 1047-523 ; level "$tmp/release.wav" release.wav
note "$tmp/hold.wav" 0.40 0.08 sine 659 ; level "$tmp/hold.wav" hold.wav

note "$tmp/r.wav" 0.05 0.02 sine 784 ; gap "$tmp/g35.wav" 0.035
sox "$tmp/r.wav" "$tmp/g35.wav" "$tmp/r.wav" "$tmp/g35.wav" "$tmp/r.wav" "$tmp/g35.wav" "$tmp/r.wav" "$tmp/roll.wav"
level "$tmp/roll.wav" roll.wav

note "$tmp/p1.wav" 0.12 0.03 sine 587 ; note "$tmp/p2.wav" 0.16 0.06 sine 880 ; gap "$tmp/g20.wav" 0.02
sox "$tmp/p1.wav" "$tmp/g20.wav" "$tmp/p2.wav" "$tmp/prepare.wav" ; level "$tmp/prepare.wav" prepare.wav

note "$tmp/s1.wav" 0.15 0.08 sine 784 ; note "$tmp/s2.wav" 0.20 0.14 sine 587
sox "$tmp/s1.wav" "$tmp/g20.wav" "$tmp/s2.wav" "$tmp/rest.wav" ; level "$tmp/rest.wav" rest.wav

note "$tmp/w1.wav" 0.07 0.02 sine 988 ; note "$tmp/w2.wav" 0.07 0.02 sine 740 ; note "$tmp/w3.wav" 0.09 0.06 sine 988
sox "$tmp/w1.wav" "$tmp/g20.wav" "$tmp/w2.wav" "$tmp/g20.wav" "$tmp/w3.wav" "$tmp/switch.wav"
level "$tmp/switch.wav" switch.wav

note "$tmp/manual.wav" 0.40 0.2 pluck 880 ; level "$tmp/manual.wav" manual.wav
note "$tmp/countdown.wav" 0.06 0.04 sine 1250 ; level "$tmp/countdown.wav" countdown.wav
note "$tmp/countdown-last.wav" 0.16 0.08 sine 1661 ; level "$tmp/countdown-last.wav" countdown-last.wav

note "$tmp/h.wav" 0.08 0.05 sine 1047 ; gap "$tmp/g60.wav" 0.06
sox "$tmp/h.wav" "$tmp/g60.wav" "$tmp/h.wav" "$tmp/halfway.wav" ; level "$tmp/halfway.wav" halfway.wav

for n in 523 659 784; do note "$tmp/e$n.wav" 0.09 0.03 sine "$n"; done
note "$tmp/e1047.wav" 0.12 0.08 sine 1047
sox "$tmp/e523.wav" "$tmp/e659.wav" "$tmp/e784.wav" "$tmp/e1047.wav" "$tmp/end.wav" ; level "$tmp/end.wav" end.wav

mkdir -p feedback
fb=-18.5
note "$tmp/f1.wav" 0.05 0.02 sine 880 ; note "$tmp/f2.wav" 0.07 0.04 sine 660 ; gap "$tmp/g15.wav" 0.015
sox "$tmp/f1.wav" "$tmp/g15.wav" "$tmp/f2.wav" "$tmp/pause.wav" ; level "$tmp/pause.wav" feedback/pause.wav "$fb"
note "$tmp/f3.wav" 0.05 0.02 sine 660 ; note "$tmp/f4.wav" 0.07 0.04 sine 880
sox "$tmp/f3.wav" "$tmp/g15.wav" "$tmp/f4.wav" "$tmp/resume.wav" ; level "$tmp/resume.wav" feedback/resume.wav "$fb"
note "$tmp/skip.wav" 0.07 0.03 sine 700-1400 ; level "$tmp/skip.wav" feedback/skip.wav "$fb"
note "$tmp/back.wav" 0.07 0.03 sine 1400-700 ; level "$tmp/back.wav" feedback/back.wav "$fb"
note "$tmp/extend.wav" 0.10 0.05 sine 1047-1568 ; level "$tmp/extend.wav" feedback/extend.wav "$fb"
note "$tmp/continue.wav" 0.06 0.04 sine 988 ; level "$tmp/continue.wav" feedback/continue.wav "$fb"
