"""Layer 3: routine and program files shared by someone else reach the app as a user brings
them: dropped onto the window (the XDND protocol under Xvfb, which SDL turns into
SDL_DROPFILE: tests/e2e/xdnd.py), or given on the command line as the desktop does for a
double-click on a *.unknot.toml (`unknot FILE`). Good files are imported as `unknot import`
imports them; a bad one is refused with its path:line:column errors as the notice."""
import re
import shutil
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

from harness import BIN, SHOTS_DIR, WindowTest

HERE = Path(__file__).resolve().parent
FIXTURES = HERE.parent / "fixtures"


def python_with_xlib():
    """A Python that has python3-xlib (the tests' own may be another one than Debian's)."""
    for candidate in (sys.executable, "/usr/bin/python3"):
        if subprocess.run([candidate, "-c", "import Xlib"], capture_output=True).returncode == 0:
            return candidate
    return None


PYTHON = python_with_xlib()


class ImportWindowTest(WindowTest):
    def shared(self, fixture, name):
        """A copy of `fixture` as a file someone sent (outside the user's folders)."""
        folder = Path(tempfile.mkdtemp(prefix="unknot-shared-"))
        self.addCleanup(shutil.rmtree, folder, True)
        path = folder / name
        shutil.copyfile(FIXTURES / fixture, path)
        return path

    def drop(self, app, *paths):
        n = app.line_count()
        subprocess.run([PYTHON, str(HERE / "xdnd.py"), self.x.display, app.window_id(), *map(str, paths)],
                       check=True, timeout=30)
        return n

    @unittest.skipUnless(PYTHON, "no python3-xlib")
    def test_a_routine_dropped_is_imported_and_a_bad_one_refused_with_its_errors(self):
        app = self.start()
        app.wait_for(r"screen library")
        data = Path(app.home) / "data" / "unknot"

        n = self.drop(app, self.shared("good/short.toml", "calves-from-anna.unknot.toml"))
        app.wait_for(r"import ok .*calves-from-anna\.unknot\.toml", after=n)
        app.wait_for(r"notice: Imported the routine 'calves-from-anna'", after=n)
        self.assertEqual((data / "routines" / "calves-from-anna.toml").read_text(),
                         (FIXTURES / "good" / "short.toml").read_text())

        bad = self.shared("bad/syntax.toml", "broken.unknot.toml")
        n = self.drop(app, bad)
        app.wait_for(r"import refused .*broken\.unknot\.toml", after=n)
        # The notice names the file and its first error where `unknot check` would.
        app.wait_for(r"notice: Not imported: broken\.unknot\.toml\\x0a" + re.escape(str(bad)) + r":2:8: error: TOML syntax",
                     after=n)
        self.assertFalse((data / "routines" / "broken.toml").exists())
        app.wait_for_screen(lambda s: s.distinct_colours() > 3, png_path=SHOTS_DIR / "import-refused.png")

        # A program (its routines are built in).
        n = self.drop(app, self.shared("programs/heel.unknot.toml", "heel.unknot.toml"))
        app.wait_for(r"notice: Imported the program 'heel'; start it with: unknot program start heel", after=n)
        self.assertTrue((data / "programs" / "heel.toml").exists())

    def test_a_file_given_on_the_command_line_is_imported_as_the_window_opens(self):
        # What the .desktop file's `unknot %f` does on a double-click.
        shared = self.shared("good/short.toml", "knee-from-anna.unknot.toml")
        app = self.start(str(shared))
        app.wait_for(r"notice: Imported the routine 'knee-from-anna'")
        app.wait_for(r"screen library")
        ids = subprocess.run([BIN, "list", "--ids"], env=app.env, capture_output=True, text=True, timeout=30).stdout
        self.assertIn("knee-from-anna", ids.split())


if __name__ == "__main__":
    unittest.main()
