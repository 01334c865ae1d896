#pragma once
// Where each part of the player goes, computed from the window and the text size: plain
// arithmetic over text measurements, without ImGui, so a unit test can check at every window
// size and text size that nothing overlaps and nothing leaves the window.
//
// By priority, for a person on a mat two metres away: the time left in the phase (the
// digits), the side (a big word in a tag pointing its way, with a band at that edge of the
// window), what to do (the step label), then what comes next. At 1366 x 768 and text size 1 the
// side's capitals are 96 px high, the label's 48 px, the round/time line's 28 px and "Next" 32 px,
// growing to 44 px over the phase's last 5 s. Where the window is wide enough, the side's tag and
// the phase's kind stand in a column beside the digits, else in a row above them.
//
// The digits take what height the words leave at text size 1 (up to 30 % of the window). A
// bigger text size makes the words bigger, in the height the digits leave, and never takes any
// from the digits or the side; "Next" and the round/time line wrap or take a shorter form rather
// than be cut. When even the digits' minimum does not fit, everything else shrinks together.

#include "core/i18n.hpp"
#include "routine/routine.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace unknot::ui {

// The faces the player draws with: bold text, bold capitals (the side, PAUSED), and the
// countdown's tabular digits.
enum class Face { Text, Capitals, Digits };

class TextMeasure {
  public:
    virtual ~TextMeasure() = default;
    [[nodiscard]] virtual float width(Face face, float px, std::string_view text) const = 0;
    // Offset from where a line is drawn (its top) to the top of a capital, and the capital's
    // height (for digits, a digit's).
    [[nodiscard]] virtual float capTop(Face face, float px) const = 0;
    [[nodiscard]] virtual float capHeight(Face face, float px) const = 0;
    // From a line's top to the lowest descender.
    [[nodiscard]] virtual float lineHeight(Face face, float px) const = 0;
};

struct Rect {
    float x = 0, y = 0, w = 0, h = 0;
    [[nodiscard]] float right() const { return x + w; }
    [[nodiscard]] float bottom() const { return y + h; }
    [[nodiscard]] bool empty() const { return w <= 0 || h <= 0; }
    [[nodiscard]] bool overlaps(const Rect& o) const {
        return !empty() && !o.empty() && x < o.right() && o.x < right() && y < o.bottom() && o.y < bottom();
    }
};

struct TextLine {
    std::string text;
    float x = 0, y = 0; // where it is drawn: the left of the text, the top of the line
};

// One piece of text: its lines, the size they are drawn at and the box they take (the
// capitals' ink for the side, the digits and PAUSED, whole lines for the rest).
struct TextBox {
    std::vector<TextLine> lines;
    Face face = Face::Text;
    float px = 0;  // the font size it is drawn at
    float cap = 0; // the height of its capitals (digits for the countdown), in pixels
    Rect box;
    [[nodiscard]] bool empty() const { return lines.empty(); }
};

// What the player shows this frame, as text.
struct PlayerText {
    Side side = Side::None;
    std::string kind;  // "TENSE"
    std::string clock; // "0:05"; empty for a manual phase (then `manualHint` shows there)
    std::string manualHint = _("Press Space to continue");
    std::string label, cue;
    std::string info;     // "Round 1 of 2 · 12:30 left · 5/19"
    std::string next;     // "Next: Release · Let go (right) · 0:06"
    std::string nextShort; // shown when `next` needs two lines: "Next: Let go (right) · 0:06"
    std::string name;     // the routine's
    float nextGrowth = 0; // 0..1: how far into its last 5 s the phase is ("Next" grows)
    bool paused = false;
    std::string question; // asked over the player ("Leave this routine? …"); empty for none
};

struct PlayerLayout {
    float width = 0, height = 0; // the window's
    Rect band;                   // the side's band along its edge of the window; empty without a side
    TextBox side, kind, countdown, label, cue, info, next, name;
    Rect phaseBar, routineBar;
    Rect volume, buttons;           // the chrome that recedes while playing, with `name`
    float buttonPx = 0;             // the buttons' text size
    TextBox pausedWord, pausedHint; // over everything, only when paused
    Rect questionBand;              // a question over the player, in a band under the digits
    TextBox question;
    float fit = 1; // below 1 when the window was too small for the sizes asked
};

// Capital heights per window height at text size 1 (the figures at 1366 x 768).
inline constexpr float kSideCapShare = 0.125f;   // 96 px at 768
inline constexpr float kLabelCapShare = 0.0625f; // 48 px at 768
inline constexpr float kInfoCapShare = 0.036f;   // 28 px at 768: the round and the time left
inline constexpr float kNextCapShare = 0.042f;   // 32 px at 768
inline constexpr float kNextGrownCapShare = 0.058f; // 44.5 px at 768
inline constexpr float kDigitsCapShare = 0.30f;    // at most
inline constexpr float kDigitsMinCapShare = 0.12f; // before the rest shrinks
inline constexpr float kQuestionCapShare = 0.04f;  // 31 px at 768, smaller when it does not fit
inline constexpr std::size_t kQuestionLines = 3;
// The side's tag: padding around its capitals and the arrow's width, in capital heights.
inline constexpr float kSideTagPad = 0.2f;
inline constexpr float kSideArrow = 0.8f;

// The texts as drawn (after wrapping and cutting), for the end-to-end tests:
// side="LINKS" kind="ANSPANNEN" label="…" info="…" next="…".
[[nodiscard]] std::string describeTexts(const PlayerLayout& layout);

[[nodiscard]] PlayerLayout layOutPlayer(const PlayerText& text, float width, float height, float textScale,
                                        const TextMeasure& measure);

// The text cut to fit `maxWidth`, with an ellipsis where it was cut.
[[nodiscard]] std::string ellipsize(const TextMeasure& m, Face face, float px, std::string_view text, float maxWidth);

// The building blocks of the layouts (the player's and finished_layout's).
// Word-wrapped into at most `maxLines` lines of `maxWidth`; what does not fit ends the last
// line with an ellipsis, and so does a word wider than a line.
[[nodiscard]] std::vector<std::string> wrap(const TextMeasure& m, Face face, float px, std::string_view text,
                                            float maxWidth, std::size_t maxLines);
// The font size whose capitals (digits, for Face::Digits) are `cap` high.
[[nodiscard]] float pxForCap(const TextMeasure& m, Face face, float cap);
// A line centred between x0 and x0 + width, its top at y.
[[nodiscard]] TextBox centredLine(const TextMeasure& m, Face face, float px, std::string text, float x0, float width,
                                  float y);
// Lines of the same size, each centred, from y down.
[[nodiscard]] TextBox centredLines(const TextMeasure& m, Face face, float px, const std::vector<std::string>& lines,
                                   float x0, float width, float y);
// The size a single line is drawn at so it fits `maxWidth`: smaller down to `minShare` of
// `px`, then cut with an ellipsis (`text` is cut in place).
float fitLine(const TextMeasure& m, Face face, float px, std::string& text, float maxWidth, float minShare);

// Every named text box of a layout, for the test-mode report and the overlap checks.
struct NamedBox {
    const char* name;
    const TextBox* text; // null for the boxes that hold no text (volume, buttons)
    Rect box;
};
[[nodiscard]] std::vector<NamedBox> namedBoxes(const PlayerLayout& layout);
void addTextBox(std::vector<NamedBox>& boxes, const char* name, const TextBox& box); // when it holds text

// One line for the test log: "w=1366 h=768 fit=1.00 side=x,y,w,h,cap label=… …", then
// " cut=label,…" naming the texts cut with an ellipsis, if any.
[[nodiscard]] std::string describe(const PlayerLayout& layout);
[[nodiscard]] std::string describeBoxes(float width, float height, float fit, const std::vector<NamedBox>& boxes);

} // namespace unknot::ui
