#!/usr/bin/env python3
"""Every user-facing string literal is marked for translation (CTest "i18n: …"; CI fails).

    check_marked.py SOURCE_DIR

A literal counts as user-facing when it reads as words ("two words", "Done.") and sits in a
file that talks to the user (CHECKED below). It passes when it is the argument of _(), N_(),
n_() or C_(), or of a log() or logf() call (the --verbose log the tests read), when its line is
a comment, an #include or an assert, or when it is listed in
EXCEPTIONS with the reason: words that are data (JSON keys, file format words, column names
scripts read) are not translated.
"""
import re
import sys
from pathlib import Path

SRC = Path(sys.argv[1])

# The files that speak to the user and are checked: the views and their keys, the command line,
# the diagnostics of routine and program files (their `path:line:column: error: ` stays as it is:
# core/diagnostic.cpp), the refusals of custom sounds.
CHECKED = ["src/screens/library/library_view.cpp", "src/screens/library/library_keys.cpp",
           "src/screens/editor/editor_view.cpp", "src/screens/editor/editor_screen.cpp",
           "src/screens/quick_set/quick_set_view.cpp", "src/screens/history/history_view.cpp",
           "src/screens/history/history_screen.cpp", "src/screens/settings/settings_view.cpp",
           "src/screens/player/player_keys.cpp", "src/screens/check_in/check_in_keys.cpp", "src/routine/routine_outline.cpp",
           "src/cli/cli.cpp", "src/cli/cli_history.cpp", "src/play/phrase_plan.cpp", "src/routine/timeline.cpp",
           "src/store/routine_translation.cpp", "src/audio/voice.cpp", "src/core/i18n.cpp",
           "src/screens/player/player_view.cpp", "src/screens/player/player_layout.cpp",
           "src/screens/player/player_layout.hpp", "src/routine/routine.cpp",
           "src/screens/check_in/check_in_view.cpp", "src/screens/check_in/check_in_model.cpp",
           "src/screens/check_in/check_in_screen.cpp", "src/ui/help_overlay.cpp", "src/cli/cli_program.cpp",
           "src/cli/cli_remind.cpp", "src/screens/library/today_model.cpp", "src/screens/library/today_view.cpp",
           "src/program/today.cpp", "src/program/rule_reason.cpp", "src/program/rules.cpp",
           "src/screens/notices/notices_view.cpp", "src/screens/notices/notices_keys.cpp", "src/play/sound_switch.cpp",
           "src/screens/check_in/check_in_flow.cpp", "src/screens/player/player_controller.cpp",
           "src/screens/library/library_model.cpp", "src/program/import.cpp", "src/store/history_sink.cpp",
           "src/desktop/gui_app.cpp", "src/app/app_controller.cpp", "src/core/dates.cpp",
           "src/core/atomic_file.cpp", "src/store/settings.cpp", "src/audio/audio_device.cpp",
           "src/store/history_db.cpp", "src/routine/rules.cpp", "src/core/text.cpp",
           "src/routine/routine_parser.cpp", "src/routine/toml_reader.cpp", "src/routine/sources.cpp",
           "src/program/program_parser.cpp", "src/audio/sound_file.cpp", "src/store/library.cpp",
           "src/routine/editor.cpp", "src/program/program_store.cpp"]

# (file, literal): why it stays as it is.
EXCEPTIONS = {
    # A locale's name, for setlocale: gettext reads LANGUAGE only outside "C" and C.UTF-8 (glibc 2.41).
    ("src/core/i18n.cpp", "en_US.UTF-8"): "locale name",
    # The plan table's column names and words: the file format's own words (kinds, sides).
    ("src/cli/cli.cpp", "%5s  %8s  %7s  %-8s %-6s %-6s %s\\n"): "printf format",
    ("src/cli/cli.cpp", "Unknot: guided recovery routines"): "marked (a literal split over lines)",
    # The CSV's header and values: read by spreadsheets and scripts.
    ("src/cli/cli_history.cpp", "kind,time,session_id,routine_id,routine_name,planned_s,done_s,completed,area,side,score,moment,"): "CSV header",
    # An example of a routine file's value, in a diagnostic: what the file holds (a tag's name).
    ("src/routine/routine_parser.cpp", "[\\\"lacrosse ball\\\"]"): "a value of the file, quoted",
    # A short citation's "et al." (Latin, the same in every language).
    ("src/routine/sources.cpp", " et al."): "citation form",
    # The names of sound formats, said as they are everywhere.
    ("src/audio/sound_file.cpp", "Ogg Vorbis"): "a format's name",
    ("src/audio/sound_file.cpp", "Ogg Opus"): "a format's name",
    # The program store's SQL.
    ("src/program/program_store.cpp", "SELECT "): "SQL",
    ("src/program/program_store.cpp", "ORDER BY "): "SQL",
    ("src/program/program_store.cpp", "UPDATE "): "SQL",
    ("src/program/program_store.cpp", "INSERT "): "SQL",
    ("src/program/program_store.cpp", "WHERE "): "SQL",
    ("src/program/program_store.cpp", "early, decided_at"): "SQL",
    # The history's database: SQL, and the size a quoted text had.
    ("src/store/history_db.cpp", "SELECT "): "SQL",
    ("src/store/history_db.cpp", "INSERT INTO "): "SQL",
    ("src/store/history_db.cpp", "CREATE INDEX "): "SQL",
    ("src/store/history_db.cpp", "PRAGMA "): "SQL",
    ("src/store/history_db.cpp", "FROM sessions "): "SQL",
    ("src/store/history_db.cpp", "done_ms, completed, "): "SQL",
    ("src/store/history_db.cpp", "VALUES("): "SQL",
    ("src/store/history_db.cpp", "ON CONFLICT("): "SQL",
    ("src/store/history_db.cpp", "sessions = sessions "): "SQL",
    ("src/store/history_db.cpp", "done_ms = ? LIMIT 1"): "SQL",
    ("src/store/history_db.cpp", "one migration per schema version"): "static_assert message",
    ("src/store/history_db.cpp", "ALTER TABLE "): "SQL",
    ("src/store/history_db.cpp", "CREATE TABLE "): "SQL",
    ("src/store/history_db.cpp", "unknot.db"): "a file name",
    ("src/store/history_db.cpp", "' && i + 1 < line.size()"): "not a literal: the check reads '\"' as one",
    # History's layout, reported to the end-to-end tests in test mode.
    ("src/screens/history/history_view.cpp", "test history-layout "): "test mode line",
    # An assert's message (a programmer's, on the line after `assert(`).
    ("src/routine/timeline.cpp", "expand() needs a routine within the expansion limits"): "assert message",
    # The English question built to find its translated whole sentence.
    ("src/screens/check_in/check_in_model.cpp", "How does your "): "lookup key, translated whole",
    # The player's texts, reported to the end-to-end tests in test mode.
    ("src/screens/player/player_view.cpp", "\\ntest texts "): "test mode line",
    # systemctl's and D-Bus's words.
    ("src/cli/cli_remind.cpp", "enable --now unknot-remind.timer"): "systemctl arguments",
    ("src/cli/cli_remind.cpp", "disable --now unknot-remind.timer"): "systemctl arguments",
    ("src/cli/cli_remind.cpp", "org.freedesktop.Notifications"): "a D-Bus name",
    # The library's layout, reported to the end-to-end tests in test mode.
    ("src/screens/library/library_view.cpp", "test library "): "test mode line",
    # The English of an area with its side, to find its translated whole phrase.
    ("src/routine/routine.cpp", "left "): "lookup key, translated whole",
    ("src/routine/routine.cpp", "right "): "lookup key, translated whole",
    # The notices as printed to stderr: the prefixes the end-to-end tests and scripts read.
    ("src/desktop/gui_app.cpp", "unknot: notice: "): "stderr prefix",
    ("src/desktop/gui_app.cpp", "unknot: what to do: "): "stderr prefix",
    ("src/desktop/gui_app.cpp", "unknot: test focus="): "test mode line",
    ("src/desktop/gui_app.cpp", "imgui.ini"): "a file name",
    ("src/desktop/gui_app.cpp", "icon.bmp"): "a file name",
    ("src/desktop/gui_app.cpp", "../icons/"): "a file path",
    # The reason a play waits, for the --verbose log.
    ("src/app/app_controller.cpp", "start after the voice"): "log line",
    # A notice's topic (a key, never shown) and the --verbose log's lines.
    ("src/store/history_sink.cpp", "history import"): "topic key and log lines",
    ("src/store/history_sink.cpp", "history save delayed: "): "log line",
    # settings.toml's name and the comment at its top: the file is the same in every language.
    ("src/store/settings.cpp", "settings.toml"): "a file name",
    ("src/store/settings.cpp", "# "): "the settings file's own comment",
    # espeak-ng's command line.
    ("src/audio/voice.cpp", "espeak-ng"): "a program's name",
}

LITERAL = re.compile(r'"((?:[^"\\]|\\.)*)"')
WORDS = re.compile(r"[A-Za-z]{2,}[ .,;:!?]+[A-Za-z]|^[A-Z][a-z]+\.$")
MARKED = re.compile(r"\b(?:_|N_|n_|C_)\(\s*$")

def without_comment(line):
    """The line up to a // that is not inside a string literal."""
    in_string = False
    i = 0
    while i < len(line):
        c = line[i]
        if in_string and c == "\\":
            i += 2
            continue
        if c == '"':
            in_string = not in_string
        elif not in_string and line.startswith("//", i):
            return line[:i]
        i += 1
    return line


failures = []
for name in CHECKED:
    text = (SRC / name).read_text()
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if stripped.startswith(("//", "#include", "*")) or "assert(" in line:
            continue
        code = without_comment(line)
        for m in LITERAL.finditer(code):
            literal = m.group(1)
            if not WORDS.search(literal):
                continue
            before = code[: m.start()]
            # The argument of a marking call, possibly after a context or the first of two.
            if re.search(r"\b(?:_|N_|n_|C_)\(\s*(?:\"(?:[^\"\\]|\\.)*\"\s*,\s*)?$", before):
                continue
            # The --verbose event log the end-to-end tests read: a program's words, not the user's.
            if re.search(r"\blogf?\(", before):
                continue
            # A continuation of a literal split over lines inside a marking call (over any
            # number of lines: the call is on the first).
            lines = text.splitlines()
            k = number - 2
            while k > 0 and lines[k].strip().startswith('"') and lines[k].rstrip().endswith('"'):
                k -= 1
            prev = lines[k].rstrip() if number > 1 else ""
            if stripped.startswith('"') and (prev.endswith('"') and re.search(r"\b(?:_|n_)\(", prev) or prev.endswith('",')):
                if re.search(r"\b(?:_|n_|N_|C_)\(", prev):
                    continue
            if any(f == name and literal.startswith(l) for f, l in EXCEPTIONS):
                continue
            failures.append(f"{name}:{number}: not marked for translation: \"{literal}\"")

for f in failures:
    print(f)
print(f"{len(CHECKED)} files checked, {len(failures)} unmarked user-facing literals")
sys.exit(1 if failures else 0)
