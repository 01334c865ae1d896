"""Layer 3: the library opens on Today while a program runs (a fixture database made with the
CLI), Enter starts the routine due, after it Today shows it done, R ("I ran today") brings the
after-run routine, and `unknot today --json` agrees with the window."""
import json
import os
import subprocess
import tempfile
import unittest
from pathlib import Path

from harness import BIN, SHOTS_DIR, WindowTest

# Stands in for the built-in 13-minute heel raises (the user's routine of that id wins): short
# enough to play to its end, so it counts as done.
QUICK_HEEL_RAISES = """name = "Heel raises: 3 sets of 12"
[[step]]
kind = "tense"
duration = "2s"
label = "Up on the toes"
"""


class TodayWindowTest(WindowTest):
    def cli(self, home, *args):
        env = dict(os.environ, XDG_DATA_HOME=str(Path(home) / "data"), XDG_CONFIG_HOME=str(Path(home) / "config"))
        r = subprocess.run([BIN, *args], env=env, capture_output=True, text=True, timeout=30)
        self.assertEqual(r.returncode, 0, r.stderr)
        return r.stdout

    def test_library_opens_on_today_and_enter_starts_the_routine_due(self):
        home = tempfile.mkdtemp(prefix="unknot-e2e-")
        routines = Path(home) / "data" / "unknot" / "routines"
        routines.mkdir(parents=True)
        (routines / "heel-raises-12x3.toml").write_text(QUICK_HEEL_RAISES)
        # The fixture database: the plantar fasciitis program started today, a heel check-in.
        self.cli(home, "program", "start", "plantar-fasciitis-12-weeks")
        self.cli(home, "check-in", "heel", "left", "5")
        app = self.start(home=home)

        app.wait_for(r'today stage="stage 1 of 3 · week 1 of 12" due=heel-raises-12x3- ran=0')
        app.wait_for(r"screen library")
        app.wait_for_screen(lambda s: s.distinct_colours() > 3, png_path=SHOTS_DIR / "today.png")
        n = app.line_count()
        app.keys("Return")  # the routine due is selected: Enter starts it
        app.wait_for(r"start routine=heel-raises-12x3 ", after=n)
        app.wait_for(r"finished active_ms=", after=n, timeout=30)
        app.keys("Return")  # back to the library: it shows the routine done
        app.wait_for(r'today stage="stage 1 of 3 · week 1 of 12" due=heel-raises-12x3\+ ran=0', after=n)

        n = app.line_count()
        app.keys("r")  # I ran today: the frozen golf ball comes due, and is the next one
        app.wait_for(r"today ran", after=n)
        app.wait_for(r"due=heel-raises-12x3\+,frozen-golf-ball-foot- ran=1", after=n)
        app.wait_for_screen(lambda s: s.distinct_colours() > 3, png_path=SHOTS_DIR / "today-ran.png")

        today = json.loads(self.cli(home, "today", "--json"))
        self.assertEqual(today["program"], {"id": "plantar-fasciitis-12-weeks", "stage": 1, "week": 1})
        self.assertEqual(today["due"], [{"routine": "heel-raises-12x3", "done": True},
                                        {"routine": "frozen-golf-ball-foot", "done": False}])
        n = app.line_count()
        app.keys("Return")  # now Enter starts the golf ball: it asks first how the heels feel
        app.wait_for(r"screen check-in moment=before", after=n)

    def test_a_check_in_and_a_run_recorded_in_a_terminal_show_in_today_at_once(self):
        home = tempfile.mkdtemp(prefix="unknot-e2e-")
        self.cli(home, "program", "start", "plantar-fasciitis-12-weeks")
        app = self.start(home=home)
        app.wait_for(r'today stage="stage 1 of 3 · week 1 of 12" due=\S+ ran=0 trend=""')
        app.wait_for(r"screen library")
        # The window stays open; the database is written by another process.
        n = app.line_count()
        self.cli(home, "check-in", "heel", "left", "4")
        app.wait_for(r'today .* ran=0 trend="left heel: 4\.0', after=n)
        n = app.line_count()
        self.cli(home, "ran")
        app.wait_for(r"today .* ran=1 ", after=n)
        app.wait_for_screen(lambda s: s.distinct_colours() > 3, png_path=SHOTS_DIR / "today-from-terminal.png")

    def test_the_preview_lists_a_routines_sources(self):
        app = self.start()
        app.wait_for(r"screen library")
        n = app.line_count()
        app.keys("slash")
        app.type_unicode("abduction")
        app.wait_for(r'library search "abduction" visible=2', after=n)
        # The search moved the selection to the first routine it found; its preview ends with
        # its sources (Ferber et al. 2015).
        app.wait_for_screen(lambda s: s.distinct_colours() > 3, png_path=SHOTS_DIR / "preview-sources.png")


if __name__ == "__main__":
    unittest.main()
