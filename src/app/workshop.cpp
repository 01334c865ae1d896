// Index: opening views; the editor (open, save, actions); the quick set; deleting.
#include "app/workshop.hpp"

#include "core/paths.hpp"
#include "ui/history_view.hpp"

#include <cstdarg>
#include <cstdio>

namespace unknot {

void Workshop::logf(const char* format, ...) {
    char buffer[512];
    va_list args;
    va_start(args, format);
    std::vsnprintf(buffer, sizeof buffer, format, args);
    va_end(args);
    host_.log(buffer);
}

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
    logf("screen quick-set");
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
    history_ = readHistory(historyPath());
    historyOpen_ = true;
    logf("screen history sessions=%zu", history_.size());
}

void Workshop::close() {
    if (editing_)
        editorAction(ui::makeEditorAction(ui::EditorAction::Type::Close));
    else if (quickSet_)
        quickSetAction(ui::QuickSetAction{ui::QuickSetAction::Type::Cancel});
    else
        historyOpen_ = false;
}

void Workshop::undo() { editorAction(ui::makeEditorAction(ui::EditorAction::Type::Undo)); }
void Workshop::redo() { editorAction(ui::makeEditorAction(ui::EditorAction::Type::Redo)); }

void Workshop::save() {
    if (editing_)
        editorAction(ui::makeEditorAction(ui::EditorAction::Type::Save));
    else if (quickSet_)
        quickSetAction(ui::QuickSetAction{ui::QuickSetAction::Type::Save});
}

bool Workshop::draw(const ui::Fonts& fonts) {
    if (editing_) {
        const ui::EditorAction action = ui::drawEditor(editing_->view, editing_->editor, fonts);
        editorAction(action);
        return static_cast<bool>(action);
    }
    if (quickSet_) {
        const ui::QuickSetAction action = ui::drawQuickSet(*quickSet_, fonts);
        quickSetAction(action);
        return static_cast<bool>(action);
    }
    if (historyOpen_) {
        ui::HistoryModel model;
        model.records = &history_;
        const auto now = wallClockSeconds();
        model.minutesPerWeek = minutesPerWeek(history_, now, 8);
        model.streakDays = streakDays(history_, now);
        if (ui::drawHistory(model, fonts)) {
            historyOpen_ = false;
            return true;
        }
    }
    return false;
}

// ---------------------------------------------------------------------------------------
// The editor, the quick set, deleting
// ---------------------------------------------------------------------------------------
bool Workshop::requestQuit() {
    if (!editing_ || !editing_->editor.dirty()) return true;
    editing_->view.confirmClose = true; // ask first; Discard quits
    editing_->view.collidingId.clear();
    editing_->quitAfterClose = true;
    logf("editor asks unsaved");
    return false;
}

// -- the editor -------------------------------------------------------------------------
void Workshop::openEditor(Routine routine, std::filesystem::path file, std::string title) {
    const bool isNew = file.empty();
    editing_.emplace(Editing{Editor(std::move(routine), !isNew), std::move(file), {}, false, false});
    editing_->view.title = std::move(title);
    logf("screen editor new=%d", isNew ? 1 : 0);
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
    logf("screen library");
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
        target = userRoutinesDir() / (id + ".toml");
        std::error_code ec;
        if (std::filesystem::exists(target, ec)) {
            if (collision == Collision::Ask) {
                e.view.collidingId = id;
                logf("editor asks name-taken id=%s", id.c_str());
                return;
            }
            if (collision == Collision::NewName) target = freeRoutinePath(userRoutinesDir(), id);
        }
    }
    if (auto error = saveRoutine(target, e.editor.routine())) {
        e.view.message = "Not saved: " + *error;
        host_.notice("not saved: " + *error);
        return;
    }
    e.file = target;
    e.editor.markSaved();
    e.view.collidingId.clear();
    e.view.title = "Editing";
    e.view.message = "Saved to " + target.string();
    logf("saved routine=%s path=%s", target.stem().string().c_str(), target.string().c_str());
    host_.routinesChanged(target.stem().string());
    if (e.closeAfterSave) closeEditor();
}

void Workshop::editorAction(const ui::EditorAction& a) {
    using T = ui::EditorAction::Type;
    if (!editing_ || !a) return;
    Editing& e = *editing_;
    Editor& ed = e.editor;
    StepPath& sel = e.view.selected;
    e.view.message.clear();
    switch (a.type) {
    case T::None: break;
    case T::Select: sel = a.path; break;
    case T::SetName: ed.setName(a.text, a.mergeKey); break;
    case T::SetSummary: ed.setSummary(a.text, a.mergeKey); break;
    case T::SetNotes: ed.setNotes(a.text, a.mergeKey); break;
    case T::SetTags: ed.setTags(a.list, a.mergeKey); break;
    case T::SetEquipment: ed.setEquipment(a.list, a.mergeKey); break;
    case T::SetStep: ed.setStep(a.path, a.step, a.mergeKey); break;
    case T::AddPhase: sel = ed.addPhase(a.path, a.kind); break;
    case T::AddBlock: sel = ed.addBlock(a.path); break;
    case T::Remove:
        ed.remove(a.path);
        sel.clear();
        break;
    case T::Duplicate: sel = ed.duplicate(a.path); break;
    case T::MoveUp: sel = ed.moveUp(a.path); break;
    case T::MoveDown: sel = ed.moveDown(a.path); break;
    case T::MoveInto: sel = ed.moveInto(a.path); break;
    case T::MoveOut: sel = ed.moveOut(a.path); break;
    case T::MoveTo: sel = ed.moveTo(a.path, a.target); break;
    case T::Undo:
        ed.undo();
        if (!ed.at(sel)) sel.clear();
        break;
    case T::Redo:
        ed.redo();
        if (!ed.at(sel)) sel.clear();
        break;
    case T::Save: saveEditing(Collision::Ask); break;
    case T::Replace: saveEditing(Collision::Replace); break;
    case T::SaveAsNew: saveEditing(Collision::NewName); break;
    case T::CancelSave:
        e.view.collidingId.clear();
        e.closeAfterSave = false;
        break;
    case T::TryIt:
        if (ed.canPlay()) host_.play(entryFromEditor());
        break;
    case T::Close:
        if (!e.view.collidingId.empty()) { // Esc answers the open question first: cancel
            e.view.collidingId.clear();
            e.closeAfterSave = false;
        } else if (e.view.confirmClose) {
            e.view.confirmClose = false;
            e.quitAfterClose = false;
        } else if (ed.dirty()) {
            e.view.confirmClose = true;
            logf("editor asks unsaved");
        } else {
            closeEditor();
        }
        break;
    case T::DiscardAndClose: closeEditor(); break;
    case T::CancelClose:
        e.view.confirmClose = false;
        e.quitAfterClose = false;
        break;
    }
    if (editing_ && a.type == T::Save && e.view.confirmClose) e.closeAfterSave = true;
    if (editing_ && e.view.confirmClose && a.type == T::Save) e.view.confirmClose = false;
    if (editing_ && a.type != T::Select && a.type != T::None)
        logf("editor %d total_ms=%lld phases=%zu problems=%zu dirty=%d", static_cast<int>(a.type),
             static_cast<long long>(ed.totalMs()), ed.phaseCount(), ed.diagnostics().size(), ed.dirty() ? 1 : 0);
}

// -- the quick set ----------------------------------------------------------------------
void Workshop::quickSetAction(const ui::QuickSetAction& a) {
    using T = ui::QuickSetAction::Type;
    if (!quickSet_ || !a) return;
    const Routine routine = makeQuickSet(quickSet_->quick);
    switch (a.type) {
    case T::None: break;
    case T::Cancel:
        quickSet_.reset();
        logf("screen library");
        break;
    case T::Start: {
        if (countPhases(routine) > kMaxPhases) break;
        LibraryEntry e;
        e.id = idFromName(routine.name);
        e.source = RoutineSource::User;
        e.parsed.routine = routine;
        e.setTimeline(expand(routine));
        quickSet_.reset();
        host_.play(e);
        break;
    }
    case T::Refine:
        quickSet_.reset();
        openEditor(routine, {}, "New");
        break;
    case T::Save:
        quickSet_.reset();
        openEditor(routine, {}, "New");
        editing_->closeAfterSave = true; // back to the library once it is saved
        saveEditing(Collision::Ask);
        break;
    }
}

// -- deleting ---------------------------------------------------------------------------
void Workshop::remove(const LibraryEntry& e) {
    if (e.source != RoutineSource::User) return;
    auto moved = moveToTrash(e.path, trashDir());
    if (auto* error = std::get_if<std::string>(&moved)) {
        host_.notice(*error);
        return;
    }
    lastDeleted_ = std::get<TrashedFile>(moved);
    lastDeletedName_ = e.displayName();
    logf("deleted routine=%s trash=%s", e.id.c_str(), lastDeleted_->inTrash.string().c_str());
    host_.routinesChanged("");
}

void Workshop::undoRemove() {
    if (!lastDeleted_) return;
    std::string restored;
    if (auto error = restoreFromTrash(*lastDeleted_)) {
        host_.notice(*error);
    } else {
        restored = lastDeleted_->original.stem().string();
        logf("restored routine=%s", restored.c_str());
    }
    lastDeleted_.reset();
    host_.routinesChanged(restored);
}

} // namespace unknot
