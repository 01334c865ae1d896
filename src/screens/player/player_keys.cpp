// The player's keys and the finished screen's, as the help lists them.
#include "core/i18n.hpp"
#include "screens/keys.hpp"

namespace unknot::ui {

namespace {
constexpr KeyBinding kPlayer[] = {
    {Key::Space, false, Action::TogglePause, "Space", N_("pause / resume / continue")},
    {Key::Right, false, Action::Skip, UNKNOT_RIGHT, N_("skip to the next phase")},
    {Key::Left, false, Action::Back, UNKNOT_LEFT, N_("back: restart this phase, or the previous one")},
    {Key::Plus, false, Action::Extend, "+", N_("add 15 seconds")},
    {Key::R, false, Action::Restart, "R", N_("restart the routine (press twice)")},
    {Key::Escape, false, Action::RequestExit, "Esc", N_("back to the library (twice while running)")},
    {Key::F, false, Action::ToggleFullscreen, "F / F11", N_("fullscreen")},
    {Key::M, false, Action::ToggleMute, "M", N_("mute")},
    {Key::Up, false, Action::VolumeUp, UNKNOT_UP " / " UNKNOT_DOWN, N_("volume")},
    {Key::Down, false, Action::VolumeDown, nullptr, nullptr},
    {Key::Question, false, Action::ToggleHelp, "?", N_("this help")},
    {Key::Q, true, Action::Quit, "Ctrl+Q", N_("quit")},
};

constexpr KeyBinding kFinished[] = {
    {Key::Enter, false, Action::ToLibrary, "Enter / Esc / Space", N_("back to the library")},
    {Key::Escape, false, Action::ToLibrary, nullptr, nullptr},
    {Key::Space, false, Action::ToLibrary, nullptr, nullptr},
    {Key::R, false, Action::Restart, "R", N_("again")},
    {Key::F, false, Action::ToggleFullscreen, "F / F11", N_("fullscreen")},
    {Key::M, false, Action::ToggleMute, "M", N_("mute")},
    {Key::Question, false, Action::ToggleHelp, "?", N_("this help")},
    {Key::Q, true, Action::Quit, "Ctrl+Q", N_("quit")},
};
} // namespace

std::span<const KeyBinding> playerKeys() { return kPlayer; }
std::span<const KeyBinding> finishedKeys() { return kFinished; }

} // namespace unknot::ui
