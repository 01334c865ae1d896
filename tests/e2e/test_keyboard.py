"""Layer 3: the keyboard alone. Search is reached with `/` or Ctrl+F and typing there fires no
shortcut; numpad + adds its 15 s once."""
import re
import unittest

from harness import FIXTURES, WindowTest

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
        # Enter starts the routine found, from the search box.
        app.keys("Return")
        app.wait_for(r"phase index=0", after=i)
        return app

    def test_slash_focuses_search_and_typing_hamstring_opens_nothing(self):
        self.search("slash", "hamstring")

    def test_ctrl_f_focuses_search(self):
        self.search("ctrl+f", "frozen")

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


if __name__ == "__main__":
    unittest.main()
