// The check-in's keys, as the help lists them, and its note line's.
#include "core/i18n.hpp"
#include "screens/keys.hpp"

namespace unknot::ui {

namespace {
constexpr KeyBinding kCheckIn[] = {
    {Key::Other, false, Action::CheckInDigit, "0 - 9", N_("the score: 0 none ... 10 worst (1 then 0 is 10)")},
    {Key::Up, false, Action::CheckInUp, UNKNOT_UP " / " UNKNOT_DOWN, N_("worse / better")},
    {Key::Down, false, Action::CheckInDown, nullptr, nullptr},
    {Key::Enter, false, Action::CheckInNext, "Enter", N_("keep it, next question")},
    {Key::Escape, false, Action::CheckInSkipAll, "Esc", N_("skip the rest")},
    {Key::N, false, Action::CheckInNote, "N", N_("a note (optional): Enter keeps it, Esc drops it")},
    {Key::F, false, Action::ToggleFullscreen, "F / F11", N_("fullscreen")},
    {Key::Q, true, Action::Quit, "Ctrl+Q", N_("quit")},
};
} // namespace

std::span<const KeyBinding> checkInKeys() { return kCheckIn; }

Intent checkInNoteIntentForKey(Key key) {
    // Writing the note: every other key is its text, never a score or a shortcut.
    if (key == Key::Enter) return {Action::CheckInNoteKeep};
    if (key == Key::Escape) return {Action::CheckInNoteDrop};
    return {};
}

} // namespace unknot::ui
