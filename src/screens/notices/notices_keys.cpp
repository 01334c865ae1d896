// The notices screen's keys, as the help lists them.
#include "core/i18n.hpp"
#include "screens/keys.hpp"

namespace unknot::ui {

namespace {
constexpr KeyBinding kNotices[] = {
    {Key::Up, false, Action::SelectPrevious, UNKNOT_UP " / " UNKNOT_DOWN, N_("move through the notices")},
    {Key::Down, false, Action::SelectNext, nullptr, nullptr},
    {Key::Escape, false, Action::CloseView, "Esc / I", N_("back to the library")},
    {Key::I, false, Action::CloseView, nullptr, nullptr},
    {Key::F, false, Action::ToggleFullscreen, "F / F11", N_("fullscreen")},
    {Key::Q, true, Action::Quit, "Ctrl+Q", N_("quit")},
};
} // namespace

std::span<const KeyBinding> noticesKeys() { return kNotices; }

} // namespace unknot::ui
