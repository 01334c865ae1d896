// The key map: which key does what on the screen showing. Each screen's table (or, where
// letters are the user's text, its rules) lives in the screen's folder (screens/keys.hpp); the
// help overlay lists the same tables, so the two cannot disagree. The rules every screen shares
// come first here.
#include "screens/intent.hpp"
#include "screens/keys.hpp"

namespace unknot::ui {

std::span<const KeyBinding> keyBindings(Screen screen) {
    switch (screen) {
    case Screen::Library: return libraryKeys();
    case Screen::Player: return playerKeys();
    case Screen::Finished: return finishedKeys();
    case Screen::CheckIn: return checkInKeys();
    case Screen::Notices: return noticesKeys();
    case Screen::Settings:
    case Screen::Editor:
    case Screen::QuickSet:
    case Screen::History: return {};
    }
    return {};
}

Intent intentForKey(Key key, const KeyContext& c) {
    if (c.ctrl && key == Key::Q) return {Action::Quit};
    if (c.screen == Screen::Settings) return settingsIntentForKey(key); // its widgets have the keys
    if (key == Key::F11) return {Action::ToggleFullscreen};
    // The editors and the history: their own few keys; letters are the user's text.
    switch (c.screen) {
    case Screen::Editor: return editorIntentForKey(key, c);
    case Screen::QuickSet: return quickSetIntentForKey(key, c);
    case Screen::History: return historyIntentForKey(key, c);
    case Screen::CheckIn: return checkInIntentForKey(key, c);
    default: break;
    }
    if (c.typing) {
        // Keys that make sense inside the search box too; letters are the user's text.
        switch (key) {
        case Key::Up: return {Action::SelectPrevious};
        case Key::Down: return {Action::SelectNext};
        case Key::Enter: return {Action::StartSelected};
        default: return {};
        }
    }
    return intentFromTable(keyBindings(c.screen), key, c.ctrl);
}

Intent intentFromTable(std::span<const KeyBinding> table, Key key, bool ctrl) {
    // A binding without Ctrl answers with Ctrl held too, as it always has.
    // (Media keys are not in these tables: the app turns them into media commands first.)
    for (const KeyBinding& b : table)
        if (b.key == key && (ctrl || !b.ctrl) && b.key != Key::Other) return {b.action};
    return {};
}

// ---------------------------------------------------------------------------------------
// Media commands
// ---------------------------------------------------------------------------------------
std::string_view mediaCommandName(MediaCommand command) {
    switch (command) {
    case MediaCommand::PlayPause: return "play-pause";
    case MediaCommand::Play: return "play";
    case MediaCommand::Pause: return "pause";
    case MediaCommand::Next: return "next";
    case MediaCommand::Previous: return "previous";
    case MediaCommand::Stop: return "stop";
    }
    return "?";
}

Intent intentForMedia(MediaCommand command, const MediaContext& c) {
    using enum MediaCommand;
    switch (c.screen) {
    case Screen::Player: {
        const bool paused = c.state == SessionState::Paused || c.state == SessionState::WaitingManual;
        switch (command) {
        case PlayPause: return {Action::TogglePause};
        case Play: return paused ? Intent{Action::Resume} : Intent{};
        case Pause: return c.state == SessionState::Running ? Intent{Action::Pause} : Intent{};
        case Next: return {Action::Skip};
        case Previous: return {Action::Back};
        case Stop: return {Action::Stop};
        }
        return {};
    }
    case Screen::Finished:
        // As the finished screen's keys: R plays it again, Esc goes back.
        if (command == Play || command == PlayPause) return {Action::Restart};
        if (command == Stop) return {Action::ToLibrary};
        return {};
    case Screen::Library:
        if (command != Play && command != PlayPause) return {};
        // After Stop, Play goes back to the routine left (from its start), not to whatever the
        // list has selected, unless the user chose another since.
        if (c.canPlayAgain) return {Action::PlayAgain};
        return c.hasSelection ? Intent{Action::StartSelected} : Intent{};
    case Screen::CheckIn: return checkInIntentForMedia(command);
    case Screen::Editor:
    case Screen::QuickSet:
    case Screen::History:
    case Screen::Notices:
    case Screen::Settings: return {}; // a remote never starts a routine over unsaved work
    }
    return {};
}

std::optional<MediaCommand> mediaCommandForKey(Key key) {
    switch (key) {
    case Key::MediaPlay: return MediaCommand::PlayPause; // one key on keyboards and headsets
    case Key::MediaNext: return MediaCommand::Next;
    case Key::MediaPrevious: return MediaCommand::Previous;
    case Key::MediaStop: return MediaCommand::Stop;
    default: return std::nullopt;
    }
}

} // namespace unknot::ui
