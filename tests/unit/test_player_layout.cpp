#include "screens/player/finished_layout.hpp"
#include "screens/player/player_layout.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace unknot;
using namespace unknot::ui;

namespace {
// Proportional text like Inter's: capitals 0.73 of the size, lines 1.21, letters 0.6 wide.
class FakeMeasure final : public TextMeasure {
  public:
    [[nodiscard]] float width(Face face, float px, std::string_view text) const override {
        float n = 0;
        for (char c : text)
            if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) n += 1; // one per code point
        return n * px * (face == Face::Capitals ? 0.72f : 0.6f);
    }
    [[nodiscard]] float capTop(Face, float px) const override { return 0.24f * px; }
    [[nodiscard]] float capHeight(Face, float px) const override { return 0.727f * px; }
    [[nodiscard]] float lineHeight(Face, float px) const override { return 1.21f * px; }
};

PlayerText sample(Side side, std::string label) {
    PlayerText t;
    t.side = side;
    t.kind = "RELEASE";
    t.clock = "12:30";
    t.label = std::move(label);
    t.cue = "Half strength, breathe out slowly and keep the shoulders down.";
    t.info = "Round 2 of 5 \xC2\xB7 12:30 left \xC2\xB7 5/19";
    t.next = "Next: Release \xC2\xB7 Let go (right) \xC2\xB7 0:06";
    t.name = "Post-run: calves, hamstrings and hips";
    return t;
}

bool inside(const Rect& r, float w, float h) { return r.x >= 0 && r.y >= 0 && r.right() <= w && r.bottom() <= h; }
} // namespace

TEST_CASE("at 1366 x 768 the side, the label and Next are as big as the issue asks") {
    const FakeMeasure m;
    for (Side side : {Side::Left, Side::Right}) {
        const PlayerLayout L = layOutPlayer(sample(side, "Calf raise"), 1366, 768, 1.0f, m);
        CHECK(L.side.cap >= 90);
        CHECK(L.label.cap >= 46);
        CHECK(L.next.cap >= 30);
        CHECK(L.countdown.cap > L.side.cap); // the time left comes first
        // The side's tag and band sit on its own side of the window.
        CHECK((side == Side::Left ? L.side.box.x < 683 && L.band.x == 0 : L.side.box.right() > 683 && L.band.x > 683));
    }
    PlayerText t = sample(Side::Left, "Calf raise");
    t.next = "Next: Release \xC2\xB7 0:10";
    const float before = layOutPlayer(t, 1366, 768, 1.0f, m).next.cap;
    t.nextGrowth = 1;
    CHECK(layOutPlayer(t, 1366, 768, 1.0f, m).next.cap > before * 1.3f);
}

namespace {
std::string joined(const TextBox& box) {
    std::string all;
    for (const TextLine& line : box.lines) all += (all.empty() ? "" : " ") + line.text;
    return all;
}
} // namespace

TEST_CASE("Next grows to 44 px at 1366 x 768 and is shortened or wrapped, never cut") {
    const FakeMeasure m;
    for (Side side : {Side::None, Side::Left, Side::Right}) {
        PlayerText t = sample(side, "Calf raise");
        t.nextShort = "Next: Let go (right) \xC2\xB7 0:06";
        t.nextGrowth = 1;
        const PlayerLayout L = layOutPlayer(t, 1366, 768, 1.0f, m);
        CHECK(L.next.cap >= 44);
        // Too wide at that size in full: the short form, whole, with its time.
        CHECK(joined(L.next) == t.nextShort);
        // A label too long for one line even short: wrapped into two lines, the time kept.
        t.next = "Next: Release \xC2\xB7 Let go of the rope and breathe out slowly (right) \xC2\xB7 0:06";
        t.nextShort = "Next: Let go of the rope and breathe out slowly (right) \xC2\xB7 0:06";
        const PlayerLayout wrapped = layOutPlayer(t, 1366, 768, 1.0f, m);
        CHECK(wrapped.next.lines.size() == 2);
        CHECK(joined(wrapped.next) == t.nextShort);
        CHECK(wrapped.next.cap >= 40);
    }
}

TEST_CASE("text size 2 makes the words bigger and never shrinks the digits") {
    const FakeMeasure m;
    for (auto [w, h] : {std::pair{1366.0f, 768.0f}, {1920.0f, 1080.0f}, {2560.0f, 1440.0f}, {3840.0f, 2160.0f}})
        for (Side side : {Side::None, Side::Left, Side::Right})
            for (const std::string clock : {"0:05", "12:30"}) {
                CAPTURE(w);
                CAPTURE(side);
                CAPTURE(clock);
                PlayerText t = sample(side, "Calf raise");
                t.cue = "Half strength.";
                t.clock = clock;
                t.nextShort = "Next: Let go (right) \xC2\xB7 0:06";
                const PlayerLayout one = layOutPlayer(t, w, h, 1.0f, m), two = layOutPlayer(t, w, h, 2.0f, m);
                const std::string laidOut = describe(one) + "\n" + describe(two);
                CAPTURE(laidOut);
                CHECK(two.countdown.cap >= one.countdown.cap - 0.01f);
                CHECK(two.label.cap > one.label.cap * 1.15f);
                CHECK(two.info.cap > one.info.cap * 1.15f);
                CHECK(two.next.cap > one.next.cap * 1.15f);
                CHECK(one.info.cap >= 0.035f * h); // the round and the time left: 27 px at 768
            }
    // Where even text size 1 is tight, text size 2 shrinks nothing.
    const PlayerText t = sample(Side::Left, "Calf raise");
    const PlayerLayout one = layOutPlayer(t, 640, 400, 1.0f, m), two = layOutPlayer(t, 640, 400, 2.0f, m);
    CHECK(two.countdown.cap >= one.countdown.cap - 0.01f);
    CHECK(two.label.cap >= one.label.cap - 0.01f);
}

TEST_CASE("nothing overlaps or leaves the window from 640 x 400 to 3840 x 2160 at any text size") {
    const FakeMeasure m;
    const std::string longLabel(260, 'w');
    std::string longWords;
    while (longWords.size() < 260) longWords += "stretch \xF0\x9F\x92\xAA ";
    for (auto [w, h] : {std::pair{640.0f, 400.0f},
                        {800.0f, 600.0f},
                        {1366.0f, 768.0f},
                        {1920.0f, 1080.0f},
                        {3840.0f, 2160.0f},
                        {400.0f, 800.0f}})
        for (float scale : {0.75f, 1.0f, 2.0f})
            for (Side side : {Side::None, Side::Left, Side::Right})
                for (const std::string& label : {std::string("Calf raise"), longLabel, longWords})
                    for (bool manual : {false, true}) {
                        CAPTURE(w);
                        CAPTURE(h);
                        CAPTURE(scale);
                        CAPTURE(label.size());
                        PlayerText t = sample(side, label);
                        t.name = longWords;
                        if (manual) t.clock.clear();
                        t.nextGrowth = 1;
                        const PlayerLayout L = layOutPlayer(t, w, h, scale, m);
                        const auto boxes = namedBoxes(L);
                        const std::string laidOut = describe(L);
                        CAPTURE(laidOut);
                        for (std::size_t i = 0; i < boxes.size(); ++i) {
                            const std::string name = boxes[i].name;
                            CAPTURE(name);
                            CHECK(inside(boxes[i].box, w, h));
                            if (boxes[i].text)
                                for (const TextLine& line : boxes[i].text->lines)
                                    CHECK(m.width(boxes[i].text->face, boxes[i].text->px, line.text) <= w);
                            for (std::size_t k = i + 1; k < boxes.size(); ++k) {
                                const std::string other = boxes[k].name;
                                CAPTURE(other);
                                CHECK_FALSE(boxes[i].box.overlaps(boxes[k].box));
                            }
                        }
                        CHECK(L.label.lines.size() <= 2);
                    }
}

TEST_CASE("a long text is cut between code points and ends in an ellipsis") {
    const FakeMeasure m;
    std::string text;
    for (int i = 0; i < 40; ++i) text += "\xF0\x9F\x92\xAA\xC3\xA9";
    const std::string cut = ellipsize(m, Face::Text, 10, text, 100);
    CHECK(m.width(Face::Text, 10, cut) <= 100);
    REQUIRE(cut.size() >= 3);
    CHECK(cut.substr(cut.size() - 3) == "\xE2\x80\xA6");
    // Everything before the ellipsis is whole code points of the original.
    CHECK(text.compare(0, cut.size() - 3, cut, 0, cut.size() - 3) == 0);
    const std::size_t kept = cut.size() - 3;
    CHECK((kept % 6 == 0 || kept % 6 == 4));
    CHECK(ellipsize(m, Face::Text, 10, "short", 100) == "short");
}

TEST_CASE("paused puts one huge word across the window") {
    const FakeMeasure m;
    PlayerText t = sample(Side::Right, "Calf raise");
    CHECK(layOutPlayer(t, 1366, 768, 1.0f, m).pausedWord.empty());
    t.paused = true;
    const PlayerLayout L = layOutPlayer(t, 1366, 768, 1.0f, m);
    CHECK(L.pausedWord.cap > L.side.cap);
    CHECK(inside(L.pausedWord.box, 1366, 768));
    CHECK(inside(L.pausedHint.box, 1366, 768));
    CHECK_FALSE(L.pausedWord.box.overlaps(L.pausedHint.box));
}

namespace {
constexpr std::pair<float, float> kSizes[] = {{640, 400},   {800, 600},   {1366, 768},
                                              {1920, 1080}, {3840, 2160}, {400, 800}};
constexpr const char* kLeave = "Leave this routine? Press Esc again to go to the library, Space to stay";

bool within(const Rect& inner, const Rect& outer) {
    return inner.x >= outer.x - 0.01f && inner.y >= outer.y - 0.01f && inner.right() <= outer.right() + 0.01f &&
           inner.bottom() <= outer.bottom() + 0.01f;
}
} // namespace

TEST_CASE("the exit question sits under the time left, whole, at any window and text size") {
    const FakeMeasure m;
    for (auto [w, h] : kSizes)
        for (float scale : {0.75f, 1.0f, 2.0f})
            for (bool manual : {false, true})
                for (bool paused : {false, true}) {
                    CAPTURE(w);
                    CAPTURE(h);
                    CAPTURE(scale);
                    CAPTURE(manual);
                    PlayerText t = sample(Side::Left, "Calf raise");
                    if (manual) t.clock.clear();
                    t.paused = paused;
                    t.question = kLeave;
                    const PlayerLayout L = layOutPlayer(t, w, h, scale, m);
                    REQUIRE_FALSE(L.question.empty());
                    CHECK(inside(L.questionBand, w, h));
                    CHECK(within(L.question.box, L.questionBand));
                    CHECK_FALSE(L.questionBand.overlaps(L.countdown.box)); // the time left stays readable
                    CHECK(L.question.lines.size() <= kQuestionLines);
                    std::string all;
                    for (const TextLine& line : L.question.lines) {
                        CHECK(m.width(Face::Text, L.question.px, line.text) <= w);
                        all += (all.empty() ? "" : " ") + line.text;
                    }
                    CHECK(all == kLeave); // nothing cut
                    // The rest of the layout is the same with or without the question.
                    t.question.clear();
                    const auto boxesOnly = [](std::string d) { return d.substr(0, d.find(" cut=")); };
                    CHECK(boxesOnly(describe(layOutPlayer(t, w, h, scale, m))) + " question-band" ==
                          describe(L).substr(0, describe(L).find(" question-band")) + " question-band");
                }
    // Text size 2 makes it bigger where there is room.
    PlayerText t = sample(Side::Right, "Calf raise");
    t.question = kLeave;
    CHECK(layOutPlayer(t, 1920, 1080, 2.0f, m).question.px > layOutPlayer(t, 1920, 1080, 1.0f, m).question.px * 1.5f);
    CHECK(layOutPlayer(t, 1366, 768, 1.0f, m).question.cap >= 30);
}

TEST_CASE("the finished screen: nothing overlaps or leaves the window at any window and text size") {
    const FakeMeasure m;
    std::string longName;
    while (longName.size() < 260) longName += "calves \xF0\x9F\x92\xAA ";
    for (auto [w, h] : kSizes)
        for (float scale : {0.75f, 1.0f, 2.0f})
            for (const std::string& name : {std::string("Post-run"), longName, std::string(260, 'w')}) {
                CAPTURE(w);
                CAPTURE(h);
                CAPTURE(scale);
                CAPTURE(name.size());
                const FinishedText t{"Well done", name,
                                     "12 of 19 phases played (7 skipped) \xC2\xB7 4 min 30 s of activity",
                                     "Time taken: 12:34 (pauses included)"};
                const FinishedLayout L = layOutFinished(t, w, h, scale, m);
                const auto boxes = namedBoxes(L);
                CHECK(boxes.size() == 5);
                for (std::size_t i = 0; i < boxes.size(); ++i) {
                    CAPTURE(boxes[i].name);
                    CHECK(inside(boxes[i].box, w, h));
                    if (boxes[i].text) {
                        CHECK(boxes[i].text->lines.size() <= 2);
                        for (const TextLine& line : boxes[i].text->lines)
                            CHECK(m.width(Face::Text, boxes[i].text->px, line.text) <= w);
                    }
                    for (std::size_t k = i + 1; k < boxes.size(); ++k) {
                        CAPTURE(boxes[k].name);
                        CHECK_FALSE(boxes[i].box.overlaps(boxes[k].box));
                    }
                }
            }
}

TEST_CASE("the finished screen reads from the mat and scales with the text size") {
    const FakeMeasure m;
    const FinishedText t{"Well done", "Post-run: calves", "19 of 19 phases played \xC2\xB7 9 min of activity",
                         "Time taken: 10:02 (pauses included)"};
    const FinishedLayout L = layOutFinished(t, 1366, 768, 1.0f, m);
    CHECK(L.fit == doctest::Approx(1.0f));
    CHECK(L.title.cap >= 46);
    CHECK(L.title.cap > L.name.cap);
    CHECK(L.name.cap > L.played.cap);
    CHECK(L.buttons.h >= 48);
    const FinishedLayout big = layOutFinished(t, 1920, 1080, 2.0f, m);
    CHECK(big.title.cap > layOutFinished(t, 1920, 1080, 1.0f, m).title.cap * 1.5f);
    CHECK(big.buttonPx > layOutFinished(t, 1920, 1080, 1.0f, m).buttonPx * 1.5f);
}
