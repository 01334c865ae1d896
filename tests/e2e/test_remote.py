"""Layer 3: the MPRIS remote. A private session bus started here (dbus-daemon), the real app in
a window under Xvfb, and playerctl as the real client, as a desktop's media keys, a headset or
a phone (KDE Connect, GSConnect) would drive it."""
import os
import subprocess
import tempfile
import threading
import time
import unittest
from pathlib import Path

from harness import BIN, WindowTest, end_process

# Two sides of a long tense, then a release: long enough that no phase ends during a step.
ROUTINE = """name = "Remote check"
[[step]]
kind = "tense"
duration = "60s"
label = "Squeeze"
sides = ["left", "right"]
switch = "0s"
[[step]]
kind = "release"
duration = "60s"
label = "Let go"
"""
MIDDLE_DOT = "\u00b7"
# Check-ins before and after, and phases short enough to play to the end.
CHECK_IN_ROUTINE = """name = "Heel check"
check_in = ["heel"]
[[step]]
kind = "tense"
duration = "3s"
label = "Press"
sides = ["left", "right"]
switch = "0s"
[[step]]
kind = "release"
duration = "3s"
label = "Let go"
"""


class SessionBus:
    """A dbus-daemon of our own, so the test never touches the user's session."""

    def __init__(self):
        self.proc = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--print-address=1"],
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        self.address = self.proc.stdout.readline().strip()
        if not self.address:
            raise RuntimeError("dbus-daemon did not start")

    def stop(self):
        end_process(self.proc, timeout=10)
        self.proc.stdout.close()


class Follow:
    """`playerctl --follow`: prints a property each time the app signals it changed
    (PropertiesChanged), so what it prints proves the signals, not a poll."""

    def __init__(self, env, *args):
        self.proc = subprocess.Popen(["playerctl", "-p", "unknot", "--follow", *args], env=env,
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        self.lines = []
        self.cond = threading.Condition()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        for line in self.proc.stdout:
            with self.cond:
                self.lines.append(line.strip())
                self.cond.notify_all()

    def wait_for(self, want, timeout=20):
        with self.cond:
            if not self.cond.wait_for(lambda: want in self.lines, timeout=timeout):
                raise AssertionError(f"playerctl --follow printed {self.lines}, never {want!r}")
            self.lines.clear()

    def stop(self):
        end_process(self.proc, timeout=10)
        self.reader.join(timeout=5)
        self.proc.stdout.close()


class RemoteTest(WindowTest):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.bus = SessionBus()
        cls.env = dict(os.environ, DBUS_SESSION_BUS_ADDRESS=cls.bus.address)

    @classmethod
    def tearDownClass(cls):
        cls.bus.stop()
        super().tearDownClass()

    def setUp(self):
        self.dir = tempfile.TemporaryDirectory(prefix="unknot-remote-")
        self.addCleanup(self.dir.cleanup)
        self.routine = Path(self.dir.name) / "remote-check.toml"
        self.routine.write_text(ROUTINE)

    def start_on_bus(self, *args):
        app = self.start(*args, env_extra={"DBUS_SESSION_BUS_ADDRESS": self.bus.address})
        m, _ = app.wait_for(r"remote control on: name=(\S+)")
        return app, m.group(1)

    def ctl(self, *args, player="unknot", check=True):
        """playerctl's answer, stripped."""
        done = subprocess.run(["playerctl", "-p", player, *args], env=self.env, capture_output=True, text=True,
                              timeout=20)
        if check:
            self.assertEqual(done.returncode, 0, f"playerctl {args}: {done.stderr}")
        return done.stdout.strip()

    def send(self, method):
        """A method call with dbus-send, as any client could make it."""
        return subprocess.run(["dbus-send", "--session", "--print-reply", "--dest=org.mpris.MediaPlayer2.unknot",
                               "/org/mpris/MediaPlayer2", method], env=self.env, capture_output=True, text=True,
                              timeout=20)

    def wait_ctl(self, want, *args, timeout=20):
        """Polls playerctl until it answers `want` (the app hands the bus its state after acting)."""
        deadline = time.monotonic() + timeout
        answer = None
        while time.monotonic() < deadline:
            answer = self.ctl(*args, check=False)
            if answer == want:
                return
            time.sleep(0.05)
        self.fail(f"playerctl {args} says {answer!r}, not {want!r}")

    def position(self):
        return float(self.ctl("position"))

    def test_title_pause_play_next_previous_and_stop(self):
        app, name = self.start_on_bus("run", str(self.routine))
        self.assertEqual(name, "org.mpris.MediaPlayer2.unknot")
        app.wait_for(r"phase index=0 kind=tense side=left")
        self.assertEqual(self.ctl("metadata", "title"), f"Left {MIDDLE_DOT} Squeeze")
        self.assertEqual(self.ctl("metadata", "artist"), "Remote check")
        self.assertEqual(self.ctl("metadata", "mpris:length"), "60000000")
        self.assertEqual(self.ctl("metadata", "mpris:trackid"), "'/org/unknot/Unknot/phase/0'")  # playerctl quotes paths
        self.assertTrue(self.ctl("metadata", "mpris:artUrl").startswith("file:///"))
        self.assertEqual(self.ctl("status"), "Playing")
        status = Follow(self.env, "status")
        self.addCleanup(status.stop)
        title = Follow(self.env, "metadata", "title")
        self.addCleanup(title.stop)
        status.wait_for("Playing")  # what it prints first
        title.wait_for(f"Left {MIDDLE_DOT} Squeeze")

        # Pause: the countdown stops, and the position with it, for 2 s.
        n = app.line_count()
        self.ctl("pause")
        app.wait_for(r"media pause", after=n)
        app.wait_for(r"command toggle-pause phase=0 .* state=paused", after=n)
        status.wait_for("Paused")
        first = self.position()
        end = time.monotonic() + 2.0
        while time.monotonic() < end:
            self.assertEqual(self.position(), first)
            time.sleep(0.2)
        # Play: it moves on.
        n = app.line_count()
        self.ctl("play")
        app.wait_for(r"command toggle-pause phase=0 .* state=running", after=n)
        status.wait_for("Playing")
        deadline = time.monotonic() + 20
        while self.position() <= first + 0.3:
            self.assertLess(time.monotonic(), deadline, "the position does not move after play")
            time.sleep(0.1)

        # The volume, both ways.
        n = app.line_count()
        self.ctl("volume", "0.5")
        app.wait_for(r"volume 50 mute off", after=n)
        self.wait_ctl("0.500000", "volume")

        # Next and previous are → and ←.
        n = app.line_count()
        self.ctl("next")
        app.wait_for(r"command skip phase=1 remaining_ms=60000 state=running", after=n)
        title.wait_for(f"Right {MIDDLE_DOT} Squeeze")
        self.assertEqual(self.ctl("metadata", "mpris:trackid"), "'/org/unknot/Unknot/phase/1'")
        n = app.line_count()
        self.ctl("previous")  # within 2 s of the phase's start: the previous phase
        app.wait_for(r"command back phase=0 remaining_ms=60000", after=n)
        title.wait_for(f"Left {MIDDLE_DOT} Squeeze")

        # Stop: the routine ends, recorded as stopped, and the library shows.
        n = app.line_count()
        self.ctl("stop")
        app.wait_for(r"stopped active_ms=", after=n)
        app.wait_for(r"screen library", after=n)
        status.wait_for("Stopped")
        sessions = app.history()["sessions"]
        self.assertEqual(len(sessions), 1, sessions)
        self.assertEqual(sessions[0]["routine_id"], "remote-check")
        self.assertFalse(sessions[0]["completed"], sessions)

        # Bad calls: Next with nothing playing does nothing (playerctl would not even send it:
        # CanGoNext is false); an unknown method is an error.
        n = app.line_count()
        self.assertEqual(self.send("org.mpris.MediaPlayer2.Player.Next").returncode, 0)
        app.wait_for(r"media next", after=n)
        bad = self.send("org.mpris.MediaPlayer2.Player.Dance")
        self.assertNotEqual(bad.returncode, 0)
        self.assertIn("UnknownMethod", bad.stderr)
        self.assertEqual(self.ctl("status"), "Stopped")
        # The metadata still answers after Stop: the routine stopped, which Play starts again.
        self.assertEqual(self.ctl("metadata", "title"), "Remote check")
        self.assertIsNone(app.proc.poll())

        # Play in the library starts the routine stopped again (not the library's first).
        n = app.line_count()
        self.ctl("play")
        app.wait_for(r"play again routine=remote-check", after=n)
        app.wait_for(r'say "Remote check, again\."', after=n)  # then it starts, once that is said
        app.wait_for(r"start routine=remote-check", after=n)
        app.keys("ctrl+q")
        self.assertEqual(app.wait_exit(), 0)

    def start_with_history(self, *args, scores=()):
        """The app on the bus, its history holding `scores` ((area, side, score), given before)."""
        home = tempfile.mkdtemp(prefix="unknot-e2e-")
        env = dict(os.environ, XDG_DATA_HOME=str(Path(home) / "data"), XDG_CONFIG_HOME=str(Path(home) / "config"))
        for area, side, score in scores:
            subprocess.run([BIN, "check-in", area, side, str(score)], env=env, check=True, capture_output=True,
                           timeout=30)
        app = self.start(*args, env_extra={"DBUS_SESSION_BUS_ADDRESS": self.bus.address}, home=home)
        app.wait_for(r"remote control on: name=(\S+)")
        return app

    def test_a_routine_with_check_ins_start_to_end_with_only_playerctl(self):
        routine = Path(self.dir.name) / "heel-check.toml"
        routine.write_text(CHECK_IN_ROUTINE)
        app = self.start_with_history("run", str(routine), scores=[("heel", "left", 4)])

        # Before: the left heel had 4 last time; the right heel never had a score.
        app.wait_for(r"screen check-in moment=before questions=2")
        app.wait_for(r'say "How does your left heel feel\? 0 none, 10 worst\. Last time, 4\."')
        n = app.line_count()
        self.ctl("play")
        app.wait_for(r"media play", after=n)
        app.wait_for(r"check-in kept index=0 score=4 from=last", after=n)
        app.wait_for(r'say "Left heel, 4, as last time\. How does your right heel feel\? 0 none, 10 worst\."',
                     after=n)
        n = app.line_count()
        self.ctl("play")
        app.wait_for(r"check-in kept index=1 score=-1 from=none", after=n)
        app.wait_for(r'say "No score yet for your right heel\. Type one and press Enter, or press Next to skip it\."',
                     after=n)
        n = app.line_count()
        self.ctl("next")
        app.wait_for(r"check-in skipped index=1", after=n)
        app.wait_for(r"check-in done moment=before answers=1", after=n)
        app.wait_for(r"start routine=heel-check", after=n)

        # It plays to its end on its own, then asks how it feels after.
        app.wait_for(r"screen check-in moment=after questions=2", after=n, timeout=60)
        app.wait_for(r'say "How does your left heel feel\? 0 none, 10 worst\. Last time, 4\."', after=n)
        n = app.line_count()
        self.ctl("play")
        app.wait_for(r"check-in kept index=0 score=4 from=last", after=n)
        n = app.line_count()
        self.ctl("next")
        app.wait_for(r"check-in done moment=after answers=1", after=n)
        self.assertEqual(app.keys_sent, 0)  # not one key pressed

        # The history has both, with the session, as `unknot history --json` shows them.
        deadline = time.monotonic() + 20
        while True:
            history = app.history()
            ours = [c for c in history["check_ins"] if c["session_id"] is not None]
            if len(ours) == 2 or time.monotonic() > deadline:
                break
            time.sleep(0.2)
        self.assertEqual(len(history["sessions"]), 1, history)
        session = history["sessions"][0]
        self.assertEqual(session["routine_id"], "heel-check")
        self.assertTrue(session["completed"], session)
        self.assertEqual([(c["moment"], c["area"], c["side"], c["score"]) for c in ours],
                         [("before", "heel", "left", 4), ("after", "heel", "left", 4)], history)
        self.assertTrue(all(c["session_id"] == session["id"] for c in ours), history)

    def test_stop_then_play_plays_the_same_routine_again_and_says_so(self):
        routine = Path(self.dir.name) / "heel-check.toml"
        routine.write_text(CHECK_IN_ROUTINE.replace('duration = "3s"', 'duration = "60s"'))
        app = self.start_with_history("run", str(routine), scores=[("heel", "left", 4), ("heel", "right", 2)])
        app.wait_for(r"screen check-in moment=before")
        self.ctl("play")
        app.wait_for(r"check-in kept index=0 score=4 from=last")
        self.ctl("play")
        app.wait_for(r"check-in kept index=1 score=2 from=last")
        app.wait_for(r'say "Right heel, 2, as last time\."')
        app.wait_for(r"phase index=0 kind=tense side=left")
        self.wait_ctl(f"Left {MIDDLE_DOT} Press", "metadata", "title")

        # Stop: heard, recorded as stopped, and the remote still shows the routine.
        n = app.line_count()
        self.ctl("stop")
        app.wait_for(r"stopped active_ms=", after=n)
        app.wait_for(r'say "Stopped\. Press play to start Heel check again\."', after=n)
        self.wait_ctl("Stopped", "status")
        self.assertEqual(self.ctl("metadata", "title"), "Heel check")
        self.assertEqual(self.ctl("metadata", "artist"), "Heel check")
        self.assertEqual(self.ctl("metadata", "mpris:trackid"), "'/org/unknot/Unknot/phase/0'")

        # Play: the same routine again, its questions first, named aloud.
        n = app.line_count()
        self.ctl("play")
        app.wait_for(r"play again routine=heel-check", after=n)
        app.wait_for(r"screen check-in moment=before", after=n)
        app.wait_for(r'say "Heel check, again\. How does your left heel feel\?', after=n)
        self.ctl("play")
        app.wait_for(r"check-in kept index=0", after=n)
        self.ctl("play")
        app.wait_for(r"check-in done moment=before answers=2", after=n)
        app.wait_for(r"start routine=heel-check", after=n)
        app.wait_for(r"phase index=0 kind=tense side=left", after=n)
        self.wait_ctl(f"Left {MIDDLE_DOT} Press", "metadata", "title")
        self.assertEqual(app.keys_sent, 0)
        sessions = app.history()["sessions"]
        self.assertEqual([s["routine_id"] for s in sessions], ["heel-check"], sessions)
        self.assertFalse(sessions[0]["completed"], sessions)

    def test_the_window_media_keys_do_the_same(self):
        app, _ = self.start_on_bus("run", str(self.routine))
        app.wait_for(r"phase index=0 kind=tense side=left")
        n = app.line_count()
        app.keys("XF86AudioNext")
        app.wait_for(r"media next", after=n)
        app.wait_for(r"command skip phase=1", after=n)
        self.wait_ctl(f"Right {MIDDLE_DOT} Squeeze", "metadata", "title")
        n = app.line_count()
        app.keys("XF86AudioPlay")
        app.wait_for(r"command toggle-pause phase=1 .* state=paused", after=n)
        self.wait_ctl("Paused", "status")
        n = app.line_count()
        app.keys("XF86AudioStop")
        app.wait_for(r"stopped active_ms=", after=n)
        self.wait_ctl("Stopped", "status")

    def test_a_second_unknot_takes_an_instance_name(self):
        first, name = self.start_on_bus()
        self.assertEqual(name, "org.mpris.MediaPlayer2.unknot")
        second, other = self.start_on_bus()
        self.assertEqual(other, f"org.mpris.MediaPlayer2.unknot.instance{second.proc.pid}")
        # playerctl sees both; each answers for itself.
        players = self.ctl("--list-all", player="unknot").split()
        self.assertIn("unknot", players)
        self.assertIn(f"unknot.instance{second.proc.pid}", players)
        # Two windows on one X display without a window manager: which has the keyboard is not
        # ours to say (a key sent to the first reached the second under load), so each is asked to
        # quit as the desktop does at log-out; SDL turns SIGTERM into a quit.
        for app in (first, second):
            app.proc.terminate()
            self.assertEqual(app.wait_exit(), 0)


class NoBusTest(WindowTest):
    def test_without_a_session_bus_the_app_runs_and_says_so_once(self):
        env = {"DBUS_SESSION_BUS_ADDRESS": "unix:path=/nonexistent/unknot-test-bus", "XDG_RUNTIME_DIR": "/nonexistent"}
        app = self.start("run", "--quit-at-end", str(Path(__file__).resolve().parents[1] / "fixtures" / "good" /
                                                      "short.toml"), env_extra=env)
        app.wait_for(r"remote control off: no session bus")
        app.wait_for(r"phase index=0")
        n = app.line_count()
        app.keys("Right")
        app.wait_for(r"command skip phase=1", after=n)
        app.keys("ctrl+q")
        self.assertEqual(app.wait_exit(), 0)
        self.assertEqual(app.log.count("remote control"), 1)


if __name__ == "__main__":
    unittest.main()
