// The player's keys and the finished screen's, as the help lists them.
#include "screens/keys.hpp"

namespace unknot::ui {

namespace {
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
} // namespace

std::span<const KeyBinding> playerKeys() { return kPlayer; }
std::span<const KeyBinding> finishedKeys() { return kFinished; }

} // namespace unknot::ui
