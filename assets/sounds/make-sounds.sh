#!/usr/bin/env bash
# Makes Unknot's cue sounds with sox, reproducibly: 48 kHz, 16-bit mono WAV, each at most
# 400 ms, with a 1.5 ms fade-in (a quick attack without a click) and a smooth fade-out, and
# peaks at -10 dBFS so that a few overlapping cues never clip.
#
#   tense    rising sweep       release  falling sweep      hold    steady major third
#   prepare  single soft note   roll     warbling note      rest    low soft note
#   switch   two quick notes    manual   plucked bell       countdown  short tick
#   halfway  double ping        end      rising arpeggio
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
R=(-r 48000 -b 16 -c 1)

finish() { # in out total-seconds fade-out-seconds
  sox "$1" "${R[@]}" "$2" fade q 0.0015 "$3" "$4" gain -n -10
}
tone() { # out seconds synth-args...
  local out=$1 len=$2
  shift 2
  sox -n "${R[@]}" "$out" synth "$len" "$@" gain -3
}

tone "$tmp/tense.wav" 0.32 sine 440-880 ; finish "$tmp/tense.wav" tense.wav 0.32 0.06
tone "$tmp/release.wav" 0.36 sine 880-392 ; finish "$tmp/release.wav" release.wav 0.36 0.12
sox -n -r 48000 -b 16 -c 2 "$tmp/hold2.wav" synth 0.35 sine 523.25 sine 659.25 gain -3
sox "$tmp/hold2.wav" "$tmp/hold.wav" remix -
finish "$tmp/hold.wav" hold.wav 0.35 0.12
tone "$tmp/prepare.wav" 0.22 sine 660 ; finish "$tmp/prepare.wav" prepare.wav 0.22 0.12
tone "$tmp/roll.wav" 0.35 sine 587 ; sox "$tmp/roll.wav" "$tmp/roll-t.wav" tremolo 14 70
finish "$tmp/roll-t.wav" roll.wav 0.35 0.1
tone "$tmp/rest.wav" 0.38 sine 330 ; finish "$tmp/rest.wav" rest.wav 0.38 0.25
tone "$tmp/s1.wav" 0.09 sine 784 ; tone "$tmp/s2.wav" 0.14 sine 988
sox "$tmp/s1.wav" "$tmp/s1f.wav" fade q 0.0015 0.09 0.02
sox "$tmp/s1f.wav" "$tmp/s2.wav" "$tmp/switch.wav"
finish "$tmp/switch.wav" switch.wav 0.23 0.08
tone "$tmp/manual.wav" 0.40 pluck 880 ; finish "$tmp/manual.wav" manual.wav 0.40 0.2
tone "$tmp/countdown.wav" 0.07 sine 1250 ; finish "$tmp/countdown.wav" countdown.wav 0.07 0.045
tone "$tmp/h1.wav" 0.08 sine 1046.5 ; sox "$tmp/h1.wav" "$tmp/h1f.wav" fade q 0.0015 0.08 0.05 pad 0 0.06
sox "$tmp/h1f.wav" "$tmp/h1f.wav" "$tmp/halfway.wav"
finish "$tmp/halfway.wav" halfway.wav 0.28 0.05
for n in 523.25 659.25 783.99; do
  tone "$tmp/e$n.wav" 0.09 sine "$n"
  sox "$tmp/e$n.wav" "$tmp/f$n.wav" fade q 0.0015 0.09 0.03
done
tone "$tmp/e4.wav" 0.12 sine 1046.5
sox "$tmp/f523.25.wav" "$tmp/f659.25.wav" "$tmp/f783.99.wav" "$tmp/e4.wav" "$tmp/end.wav"
finish "$tmp/end.wav" end.wav 0.39 0.1
ls -1 *.wav
