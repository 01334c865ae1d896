// The check-in's keys, as the help lists them, and its note line's.
#include "core/i18n.hpp"
#include "screens/check_in/check_in_intent.hpp"
#include "screens/keys.hpp"

namespace unknot::ui {

namespace {
constexpr KeyBinding kCheckIn[] = {
    {Key::Other, false, CheckInAction::Digit, "0 - 9", N_("the score: 0 none ... 10 worst (1 then 0 is 10)")},
    {Key::Up, false, CheckInAction::Up, UNKNOT_UP " / " UNKNOT_DOWN, N_("worse / better")},
    {Key::Down, false, CheckInAction::Down, nullptr, nullptr},
    {Key::Enter, false, CheckInAction::Next, "Enter", N_("keep it, next question")},
    {Key::Escape, false, CheckInAction::SkipAll, "Esc", N_("skip the rest")},
    {Key::N, false, CheckInAction::Note, "N", N_("a note (optional): Enter keeps it, Esc drops it")},
    {Key::F, false, Action::ToggleFullscreen, "F / F11", N_("fullscreen")},
    {Key::Q, true, Action::Quit, "Ctrl+Q", N_("quit")},
};
} // namespace

std::span<const KeyBinding> checkInKeys() { return kCheckIn; }

Intent checkInIntentForKey(Key key, const KeyContext& c) {
    if (c.holdsKeys || c.typing) {
        // Writing the note: every other key is its text, never a score or a shortcut.
        if (key == Key::Enter) return {CheckInAction::NoteKeep};
        if (key == Key::Escape) return {CheckInAction::NoteDrop};
        return {};
    }
    if (key >= Key::Digit0 && key <= Key::Digit9)
        return {CheckInAction::Digit, 0, static_cast<int>(key) - static_cast<int>(Key::Digit0)};
    return intentFromTable(kCheckIn, key, c.ctrl);
}

Intent checkInIntentForMedia(MediaCommand command) {
    // Hands-free: Play keeps the score (the one last given when none is typed), Next skips.
    if (command == MediaCommand::Play || command == MediaCommand::PlayPause) return {CheckInAction::Keep};
    if (command == MediaCommand::Next) return {CheckInAction::Skip};
    return {};
}

} // namespace unknot::ui
