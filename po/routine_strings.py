#!/usr/bin/env python3
"""The translatable text of the built-in routines (routines/*.toml) and programs
(programs/*.toml) as a gettext template.

    po/routine_strings.py OUT.pot ROUTINE_OR_PROGRAM.toml...

Names, summaries, notes, step and block labels, cues, `say` lines, tags, equipment and what
each source supports go into the same
catalogue as the program's own strings (the `unknot_pot` target merges them), so a translator
works in one place; at load time the app translates a built-in routine's text through it
(src/store/routine_translation.cpp). Each message says where it is and what it is.
"""
import sys
import tomllib

# What each field is, for the translator (a `#.` comment in the .pot).
FIELDS = {
    "name": "Routine name: the library's list and the player's title.",
    "summary": "Routine summary: one sentence under the name in the library.",
    "notes": "Routine notes: shown before starting; keep the line breaks roughly where they are.",
    "label": "Step label: shown in very large type on the player, read from 2 m; keep it short.",
    "cue": "Step cue: the smaller line under the label on the player.",
    "say": "Spoken at the step's start; keep every {placeholder} exactly as it is.",
    "program name": "Program name: the command line's program list and Today.",
    "program summary": "Program summary: one sentence under its name.",
    "program notes": "Program notes: keep the line breaks roughly where they are, and commands "
                     "(unknot check-in ...) as they are.",
    "stage": "A program stage's name: said in its progress and its rules' reasons.",
    "tag": "A routine's tag: the library's tag filter and the line under a routine's name; one or two words, lower case.",
    "equipment": "A routine's equipment: the library's equipment filter; what a runner has at home, lower case.",
    "supports": "What a published source supports (the library's Sources line, after the citation): keep numbers "
                "and units as they are.",
}


def po_string(text):
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t")
    lines = escaped.split("\n")
    if len(lines) == 1:
        return f'"{escaped}"'
    parts = [line + "\\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])
    return '""\n' + "\n".join(f'"{p}"' for p in parts)


def line_of(raw_lines, text):
    first = text.split("\n", 1)[0].strip()
    for n, line in enumerate(raw_lines, 1):
        if first and first in line:
            return n
    return 1


def walk_steps(steps, out):
    for step in steps:
        for field in ("label", "cue", "say"):
            if isinstance(step.get(field), str) and step[field].strip():
                out.append((field, step[field]))
        walk_steps(step.get("step", []), out)


def main():
    target, files = sys.argv[1], sorted(sys.argv[2:])
    messages = {}  # msgid -> (set of comments, list of references)
    for path in files:
        raw = open(path, encoding="utf-8").read()
        data = tomllib.loads(raw)
        program = "stage" in data
        found = [("program " + f if program else f, data[f]) for f in ("name", "summary", "notes")
                 if isinstance(data.get(f), str) and data[f].strip()]
        walk_steps(data.get("step", []), found)
        for field, key in (("tag", "tags"), ("equipment", "equipment")):
            found += [(field, t) for t in data.get(key, []) if isinstance(t, str) and t.strip()]
        found += [("supports", s["supports"]) for s in data.get("sources", [])
                  if isinstance(s, dict) and isinstance(s.get("supports"), str) and s["supports"].strip()]
        found += [("stage", s["name"]) for s in data.get("stage", []) if isinstance(s.get("name"), str) and s["name"].strip()]
        folder = "programs/" if program else "routines/"
        short = path[path.index(folder):] if folder in path else path
        for field, text in found:
            comments, refs = messages.setdefault(text, (set(), []))
            comments.add(FIELDS[field])
            refs.append(f"{short}:{line_of(raw.splitlines(), text)}")
    with open(target, "w", encoding="utf-8") as out:
        out.write('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n')
        for msgid, (comments, refs) in messages.items():
            for c in sorted(comments):
                out.write(f"#. {c}\n")
            out.write(f"#: {' '.join(refs)}\n")
            if "{" in msgid:
                out.write("#, no-c-format\n")
            out.write(f"msgid {po_string(msgid)}\nmsgstr \"\"\n\n")


if __name__ == "__main__":
    main()
