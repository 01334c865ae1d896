// Index: opening; intents; saving; edits; the questions and closing.
#include "screens/editor/editor_screen.hpp"

#include "core/i18n.hpp"
#include "store/user_files.hpp"

#include <utility>

namespace unknot {

// ---------------------------------------------------------------------------------------
// Opening
// ---------------------------------------------------------------------------------------
EditorScreen::EditorScreen(ScreenHost& host, Routine routine, std::filesystem::path file, std::string title)
    : host_(host), editor_(std::move(routine), !file.empty()), file_(std::move(file)), isNew_(file_.empty()) {
    view_.title = std::move(title);
}

std::unique_ptr<EditorScreen> EditorScreen::blank(ScreenHost& host) {
    Routine blank;
    blank.name = _("New routine");
    Step prepare;
    prepare.kind = PhaseKind::Prepare;
    prepare.durationMs = 10'000;
    prepare.label = _("Get into position");
    blank.steps.push_back(prepare);
    return std::make_unique<EditorScreen>(host, std::move(blank), std::filesystem::path{}, _("New"));
}

std::unique_ptr<EditorScreen> EditorScreen::copyOf(ScreenHost& host, const LibraryEntry& entry) {
    Routine copy = entry.routine();
    copy.name = format(_("{0} (my copy)"), {copy.name});
    return std::make_unique<EditorScreen>(host, std::move(copy), std::filesystem::path{}, _("New copy"));
}

std::unique_ptr<EditorScreen> EditorScreen::of(ScreenHost& host, const LibraryEntry& entry) {
    if (entry.source != RoutineSource::User || !entry.valid()) return nullptr;
    return std::make_unique<EditorScreen>(host, entry.routine(), entry.path, _("Editing"));
}

void EditorScreen::begin() { host_.reporter().logf("screen editor new=%d", isNew_ ? 1 : 0); }

// ---------------------------------------------------------------------------------------
// Intents
// ---------------------------------------------------------------------------------------
bool EditorScreen::handle(const ui::Intent& intent) {
    using ui::Action;
    using T = ui::EditorAction::Type;
    switch (intent.action) {
    case Action::CloseView: action(ui::makeEditorAction(T::Close)); return true;
    case Action::Undo: action(ui::makeEditorAction(T::Undo)); return true;
    case Action::Redo: action(ui::makeEditorAction(T::Redo)); return true;
    case Action::PreviousStep: chooseStep(-1); return true;
    case Action::NextStep: chooseStep(+1); return true;
    case Action::StepCommand: stepCommand(intent.edit); return true;
    case Action::Save: action(ui::makeEditorAction(T::Save)); return true;
    case Action::EditRoutine: action(intent.edit); return true;
    default: return false;
    }
}

void EditorScreen::chooseStep(int direction) {
    if (closed_) return;
    const StepPath next = editor_.stepBeside(view_.selected, direction);
    action(ui::makeEditorAction(ui::EditorAction::Type::Select, next));
    host_.reporter().logf("editor selected=%s", formatStepPath(next).c_str());
}

void EditorScreen::stepCommand(const ui::EditorAction& command) {
    using T = ui::EditorAction::Type;
    if (closed_ || view_.confirmClose || !view_.collidingId.empty()) return; // a question is open
    const StepPath selected = view_.selected;
    ui::EditorAction a = command;
    const bool adds = a.type == T::AddPhase || a.type == T::AddBlock;
    if (adds) {
        a.path = editor_.parentForAdding(selected);
    } else {
        if (selected.empty()) return; // the routine's own fields: no step to change
        a.path = selected;
    }
    action(a);
    if (closed_) return;
    if (adds) view_.focusLabel = true;
    host_.reporter().logf("editor selected=%s", formatStepPath(view_.selected).c_str());
}

bool EditorScreen::requestQuit() {
    if (closed_ || !editor_.dirty()) return true;
    view_.confirmClose = true; // ask first; Discard quits
    view_.collidingId.clear();
    quitAfterClose_ = true;
    host_.reporter().logf("editor asks unsaved");
    return false;
}

void EditorScreen::action(const ui::EditorAction& a) {
    if (closed_ || !a) return;
    view_.message.clear();
    const StepPath selected = view_.selected;
    if (!applyEdit(a)) saveOrClose(a);
    if (closed_) return;
    // A step chosen (or added, moved): Tab goes through its fields.
    if (a.type == ui::EditorAction::Type::Select || view_.selected != selected) view_.focusFields = true;
    if (a.type != ui::EditorAction::Type::Select)
        host_.reporter().logf("editor %d total_ms=%lld phases=%zu problems=%zu dirty=%d", static_cast<int>(a.type),
                              static_cast<long long>(editor_.totalMs()), editor_.phaseCount(),
                              editor_.diagnostics().size(), editor_.dirty() ? 1 : 0);
}

// ---------------------------------------------------------------------------------------
// Saving
// ---------------------------------------------------------------------------------------
LibraryEntry EditorScreen::entry() const {
    LibraryEntry e;
    e.id = file_.empty() ? idFromName(editor_.routine().name) : file_.stem().string();
    e.path = file_;
    e.source = RoutineSource::User;
    e.parsed.routine = editor_.routine();
    e.setTimeline(editor_.timeline());
    return e;
}

void EditorScreen::saveAndClose() {
    closeAfterSave_ = true; // back to the library once it is saved
    save(Collision::Ask);
}

// Saves the routine; `collision` says what to do when a new one's name is taken.
void EditorScreen::save(Collision collision) {
    Reporter& reporter = host_.reporter();
    if (!editor_.canPlay()) {
        view_.message = _("Fix the problems marked ! first; they would stop it playing.");
        return;
    }
    const std::filesystem::path& routines = host_.paths().routines;
    std::filesystem::path target = file_;
    if (target.empty()) {
        const std::string id = idFromName(editor_.routine().name);
        target = routines / (id + ".toml");
        std::error_code ec;
        if (std::filesystem::exists(target, ec)) {
            if (collision == Collision::Ask) {
                view_.collidingId = id;
                reporter.logf("editor asks name-taken id=%s", id.c_str());
                return;
            }
            if (collision == Collision::NewName) target = freeRoutinePath(routines, id);
        }
    }
    if (auto error = saveRoutine(target, editor_.routine())) {
        view_.message = format(_("Not saved: {0}"), {*error});
        reporter.notice(format(_("not saved: {0}"), {*error}));
        return;
    }
    file_ = target;
    editor_.markSaved();
    view_.collidingId.clear();
    view_.title = _("Editing");
    view_.message = format(_("Saved to {0}"), {target.string()});
    reporter.logf("saved routine=%s path=%s", target.stem().string().c_str(), target.string().c_str());
    host_.routinesChanged(target.stem().string());
    if (closeAfterSave_) close();
}

// ---------------------------------------------------------------------------------------
// Edits
// ---------------------------------------------------------------------------------------
// Changes to the routine and the selection; false for the actions that are not edits.
bool EditorScreen::applyEdit(const ui::EditorAction& a) {
    using T = ui::EditorAction::Type;
    Editor& ed = editor_;
    StepPath& sel = view_.selected;
    switch (a.type) {
    case T::Select: sel = a.path; return true;
    case T::SetName: ed.setName(a.text, a.mergeKey); return true;
    case T::SetSummary: ed.setSummary(a.text, a.mergeKey); return true;
    case T::SetNotes: ed.setNotes(a.text, a.mergeKey); return true;
    case T::SetTags: ed.setTags(a.list, a.mergeKey); return true;
    case T::SetEquipment: ed.setEquipment(a.list, a.mergeKey); return true;
    case T::SetCheckIn: ed.setCheckIn(a.list, a.mergeKey); return true;
    case T::SetStep: ed.setStep(a.path, a.step, a.mergeKey); return true;
    case T::AddPhase: sel = ed.addPhase(a.path, a.kind); return true;
    case T::AddBlock: sel = ed.addBlock(a.path); return true;
    case T::Remove:
        ed.remove(a.path);
        sel.clear();
        return true;
    case T::Duplicate: sel = ed.duplicate(a.path); return true;
    case T::MoveUp: sel = ed.moveUp(a.path); return true;
    case T::MoveDown: sel = ed.moveDown(a.path); return true;
    case T::MoveInto: sel = ed.moveInto(a.path); return true;
    case T::MoveOut: sel = ed.moveOut(a.path); return true;
    case T::MoveTo: sel = ed.moveTo(a.path, a.target); return true;
    case T::CycleKind: ed.cycleKind(a.path, a.direction); return true;
    case T::CycleSides: ed.cycleSides(a.path, a.direction); return true;
    case T::Undo:
    case T::Redo:
        if (a.type == T::Undo)
            ed.undo();
        else
            ed.redo();
        if (!ed.at(sel)) sel.clear();
        return true;
    default: return false;
    }
}

// ---------------------------------------------------------------------------------------
// The questions and closing
// ---------------------------------------------------------------------------------------
// Saving, trying, closing, and the answers to the editor's two questions ("unsaved changes?",
// "name taken?").
void EditorScreen::saveOrClose(const ui::EditorAction& a) {
    using T = ui::EditorAction::Type;
    switch (a.type) {
    case T::Save:
        if (view_.confirmClose) { // "Save" in the unsaved-changes question: save, then close
            view_.confirmClose = false;
            closeAfterSave_ = true;
        }
        save(Collision::Ask);
        break;
    case T::Replace: save(Collision::Replace); break;
    case T::SaveAsNew: save(Collision::NewName); break;
    case T::CancelSave:
        view_.collidingId.clear();
        closeAfterSave_ = false;
        break;
    case T::TryIt:
        if (editor_.canPlay()) host_.play(entry());
        break;
    case T::Close:
        if (!view_.collidingId.empty()) { // Esc answers the open question first: cancel
            view_.collidingId.clear();
            closeAfterSave_ = false;
        } else if (view_.confirmClose) {
            view_.confirmClose = false;
            quitAfterClose_ = false;
        } else if (editor_.dirty()) {
            view_.confirmClose = true;
            host_.reporter().log("editor asks unsaved");
        } else {
            close();
        }
        break;
    case T::DiscardAndClose: close(); break;
    case T::CancelClose:
        view_.confirmClose = false;
        quitAfterClose_ = false;
        break;
    default: break;
    }
}

void EditorScreen::close() {
    closed_ = true;
    host_.close(Route::Editor); // this screen lives on until the intent is handled
    host_.reporter().logf("screen library");
    if (quitAfterClose_) host_.quit();
}

} // namespace unknot
