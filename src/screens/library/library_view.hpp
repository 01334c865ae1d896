#pragma once
// The library: every routine found, a search box and filters, and a preview of the selection.

#include "routine/routine_outline.hpp"
#include "screens/intent.hpp"
#include "screens/library/library_model.hpp"
#include "screens/library/library_screen.hpp"
#include "screens/library/library_state.hpp"
#include "screens/library/today_panel.hpp"
#include "store/library.hpp"
#include "ui/fonts.hpp"

#include <optional>
#include <string>
#include <vector>

namespace unknot::ui {

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
    // What the Start button and the preview's title say (the tests see the language).
    std::string startText;
    std::string selectedName;
};

[[nodiscard]] Intent drawLibrary(LibraryViewState& state, const LibraryViewModel& model, const Fonts& fonts,
                                 LibraryLayout* layout = nullptr);

// The library screen as it is now: the loop gives what it knows (the notice, the help shown),
// the rest comes from the screen. In test mode the screen is handed the frame's test lines.
[[nodiscard]] Intent drawLibraryScreen(LibraryScreen& screen, std::string notice, bool showHelp, const Fonts& fonts,
                                       bool testMode);

} // namespace unknot::ui
