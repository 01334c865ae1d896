#pragma once
// The full routine editor: routine fields, the step tree (drag to reorder), the selected
// step's fields with their problems beside them, live total, undo/redo, save, try.
// It reads the core Editor and returns what the user did as an Intent carrying an EditorAction.

#include "routine/editor.hpp"
#include "screens/editor/editor_state.hpp"
#include "screens/intent.hpp"
#include "ui/fonts.hpp"

#include <deque>
#include <map>
#include <optional>
#include <string>

namespace unknot::ui {

[[nodiscard]] Intent drawEditor(EditorViewState& state, const Editor& editor, const Fonts& fonts);

} // namespace unknot::ui
