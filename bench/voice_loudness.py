#!/usr/bin/env python3
"""The voice's loudness in every language, as the app makes its phrases: the default Flite voice in
English, espeak-ng (brought to the same target) in the others. Prints each phrase's maximum
momentary loudness and true peak, then per language the median and its distance from English.

    bench/voice_loudness.py [build/debug/bin/unknot-loudness]
"""
import statistics
import subprocess
import sys

TOOL = sys.argv[1] if len(sys.argv) > 1 else "build/debug/bin/unknot-loudness"
PHRASES = {
    "en": ["Left. Roll slowly around the glute. 45 seconds.", "Halfway.", "Right. Hold on the tender spot. 40 seconds.",
           "Round 2 of 5.", "Done. 16 minutes 3 seconds."],
    "de": ["Links. Langsam um das Gesäß rollen. 45 Sekunden.", "Halbzeit.",
           "Rechts. Auf dem empfindlichen Punkt halten. 40 Sekunden.", "Runde 2 von 5.", "Fertig. 16 Minuten 3 Sekunden."],
    "fr": ["Gauche. Roulez lentement autour du fessier. 45 secondes.", "Mi-parcours.",
           "Droite. Maintien sur le point sensible. 40 secondes.", "Série 2 sur 5.", "Terminé. 16 minutes 3 secondes."],
    "es": ["Izquierda. Ruede despacio alrededor del glúteo. 45 segundos.", "Mitad.",
           "Derecha. Mantenga sobre el punto sensible. 40 segundos.", "Serie 2 de 5.", "Terminado. 16 minutos 3 segundos."],
    "it": ["Sinistra. Rulla lentamente attorno al gluteo. 45 secondi.", "A metà.",
           "Destra. Tieni sul punto sensibile. 40 secondi.", "Serie 2 di 5.", "Fatto. 16 minuti 3 secondi."],
    "nl": ["Links. Rol langzaam rond de bilspier. 45 seconden.", "Halverwege.",
           "Rechts. Vasthouden op de gevoelige plek. 40 seconden.", "Ronde 2 van 5.", "Klaar. 16 minuten 3 seconden."],
    "pt_BR": ["Esquerda. Role devagar em volta do glúteo. 45 segundos.", "Metade.",
              "Direita. Segure no ponto sensível. 40 segundos.", "Série 2 de 5.", "Pronto. 16 minutos 3 segundos."],
}

medians = {}
for lang, phrases in PHRASES.items():
    out = subprocess.run([TOOL, "--say", lang, *phrases], capture_output=True, text=True)
    if out.returncode != 0:
        print(f"{lang}: no voice ({out.stderr.strip()})")
        continue
    values = []
    for line in out.stdout.splitlines():
        _, lufs, peak, text = line.split("\t", 3)
        values.append(float(lufs))
        print(f"{lang:6} {float(lufs):7.2f} LUFS {float(peak):6.2f} dBTP  {text}")
    medians[lang] = statistics.median(values)
print()
for lang, m in medians.items():
    print(f"{lang:6} median {m:7.2f} LUFS  {m - medians.get('en', m):+5.2f} LU from English")
