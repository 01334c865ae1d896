#!/usr/bin/env python3
"""The translations are complete and current (CTest "i18n: …"; CI fails otherwise).

    check_catalogues.py SOURCE_DIR WORK_DIR

1. po/unknot.pot holds exactly the messages the sources, the built-in routines and the built-in
   programs have now
   (it is made again, as the unknot_pot target does, and compared message by message).
2. Every po/LANG.po of po/LINGUAS, merged with that template, has no untranslated and no
   fuzzy message (`msgfmt --statistics`), and passes `msgfmt --check`.
3. Every translation keeps the English's placeholders: {0}, {1} and a `say` line's {label}.
"""
import os
import re
import stat
import subprocess
import sys
from pathlib import Path

SRC = Path(sys.argv[1])
WORK = Path(sys.argv[2])
WORK.mkdir(parents=True, exist_ok=True)


def messages(po_text):
    """(context, msgid) -> list of msgstr, from a .po or .pot text."""
    out = {}
    for block in po_text.split("\n\n"):
        fields, key = {}, None
        for line in block.splitlines():
            m = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d\])?) (".*")$', line)
            if m:
                key = m.group(1)
                fields[key] = eval(m.group(2))  # a C string literal, as Python reads it
            elif line.startswith('"') and key:
                fields[key] += eval(line)
        if fields.get("msgid"):
            out[(fields.get("msgctxt"), fields["msgid"])] = [v for k, v in sorted(fields.items()) if k.startswith("msgstr")]
    return out


def run(*args, **kw):
    return subprocess.run(args, capture_output=True, text=True, check=True, **kw)


failures = []
sources = sorted(str(p.relative_to(SRC)) for p in (SRC / "src").rglob("*") if p.suffix in (".cpp", ".hpp"))
run("xgettext", "--language=C++", "--from-code=UTF-8", "--add-comments=TRANSLATORS:", "--keyword=_", "--keyword=N_",
    "--keyword=n_:1,2", "--keyword=C_:1c,2", "--sort-by-file", "-o", str(WORK / "source.pot"), *sources, cwd=SRC)
run(sys.executable, str(SRC / "po" / "routine_strings.py"), str(WORK / "routines.pot"),
    *sorted(str(p) for p in [*(SRC / "routines").glob("*.toml"), *(SRC / "programs").glob("*.toml")]))
run("msgcat", "--use-first", "-o", str(WORK / "now.pot"), str(WORK / "source.pot"), str(WORK / "routines.pot"))
now = messages((WORK / "now.pot").read_text())
committed = messages((SRC / "po" / "unknot.pot").read_text())
if set(now) != set(committed):
    added = sorted(m for _, m in set(now) - set(committed))[:10]
    gone = sorted(m for _, m in set(committed) - set(now))[:10]
    failures.append(f"po/unknot.pot is not current (build the unknot_pot target, then unknot_po_update): "
                    f"new {added}, gone {gone}")

placeholder = re.compile(r"\{[a-z0-9_]+\}")
for lang in [l.strip() for l in (SRC / "po" / "LINGUAS").read_text().splitlines() if l.strip() and l[0] != "#"]:
    po = SRC / "po" / f"{lang}.po"
    merged = WORK / f"{lang}.po"
    run("msgmerge", "--quiet", "--no-fuzzy-matching", "-o", str(merged), str(po), str(WORK / "now.pot"))
    # Never "-o /dev/null": msgfmt 0.21 (Debian 12) writes a temporary file and renames it over
    # its output, which as root (CI) replaced the /dev/null device with the catalogue.
    stats = subprocess.run(["msgfmt", "--check", "--statistics", "-o", str(WORK / f"{lang}.mo"), str(merged)],
                           capture_output=True, text=True)
    if stats.returncode != 0 or "untranslated" in stats.stderr or "fuzzy" in stats.stderr:
        failures.append(f"po/{lang}.po is incomplete or wrong: {stats.stderr.strip()}")
    for (ctx, msgid), strs in messages(merged.read_text()).items():
        want = sorted(set(placeholder.findall(msgid)))
        for s in strs:
            if s and sorted(set(placeholder.findall(s))) != want:
                failures.append(f"po/{lang}.po: {msgid[:50]!r}: placeholders {want} became {sorted(set(placeholder.findall(s)))}")
    print(f"{lang}: {stats.stderr.strip()}")

if not stat.S_ISCHR(os.stat("/dev/null").st_mode):
    failures.append("/dev/null is no longer a device: a tool wrote over it")
for f in failures:
    print("FAIL:", f)
sys.exit(1 if failures else 0)
