"""Layer 3: the player in every shipped language. Started with LANGUAGE=xx on a built-in
routine, the player shows that language (the app in test mode reports its texts as drawn:
"test texts side=… kind=… label=…") and lays out without overlap or clipping from 640x400 at
text size 2 to 3840x2160 (the layout checks of test_layout.py, per language). The `language`
setting wins over the environment in the window too. Screenshots of the player in German and
French are kept (docs/screenshots/player-de.png and player-fr.png come from them).

History too, with weeks of sessions and check-ins: where it put each text ("test history-layout
… when=x,y,w,h … cut=…"), in German (its dates are 25 characters, English's 22) at every size
the layout tests use, and in English and French at 640x400: no text overlaps another, leaves the
window across, or is given less room than its words take."""
import os
import re
import sqlite3
import subprocess
import tempfile
import time
from pathlib import Path
import unittest

from harness import App, BIN, SHOTS_DIR, Xvfb
import test_layout
from test_layout import LAYOUT, OVERLAYS, parse_boxes, settings

TEXTS = r"test texts (?P<texts>.*)"
# What the glute roll of post-run-complete shows, on its left side, in each language.
EXPECTED = {
    "en": {"side": "LEFT", "kind": "ROLL", "label": "Roll slowly around the glute"},
    "de": {"side": "LINKS", "kind": "ROLLEN", "label": "Langsam um das Gesäß rollen"},
    "fr": {"side": "GAUCHE", "kind": "ROULEZ", "label": "Roulez lentement autour du fessier"},
    "es": {"side": "IZQUIERDA", "kind": "RUEDE", "label": "Ruede despacio alrededor del glúteo"},
    "it": {"side": "SINISTRA", "kind": "RULLA", "label": "Rulla lentamente attorno al gluteo"},
    "nl": {"side": "LINKS", "kind": "ROLLEN", "label": "Rol langzaam rond de bilspier"},
    "pt_BR": {"side": "ESQUERDA", "kind": "ROLE", "label": "Role devagar em volta do glúteo"},
}
SIZES = [(640, 400, 2.0), (1366, 768, 1.0)]
# German and French have the longest words: also the largest window.
LONGEST = {"de", "fr"}


def parse_texts(line):
    return dict(re.findall(r'(\w[\w-]*)="([^"]*)"', line))


HISTORY = r"test history-layout w=(?P<w>\d+) h=(?P<h>\d+)(?P<boxes>.*?)(?: cut=(?P<cut>\S+))?$"
HISTORY_SIZES = [(640, 400, 1.0), (1366, 768, 1.0), (1920, 1080, 1.0), (2560, 1440, 1.0),
                 (3840, 2160, 1.0)]
WEEK = 7 * 86400


def seed_history(home):
    """Eight weeks of sessions (the newest first in the table) and check-ins before and after
    them, left and right heel and a knee, in the history of the app run with this home."""
    env = {**os.environ, "XDG_CONFIG_HOME": str(Path(home) / "config"), "XDG_DATA_HOME": str(Path(home) / "data"),
           "LANGUAGE": "", "LANG": "C.UTF-8", "LC_ALL": ""}
    # The database as the app makes it (its schema), by a check-in recorded now.
    subprocess.run([BIN, "check-in", "knee", "none", "2"], env=env, check=True, capture_output=True, timeout=30)
    now = int(time.time())
    with sqlite3.connect(Path(home) / "data" / "unknot" / "unknot.db") as db:
        for week in range(8):
            for day, (name, minutes, done) in enumerate([("Regeneration nach dem Lauf, komplett", 22, True),
                                                        ("Frozen golf ball: plantar fascia", 65, False)]):
                at = now - week * WEEK - (day + 1) * 86400
                sid = db.execute("INSERT INTO sessions(started_at, routine_id, routine_name, planned_ms, done_ms, "
                                 "completed) VALUES(?, 'post-run-complete', ?, ?, ?, ?)",
                                 (at, name, minutes * 60000, (minutes if done else minutes // 2) * 60000,
                                  1 if done else 0)).lastrowid
                for side, before, after in [("left", 6 - week % 3, 4), ("right", 3, 2 + week % 2)]:
                    db.execute("INSERT INTO check_ins(at, area, side, score, moment, session_id) "
                               "VALUES(?, 'heel', ?, ?, 'before', ?)", (at, side, before, sid))
                    db.execute("INSERT INTO check_ins(at, area, side, score, moment, session_id) "
                               "VALUES(?, 'heel', ?, ?, 'after', ?)", (at + 1800, side, after, sid))


class HistoryLayoutChecks:
    """History's layout checks, run by LanguageWindowTest (one window suite per file in CTest)."""

    def history_layout(self, width, height, scale, language):
        """The lines History reports once its table has settled: at the top, and scrolled down
        with the mouse wheel until the sessions' rows show (in a small window the charts fill it)."""
        home = tempfile.mkdtemp(prefix="unknot-e2e-")
        seed_history(home)
        x = Xvfb(width, height)
        self.addCleanup(x.stop)
        app = App(x.display, [], home=home, settings=settings(width, height, scale),
                  env_extra={"LANGUAGE": language, "LANG": "C.UTF-8", "LC_ALL": ""})
        self.addCleanup(app.stop)
        app.wait_for(r"test library scale=", timeout=60)
        n = app.line_count()
        app.keys("h")
        app.wait_for(r"screen history sessions=16 ", timeout=60, after=n)
        _, i = app.wait_for(HISTORY, timeout=30, after=n,
                            accept=lambda g: (int(g.group("w")), int(g.group("h"))) == (width, height))
        # The table's columns take their widths over the first frames: the layout of a frame
        # drawn half a second later (a line only when something moved).
        app.wait_app_time(app.app_time() + 500, timeout=30)
        lines = [re.search(HISTORY, line) for line in app.lines[i:]]
        top = [g for g in lines if g][-1]
        app.screenshot(SHOTS_DIR / f"history-{language}-{width}x{height}-{scale}.png")
        rows = top
        def rows_shown(g):
            when = parse_boxes(" " + g.group("boxes").strip()).get("row0-state")
            return when is not None and when[1] >= 0 and when[1] + when[3] <= height

        for _ in range(60):
            if rows_shown(rows):
                break
            n = app.line_count()
            subprocess.run(["xdotool", "mousemove", "--window", app.window_id(), str(width // 2), str(height // 2),
                            "click", "5"], env=app.env, check=True)
            rows, _ = app.wait_for(HISTORY, timeout=30, after=n)
        self.assertTrue(rows_shown(rows), f"the sessions never showed: {rows.group(0)}")
        app.wait_app_time(app.app_time() + 500, timeout=30)
        rows = [g for g in (re.search(HISTORY, line) for line in app.lines[n:]) if g][-1]
        app.screenshot(SHOTS_DIR / f"history-{language}-{width}x{height}-{scale}-sessions.png")
        return top, rows

    def check_line(self, m, width, names):
        line = m.group(0)
        self.assertIsNone(m.group("cut"), line)
        boxes = parse_boxes(" " + m.group("boxes").strip())
        for name in names:
            self.assertIn(name, boxes, line)
        for name, (bx, _, bw, _bh) in ((k, v[:4]) for k, v in boxes.items()):
            self.assertTrue(bx >= 0 and bx + bw <= width + 0.5,
                            f"{name} leaves the {width} px wide window across: {boxes[name]}\n{line}")
        names = sorted(boxes)
        for j, a in enumerate(names):
            for b in names[j + 1:]:
                self.assertFalse(test_layout.overlaps(boxes[a], boxes[b]),
                                 f"{a} {boxes[a]} overlaps {b} {boxes[b]}\n{line}")

    def check_history(self, language, sizes):
        for width, height, scale in sizes:
            with self.subTest(language=language, size=f"{width}x{height}", scale=scale):
                top, rows = self.history_layout(width, height, scale, language)
                self.check_line(top, width, ("title", "check-in", "back", "streak", "hint", "week7", "trends-heading",
                                             "trend0-title", "trend1-title"))
                self.check_line(rows, width, ("row0-when", "row0-routine", "row0-done", "row0-state"))

    def test_german_history_at_every_size(self):
        self.check_history("de", HISTORY_SIZES)

    def test_english_and_french_history_in_the_smallest_window(self):
        for language in ("en", "fr"):
            self.check_history(language, HISTORY_SIZES[:1])


class LanguageWindowTest(HistoryLayoutChecks, unittest.TestCase):
    check_boxes = test_layout.PlayerLayoutTest.check_boxes

    def start_glute_roll(self, width, height, scale, language, extra_settings=""):
        x = Xvfb(width, height)
        self.addCleanup(x.stop)
        app = App(x.display, ["run", "post-run-complete"], settings=extra_settings + "check_in_before = false\n" + settings(width, height, scale),
                  env_extra={"LANGUAGE": language, "LANG": "C.UTF-8", "LC_ALL": ""})
        self.addCleanup(app.stop)
        app.wait_for(r"phase index=0 kind=prepare", timeout=60)
        n = app.line_count()
        app.keys("Right")
        app.wait_for(r"phase index=1 kind=roll", timeout=60, after=n)
        m, _ = app.wait_for(LAYOUT, timeout=60, after=n,
                            accept=lambda g: int(g.group("w")) == width and int(g.group("h")) == height
                            and " side=" in g.group("boxes"))
        texts, _ = app.wait_for(TEXTS, timeout=30, after=n, accept=lambda g: "side=" in g.group("texts"))
        return app, m, parse_texts(texts.group("texts"))

    def check_language(self, language):
        for width, height, scale in SIZES + ([(3840, 2160, 1.0)] if language in LONGEST else []):
            with self.subTest(size=f"{width}x{height}", scale=scale):
                app, m, texts = self.start_glute_roll(width, height, scale, language)
                for key, want in EXPECTED[language].items():
                    self.assertEqual(texts.get(key), want, texts)
                if language != "en":
                    self.assertNotIn("Next:", texts.get("next", ""), texts)
                boxes = {k: v for k, v in parse_boxes(m.group("boxes")).items() if k not in OVERLAYS}
                for name in ("side", "kind", "countdown", "label", "next", "info", "name", "buttons"):
                    self.assertIn(name, boxes, m.group(0))
                self.check_boxes(boxes, width, height, m.group(0))
                shot = SHOTS_DIR / f"player-{language}-{width}x{height}-{scale}.png"
                app.screenshot(shot)
                app.stop()

    def test_english(self):
        self.check_language("en")

    def test_german(self):
        self.check_language("de")

    def test_french(self):
        self.check_language("fr")

    def test_spanish(self):
        self.check_language("es")

    def test_italian(self):
        self.check_language("it")

    def test_dutch(self):
        self.check_language("nl")

    def test_brazilian_portuguese(self):
        self.check_language("pt_BR")

    def test_the_check_in_asks_in_german(self):
        x = Xvfb(1366, 768)
        self.addCleanup(x.stop)
        app = App(x.display, ["run", "post-run-complete"], settings=settings(1366, 768, 1.0),
                  env_extra={"LANGUAGE": "de", "LANG": "C.UTF-8", "LC_ALL": ""})
        self.addCleanup(app.stop)
        app.wait_for(r'check-in index=0 score=-1 question="Wie fühlt sich Ihr linkes Knie an\?"', timeout=60)

    def test_choosing_german_in_the_settings_panel_shows_the_library_in_german(self):
        # English from the environment; the panel's Language combo, chosen by keyboard: the
        # library's words and a built-in routine's name change at once, and the choice is kept.
        x = Xvfb(1366, 768)
        self.addCleanup(x.stop)
        app = App(x.display, [], settings='last_routine = "pre-run-activation"\n' + settings(1366, 768, 1.0),
                  env_extra={"LANGUAGE": "", "LANG": "C.UTF-8", "LC_ALL": ""})
        self.addCleanup(app.stop)
        english = r'test library scale=.* start="(?P<start>[^"]*)" selected="(?P<name>[^"]*)"'
        m, _ = app.wait_for(english, timeout=60, accept=lambda g: g.group("name") == "Pre-run activation")
        self.assertEqual(m.group("start"), "Start  (Enter)")
        n = app.line_count()
        app.keys("s")
        app.wait_for(r"settings open", after=n)
        # Down through the panel's controls to the Language combo (the last before Done).
        for _ in range(80):
            app.keys("Down")
            if any("test focus=language" in line for line in app.lines[n:]):
                break
        app.wait_for(r"test focus=language$", after=n, timeout=5)
        # Open it (the keyboard starts on the language in use: "As the system says"), down past
        # English to Deutsch, Space. On a loaded machine a held key may repeat: the log says
        # which language it became, and the next try moves from there.
        order = ["", "en", "de", "fr", "es", "it", "nl", "pt_BR"]
        current = ""
        for _ in range(6):
            steps = order.index("de") - order.index(current)
            if steps == 0:
                break
            n = app.line_count()
            app.keys("space", *(["Down"] * steps if steps > 0 else ["Up"] * -steps), "space")
            app.wait_for(r"volume \d+ mute (on|off)$", after=n, timeout=30) # logged once the settings are saved
            changed = [m.group(1) for m in (re.search(r"language (\w+)$", line) for line in app.lines[n:]) if m]
            current = changed[-1] if changed else current
        self.assertEqual(current, "de")
        saved = (Path(app.home) / "config" / "unknot" / "settings.toml").read_text()
        self.assertRegex(saved, r"""(?m)^language = ["']de["']$""")
        app.keys("Escape")
        app.wait_for(r"settings closed", after=n)
        m, _ = app.wait_for(english, after=n, timeout=30, accept=lambda g: g.group("name") == "Aktivierung vor dem Lauf")
        self.assertEqual(m.group("start"), "Starten  (Eingabe)")
        app.screenshot(SHOTS_DIR / "library-chosen-de-1366x768.png")

    def test_the_setting_wins_over_the_environment(self):
        app, _, texts = self.start_glute_roll(1366, 768, 1.0, "fr", extra_settings='language = "de"\n')
        self.assertEqual(texts.get("side"), "LINKS", texts)
        self.assertEqual(texts.get("label"), EXPECTED["de"]["label"], texts)


if __name__ == "__main__":
    unittest.main()
