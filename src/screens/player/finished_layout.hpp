#pragma once
// Where the finished screen's parts go, computed from the window and the text size as the
// player's are (player_layout.hpp): plain arithmetic over text measurements, without ImGui, so
// a unit test checks at every window size and text size that nothing overlaps or leaves the
// window. Top down: how it ended, the routine's name, what was played, the time taken, and the
// two buttons along the bottom.

#include "screens/player/player_layout.hpp"

#include <string>
#include <vector>

namespace unknot::ui {

struct FinishedText {
    std::string title;  // "Well done", "The end", "Stopped"
    std::string name;   // the routine's
    std::string played; // "12 of 19 phases played (3 skipped) · 4 min of activity"
    std::string taken;  // "Time taken: 5:10 (pauses included)"
};

struct FinishedLayout {
    float width = 0, height = 0; // the window's
    TextBox title, name, played, taken;
    Rect buttons;       // "Back to library" and "Again", side by side
    float buttonPx = 0; // their text's size (each label is fitted to its button when drawn)
    float fit = 1;      // below 1 when the window was too small for the sizes asked
};

// Capital heights per window height at text size 1 (at 768 px: 58, 35, 28 and 22 px).
inline constexpr float kFinishedTitleCapShare = 0.075f;
inline constexpr float kFinishedNameCapShare = 0.045f;
inline constexpr float kFinishedPlayedCapShare = 0.036f;
inline constexpr float kFinishedTakenCapShare = 0.028f;
inline constexpr float kFinishedButtonsShare = 0.09f; // the buttons' height

[[nodiscard]] FinishedLayout layOutFinished(const FinishedText& text, float width, float height, float textScale,
                                            const TextMeasure& measure);

// Its boxes by name, and one line for the test log ("w=640 h=400 fit=1.00 title=x,y,w,h,cap …").
[[nodiscard]] std::vector<NamedBox> namedBoxes(const FinishedLayout& layout);
[[nodiscard]] std::string describe(const FinishedLayout& layout);

} // namespace unknot::ui
