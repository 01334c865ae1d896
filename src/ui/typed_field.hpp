#pragma once
// What a text field keeps between frames when it is its own value (a search, a file path, a
// duration as typed). Plain data, so the app's models can hold it without ImGui; drawn by
// typedTextField (ui/draw.hpp).

#include <string>

namespace unknot::ui {

// The text as typed, and ImGui's copy of it, refreshed from the text while the field is not
// being typed in: Dear ImGui's 16-bit fields hold each character beyond the BMP (an emoji) as
// U+FFFD, and the text must not become that.
struct TypedField {
    std::string text;    // as the user typed it, emoji included
    std::string shown;   // ImGui's copy
    bool active = false; // the field had the keyboard in the frame last drawn
};

} // namespace unknot::ui
