"""Layer 3: the player read from two metres. The app reports in test mode where it put each
part of the player and how tall its capitals are ("test layout ... side=x,y,w,h,cap ...", then
"cut=..." naming any text cut with an ellipsis); these tests hold those figures to the issues'
(at 1366x768: the side 90 px, the label 46 px, the round/time line 27 px, "Next" 30 px growing
to 44 px and never cut; text size 2 makes the words bigger and leaves the digits their size) and
check that no two texts overlap and none leaves the window, at 640x400, 1366x768, 1920x1080,
2560x1440 and 3840x2160 at text size 1 and 2; the exit question over the player and the finished
screen likewise ("test finished-layout ...")."""
import re
import unittest

from harness import App, FIXTURES, SHOTS_DIR, Xvfb
from test_player import kind_colours

LAYOUT = r"test layout scale=(?P<scale>[\d.]+) w=(?P<w>\d+) h=(?P<h>\d+) fit=[\d.]+(?P<boxes>.*)"
FINISHED = r"test finished-layout scale=(?P<scale>[\d.]+) w=(?P<w>\d+) h=(?P<h>\d+) fit=[\d.]+(?P<boxes>.*)"
OVERLAYS = {"paused", "paused-hint", "question", "question-band"}  # drawn over the player on purpose


def parse_boxes(text):
    """{name: (x, y, w, h, cap)} from a layout line's boxes."""
    return {m.group(1): tuple(float(v) for v in m.group(2).split(","))
            for m in re.finditer(r" ([\w-]+)=([-\d.,]+)", text)}


def overlaps(a, b):
    ax, ay, aw, ah = a[:4]
    bx, by, bw, bh = b[:4]
    return aw > 0 and ah > 0 and bw > 0 and bh > 0 and ax < bx + bw and bx < ax + aw and ay < by + bh and by < ay + ah


def settings(width, height, scale):
    return (f"font_scale = {scale}\n[window]\nx = 0\ny = 0\nwidth = {width}\nheight = {height}\n"
            "maximized = false\nfullscreen = false\n")


class PlayerLayoutTest(unittest.TestCase):
    def start_sided(self, width, height, scale):
        """The sides fixture at this size and text size, on its first sided phase (tense, left)."""
        x = Xvfb(width, height)
        self.addCleanup(x.stop)
        app = App(x.display, ["run", str(FIXTURES / "good" / "sides-and-rests.toml")],
                  settings=settings(width, height, scale))
        self.addCleanup(app.stop)
        app.wait_for(r"phase index=0 kind=prepare", timeout=60)
        n = app.line_count()
        app.keys("Right")
        app.wait_for(r"phase index=1 kind=tense", timeout=60, after=n)
        m, _ = app.wait_for(LAYOUT, timeout=60, after=n,
                            accept=lambda m: int(m.group("w")) == width and int(m.group("h")) == height
                            and " side=" in m.group("boxes"))
        return app, m

    def check_boxes(self, boxes, width, height, line):
        """Every box inside the window and no two overlapping."""
        for name, (x, y, w, h, _) in boxes.items():
            self.assertTrue(x >= 0 and y >= 0 and x + w <= width + 0.5 and y + h <= height + 0.5,
                            f"{name} leaves the {width}x{height} window: {boxes[name]}\n{line}")
        names = sorted(boxes)
        for i, a in enumerate(names):
            for b in names[i + 1:]:
                self.assertFalse(overlaps(boxes[a], boxes[b]), f"{a} {boxes[a]} overlaps {b} {boxes[b]}\n{line}")

    def check_no_overlap(self, width, height, scale):
        """Nothing overlaps, leaves the window or is cut, while "Next" grows over the phase's last
        5 s too; returns the layout's boxes at the phase's start and grown."""
        app, m = self.start_sided(width, height, scale)
        self.assertEqual(float(m.group("scale")), scale)
        boxes = {k: v for k, v in parse_boxes(m.group("boxes")).items() if k not in OVERLAYS}
        for name in ("side", "kind", "countdown", "label", "next", "info", "name", "buttons"):
            self.assertIn(name, boxes, m.group(0))
        self.check_boxes(boxes, width, height, m.group(0))
        self.assertNotIn(" cut=", m.group(0))
        n = app.line_count()
        app.screenshot(SHOTS_DIR / f"layout-{width}x{height}-{scale}.png")
        # Every frame of the phase, "Next" grown to its full size included, until the next phase.
        _, end = app.wait_for(r"phase index=2 ", timeout=60, after=n)
        frames = [g for g in (re.search(LAYOUT, line) for line in app.lines[n:end]) if g and " side=" in g.group(0)]
        self.assertTrue(frames, app.log)
        for g in frames:
            self.assertNotIn(" cut=", g.group(0))
            self.check_boxes({k: v for k, v in parse_boxes(g.group("boxes")).items() if k not in OVERLAYS}, width,
                             height, g.group(0))
        grown = max((parse_boxes(g.group("boxes")) for g in frames), key=lambda b: b["next"][4])
        self.assertIsNone(app.proc.poll(), app.log)
        return boxes, grown

    def check_question_and_finished(self, width, height, scale):
        """Esc asks before leaving, in a band under the digits that keeps them in view, and the
        finished screen at the end of the routine fits the window too."""
        x = Xvfb(width, height)
        self.addCleanup(x.stop)
        app = App(x.display, ["run", str(FIXTURES / "good" / "short.toml")], settings=settings(width, height, scale))
        self.addCleanup(app.stop)
        app.wait_for(r"phase index=0 kind=prepare", timeout=60)
        n = app.line_count()
        app.keys("Escape")
        app.wait_for(r"exit asked", after=n, timeout=30)
        m, _ = app.wait_for(LAYOUT, timeout=30, after=n, accept=lambda g: " question=" in g.group("boxes"))
        self.assertEqual((int(m.group("w")), int(m.group("h")), float(m.group("scale"))), (width, height, scale))
        boxes = parse_boxes(m.group("boxes"))
        question, band = boxes["question"], boxes["question-band"]
        self.check_boxes({"question-band": band, "countdown": boxes["countdown"]}, width, height, m.group(0))
        qx, qy, qw, qh, _ = question
        bx, by, bw, bh, _ = band
        self.assertTrue(bx <= qx and by <= qy and qx + qw <= bx + bw + 0.5 and qy + qh <= by + bh + 0.5,
                        f"the question {question} leaves its band {band}")
        app.screenshot(SHOTS_DIR / f"question-{width}x{height}-{scale}.png")
        n = app.line_count()
        for _ in range(4):  # skip every phase to the end (the first Right also answers "stay")
            app.keys("Right")
        app.wait_for(r"finished active_ms=", after=n, timeout=30)
        m, _ = app.wait_for(FINISHED, timeout=30, after=n)
        self.assertEqual((int(m.group("w")), int(m.group("h")), float(m.group("scale"))), (width, height, scale))
        boxes = parse_boxes(m.group("boxes"))
        self.assertEqual(sorted(boxes), ["buttons", "name", "played", "taken", "title"], m.group(0))
        self.check_boxes(boxes, width, height, m.group(0))
        app.screenshot(SHOTS_DIR / f"finished-{width}x{height}-{scale}.png")
        self.assertIsNone(app.proc.poll(), app.log)

    def test_1366x768_the_side_label_and_next_read_from_two_metres(self):
        app, m = self.start_sided(1366, 768, 1.0)
        boxes = parse_boxes(m.group("boxes"))
        self.assertGreaterEqual(boxes["side"][4], 90, m.group(0))
        self.assertGreaterEqual(boxes["label"][4], 46, m.group(0))
        self.assertGreaterEqual(boxes["next"][4], 30, m.group(0))
        self.assertGreater(boxes["countdown"][4], boxes["side"][4], "the time left comes first")
        self.assertLess(boxes["side"][0] + boxes["side"][2] / 2, 683, "LEFT sits on the left")
        # "Next" grows over the phase's last 5 s (this phase lasts 5 s).
        app.wait_for(LAYOUT, timeout=30, accept=lambda g: parse_boxes(g.group("boxes"))["next"][4] > 38)
        # Paused: the whole screen changes, not only the digits.
        tense = kind_colours()["tense"]
        n = app.line_count()
        app.keys("space")
        app.wait_for(r"command toggle-pause .* state=paused", after=n, timeout=30)
        p, _ = app.wait_for(LAYOUT, after=n, timeout=30, accept=lambda g: " paused=" in g.group("boxes"))
        self.assertGreaterEqual(parse_boxes(p.group("boxes"))["paused"][4], 120, p.group(0))
        app.wait_for_screen(lambda s: s.fraction_near(tense, tolerance=20, step=16) < 0.05, timeout=30,
                            png_path=SHOTS_DIR / "layout-paused-1366x768.png")

    def test_1366x768_text_size_2_makes_the_words_bigger_and_keeps_the_digits(self):
        one, one_grown = self.check_no_overlap(1366, 768, 1.0)
        two, two_grown = self.check_no_overlap(1366, 768, 2.0)
        self.assertGreaterEqual(one_grown["next"][4], 44, "README: Next grows to 44 px")
        self.assertGreaterEqual(one["info"][4], 27, "the round and the time left, from two metres")
        self.assertGreaterEqual(two["countdown"][4], one["countdown"][4] - 0.5, "the digits keep their size")
        self.assertGreaterEqual(two["side"][4], one["side"][4] - 0.5, "the side keeps its size")
        for part in ("label", "cue", "info", "next"):
            self.assertGreater(two[part][4], one[part][4] * 1.2, f"text size 2: {part} {one[part]} -> {two[part]}")
        self.assertGreater(two_grown["next"][4], one_grown["next"][4] * 1.2)

    def test_640x400_text_size_1(self):
        self.check_no_overlap(640, 400, 1.0)

    def test_640x400_text_size_2(self):
        one, _ = self.check_no_overlap(640, 400, 1.0)
        two, _ = self.check_no_overlap(640, 400, 2.0)
        self.assertGreaterEqual(two["countdown"][4], one["countdown"][4] - 0.5, "the digits keep their size")
        self.assertGreater(two["label"][4], one["label"][4], "text size 2 makes the words bigger")

    def test_640x400_text_size_2_question_and_finished(self):
        self.check_question_and_finished(640, 400, 2.0)

    def test_1366x768_text_size_1_question_and_finished(self):
        self.check_question_and_finished(1366, 768, 1.0)

    def test_1920x1080_text_size_1_and_2(self):
        one, _ = self.check_no_overlap(1920, 1080, 1.0)
        two, _ = self.check_no_overlap(1920, 1080, 2.0)
        self.assertGreaterEqual(two["countdown"][4], one["countdown"][4] - 0.5)
        self.assertGreater(two["next"][4], one["next"][4] * 1.2)

    def test_2560x1440_text_size_1_and_2(self):
        one, _ = self.check_no_overlap(2560, 1440, 1.0)
        two, _ = self.check_no_overlap(2560, 1440, 2.0)
        self.assertGreaterEqual(two["countdown"][4], one["countdown"][4] - 0.5)
        self.assertGreater(two["next"][4], one["next"][4] * 1.2)

    def test_3840x2160_text_size_1_and_2(self):
        one, _ = self.check_no_overlap(3840, 2160, 1.0)
        two, _ = self.check_no_overlap(3840, 2160, 2.0)
        self.assertGreaterEqual(two["countdown"][4], one["countdown"][4] - 0.5)
        self.assertGreater(two["next"][4], one["next"][4] * 1.2)


if __name__ == "__main__":
    unittest.main()
