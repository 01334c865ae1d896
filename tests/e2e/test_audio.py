"""Sound cues in the real app, captured with SDL's disk audio driver and measured in the PCM."""
import json
import os
import re
import shutil
import subprocess
import tempfile
import tomllib
import unittest
from pathlib import Path

from harness import App, BIN, FIXTURES, WindowTest, Xvfb
from pcm import RATE, compare, onsets, read_raw, read_samples, voice_onsets

SOUNDS = Path(__file__).resolve().parents[2] / "assets" / "sounds"
VOICE_OFF = "[voice]\nenabled = false\n[cues]\nfeedback = false\n"


def plan_frames(routine):
    # Planned as the app plays it here, with the voice off: no phrase, so no tick gives way to one.
    config = tempfile.mkdtemp(prefix="unknot-plan-")
    os.makedirs(os.path.join(config, "unknot"))
    with open(os.path.join(config, "unknot", "settings.toml"), "w") as f:
        f.write("[voice]\nenabled = false\n")
    out = subprocess.run([BIN, "plan", "--json", str(routine)], capture_output=True, text=True, check=True,
                         env={**os.environ, "XDG_CONFIG_HOME": config}).stdout
    plan = json.loads(out)
    return plan, [c["at_ms"] * RATE // 1000 for c in plan["cues"]]


def sound_length(frames, at):
    """Seconds from the onset `at` until the capture falls silent for 10 ms."""
    end = at
    while end < len(frames) and (max(frames[end:end + 480]) > 0):
        end += 480
    return (end - at) / RATE


class AudioCaptureTest(WindowTest):
    # The cue onsets are measured with the voice off; bench/cue_timing.py measures both.
    def capture(self, args, realtime=False, keys=None, settings=VOICE_OFF):
        tmp = tempfile.mkdtemp(prefix="unknot-audio-")
        raw = Path(tmp) / "out.raw"
        env = {"SDL_AUDIODRIVER": "disk", "SDL_DISKAUDIOFILE": str(raw)}
        if not realtime:
            env["SDL_DISKAUDIODELAY"] = "0"  # as fast as it can: minutes play in seconds
        app = App(self.x.display, args, env_extra=env, settings=settings)
        self.addCleanup(app.stop)
        if keys:
            keys(app)
        self.assertEqual(app.wait_exit(timeout=240), 0, app.log)
        frames, peak = read_raw(raw)
        self.last_raw = raw
        return app, frames, peak

    def check_routine(self, routine, keys=None):
        plan, planned = plan_frames(routine)
        app, frames, peak = self.capture(["run", str(routine), "--quit-at-end"], keys=keys)
        self.assertRegex(app.log, r"audio driver=disk frequency=48000 format=S16LSB channels=2")
        heard = onsets(frames)
        errors = compare(heard, planned, tolerance=48)
        self.assertLess(peak, 32767, "the mix clipped")
        # Every onset also matches the frame the session logged for its cue.
        logged = [int(x) for x in re.findall(r"cue type=\w+ phase=\d+ count=\d+ at=(\d+)", app.log)]
        self.assertEqual(len(logged), len(planned))
        self.assertAligned(heard, logged)
        return plan, errors

    def assertAligned(self, heard, logged):
        """Heard onsets are the logged cue frames, to 2 frames. SDL writes silence to the file
        before the device unpauses, so the capture starts a constant number of frames early."""
        lead = heard[0] - logged[0]
        self.assertGreaterEqual(lead, -2)  # onsets are found to a frame or two
        for h, at in zip(heard, logged):
            self.assertLessEqual(abs(h - lead - at), 2, (h - lead, at))
        return lead

    def test_every_cue_lands_on_its_frame_sides_rests_long_hold_and_end(self):
        plan, errors = self.check_routine(FIXTURES / "good" / "sides-and-rests.toml")
        types = [c["type"] for c in plan["cues"]]
        self.assertIn("halfway", types)
        self.assertEqual(types[-1], "end")
        self.assertLessEqual(max(abs(e) for e in errors), 48)

    def test_every_phrase_starts_on_its_planned_frame(self):
        routine = FIXTURES / "good" / "sides-and-rests.toml"
        plan = json.loads(subprocess.run([BIN, "plan", "--json", str(routine)], capture_output=True, text=True,
                                         check=True).stdout)
        says = [c for c in plan["cues"] if c["type"] == "say" and c["text"]]
        captures = []
        for settings in ("", VOICE_OFF):
            _, frames, _ = self.capture(["run", str(routine), "--quit-at-end"], settings=settings)
            captures.append(read_samples(self.last_raw))
        heard = voice_onsets(*captures)
        self.assertEqual(len(heard), len(says), (heard, [s["frame"] for s in says]))
        # Both captures are aligned on the first cue's first sound; the session's frame 0 is
        # its onset, found as the other tests find every cue's.
        lead = next(i for i, v in enumerate(frames) if v) - onsets(frames)[0]
        for h, say in zip(heard, says):
            self.assertEqual(h + lead - say["frame"] - say["lead_frames"], 0, say)

    def test_every_cue_lands_on_its_frame_in_a_built_in_routine(self):
        def skip_check_ins(app):
            # It asks how the knee feels before and after (check_in); Esc skips the questions.
            _, i = app.wait_for(r"screen check-in moment=before")
            app.keys("Escape")
            app.wait_for(r"screen check-in moment=after", after=i, timeout=240)
            app.keys("Escape")

        self.check_routine(Path(__file__).resolve().parents[2] / "routines" / "glute-release-ball.toml",
                           keys=skip_check_ins)

    def test_pause_and_skip_move_the_cues(self):
        def drive(app):
            app.wait_for(r"cue type=countdown phase=0 count=3", timeout=30)
            app.keys("space")
            _, i = app.wait_for(r"command toggle-pause phase=0 .* state=paused")
            app.wait_for(r"test (wake|frame)=", after=i)
            app.wait_app_time(app.app_time() + 2000)  # paused for 2 s on the app's clock
            n = app.line_count()
            app.keys("space")
            app.wait_for(r"command toggle-pause phase=0 .* state=running", after=n)
            _, i = app.wait_for(r"cue type=phase phase=1 ", timeout=30)
            app.wait_for(r"test (wake|frame)=", after=i)
            app.wait_app_time(app.app_time() + 500)
            app.keys("Right")
            app.wait_for(r"command skip phase=2 ")

        app, frames, peak = self.capture(["run", str(FIXTURES / "good" / "short.toml"), "--quit-at-end"],
                                         realtime=True, keys=drive)
        log = app.log
        paused_at = int(re.search(r"command toggle-pause phase=0 \S+ state=paused at=(\d+)", log).group(1))
        resumed_at = int(re.search(r"command toggle-pause phase=0 \S+ state=running at=(\d+)", log).group(1))
        skipped_at = int(re.search(r"command skip phase=2 \S+ state=running at=(\d+)", log).group(1))
        self.assertGreater(resumed_at - paused_at, RATE)  # paused for over a second
        cues = [(t, int(p), int(c), int(at)) for t, p, c, at in
                re.findall(r"cue type=(\w+) phase=(\d+) count=(\d+) at=(\d+)", log)]
        heard = onsets(frames)
        # What was heard is exactly what the session played, frame for frame.
        self.assertEqual(len(heard), len(cues), (heard, cues))
        lead = self.assertAligned(heard, [c[3] for c in cues])
        # Nothing starts while paused.
        self.assertFalse([h for h in heard if paused_at < h - lead < resumed_at])
        # After the skip, nothing of the skipped phase plays; the next phase starts at once.
        self.assertFalse([c for c in cues if c[1] == 1 and c[3] >= skipped_at])
        after = [c for c in cues if c[3] >= skipped_at]
        self.assertEqual(after[0][:2], ("phase", 2))
        self.assertEqual(after[0][3], skipped_at)
        # No cue twice.
        self.assertEqual(len(set(cues)), len(cues))
        self.assertEqual(cues[-1][0], "end")

    def test_your_own_sound_replaces_a_cue_and_a_bad_file_falls_back(self):
        own = SOUNDS / "end.wav"  # 390 ms, in place of the 220 ms prepare sound
        # A comment and a key of the user's own survive the session (issue 12).
        settings = (f'# my own sounds\nfuture_option = "keep"\n{VOICE_OFF}[sounds]\nprepare = "{own}"\n'
                    'tense = "/nonexistent/gong.wav"\n')
        tmp = tempfile.mkdtemp(prefix="unknot-audio-")
        raw = Path(tmp) / "out.raw"
        app = App(self.x.display, ["run", str(FIXTURES / "good" / "short.toml"), "--quit-at-end"], settings=settings,
                  env_extra={"SDL_AUDIODRIVER": "disk", "SDL_DISKAUDIOFILE": str(raw), "SDL_DISKAUDIODELAY": "0"})
        self.addCleanup(app.stop)
        self.assertEqual(app.wait_exit(timeout=120), 0)
        self.assertIn("cannot play your tense sound", app.log)
        kept = (Path(app.home) / "config" / "unknot" / "settings.toml").read_text()
        self.assertTrue(kept.startswith("# my own sounds\n"), kept)
        self.assertIn('future_option = "keep"\n', kept)
        self.assertIn('tense = "/nonexistent/gong.wav"\n', kept)
        self.assertIn("last_routine = 'short'", kept)  # what the session changed
        frames, _ = read_raw(raw)
        heard = onsets(frames)
        self.assertAlmostEqual(sound_length(frames, heard[0]), 0.39, delta=0.02)  # prepare, now the user's sound
        self.assertAlmostEqual(sound_length(frames, heard[4]), 0.32, delta=0.02)  # tense: the built-in one

    def test_a_sound_path_typed_with_an_emoji_is_saved_exactly_and_plays(self):
        """Dear ImGui's 16-bit field holds the emoji as U+FFFD: the path typed in the settings must
        be stored as typed, and the file under it found (no notice that it cannot play) and played."""
        folder = Path(tempfile.mkdtemp(prefix="u-")) / "\U0001F9B6"
        self.addCleanup(shutil.rmtree, folder.parent, True)
        folder.mkdir()
        own = folder / "end.wav"  # 390 ms, in place of the 220 ms prepare sound
        shutil.copy(SOUNDS / "end.wav", own)
        app = App(self.x.display, [], settings=VOICE_OFF)
        self.addCleanup(app.stop)
        app.wait_for(r"library routines=")
        app.keys("s")
        _, n = app.wait_for(r"settings open")
        app.tab_to("prepare", limit=60)  # 1.86: the first text field; 1.89+: past every item before it
        app.type_unicode(str(own))
        app.keys("Return")
        app.wait_for(r"settings applied", after=n)
        app.wait_for(r"audio driver=", after=n)  # reopened with the new sound
        app.keys("ctrl+q")
        self.assertEqual(app.wait_exit(timeout=60), 0, app.log)
        self.assertNotIn("cannot play your", app.log)
        saved = (Path(app.home) / "config" / "unknot" / "settings.toml").read_text(encoding="utf-8")
        self.assertEqual(tomllib.loads(saved)["sounds"]["prepare"], str(own), saved)
        self.assertNotIn("\ufffd", saved)
        # The next start plays it: the prepare cue lasts as long as the user's sound.
        raw = Path(tempfile.mkdtemp(prefix="unknot-audio-")) / "out.raw"
        self.addCleanup(shutil.rmtree, raw.parent, True)
        run = App(self.x.display, ["run", str(FIXTURES / "good" / "short.toml"), "--quit-at-end"], home=app.home,
                  env_extra={"SDL_AUDIODRIVER": "disk", "SDL_DISKAUDIOFILE": str(raw), "SDL_DISKAUDIODELAY": "0"})
        self.addCleanup(run.stop)
        self.assertEqual(run.wait_exit(timeout=120), 0, run.log)
        self.assertNotIn("cannot play your", run.log)
        frames, _ = read_raw(raw)
        self.assertAlmostEqual(sound_length(frames, onsets(frames)[0]), 0.39, delta=0.02)

    def test_a_missing_audio_driver_means_visual_cues_and_the_routine_still_ends(self):
        app = App(self.x.display, ["run", str(FIXTURES / "good" / "short.toml"), "--quit-at-end"],
                  env_extra={"SDL_AUDIODRIVER": "no-such-driver"})
        self.addCleanup(app.stop)
        app.wait_for(r"notice: no sound")
        app.wait_for(r"phase index=0")
        app.keys("Right", "Right", "Right")
        self.assertEqual(app.wait_exit(timeout=30), 0)
        self.assertIn("visual cues only", app.log)
        self.assertRegex(app.log, r"finished active_ms=")


class SoundFilesTest(unittest.TestCase):
    """The shipped cue sounds: short, a quick attack, no click at either end."""

    def test_cue_sounds(self):
        import wave
        import array
        names = ["prepare", "tense", "release", "hold", "roll", "rest", "manual", "switch", "countdown",
                 "countdown-last", "halfway", "end"]
        for name in names:
            with self.subTest(name), wave.open(str(SOUNDS / f"{name}.wav")) as w:
                self.assertEqual(w.getframerate(), RATE)
                self.assertEqual(w.getsampwidth(), 2)
                samples = array.array("h", w.readframes(w.getnframes()))
                self.assertLessEqual(len(samples) / RATE, 0.400)
                peak = max(abs(s) for s in samples)
                # Loudness and true peak are the unit tests' (libebur128); here, no clipping.
                self.assertLess(peak, 32767 * 0.89, "over -1 dBFS")
                # Attack: reaches half its peak within 2 ms... after its first zero crossing period.
                first_loud = next(i for i, s in enumerate(samples) if abs(s) >= peak * 0.25)
                self.assertLess(first_loud, RATE * 4 // 1000, "attack over ~2 ms (allowing the wave's own period)")
                # No click: starts and ends at (near) zero.
                self.assertLess(abs(samples[0]), 64)
                self.assertLess(max(abs(s) for s in samples[-48:]), peak * 0.05)


if __name__ == "__main__":
    unittest.main()
