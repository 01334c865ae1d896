#pragma once
// The library: every routine found, a search box and filters, and a preview of the selection.

#include "routine/routine_outline.hpp"
#include "screens/intent.hpp"
#include "screens/library/library_model.hpp"
#include "screens/library/today_panel.hpp"
#include "store/library.hpp"
#include "ui/fonts.hpp"
#include "ui/typed_field.hpp"

#include <deque>
#include <optional>
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

// What the view shows; the app's LibraryModel works it out once per change.
struct LibraryViewModel {
    const std::vector<LibraryEntry>* entries = nullptr;
    const std::vector<std::size_t>* visible = nullptr; // entries passing the filters, in order
    const std::vector<std::string>* tags = nullptr;
    const std::vector<std::string>* equipment = nullptr;
    std::optional<std::size_t> selected;               // entry index
    const std::vector<OutlineLine>* outline = nullptr; // of the selected entry
    std::string notice;                                // one line shown at the top, when not empty
    std::string deleted;                               // name of the routine just deleted (offers Undo)
    bool showHelp = false;
    const TodayPanel* today = nullptr; // a program runs: what today asks, above the list
    std::optional<LibraryModel::Progress> reading; // the first scan is still reading the folders
};

// The filter the state asks for.
[[nodiscard]] LibraryFilter filterFor(const LibraryViewState& state, const std::vector<std::string>& tags,
                                      const std::vector<std::string>& equipment);

// How tall the library drew its parts, in pixels (the test mode reports it: the display's
// scale must show in every one).
struct LibraryLayout {
    float title = 0;  // "Unknot"
    float search = 0; // the search box
    float row = 0;    // a routine's row in the list
    float name = 0;   // a routine's name in its row
    float start = 0;  // the Start button
    // The selected routine's row among those visible, and whether it is drawn in the list's
    // view (the keys move the selection: the list scrolls to it); -1 when none is selected.
    int selectedRow = -1;
    bool selectedShown = false;
};

[[nodiscard]] Intent drawLibrary(LibraryViewState& state, const LibraryViewModel& model, const Fonts& fonts,
                                 LibraryLayout* layout = nullptr);

} // namespace unknot::ui
