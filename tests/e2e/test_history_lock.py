"""Layer 3 (issue 24): a routine with check-ins played while another process holds the
history's write lock, from before the start to after the end (until the test lets it go): nothing is lost, the
window says once that saving is delayed, and `unknot history` shows every check-in and the
session afterwards."""
import subprocess
import sys
import tempfile
from pathlib import Path

from harness import BIN, WindowTest

ROUTINE = """name = "Heel check"
check_in = ["heel"]

[[step]]
kind = "roll"
duration = "3s"

[[step]]
kind = "rest"
duration = "3s"
"""


class HistoryLockTest(WindowTest):
    def test_check_ins_and_the_session_survive_a_write_lock_held_through_the_routine(self):
        home = tempfile.mkdtemp(prefix="unknot-e2e-")
        data = Path(home) / "data" / "unknot"
        (data / "routines").mkdir(parents=True)
        (data / "routines" / "heel-check.toml").write_text(ROUTINE)
        env = {"XDG_DATA_HOME": str(Path(home) / "data"), "XDG_CONFIG_HOME": str(Path(home) / "config"),
               "PATH": "/usr/bin:/bin"}
        subprocess.run([BIN, "history", "--json"], env=env, check=True, capture_output=True, timeout=30)
        # Another process takes the write lock, and keeps it until its standard input is closed
        # (however slow the machine, the whole routine is played under it).
        holder = subprocess.Popen(
            [sys.executable, "-c",
             "import sqlite3, sys\n"
             "db = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
             "db.execute('BEGIN IMMEDIATE')\n"
             "print('locked', flush=True)\n"
             "sys.stdin.read()\n"
             "db.execute('ROLLBACK')\n",
             str(data / "unknot.db")], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self.addCleanup(holder.kill)
        self.assertEqual(holder.stdout.readline().strip(), "locked")
        holder.stdout.close()
        app = self.start("run", "heel-check", "--quit-at-end", home=home)

        app.wait_for(r"screen check-in moment=before questions=2")
        n = app.line_count()
        app.keys("4")
        app.wait_for(r"check-in index=0 score=4 ", after=n)
        app.keys("Return")
        app.wait_for(r"check-in index=1 score=-1 ", after=n)
        app.keys("6")
        app.wait_for(r"check-in index=1 score=6 ", after=n)
        app.keys("Return")
        app.wait_for(r"check-in done moment=before answers=2", after=n)
        app.wait_for(r"phase index=0 kind=roll", after=n)
        app.keys("Right")
        app.wait_for(r"finished active_ms=", after=n, timeout=30)
        app.wait_for(r"screen check-in moment=after questions=2", after=n)
        app.keys("2")
        app.wait_for(r"check-in index=0 score=2 ", after=n)
        app.keys("Return")
        app.wait_for(r"check-in index=1 score=-1 ", after=n)
        app.keys("Escape")
        app.wait_for(r"check-in done moment=after answers=1", after=n)
        self.assertIsNone(holder.poll(), "the routine must end while the lock is held")
        holder.stdin.close()  # the lock is let go: what waited is saved
        self.assertEqual(app.wait_exit(timeout=30), 0)
        self.assertEqual(app.log.count("cannot save to the history now"), 1, app.log)
        holder.wait(timeout=30)

        history = app.history()
        self.assertEqual(len(history["sessions"]), 1)
        session = history["sessions"][0]
        got = [(c["side"], c["score"], c["moment"], c["session_id"]) for c in history["check_ins"]]
        self.assertEqual(got, [("left", 4, "before", session["id"]), ("right", 6, "before", session["id"]),
                               ("left", 2, "after", session["id"])])
        self.assertEqual((data / "unknot.db.pending").read_text(), "")


if __name__ == "__main__":
    import unittest
    unittest.main()
