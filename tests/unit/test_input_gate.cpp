#include "ui/input_gate.hpp"

#include <doctest/doctest.h>

#include <vector>

using namespace unknot::ui;

namespace {

using Kind = InputTouch::Kind;
constexpr int kCtrl = 224; // SDL_SCANCODE_LCTRL
constexpr int kA = 4;      // SDL_SCANCODE_A
constexpr int kTab = 43;   // SDL_SCANCODE_TAB

InputTouch key(int code) { return {Kind::Key, code}; }
InputTouch text() { return {Kind::Text, 0}; }
InputTouch button(int b) { return {Kind::MouseButton, b}; }
InputTouch other() { return {Kind::Other, 0}; }

// What the platform does with a queue: each frame takes events until the first conflict.
std::vector<std::vector<int>> framesFor(const std::vector<InputTouch>& queue) {
    std::vector<std::vector<int>> frames;
    FrameInputGate gate;
    std::size_t next = 0;
    while (next < queue.size()) {
        gate.nextFrame();
        frames.emplace_back();
        while (next < queue.size() && gate.admit(queue[next])) frames.back().push_back(static_cast<int>(next++));
    }
    return frames;
}

} // namespace

TEST_CASE("a key pressed and released before a frame is split over two frames") {
    FrameInputGate gate;
    CHECK(gate.admit(key(kA)));
    CHECK(gate.conflicts(key(kA)));
    CHECK_FALSE(gate.admit(key(kA)));
    CHECK(gate.admit(key(kCtrl))); // another key is fine
    gate.nextFrame();
    CHECK(gate.empty());
    CHECK(gate.admit(key(kA)));
}

TEST_CASE("typed text and keys never share a frame") {
    FrameInputGate gate;
    CHECK(gate.admit(text()));
    CHECK(gate.admit(text())); // more text keeps its order inside the frame
    CHECK(gate.conflicts(key(kTab)));
    gate.nextFrame();
    CHECK(gate.admit(key(kTab)));
    CHECK(gate.conflicts(text()));
}

TEST_CASE("a second transition of a mouse button waits, while motion, window and quit never do") {
    FrameInputGate gate;
    CHECK(gate.admit(button(1)));
    CHECK(gate.conflicts(button(1)));
    CHECK(gate.admit(button(3)));
    CHECK(gate.admit(key(kA)));
    CHECK(gate.admit(other()));
    CHECK_FALSE(gate.conflicts(other()));
    CHECK(gate.conflicts(button(1)));
}

TEST_CASE("Ctrl+A then typing: every event once, in order, none lost to a frame") {
    // Ctrl down, A down, A up, Ctrl up, then "Ca" typed (key down, text, key up each).
    const std::vector<InputTouch> queue{key(kCtrl), key(kA), key(kA), key(kCtrl), key(6),
                                        text(),     key(6),  key(kA), text(),     key(kA)};
    const auto frames = framesFor(queue);
    // ctrl+A down | A up, ctrl up, C down | "C" | C up, A down | "a" | A up
    const std::vector<std::vector<int>> expected{{0, 1}, {2, 3, 4}, {5}, {6, 7}, {8}, {9}};
    CHECK(frames == expected);
}

namespace {
InputTouch keyWith(int code, bool commandHeld) { return {Kind::Key, code, commandHeld}; }

// The texts of `queue` that reach the fields, by index, through the gate's frames in order.
std::vector<int> typedTexts(const std::vector<InputTouch>& queue) {
    std::vector<int> typed;
    TypingGuard guard;
    for (const auto& frame : framesFor(queue))
        for (int i : frame) {
            guard.saw(queue[static_cast<std::size_t>(i)]);
            if (queue[static_cast<std::size_t>(i)].kind == Kind::Text &&
                guard.types(queue[static_cast<std::size_t>(i)]))
                typed.push_back(i);
        }
    return typed;
}
} // namespace

TEST_CASE("text typed while Alt or Ctrl or Super is held reaches no field and before and after it types") {
    constexpr int kLAlt = 226, kS = 22, kK = 14;
    // "5", then Alt down, S down, "s" (an input method's), S up, K down, "k", K up, Alt up, then "6".
    const std::vector<InputTouch> queue{
        keyWith(kA, false),    text(),                     // 0, 1: "5" typed
        keyWith(kA, false),                                // 2
        keyWith(kLAlt, true),                              // 3: Alt down
        keyWith(kS, true),     text(),                     // 4, 5: Alt+S and its letter as text
        keyWith(kS, true),                                 // 6
        keyWith(kK, true),     text(),                     // 7, 8: Alt+K and its letter
        keyWith(kK, true),                                 // 9
        keyWith(kLAlt, false),                             // 10: Alt up
        keyWith(kA, false),    text(), keyWith(kA, false), // 11-13: "6" typed
    };
    CHECK(typedTexts(queue) == std::vector<int>{1, 12});
    // Text that comes before the key it belongs to, with nothing held, types as ever.
    CHECK(typedTexts({text(), keyWith(kA, false)}) == std::vector<int>{0});
    // The right Alt (AltGr: €, @) is no command modifier: the platform never marks it held.
    CHECK(typedTexts({keyWith(230, false), keyWith(kA, false), text()}) == std::vector<int>{2});
}
