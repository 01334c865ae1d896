#pragma once
// The library as a screen, at the bottom of the router: the routines found (LibraryModel), the
// Today panel while a program runs (TodayModel), deleting to the trash with one undo, and what
// its view keeps between frames. Choosing, searching, starting and deleting are its own;
// opening the editor, the quick set or the history are the app's flows, so it leaves those.

#include "screens/library/library_model.hpp"
#include "screens/library/library_state.hpp"
#include "screens/library/today_model.hpp"
#include "screens/library/trash.hpp"
#include "screens/screen.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

namespace unknot {

class LibraryScreen final : public Screen {
  public:
    LibraryScreen(ScreenHost& host, LibraryFolders folders);

    [[nodiscard]] Route route() const override { return Route::Library; }
    [[nodiscard]] ui::Screen keyScreen() const override { return ui::Screen::Library; }
    bool handle(const ui::Intent& intent) override;
    [[nodiscard]] std::deque<std::string>* typedInto() override { return &view_.typedBeyondBmp; }
    // "test library scale=… title=… …" and "test library selected_row=… shown=…": how tall the
    // frame just drawn made its parts (the display's scale) and where the selection is, each
    // when it changed.
    void describe(std::string& out) override;

    // Programs (issue 26): the Today panel above the list. Off until the window turns it on
    // (unit tests that do not ask for it never open a database).
    void followPrograms(ProgramFolders folders, std::filesystem::path db, std::function<std::int64_t()> wallClock);
    // Reads today again and selects the next routine due (entering, after a routine).
    void refreshToday();

    [[nodiscard]] LibraryModel& model() { return model_; }
    [[nodiscard]] const LibraryModel& model() const { return model_; }
    [[nodiscard]] const TodayModel* today() const { return today_ ? &*today_ : nullptr; }
    // The name of the routine just deleted (the view offers Undo), or "".
    [[nodiscard]] std::string deletedName() const { return trash_.deletedName(); }

    // -- the view's part ------------------------------------------------------------------------
    [[nodiscard]] ui::LibraryViewState& view() { return view_; }
    // Before each frame: the filter as the view's state asks for it, the model's requests
    // (scroll to the selection, give the search the keys) handed to the view.
    void beginFrame();
    // After it: whether the search box had the keys, and (test mode) the frame's two lines.
    void drawn(std::string layout, std::string selection);

  private:
    ScreenHost& host_;
    LibraryModel model_;
    Trash trash_;
    std::optional<TodayModel> today_;
    ui::LibraryViewState view_;
    std::string loggedSearch_; // the search text, as last logged
    std::string layout_, selection_;
    std::string reportedLayout_, reportedSelection_;
};

} // namespace unknot
