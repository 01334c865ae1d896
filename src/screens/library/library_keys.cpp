// The library's keys, as the help lists them.
#include "core/i18n.hpp"
#include "screens/keys.hpp"

namespace unknot::ui {

namespace {
constexpr KeyBinding kLibrary[] = {
    {Key::Up, false, Action::SelectPrevious, UNKNOT_UP " / " UNKNOT_DOWN, N_("choose a routine")},
    {Key::Down, false, Action::SelectNext, nullptr, nullptr},
    {Key::Enter, false, Action::StartSelected, "Enter", N_("start it")},
    {Key::Slash, false, Action::FocusSearch, N_("/ or Ctrl+F"), N_("search (typing there fires no shortcut)")},
    {Key::F, true, Action::FocusSearch, nullptr, nullptr}, // before F: Ctrl+F is not fullscreen
    {Key::Q, false, Action::OpenQuickSet, "Q", N_("quick set")},
    {Key::N, false, Action::NewRoutine, "N", N_("new routine")},
    {Key::E, false, Action::EditSelected, "E", N_("edit it (a built-in one: a copy)")},
    {Key::H, false, Action::OpenHistory, "H", N_("history")},
    {Key::I, false, Action::OpenNotices, "I", N_("every notice of this run, with what to do")},
    {Key::R, false, Action::RanToday, "R", N_("I ran today (a program's after-run routines come due)")},
    {Key::Delete, false, Action::DeleteSelected, "Del", N_("delete your routine")},
    {Key::Z, true, Action::UndoDelete, "Ctrl+Z", N_("undo a delete")},
    {Key::F, false, Action::ToggleFullscreen, "F / F11", N_("fullscreen")},
    {Key::M, false, Action::ToggleMute, "M", N_("mute")},
    {Key::S, false, Action::OpenSettings, "S", N_("settings: sound, cues, flash, text size")},
    {Key::Question, false, Action::ToggleHelp, "?", N_("this help")},
    {Key::Q, true, Action::Quit, "Ctrl+Q", N_("quit")},
};
} // namespace

std::span<const KeyBinding> libraryKeys() { return kLibrary; }

} // namespace unknot::ui
