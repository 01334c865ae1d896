#include "screens/library/library_screen.hpp"

#include <utility>

namespace unknot {

LibraryScreen::LibraryScreen(ScreenHost& host, LibraryFolders folders)
    : host_(host), model_(std::move(folders), host.reporter()),
      trash_(host.reporter(), host.paths().trash, host.clocks().wallSeconds) {}

void LibraryScreen::followPrograms(ProgramFolders folders, std::filesystem::path db,
                                   std::function<std::int64_t()> wallClock) {
    programsDir_ = folders.user;
    today_.emplace(std::move(folders), std::move(db), host_.reporter(), std::move(wallClock));
}

void LibraryScreen::refreshToday(bool select) {
    if (!today_) return;
    const auto before = today_->nextDueId();
    today_->refresh(model_.entries());
    if (!select && today_->nextDueId() == before) return; // the user's selection stays
    if (const auto id = today_->nextDueId()) {
        const auto& entries = model_.entries();
        for (RoutineSource source : {RoutineSource::Dir, RoutineSource::User, RoutineSource::BuiltIn})
            for (std::size_t i = 0; i < entries.size(); ++i)
                if (entries[i].source == source && entries[i].id == *id) {
                    model_.select(i);
                    return;
                }
    }
}

bool LibraryScreen::handle(const ui::Intent& intent) {
    using ui::Action;
    switch (intent.action) {
    case Action::Select:
    case Action::SelectPrevious:
    case Action::SelectNext:
        if (intent.action == Action::Select)
            model_.select(intent.index);
        else
            model_.moveSelection(intent.action == Action::SelectNext ? +1 : -1);
        host_.routineChosen();
        return true;
    case Action::FocusSearch: model_.requestSearchFocus(); return true;
    case Action::RanToday:
        if (today_ && today_->panel().show && today_->markRan(model_.entries())) refreshToday();
        return true;
    case Action::StartToday:
        for (RoutineSource source : {RoutineSource::Dir, RoutineSource::User, RoutineSource::BuiltIn})
            for (const auto& e : model_.entries())
                if (e.source == source && e.id == intent.text && e.valid()) return host_.play(e), true;
        return true;
    case Action::Start:
        if (const LibraryEntry* e = model_.at(intent.index)) host_.play(*e);
        return true;
    case Action::StartSelected:
        if (const LibraryEntry* e = model_.selected()) host_.play(*e);
        return true;
    case Action::Delete:
        if (const LibraryEntry* e = model_.at(intent.index); e && trash_.remove(*e)) host_.routinesChanged("");
        return true;
    case Action::DeleteSelected:
        if (const LibraryEntry* e = model_.selected(); e && trash_.remove(*e)) host_.routinesChanged("");
        return true;
    case Action::UndoDelete:
        if (auto restored = trash_.undo()) host_.routinesChanged(*restored);
        return true;
    default: return false;
    }
}

void LibraryScreen::beginFrame() {
    model_.setFilter(ui::filterFor(view_, model_.tags(), model_.equipment()));
    if (model_.takeScrollRequest()) view_.scrollToSelected = true;
    if (model_.takeSearchFocusRequest()) view_.focusSearch = true;
    if (view_.search.text != loggedSearch_) {
        loggedSearch_ = view_.search.text;
        host_.reporter().logf("library search \"%s\" visible=%zu", loggedSearch_.c_str(), model_.visible().size());
    }
}

void LibraryScreen::drawn(std::string layout, std::string selection) {
    model_.searchDrawn(view_.searchActive);
    layout_ = std::move(layout);
    selection_ = std::move(selection);
}

void LibraryScreen::describe(std::string& out) {
    for (auto [line, reported] : {std::pair{&layout_, &reportedLayout_}, std::pair{&selection_, &reportedSelection_}}) {
        if (line->empty() || *line == *reported) continue;
        *reported = *line;
        out += *line;
        out += '\n';
    }
}

} // namespace unknot
