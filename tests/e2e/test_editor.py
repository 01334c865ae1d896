"""Making routines in the real window: the quick set, the editor, deleting with undo."""
import json
import subprocess
import unittest
from pathlib import Path

from harness import BIN, SHOTS_DIR, WindowTest


class QuickSetTest(WindowTest):
    def listed(self, app):
        out = subprocess.run([BIN, "list", "--json"], env=app.env, capture_output=True, text=True, check=True).stdout
        return {r["id"]: r for r in json.loads(out)["routines"]}

    def test_quick_set_made_in_the_window_is_saved_valid_with_its_total(self):
        app = self.start()
        m, _ = app.wait_for(r"library routines=(\d+)")
        before = int(m.group(1))
        app.keys("q")
        _, i = app.wait_for(r"screen quick-set")
        # Every field by keyboard: the name has the focus, Tab moves on until the field wanted
        # has it (the app reports which one does).
        app.wait_for(r"test focus=name$", after=i)
        app.keys("ctrl+a")
        app.type_text("Calf pairs")
        for field, value in (("firstms", "6s"), ("secondms", "12s"), ("repeats", "6")):
            app.tab_to(field)  # the first phase's duration, the second's, repeats (5 -> 6)
            app.keys("ctrl+a")
            app.type_text(value)
        app.wait_for_screen(lambda s: s.distinct_colours() > 10, png_path=SHOTS_DIR / "quick-set.png")
        app.keys("ctrl+s")
        app.wait_for(r"saved routine=calf-pairs path=\S+/unknot/routines/calf-pairs.toml")
        app.wait_for(rf"library routines={before + 1} invalid=0")
        routine = self.listed(app)["calf-pairs"]
        self.assertTrue(routine["valid"], routine)
        self.assertEqual(routine["source"], "user")
        # prepare 10 s, then left and right each 6 x (6 s + 12 s), a 5 s switch between
        self.assertEqual(routine["total_ms"], 10_000 + 2 * 6 * 18_000 + 5_000)
        saved = Path(routine["path"]).read_text()
        self.assertIn('name = "Calf pairs"', saved)
        self.assertIn("repeat = 6", saved)
        app.keys("ctrl+q")
        self.assertEqual(app.wait_exit(), 0)

    def test_new_routine_saved_deleted_and_restored_and_nothing_lost_on_leaving(self):
        app = self.start()
        m, _ = app.wait_for(r"library routines=(\d+)")
        before = int(m.group(1))
        app.keys("n")
        app.wait_for(r"screen editor new=1")
        app.keys("ctrl+s")
        _, i = app.wait_for(r"saved routine=new-routine")
        app.wait_for(rf"library routines={before + 1}", after=i)
        n = app.line_count()
        app.keys("Escape")
        app.wait_for(r"screen library", after=n)
        user = Path(app.home) / "data" / "unknot" / "routines"
        self.assertTrue((user / "new-routine.toml").exists())
        # Delete with the key (the saved routine is selected), then undo it.
        n = app.line_count()
        app.keys("Delete")
        app.wait_for(r"deleted routine=new-routine trash=\S+/unknot/trash/new-routine-\d+\.toml", after=n)
        app.wait_for(rf"library routines={before}", after=n)
        self.assertFalse((user / "new-routine.toml").exists())
        n = app.line_count()
        app.keys("ctrl+z")
        app.wait_for(r"restored routine=new-routine", after=n)
        app.wait_for(rf"library routines={before + 1}", after=n)
        self.assertTrue((user / "new-routine.toml").exists())
        # A second new routine with the same name asks before replacing anything.
        app.keys("n")
        app.wait_for(r"screen editor new=1")
        app.keys("ctrl+s")
        app.wait_for(r"editor asks name-taken id=new-routine")
        app.wait_for_screen(lambda s: s.distinct_colours() > 10, png_path=SHOTS_DIR / "editor-name-taken.png")
        app.keys("Escape")  # cancels the question
        n = app.line_count()
        app.keys("Escape")  # leaving with unsaved changes asks
        app.wait_for(r"editor asks unsaved", after=n)
        app.keys("Escape")  # keeps editing
        n = app.line_count()
        app.keys("ctrl+q")  # quitting asks too
        # A frame after the question was asked, the app still runs.
        _, i = app.wait_for(r"editor asks unsaved", after=n)
        app.wait_for(r"test frame=", after=i)
        self.assertIsNone(app.proc.poll(), "quit without asking")
        self.assertEqual(sorted(p.name for p in user.iterdir()), ["new-routine.toml"])

    def test_check_in_areas_typed_in_the_editor_are_checked_and_saved(self):
        app = self.start()
        app.wait_for(r"library routines=(\d+)")
        app.keys("n")
        app.wait_for(r"screen editor new=1")
        # Tab (name, summary, notes, tags, equipment, ...) until the check-in areas have the keys.
        app.tab_to("check_in")
        n = app.line_count()
        app.type_text("heel, knee.")
        # The parser's rule for areas, at once: a problem, and nothing can be saved.
        app.wait_for(r"editor \d+ total_ms=\d+ phases=\d+ problems=1 ", after=n)
        app.wait_for_screen(lambda s: s.distinct_colours() > 10, png_path=SHOTS_DIR / "editor-check-in.png")
        n = app.line_count()
        app.keys("BackSpace")
        app.wait_for(r"editor \d+ total_ms=\d+ phases=\d+ problems=0 ", after=n)
        app.keys("ctrl+s")
        app.wait_for(r"saved routine=new-routine")
        saved = (Path(app.home) / "data" / "unknot" / "routines" / "new-routine.toml").read_text()
        self.assertIn('check_in = ["heel", "knee"]\n', saved)
        app.keys("ctrl+q")
        self.assertEqual(app.wait_exit(), 0)

    def test_a_step_chosen_by_keys_has_its_fields_typed_in_by_keys(self):
        app = self.start()
        app.wait_for(r"library routines=")
        app.keys("e")  # the selected built-in routine: a copy in the editor
        app.wait_for(r"screen editor new=1")
        # Ctrl+Down: from the routine's own fields to the first step, then the second.
        n = app.line_count()
        app.keys("ctrl+Down")
        app.wait_for(r"editor selected=0$", after=n)
        app.keys("ctrl+Down")
        app.wait_for(r"editor selected=1$", after=n)
        app.tab_to("1.label")  # the second step's label (or block name) has the keys
        app.keys("ctrl+a")
        app.type_text("Second by keys")
        n = app.line_count()
        app.keys("ctrl+s")
        m, _ = app.wait_for(r"saved routine=\S+ path=(\S+)", after=n)
        saved = Path(m.group(1)).read_text()
        self.assertEqual(saved.count('label = "Second by keys"'), 1, saved)
        app.keys("ctrl+q")
        self.assertEqual(app.wait_exit(), 0)

    def test_an_emoji_typed_into_the_name_is_saved_as_typed(self):
        """ImGui's fields hold 16-bit characters: typed, an emoji became U+FFFD on disk."""
        app = self.start()
        app.wait_for(r"library routines=")
        app.keys("n")
        app.wait_for(r"screen editor new=1")
        # The name field: the first field-coloured band down the right pane, found on screen.
        shot = app.wait_for_screen(lambda s: s.distinct_colours() > 10)
        column = shot.width * 3 // 4
        name_y = next(y for y in range(shot.height // 8, shot.height)
                      if all(abs(a - b) <= 8 for a, b in zip(shot.pixel(column, y), FIELD)))
        app.click(column, name_y + 8)
        app.keys("ctrl+a")
        app.type_unicode("Calf \U0001F9B6\U0001F3C3 \u00e9")  # Calf 🦶🏃 é
        n = app.line_count()
        app.keys("ctrl+s")
        app.wait_for(r"saved routine=calf", after=n)
        saved = (Path(app.home) / "data" / "unknot" / "routines" / "calf.toml").read_bytes()
        self.assertIn('name = "Calf \U0001F9B6\U0001F3C3 \u00e9"'.encode(), saved, saved)
        listed = self.listed(app)["calf"]
        self.assertEqual(listed["name"], "Calf \U0001F9B6\U0001F3C3 \u00e9")

    def test_an_emoji_typed_into_the_quick_set_name_is_saved_as_typed(self):
        app = self.start()
        app.wait_for(r"library routines=")
        app.keys("q")
        app.wait_for(r"screen quick-set")
        app.keys("ctrl+a")  # the name has the keyboard
        app.type_unicode("Calf \U0001F9B6")
        n = app.line_count()
        app.keys("ctrl+s")
        app.wait_for(r"saved routine=calf", after=n)
        self.assertEqual(self.listed(app)["calf"]["name"], "Calf \U0001F9B6")


class EditorKeysTest(WindowTest):
    """The editor's step commands by the app's own Alt keys, while a text field has the keyboard:
    nothing here needs the mouse, and no Tab is counted (the tests wait on the field the app
    reports as having the keys)."""

    def step_key(self, app, chord, selected):
        n = app.line_count()
        app.keys(chord)
        app.wait_for(rf"editor selected={selected}$", after=n)

    def test_steps_added_changed_moved_and_deleted_by_keys_are_saved_as_made(self):
        app = self.start()
        app.wait_for(r"library routines=")
        app.keys("n")  # a new routine: one prepare phase, the name has the keys
        app.wait_for(r"screen editor new=1")
        app.tab_to("name")
        app.keys("ctrl+a")
        app.type_text("Keys only")
        # Alt+T in the name field: a tense phase after the prepare, its label ready to type.
        self.step_key(app, "alt+t", "1")
        app.wait_for(r"test focus=1\.label$")
        app.type_text("Squee")
        # Alt alone (ImGui's navigation toggles a menu layer with it) leaves the field its keys.
        app.keys("alt")
        app.type_text("ze")
        app.tab_to("1.duration")
        app.keys("ctrl+a")
        app.type_text("5s")
        # Alt+R in the duration field: a release phase, its label has the keys.
        self.step_key(app, "alt+r", "2")
        app.wait_for(r"test focus=2\.label$")
        app.type_text("Let go")
        app.tab_to("2.duration")
        app.keys("ctrl+a")
        app.type_text("10s")
        app.wait_for_screen(lambda s: s.distinct_colours() > 10, png_path=SHOTS_DIR / "editor-keys.png")
        # The kind: release, hold, roll, back to hold; the sides: none, left then right, right then left.
        for chord in ("alt+k", "alt+k", "alt+shift+k", "alt+s", "alt+s"):
            self.step_key(app, chord, "2")
        # Up above the tense phase, then deleted and the delete undone.
        self.step_key(app, "alt+Up", "1")
        n = app.line_count()
        app.keys("alt+Delete")
        app.wait_for(r"editor \d+ total_ms=\d+ phases=2 ", after=n)
        n = app.line_count()
        app.keys("ctrl+z")
        app.wait_for(r"editor \d+ total_ms=\d+ phases=\d+ ", after=n)
        n = app.line_count()
        app.keys("ctrl+s")
        m, _ = app.wait_for(r"saved routine=keys-only path=(\S+)", after=n)
        self.assertEqual(Path(m.group(1)).read_text(), KEYS_ONLY_SAVED)
        app.keys("ctrl+q")
        self.assertEqual(app.wait_exit(), 0)

    def test_alt_s_and_alt_k_leave_the_field_with_the_keys_as_typed(self):
        """An input method (IBus, fcitx) or Wayland may send Alt+S's letter as text too, which X11
        alone never does: the app's test mode sends it (UNKNOT_TEST_TEXT_WITH_MODIFIERS=1), and the
        field that has the keys keeps "45s" while Alt+S and Alt+K change the step."""
        app = self.start(env_extra={"UNKNOT_TEST_TEXT_WITH_MODIFIERS": "1"})
        app.wait_for(r"library routines=")
        app.keys("n")
        app.wait_for(r"screen editor new=1")
        app.tab_to("name")
        app.keys("ctrl+a")
        app.type_text("Alt keys")
        self.step_key(app, "alt+t", "1")
        app.wait_for(r"test focus=1\.label$")
        app.type_text("Squeeze")
        app.tab_to("1.duration")
        app.keys("ctrl+a")
        app.type_text("4")
        texts = r"test frame=\d+ .* text=(\d+) buttons=\d+ text_ignored=(\d+)"
        m, _ = app.wait_for(texts)
        before = int(m.group(1)) + int(m.group(2))
        for chord in ("alt+s", "alt+k"):
            self.step_key(app, chord, "1")
        # Both letters came as text (to a field or ignored) before anything else is typed.
        app.wait_for(texts, accept=lambda g: int(g.group(1)) + int(g.group(2)) >= before + 2)
        self.assertEqual(app.field_with_keys(), "1.duration")
        # The field kept the keys and holds "4": "5s" makes it "45s" (with the letters, "4sk5s",
        # no duration, and the step would keep "4"). The letters went to no field.
        app.type_text("5s")
        n = app.line_count()
        app.keys("ctrl+s")
        m, _ = app.wait_for(r"saved routine=alt-keys path=(\S+)", after=n)
        saved = Path(m.group(1)).read_text()
        self.assertIn('duration = "45s"', saved)
        self.assertIn('kind = "release"', saved)  # Alt+K: tense -> release
        self.assertIn('sides = ["left", "right"]', saved)  # Alt+S: none -> left then right
        app.wait_for(texts, accept=lambda g: int(g.group(2)) >= 3)  # Alt+T's, Alt+S's and Alt+K's letters
        app.keys("ctrl+q")
        self.assertEqual(app.wait_exit(), 0)


# What the keys above made, as the editor writes it.
KEYS_ONLY_SAVED = """name = "Keys only"

[[step]]
kind = "prepare"
duration = "10s"
label = "Get into position"

[[step]]
kind = "hold"
duration = "10s"
label = "Let go"
sides = ["right", "left"]

[[step]]
kind = "tense"
duration = "5s"
label = "Squeeze"
"""


# An empty text field in the dark style, over the window's background.
FIELD = (29, 47, 73)

if __name__ == "__main__":
    unittest.main()
