"""Layer 2: the real `unknot` binary on fixture files (run by CTest)."""
import json
import os
import shutil
import subprocess
import tempfile
import time
import unittest
from pathlib import Path

BIN = os.environ["UNKNOT_BIN"]
FIXTURES = Path(os.environ["UNKNOT_FIXTURES"])
ROUTINES = Path(os.environ["UNKNOT_ROUTINES"])


class CliCase(unittest.TestCase):
    """The real binary with its own empty XDG folders; no tests of its own, so a class that
    needs these helpers inherits them without running another class's tests again."""

    def setUp(self):
        # Every run gets its own empty XDG folders: nothing of the developer's leaks in.
        self.home = tempfile.TemporaryDirectory()
        self.env = dict(os.environ)
        self.env["XDG_DATA_HOME"] = str(Path(self.home.name) / "data")
        self.env["XDG_CONFIG_HOME"] = str(Path(self.home.name) / "config")

    def tearDown(self):
        self.home.cleanup()

    def run_unknot(self, *args, cwd=None):
        return subprocess.run([BIN, *args], capture_output=True, text=True, env=self.env, cwd=cwd, timeout=60)

    def user_routines(self):
        folder = Path(self.env["XDG_DATA_HOME"]) / "unknot" / "routines"
        folder.mkdir(parents=True, exist_ok=True)
        return folder

    def use_fast_voice(self, enabled=True):
        """Flite's kal voice (diphones) plans ~5x faster than the default awb (clustergen), and
        no voice at once: for tests that compare two plans with each other, not what a voice
        sounds like."""
        settings = Path(self.env["XDG_CONFIG_HOME"]) / "unknot" / "settings.toml"
        settings.parent.mkdir(parents=True, exist_ok=True)
        settings.write_text(f'[voice]\nname = "kal"\nenabled = {"true" if enabled else "false"}\n')


class CliTest(CliCase):

    # -- check ------------------------------------------------------------------------------
    def test_check_good_files_exit_0(self):
        r = self.run_unknot("check", *sorted(str(p) for p in (FIXTURES / "good").glob("*.toml")))
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("3 routines checked, no problems", r.stdout)

    def test_every_built_in_routine_checks(self):
        files = sorted(str(p) for p in ROUTINES.glob("*.toml"))
        self.assertGreaterEqual(len(files), 6)
        r = self.run_unknot("check", *files)
        self.assertEqual(r.returncode, 0, r.stderr)

    def test_check_reports_every_mistake_with_line_and_column(self):
        r = self.run_unknot("check", "many-mistakes.toml", cwd=FIXTURES / "bad")
        self.assertEqual(r.returncode, 1)
        expected = (FIXTURES / "bad" / "many-mistakes.expected").read_text().splitlines()
        got = [line for line in r.stderr.splitlines() if ": error: " in line]
        self.assertEqual(got, expected)

    def test_check_syntax_encoding_and_empty(self):
        r = self.run_unknot("check", "syntax.toml", "latin1.toml", "empty.toml", "good/../nothere.toml",
                            cwd=FIXTURES / "bad")
        self.assertEqual(r.returncode, 1)
        lines = r.stderr.splitlines()
        self.assertTrue(any(l.startswith("syntax.toml:2:") and "TOML syntax" in l for l in lines), lines)
        self.assertIn("latin1.toml:1:12: error: this file is not UTF-8 text", lines)
        self.assertTrue(any(l.startswith("empty.toml:1:1: error: the routine is empty") for l in lines), lines)
        self.assertTrue(any(l.startswith("good/../nothere.toml:1:1: error: cannot read") for l in lines), lines)
        self.assertIn("4 of 4 routines have problems", r.stderr)

    def test_counts_say_one_thing_in_the_singular(self):
        one = Path(self.home.name) / "one-phase.toml"
        one.write_text('name = "One"\n[[step]]\nkind = "hold"\nduration = "30s"\n')
        r = self.run_unknot("plan", str(one))
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertRegex(r.stdout, r"Total 30 s, 1 phase, \d+ cues")

    def test_usage_errors_exit_2(self):
        self.assertEqual(self.run_unknot("check").returncode, 2)
        self.assertEqual(self.run_unknot("frobnicate").returncode, 2)
        self.assertEqual(self.run_unknot("plan").returncode, 2)
        self.assertEqual(self.run_unknot("list", "--routines-dir", "/nonexistent/dir").returncode, 2)

    def test_help_and_version(self):
        for args in (["--help"], ["list", "--help"], ["check", "--help"], ["plan", "--help"]):
            r = self.run_unknot(*args)
            self.assertEqual(r.returncode, 0, args)
            self.assertIn("Usage", r.stdout)
        r = self.run_unknot("--version")
        self.assertEqual(r.returncode, 0)
        self.assertRegex(r.stdout.strip(), r"^unknot \d+\.\d+\.\d+$")

    # -- list -------------------------------------------------------------------------------
    def test_list_json_covers_every_source_and_keeps_invalid_files(self):
        (self.user_routines() / "mine.toml").write_text(
            'name = "Mine"\n[[step]]\nkind = "hold"\nduration = "1m30s"\n')
        (self.user_routines() / "oops.toml").write_text('name = "Oops"\n[[step]]\nkind = "hodl"\nduration = 5\n')
        r = self.run_unknot("list", "--json", "--routines-dir", str(FIXTURES / "good"))
        self.assertEqual(r.returncode, 0, r.stderr)
        routines = json.loads(r.stdout)["routines"]
        by_id = {x["id"]: x for x in routines}
        for x in routines:
            self.assertEqual(set(x), {"id", "name", "path", "source", "total_ms", "valid", "errors"})
        self.assertEqual(len([x for x in routines if x["source"] == "built-in"]), len(list(ROUTINES.glob("*.toml"))))
        self.assertEqual(by_id["mine"]["source"], "user")
        self.assertEqual(by_id["mine"]["total_ms"], 90_000)
        self.assertTrue(by_id["mine"]["valid"])
        self.assertEqual(by_id["oops"]["valid"], False)
        self.assertEqual(len(by_id["oops"]["errors"]), 1)
        self.assertRegex(by_id["oops"]["errors"][0], r"oops\.toml:3:8: error: unknown kind \"hodl\"")
        self.assertEqual(by_id["short"]["source"], "dir")
        self.assertEqual(by_id["short"]["total_ms"], 20_000)
        self.assertEqual(by_id["post-run-complete"]["name"], "Complete post-run recovery")
        # A full routine is 10 to 25 minutes.
        self.assertTrue(10 * 60_000 <= by_id["post-run-complete"]["total_ms"] <= 25 * 60_000)

    def test_list_table(self):
        r = self.run_unknot("list")
        self.assertEqual(r.returncode, 0)
        self.assertIn("glute-release-ball", r.stdout)
        self.assertIn("built-in", r.stdout)

    def test_list_json_keeps_its_key_order_and_replaces_invalid_utf8(self):
        # A file name that is not UTF-8 (Latin-1 "café") still gives valid JSON, with U+FFFD.
        folder = Path(self.home.name) / "odd"
        folder.mkdir()
        name = os.fsdecode(b"caf\xe9.toml")
        (folder / name).write_text('name = "Odd"\n[[step]]\nkind = "hold"\nduration = "30s"\n')
        r = subprocess.run([BIN, "list", "--json", "--routines-dir", str(folder)], capture_output=True,
                           env=self.env, timeout=60)
        self.assertEqual(r.returncode, 0, r.stderr)
        routines = json.loads(r.stdout.decode("utf-8"))["routines"]
        self.assertEqual(list(routines[0]), ["id", "name", "path", "source", "total_ms", "valid", "errors"])
        odd = [x for x in routines if x["source"] == "dir"]
        self.assertEqual(len(odd), 1)
        self.assertEqual(odd[0]["id"], "caf\ufffd")
        self.assertEqual(odd[0]["name"], "Odd")

    # -- plan -------------------------------------------------------------------------------
    def test_plan_json_matches_the_format(self):
        r = self.run_unknot("plan", "--json", str(FIXTURES / "good" / "sides-and-rests.toml"))
        self.assertEqual(r.returncode, 0, r.stderr)
        plan = json.loads(r.stdout)
        # Scripts read these keys in this order.
        self.assertEqual(list(plan), ["routine", "phases", "cues"])
        self.assertEqual(list(plan["routine"]), ["id", "name", "total_ms"])
        self.assertEqual(list(plan["phases"][0]), ["index", "kind", "label", "cue", "side", "start_ms", "duration_ms",
                                                   "manual", "round", "rounds", "block"])
        self.assertEqual(list(plan["cues"][0]), ["at_ms", "type", "phase"])
        self.assertEqual(list(plan["cues"][1])[:8], ["at_ms", "type", "phase", "frame", "text", "kind", "length_ms",
                                                       "lead_frames"])
        tick = next(c for c in plan["cues"] if c["type"] == "countdown")
        self.assertEqual(list(tick), ["at_ms", "type", "phase", "count"])
        self.assertEqual(plan["routine"]["id"], "sides-and-rests")
        phases, every = plan["phases"], plan["cues"]
        cues = [c for c in every if c["type"] != "say"]
        # What the voice says, among the cues: after the phase's own sound, on a whole frame.
        says = [c for c in every if c["type"] == "say"]
        # Its label, then the short phase next (its duration does not fit the 5 s prepare with
        # the pauses between sentences).
        self.assertEqual(says[0]["text"], "Get ready. Next: Left. Squeeze.")
        self.assertEqual(says[0]["at_ms"], 450)
        self.assertEqual(says[0]["frame"], 450 * 48)
        # During each phase the voice says what comes next, as a coach does.
        self.assertEqual(says[1]["text"], "Next: Left. Let go. 6 seconds.")
        self.assertEqual(says[1]["phase"], 1)
        self.assertIn("Next: Switch to the right side. 3 seconds.", [c["text"] for c in says])
        self.assertTrue(says[-1]["text"].startswith("Finished. 1 minute"), says[-1])
        for say in says:
            self.assertGreater(say["length_ms"], 0, say)
            # Each ends before the next phase starts (or says that it was shortened).
            phase = phases[say["phase"]]
            if say["kind"] == "phase":
                self.assertLessEqual(say["at_ms"] + say["length_ms"], phase["start_ms"] + phase["duration_ms"], say)
        self.assertEqual([c["at_ms"] for c in every], sorted(c["at_ms"] for c in every))
        # prepare, L: T R rest T R, switch, R: T R rest T R, hold
        self.assertEqual([p["kind"] for p in phases],
                         ["prepare", "tense", "release", "rest", "tense", "release", "switch",
                          "tense", "release", "rest", "tense", "release", "hold"])
        self.assertEqual([p["side"] for p in phases][:2], [None, "left"])
        self.assertEqual(phases[6]["label"], "Switch to the right side")
        self.assertEqual(phases[4]["round"], 2)
        self.assertEqual(phases[4]["rounds"], 2)
        self.assertEqual(phases[1]["cue"], "Half strength.")
        start = 0
        for i, p in enumerate(phases):
            self.assertEqual(p["index"], i)
            self.assertEqual(p["start_ms"], start)
            self.assertFalse(p["manual"])
            start += p["duration_ms"]
        self.assertEqual(plan["routine"]["total_ms"], start)
        self.assertEqual(start, 5000 + 2 * (2 * 11000 + 2000) + 3000 + 32000)
        types = [c["type"] for c in cues]
        self.assertEqual(types.count("phase"), len(phases))
        self.assertEqual(types.count("halfway"), 1)
        self.assertEqual(types.count("end"), 1)
        # Every timed phase of 5 s or more gets 3 ticks: all but the 2 s rests and the 3 s switch;
        # those that would fall inside a phrase give way to it.
        says = [c for c in every if c["type"] == "say" and c["text"]]
        inside = lambda t: any(t < s["at_ms"] + s["length_ms"] and t + 400 > s["at_ms"] for s in says)
        ticks = [c for c in cues if c["type"] == "countdown"]
        self.assertFalse([t for t in ticks if inside(t["at_ms"])])
        self.assertLess(len(ticks), 3 * 10)
        self.assertGreater(len(ticks), 0)
        self.assertEqual(cues[-1], {"at_ms": start, "type": "end", "phase": len(phases) - 1})
        self.assertEqual([c["at_ms"] for c in cues], sorted(c["at_ms"] for c in cues))

    def test_plan_says_when_a_phrase_is_shortened_or_dropped_and_the_voice_can_be_off(self):
        routine = Path(self.home.name) / "short-phases.toml"
        # The 1 s release follows a 2 s phase, too short to announce it: it says itself, no room.
        routine.write_text('name = "Quick"\n[[step]]\nkind = "tense"\nlabel = "Squeeze the ball as hard as you can"\n'
                           'duration = "2s"\nsides = ["left"]\n[[step]]\nkind = "release"\n'
                           'label = "Let go of everything now"\nduration = "1s"\n')
        says = [c for c in json.loads(self.run_unknot("plan", "--json", str(routine)).stdout)["cues"]
                if c["type"] == "say"]
        self.assertEqual(says[0]["text"], "Left.")
        self.assertTrue(says[0]["shortened"])
        self.assertEqual(says[0]["full_text"], "Left side first. Squeeze the ball as hard as you can. 2 seconds.")
        self.assertTrue(says[1]["dropped"])
        self.assertEqual(says[1]["text"], "")
        table = self.run_unknot("plan", str(routine)).stdout
        self.assertIn("Left. (shortened)", table)
        self.assertIn("Let go of everything now. 1 second. (dropped: no room)", table)
        settings = Path(self.env["XDG_CONFIG_HOME"]) / "unknot" / "settings.toml"
        settings.parent.mkdir(parents=True)
        settings.write_text("[voice]\nenabled = false\n")
        types = {c["type"] for c in json.loads(self.run_unknot("plan", "--json", str(routine)).stdout)["cues"]}
        self.assertEqual(types, {"phase", "end"})

    def test_plan_json_says_a_blocks_say_at_each_round_and_check_points_at_a_bad_one(self):
        routine = Path(self.home.name) / "block-say.toml"
        routine.write_text('name = "Sets"\n[[step]]\nlabel = "Calf"\nrepeat = 2\n'
                           'say = "{label} set {round} of {rounds}, {duration}"\n'
                           '[[step.step]]\nkind = "hold"\nduration = "20s"\nlabel = "Press"\n')
        says = [c for c in json.loads(self.run_unknot("plan", "--json", str(routine)).stdout)["cues"]
                if c["type"] == "say" and c["kind"] == "phase"]
        self.assertEqual([s["text"] for s in says],
                         ["Calf set 1 of 2, 20 seconds. Press. 20 seconds.", "Calf set 2 of 2, 20 seconds. Press. 20 seconds."])
        bad = Path(self.home.name) / "bad-block-say.toml"
        bad.write_text('name = "Sets"\n[[step]]\nlabel = "Calf"\nsay = "set {set}"\n'
                       '[[step.step]]\nkind = "hold"\nduration = "20s"\n')
        r = self.run_unknot("check", str(bad))
        self.assertEqual(r.returncode, 1)
        self.assertIn(f"{bad}:4:12: error: `say`: unknown placeholder {{set}}", r.stderr + r.stdout)

    def test_plan_follows_the_cue_settings(self):
        settings = Path(self.env["XDG_CONFIG_HOME"]) / "unknot" / "settings.toml"
        settings.parent.mkdir(parents=True)
        settings.write_text("[cues]\ncountdown = false\nhalfway = false\n")
        r = self.run_unknot("plan", "--json", str(FIXTURES / "good" / "sides-and-rests.toml"))
        cues = json.loads(r.stdout)["cues"]
        self.assertEqual({c["type"] for c in cues}, {"phase", "end", "say"})
        self.assertNotIn("Halfway.", [c.get("text") for c in cues])

    def test_plan_by_id_and_table(self):
        r = self.run_unknot("plan", "glute-release-ball")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("Switch to the right side", r.stdout)
        self.assertIn("Total 10 min 55 s", r.stdout)

    def test_plan_manual_phase(self):
        r = self.run_unknot("plan", "--json", str(FIXTURES / "good" / "manual.toml"))
        plan = json.loads(r.stdout)
        self.assertTrue(plan["phases"][0]["manual"])
        self.assertEqual(plan["phases"][0]["duration_ms"], 0)
        self.assertEqual(plan["routine"]["total_ms"], 6000)

    def test_export_prints_canonical_toml_that_plans_the_same(self):
        for routine in sorted(ROUTINES.glob("*.toml")):
            # Two plans of each built-in, compared with each other. What the voice says comes
            # from the phases compared below, but for a block's `say` lines: only a routine
            # with those is planned with the voice.
            self.use_fast_voice(enabled=any(line.lstrip().startswith("say")
                                            for line in routine.read_text().splitlines()))
            r = self.run_unknot("export", routine.stem)
            self.assertEqual(r.returncode, 0, r.stderr)
            exported = Path(self.home.name) / f"{routine.stem}.toml"
            exported.write_text(r.stdout)
            a = json.loads(self.run_unknot("plan", "--json", str(routine)).stdout)
            b = json.loads(self.run_unknot("plan", "--json", str(exported)).stdout)
            self.assertEqual(a["phases"], b["phases"])
            self.assertEqual(a["cues"], b["cues"])
            # Exporting the export changes nothing.
            self.assertEqual(self.run_unknot("export", str(exported)).stdout, r.stdout)
        self.assertEqual(self.run_unknot("export", "nope-nope").returncode, 2)

    def test_unknown_routine_suggests_close_matches(self):
        r = self.run_unknot("plan", "glute-relase")
        self.assertEqual(r.returncode, 2)
        self.assertIn("no routine 'glute-relase'", r.stderr)
        self.assertIn("did you mean 'glute-release-ball'", r.stderr)

    def test_plan_of_invalid_file_lists_its_errors(self):
        r = self.run_unknot("plan", str(FIXTURES / "bad" / "many-mistakes.toml"))
        self.assertEqual(r.returncode, 1)
        self.assertEqual(len([l for l in r.stderr.splitlines() if ": error: " in l]), 10)


if __name__ == "__main__":
    unittest.main()


class HistoryCliTest(CliCase):
    def data(self):
        return Path(self.env["XDG_DATA_HOME"]) / "unknot"

    def history_json(self, *args):
        r = self.run_unknot("history", "--json", *args)
        self.assertEqual(r.returncode, 0, r.stderr)
        return json.loads(r.stdout)

    def test_check_in_is_recorded_and_shown_in_every_format(self):
        r = self.run_unknot("check-in", "heel", "left", "4", "--note", "first steps, this morning")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(self.run_unknot("check-in", "heel", "right", "1").returncode, 0)
        got = self.history_json()
        self.assertEqual(got["sessions"], [])
        self.assertEqual([(c["area"], c["side"], c["score"], c["moment"], c["session_id"]) for c in got["check_ins"]],
                         [("heel", "left", 4, "standalone", None), ("heel", "right", 1, "standalone", None)])
        self.assertEqual(got["check_ins"][0]["note"], "first steps, this morning")
        csv_lines = self.run_unknot("history", "--csv").stdout.splitlines()
        self.assertEqual(csv_lines[0], "kind,time,session_id,routine_id,routine_name,planned_s,done_s,completed,"
                                       "area,side,score,moment,note")
        self.assertRegex(csv_lines[1], r'^check-in,[\d\-T:+]+,,,,,,,heel,left,4,standalone,"first steps, this morning"$')
        table = self.run_unknot("history").stdout
        self.assertIn("left heel 4/10  standalone", table)
        self.assertIn("right heel 1/10", table)

    def test_a_bad_area_side_or_score_is_exit_2_and_writes_nothing(self):
        for args, says in ((["heel", "up", "4"], "left, right or none"),
                           (["heel", "left", "11"], "0 (no pain) to 10"),
                           (["heel", "left", "-1"], "0 (no pain) to 10"),
                           (["heel", "left", "4.5"], "0 (no pain) to 10"),
                           (["", "left", "4"], "area is empty"),
                           (["he\x1b]0;x", "left", "4"], "character other than"),
                           (["heel", "left", "4", "--note", "x" * 1001], "note is too long: 1001 bytes, at most 1000"),
                           (["heel", "left"], "")):
            with self.subTest(args=args):
                r = self.run_unknot("check-in", *args)
                self.assertEqual(r.returncode, 2, r.stderr)
                self.assertIn(says, r.stderr)
        self.assertEqual(self.history_json()["check_ins"], [])

    def test_history_imports_history_csv_once_and_keeps_it(self):
        self.data().mkdir(parents=True)
        csv = ("started,routine_id,routine_name,planned_s,done_s,completed\n"
               "2026-11-02T07:00:00+0100,foot,Foot,600,600,yes\n"
               "2026-11-03T07:00:00+0100,foot,\"Foot,600,600,yes\n"
               "2026-11-04T07:00:00+0100,knee,Knee,600,99999999999999999999,no\n"
               "2026-11-05T07:00:00+0100,knee,Knee,300,120,no")
        (self.data() / "history.csv").write_text(csv)
        r = self.run_unknot("history", "--json")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("history.csv:3: error:", r.stderr)
        self.assertIn("history.csv:4: error:", r.stderr)
        sessions = json.loads(r.stdout)["sessions"]
        self.assertEqual([(s["routine_id"], s["done_s"], s["completed"]) for s in sessions],
                         [("foot", 600, True), ("knee", 120, False)])
        self.assertEqual((self.data() / "history.csv").read_text(), csv)
        again = self.run_unknot("history", "--json")
        self.assertEqual(again.stderr, "")
        self.assertEqual(len(json.loads(again.stdout)["sessions"]), 2)

    def test_history_reads_while_another_process_holds_the_write_lock(self):
        self.assertEqual(self.run_unknot("check-in", "knee", "none", "3").returncode, 0)
        # A second process: BEGIN IMMEDIATE held for longer than the reader may take.
        holder = subprocess.Popen(
            ["python3", "-c",
             "import sqlite3, sys, time\n"
             "db = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
             "db.execute('BEGIN IMMEDIATE')\n"
             "print('locked', flush=True)\n"
             "time.sleep(30)\n",
             str(self.data() / "unknot.db")], stdout=subprocess.PIPE, text=True)
        try:
            self.assertEqual(holder.stdout.readline().strip(), "locked")
            began = time.monotonic()
            r = self.run_unknot("history", "--json")
            took = time.monotonic() - began
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertLess(took, 2.0)
            self.assertEqual(len(json.loads(r.stdout)["check_ins"]), 1)
        finally:
            holder.kill()
            holder.wait()
            holder.stdout.close()

    def test_a_damaged_database_is_an_error_naming_the_file(self):
        self.assertEqual(self.run_unknot("check-in", "knee", "none", "3").returncode, 0)
        subprocess.run(["python3", "-c", "import sqlite3, sys; sqlite3.connect(sys.argv[1]).execute('DROP TABLE sessions')",
                        str(self.data() / "unknot.db")], check=True)
        r = self.run_unknot("history", "--json")
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn("unknot.db: the table sessions is missing", r.stderr)
        self.assertIn("move it aside", r.stderr)

    def test_areas_and_notes_with_controls_or_bidi_overrides_are_refused_with_exit_2(self):
        for area, note in [("he\u202eel", ""), ("knee\u0085", ""), ("heel", "bell\x07"), ("heel", "\u202ereversed"),
                           ("heel", "esc\x1b[2J")]:
            r = self.run_unknot("check-in", area, "left", "3", "--note", note)
            self.assertEqual(r.returncode, 2, (area, note, r.stderr))
            self.assertIn("nothing recorded", r.stderr)
            for bad in ("\x1b", "\x07", "\u202e", "\u0085"):
                self.assertNotIn(bad, r.stderr + r.stdout)
        self.assertEqual(self.history_json()["check_ins"], [])

    def test_since_filters_and_a_bad_date_is_exit_2(self):
        self.assertEqual(self.run_unknot("check-in", "knee", "none", "3").returncode, 0)
        self.assertEqual(len(self.history_json("--since", "2000-01-01")["check_ins"]), 1)
        self.assertEqual(self.history_json("--since", "2999-01-01")["check_ins"], [])
        r = self.run_unknot("history", "--since", "last tuesday")
        self.assertEqual(r.returncode, 2)
        self.assertIn("is not a date like", r.stderr)
        self.assertEqual(self.run_unknot("history", "--json", "--csv").returncode, 2)


class ProgramCliTest(CliCase):
    """unknot program, today, ran, import, and check on program files."""

    def today(self):
        r = self.run_unknot("today", "--json")
        self.assertEqual(r.returncode, 0, r.stderr)
        return json.loads(r.stdout)

    def db_files(self):
        return sorted(p.name for p in (Path(self.env["XDG_DATA_HOME"]) / "unknot").glob("*")) \
            if (Path(self.env["XDG_DATA_HOME"]) / "unknot").exists() else []

    def test_program_list_json_names_weeks_and_sources(self):
        r = self.run_unknot("program", "list", "--json")
        self.assertEqual(r.returncode, 0, r.stderr)
        programs = {p["id"]: p for p in json.loads(r.stdout)["programs"]}
        self.assertEqual(programs["plantar-fasciitis-12-weeks"]["weeks"], 12)
        self.assertEqual(programs["runners-knee-6-weeks"]["weeks"], 6)
        for p in programs.values():
            self.assertTrue(p["valid"], p["errors"])
            self.assertTrue(p["sources"], p["id"])
            for s in p["sources"]:
                self.assertTrue({"title", "authors", "year", "supports"} <= s.keys(), s)
                self.assertTrue("doi" in s or "url" in s, s)
        rathleff = programs["plantar-fasciitis-12-weeks"]["sources"][0]
        self.assertEqual((rathleff["year"], rathleff["doi"]), (2015, "10.1111/sms.12313"))

    def test_check_reports_every_program_mistake_at_its_place(self):
        r = self.run_unknot("check", str(FIXTURES / "programs" / "mistakes.toml"))
        self.assertEqual(r.returncode, 1)
        path = str(FIXTURES / "programs" / "mistakes.toml")
        lines = r.stderr.splitlines()
        for expected in (f"{path}:2:1: error: unknown key `sumary` in a program; did you mean `summary`?",
                         f"{path}:7:27: error: `after_weeks` is 4, longer than the stage's 3 weeks",
                         f"{path}:8:22: error: `rise` is a number of points from 0.5 to 10",
                         f"{path}:11:8: error: no routine 'glute-release-bal'; did you mean 'glute-release-ball'?",
                         f"{path}:12:10: error: unknown `when` \"after_runs\"; did you mean \"after_run\"?",
                         f"{path}:14:3: error: say when this routine is due"):
            self.assertTrue(any(line.startswith(expected) for line in lines), f"{expected}\n{r.stderr}")
        self.assertIn("1 of 1 program has problems", r.stderr)
        good = self.run_unknot("check", str(FIXTURES / "programs" / "heel.unknot.toml"), str(FIXTURES / "good" / "short.toml"))
        self.assertEqual(good.returncode, 0, good.stderr)
        self.assertIn("2 files checked, no problems", good.stdout)

    def test_today_without_a_program(self):
        self.assertEqual(self.today(), {"date": self.today()["date"], "program": None, "due": [], "decision": None})

    def test_start_shows_what_is_due_and_a_run_brings_the_after_run_routine(self):
        r = self.run_unknot("program", "start", "plantar-fasciitis-12-weeks")
        self.assertEqual(r.returncode, 0, r.stderr)
        t = self.today()
        self.assertEqual(t["program"], {"id": "plantar-fasciitis-12-weeks", "stage": 1, "week": 1})
        # The first day of every-other-day heel raises: due, not done; no run yet, so no golf ball.
        self.assertEqual(t["due"], [{"routine": "heel-raises-12x3", "done": False}])
        self.assertIsNone(t["decision"])
        r = self.run_unknot("ran")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual([d["routine"] for d in self.today()["due"]], ["heel-raises-12x3", "frozen-golf-ball-foot"])
        show = json.loads(self.run_unknot("program", "show", "--json").stdout)
        self.assertEqual(show["running"]["stage"], 1)
        self.assertEqual(len(show["stages"]), 3)
        self.assertEqual(show["stages"][0]["routines"][0], {"id": "heel-raises-12x3", "when": "every_days", "every_days": 2})
        r = self.run_unknot("program", "stop")
        self.assertIn("stopped", r.stdout)
        self.assertIsNone(self.today()["program"])

    def test_the_first_program_asks_for_something_on_its_first_day(self):
        first = json.loads(self.run_unknot("program", "list", "--json").stdout)["programs"][0]["id"]
        self.assertEqual(self.run_unknot("program", "start", first).returncode, 0)
        due = self.today()["due"]
        self.assertTrue(any(not d["done"] for d in due), due)

    def test_a_week_ago_start_makes_a_decision_with_its_reason(self):
        import datetime
        start = (datetime.date.today() - datetime.timedelta(days=14)).isoformat()
        self.assertEqual(self.run_unknot("program", "start", "runners-knee-6-weeks", "--on", start).returncode, 0)
        t = self.today()
        self.assertEqual(t["program"]["week"], 3)
        self.assertEqual(t["decision"]["action"], "stay")
        self.assertIn("no check-ins this week", t["decision"]["reason"])
        decisions = json.loads(self.run_unknot("program", "show", "--json").stdout)["decisions"]
        self.assertEqual([d["week"] for d in decisions], [1, 2])

    def test_mistakes_exit_2_and_change_nothing(self):
        for args in (("program", "start", "plantar-fasciitis"), ("program", "start", "runners-knee-6-weeks", "--on", "2026-02-30"),
                     ("program", "start", "runners-knee-6-weeks", "--on", "2999-01-01"), ("ran", "yesterday"), ("ran", "2999-01-01")):
            with self.subTest(args=args):
                r = self.run_unknot(*args)
                self.assertEqual(r.returncode, 2, r.stdout + r.stderr)
                self.assertIn("error", r.stderr)
        self.assertIn("did you mean 'plantar-fasciitis-12-weeks'", self.run_unknot("program", "start", "plantar-fasciitis").stderr)
        self.assertEqual(self.db_files(), [])  # no database was even created
        self.assertIsNone(self.today()["program"])

    def test_import_copies_good_files_and_refuses_bad_ones(self):
        r = self.run_unknot("import", str(FIXTURES / "programs" / "heel.unknot.toml"), str(FIXTURES / "good" / "short.toml"))
        self.assertEqual(r.returncode, 0, r.stderr)
        data = Path(self.env["XDG_DATA_HOME"]) / "unknot"
        self.assertEqual((data / "programs" / "heel.toml").read_text(), (FIXTURES / "programs" / "heel.unknot.toml").read_text())
        self.assertTrue((data / "routines" / "short.toml").exists())
        ids = [p["id"] for p in json.loads(self.run_unknot("program", "list", "--json").stdout)["programs"]]
        self.assertIn("heel", ids)
        bad = self.run_unknot("import", str(FIXTURES / "programs" / "mistakes.toml"), str(FIXTURES / "bad" / "syntax.toml"))
        self.assertEqual(bad.returncode, 1)
        self.assertIn("mistakes.toml:11:8: error: no routine 'glute-release-bal'", bad.stderr)
        self.assertIn("2 of 2 files refused", bad.stderr)
        self.assertFalse((data / "programs" / "mistakes.toml").exists())
        self.assertFalse((data / "routines" / "syntax.toml").exists())


class RemindCliTest(CliCase):
    """unknot remind: nothing due, bad times, no user session, and a timer systemd accepts."""

    def test_remind_with_nothing_due_exits_0(self):
        r = self.run_unknot("remind", "--wait", "0")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("no program is running", r.stdout)

    def test_a_bad_time_exits_2_before_anything_else(self):
        for at in ("25:99", "20.30", "8pm", "24:00", ""):
            with self.subTest(at=at):
                r = self.run_unknot("remind", "--at", at)
                self.assertEqual(r.returncode, 2, r.stdout + r.stderr)
                self.assertIn("is not a time like 20:30", r.stderr)

    def test_no_user_session_exits_1_and_writes_nothing(self):
        self.env.pop("DBUS_SESSION_BUS_ADDRESS", None)
        self.env["XDG_RUNTIME_DIR"] = str(Path(self.home.name) / "no-runtime")
        r = self.run_unknot("remind", "--at", "20:30")
        self.assertEqual(r.returncode, 1, r.stdout + r.stderr)
        self.assertIn("no systemd user session", r.stderr)
        self.assertFalse((Path(self.env["XDG_CONFIG_HOME"]) / "systemd").exists())

    @unittest.skipUnless(shutil.which("systemd-analyze"), "no systemd-analyze")
    def test_the_timer_is_one_systemd_accepts(self):
        units = Path(self.home.name) / "units"
        r = self.run_unknot("remind", "--at", "7:05", "--units-dir", str(units))
        self.assertEqual(r.returncode, 0, r.stderr)
        timer = (units / "unknot-remind.timer").read_text()
        self.assertIn("OnCalendar=*-*-* 07:05:00", timer)
        self.assertIn("remind", (units / "unknot-remind.service").read_text())
        v = subprocess.run(["systemd-analyze", "verify", str(units / "unknot-remind.timer")],
                           capture_output=True, text=True, timeout=60)
        self.assertEqual(v.returncode, 0, v.stdout + v.stderr)


class HostileFilesTest(CliCase):
    """Files from strangers (issue 12) through the real binary: a clear error, a bounded
    output and an untouched terminal."""

    def test_terminal_escapes_in_names_keys_and_paths_are_shown_escaped(self):
        folder = self.user_routines()
        valid = '[[step]]\nkind = "hold"\nduration = 30\n'
        (folder / "\x1b]0;owned\x07.toml").write_text('name = "Fine"\n' + valid)
        (folder / "evil.toml").write_text('name = "\\u001b]0;owned\\u0007\\u001b[2J"\n'
                                          '"\\u001b[31mkey" = 1\n' + valid)
        for args in (["list"], ["check", str(folder / "evil.toml")], ["plan", "evil"]):
            r = subprocess.run([BIN, *args], capture_output=True, env=self.env, timeout=60)
            self.assertNotIn(b"\x1b", r.stdout + r.stderr, args)
            self.assertNotIn(b"\x07", r.stdout + r.stderr, args)
        r = self.run_unknot("list")
        self.assertIn("\\x1b]0;owned\\x07", r.stdout)
        self.assertIn("unknown key `\\x1b[31mkey`", r.stdout)
        self.assertIn("`name` holds a control character (\\x1b)", r.stdout)

    def test_c1_and_bidi_controls_in_names_and_labels_are_refused_at_their_place_and_emoji_kept(self):
        folder = self.user_routines()
        (folder / "bidi.toml").write_text('name = "Calf \\u202Eraises"\n[[step]]\nkind = "hold"\nduration = 30\n'
                                          'label = "left \\u009b31m"\n')
        (folder / "feet.toml").write_text('name = "Mollets \U0001F9B6"\n[[step]]\nkind = "hold"\nduration = 30\n'
                                          'label = "\u0633\u0627\u0642 \U0001F3C3"\n', encoding="utf-8")
        r = subprocess.run([BIN, "check", str(folder / "bidi.toml")], capture_output=True, env=self.env, timeout=60)
        self.assertEqual(r.returncode, 1)
        err = r.stdout.decode() + r.stderr.decode()
        self.assertIn("bidi.toml:1:8: error: `name` holds a bidi control (\\u202e), which reorders text", err)
        self.assertIn("bidi.toml:5:9: error: `label` holds a control character (\\u009b)", err)
        for args in (["list"], ["list", "--json"], ["check", str(folder / "bidi.toml")], ["plan", "bidi"]):
            r = subprocess.run([BIN, *args], capture_output=True, env=self.env, timeout=60)
            for raw in ("\u202e", "\u009b"):
                self.assertNotIn(raw.encode(), r.stdout + r.stderr, args)
        # What the rule lets through is kept exactly as typed.
        r = self.run_unknot("plan", "feet", "--json")
        self.assertEqual(r.returncode, 0, r.stderr)
        plan = json.loads(r.stdout)
        self.assertEqual(plan["routine"]["name"], "Mollets \U0001F9B6")
        self.assertEqual(plan["phases"][0]["label"], "\u0633\u0627\u0642 \U0001F3C3")

    def test_a_deeply_nested_file_is_an_error_and_the_library_still_lists(self):
        folder = self.user_routines()
        (folder / "deep.toml").write_text('name = "D"\ntags = [ { ' + ".".join(["a"] * 150_000) + " = 1 } ]\n")
        r = self.run_unknot("check", str(folder / "deep.toml"))
        self.assertEqual(r.returncode, 1)
        self.assertRegex(r.stderr, r"deep\.toml:2:\d+: error: .*more than 64 levels")
        r = self.run_unknot("list", "--json")
        self.assertEqual(r.returncode, 0, r.stderr)
        ids = {e["id"]: e["valid"] for e in json.loads(r.stdout)["routines"]}
        self.assertFalse(ids["deep"])
        self.assertTrue(ids["calf-active-release-rope"])

    def test_plan_json_of_the_widest_routine_is_bounded(self):
        # 10,000 phases with the longest label and cue the byte bound lets through (a label the
        # voice says in 100 different rounds within the bound of what it may say).
        text = ('name = "Wide"\n[[step]]\nrepeat = 100\n[[step.step]]\nrepeat = 100\n[[step.step.step]]\n'
                f'kind = "hold"\nduration = 1\nlabel = "{"l" * 100}"\ncue = "{"c" * 100}"\n')
        path = Path(self.home.name) / "wide.toml"
        path.write_text(text)
        r = self.run_unknot("plan", "--json", str(path))
        self.assertEqual(r.returncode, 0, r.stderr)
        plan = json.loads(r.stdout)
        self.assertEqual(len(plan["phases"]), 10_000)
        self.assertLess(len(r.stdout), 8 << 20)
        # A 20,000-character label under the same repeats is refused, naming the limit.
        path.write_text(text.replace("l" * 100, "x" * 20_000))
        r = self.run_unknot("plan", "--json", str(path))
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.stdout, "")
        self.assertIn("`label` is too long (20000 bytes; at most 200)", r.stderr)
