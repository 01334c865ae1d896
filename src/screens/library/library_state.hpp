#pragma once
// What the library's view keeps between frames (the search as typed, the chosen filters), and
// the filter it asks for. Plain data, no ImGui: the library screen holds it, the view paints it.

#include "store/library.hpp"
#include "ui/typed_field.hpp"

#include <deque>
#include <string>
#include <vector>

namespace unknot::ui {

// Widget state the view keeps between frames (the search text, the chosen filters).
struct LibraryViewState {
    TypedField search;                      // as typed: an emoji typed stays one (ui/draw.hpp typedTextField)
    std::deque<std::string> typedBeyondBmp; // emoji typed into the search, not yet placed
    int tag = 0;                            // index into the model's tags + 1; 0 = any
    int equipment = 0;                      // likewise
    bool scrollToSelected = false;          // the selection moved by keys: scroll the list to it
    bool focusSearch = false;               // `/` or Ctrl+F: the search box takes the keyboard (once)
    bool searchActive = false;              // out: the search box had the keyboard in the frame just drawn
};

// The filter the state asks for.
[[nodiscard]] LibraryFilter filterFor(const LibraryViewState& state, const std::vector<std::string>& tags,
                                      const std::vector<std::string>& equipment);

} // namespace unknot::ui
