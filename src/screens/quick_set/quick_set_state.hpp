#pragma once
// The quick set's form as typed and what it makes. Plain data, no ImGui: QuickSetModel holds it,
// the view (quick_set_view.cpp) paints it.

#include "routine/editor.hpp"
#include "ui/typed_field.hpp"

#include <deque>
#include <map>
#include <string>
#include <vector>

namespace unknot::ui {

struct QuickSetViewState {
    QuickSet quick;
    std::map<std::string, TypedField> text;    // duration and check-in fields as typed
    std::map<std::string, std::string> errors; // and what is wrong with them
    bool focusName = true;
    std::string nameField; // ImGui's copy of the name while it is typed in
    bool nameActive = false;
    std::deque<std::string> typedBeyondBmp; // emoji typed, not yet placed (ui/draw.hpp typedTextInput)
    // Out: the field that had the keyboard in the frame just drawn ("name", "firstms",
    // "repeats"…; "" for none or an unnamed part such as InputInt's step buttons). The app
    // reports it in test mode, so a keyboard test moves by Tab until the field it wants is
    // reached: Tab visits only text fields on ImGui 1.86 and every item from 1.89 on.
    const char* focused = "";
};

// What the form makes, worked out by the app when the form changes.
struct QuickSetSummary {
    Millis totalMs = 0;
    std::size_t phases = 0;
    std::vector<std::string> problems; // why it cannot start: fields that are not durations, then the check's
    bool canStart = false;
};

} // namespace unknot::ui
