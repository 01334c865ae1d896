#pragma once
// Which input events can reach Dear ImGui in one frame. ImGui 1.86 (Debian 12) keeps one
// state per key and per mouse button per frame and has no input queue: a key pressed and
// released before a frame is never seen, and typed text is read before the keys of the
// same frame. The platform layer asks this gate before it hands an event over and keeps
// the first one that would conflict, with everything after it, for the next frames.
// ImGui 1.87+ queues input itself, but the app turns its trickling off and uses this gate with
// every version, so a frame reads exactly what it took. Plain data: no SDL, no ImGui.

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
    // Key only: a modifier that makes keys commands (Ctrl, the left Alt, Super) is held once
    // this key has gone down or up.
    bool commandHeld = false;
};

// Typed text reaches the fields only while no command modifier is held. Alt+S and Alt+K are the
// editor's; under X11 without an input method SDL sends no text for them, but an input method
// (IBus, fcitx) or a Wayland compositor may send the letter as text too, and Dear ImGui would
// type it into the field that has the keys ("45s" became "45ssk"). The modifiers are those of
// the last key event before the text, in the order the events came, so a held-back key counts
// where it was pressed. The right Alt is AltGr on many layouts and types (€, @): it never blocks.
class TypingGuard {
  public:
    // Sees every event handed on, in order.
    void saw(const InputTouch& touch) {
        if (touch.kind == InputTouch::Kind::Key) commandHeld_ = touch.commandHeld;
    }
    // False for typed text while a command modifier is held: it goes to no field.
    [[nodiscard]] bool types(const InputTouch& touch) const {
        return touch.kind != InputTouch::Kind::Text || !commandHeld_;
    }

  private:
    bool commandHeld_ = false;
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
