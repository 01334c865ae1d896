"""Layer 3 (issue 24): every notice of the run is listed, not only the last. A routine file
with a mistake and a settings file with two values out of range, both under the XDG folders:
I in the library opens the notices, which lists each (newest first) with its path:line:column
and what to do; Esc goes back."""
import re
import unittest
from pathlib import Path

from harness import SHOTS_DIR, WindowTest

BROKEN = 'name = "Broken"\n[[step]]\nkind = "tence"\nduration = "30s"\n'
SETTINGS = "volume = 500\n[cues]\nphase = \"yes\"\n"
ROW = r"test notice (?P<place>.*?) \| (?P<text>.*?) \| (?P<hint>.*?) \| (?P<count>\d+)$"


class NoticesWindowTest(WindowTest):
    def test_a_broken_routine_and_bad_settings_are_all_listed_with_their_places(self):
        app = self.start(settings=SETTINGS)
        home = Path(app.home)
        routines = home / "data" / "unknot" / "routines"
        settings = home / "config" / "unknot" / "settings.toml"
        app.wait_for(r"library routines=\d+ invalid=0", timeout=60)
        # A routine file saved with a mistake while the app runs (as from an editor).
        routines.mkdir(parents=True, exist_ok=True)
        (routines / "broken.toml").write_text(BROKEN)
        app.wait_for(r"library routines=\d+ invalid=1", timeout=20)
        app.wait_for(r"notice: .*broken\.toml:3:8: the routine file is refused")

        n = app.line_count()
        app.keys("i")
        m, _ = app.wait_for(r"screen notices rows=(\d+)", after=n)
        rows_told = int(m.group(1))
        head, at = app.wait_for(r"test notices rows=(\d+) selected=0", after=n)
        self.assertEqual(int(head.group(1)), rows_told)
        lines = app.log.splitlines()[at + 1: at + 1 + rows_told]
        rows = [re.match(ROW, line.split("unknot: ", 1)[1]) for line in lines]
        self.assertTrue(all(rows), lines)
        places = [r.group("place") for r in rows]
        # Newest first: the routine refused came after the settings read at start.
        self.assertEqual(places[0], f"{routines / 'broken.toml'}:3:8", places)
        self.assertIn("the routine file is refused", rows[0].group("text"))
        self.assertIn(f"unknot check {routines / 'broken.toml'}", rows[0].group("hint"))
        # Both settings values, each at its place, naming its key (and table).
        self.assertIn(f"{settings}:1:10", places)
        self.assertIn(f"{settings}:3:9", places)
        by_place = {r.group("place"): r for r in rows}
        self.assertIn("`volume`", by_place[f"{settings}:1:10"].group("text"))
        self.assertIn("`phase` in [cues]", by_place[f"{settings}:3:9"].group("text"))
        for r in rows:
            self.assertTrue(r.group("hint"), f"no hint: {r.group(0)}")
        self.assertIn("Settings (S)", by_place[f"{settings}:1:10"].group("hint"))
        app.screenshot(SHOTS_DIR / "notices.png")

        n = app.line_count()
        app.keys("Escape")
        app.wait_for(r"screen library", after=n)

    def test_the_notices_speak_german_and_keep_their_places(self):
        app = self.start(settings=SETTINGS, env_extra={"LANGUAGE": "de", "LANG": "C.UTF-8", "LC_ALL": ""})
        settings = Path(app.home) / "config" / "unknot" / "settings.toml"
        app.wait_for(r"library routines=\d+ invalid=0", timeout=60)
        n = app.line_count()
        app.keys("i")
        m, _ = app.wait_for(r"screen notices rows=(\d+)", after=n)
        head, at = app.wait_for(r"test notices rows=(\d+) selected=0", after=n)
        lines = app.log.splitlines()[at + 1: at + 1 + int(m.group(1))]
        rows = {r.group("place"): r for r in (re.match(ROW, line.split("unknot: ", 1)[1]) for line in lines) if r}
        volume = rows[f"{settings}:1:10"]
        # The key stays as the file has it; the words around it and what to do are German.
        self.assertIn("`volume` muss eine ganze Zahl von 0 bis 100 sein", volume.group("text"))
        self.assertIn("Einstellungen (S)", volume.group("hint"))
        self.assertIn("`phase` in [cues] muss", rows[f"{settings}:3:9"].group("text"))
        app.screenshot(SHOTS_DIR / "notices-de.png")


if __name__ == "__main__":
    unittest.main()
