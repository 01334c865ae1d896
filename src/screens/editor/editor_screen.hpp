#pragma once
// The editor as a screen: the routine being edited (the core Editor), its file, what the view
// keeps between frames, and its two questions ("unsaved changes?", "name taken?"). Saving
// writes the user's routines folder; "Try it" plays through the host. No SDL, no ImGui: the
// unit tests drive it on a temporary folder.

#include "routine/editor.hpp"
#include "screens/editor/editor_state.hpp"
#include "screens/screen.hpp"

#include <filesystem>
#include <memory>
#include <string>

namespace unknot {

class EditorScreen final : public Screen {
  public:
    // `file` is empty for a routine not saved yet; `title` heads it ("New", "Editing").
    EditorScreen(ScreenHost& host, Routine routine, std::filesystem::path file, std::string title);
    // A blank routine (the library's N), a copy of an entry (Duplicate; E on a built-in one),
    // the user's own routine (E; null for any other).
    [[nodiscard]] static std::unique_ptr<EditorScreen> blank(ScreenHost& host);
    [[nodiscard]] static std::unique_ptr<EditorScreen> copyOf(ScreenHost& host, const LibraryEntry& entry);
    [[nodiscard]] static std::unique_ptr<EditorScreen> of(ScreenHost& host, const LibraryEntry& entry);
    // Once it is on the router: the log line the end-to-end tests wait for.
    void begin();

    [[nodiscard]] Route route() const override { return Route::Editor; }
    [[nodiscard]] ui::Screen keyScreen() const override { return ui::Screen::Editor; }
    bool handle(const ui::Intent& intent) override;
    [[nodiscard]] bool navigatesByKeyboard() const override { return true; }
    [[nodiscard]] std::deque<std::string>* typedInto() override { return &view_.typedBeyondBmp; }
    // "test focus=…": the text field being typed in, when it changed.
    void describe(std::string& out) override { describeFocus(view_.activeField, reportedFocus_, out); }

    // What the user did in the view (EditRoutine), or by key.
    void action(const ui::EditorAction& action);
    void chooseStep(int direction); // the step above (-1) or below (+1) in the tree
    // A step command by key (Alt+T, Alt+Up, Alt+K: ui::stepKeys()) done to the selected step,
    // as its button does; a step added gets the keyboard in its label.
    void stepCommand(const ui::EditorAction& command);
    // Saves now, and closes once saved (the quick set's Save); asks when the name is taken.
    void saveAndClose();
    // False when it asks first (unsaved changes); the app quits on true, or after "Discard".
    [[nodiscard]] bool requestQuit();

    [[nodiscard]] const Editor& editor() const { return editor_; }
    [[nodiscard]] ui::EditorViewState& view() { return view_; }
    [[nodiscard]] bool closed() const { return closed_; }

  private:
    enum class Collision { Ask, Replace, NewName };
    ScreenHost& host_;
    Editor editor_;
    std::filesystem::path file_; // empty until saved
    ui::EditorViewState view_;
    bool isNew_;
    bool closeAfterSave_ = false;
    bool quitAfterClose_ = false;
    bool closed_ = false; // off the router: it lives only until the intent is handled
    std::string reportedFocus_ = "-"; // test mode: the field last described as having the keys

    [[nodiscard]] LibraryEntry entry() const;
    void close();
    void save(Collision collision);
    bool applyEdit(const ui::EditorAction& action);
    void saveOrClose(const ui::EditorAction& action);
};

} // namespace unknot
