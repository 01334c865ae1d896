// The history's keys: Esc leaves.
#include "screens/keys.hpp"

namespace unknot::ui {

Intent historyIntentForKey(Key key, const KeyContext& /*context*/) {
    if (key == Key::Escape) return {Action::CloseView};
    return {};
}

} // namespace unknot::ui
