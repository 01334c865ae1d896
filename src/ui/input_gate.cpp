#include "ui/input_gate.hpp"

#include <algorithm>

namespace unknot::ui {

namespace {

bool contains(const std::vector<int>& codes, int code) {
    return std::find(codes.begin(), codes.end(), code) != codes.end();
}

} // namespace

bool FrameInputGate::conflicts(const InputTouch& touch) const {
    switch (touch.kind) {
    case InputTouch::Kind::Key: return text_ || contains(keys_, touch.code);
    case InputTouch::Kind::Text: return !keys_.empty();
    case InputTouch::Kind::MouseButton: return contains(buttons_, touch.code);
    case InputTouch::Kind::Other: return false;
    }
    return false;
}

bool FrameInputGate::admit(const InputTouch& touch) {
    if (conflicts(touch)) return false;
    switch (touch.kind) {
    case InputTouch::Kind::Key: keys_.push_back(touch.code); break;
    case InputTouch::Kind::Text: text_ = true; break;
    case InputTouch::Kind::MouseButton: buttons_.push_back(touch.code); break;
    case InputTouch::Kind::Other: break;
    }
    return true;
}

void FrameInputGate::nextFrame() {
    keys_.clear();
    buttons_.clear();
    text_ = false;
}

} // namespace unknot::ui
