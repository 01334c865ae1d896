// Index: opening views; the editor (open, save, actions); the quick set; deleting.
#include "app/workshop.hpp"

#include "play/session_driver.hpp"

namespace unknot {

Workshop::Workshop(WorkshopHost& host, Reporter& reporter, Router& router, WorkshopPaths paths)
    : host_(host), reporter_(reporter), router_(router), paths_(std::move(paths)) {}

// ---------------------------------------------------------------------------------------
// Opening views
// ---------------------------------------------------------------------------------------
void Workshop::newRoutine() {
    Routine blank;
    blank.name = "New routine";
    Step prepare;
    prepare.kind = PhaseKind::Prepare;
    prepare.durationMs = 10'000;
    prepare.label = "Get into position";
    blank.steps.push_back(prepare);
    openEditor(std::move(blank), {}, "New");
}

void Workshop::openQuickSet() {
    quickSet_.emplace();
    router_.open(Route::QuickSet);
    reporter_.logf("screen quick-set");
}

void Workshop::duplicate(const LibraryEntry& entry) {
    Routine copy = entry.routine();
    copy.name += " (my copy)";
    openEditor(std::move(copy), {}, "New copy");
}

void Workshop::edit(const LibraryEntry& entry) {
    if (entry.source == RoutineSource::User && entry.valid()) openEditor(entry.routine(), entry.path, "Editing");
}

void Workshop::openHistory() {
    // Opened afresh each time, so sessions another Unknot process wrote meanwhile show too.
    // The time it takes is logged for bench/history_open.py (10 years of days: under 100 ms).
    const Ticks began = steadyClockMs();
    history_.clear();
    checkIns_.clear();
    // Read only: another process writing never delays this screen.
    auto opened = HistoryDb::open(paths_.history, HistoryAccess::Read);
    if (auto* error = std::get_if<std::string>(&opened)) {
        reporter_.notice("cannot read the history: " + *error);
    } else {
        auto rows = std::get<std::unique_ptr<HistoryDb>>(opened)->read();
        if (!rows.error.empty()) reporter_.notice(rows.error);
        for (auto& s : rows.sessions) history_.push_back(std::move(s.record));
        checkIns_ = std::move(rows.checkIns);
    }
    const auto now = wallClockSeconds();
    historyModel_ =
        ui::HistoryModel{&history_, minutesPerWeek(history_, now, 8), streakDays(history_, now), trends(checkIns_)};
    historyOpen_ = true;
    router_.open(Route::History);
    reporter_.logf("screen history sessions=%zu check_ins=%zu open_ms=%lld", history_.size(), checkIns_.size(),
                   static_cast<long long>(steadyClockMs() - began));
}

void Workshop::close() {
    if (editing_)
        editorAction(ui::makeEditorAction(ui::EditorAction::Type::Close));
    else if (quickSet_)
        quickSetCommand(QuickCommand::Cancel);
    else
        closeHistory();
}

void Workshop::closeHistory() {
    historyOpen_ = false;
    router_.close(Route::History);
}

void Workshop::undo() { editorAction(ui::makeEditorAction(ui::EditorAction::Type::Undo)); }
void Workshop::redo() { editorAction(ui::makeEditorAction(ui::EditorAction::Type::Redo)); }

void Workshop::chooseStep(int direction) {
    if (!editing_) return;
    const StepPath next = editing_->editor.stepBeside(editing_->view.selected, direction);
    editorAction(ui::makeEditorAction(ui::EditorAction::Type::Select, next));
    reporter_.logf("editor selected=%s", formatStepPath(next).c_str());
}

void Workshop::stepCommand(const ui::EditorAction& command) {
    using T = ui::EditorAction::Type;
    if (!editing_ || editing_->view.confirmClose || !editing_->view.collidingId.empty()) return; // a question is open
    const StepPath selected = editing_->view.selected;
    ui::EditorAction a = command;
    const bool adds = a.type == T::AddPhase || a.type == T::AddBlock;
    if (adds) {
        a.path = editing_->editor.parentForAdding(selected);
    } else {
        if (selected.empty()) return; // the routine's own fields: no step to change
        a.path = selected;
    }
    editorAction(a);
    if (!editing_) return;
    if (adds) editing_->view.focusLabel = true;
    reporter_.logf("editor selected=%s", formatStepPath(editing_->view.selected).c_str());
}

void Workshop::save() {
    if (editing_)
        editorAction(ui::makeEditorAction(ui::EditorAction::Type::Save));
    else if (quickSet_)
        quickSetCommand(QuickCommand::Save);
}

// ---------------------------------------------------------------------------------------
// The editor, the quick set, deleting
// ---------------------------------------------------------------------------------------
bool Workshop::requestQuit() {
    if (!editing_ || !editing_->editor.dirty()) return true;
    editing_->view.confirmClose = true; // ask first; Discard quits
    editing_->view.collidingId.clear();
    editing_->quitAfterClose = true;
    reporter_.logf("editor asks unsaved");
    return false;
}

// -- the editor -------------------------------------------------------------------------
void Workshop::openEditor(Routine routine, std::filesystem::path file, std::string title) {
    const bool isNew = file.empty();
    editing_.emplace(Editing{Editor(std::move(routine), !isNew), std::move(file), {}, false, false});
    router_.open(Route::Editor);
    editing_->view.title = std::move(title);
    reporter_.logf("screen editor new=%d", isNew ? 1 : 0);
}

LibraryEntry Workshop::entryFromEditor() const {
    LibraryEntry e;
    e.id = editing_->file.empty() ? idFromName(editing_->editor.routine().name) : editing_->file.stem().string();
    e.path = editing_->file;
    e.source = RoutineSource::User;
    e.parsed.routine = editing_->editor.routine();
    e.setTimeline(editing_->editor.timeline());
    return e;
}

void Workshop::closeEditor() {
    const bool quitAfter = editing_->quitAfterClose;
    editing_.reset();
    router_.close(Route::Editor);
    reporter_.logf("screen library");
    if (quitAfter) host_.quit();
}

// Saves the routine being edited; `collision` says what to do when a new one's name is taken.
void Workshop::saveEditing(Collision collision) {
    Editing& e = *editing_;
    if (!e.editor.canPlay()) {
        e.view.message = "Fix the problems marked ! first; they would stop it playing.";
        return;
    }
    std::filesystem::path target = e.file;
    if (target.empty()) {
        const std::string id = idFromName(e.editor.routine().name);
        target = paths_.routines / (id + ".toml");
        std::error_code ec;
        if (std::filesystem::exists(target, ec)) {
            if (collision == Collision::Ask) {
                e.view.collidingId = id;
                reporter_.logf("editor asks name-taken id=%s", id.c_str());
                return;
            }
            if (collision == Collision::NewName) target = freeRoutinePath(paths_.routines, id);
        }
    }
    if (auto error = saveRoutine(target, e.editor.routine())) {
        e.view.message = "Not saved: " + *error;
        reporter_.notice("not saved: " + *error);
        return;
    }
    e.file = target;
    e.editor.markSaved();
    e.view.collidingId.clear();
    e.view.title = "Editing";
    e.view.message = "Saved to " + target.string();
    reporter_.logf("saved routine=%s path=%s", target.stem().string().c_str(), target.string().c_str());
    host_.routinesChanged(target.stem().string());
    if (e.closeAfterSave) closeEditor();
}

void Workshop::editorAction(const ui::EditorAction& a) {
    if (!editing_ || !a) return;
    editing_->view.message.clear();
    const StepPath selected = editing_->view.selected;
    if (!applyEdit(a)) saveOrClose(a);
    // A step chosen (or added, moved): Tab goes through its fields.
    if (editing_ && (a.type == ui::EditorAction::Type::Select || editing_->view.selected != selected))
        editing_->view.focusFields = true;
    if (editing_ && a.type != ui::EditorAction::Type::Select) {
        const Editor& ed = editing_->editor;
        reporter_.logf("editor %d total_ms=%lld phases=%zu problems=%zu dirty=%d", static_cast<int>(a.type),
                       static_cast<long long>(ed.totalMs()), ed.phaseCount(), ed.diagnostics().size(),
                       ed.dirty() ? 1 : 0);
    }
}

// Changes to the routine and the selection; false for the actions that are not edits.
bool Workshop::applyEdit(const ui::EditorAction& a) {
    using T = ui::EditorAction::Type;
    Editor& ed = editing_->editor;
    StepPath& sel = editing_->view.selected;
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

// Saving, trying, closing, and the answers to the editor's two questions ("unsaved changes?",
// "name taken?"). Closing the editor ends `e`'s life: nothing may touch it after.
void Workshop::saveOrClose(const ui::EditorAction& a) {
    using T = ui::EditorAction::Type;
    Editing& e = *editing_;
    switch (a.type) {
    case T::Save:
        if (e.view.confirmClose) { // "Save" in the unsaved-changes question: save, then close
            e.view.confirmClose = false;
            e.closeAfterSave = true;
        }
        saveEditing(Collision::Ask);
        break;
    case T::Replace: saveEditing(Collision::Replace); break;
    case T::SaveAsNew: saveEditing(Collision::NewName); break;
    case T::CancelSave:
        e.view.collidingId.clear();
        e.closeAfterSave = false;
        break;
    case T::TryIt:
        if (e.editor.canPlay()) host_.play(entryFromEditor());
        break;
    case T::Close:
        if (!e.view.collidingId.empty()) { // Esc answers the open question first: cancel
            e.view.collidingId.clear();
            e.closeAfterSave = false;
        } else if (e.view.confirmClose) {
            e.view.confirmClose = false;
            e.quitAfterClose = false;
        } else if (e.editor.dirty()) {
            e.view.confirmClose = true;
            reporter_.log("editor asks unsaved");
        } else {
            closeEditor();
        }
        break;
    case T::DiscardAndClose: closeEditor(); break;
    case T::CancelClose:
        e.view.confirmClose = false;
        e.quitAfterClose = false;
        break;
    default: break;
    }
}

// -- the quick set ----------------------------------------------------------------------
void Workshop::closeQuickSet() {
    quickSet_.reset();
    router_.close(Route::QuickSet);
}

void Workshop::startQuickSet() { quickSetCommand(QuickCommand::Start); }
void Workshop::refineQuickSet() { quickSetCommand(QuickCommand::Refine); }

void Workshop::viewDrawn() {
    if (quickSet_) quickSet_->refresh();
}

void Workshop::quickSetCommand(QuickCommand command) {
    using T = QuickCommand;
    if (!quickSet_) return;
    quickSet_->refresh(); // what the view changed this frame
    // Start and Save only with a routine that can play, made of what the fields say.
    if ((command == T::Start || command == T::Save) && !quickSet_->canStart()) {
        reporter_.logf("quick-set refused problems=%zu", quickSet_->summary().problems.size());
        return;
    }
    const Routine routine = quickSet_->routine();
    switch (command) {
    case T::Cancel:
        closeQuickSet();
        reporter_.logf("screen library");
        break;
    case T::Start: {
        const LibraryEntry e = *quickSet_->entry();
        closeQuickSet();
        host_.play(e);
        break;
    }
    case T::Refine:
        closeQuickSet();
        openEditor(routine, {}, "New");
        break;
    case T::Save:
        closeQuickSet();
        openEditor(routine, {}, "New");
        editing_->closeAfterSave = true; // back to the library once it is saved
        saveEditing(Collision::Ask);
        break;
    }
}

// -- deleting ---------------------------------------------------------------------------
void Workshop::remove(const LibraryEntry& e) {
    if (e.source != RoutineSource::User) return;
    auto moved = moveToTrash(e.path, paths_.trash);
    if (auto* error = std::get_if<std::string>(&moved)) {
        reporter_.notice(*error);
        return;
    }
    lastDeleted_ = std::get<TrashedFile>(moved);
    lastDeletedName_ = e.displayName();
    reporter_.logf("deleted routine=%s trash=%s", e.id.c_str(), lastDeleted_->inTrash.string().c_str());
    host_.routinesChanged("");
}

void Workshop::undoRemove() {
    if (!lastDeleted_) return;
    std::string restored;
    if (auto error = restoreFromTrash(*lastDeleted_)) {
        reporter_.notice(*error);
    } else {
        restored = lastDeleted_->original.stem().string();
        reporter_.logf("restored routine=%s", restored.c_str());
    }
    lastDeleted_.reset();
    host_.routinesChanged(restored);
}

} // namespace unknot
