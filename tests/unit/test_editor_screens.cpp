// The screens where routines are made (the editor, the quick set) and the history, with the
// library's deleting, on a temporary folder: saving with a name taken, the quick set's save,
// the editor's questions, deleting only the user's own routines.
#include "core/atomic_file.hpp"
#include "screens/editor/editor_screen.hpp"
#include "screens/history/history_screen.hpp"
#include "screens/library/trash.hpp"
#include "screens/quick_set/quick_set_screen.hpp"

#include "app_fakes.hpp"
#include "temp_dir.hpp"

#include <doctest/doctest.h>

using namespace unknot;
using T = ui::EditorAction::Type;

namespace {

// The library's ways into these screens, opened as AppController opens them, and the intents
// given to the screen on top.
struct Bench {
    test::Host& host;
    Trash trash{host.reports, host.files.trash, [this] { return host.wall; }};

    explicit Bench(test::Host& h) : host(h) {
        host.onOpenEditor = [this](Routine routine, bool saveNow) {
            auto editor = std::make_unique<EditorScreen>(host, std::move(routine), std::filesystem::path{}, "New");
            EditorScreen& opened = *editor;
            show(std::move(editor));
            if (saveNow) opened.saveAndClose();
        };
    }
    template <class S> void show(std::unique_ptr<S> screen) {
        if (!screen) return;
        S& opened = *screen;
        host.open(std::move(screen));
        opened.begin();
    }
    void intent(ui::Action action) {
        if (Screen* top = host.router.topScreen()) top->handle(ui::Intent{action});
    }
    [[nodiscard]] EditorScreen* editorScreen() const {
        return static_cast<EditorScreen*>(host.router.opened(Route::Editor));
    }
    [[nodiscard]] QuickSetScreen* quickSetScreen() const {
        return static_cast<QuickSetScreen*>(host.router.opened(Route::QuickSet));
    }
    [[nodiscard]] HistoryScreen* historyScreen() const {
        return static_cast<HistoryScreen*>(host.router.opened(Route::History));
    }

    [[nodiscard]] bool editing() const { return editorScreen() != nullptr; }
    [[nodiscard]] bool quickSetOpen() const { return quickSetScreen() != nullptr; }
    [[nodiscard]] bool historyOpen() const { return historyScreen() != nullptr; }
    [[nodiscard]] const Editor& editor() const { return editorScreen()->editor(); }
    [[nodiscard]] ui::EditorViewState& editorView() const { return editorScreen()->view(); }
    [[nodiscard]] QuickSetModel& quickSet() const { return quickSetScreen()->model(); }
    [[nodiscard]] const ui::HistoryModel& historyModel() const { return historyScreen()->model(); }
    [[nodiscard]] std::string deletedName() const { return trash.deletedName(); }

    void newRoutine() { show(EditorScreen::blank(host)); }
    void openQuickSet() { show(std::make_unique<QuickSetScreen>(host)); }
    void duplicate(const LibraryEntry& e) { show(EditorScreen::copyOf(host, e)); }
    void edit(const LibraryEntry& e) { show(EditorScreen::of(host, e)); }
    void remove(const LibraryEntry& e) {
        if (trash.remove(e)) host.routinesChanged("");
    }
    void undoRemove() {
        if (auto restored = trash.undo()) host.routinesChanged(*restored);
    }
    void openHistory() {
        auto history = std::make_unique<HistoryScreen>(host);
        HistoryScreen& opened = *history;
        host.open(std::move(history));
        opened.load();
    }

    void close() { intent(ui::Action::CloseView); }
    void closeHistory() { intent(ui::Action::CloseView); }
    void save() { intent(ui::Action::Save); }
    void undo() { intent(ui::Action::Undo); }
    void redo() { intent(ui::Action::Redo); }
    void startQuickSet() { intent(ui::Action::QuickStart); }
    void refineQuickSet() { intent(ui::Action::QuickRefine); }
    void chooseStep(int direction) { editorScreen()->chooseStep(direction); }
    void stepCommand(const ui::EditorAction& command) { editorScreen()->stepCommand(command); }
    void editorAction(const ui::EditorAction& action) {
        if (EditorScreen* e = editorScreen()) e->action(action);
    }
    [[nodiscard]] bool requestQuit() {
        EditorScreen* e = editorScreen();
        return !e || e->requestQuit();
    }
};

struct Rig {
    test::TempDir dir;
    test::Host host;
    bool placed = place(host, dir); // before the bench, whose trash is there
    test::Reports& reports = host.reports;
    Router& router = host.router;
    Bench w{host};
    static bool place(test::Host& host, const test::TempDir& dir) {
        host.files = AppPaths{dir.path / "routines", dir.path / "trash", dir.path / "unknot.db"};
        return true;
    }
    void act(T type) { w.editorAction(ui::makeEditorAction(type)); }
    [[nodiscard]] std::size_t files() const {
        std::size_t n = 0;
        for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir.path / "routines")) ++n;
        return n;
    }
};

LibraryEntry userEntry(const std::filesystem::path& file) { return loadEntry(file, RoutineSource::User); }

} // namespace

TEST_CASE("saving a new routine whose name is taken asks: replace, save as new, or cancel") {
    Rig rig;
    rig.w.newRoutine();
    rig.act(T::Save);
    CHECK(rig.files() == 1);
    rig.act(T::Close);
    CHECK_FALSE(rig.w.editing());
    CHECK(rig.router.top() == Route::Library);

    rig.w.newRoutine();
    rig.act(T::Save);
    CHECK(rig.w.editorView().collidingId == "new-routine");
    rig.act(T::CancelSave);
    CHECK(rig.w.editorView().collidingId.empty());
    rig.act(T::Save);
    rig.act(T::Close); // Esc answers the question first: cancel
    CHECK(rig.w.editing());
    rig.act(T::Save);
    rig.act(T::SaveAsNew);
    CHECK(rig.files() == 2);
    CHECK(std::filesystem::exists(rig.dir.path / "routines" / "new-routine-2.toml"));
    CHECK(rig.host.changed.back() == "new-routine-2");

    rig.w.newRoutine();
    rig.act(T::Save);
    rig.act(T::Replace);
    CHECK(rig.files() == 2);
}

TEST_CASE("the editor asks before closing with unsaved changes, and can keep editing") {
    Rig rig;
    rig.w.newRoutine();
    rig.w.editorAction(ui::makeEditorAction(T::AddPhase));
    CHECK(rig.w.editor().dirty());
    rig.w.undo();
    rig.w.redo();
    rig.w.close();
    CHECK(rig.w.editorView().confirmClose);
    rig.act(T::CancelClose);
    CHECK_FALSE(rig.w.editorView().confirmClose);
    rig.w.close();
    rig.act(T::Close); // a second Esc keeps editing
    CHECK(rig.w.editing());
    rig.w.close();
    rig.act(T::Save); // "Save" in the question saves, then closes
    CHECK_FALSE(rig.w.editing());
    CHECK(rig.files() == 1);
}

TEST_CASE("a routine that cannot play is neither saved nor tried") {
    Rig rig;
    rig.w.newRoutine();
    ui::EditorAction a = ui::makeEditorAction(T::SetStep, {0});
    a.step = rig.w.editor().routine().steps[0];
    a.step.durationMs = 0;
    rig.w.editorAction(a);
    CHECK_FALSE(rig.w.editor().canPlay());
    rig.w.save();
    CHECK(rig.w.editorView().message.starts_with("Fix the problems"));
    rig.act(T::TryIt);
    CHECK(rig.host.played.empty());
    CHECK_FALSE(std::filesystem::exists(rig.dir.path / "routines"));
}

TEST_CASE("the quick set saves through the editor and goes back to the library") {
    Rig rig;
    rig.w.openQuickSet();
    CHECK(rig.router.top() == Route::QuickSet);
    rig.w.save();
    CHECK_FALSE(rig.w.quickSetOpen());
    CHECK_FALSE(rig.w.editing());
    CHECK(rig.router.top() == Route::Library);
    CHECK(std::filesystem::exists(rig.dir.path / "routines" / "my-interval-set.toml"));
}

TEST_CASE("the quick set refuses Start and Save while a field is not a duration") {
    Rig rig;
    rig.w.openQuickSet();
    rig.w.quickSet().form().errors["##rest"] = "\"x\" is not a duration";
    rig.w.startQuickSet();
    rig.w.save();
    CHECK(rig.host.played.empty());
    CHECK(rig.w.quickSetOpen());
    CHECK(rig.reports.count("quick-set refused problems=1") == 2);
    rig.w.refineQuickSet(); // the editor may still open it
    CHECK(rig.w.editing());
    CHECK(rig.router.top() == Route::Editor);
}

TEST_CASE("the quick set's check-in areas are checked by the parser and saved with the routine") {
    Rig rig;
    rig.w.openQuickSet();
    rig.w.quickSet().form().quick.checkIn = {"heel", "heel"};
    rig.w.quickSet().refresh();
    CHECK_FALSE(rig.w.quickSet().canStart());
    REQUIRE(rig.w.quickSet().summary().problems.size() == 1);
    CHECK(rig.w.quickSet().summary().problems[0].find("names 'heel' twice") != std::string::npos);
    rig.w.quickSet().form().quick.checkIn = {"heel"};
    rig.w.quickSet().refresh();
    REQUIRE(rig.w.quickSet().canStart());
    rig.w.save();
    const auto saved = readFile(rig.dir.path / "routines" / "my-interval-set.toml");
    REQUIRE(saved);
    CHECK(saved->find("check_in = [\"heel\"]\n") != std::string::npos);
}

TEST_CASE("the quick set's Start plays a checked routine and Esc leaves it") {
    Rig rig;
    rig.w.openQuickSet();
    rig.w.quickSet().form().quick.firstMs = 7000;
    rig.w.startQuickSet();
    REQUIRE(rig.host.played.size() == 1);
    CHECK(rig.host.played[0].timeline().phases[1].durationMs == 7000);
    rig.w.openQuickSet();
    rig.w.close();
    CHECK_FALSE(rig.w.quickSetOpen());
}

TEST_CASE("only the user's own routines are edited and deleted and a delete can be undone") {
    Rig rig;
    rig.dir.write("builtin/b.toml", "name = \"B\"\n[[step]]\nkind = \"hold\"\nduration = \"30s\"\n");
    rig.dir.write("routines/mine.toml", "name = \"Mine\"\n[[step]]\nkind = \"hold\"\nduration = \"30s\"\n");
    const LibraryEntry builtIn = loadEntry(rig.dir.path / "builtin/b.toml", RoutineSource::BuiltIn);
    rig.w.edit(builtIn);
    CHECK_FALSE(rig.w.editing());
    rig.w.remove(builtIn);
    CHECK(std::filesystem::exists(rig.dir.path / "builtin/b.toml"));

    const LibraryEntry mine = userEntry(rig.dir.path / "routines/mine.toml");
    rig.w.edit(mine);
    CHECK(rig.w.editing());
    CHECK_FALSE(rig.w.editor().dirty());
    rig.w.close();
    rig.w.remove(mine);
    CHECK(rig.files() == 0);
    CHECK(rig.w.deletedName() == "Mine");
    rig.w.undoRemove();
    CHECK(rig.files() == 1);
    CHECK(rig.host.changed.back() == "mine");
    rig.w.undoRemove(); // nothing left to undo
    CHECK(rig.files() == 1);

    rig.w.remove(userEntry(rig.dir.path / "routines/gone.toml")); // no such file: a notice
    CHECK(rig.reports.notices.size() == 1);
}

TEST_CASE("the history opens with its weeks worked out") {
    Rig rig;
    {
        HistoryStore store(rig.dir.path / "unknot.db", rig.dir.path / "history.csv", rig.reports);
        REQUIRE_FALSE(store.append(HistoryRecord{rig.host.wall, "a", "A", 60'000, 60'000, true}));
        REQUIRE(store.lastSessionId()); // a stand-in until written, resolved with the check-in
        REQUIRE_FALSE(store.addCheckIn(
            CheckIn{rig.host.wall, "heel", Side::Left, 3, CheckInMoment::After, store.lastSessionId(), ""}));
    }
    rig.w.openHistory();
    CHECK(rig.w.historyOpen());
    CHECK(rig.w.historyModel().records->size() == 1);
    CHECK(rig.w.historyModel().streakDays == 1);
    REQUIRE(rig.w.historyModel().trends.size() == 1);
    CHECK(rig.w.historyModel().trends[0].area == "heel");
    rig.w.closeHistory();
    CHECK(rig.router.top() == Route::Library);
}

TEST_CASE("every edit the editor view reports reaches the routine, and undo takes it back") {
    Rig rig;
    rig.w.newRoutine();
    const auto text = [](T type, std::string value) {
        ui::EditorAction a = ui::makeEditorAction(type);
        a.text = std::move(value);
        return a;
    };
    const auto list = [](T type, std::vector<std::string> items) {
        ui::EditorAction a = ui::makeEditorAction(type);
        a.list = std::move(items);
        return a;
    };
    rig.w.editorAction(text(T::SetName, "Hips"));
    rig.w.editorAction(text(T::SetSummary, "For the hips"));
    rig.w.editorAction(text(T::SetNotes, "Slowly."));
    rig.w.editorAction(list(T::SetTags, {"hips"}));
    rig.w.editorAction(list(T::SetEquipment, {"ball"}));
    rig.w.editorAction(list(T::SetCheckIn, {"hip"}));
    const Routine& r = rig.w.editor().routine();
    CHECK(r.checkIn == std::vector<std::string>{"hip"});
    CHECK(r.name == "Hips");
    CHECK(r.summary == "For the hips");
    CHECK(r.notes == "Slowly.");
    CHECK(r.tags == std::vector<std::string>{"hips"});
    CHECK(r.equipment == std::vector<std::string>{"ball"});

    rig.w.editorAction(ui::makeEditorAction(T::AddBlock));
    CHECK(rig.w.editorView().selected == StepPath{1});
    rig.w.editorAction(ui::makeEditorAction(T::Duplicate, {1}));
    CHECK(rig.w.editor().routine().steps.size() == 3);
    rig.w.editorAction(ui::makeEditorAction(T::MoveUp, {2}));
    rig.w.editorAction(ui::makeEditorAction(T::MoveDown, {1}));
    rig.w.editorAction(ui::makeEditorAction(T::MoveInto, {2}));
    CHECK(rig.w.editor().routine().steps.size() == 2);
    rig.w.editorAction(ui::makeEditorAction(T::MoveOut, rig.w.editorView().selected));
    CHECK(rig.w.editor().routine().steps.size() == 3);
    ui::EditorAction drag = ui::makeEditorAction(T::MoveTo, {2});
    drag.target = {0};
    rig.w.editorAction(drag);
    CHECK(rig.w.editorView().selected == StepPath{0});
    rig.w.editorAction(ui::makeEditorAction(T::Remove, {0}));
    CHECK(rig.w.editorView().selected.empty());
    CHECK(rig.w.editor().routine().steps.size() == 2);
    rig.act(T::Undo);
    CHECK(rig.w.editor().routine().steps.size() == 3);
    rig.act(T::Redo);
    CHECK(rig.w.editor().routine().steps.size() == 2);
    CHECK(rig.reports.count("editor ") >= 15);
}

TEST_CASE("quitting with unsaved changes: Save saves, closes and quits") {
    Rig rig;
    rig.w.newRoutine();
    rig.w.editorAction(ui::makeEditorAction(T::AddBlock));
    CHECK_FALSE(rig.w.requestQuit());
    CHECK(rig.w.editorView().confirmClose);
    rig.act(T::Save);
    CHECK_FALSE(rig.w.editing());
    CHECK(rig.host.quitAsked);
    CHECK(rig.files() == 1);
}

TEST_CASE("a routine that cannot be written stays open with the reason") {
    Rig rig;
    rig.dir.write("routines", "a file where the folder should be");
    rig.w.newRoutine();
    rig.act(T::Save);
    CHECK(rig.w.editing());
    CHECK(rig.w.editorView().message.starts_with("Not saved: "));
    REQUIRE(rig.reports.notices.size() == 1);
    CHECK(rig.reports.notices[0].starts_with("not saved: "));
}

TEST_CASE("duplicating any routine opens a copy to edit") {
    Rig rig;
    rig.dir.write("builtin/b.toml", "name = \"B\"\n[[step]]\nkind = \"hold\"\nduration = \"30s\"\n");
    rig.w.duplicate(loadEntry(rig.dir.path / "builtin/b.toml", RoutineSource::BuiltIn));
    REQUIRE(rig.w.editing());
    CHECK(rig.w.editor().routine().name == "B (my copy)");
    CHECK(rig.w.editorView().title == "New copy");
}

TEST_CASE("the editor's fields get the keyboard when it opens and when a step is chosen or added") {
    Rig rig;
    rig.w.newRoutine();
    CHECK(rig.w.editorView().focusFields);
    rig.w.editorView().focusFields = false; // the view took it
    rig.w.editorAction(ui::makeEditorAction(T::Select, {0}));
    CHECK(rig.w.editorView().focusFields);
    rig.w.editorView().focusFields = false;
    ui::EditorAction name = ui::makeEditorAction(T::SetName);
    name.text = "Typed";
    rig.w.editorAction(name); // typing in a field keeps the keyboard where it is
    CHECK_FALSE(rig.w.editorView().focusFields);
    rig.w.editorAction(ui::makeEditorAction(T::AddBlock));
    CHECK(rig.w.editorView().focusFields);
}

TEST_CASE("Ctrl+arrows choose the editor's steps: the fields follow and the choice is reported") {
    Rig rig;
    rig.w.newRoutine();
    rig.w.editorAction(ui::makeEditorAction(T::AddBlock, {}));
    rig.w.editorAction(ui::makeEditorAction(T::Select, {}));
    rig.w.editorView().focusFields = false;
    rig.w.chooseStep(+1);
    CHECK(rig.w.editorView().selected == StepPath{0});
    CHECK(rig.w.editorView().focusFields);
    rig.w.chooseStep(+1);
    rig.w.chooseStep(+1);
    CHECK(rig.w.editorView().selected == StepPath{1, 0});
    CHECK(rig.reports.count("editor selected=1.0") == 1);
    rig.w.chooseStep(-1);
    CHECK(rig.w.editorView().selected == StepPath{1});
    rig.act(T::Undo); // choosing is no edit: undo takes back the block added
    CHECK(rig.w.editor().routine().steps.size() == 1);
}

TEST_CASE("step commands by key act on the selected step as their buttons do") {
    Rig rig;
    rig.w.newRoutine(); // one prepare phase
    const auto command = [&](T type, PhaseKind kind = PhaseKind::Tense, int direction = +1) {
        ui::EditorAction a = ui::makeEditorAction(type);
        a.kind = kind;
        a.direction = direction;
        rig.w.stepCommand(a);
    };
    const auto& steps = [&]() -> const std::vector<Step>& { return rig.w.editor().routine().steps; };
    // Added after the last step of the level chosen; selected, its label ready to type.
    command(T::AddPhase, PhaseKind::Tense);
    REQUIRE(steps().size() == 2);
    CHECK(steps()[1].kind == PhaseKind::Tense);
    CHECK(rig.w.editorView().selected == StepPath{1});
    CHECK(rig.w.editorView().focusLabel);
    CHECK(rig.reports.count("editor selected=1") == 1);
    rig.w.editorView().focusLabel = false;
    command(T::AddPhase, PhaseKind::Release);
    CHECK(steps()[2].kind == PhaseKind::Release);
    CHECK(rig.w.editorView().selected == StepPath{2});
    CHECK(rig.w.editorView().focusLabel);
    // The kind: forward through kWritableKinds and round, back with -1; manual drops the duration.
    command(T::CycleKind);
    CHECK(steps()[2].kind == PhaseKind::Hold);
    command(T::CycleKind, PhaseKind::Tense, -1);
    command(T::CycleKind, PhaseKind::Tense, -1);
    CHECK(steps()[2].kind == PhaseKind::Tense);
    rig.w.editorAction(ui::makeEditorAction(T::Select, {0}));
    command(T::CycleKind, PhaseKind::Tense, -1); // prepare, the first: round to manual
    CHECK(steps()[0].kind == PhaseKind::Manual);
    CHECK(steps()[0].durationMs == 0);
    command(T::CycleKind); // and on to prepare, with a duration again
    CHECK(steps()[0].kind == PhaseKind::Prepare);
    CHECK(steps()[0].durationMs == 30'000);
    // The sides: none, left then right, right then left, left, right, none; back with -1.
    rig.w.editorAction(ui::makeEditorAction(T::Select, {2}));
    command(T::CycleSides);
    CHECK(steps()[2].sides == std::vector<Side>{Side::Left, Side::Right});
    command(T::CycleSides);
    CHECK(steps()[2].sides == std::vector<Side>{Side::Right, Side::Left});
    command(T::CycleSides, PhaseKind::Tense, -1);
    command(T::CycleSides, PhaseKind::Tense, -1);
    command(T::CycleSides, PhaseKind::Tense, -1);
    CHECK(steps()[2].sides == std::vector<Side>{Side::Right});
    // Moved, the selection follows; into the block above and out again.
    command(T::MoveUp);
    CHECK(rig.w.editorView().selected == StepPath{1});
    CHECK(steps()[1].sides == std::vector<Side>{Side::Right});
    command(T::MoveDown);
    CHECK(rig.w.editorView().selected == StepPath{2});
    command(T::AddBlock); // after the tense phase, holding a pair
    CHECK(rig.w.editorView().selected == StepPath{3});
    command(T::AddPhase, PhaseKind::Hold); // a block chosen: added into it
    CHECK(rig.w.editorView().selected == StepPath{3, 2});
    command(T::MoveOut);
    CHECK(rig.w.editorView().selected == StepPath{4});
    command(T::MoveInto);
    CHECK(rig.w.editorView().selected == StepPath{3, 2});
    command(T::Duplicate);
    CHECK(rig.w.editorView().selected == StepPath{3, 3});
    CHECK(steps()[3].children.size() == 4);
    // Deleted, and Ctrl+Z brings it back.
    command(T::Remove);
    CHECK(steps()[3].children.size() == 3);
    CHECK(rig.w.editorView().selected.empty());
    rig.w.undo();
    CHECK(steps()[3].children.size() == 4);
    // With the routine's own fields chosen only adding does something.
    const std::size_t before = steps().size();
    for (T type : {T::Remove, T::Duplicate, T::MoveUp, T::CycleKind, T::CycleSides}) command(type);
    CHECK(steps().size() == before);
    command(T::AddPhase, PhaseKind::Rest);
    CHECK(steps().size() == before + 1);
    CHECK(steps().back().kind == PhaseKind::Rest);
}

TEST_CASE("step commands wait while the editor asks a question") {
    Rig rig;
    rig.w.newRoutine();
    ui::EditorAction name = ui::makeEditorAction(T::SetName);
    name.text = "Typed";
    rig.w.editorAction(name);
    rig.w.close(); // asks: unsaved changes
    REQUIRE(rig.w.editorView().confirmClose);
    ui::EditorAction add = ui::makeEditorAction(T::AddPhase);
    rig.w.stepCommand(add);
    CHECK(rig.w.editor().routine().steps.size() == 1);
}

TEST_CASE("the forms describe the field that has the keys, once each time it changes") {
    test::Host host;
    QuickSetScreen quickSet(host);
    CHECK(quickSet.navigatesByKeyboard()); // Tab moves between its fields
    CHECK(quickSet.typedInto() == &quickSet.model().form().typedBeyondBmp);
    std::string out;
    quickSet.model().form().focused = "name";
    quickSet.describe(out);
    CHECK(out == "test focus=name\n");
    out.clear();
    quickSet.describe(out);
    CHECK(out.empty());
    quickSet.model().form().focused = "repeats";
    quickSet.describe(out);
    CHECK(out == "test focus=repeats\n");

    EditorScreen editor(host, Routine{}, {}, "New");
    CHECK(editor.navigatesByKeyboard());
    CHECK(editor.typedInto() == &editor.view().typedBeyondBmp);
    out.clear();
    editor.view().activeField = "1.label";
    editor.describe(out);
    CHECK(out == "test focus=1.label\n");
    out.clear();
    editor.describe(out);
    CHECK(out.empty());
}
