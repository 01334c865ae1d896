"""The command line in every shipped language (run by CTest): the built-in routines' names,
the voice's phrases, --help, and diagnostics that keep `path:line:column: `."""
import json
import os
import re
import subprocess
import tempfile
import unittest
from pathlib import Path

BIN = os.environ["UNKNOT_BIN"]
FIXTURES = Path(os.environ["UNKNOT_FIXTURES"])
ROUTINES = Path(__file__).resolve().parents[2] / "routines"
LANGUAGES = ["de", "fr", "es", "it", "nl", "pt_BR"]
# Each language's locale name as LANG would give it, and words its --help must hold.
LOCALES = {"de": "de_DE", "fr": "fr_FR", "es": "es_ES", "it": "it_IT", "nl": "nl_NL", "pt_BR": "pt_BR"}
HELP_WORDS = {"de": "Optionen", "fr": "Options", "es": "Opciones", "it": "Opzioni", "nl": "Opties", "pt_BR": "Opções"}


class LanguageTest(unittest.TestCase):
    def setUp(self):
        self.home = tempfile.TemporaryDirectory()
        self.env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")}
        self.env["XDG_DATA_HOME"] = str(Path(self.home.name) / "data")
        self.env["XDG_CONFIG_HOME"] = str(Path(self.home.name) / "config")

    def tearDown(self):
        self.home.cleanup()

    def run_unknot(self, *args, cwd=None, **env):
        return subprocess.run([BIN, *args], capture_output=True, text=True, env={**self.env, **env}, cwd=cwd,
                              timeout=120)

    def names(self, **env):
        r = self.run_unknot("list", "--json", **env)
        self.assertEqual(r.returncode, 0, r.stderr)
        return {x["id"]: x["name"] for x in json.loads(r.stdout)["routines"] if x["source"] == "built-in"}

    def write_settings(self, text):
        folder = Path(self.env["XDG_CONFIG_HOME"]) / "unknot"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "settings.toml").write_text(text)

    def test_built_in_names_are_translated_in_every_language(self):
        english = self.names()
        self.assertEqual(len(english), len(list(ROUTINES.glob("*.toml"))))
        for lang in LANGUAGES:
            with self.subTest(lang=lang):
                names = self.names(LANGUAGE=lang, LANG=LOCALES[lang] + ".UTF-8")
                differ = [i for i in english if names[i] != english[i]]
                # The issue asks for 6 of the 8 it had; a name may read alike (a loanword).
                self.assertGreaterEqual(len(differ), len(english) - 2, names)

    def test_lang_alone_chooses_the_language(self):
        # No LANGUAGE: LANG decides, whether or not the machine has that locale installed.
        self.assertEqual(self.names(LANG="de_DE.UTF-8")["frozen-golf-ball-foot"], "Gefrorener Golfball: Plantarfaszie")
        self.assertEqual(self.names(LC_ALL="fr_FR.UTF-8", LANG="de_DE.UTF-8")["frozen-golf-ball-foot"],
                         "Balle de golf glacée : fascia plantaire")

    def test_a_user_routine_stays_as_written(self):
        folder = Path(self.env["XDG_DATA_HOME"]) / "unknot" / "routines"
        folder.mkdir(parents=True)
        (folder / "mine.toml").write_text('name = "Calf"\n[[step]]\nkind = "hold"\nduration = "30s"\nlabel = "Calf"\n')
        r = self.run_unknot("list", "--json", LANGUAGE="de")
        mine = [x for x in json.loads(r.stdout)["routines"] if x["id"] == "mine"][0]
        self.assertEqual(mine["name"], "Calf")
        plan = json.loads(self.run_unknot("plan", "mine", "--json", LANGUAGE="de").stdout)
        self.assertEqual(plan["phases"][0]["label"], "Calf")

    def test_french_plan_says_french(self):
        r = self.run_unknot("plan", "post-run-complete", "--json", LANGUAGE="fr")
        self.assertEqual(r.returncode, 0, r.stderr)
        said = [c["text"] for c in json.loads(r.stdout)["cues"] if c["type"] == "say"]
        text = " ".join(said + [c.get("full_text", "") for c in json.loads(r.stdout)["cues"]]).lower()
        if not said:
            self.skipTest("no voice: espeak-ng is not installed (" + r.stderr.strip() + ")")
        self.assertIn("gauche", text)
        self.assertIn("droit", text)
        self.assertIn("secondes", text)
        self.assertNotIn("left", text)
        self.assertNotIn("halfway", text)
        self.assertNotIn("next:", text)
        self.assertNotIn("press play", text)

    def test_without_espeak_the_plan_has_cues_only_and_says_why_once(self):
        r = self.run_unknot("plan", "post-run-complete", "--json", LANGUAGE="de", UNKNOT_ESPEAK="/nonexistent/espeak")
        self.assertEqual(r.returncode, 0, r.stderr)
        cues = json.loads(r.stdout)["cues"]
        self.assertFalse([c for c in cues if c["type"] == "say"])
        self.assertTrue([c for c in cues if c["type"] != "say"])
        self.assertEqual(r.stderr.count("espeak-ng"), 2, r.stderr)  # one sentence, told once
        # English keeps Flite: espeak-ng is not needed.
        r = self.run_unknot("plan", "post-run-complete", "--json", LANGUAGE="en", UNKNOT_ESPEAK="/nonexistent/espeak")
        self.assertTrue([c for c in json.loads(r.stdout)["cues"] if c["type"] == "say"])

    def test_the_setting_wins_over_the_environment(self):
        self.write_settings('language = "it"\n')
        self.assertEqual(self.names(LANGUAGE="de", LC_ALL="de_DE.UTF-8", LANG="de_DE.UTF-8")["pre-run-activation"],
                         "Attivazione pre-corsa")
        r = self.run_unknot("--help", LANGUAGE="de")
        self.assertIn("Opzioni", r.stdout)
        self.write_settings('language = "en"\n')
        self.assertEqual(self.names(LANGUAGE="de")["pre-run-activation"], "Pre-run activation")
        # A language that is not shipped is a notice elsewhere; here the environment decides.
        self.write_settings('language = "xx"\n')
        self.assertEqual(self.names(LANGUAGE="nl")["pre-run-activation"], "Activatie voor het lopen")

    def test_help_in_every_language(self):
        for lang in LANGUAGES:
            with self.subTest(lang=lang):
                r = self.run_unknot("--help", LANGUAGE=lang)
                self.assertEqual(r.returncode, 0)
                self.assertIn(HELP_WORDS[lang], r.stdout)
                self.assertNotIn("Print JSON instead of a table", self.run_unknot("list", "--help", LANGUAGE=lang).stdout)

    def diagnostics(self, folder, name, **env):
        """(`path:line:column: error: `, the message after it) of each error line of `unknot check`."""
        r = self.run_unknot("check", name, cwd=folder, **env)
        self.assertEqual(r.returncode, 1, r.stderr)
        out = []
        for line in r.stderr.splitlines():
            if line.startswith(name + ":"):
                m = re.match(r"^(" + re.escape(name) + r":\d+:\d+: error: )(.+)$", line)
                self.assertIsNotNone(m, line)
                out.append((m.group(1), m.group(2)))
        self.assertTrue(out, r.stderr)
        return out

    def test_diagnostics_keep_path_line_column_in_every_language(self):
        # The place and "error:" exactly as in English (editors and scripts find it by them), the
        # message after it in the language: every one of a routine's and a program's errors.
        for folder, name in ((FIXTURES / "bad", "many-mistakes.toml"), (FIXTURES / "programs", "mistakes.toml")):
            english = self.diagnostics(folder, name)
            for lang in LANGUAGES:
                with self.subTest(file=name, lang=lang):
                    got = self.diagnostics(folder, name, LANGUAGE=lang)
                    self.assertEqual([where for where, _ in got], [where for where, _ in english])
                    for (_, theirs), (_, ours) in zip(got, english):
                        self.assertNotEqual(theirs, ours)

    def test_a_diagnostic_in_german_and_french_keeps_the_file_s_words(self):
        got = dict(self.diagnostics(FIXTURES / "bad", "many-mistakes.toml", LANGUAGE="de"))
        self.assertEqual(got["many-mistakes.toml:6:1: error: "],
                         "unbekannter Schlüssel `duraton` in einem Schritt; meinten Sie `duration`?")
        got = dict(self.diagnostics(FIXTURES / "programs", "mistakes.toml", LANGUAGE="fr"))
        self.assertEqual(got["mistakes.toml:12:10: error: "], '`when` inconnu "after_runs" ; vouliez-vous dire "after_run" ?')

    def test_unknown_routine_error_is_translated(self):
        r = self.run_unknot("plan", "no-such-routine", LANGUAGE="es")
        self.assertEqual(r.returncode, 2)
        self.assertIn("no hay ninguna rutina «no-such-routine»", r.stderr)


if __name__ == "__main__":
    unittest.main()
