#pragma once
// Which input events can reach Dear ImGui in one frame. ImGui 1.86 (Debian 12) keeps one
// state per key and per mouse button per frame and has no input queue: a key pressed and
// released before a frame is never seen, and typed text is read before the keys of the
// same frame. The platform layer asks this gate before it hands an event over and keeps
// the first one that would conflict, with everything after it, for the next frames.
// ImGui 1.87+ queues input itself and needs none of this. Plain data: no SDL, no ImGui.

#include <vector>

namespace unknot::ui {

// What an input event is to the gate.
struct InputTouch {
    enum class Kind {
        Other,       // window, quit, audio, mouse motion and wheel: never conflict
        Key,         // a key going down or up; code: its scancode
        Text,        // typed text
        MouseButton, // a button going down or up; code: the button
    };
    Kind kind = Kind::Other;
    int code = 0;
};

class FrameInputGate {
  public:
    // True when `touch` would undo or reorder what this frame already took: a second
    // transition of the same key or button, a key after typed text, text after a key.
    [[nodiscard]] bool conflicts(const InputTouch& touch) const;
    // Takes `touch` into this frame unless it conflicts; false (and nothing taken) if it does.
    bool admit(const InputTouch& touch);
    // A frame read everything taken so far.
    void nextFrame();
    [[nodiscard]] bool empty() const { return keys_.empty() && buttons_.empty() && !text_; }

  private:
    std::vector<int> keys_;    // scancodes that changed this frame
    std::vector<int> buttons_; // mouse buttons that changed this frame
    bool text_ = false;        // text was typed this frame
};

} // namespace unknot::ui
