#pragma once
// Each screen's keys, defined in its own folder (screens/<screen>/<screen>_keys.cpp); the key
// map (keymap.cpp) asks the one showing. The help overlay lists the same tables.

#include "screens/intent.hpp"

#include <span>

namespace unknot::ui {

// Arrows as the help draws them.
#define UNKNOT_UP "\xE2\x86\x91"
#define UNKNOT_DOWN "\xE2\x86\x93"
#define UNKNOT_LEFT "\xE2\x86\x90"
#define UNKNOT_RIGHT "\xE2\x86\x92"

// The intent of `key` in a screen's `table` (a binding without Ctrl answers with Ctrl too).
[[nodiscard]] Intent intentFromTable(std::span<const KeyBinding> table, Key key, bool ctrl); // keymap.cpp

[[nodiscard]] std::span<const KeyBinding> libraryKeys();  // library/library_keys.cpp
[[nodiscard]] std::span<const KeyBinding> playerKeys();   // player/player_keys.cpp
[[nodiscard]] std::span<const KeyBinding> finishedKeys(); // player/player_keys.cpp
[[nodiscard]] std::span<const KeyBinding> checkInKeys();  // check_in/check_in_keys.cpp
[[nodiscard]] std::span<const KeyBinding> noticesKeys();  // notices/notices_keys.cpp

// The screens whose keys are rules more than a table (letters are the user's text there):
// the intent for `key`, or none.
[[nodiscard]] Intent editorIntentForKey(Key key, const KeyContext& context);   // editor/editor_keys.cpp
[[nodiscard]] Intent quickSetIntentForKey(Key key, const KeyContext& context); // quick_set/quick_set_keys.cpp
[[nodiscard]] Intent historyIntentForKey(Key key, const KeyContext& context);  // history/history_keys.cpp
// The check-in: digits are the score; its table; its note line's own keys while it is open.
[[nodiscard]] Intent checkInIntentForKey(Key key, const KeyContext& context); // check_in/check_in_keys.cpp
// What a remote means at a check-in (hands-free: Play keeps the score, Next skips the question).
[[nodiscard]] Intent checkInIntentForMedia(MediaCommand command); // check_in/check_in_keys.cpp
// The settings panel: its widgets have the keys; Esc closes it.
[[nodiscard]] Intent settingsIntentForKey(Key key); // settings/settings_keys.cpp

} // namespace unknot::ui
