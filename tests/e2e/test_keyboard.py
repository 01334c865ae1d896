"""Layer 3: the keyboard alone. Search is reached with `/` or Ctrl+F and typing there fires no
shortcut; numpad + adds its 15 s once; the quick set is made, saved and started by keys."""
import re
import shutil
import tempfile
import unittest
from pathlib import Path

from harness import FIXTURES, SHOTS_DIR, WindowTest

# What a stray shortcut would log: a screen opened, fullscreen, mute, help or settings.
SHORTCUT_FIRED = re.compile(r"screen (history|quick-set|editor)|fullscreen (on|off)|volume \d+ mute|help (on|off)|"
                            r"settings (open|applied)")


class KeyboardTest(WindowTest):
    def search(self, focus_key, text):
        app = self.start()
        app.wait_for(r"library routines=(\d+)")
        n = app.line_count()
        app.keys(focus_key)
        app.type_text(text)
        m, i = app.wait_for(rf'library search "{text}" visible=(\d+)', after=n)
        self.assertGreaterEqual(int(m.group(1)), 1, "a built-in routine matches")
        fired = [line for line in app.lines[n:] if SHORTCUT_FIRED.search(line)]
        self.assertEqual(fired, [], "typing into the search fired shortcuts")
        # Enter starts the routine found (its check-in first, for the built-in ones), from the search box.
        app.keys("Return")
        app.wait_for(r"screen check-in|phase index=0", after=i)
        return app

    def test_slash_focuses_search_and_typing_hamstring_opens_nothing(self):
        self.search("slash", "hamstring")

    def test_ctrl_f_focuses_search(self):
        self.search("ctrl+f", "frozen")

    def test_an_emoji_typed_into_search_finds_the_routine_named_with_it(self):
        """Dear ImGui's 16-bit field holds the emoji as U+FFFD; the search must keep what was typed."""
        folder = Path(tempfile.mkdtemp(prefix="unknot-emoji-"))
        self.addCleanup(shutil.rmtree, folder, True)
        (folder / "foot-roll.toml").write_text(
            'name = "Foot \U0001F9B6 roll"\n[[step]]\nkind = "roll"\nduration = "30s"\n', encoding="utf-8")
        app = self.start("--routines-dir", str(folder))
        app.wait_for(r"library routines=(\d+)")
        n = app.line_count()
        app.keys("slash")
        app.type_unicode("\U0001F9B6")
        m, i = app.wait_for(r'library search "(.+)" visible=(\d+)', after=n)
        self.assertEqual(m.group(1), "\U0001F9B6", "the search holds what was typed")
        self.assertEqual(int(m.group(2)), 1, "only the routine named with it is found")
        app.wait_for_screen(lambda s: s.distinct_colours() > 3, png_path=SHOTS_DIR / "library-search-emoji.png")
        app.keys("Return")
        app.wait_for(r"start routine=foot-roll ", after=i)

    def test_numpad_plus_adds_15_seconds_once(self):
        app = self.start("run", str(FIXTURES / "good" / "short.toml"))
        app.wait_for(r"phase index=0 kind=prepare")
        n = app.line_count()
        app.keys("KP_Add")
        m, _ = app.wait_for(r"command extend phase=0 remaining_ms=(\d+)", after=n)
        # Every transition of the key has been read by a frame: a second "+" would be logged by now.
        extends = [line for line in app.lines[n:] if "command extend" in line]
        self.assertEqual(len(extends), 1, extends)
        self.assertLessEqual(int(m.group(1)), 20000)

    def test_quick_set_made_saved_and_started_without_the_mouse(self):
        app = self.start()
        app.wait_for(r"library routines=(\d+)")
        app.keys("q")
        _, i = app.wait_for(r"screen quick-set")
        app.wait_for(r"test focus=name$", after=i)  # the name has the keys from the start
        app.keys("ctrl+a")
        app.type_text("Five calf sets")
        # Each field reached by Tab, however many items Tab visits on the way (ImGui 1.86: only
        # text fields; 1.89+: every item).
        for field, value in (("firstms", "5s"), ("secondms", "10s"), ("repeats", "5")):
            app.tab_to(field)
            app.keys("ctrl+a")
            app.type_text(value)
        app.keys("ctrl+s")
        m, i = app.wait_for(r"saved routine=five-calf-sets path=(\S+)")
        saved = Path(m.group(1)).read_text()
        self.assertIn('summary = "5 \u00d7 tense 5 s / release 10 s, both sides"', saved)
        self.assertIn('sides = ["left", "right"]', saved)
        app.keys("Return")  # Enter starts, from the field it is in
        app.wait_for(r"start routine=five-calf-sets phases=22 ", after=i)
        app.wait_for(r"phase index=0 kind=prepare", after=i)

    def test_quick_set_kind_lists_and_checkboxes_by_arrows_and_space(self):
        app = self.start()
        app.wait_for(r"library routines=(\d+)")
        app.keys("q")
        app.wait_for(r"screen quick-set")
        app.keys("ctrl+a")
        app.type_text("Release only")
        # Down to the first kind's list, Space opens it, Down to the next kind, Space takes it;
        # Down to the second kind's row, Left to its "Then" box, Space unticks it.
        app.keys("Down", "space", "Down", "space", "Down", "Left", "space")
        app.keys("ctrl+s")
        m, _ = app.wait_for(r"saved routine=release-only path=(\S+)")
        saved = Path(m.group(1)).read_text()
        self.assertIn('kind = "release"\n  duration = "5s"', saved)
        self.assertNotIn("tense", saved)

    def test_editor_questions_answer_to_keys(self):
        app = self.start()
        app.wait_for(r"library routines=(\d+)")
        app.keys("n")
        app.wait_for(r"screen editor new=1")
        app.keys("ctrl+s")
        _, i = app.wait_for(r"saved routine=new-routine")
        app.keys("Escape")
        app.wait_for(r"screen library", after=i)
        n = app.line_count()
        app.keys("n")  # a second new routine of the same name: saving asks
        _, i = app.wait_for(r"screen editor new=1", after=n)
        app.keys("ctrl+s")
        app.wait_for(r"editor asks name-taken id=new-routine", after=i)
        app.keys("n")  # N: save it as a new one
        m, _ = app.wait_for(r"saved routine=(new-routine-?\w+)", after=i)
        second = m.group(1) + ".toml"
        user = Path(app.home) / "data" / "unknot" / "routines"
        self.assertTrue((user / second).exists())
        app.keys("Escape")  # saved: back to the library
        app.wait_for(r"screen library", after=i)
        n = app.line_count()
        app.keys("n")
        _, i = app.wait_for(r"screen editor new=1", after=n)
        app.keys("Escape")  # leaving unsaved asks
        app.wait_for(r"editor asks unsaved", after=i)
        app.keys("d")  # D: discard
        app.wait_for(r"screen library", after=i)
        self.assertEqual(sorted(p.name for p in user.iterdir()), sorted([second, "new-routine.toml"]))

    def test_the_list_scrolls_to_a_selection_far_down(self):
        """The list draws only the rows on screen (a clipper): the selection, far down at the start
        (the routine last played) and moved by the arrows, must still be drawn in view."""
        folder = Path(tempfile.mkdtemp(prefix="unknot-many-"))
        self.addCleanup(shutil.rmtree, folder, True)
        for i in range(300):
            (folder / f"r{i:03}.toml").write_text(
                f'name = "Routine {i:03}"\n[[step]]\nkind = "roll"\nduration = "30s"\n', encoding="utf-8")
        app = self.start("--routines-dir", str(folder), settings='last_routine = "r250"\n')
        # The built-ins come first (the selection waits for the routine last played), then all.
        m, i = app.wait_for(r"library routines=(\d+)")
        self.assertGreaterEqual(int(m.group(1)), 300, "the 300 routines and the built-ins")
        m, _ = app.wait_for(r"test library selected_row=(\d+) shown=1", after=i)
        row = int(m.group(1))
        self.assertGreater(row, 200, "the routine last played is far down the list")
        for key, step in (("Down", 1), ("Down", 2), ("Up", 1)):
            n = app.line_count()
            app.keys(key)
            app.wait_for(rf"test library selected_row={row + step} shown=1$", after=n)
        # Three rows up in three frames: each row is in view as the selection reaches it.
        n = app.line_count()
        app.keys("Up", "Up", "Up")
        app.wait_for(rf"test library selected_row={row - 2} shown=1$", after=n)


if __name__ == "__main__":
    unittest.main()
