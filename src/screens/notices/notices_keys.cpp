// The notices screen's keys, as the help lists them.
#include "screens/keys.hpp"

namespace unknot::ui {

namespace {
constexpr KeyBinding kNotices[] = {
    {Key::Up, false, Action::SelectPrevious, UNKNOT_UP " / " UNKNOT_DOWN, "move through the notices"},
    {Key::Down, false, Action::SelectNext, nullptr, nullptr},
    {Key::Escape, false, Action::CloseView, "Esc / I", "back to the library"},
    {Key::I, false, Action::CloseView, nullptr, nullptr},
    {Key::F, false, Action::ToggleFullscreen, "F / F11", "fullscreen"},
    {Key::Q, true, Action::Quit, "Ctrl+Q", "quit"},
};
} // namespace

std::span<const KeyBinding> noticesKeys() { return kNotices; }

} // namespace unknot::ui
