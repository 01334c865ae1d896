#include "screens/settings/settings_state.hpp"

namespace unknot::ui {

void openSettings(SettingsViewState& state, const Settings& current) {
    state.open = true;
    state.draft = current;
    for (std::size_t i = 0; i < kCueSoundNames.size(); ++i) {
        const auto it = current.sounds.find(kCueSoundNames[i]);
        state.soundPaths[i] = {};
        if (it != current.sounds.end()) state.soundPaths[i].text = it->second;
    }
}

} // namespace unknot::ui
