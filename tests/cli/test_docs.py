"""Layer 2: the manual page and the bash completion agree with the real binary's --help."""
import os
import re
import subprocess
import tempfile
import unittest
from pathlib import Path

BIN = os.environ["UNKNOT_BIN"]
SOURCE = Path(__file__).resolve().parents[2]
MAN_PAGE = SOURCE / "docs" / "unknot.1"
COMPLETION = SOURCE / "assets" / "completion" / "unknot"
BASH_COMPLETION = Path("/usr/share/bash-completion/bash_completion")


def help_text(*args):
    r = subprocess.run([BIN, *args, "--help"], capture_output=True, text=True, timeout=30)
    assert r.returncode == 0, r.stderr
    return r.stdout


def commands():
    section = help_text().split("Subcommands:")[1]
    return re.findall(r"^\s+([a-z-]+)\s", section, re.M)


def options(*args):
    return set(re.findall(r"(?<![\w-])(--[a-z][a-z-]*)", help_text(*args).split("Options:")[1]))


class ManPageTest(unittest.TestCase):
    def setUp(self):
        # The page as man shows it: troff's escaped hyphens read as plain ones.
        self.page = MAN_PAGE.read_text().replace("\\-", "-")

    def test_names_every_command_and_option_of_the_help(self):
        names = commands()
        self.assertGreaterEqual(len(names), 5, names)
        for command in names:
            with self.subTest(command=command):
                self.assertRegex(self.page, rf"\.BI? \"?{command}\b", f"no entry for '{command}'")
                for option in options(command):
                    self.assertIn(option, self.page, f"'{command} {option}' is not in the man page")
        for option in options():
            self.assertIn(option, self.page)

    def test_has_the_sections_a_reader_looks_for(self):
        for section in ("NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "EXIT STATUS", "FILES", "ENVIRONMENT",
                        "EXAMPLES"):
            self.assertIn(f".SH {section}", self.page)
        for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "settings.toml", "UNKNOT_DATA_DIR"):
            self.assertIn(name, self.page)

    def test_version_matches_the_binary(self):
        version = subprocess.run([BIN, "--version"], capture_output=True, text=True).stdout.split()[-1]
        self.assertIn(f'"unknot {version}"', self.page)


@unittest.skipUnless(BASH_COMPLETION.exists(), "bash-completion is not installed")
class CompletionTest(unittest.TestCase):
    def complete(self, line):
        """What bash offers for the last word of `line`, as a user pressing Tab would get."""
        with tempfile.TemporaryDirectory() as home:
            bindir = Path(home) / "bin"
            bindir.mkdir()
            (bindir / "unknot").symlink_to(os.path.abspath(BIN))
            script = f"""
                source {BASH_COMPLETION}
                source {COMPLETION}
                COMP_LINE={line!r}
                read -ra COMP_WORDS <<< "$COMP_LINE"
                [[ $COMP_LINE == *' ' ]] && COMP_WORDS+=("")
                COMP_CWORD=$((${{#COMP_WORDS[@]}} - 1))
                COMP_POINT=${{#COMP_LINE}}
                _unknot unknot "${{COMP_WORDS[COMP_CWORD]}}" "${{COMP_WORDS[COMP_CWORD-1]}}"
                printf '%s\\n' "${{COMPREPLY[@]}}"
            """
            env = dict(os.environ, PATH=f"{bindir}:{os.environ['PATH']}", XDG_DATA_HOME=f"{home}/data",
                       XDG_CONFIG_HOME=f"{home}/config")
            r = subprocess.run(["bash", "-c", script], capture_output=True, text=True, env=env, timeout=30)
            self.assertEqual(r.returncode, 0, r.stderr)
            return sorted(filter(None, r.stdout.splitlines()))

    def test_commands(self):
        self.assertEqual(self.complete("unknot "), sorted(commands()))
        self.assertEqual(self.complete("unknot pl"), ["plan"])

    def test_routine_ids_after_run(self):
        ids = subprocess.run([BIN, "list", "--ids"], capture_output=True, text=True).stdout.split()
        self.assertIn("post-run-complete", ids)
        self.assertEqual(self.complete("unknot run post-run-c"), ["post-run-complete"])
        self.assertEqual(self.complete("unknot plan "), sorted(ids))

    def test_options_of_each_command(self):
        for command in commands():
            with self.subTest(command=command):
                offered = set(self.complete(f"unknot {command} --"))
                self.assertEqual(offered, {o for o in options(command)}, command)


if __name__ == "__main__":
    unittest.main()
