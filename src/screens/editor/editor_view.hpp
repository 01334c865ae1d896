#pragma once
// The full routine editor: routine fields, the step tree (drag to reorder), the selected
// step's fields with their problems beside them, live total, undo/redo, save, try.
// It reads the core Editor and returns what the user did as an Intent carrying an EditorAction.

#include "routine/editor.hpp"
#include "screens/intent.hpp"
#include "ui/fonts.hpp"

#include <deque>
#include <map>
#include <optional>
#include <string>

namespace unknot::ui {

struct EditorViewState {
    StepPath selected;                              // empty: the routine's own fields
    std::map<std::string, std::string> fields;      // text of fields being typed in
    std::map<std::string, std::string> fieldErrors; // "5x is not a duration"
    std::string activeField;
    bool focusFields = true; // give the fields panel the keyboard (Tab) next frame
    bool focusLabel = false; // a step added by key: its label takes the keys, to type at once
    // Characters beyond the BMP typed and not yet placed: ImGui's 16-bit fields turn each into
    // U+FFFD, and the field being typed in puts them back in order (keepAsTyped).
    std::deque<std::string> typedBeyondBmp;
    bool confirmClose = false; // unsaved changes: ask
    std::string collidingId;   // a new routine's id is taken: ask
    std::string title;         // "New routine", "Editing glute-release-ball"
    std::string message;       // after saving, or why it could not
};

[[nodiscard]] Intent drawEditor(EditorViewState& state, const Editor& editor, const Fonts& fonts);

// Comma-separated text to a list and back ("calves, post-run").
[[nodiscard]] std::vector<std::string> splitList(std::string_view text);
[[nodiscard]] std::string joinList(const std::vector<std::string>& items);

} // namespace unknot::ui
