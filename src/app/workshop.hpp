#pragma once
// Where routines are made: the editor, the quick set, the history view, and deleting with
// undo. The window hands it the library's intents and the actions of its views, and draws
// those views from what it exposes; it reports back through a small host interface. No SDL,
// no ImGui: the unit tests drive it on a temporary folder.

#include "core/reporter.hpp"
#include "routine/editor.hpp"
#include "screens/editor/editor_state.hpp"
#include "screens/history/history_state.hpp"
#include "screens/player/player_controller.hpp"
#include "screens/quick_set/quick_set_model.hpp"
#include "screens/router.hpp"
#include "store/history_db.hpp"
#include "store/library.hpp"
#include "store/user_files.hpp"

#include <optional>
#include <string>
#include <vector>

namespace unknot {

// Where the workshop keeps its files (the XDG folders in the app, a temporary one in tests).
struct WorkshopPaths {
    std::filesystem::path routines; // the user's own routines
    std::filesystem::path trash;
    std::filesystem::path history; // the history database (unknot.db)
};

class WorkshopHost {
  public:
    virtual ~WorkshopHost() = default;
    virtual void play(const LibraryEntry& entry) = 0;              // "Try it", "Start now"
    virtual void routinesChanged(const std::string& selectId) = 0; // saved, deleted, restored
    virtual void quit() = 0;                                       // after "discard" on quitting
};

class Workshop {
  public:
    Workshop(WorkshopHost& host, Reporter& reporter, Router& router, WorkshopPaths paths, PlayerClocks clocks);

    [[nodiscard]] bool editing() const { return editing_.has_value(); }
    [[nodiscard]] bool quickSetOpen() const { return quickSet_.has_value(); }
    [[nodiscard]] bool historyOpen() const { return historyOpen_; }
    [[nodiscard]] std::string deletedName() const { return lastDeleted_ ? lastDeletedName_ : ""; }

    void newRoutine();
    void openQuickSet();
    void duplicate(const LibraryEntry& entry);
    void edit(const LibraryEntry& entry);   // the user's own routines only
    void remove(const LibraryEntry& entry); // to the trash; the user's own routines only
    void undoRemove();
    void openHistory();

    void close(); // Esc: leave the open view (the editor asks when unsaved)
    void undo();
    void redo();
    void chooseStep(int direction); // the editor: the step above (-1) or below (+1) in the tree
    // A step command by key (Alt+T, Alt+Up, Alt+K: ui::stepKeys()) done to the selected step,
    // as its button does; a step added gets the keyboard in its label.
    void stepCommand(const ui::EditorAction& command);
    void save();
    // False when it asks first (unsaved changes); the host quits on true.
    [[nodiscard]] bool requestQuit();

    // What the user did in the open view.
    void editorAction(const ui::EditorAction& action);
    void startQuickSet();  // "Start now"
    void refineQuickSet(); // "Open in the editor"
    void closeHistory();
    // After each frame a view drew: the quick set checks what its fields say now.
    void viewDrawn();

    // -- what the views draw (only while that view is open) -----------------------------------
    [[nodiscard]] const Editor& editor() const { return editing_->editor; }
    [[nodiscard]] ui::EditorViewState& editorView() { return editing_->view; }
    [[nodiscard]] QuickSetModel& quickSet() { return *quickSet_; }
    [[nodiscard]] const ui::HistoryModel& historyModel() const { return historyModel_; }

  private:
    struct Editing {
        Editor editor;
        std::filesystem::path file; // empty until saved
        ui::EditorViewState view;
        bool closeAfterSave = false;
        bool quitAfterClose = false;
    };
    enum class Collision { Ask, Replace, NewName };

    WorkshopHost& host_;
    Reporter& reporter_;
    Router& router_;
    WorkshopPaths paths_;
    PlayerClocks clocks_;
    std::optional<Editing> editing_;
    std::optional<QuickSetModel> quickSet_;
    bool historyOpen_ = false;
    std::vector<HistoryRecord> history_;
    std::vector<CheckIn> checkIns_;
    ui::HistoryModel historyModel_; // worked out when the history opens
    std::optional<TrashedFile> lastDeleted_;
    std::string lastDeletedName_;

    void openEditor(Routine routine, std::filesystem::path file, std::string title);
    [[nodiscard]] LibraryEntry entryFromEditor() const;
    void closeEditor();
    void closeQuickSet();
    enum class QuickCommand { Start, Save, Refine, Cancel };
    void quickSetCommand(QuickCommand command);
    void saveEditing(Collision collision);
    bool applyEdit(const ui::EditorAction& action);
    void saveOrClose(const ui::EditorAction& action);
};

} // namespace unknot
