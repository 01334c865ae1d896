#include "screens/library/library_model.hpp"

#include "core/i18n.hpp"

#include <algorithm>

namespace unknot {

LibraryModel::LibraryModel(LibraryFolders folders, Reporter& reporter)
    : reporter_(reporter), loader_(std::move(folders)) {}

LibraryModel::~LibraryModel() = default;

void LibraryModel::rescan(const std::string& fallbackId) {
    const LibraryEntry* current = selected();
    wantedId_ = current ? current->id : fallbackId;
    loader_.scanAll();
    if (!whole_) {
        loader_.waitForBuiltIns(); // the first frame shows them, the rest follows
        poll(fallbackId);
        return;
    }
    // Asked again (a routine saved, deleted or restored, another language): the list is read
    // whole before going on, so what was saved is listed and selected for the very next key.
    settle(fallbackId);
}

bool LibraryModel::poll(const std::string& fallbackId) {
    std::optional<LibraryLoader::Snapshot> snapshot = loader_.take();
    if (!snapshot || (!snapshot->complete() && whole_)) return false;
    const LibraryEntry* current = selected();
    const std::string selectedId = !wantedId_.empty() ? wantedId_ : current ? current->id : fallbackId;
    entries_ = std::move(snapshot->entries);
    reading_ = snapshot->complete() ? std::nullopt : std::optional<Progress>{{snapshot->read, snapshot->total}};
    shown(selectedId, snapshot->complete());
    return true;
}

void LibraryModel::settle(const std::string& fallbackId) {
    loader_.settle();
    poll(fallbackId);
}

void LibraryModel::shown(const std::string& selectedId, bool whole) {
    ++scans_;
    whole_ = whole_ || whole;
    tags_ = allTags(entries());
    equipment_ = allEquipment(entries());
    visible_ = filterEntries(entries(), filter_);
    selected_.reset();
    for (std::size_t i = 0; i < entries().size(); ++i)
        if (entries()[i].id == selectedId) selected_ = i;
    // The one asked for may be in the part not read yet; once all is read, it is not there.
    if (selected_ || whole) wantedId_.clear();
    if (!selected_ && !entries().empty()) selected_ = 0;
    scrollRequested_ = true;
    selectionChanged();
    if (reading_) {
        reporter_.logf("library reading=%zu/%zu", reading_->read, reading_->total);
        return;
    }
    std::size_t invalid = 0;
    for (const auto& e : entries()) invalid += e.valid() ? 0 : 1;
    reporter_.logf("library routines=%zu invalid=%zu", entries().size(), invalid);
    noticeRefused();
}

// Each routine file refused is told once (at its first problem), and again only when that
// problem changed: a rescan of the same folder is no news.
void LibraryModel::noticeRefused() {
    for (const auto& e : entries()) {
        if (e.valid()) continue;
        const Diagnostic& first = e.parsed.diagnostics.front();
        const std::string place = first.path + ":" + std::to_string(first.line) + ":" + std::to_string(first.column);
        if (!refusedTold_.insert(place + "\n" + first.message).second) continue;
        // TRANSLATORS: {0} the file's first problem, in English (the routine file's diagnostic).
        std::string text = format(_("the routine file is refused: {0}"), {first.message});
        if (const std::size_t more = e.parsed.diagnostics.size() - 1; more > 0)
            text += " " + format(n_("(and {0} more problem)", "(and {0} more problems)", more), {std::to_string(more)});
        reporter_.notice(Notice{std::move(text), place,
                                format(_("Correct the file and save it: the library reads it again. `unknot check "
                                         "{0}` lists every problem"),
                                       {e.path.string()})});
    }
}

void LibraryModel::setFilter(const LibraryFilter& filter) {
    if (filter.query == filter_.query && filter.tag == filter_.tag && filter.equipment == filter_.equipment) return;
    filter_ = filter;
    visible_ = filterEntries(entries(), filter_);
    if (!visible_.empty() &&
        (!selected_ || std::find(visible_.begin(), visible_.end(), *selected_) == visible_.end())) {
        select(visible_.front());
        scrollRequested_ = true;
    }
}

const LibraryEntry* LibraryModel::at(std::size_t index) const {
    return index < entries().size() ? &entries()[index] : nullptr;
}

void LibraryModel::select(std::size_t index) {
    if (index >= entries().size() || selected_ == index) return;
    wantedId_.clear(); // the user's choice, not one still to come
    selected_ = index;
    selectionChanged();
}

void LibraryModel::clearSelection() {
    wantedId_.clear();
    selected_.reset();
    selectionChanged();
}

void LibraryModel::moveSelection(int delta) {
    if (visible_.empty()) return;
    auto it = selected_ ? std::find(visible_.begin(), visible_.end(), *selected_) : visible_.end();
    std::ptrdiff_t pos = it == visible_.end() ? (delta > 0 ? -1 : 0) : it - visible_.begin();
    pos = std::clamp<std::ptrdiff_t>(pos + delta, 0, static_cast<std::ptrdiff_t>(visible_.size()) - 1);
    select(visible_[static_cast<std::size_t>(pos)]);
    scrollRequested_ = true;
}

bool LibraryModel::takeScrollRequest() {
    const bool requested = scrollRequested_;
    scrollRequested_ = false;
    return requested;
}

void LibraryModel::requestSearchFocus() {
    searchFocusRequested_ = true;
    searchHold_ = SearchHold::Asked;
    searchFramesWaited_ = 0;
}

void LibraryModel::searchDrawn(bool active) {
    if (active) {
        searchHold_ = SearchHold::Active;
    } else if (searchHold_ == SearchHold::Active ||
               (searchHold_ == SearchHold::Asked && ++searchFramesWaited_ > kSearchFocusFrames)) {
        searchHold_ = SearchHold::None;
    }
}

void LibraryModel::releaseSearch() {
    searchFocusRequested_ = false;
    searchHold_ = SearchHold::None;
}

void LibraryModel::selectionChanged() {
    const LibraryEntry* e = selected();
    outline_ = e && e->valid() ? outline(e->routine()) : std::vector<OutlineLine>{};
}

} // namespace unknot
