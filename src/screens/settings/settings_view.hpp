#pragma once
// The settings panel: sound, which cues play, the flash, text size and the user's own sounds.
// It edits a draft; the app applies and saves what changed.

#include "screens/intent.hpp"
#include "screens/settings/settings_state.hpp"
#include "store/settings.hpp"
#include "ui/fonts.hpp"
#include "ui/typed_field.hpp"

#include <array>
#include <deque>
#include <string>
#include <vector>

namespace unknot::ui {

// Returns ApplySettings when the draft changed, CloseSettings when the panel closes.
[[nodiscard]] Intent drawSettings(SettingsViewState& state, const Fonts& fonts, bool soundAvailable);

} // namespace unknot::ui
