// The quick set's keys: Ctrl+S saves, Esc leaves; letters are the user's text.
#include "screens/keys.hpp"

namespace unknot::ui {

Intent quickSetIntentForKey(Key key, const KeyContext& c) {
    if (c.ctrl && key == Key::S) return {Action::Save};
    if (key == Key::Escape) return {Action::CloseView};
    return {};
}

} // namespace unknot::ui
