"""Layer 3: the real app in a real window under Xvfb, driven by keys as a person would."""
import os
import re
import shutil
import subprocess
import tempfile
import unittest
from pathlib import Path

from harness import App, BIN, FIXTURES, SHOTS_DIR, WindowTest, Xvfb

SOURCE = Path(__file__).resolve().parents[2]
SHOTS = SHOTS_DIR


def kind_colours():
    """The palette, read from the source so the test and the app never disagree."""
    text = (SOURCE / "src" / "ui" / "palette.hpp").read_text()
    colours = {}
    for kind, r, g, b in re.findall(r"PhaseKind::(\w+): return \{\{0x(\w\w), 0x(\w\w), 0x(\w\w)\}", text):
        colours[kind.lower()] = (int(r, 16), int(g, 16), int(b, 16))
    assert len(colours) == 8, colours
    return colours


class PlayerWindowTest(WindowTest):
    def test_keys_pause_skip_back_extend_and_escape_take_effect(self):
        app = self.start("run", str(FIXTURES / "good" / "short.toml"), "--quit-at-end")
        app.wait_for(r"phase index=0 kind=prepare")
        app.wait_for(r"screensaver off")
        n = app.line_count()
        app.keys("space")
        app.wait_for(r"command toggle-pause phase=0 .* state=paused", after=n)
        app.wait_for(r"screensaver allowed", after=n)
        # Paused: time stands still, and the app sleeps: once the frames that follow input are
        # drawn, nothing changes on screen, so it draws (almost) nothing.
        m1, _ = app.wait_for(r"command toggle-pause phase=0 remaining_ms=(\d+)", after=n)
        paused_at = app.app_time()
        app.wait_app_time(paused_at + 5500)
        idle = app.frames_between(paused_at + 1500, paused_at + 5500)
        self.assertLessEqual(len(idle), 1, f"{len(idle)} frames in 4 s while paused: {idle}")
        n = app.line_count()
        app.keys("space")
        m2, _ = app.wait_for(r"command toggle-pause phase=0 remaining_ms=(\d+) state=running", after=n)
        self.assertLessEqual(int(m1.group(1)) - int(m2.group(1)), 150)
        n = app.line_count()
        app.keys("Right")
        app.wait_for(r"command skip phase=1 remaining_ms=5000 state=running", after=n)
        app.wait_for(r"phase index=1 kind=tense", after=n)
        n = app.line_count()
        app.keys("Left")  # within 2 s of the phase start: back to the previous phase
        app.wait_for(r"command back phase=0 remaining_ms=5000", after=n)
        n = app.line_count()
        app.keys("plus")
        m, _ = app.wait_for(r"command extend phase=0 remaining_ms=(\d+)", after=n)
        self.assertGreater(int(m.group(1)), 15000)
        self.assertLessEqual(int(m.group(1)), 20000)
        n = app.line_count()
        app.keys("m", "Down")  # the default volume is 100%
        app.wait_for(r"volume 100 mute on", after=n)
        app.wait_for(r"volume 90 mute on", after=n)
        n = app.line_count()
        app.keys("Escape")
        app.wait_for(r"exit asked", after=n)
        app.keys("Escape")
        app.wait_for(r"stopped active_ms=", after=n)
        app.wait_for(r"screen library", after=n)
        app.keys("ctrl+q")
        self.assertEqual(app.wait_exit(), 0)
        sessions = app.history()["sessions"]
        self.assertEqual(len(sessions), 1)
        self.assertFalse(sessions[0]["completed"], sessions)
        self.assertEqual(sessions[0]["skipped_phases"], 1)  # stopped, one phase skipped

    def test_space_cancels_the_exit_question(self):
        app = self.start("run", str(FIXTURES / "good" / "short.toml"))
        app.wait_for(r"phase index=0")
        n = app.line_count()
        app.keys("Escape", "space")
        app.wait_for(r"exit cancelled", after=n)
        # keys() returned after a frame read Space's release: the app has acted on both keys.
        self.assertNotIn("screen library", "\n".join(app.lines[n:]))
        self.assertNotIn("state=paused", "\n".join(app.lines[n:]))

    def test_player_shows_the_phase_colour_and_huge_digits(self):
        colours = kind_colours()
        # Phases long enough that only the key moves them on: a screenshot on a loaded machine
        # (ASan, llvmpipe) took longer than short.toml's 5 s prepare, which then ended by itself
        # and the key skipped the tense phase.
        folder = Path(tempfile.mkdtemp(prefix="unknot-e2e-routine-"))
        self.addCleanup(shutil.rmtree, folder, True)
        routine = folder / "long-phases.toml"
        routine.write_text('name = "Long phases"\n[[step]]\nkind = "prepare"\nduration = "9m"\n'
                           '[[step]]\nkind = "tense"\nduration = "9m"\nlabel = "Squeeze"\n')
        app = self.start("run", str(routine))
        app.wait_for(r"phase index=0 kind=prepare")
        # The phase-change flash whitens the window first; then the phase's colour fills it.
        shot = app.wait_for_screen(lambda s: s.fraction_near(colours["prepare"]) > 0.5,
                                   png_path=SHOTS / "player-prepare.png")
        self.assertGreater(shot.distinct_colours(), 3, "the window is blank")
        # The countdown's digits are at least a quarter of the window's height. With the side and
        # the kind beside them they start near the top, under the routine's name.
        digits = shot.tallest_ink_run((0x11, 0x11, 0x11), int(shot.height * 0.05), int(shot.height * 0.55))
        self.assertGreaterEqual(digits / shot.height, 0.25, f"digits {digits}px of {shot.height}px")
        n = app.line_count()
        app.keys("Right")
        app.wait_for(r"phase index=1 kind=tense", after=n)
        shot = app.wait_for_screen(lambda s: s.fraction_near(colours["tense"]) > 0.5,
                                   png_path=SHOTS / "player-tense.png")
        self.assertLess(shot.fraction_near(colours["prepare"]), 0.01)

    def test_flash_marks_a_phase_change(self):
        # A long flash (a setting), so a loaded machine's slow screenshot still catches it; a manual
        # first phase, so nothing changes before the key, however slow the machine.
        app = self.start("run", str(FIXTURES / "good" / "manual.toml"), settings="flash_ms = 3000\n")
        app.wait_for(r"phase index=0 kind=manual")
        colours = kind_colours()
        app.wait_for_screen(lambda s: s.fraction_near(colours["manual"]) > 0.5)  # the first flash is over
        n = app.line_count()
        # Look while the key is still down: its release and that frame take time on a busy machine.
        app.key_down("space")
        app.wait_for(r"phase index=1 kind=roll", after=n)
        # The flash whitens the whole window for a moment (3 s here), then goes.
        white = (0xFF, 0xFF, 0xFF)
        app.wait_for_screen(lambda s: s.fraction_near(white, tolerance=70) > 0.5, timeout=10)
        app.key_up("space")
        app.wait_for_screen(lambda s: s.fraction_near(white, tolerance=70) < 0.1)

    def test_routine_plays_to_the_end_and_quits(self):
        app = self.start("run", str(FIXTURES / "good" / "short.toml"), "--quit-at-end")
        app.wait_for(r"phase index=0")
        app.keys("Right", "Right")
        app.wait_for(r"phase index=2 kind=release")
        self.assertEqual(app.wait_exit(timeout=30), 0)
        log = app.log
        self.assertIn("phase index=3 kind=rest", log)
        self.assertRegex(log, r"finished active_ms=\d+")
        self.assertIn("quit-at-end", log)
        sessions = app.history()["sessions"]
        self.assertEqual(len(sessions), 1)
        s = sessions[0]
        self.assertRegex(s["started"], r"^\d{4}-\d\d-\d\dT[\d:]+[+-]\d{4}$")
        self.assertEqual((s["routine_id"], s["routine_name"], s["planned_s"], s["completed"]),
                         ("short", "Fixture: short", 20, False))
        # Two of its four phases were skipped: played to the end, but not completed.
        self.assertEqual(s["skipped_phases"], 2)

    def test_manual_phase_waits_for_space(self):
        app = self.start("run", str(FIXTURES / "good" / "manual.toml"), "--quit-at-end")
        _, i = app.wait_for(r"phase index=0 kind=manual")
        app.wait_for(r"test (wake|frame)=", after=i)
        app.wait_app_time(app.app_time() + 2500)  # 2.5 s on the app's clock
        self.assertNotIn("phase index=1", app.log)
        n = app.line_count()
        app.keys("space")
        app.wait_for(r"command toggle-pause phase=1 .* state=running", after=n)
        app.wait_for(r"phase index=1 kind=roll", after=n)

    def test_library_start_with_enter_and_files_changed_on_disk(self):
        app = self.start()
        m, _ = app.wait_for(r"library routines=(\d+) invalid=0")
        built_in = int(m.group(1))
        self.assertGreater(built_in, 0)
        app.wait_for_screen(lambda s: s.distinct_colours() > 10, png_path=SHOTS / "library.png")
        # A routine file written, then broken, while the app is open shows up with its state.
        user = Path(app.home) / "data" / "unknot" / "routines"
        user.mkdir(parents=True)
        (user / "mine.toml").write_text('name = "Mine"\n[[step]]\nkind = "hold"\nduration = "1m"\n')
        app.wait_for(rf"library routines={built_in + 1} invalid=0", timeout=10)
        (user / "mine.toml").write_text('name = "Mine"\n[[step]]\nkind = "hodl"\nduration = "1m"\n# broken\n')
        app.wait_for(rf"library routines={built_in + 1} invalid=1", timeout=10)
        n = app.line_count()
        app.keys("Down", "Return")
        # The built-in routines ask how it feels first (check_in); Esc skips to the routine.
        m, _ = app.wait_for(r"screen check-in moment=before|start routine=", after=n)
        if m.group(0).startswith("screen check-in"):
            app.keys("Escape")
        app.wait_for(r"start routine=\S+ phases=\d+", after=n)
        app.keys("ctrl+q")
        self.assertEqual(app.wait_exit(), 0)

    def test_settings_panel_opens_and_the_cue_settings_reach_the_session(self):
        app = self.start("run", str(FIXTURES / "good" / "short.toml"), "--quit-at-end",
                         settings="flash = false\n[cues]\ncountdown = false\n")
        app.wait_for(r"phase index=0")
        app.keys("Right", "Right", "Right")
        self.assertEqual(app.wait_exit(), 0)
        self.assertNotIn("cue type=countdown", app.log)
        self.assertIn("cue type=end", app.log)

        # The panel by keyboard: Tab reaches the volume slider as a number field.
        app = self.start(settings="volume = 40\n")
        app.wait_for(r"library routines")
        app.keys("s")
        app.wait_for(r"settings open")
        app.wait_for_screen(lambda s: s.distinct_colours() > 10, png_path=SHOTS / "settings.png")
        n = app.line_count()
        app.keys("Tab", "ctrl+a")
        app.type_text("55")
        app.keys("Return")
        app.wait_for(r"settings applied", after=n)
        app.wait_for(r"volume 55 mute off", after=n)
        app.keys("Escape")
        app.wait_for(r"settings closed", after=n)
        # Closed, the keys are the library's again: M mutes.
        app.keys("m")
        app.wait_for(r"volume 55 mute on", after=n)
        app.keys("ctrl+q")
        self.assertEqual(app.wait_exit(), 0)
        saved = (Path(app.home) / "config" / "unknot" / "settings.toml").read_text()
        self.assertRegex(saved, r"(?m)^volume = 55$")
        self.assertRegex(saved, r"(?m)^muted = true$")

    def test_window_state_goes_to_xdg_config_not_the_working_directory(self):
        app = self.start("run", str(FIXTURES / "good" / "short.toml"))
        app.wait_for(r"phase index=0")
        app.keys("ctrl+q")
        self.assertEqual(app.wait_exit(), 0)
        settings = Path(app.home) / "config" / "unknot" / "settings.toml"
        self.assertTrue(settings.exists())
        self.assertRegex(settings.read_text(), r"last_routine = [\"']short[\"']")
        self.assertTrue((Path(app.home) / "config" / "unknot" / "imgui.ini").exists())
        self.assertFalse(Path("imgui.ini").exists())

    def test_fullscreen_flag_is_for_that_run_only(self):
        """`unknot run X --fullscreen` once wrote fullscreen = true, and every later start opened
        fullscreen. A first run writes the settings; a second with the flag leaves them as they were."""
        short = str(FIXTURES / "good" / "short.toml")
        first = self.start("run", short)
        first.wait_for(r"phase index=0")
        first.keys("ctrl+q")
        self.assertEqual(first.wait_exit(), 0)
        settings = Path(first.home) / "config" / "unknot" / "settings.toml"
        before = settings.read_bytes()
        self.assertRegex(before.decode(), r"(?m)^fullscreen = false$")

        again = self.start("run", short, "--fullscreen", home=first.home)
        again.wait_for(r"phase index=0")
        again.keys("ctrl+q")
        self.assertEqual(again.wait_exit(), 0)
        self.assertEqual(settings.read_bytes(), before)

        # F toggles it: the user's own choice is kept.
        chosen = self.start("run", short, "--fullscreen", home=first.home)
        chosen.wait_for(r"phase index=0")
        chosen.keys("f")
        chosen.wait_for(r"fullscreen off")
        chosen.keys("f")
        chosen.wait_for(r"fullscreen on")
        chosen.keys("ctrl+q")
        self.assertEqual(chosen.wait_exit(), 0)
        self.assertRegex(settings.read_text(), r"(?m)^fullscreen = true$")


class NoWindowTest(unittest.TestCase):
    def test_unknown_routine_exits_2_with_close_matches(self):
        r = subprocess.run([BIN, "run", "glute-relase"], capture_output=True, text=True, timeout=30)
        self.assertEqual(r.returncode, 2)
        self.assertIn("did you mean 'glute-release-ball'", r.stderr)

    def run_without_display(self, **extra):
        env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER")}
        env.update(extra)
        r = subprocess.run([BIN, "run", str(FIXTURES / "good" / "short.toml")], capture_output=True, text=True,
                           env=env, timeout=30)
        self.assertEqual(r.returncode, 1, r.stderr)
        errors = [l for l in r.stderr.splitlines() if "error" in l]
        self.assertEqual(len(errors), 1, r.stderr)
        return errors[0]

    def test_no_display_is_a_clear_error_not_an_invisible_window(self):
        # SDL would fall back to its offscreen driver and seem to hang; the app says why it stops.
        self.assertEqual(self.run_without_display(),
                         "unknot: error: cannot open a window: no display (DISPLAY/WAYLAND_DISPLAY unset)")

    def test_a_video_driver_asked_for_without_its_display_is_a_clear_error(self):
        self.assertIn("cannot open a window", self.run_without_display(SDL_VIDEODRIVER="x11"))


if __name__ == "__main__":
    unittest.main()
