#pragma once
// Drawing helpers shared by the views: text placed by its centre, tabular digits, wrapped
// paragraphs and bars, all on an ImDrawList.

#include "ui/palette.hpp"
#include "ui/typed_field.hpp"

#include <imgui.h>

#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace unknot::ui {

[[nodiscard]] inline ImU32 colour(Rgb c, float alpha = 1.0f) {
    return IM_COL32(c.r, c.g, c.b, static_cast<int>(alpha * 255.0f));
}
[[nodiscard]] inline ImVec4 colourVec(Rgb c, float alpha = 1.0f) {
    return ImVec4(c.r / 255.0f, c.g / 255.0f, c.b / 255.0f, alpha);
}

// Text whose centre is at `centre`.
void textCentred(ImDrawList* dl, ImFont* font, ImVec2 centre, ImU32 col, std::string_view text);

// Digits each in a cell as wide as the widest digit, so a countdown never jiggles; drawn at `px`
// (which may exceed the size the font was baked at); returns the width.
float textTabular(ImDrawList* dl, ImFont* font, float px, ImVec2 centre, ImU32 col, std::string_view text);
[[nodiscard]] float tabularWidth(ImFont* font, float px, std::string_view text);

// Word-wrapped lines, each centred between x0 and x1, starting at y; returns the height used.
float textWrappedCentred(ImDrawList* dl, ImFont* font, float x0, float x1, float y, ImU32 col, std::string_view text,
                         int maxLines = 3);

void progressBar(ImDrawList* dl, ImVec2 min, ImVec2 max, double fraction, ImU32 fill, ImU32 track);

// A window covering the whole viewport, without decorations: each screen is one of these.
// `background` sets its colour when given (else the style's). End it with ImGui::End().
// The window itself stays transparent: the platform clears the frame to frameBackground()
// instead, since on software GL a second full-window fill costs a quarter of a frame.
void beginFullWindow(const char* id, const Rgb* background = nullptr, ImGuiWindowFlags extraFlags = 0);
[[nodiscard]] Rgb frameBackground();

// Gives the next item the keyboard (a text field: ready to type in it, a frame or two later).
// SetKeyboardFocusHere() alone does nothing on Dear ImGui 1.90.1 (Debian 13) when the keyboard's
// focus is in another window, as it is at start or after a click elsewhere.
void focusNextItem();

// The sides combo of the editor and the quick set; true when the choice changed.
bool sidesCombo(const char* id, std::vector<Side>& sides);

// `text` cut with an ellipsis to fit `maxWidth` in the current font (whole code points).
[[nodiscard]] std::string ellipsizeToWidth(std::string_view text, float maxWidth);

// An ImGui text field (multiline when `multilineSize` is given) editing `buffer`, ImGui's copy of
// `value`, which holds each character beyond the BMP as U+FFFD (16-bit ImWchar, Debian's 1.86
// and 1.90 alike). On a change, the text as the user typed it: the edit applied to `value`, each
// emoji typed taken from `typed` (oldest first) and those the edit left alone kept; nothing when
// the text is still `value`. With `entered` given, Enter in the field sets it (and only then).
// Every text field of the app is drawn by this function, so none changes what was typed.
[[nodiscard]] std::optional<std::string> typedTextInput(const char* label, const char* hint, std::string& buffer,
                                                        const std::string& value, std::deque<std::string>& typed,
                                                        const ImVec2* multilineSize = nullptr, bool* entered = nullptr);

// typedTextInput on a field that is its own value (ui/typed_field.hpp); true when `field.text` changed.
bool typedTextField(const char* label, const char* hint, TypedField& field, std::deque<std::string>& typed,
                    bool* entered = nullptr);

// An ImGui button with its own font, at a given size; true when clicked.
bool button(const char* label, ImFont* font, ImVec2 size, bool enabled = true);

// The next button (labelled `nextLabel`) on the line of the last item when it fits there, else on
// the next line: a row of buttons wraps in a narrow window or a language of long words.
void flow(const char* nextLabel);
// `label`, or its part before "  (" (a key's name) when the whole does not fit in `width` in `font`.
[[nodiscard]] std::string fitButtonLabel(const std::string& label, ImFont* font, float width);

} // namespace unknot::ui
