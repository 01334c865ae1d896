#pragma once
// The check-in screen: one question at a time ("How does your left heel feel?"), the score in
// digits as large as the countdown's, and the 0-10 scale as a row of boxes to click; legible
// from the floor 2 m away.

#include "screens/check_in/check_in_screen.hpp"
#include "screens/intent.hpp"
#include "ui/fonts.hpp"

#include <deque>
#include <optional>
#include <string>

namespace unknot::ui {

struct CheckInViewModel {
    std::string title;    // "Before: Frozen golf ball", "After: …", "Check-in"
    std::string question; // "How does your left heel feel?"
    std::optional<int> score;
    std::optional<int> last; // the score given last time for this side: a remote's Play keeps it
    std::size_t index = 0; // this question, of `count`
    std::size_t count = 0;
    std::string note;                       // kept with this answer so far
    bool noteOpen = false;                  // the note line is open (N)
    std::string noteDraft;                  // what it reads
    std::optional<std::string> noteProblem; // why Enter cannot keep it (too long)
};

// CheckInScore (a click on the scale), CheckInNext, CheckInNote or CheckInSkipAll (the
// buttons); with the note line open, CheckInNoteText as it is typed in, CheckInNoteKeep.
// `typed`: the characters beyond the BMP typed and not yet placed in the note (emoji, which
// ImGui's 16-bit field holds as U+FFFD; see typedTextInput in ui/draw.hpp).
[[nodiscard]] Intent drawCheckIn(const CheckInViewModel& model, const Fonts& fonts, std::deque<std::string>& typed);

// The check-in screen as it is now; `typing`: the note line has the keyboard (ImGui's WantTextInput).
[[nodiscard]] Intent drawCheckInScreen(CheckInScreen& screen, const Fonts& fonts, bool typing);

} // namespace unknot::ui
