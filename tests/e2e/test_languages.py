"""Layer 3: the player in every shipped language. Started with LANGUAGE=xx on a built-in
routine, the player shows that language (the app in test mode reports its texts as drawn:
"test texts side=… kind=… label=…") and lays out without overlap or clipping from 640x400 at
text size 2 to 3840x2160 (the layout checks of test_layout.py, per language). The `language`
setting wins over the environment in the window too. Screenshots of the player in German and
French are kept (docs/screenshots/player-de.png and player-fr.png come from them)."""
import re
from pathlib import Path
import unittest

from harness import App, SHOTS_DIR, Xvfb
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


class LanguageWindowTest(unittest.TestCase):
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
