// The settings panel's keys: its widgets have them (Tab and the arrows move between them, Space
// and Enter press); Esc closes it. Ctrl+Q quits, as everywhere (keymap.cpp).
#include "screens/keys.hpp"

namespace unknot::ui {

Intent settingsIntentForKey(Key key) { return key == Key::Escape ? Intent{Action::CloseSettings} : Intent{}; }

} // namespace unknot::ui
