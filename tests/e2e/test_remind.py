"""Layer 3: `unknot remind` on a private session bus with a recording notification server: one
notification naming the routine due (its name, id and length) with a Start action, and
invoking Start opens Unknot on that routine."""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import unittest
from pathlib import Path

from harness import BIN, WindowTest, end_process
from test_remote import SessionBus

HERE = Path(__file__).resolve().parent


def python_with_dbus():
    """This interpreter when it has dbus-python and PyGObject, else Debian's."""
    for candidate in (sys.executable, "/usr/bin/python3"):
        if candidate and subprocess.run([candidate, "-c", "import dbus, gi"], capture_output=True).returncode == 0:
            return candidate
    return None


PYTHON = python_with_dbus()


@unittest.skipUnless(PYTHON, "no python3-dbus and python3-gi")
class RemindTest(WindowTest):
    def setUp(self):
        self.bus = SessionBus()
        self.addCleanup(self.bus.stop)
        self.home = tempfile.mkdtemp(prefix="unknot-e2e-")
        self.addCleanup(shutil.rmtree, self.home, True)
        self.record = Path(self.home) / "notifications.jsonl"
        self.env = dict(os.environ, DBUS_SESSION_BUS_ADDRESS=self.bus.address, DISPLAY=self.x.display,
                        XDG_DATA_HOME=str(Path(self.home) / "data"), XDG_CONFIG_HOME=str(Path(self.home) / "config"),
                        LIBGL_ALWAYS_SOFTWARE="1", SDL_AUDIODRIVER="dummy", UNKNOT_TEST_MODE="1")
        r = subprocess.run([BIN, "program", "start", "runners-knee-6-weeks"], env=self.env, capture_output=True,
                           text=True, timeout=30)
        self.assertEqual(r.returncode, 0, r.stderr)

    def server(self, action=""):
        proc = subprocess.Popen([PYTHON, str(HERE / "notify_recorder.py"), str(self.record), action], env=self.env,
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        self.addCleanup(end_process, proc, 10)
        self.assertEqual(proc.stdout.readline().strip(), "ready")
        return proc

    def notifications(self):
        return [json.loads(line) for line in self.record.read_text().splitlines()] if self.record.exists() else []

    def test_one_notification_names_the_routine_due_with_a_start_action(self):
        self.server()
        r = subprocess.run([BIN, "remind", "--wait", "0"], env=self.env, capture_output=True, text=True, timeout=30)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("reminded: Hip abduction holds (hip-abduction-holds, 9 min 10 s)", r.stdout)
        sent = self.notifications()
        self.assertEqual(len(sent), 1, sent)
        self.assertEqual(sent[0]["summary"], "Unknot: Hip abduction holds")
        self.assertIn("unknot run hip-abduction-holds", sent[0]["body"])
        self.assertIn("9 min 10 s", sent[0]["body"])
        self.assertEqual(sent[0]["actions"], ["start", "Start"])

    def test_start_opens_unknot_on_the_routine(self):
        self.server(action="start")
        proc = subprocess.Popen([BIN, "--verbose", "remind", "--wait", "20"], env=self.env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
        self.addCleanup(end_process, proc, 10)
        # Start replaces `unknot remind` with `unknot run hip-abduction-holds` (the same process):
        # its window draws its first frame.
        deadline = time.monotonic() + 60
        seen = []
        for line in proc.stderr:
            seen.append(line.rstrip())
            if "test frame=1 " in line:
                break
            self.assertLess(time.monotonic(), deadline, "\n".join(seen))
        self.assertTrue(any("test frame=1 " in s for s in seen), "\n".join(seen[-20:]))
        cmdline = Path(f"/proc/{proc.pid}/cmdline").read_bytes().split(b"\0")[:-1]
        self.assertEqual([c.decode() for c in cmdline[1:]], ["run", "hip-abduction-holds"])
        self.assertEqual(len(self.notifications()), 1)


if __name__ == "__main__":
    unittest.main()
