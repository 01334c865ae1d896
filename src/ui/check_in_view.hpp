#pragma once
// The check-in screen: one question at a time ("How does your left heel feel?"), the score in
// digits as large as the countdown's, and the 0-10 scale as a row of boxes to click; legible
// from the floor 2 m away.

#include "ui/fonts.hpp"
#include "ui/intent.hpp"

#include <optional>
#include <string>

namespace unknot::ui {

struct CheckInViewModel {
    std::string title;    // "Before: Frozen golf ball", "After: …", "Check-in"
    std::string question; // "How does your left heel feel?"
    std::optional<int> score;
    std::size_t index = 0; // this question, of `count`
    std::size_t count = 0;
};

// CheckInScore (a click on the scale), CheckInNext or CheckInSkipAll (the buttons).
[[nodiscard]] Intent drawCheckIn(const CheckInViewModel& model, const Fonts& fonts);

} // namespace unknot::ui
