#pragma once
// Where routines are made: the editor, the quick set, the history view, and deleting with
// undo. The window hands it the library's intents and draws it in place of the library while
// one of its views is open; it reports back through a small host interface.

#include "core/editor.hpp"
#include "core/library.hpp"
#include "core/user_files.hpp"
#include "ui/editor_view.hpp"
#include "ui/fonts.hpp"
#include "ui/quick_set_view.hpp"

#include <optional>
#include <string>
#include <vector>

namespace unknot {

class WorkshopHost {
  public:
    virtual ~WorkshopHost() = default;
    virtual void play(const LibraryEntry& entry) = 0;            // "Try it", "Start now"
    virtual void routinesChanged(const std::string& selectId) = 0; // saved, deleted, restored
    virtual void notice(const std::string& text) = 0;
    virtual void log(const std::string& line) = 0;
    virtual void quit() = 0;                                      // after "discard" on quitting
};

class Workshop {
  public:
    explicit Workshop(WorkshopHost& host) : host_(host) {}

    [[nodiscard]] bool editing() const { return editing_.has_value(); }
    [[nodiscard]] bool quickSetOpen() const { return quickSet_.has_value(); }
    [[nodiscard]] bool historyOpen() const { return historyOpen_; }
    [[nodiscard]] bool open() const { return editing() || quickSetOpen() || historyOpen(); }
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
    void save();
    // False when it asks first (unsaved changes); the host quits on true.
    [[nodiscard]] bool requestQuit();

    // Draws the open view and carries out what the user did there; true when they did anything.
    bool draw(const ui::Fonts& fonts);

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
    std::optional<Editing> editing_;
    std::optional<ui::QuickSetViewState> quickSet_;
    bool historyOpen_ = false;
    std::vector<HistoryRecord> history_;
    std::optional<TrashedFile> lastDeleted_;
    std::string lastDeletedName_;

    void logf(const char* format, ...) __attribute__((format(printf, 2, 3)));
    void openEditor(Routine routine, std::filesystem::path file, std::string title);
    [[nodiscard]] LibraryEntry entryFromEditor() const;
    void closeEditor();
    void saveEditing(Collision collision);
    void editorAction(const ui::EditorAction& action);
    void quickSetAction(const ui::QuickSetAction& action);
};

} // namespace unknot
