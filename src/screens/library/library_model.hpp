#pragma once
// The library as the window shows it: the routines found (scanned again when files change on
// disk), the search and the filters, the selection, and the selected routine's outline,
// worked out once per change rather than once per frame.

#include "core/reporter.hpp"
#include "play/session_driver.hpp"
#include "routine/routine_outline.hpp"
#include "store/folder_watch.hpp"
#include "store/library.hpp"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace unknot {

class LibraryModel {
  public:
    // With nothing changing on screen, the window wakes this often to look for edited files.
    static constexpr Millis kCheckFilesEveryMs = 2000;

    LibraryModel(LibraryFolders folders, Reporter& reporter, std::function<Ticks()> clockMs);
    ~LibraryModel();
    LibraryModel(const LibraryModel&) = delete;
    LibraryModel& operator=(const LibraryModel&) = delete;

    // Reads every folder again. The selection stays on the routine it was on, by id; with none,
    // on `fallbackId` (the last one played, one just saved), else on the first.
    void rescan(const std::string& fallbackId = {});
    // At most every kCheckFilesEveryMs: reads again the files the folder watch saw change (or,
    // where the system cannot watch, all of them when the folders' fingerprint changed); true
    // when something was read.
    bool poll(const std::string& fallbackId = {});

    // Recomputes what is visible when it changed; a selection it hides moves to the first
    // routine visible, so that Enter starts what the search found, not a routine out of sight.
    void setFilter(const LibraryFilter& filter);
    void select(std::size_t index);
    void clearSelection();
    void moveSelection(int delta); // within the visible entries, clamped at both ends

    [[nodiscard]] const std::vector<LibraryEntry>& entries() const { return library_.entries(); }
    [[nodiscard]] const LibraryEntry* at(std::size_t index) const;
    [[nodiscard]] const std::vector<std::size_t>& visible() const { return visible_; }
    [[nodiscard]] const std::vector<std::string>& tags() const { return tags_; }
    [[nodiscard]] const std::vector<std::string>& equipment() const { return equipment_; }
    [[nodiscard]] std::optional<std::size_t> selectedIndex() const { return selected_; }
    [[nodiscard]] const LibraryEntry* selected() const { return selected_ ? at(*selected_) : nullptr; }
    // The selected routine's outline (empty without a valid selection).
    [[nodiscard]] const std::vector<OutlineLine>& selectedOutline() const { return outline_; }
    [[nodiscard]] std::size_t scans() const { return scans_; }
    // True once after the selection moved by keys or a rescan: the list should scroll to it.
    [[nodiscard]] bool takeScrollRequest();
    // `/` or Ctrl+F: the view should give the search box the keyboard (true once). From then
    // the search holds the keys: letters are the search's, not shortcuts, also in the frames
    // before the box has taken them (Dear ImGui activates a field one or two frames after it
    // is asked to, and reports `WantTextInput` a frame later still), until the box loses the
    // keyboard (Esc, Enter, a click elsewhere) or the library is left.
    void requestSearchFocus();
    [[nodiscard]] bool takeSearchFocusRequest() { return std::exchange(searchFocusRequested_, false); }
    // After each frame the library drew: whether its search box had the keyboard in it. A box
    // that has it holds the keys (a click in it too); one that had it and lost it lets them go.
    void searchDrawn(bool active);
    void releaseSearch(); // Esc, Enter or another screen: the shortcuts are back
    [[nodiscard]] bool searchHoldsKeys() const { return searchHold_ != SearchHold::None; }
    // Frames a focus request may wait for the box to take the keys before the hold gives up
    // (it takes two; a box that cannot take them must not leave every shortcut off).
    static constexpr int kSearchFocusFrames = 8;

  private:
    LibraryFolders folders_;
    Reporter& reporter_;
    std::function<Ticks()> clock_;
    Library library_;
    std::string fingerprint_; // when the folders cannot be watched
    std::unique_ptr<FolderWatch> watch_;
    Ticks nextCheck_ = 0;
    std::size_t scans_ = 0;
    LibraryFilter filter_;
    std::vector<std::size_t> visible_;
    std::vector<std::string> tags_;
    std::vector<std::string> equipment_;
    std::optional<std::size_t> selected_;
    std::vector<OutlineLine> outline_;
    bool scrollRequested_ = false;
    bool searchFocusRequested_ = false;
    enum class SearchHold { None, Asked, Active };
    SearchHold searchHold_ = SearchHold::None;
    int searchFramesWaited_ = 0; // frames drawn since the focus was asked for, while Asked

    void selectionChanged();
    void scanned(const std::string& selectedId); // after a scan or a refresh
};

} // namespace unknot
