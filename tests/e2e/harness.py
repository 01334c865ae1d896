"""End-to-end harness: a real X server (Xvfb, Mesa's software GL), the real app, keys sent
with xdotool, screenshots taken with ImageMagick, and the app's --verbose event log read back.

Dear ImGui 1.86 keeps one state per key per frame, so the harness sends one key transition at
a time and waits until the app reports (UNKNOT_TEST_MODE=1: a "test frame=N … keys=K" line per
frame) a frame that has read it. Every wait is on a condition with a deadline: a log line, a
frame, the app's own clock, a colour on screen. None is a bare sleep."""
import json
import os
import re
import shutil
import subprocess
import tempfile
import threading
import time
import unittest
from pathlib import Path

BIN = os.environ.get("UNKNOT_BIN", "build/debug/bin/unknot")
FIXTURES = Path(os.environ.get("UNKNOT_FIXTURES", Path(__file__).resolve().parents[1] / "fixtures"))
SHOTS_DIR = Path(os.environ.get("UNKNOT_SHOTS", "/tmp/unknot-e2e-shots"))
SHOTS_DIR.mkdir(parents=True, exist_ok=True)


TEST_LINE = re.compile(r"unknot: test (?:wake|frame)=\d+ t_ms=(?P<t>\d+)")
# A form's field that has the keys, as the app reports it when it changes (before that frame's line).
FOCUS_LINE = re.compile(r"unknot: test focus=(\S*)$")
# Keys that need Shift on a US layout: pressed as the chord they are, so each transition is one.
SHIFTED = {"plus": "shift+equal", "question": "shift+slash", "colon": "shift+semicolon",
           "underscore": "shift+minus"}
# F13-F24 on the evdev layout Xvfb uses: type_unicode binds characters the US layout lacks to them.
SPARE_KEYCODES = list(range(191, 203))
KEYSYMS = {" ": "space", ".": "period", ",": "comma", "-": "minus", ":": "colon", "/": "slash", "_": "underscore",
           "+": "plus", "?": "question"}


def end_process(proc, timeout=5):
    """Asks a helper process (X server, app, bus, compositor) to end, and kills it if it has
    not within `timeout` seconds: a stuck one never hangs the test's clean-up."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


class Xvfb:
    """An X server of our own on a free display number."""

    def __init__(self, width=1280, height=800, extra=()):
        """`extra`: more arguments for Xvfb. It never resets, so resources set with xrdb stay."""
        read_fd, write_fd = os.pipe()
        self.proc = subprocess.Popen(
            # -r: no autorepeat. On a loaded machine a key can stay down longer than the repeat
            # delay between two xdotool calls, and a repeated Tab skips a field. -noreset: when the
            # app quits (Ctrl+Q) it is the last client, and a server resetting then refuses the
            # xdotool that lifts the key ("Can't open display").
            ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp",
             "+extension", "GLX", "-r", "-noreset", *extra],
            pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(write_fd)
        with os.fdopen(read_fd) as f:
            number = f.readline().strip()
        if not number:
            raise RuntimeError("Xvfb did not start")
        self.display = ":" + number

    def set_resources(self, text):
        """Sets X resources as a desktop does ("Xft.dpi: 192")."""
        subprocess.run(["xrdb", "-nocpp", "-merge"], input=text, text=True, check=True,
                       env={**os.environ, "DISPLAY": self.display})
        out = subprocess.run(["xrdb", "-query"], capture_output=True, text=True, check=True,
                             env={**os.environ, "DISPLAY": self.display}).stdout
        for line in text.splitlines():
            name = line.split(":", 1)[0].strip()
            if name and name not in out:
                raise RuntimeError(f"the X server did not keep the resource {name}: {out!r}")

    def stop(self):
        end_process(self.proc)


class App:
    """The unknot binary running in a window, its stderr collected line by line."""

    def __init__(self, display, args, env_extra=None, home=None, settings=None):
        self.home = home or tempfile.mkdtemp(prefix="unknot-e2e-")
        if settings is not None:
            path = Path(self.home) / "config" / "unknot" / "settings.toml"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(settings)
        env = dict(os.environ)
        env.update({
            "DISPLAY": display or "",
            "XDG_CONFIG_HOME": str(Path(self.home) / "config"),
            "XDG_DATA_HOME": str(Path(self.home) / "data"),
            "LIBGL_ALWAYS_SOFTWARE": "1",
            "SDL_AUDIODRIVER": env.get("SDL_AUDIODRIVER", "dummy"),
            "UNKNOT_TEST_MODE": "1",
            # Off the user's session bus: a test app is nobody's media player (test_remote.py
            # starts a bus of its own).
            "DBUS_SESSION_BUS_ADDRESS": "unix:path=/nonexistent/unknot-e2e-bus",
        })
        if display is None:
            env.pop("DISPLAY", None)
        env.update(env_extra or {})
        self.env = env
        self.display = display
        self.lines = []
        self.cond = threading.Condition()
        self.keys_sent = 0  # key transitions sent; the app counts those it gave to a frame
        self.buttons_sent = 0  # mouse button transitions, likewise
        self.bound = {}  # characters bound to a spare key (type_unicode), by character
        self.focused = False
        self.proc = subprocess.Popen([BIN, "--verbose", *args], env=env, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.PIPE, text=True)
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        for line in self.proc.stderr:
            with self.cond:
                self.lines.append(line.rstrip("\n"))
                self.cond.notify_all()

    @property
    def log(self):
        with self.cond:
            return "\n".join(self.lines)

    def wait_for(self, pattern, timeout=20, after=0, accept=None):
        """Waits for a log line matching `pattern` (and `accept(match)`, when given) among
        lines[after:]; returns (match, index)."""
        regex = re.compile(pattern)
        deadline = time.monotonic() + timeout
        with self.cond:
            while True:
                for i in range(after, len(self.lines)):
                    m = regex.search(self.lines[i])
                    if m and (accept is None or accept(m)):
                        return m, i
                remaining = deadline - time.monotonic()
                if remaining <= 0 or (self.proc.poll() is not None and not self.reader.is_alive()):
                    raise AssertionError(f"no log line matches {pattern!r}; log so far:\n" + self._readable_log())
                self.cond.wait(min(remaining, 0.2))

    def _readable_log(self):
        """The log without the per-frame test lines, but for the last few."""
        tests = [i for i, l in enumerate(self.lines) if TEST_LINE.search(l)]
        keep = set(tests[-5:])
        return "\n".join(l for i, l in enumerate(self.lines) if i in keep or not TEST_LINE.search(l))

    def line_count(self):
        with self.cond:
            return len(self.lines)

    def window_id(self, timeout=10):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            r = subprocess.run(["xdotool", "search", "--name", "^Unknot"], env=self.env, capture_output=True,
                               text=True)
            ids = r.stdout.split()
            if ids:
                return ids[0]
            time.sleep(0.1)
        raise AssertionError("no Unknot window")

    def app_time(self):
        """The app's clock (ms) in its latest test line, or None before the first."""
        with self.cond:
            for line in reversed(self.lines):
                m = TEST_LINE.search(line)
                if m:
                    return int(m.group("t"))
        return None

    def wait_app_time(self, ms, timeout=20):
        """Waits until the app reports a wake or frame at or after `ms` on its clock: time passes in
        the app, which wakes at least every 2 s, whatever the load on the machine."""
        self.wait_for(r"test (wake|frame)=\d+ t_ms=(\d+)", timeout=timeout,
                      accept=lambda m: int(m.group(2)) >= ms)

    def frames_between(self, t0, t1):
        """Frames the app drew with t0 < t_ms <= t1 on its clock."""
        with self.cond:
            times = [int(m.group(1)) for m in (re.search(r"test frame=\d+ t_ms=(\d+)", l) for l in self.lines) if m]
        return [t for t in times if t0 < t <= t1]

    def _focus(self):
        if self.focused:
            return
        wid = self.window_id()
        subprocess.run(["xdotool", "windowfocus", "--sync", wid], env=self.env, check=False, capture_output=True)
        self.focused = True

    def _transition(self, action, keysym, timeout=20):
        """Sends one key transition and waits for a frame that has read it (or for the app to exit)."""
        n = self.line_count()
        subprocess.run(["xdotool", action, keysym], env=self.env, check=True)
        self.keys_sent += 1
        want = self.keys_sent
        try:
            self.wait_for(r"test frame=\d+ t_ms=\d+ keys=(\d+)", timeout=timeout, after=n,
                          accept=lambda m: int(m.group(1)) >= want)
        except AssertionError:
            if self.proc.poll() is None:
                raise
        # Exactly what was sent: more would be a key the server repeated, which types twice.
        with self.cond:
            for line in reversed(self.lines):
                m = re.search(r"test frame=\d+ t_ms=\d+ keys=(\d+)", line)
                if m:
                    if int(m.group(1)) > want:
                        raise AssertionError(f"the app read {m.group(1)} key transitions, {want} were sent")
                    break

    def keys(self, *keys):
        """Presses each chord ("space", "ctrl+a"): modifiers down, the key down and up, modifiers
        up, one transition per frame."""
        self._focus()
        for chord in keys:
            parts = SHIFTED.get(chord, chord).split("+")
            for k in parts:
                self._transition("keydown", k)
            for k in reversed(parts):
                self._transition("keyup", k)

    def type_unicode(self, text):
        """Types any text, emoji included, key by key, one transition per frame. A character the US
        layout lacks is first bound, with xmodmap, to a key of its own among F13-F24 (keys SDL knows,
        so each press counts as one, and nobody types): `xdotool type` would bind a spare key only
        for the moment, and a loaded app that reads the press after xdotool unbinds it types nothing."""
        for ch in text:
            if " " <= ch <= "~":
                self.type_text(ch)
                continue
            keysym = f"U{ord(ch):04X}"
            if ch not in self.bound:
                if len(self.bound) == len(SPARE_KEYCODES):
                    raise ValueError("no spare key left for " + repr(ch))
                keycode = SPARE_KEYCODES[len(self.bound)]
                subprocess.run(["xmodmap", "-e", f"keycode {keycode} = {keysym}"], env=self.env, check=True)
                self.bound[ch] = keycode
            self.keys(keysym)

    def click(self, x, y):
        """Clicks the left button at (x, y) in the window; waits for a frame that has read the release."""
        self._focus()
        n = self.line_count()
        subprocess.run(["xdotool", "mousemove", "--window", self.window_id(), str(x), str(y), "click", "1"],
                       env=self.env, check=True)
        self.buttons_sent += 2
        want = self.buttons_sent
        self.wait_for(r"test frame=\d+ t_ms=\d+ keys=\d+ text=\d+ buttons=(\d+)", after=n,
                      accept=lambda m: int(m.group(1)) >= want)

    def imgui_version(self):
        """Dear ImGui's IMGUI_VERSION_NUM, as the app logs it with its window (18600: 1.86)."""
        m, _ = self.wait_for(r"window video=\S+ imgui=(\d+)")
        return int(m.group(1))

    def field_with_keys(self):
        """The form field the app last reported as having the keys ("" for none or an unnamed
        part), or None before any report."""
        with self.cond:
            for line in reversed(self.lines):
                m = FOCUS_LINE.search(line)
                if m:
                    return m.group(1)
        return None

    def tab_to(self, field, limit=30):
        """Presses Tab until the app reports `field` as having the keys. How many presses that
        takes is the app's and Dear ImGui's business (1.86 visits only text fields, 1.89+ every
        item): the test waits on the field, never counts. The frame that reads a Tab's release
        comes after the one that moves the focus and reports it, so the report is up to date
        when keys() returns."""
        for _ in range(limit):
            if self.field_with_keys() == field:
                return
            self.keys("Tab")
        if self.field_with_keys() != field:
            raise AssertionError(f"{limit} Tabs never reached {field!r}; the last field reported: {self.field_with_keys()!r}")

    def key_down(self, key):
        self._focus()
        self._transition("keydown", key)

    def key_up(self, key):
        self._transition("keyup", key)

    def type_text(self, text):
        """Types plain ASCII text, key by key, one transition per frame."""
        for ch in text:
            self.keys(KEYSYMS.get(ch, ch) if not ch.isupper() else "shift+" + ch.lower())

    def geometry(self):
        wid = self.window_id()
        out = subprocess.run(["xdotool", "getwindowgeometry", "--shell", wid], env=self.env, capture_output=True,
                             text=True, check=True).stdout
        values = dict(line.split("=", 1) for line in out.split())
        return int(values["X"]), int(values["Y"]), int(values["WIDTH"]), int(values["HEIGHT"])

    def wait_for_screen(self, condition, timeout=20, png_path=None):
        """Takes screenshots until `condition(image)` holds; returns that image (saved as PNG when a
        path is given). Fails with the last one's figures at the deadline."""
        deadline = time.monotonic() + timeout
        while True:
            shot = self.screenshot()
            if condition(shot):
                if png_path:
                    shot.save(png_path)
                return shot
            if time.monotonic() > deadline or self.proc.poll() is not None:
                raise AssertionError(f"the screen never showed what was expected; {shot.distinct_colours()} colours")

    def screenshot(self, png_path=None):
        """The window as an Image; also saved as PNG when a path is given."""
        x, y, w, h = self.geometry()
        raw = subprocess.run(["import", "-silent", "-window", "root", "-crop", f"{w}x{h}+{x}+{y}", "-depth", "8",
                              "rgb:-"], env=self.env, capture_output=True, check=True).stdout
        if png_path:
            subprocess.run(["import", "-silent", "-window", "root", "-crop", f"{w}x{h}+{x}+{y}", str(png_path)],
                           env=self.env, check=True)
        return Image(w, h, raw)

    def history(self):
        """The history the app recorded, as `unknot history --json` prints it (same XDG folders)."""
        r = subprocess.run([BIN, "history", "--json"], env=self.env, capture_output=True, text=True, timeout=30)
        assert r.returncode == 0, r.stderr
        return json.loads(r.stdout)

    def wait_exit(self, timeout=30):
        code = self.proc.wait(timeout=timeout)
        self.reader.join(timeout=5)
        return code

    def stop(self):
        end_process(self.proc)
        self.reader.join(timeout=5)
        self.proc.stderr.close()
        shutil.rmtree(self.home, ignore_errors=True)


class WindowTest(unittest.TestCase):
    """Tests that share one X server and start the app in it."""

    @classmethod
    def setUpClass(cls):
        cls.x = Xvfb()

    @classmethod
    def tearDownClass(cls):
        cls.x.stop()

    def start(self, *args, **kw):
        app = App(self.x.display, list(args), **kw)
        self.addCleanup(app.stop)
        return app


class Image:
    def __init__(self, width, height, raw):
        assert len(raw) == width * height * 3, (len(raw), width, height)
        self.width, self.height, self.raw = width, height, raw

    def save(self, png_path):
        subprocess.run(["convert", "-size", f"{self.width}x{self.height}", "-depth", "8", "rgb:-", str(png_path)],
                       input=self.raw, check=True)

    def pixel(self, x, y):
        i = (y * self.width + x) * 3
        return tuple(self.raw[i:i + 3])

    def fraction_near(self, rgb, tolerance=12, step=4):
        """Share of (sampled) pixels within `tolerance` of `rgb`."""
        hits = total = 0
        for y in range(0, self.height, step):
            for x in range(0, self.width, step):
                p = self.pixel(x, y)
                total += 1
                if all(abs(a - b) <= tolerance for a, b in zip(p, rgb)):
                    hits += 1
        return hits / total

    def distinct_colours(self, step=8):
        return len({self.pixel(x, y) for y in range(0, self.height, step) for x in range(0, self.width, step)})

    def tallest_ink_run(self, ink, y0, y1, tolerance=40):
        """The tallest run of consecutive rows between y0 and y1 that hold `ink` pixels."""
        best = run = 0
        for y in range(y0, y1):
            has = any(all(abs(a - b) <= tolerance for a, b in zip(self.pixel(x, y), ink))
                      for x in range(0, self.width, 2))
            run = run + 1 if has else 0
            best = max(best, run)
        return best


def hex_rgb(text):
    return tuple(int(text[i:i + 2], 16) for i in (0, 2, 4))

