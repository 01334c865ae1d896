#pragma once
// What the editor keeps between frames: the selected step, the fields as typed, the questions
// it asks. Plain data, no ImGui: the editor's model (the core Editor and the EditorScreen) holds
// it and the view (editor_view.cpp) paints it.

#include "routine/editor.hpp"

#include <deque>
#include <map>
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

} // namespace unknot::ui
