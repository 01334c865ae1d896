#pragma once
// The library: every routine found, a search box and filters, and a preview of the selection.

#include "core/library.hpp"
#include "ui/fonts.hpp"
#include "ui/intent.hpp"

#include <optional>
#include <string>
#include <vector>

namespace unknot::ui {

// Widget state the view keeps between frames (the search text, the chosen filters).
struct LibraryViewState {
    char search[128] = "";
    int tag = 0;       // index into the model's tags + 1; 0 = any
    int equipment = 0; // likewise
    std::optional<std::size_t> selected; // entry index
    bool scrollToSelected = false;
};

struct LibraryModel {
    const std::vector<LibraryEntry>* entries = nullptr;
    std::vector<std::size_t> visible;   // entries passing the filters, in order
    std::vector<std::string> tags;
    std::vector<std::string> equipment;
    std::string notice;                 // one line shown at the top, when not empty
    std::string deleted;                // name of the routine just deleted (offers Undo)
    bool showHelp = false;
};

// The filter the state asks for.
[[nodiscard]] LibraryFilter filterFor(const LibraryViewState& state, const LibraryModel& model);

[[nodiscard]] Intent drawLibrary(LibraryViewState& state, const LibraryModel& model, const Fonts& fonts);

} // namespace unknot::ui
