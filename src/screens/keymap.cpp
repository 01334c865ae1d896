// The key map: one table per screen says which key does what, and the help overlay lists the
// same table, so the two cannot disagree. The rules for text fields and the editors come first.
#include "screens/intent.hpp"

#include <array>

namespace unknot::ui {

namespace {

// Arrows as the help draws them.
#define UNKNOT_UP "\xE2\x86\x91"
#define UNKNOT_DOWN "\xE2\x86\x93"
#define UNKNOT_LEFT "\xE2\x86\x90"
#define UNKNOT_RIGHT "\xE2\x86\x92"

constexpr KeyBinding kLibrary[] = {
    {Key::Up, false, Action::SelectPrevious, UNKNOT_UP " / " UNKNOT_DOWN, "choose a routine"},
    {Key::Down, false, Action::SelectNext, nullptr, nullptr},
    {Key::Enter, false, Action::StartSelected, "Enter", "start it"},
    {Key::Slash, false, Action::FocusSearch, "/ or Ctrl+F", "search (typing there fires no shortcut)"},
    {Key::F, true, Action::FocusSearch, nullptr, nullptr}, // before F: Ctrl+F is not fullscreen
    {Key::Q, false, Action::OpenQuickSet, "Q", "quick set"},
    {Key::N, false, Action::NewRoutine, "N", "new routine"},
    {Key::E, false, Action::EditSelected, "E", "edit it (a built-in one: a copy)"},
    {Key::H, false, Action::OpenHistory, "H", "history"},
    {Key::R, false, Action::RanToday, "R", "I ran today (a program's after-run routines come due)"},
    {Key::Delete, false, Action::DeleteSelected, "Del", "delete your routine"},
    {Key::Z, true, Action::UndoDelete, "Ctrl+Z", "undo a delete"},
    {Key::F, false, Action::ToggleFullscreen, "F / F11", "fullscreen"},
    {Key::M, false, Action::ToggleMute, "M", "mute"},
    {Key::S, false, Action::OpenSettings, "S", "settings: sound, cues, flash, text size"},
    {Key::Question, false, Action::ToggleHelp, "?", "this help"},
    {Key::Q, true, Action::Quit, "Ctrl+Q", "quit"},
};

constexpr KeyBinding kPlayer[] = {
    {Key::Space, false, Action::TogglePause, "Space", "pause / resume / continue"},
    {Key::Right, false, Action::Skip, UNKNOT_RIGHT, "skip to the next phase"},
    {Key::Left, false, Action::Back, UNKNOT_LEFT, "back: restart this phase, or the previous one"},
    {Key::Plus, false, Action::Extend, "+", "add 15 seconds"},
    {Key::R, false, Action::Restart, "R", "restart the routine (press twice)"},
    {Key::Escape, false, Action::RequestExit, "Esc", "back to the library (twice while running)"},
    {Key::F, false, Action::ToggleFullscreen, "F / F11", "fullscreen"},
    {Key::M, false, Action::ToggleMute, "M", "mute"},
    {Key::Up, false, Action::VolumeUp, UNKNOT_UP " / " UNKNOT_DOWN, "volume"},
    {Key::Down, false, Action::VolumeDown, nullptr, nullptr},
    {Key::Question, false, Action::ToggleHelp, "?", "this help"},
    {Key::Q, true, Action::Quit, "Ctrl+Q", "quit"},
};

constexpr KeyBinding kFinished[] = {
    {Key::Enter, false, Action::ToLibrary, "Enter / Esc / Space", "back to the library"},
    {Key::Escape, false, Action::ToLibrary, nullptr, nullptr},
    {Key::Space, false, Action::ToLibrary, nullptr, nullptr},
    {Key::R, false, Action::Restart, "R", "again"},
    {Key::F, false, Action::ToggleFullscreen, "F / F11", "fullscreen"},
    {Key::M, false, Action::ToggleMute, "M", "mute"},
    {Key::Question, false, Action::ToggleHelp, "?", "this help"},
    {Key::Q, true, Action::Quit, "Ctrl+Q", "quit"},
};

constexpr KeyBinding kCheckIn[] = {
    {Key::Other, false, Action::CheckInDigit, "0 - 9", "the score: 0 none ... 10 worst (1 then 0 is 10)"},
    {Key::Up, false, Action::CheckInUp, UNKNOT_UP " / " UNKNOT_DOWN, "worse / better"},
    {Key::Down, false, Action::CheckInDown, nullptr, nullptr},
    {Key::Enter, false, Action::CheckInNext, "Enter", "keep it, next question"},
    {Key::Escape, false, Action::CheckInSkipAll, "Esc", "skip the rest"},
    {Key::N, false, Action::CheckInNote, "N", "a note (optional): Enter keeps it, Esc drops it"},
    {Key::F, false, Action::ToggleFullscreen, "F / F11", "fullscreen"},
    {Key::Q, true, Action::Quit, "Ctrl+Q", "quit"},
};

// The editor's step commands: Alt and the kind's letter (o for roll, e for rest, where the
// first letters are taken), arrows to move, K and S to cycle the kind and the sides.
using T = EditorAction::Type;
constexpr StepKey kStepKeys[] = {
    {Key::T, false, T::AddPhase, PhaseKind::Tense, +1, "Alt+T"},
    {Key::R, false, T::AddPhase, PhaseKind::Release, +1, "Alt+R"},
    {Key::H, false, T::AddPhase, PhaseKind::Hold, +1, "Alt+H"},
    {Key::O, false, T::AddPhase, PhaseKind::Roll, +1, "Alt+O"},
    {Key::E, false, T::AddPhase, PhaseKind::Rest, +1, "Alt+E"},
    {Key::P, false, T::AddPhase, PhaseKind::Prepare, +1, "Alt+P"},
    {Key::M, false, T::AddPhase, PhaseKind::Manual, +1, "Alt+M"},
    {Key::B, false, T::AddBlock, PhaseKind::Tense, +1, "Alt+B"},
    {Key::D, false, T::Duplicate, PhaseKind::Tense, +1, "Alt+D"},
    {Key::Delete, false, T::Remove, PhaseKind::Tense, +1, "Alt+Del"},
    {Key::Up, false, T::MoveUp, PhaseKind::Tense, +1, "Alt+" UNKNOT_UP},
    {Key::Down, false, T::MoveDown, PhaseKind::Tense, +1, "Alt+" UNKNOT_DOWN},
    {Key::Right, false, T::MoveInto, PhaseKind::Tense, +1, "Alt+" UNKNOT_RIGHT},
    {Key::Left, false, T::MoveOut, PhaseKind::Tense, +1, "Alt+" UNKNOT_LEFT},
    {Key::K, false, T::CycleKind, PhaseKind::Tense, +1, "Alt+K"},
    {Key::K, true, T::CycleKind, PhaseKind::Tense, -1, "Alt+Shift+K"},
    {Key::S, false, T::CycleSides, PhaseKind::Tense, +1, "Alt+S"},
    {Key::S, true, T::CycleSides, PhaseKind::Tense, -1, "Alt+Shift+S"},
};

#undef UNKNOT_UP
#undef UNKNOT_DOWN
#undef UNKNOT_LEFT
#undef UNKNOT_RIGHT

} // namespace

std::span<const KeyBinding> keyBindings(Screen screen) {
    switch (screen) {
    case Screen::Library: return kLibrary;
    case Screen::Player: return kPlayer;
    case Screen::Finished: return kFinished;
    case Screen::CheckIn: return kCheckIn;
    case Screen::Editor:
    case Screen::QuickSet:
    case Screen::History: return {};
    }
    return {};
}

std::span<const StepKey> stepKeys() { return kStepKeys; }

const char* stepKeyLabel(EditorAction::Type command, PhaseKind kind, int direction) {
    for (const StepKey& k : kStepKeys)
        if (k.command == command && (command != T::AddPhase || k.kind == kind) && k.direction == direction)
            return k.label;
    return "";
}

Intent intentForKey(Key key, const KeyContext& c) {
    if (c.ctrl && key == Key::Q) return {Action::Quit};
    if (c.settingsOpen) return key == Key::Escape ? Intent{Action::CloseSettings} : Intent{};
    if (key == Key::F11) return {Action::ToggleFullscreen};
    // The editors: their own few keys; letters are the user's text.
    const bool editing = c.screen == Screen::Editor || c.screen == Screen::QuickSet;
    if (editing && c.ctrl && key == Key::S) return {Action::Save};
    if (c.screen == Screen::Editor && !c.typing && c.ctrl && key == Key::Z) return {Action::Undo};
    if (c.screen == Screen::Editor && !c.typing && c.ctrl && key == Key::Y) return {Action::Redo};
    // The step tree by keys, outside text fields (there Ctrl+arrows are the field's own).
    if (c.screen == Screen::Editor && !c.typing && c.ctrl && key == Key::Up) return {Action::PreviousStep};
    if (c.screen == Screen::Editor && !c.typing && c.ctrl && key == Key::Down) return {Action::NextStep};
    // The step commands: Alt (without Ctrl) and a key, in a text field too.
    if (c.screen == Screen::Editor && c.alt && !c.ctrl)
        for (const StepKey& k : kStepKeys)
            if (k.key == key && k.shift == c.shift) {
                Intent intent{Action::StepCommand};
                intent.edit = makeEditorAction(k.command);
                intent.edit.kind = k.kind;
                intent.edit.direction = k.direction;
                return intent;
            }
    if ((editing || c.screen == Screen::History) && key == Key::Escape) return {Action::CloseView};
    if (editing || c.screen == Screen::History) return {};
    if (c.screen == Screen::CheckIn && (c.noteOpen || c.typing)) {
        // Writing the note: every other key is its text, never a score or a shortcut.
        if (key == Key::Enter) return {Action::CheckInNoteKeep};
        if (key == Key::Escape) return {Action::CheckInNoteDrop};
        return {};
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
    if (c.screen == Screen::CheckIn && key >= Key::Digit0 && key <= Key::Digit9)
        return {Action::CheckInDigit, 0, static_cast<int>(key) - static_cast<int>(Key::Digit0)};
    // A binding without Ctrl answers with Ctrl held too, as it always has.
    // (Media keys are not in these tables: the app turns them into media commands first.)
    for (const KeyBinding& b : keyBindings(c.screen))
        if (b.key == key && (c.ctrl || !b.ctrl) && b.key != Key::Other) return {b.action};
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
        if ((command == Play || command == PlayPause) && c.hasSelection && !c.settingsOpen)
            return {Action::StartSelected};
        return {};
    case Screen::Editor:
    case Screen::QuickSet:
    case Screen::History:
    case Screen::CheckIn: return {}; // a remote never starts a routine over unsaved work or a question
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
