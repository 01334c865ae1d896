// The library's keys, as the help lists them.
#include "screens/keys.hpp"

namespace unknot::ui {

namespace {
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
    {Key::I, false, Action::OpenNotices, "I", "every notice of this run, with what to do"},
    {Key::R, false, Action::RanToday, "R", "I ran today (a program's after-run routines come due)"},
    {Key::Delete, false, Action::DeleteSelected, "Del", "delete your routine"},
    {Key::Z, true, Action::UndoDelete, "Ctrl+Z", "undo a delete"},
    {Key::F, false, Action::ToggleFullscreen, "F / F11", "fullscreen"},
    {Key::M, false, Action::ToggleMute, "M", "mute"},
    {Key::S, false, Action::OpenSettings, "S", "settings: sound, cues, flash, text size"},
    {Key::Question, false, Action::ToggleHelp, "?", "this help"},
    {Key::Q, true, Action::Quit, "Ctrl+Q", "quit"},
};
} // namespace

std::span<const KeyBinding> libraryKeys() { return kLibrary; }

} // namespace unknot::ui
