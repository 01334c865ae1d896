#!/usr/bin/env python3
"""Which voice is understood first time: every phrase the built-in routines say, synthesised by
each candidate voice and rate, recognised by pocketsphinx en-us without priming.

Usage: bench/voice_candidates.py [--bin build/release/bin/unknot] [--meter build/release/bin/unknot-loudness]
                                 [--only NAME...] [--show N] [--sample N] [--per-routine] [--routines ID...]
                                 [--vocabulary]
Needs (bench only):  apt-get install flite espeak-ng festival festvox-us-slt-hts pocketsphinx
                     pocketsphinx-en-us sox

The texts are those of `unknot plan --json` over every routine in routines/ (with the default
voice's fitting; each distinct text once). Each candidate speaks them to WAV: Flite's voices
through the `flite` program (the same voices and synthesis the app links), espeak-ng and
Festival (festvox-us-slt-hts) as programs. Every WAV goes to 16 kHz mono (sox) and through
pocketsphinx_batch with the stock US English language model: no routine words given. A word
counts as recognised when it is in the longest common subsequence of the phrase's words and
the words heard (numbers spoken as words). Prints a table: words recognised, side words
(left/right) recognised, seconds of speech per word.

--vocabulary also recognises each routine's phrases with the recogniser given that routine's
vocabulary: a JSGF grammar of any sequence of the words its phrases say (those the
dictionary has), in place of the language model; with --per-routine each routine gets both
columns, unprimed and with its vocabulary.
"""
import argparse
import difflib
import glob
import json
import re
import subprocess
import sys
import tempfile
import wave
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MODEL = Path("/usr/share/pocketsphinx/model/en-us")

ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen " \
       "sixteen seventeen eighteen nineteen".split()
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def number_words(n):
    if n < 20:
        return [ONES[n]]
    if n < 100:
        return [TENS[n // 10]] + ([ONES[n % 10]] if n % 10 else [])
    return number_words(n // 100) + ["hundred"] + (number_words(n % 100) if n % 100 else [])


def words(text):
    out = []
    for w in re.findall(r"[A-Za-z']+|\d+", text.lower()):
        out += number_words(int(w)) if w.isdigit() else [w.strip("'")]
    return [w for w in out if w]


def candidates():
    # The app's own voice: the default Flite voice with its pauses between sentences, made by
    # unknot-loudness exactly as the app makes its phrases.
    c = {"unknot's voice (default)": ("app", "en", 1.0), "unknot's voice x0.9": ("app", "en", 0.9),
         "unknot's voice x0.8": ("app", "en", 0.8)}
    for v in ["kal16", "slt", "awb", "rms", "kal"]:
        for rate in [1.0, 0.9]:
            c[f"flite {v} x{rate}"] = ("flite", v, rate)
    for speed in [150, 130]:
        c[f"espeak-ng en-us {speed} wpm"] = ("espeak", "en-us", speed)
    for rate in [1.0, 0.9]:
        c[f"festival slt-hts x{rate}"] = ("festival", "cmu_us_slt_arctic_hts", rate)
    return c


def synthesise(kind, voice, rate, text, out):
    if kind == "flite":
        subprocess.run(["flite", "-voice", voice, "--setf", f"duration_stretch={1 / rate:.3f}", "-t", text,
                        "-o", str(out)], check=True, capture_output=True)
    elif kind == "espeak":
        subprocess.run(["espeak-ng", "-v", voice, "-s", str(rate), "-w", str(out), text], check=True,
                       capture_output=True)
    else:
        txt = out.with_suffix(".txt")
        txt.write_text(text)
        stretch = f"(Parameter.set 'Duration_Stretch {1 / rate:.3f})"
        subprocess.run(["text2wave", "-eval", f"(voice_{voice})", "-eval", stretch, str(txt), "-o", str(out)],
                       check=True, capture_output=True)


def to16k(src, dst):
    # A little silence either side: the recogniser wants to hear the utterance begin and end.
    subprocess.run(["sox", str(src), "-r", "16000", "-c", "1", "-b", "16", str(dst), "pad", "0.3", "0.3"],
                   check=True, capture_output=True)


def dictionary_words():
    with open(MODEL / "cmudict-en-us.dict", encoding="utf-8") as f:
        return {line.split(" ", 1)[0] for line in f if line.strip() and "(" not in line.split(" ", 1)[0]}


def vocabulary_grammar(texts, path, known):
    """A JSGF grammar that accepts any sequence of the words `texts` say (those in the dictionary)."""
    vocabulary = sorted({w for t in texts for w in words(t)} & known)
    path.write_text("#JSGF V1.0;\ngrammar routine;\npublic <utterance> = <word>*;\n<word> = " +
                    " | ".join(vocabulary) + ";\n")
    return path


def recognise(wavs, work, grammar=None, tag="hyp"):
    ctl = work / f"{tag}.ctl"
    ctl.write_text("".join(f"{w.with_suffix('').name}\n" for w in wavs))
    hyp = work / f"{tag}.txt"
    model = ["-jsgf", str(grammar)] if grammar else ["-lm", str(MODEL / "en-us.lm.bin")]
    subprocess.run(["pocketsphinx_batch", "-hmm", str(MODEL / "en-us"), *model,
                    "-dict", str(MODEL / "cmudict-en-us.dict"), "-ctl", str(ctl), "-cepdir", str(wavs[0].parent),
                    "-cepext", ".wav", "-adcin", "yes", "-adchdr", "44", "-hyp", str(hyp)],
                   check=True, capture_output=True)
    heard = {}
    for line in hyp.read_text().splitlines():
        m = re.match(r"(.*) \((\S+)(?: .*)?\)$", line)
        if m:
            heard[m.group(2)] = m.group(1)
    return heard


def score(ref, hyp):
    sm = difflib.SequenceMatcher(a=ref, b=hyp, autojunk=False)
    return sum(b.size for b in sm.get_matching_blocks())


def texts_by_routine(bin_path, only=None):
    out = {}
    for f in sorted(glob.glob(str(ROOT / "routines" / "*.toml"))):
        if only and not any(o in Path(f).stem for o in only):
            continue
        plan = json.loads(subprocess.run([bin_path, "plan", "--json", f], capture_output=True, text=True,
                                         check=True).stdout)
        out[Path(f).stem] = [c["text"] for c in plan["cues"] if c["type"] == "say" and c["text"]]
    return out


def texts_of(bin_path):
    return [t for texts in texts_by_routine(bin_path).values() for t in texts]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=str(ROOT / "build" / "release" / "bin" / "unknot"))
    ap.add_argument("--meter", default=str(ROOT / "build" / "release" / "bin" / "unknot-loudness"))
    ap.add_argument("--only", nargs="*")
    ap.add_argument("--show", type=int, default=0, help="print the N worst phrases of each candidate")
    ap.add_argument("--per-routine", action="store_true", help="also print each routine's figures")
    ap.add_argument("--routines", nargs="*", help="only the built-in routines whose id holds one of these")
    ap.add_argument("--vocabulary", action="store_true",
                    help="also recognise each routine's phrases restricted to that routine's words (JSGF)")
    ap.add_argument("--sample", type=int, default=0,
                    help="only every k-th distinct phrase, k chosen to keep about N (the recogniser is slow)")
    args = ap.parse_args()
    by_routine = texts_by_routine(args.bin, args.routines)
    said = [t for texts in by_routine.values() for t in texts]
    distinct = sorted(set(said))
    if args.sample and args.sample < len(distinct):
        step = len(distinct) / args.sample
        distinct = [distinct[int(i * step)] for i in range(args.sample)]
        said = [t for t in said if t in set(distinct)]
    print(f"{len(said)} phrases over the built-in routines, {len(distinct)} distinct, "
          f"{sum(len(words(t)) for t in said)} words")
    known = dictionary_words() if args.vocabulary else set()
    print(f"{'voice':28s} {'words':>7s} {'sides':>7s} {'s/word':>7s}" +
          (f" {'words, routine vocabulary':>26s}" if args.vocabulary else ""))
    for name, (kind, voice, rate) in candidates().items():
        if args.only and not any(o in name for o in args.only):
            continue
        work = Path(tempfile.mkdtemp(prefix="unknot-voices-"))
        raw_dir, wav_dir = work / "raw", work / "wav"
        raw_dir.mkdir()
        wav_dir.mkdir()

        def one(i):
            raw, wav = raw_dir / f"p{i:04d}.wav", wav_dir / f"p{i:04d}.wav"
            synthesise(kind, voice, rate, distinct[i], raw)
            to16k(raw, wav)
            with wave.open(str(raw)) as w:
                return w.getnframes() / w.getframerate()

        if kind == "app":
            subprocess.run([args.meter, "--raw", str(raw_dir), "--rate", str(rate), "--say", voice, *distinct], check=True,
                           capture_output=True)
            seconds = []
            for i in range(len(distinct)):
                raw, wav = raw_dir / f"p{i:04d}.raw", wav_dir / f"p{i:04d}.wav"
                subprocess.run(["sox", "-t", "raw", "-r", "16000", "-e", "signed", "-b", "16", "-c", "1", str(raw),
                                str(wav), "pad", "0.3", "0.3"], check=True, capture_output=True)
                seconds.append(raw.stat().st_size / 2 / 16000)
        else:
            with ThreadPoolExecutor(2) as pool:
                seconds = list(pool.map(one, range(len(distinct))))
        heard = recognise(sorted(wav_dir.glob("*.wav")), work)
        index = {text: i for i, text in enumerate(distinct)}

        def judged(text, hyp_text, seconds_said):
            ref, hyp = words(text), words(hyp_text)
            sides = [w for w in ref if w in ("left", "right")]
            return (score(ref, hyp), len(ref), sum(1 for s in sides if s in hyp), len(sides), hyp, seconds_said)

        per_text = {text: judged(text, heard.get(f"p{i:04d}", ""), seconds[i]) for i, text in enumerate(distinct)}
        # With each routine's vocabulary: its phrases recognised against a grammar of its words.
        primed = {}
        if args.vocabulary:
            for routine, texts in by_routine.items():
                kept = sorted({t for t in texts if t in index})
                if not kept:
                    continue
                grammar = vocabulary_grammar(kept, work / f"{routine}.gram", known)
                heard_primed = recognise([wav_dir / f"p{index[t]:04d}.wav" for t in kept], work, grammar, routine)
                primed[routine] = {t: judged(t, heard_primed.get(f"p{index[t]:04d}", ""), seconds[index[t]])
                                   for t in kept}

        def totals(pairs):
            got = total = side_got = side_total = 0
            secs = 0.0
            for g, n, sg, sn, _, s in pairs:
                got, total, side_got, side_total, secs = got + g, total + n, side_got + sg, side_total + sn, secs + s
            return got, total, side_got, side_total, secs

        got, total, side_got, side_total, secs = totals(per_text[t] for t in said)
        line = (f"{name:28s} {100 * got / total:6.1f}% {100 * side_got / max(1, side_total):6.1f}% "
                f"{secs / total:7.3f}")
        if args.vocabulary:
            pg, pn, psg, psn, _ = totals(primed[r][t] for r, texts in by_routine.items() for t in texts
                                         if r in primed and t in primed[r])
            line += f" {100 * pg / max(1, pn):17.1f}%, sides {100 * psg / max(1, psn):5.1f}%"
        print(line, flush=True)
        if args.per_routine:
            for routine, texts in by_routine.items():
                kept = [per_text[t] for t in texts if t in per_text]
                if not kept:
                    continue
                g, n, sg, sn, _ = totals(kept)
                line = f"    {routine:34s} {100 * g / n:6.1f}% of {n:5d} words, sides {sg}/{sn}, {len(kept)} phrases"
                if routine in primed:
                    pg, pn, psg, psn, _ = totals(primed[routine][t] for t in texts if t in primed[routine])
                    line += f"; with its vocabulary {100 * pg / pn:6.1f}%, sides {psg}/{psn}"
                print(line, flush=True)
        if args.show:
            worst = sorted(per_text.items(), key=lambda kv: kv[1][0] / max(1, kv[1][1]))[:args.show]
            for text, (g, n, _, _, hyp, _) in worst:
                print(f"    {g}/{n}  {text!r} -> {' '.join(hyp)!r}")


if __name__ == "__main__":
    main()
