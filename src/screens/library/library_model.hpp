#pragma once
// The library as the window shows it: the routines found (read on the loader's thread, again
// when files change on disk), the search and the filters, the selection, and the selected
// routine's outline, worked out once per change rather than once per frame.

#include "core/reporter.hpp"
#include "play/session_driver.hpp"
#include "routine/routine_outline.hpp"
#include "store/library.hpp"
#include "store/library_loader.hpp"

#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace unknot {

class LibraryModel {
  public:
    LibraryModel(LibraryFolders folders, Reporter& reporter);
    ~LibraryModel();
    LibraryModel(const LibraryModel&) = delete;
    LibraryModel& operator=(const LibraryModel&) = delete;

    // Called on the loader's thread when there is something new to poll() (the window wakes).
    void setWake(std::function<void()> wake) { loader_.setWake(std::move(wake)); }
    // A window's start: the user's folder is read once the first frame is shown (with the
    // built-ins), not while it is drawn. Before the first rescan().
    void holdOthersUntilShown() { loader_.holdOthersUntilShown(); }
    void firstFrameShown() { loader_.firstFrameShown(); }
    // Reads every folder again, on the loader's thread. The first time, it waits for the
    // built-in routines only: the user's folder follows, shown as it is read. Later, it waits
    // until the new list is whole (what was just saved is then listed). The selection stays on the routine it was on,
    // by id; with none, it goes to `fallbackId` (the last one played, one just saved) as soon as that one is read, else
    // on the first.
    void rescan(const std::string& fallbackId = {});
    // Takes what the loader read since (a scan, files changed on disk); true when the list changed.
    bool poll(const std::string& fallbackId = {});
    // Waits until every change made on disk so far is read, then takes it (tests).
    void settle(const std::string& fallbackId = {});
    // While the first scan reads the folders: files read and files found.
    struct Progress {
        std::size_t read = 0;
        std::size_t total = 0;
    };
    [[nodiscard]] std::optional<Progress> reading() const { return reading_; }

    // Recomputes what is visible when it changed; a selection it hides moves to the first
    // routine visible, so that Enter starts what the search found, not a routine out of sight.
    void setFilter(const LibraryFilter& filter);
    void select(std::size_t index);
    void clearSelection();
    void moveSelection(int delta); // within the visible entries, clamped at both ends

    [[nodiscard]] const std::vector<LibraryEntry>& entries() const { return *entries_; }
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
    Reporter& reporter_;
    LibraryLoader loader_;
    std::shared_ptr<const std::vector<LibraryEntry>> entries_ = std::make_shared<const std::vector<LibraryEntry>>();
    bool whole_ = false;   // a complete list was shown: partial ones no longer replace it
    std::string wantedId_; // to select as soon as it is read (cleared by a choice of the user's)
    std::optional<Progress> reading_;
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
    void shown(const std::string& selectedId, bool whole); // after a new list
    void noticeRefused();                                  // a notice for each routine file refused anew
    std::set<std::string> refusedTold_;                    // the problems already told: place and message
};

} // namespace unknot
