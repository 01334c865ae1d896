// The history's keys: the arrows and Tab choose a button, Enter presses it, Esc leaves.
#include "screens/keys.hpp"

namespace unknot::ui {

Intent historyIntentForKey(Key key, const KeyContext& context) {
    switch (key) {
    case Key::Escape: return {Action::CloseView};
    case Key::Tab: return {context.shift ? Action::SelectPrevious : Action::SelectNext};
    case Key::Right:
    case Key::Down: return {Action::SelectNext};
    case Key::Left:
    case Key::Up: return {Action::SelectPrevious};
    case Key::Enter: return {Action::StartSelected};
    default: return {};
    }
}

} // namespace unknot::ui
