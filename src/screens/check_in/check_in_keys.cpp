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

Intent checkInIntentForKey(Key key, const KeyContext& c) {
    if (c.noteOpen || c.typing) {
        // Writing the note: every other key is its text, never a score or a shortcut.
        if (key == Key::Enter) return {Action::CheckInNoteKeep};
        if (key == Key::Escape) return {Action::CheckInNoteDrop};
        return {};
    }
    if (key >= Key::Digit0 && key <= Key::Digit9)
        return {Action::CheckInDigit, 0, static_cast<int>(key) - static_cast<int>(Key::Digit0)};
    return intentFromTable(kCheckIn, key, c.ctrl);
}

Intent checkInIntentForMedia(MediaCommand command) {
    // Hands-free: Play keeps the score (the one last given when none is typed), Next skips.
    if (command == MediaCommand::Play || command == MediaCommand::PlayPause) return {Action::CheckInKeep};
    if (command == MediaCommand::Next) return {Action::CheckInSkip};
    return {};
}

} // namespace unknot::ui
