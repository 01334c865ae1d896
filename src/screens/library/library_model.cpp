#include "screens/library/library_model.hpp"

#include <algorithm>

namespace unknot {

LibraryModel::LibraryModel(LibraryFolders folders, Reporter& reporter, std::function<Ticks()> clockMs)
    : folders_(std::move(folders)), reporter_(reporter), clock_(std::move(clockMs)) {
    std::vector<std::filesystem::path> watched{folders_.builtIn, folders_.user};
    watched.insert(watched.end(), folders_.extra.begin(), folders_.extra.end());
    watch_ = std::make_unique<FolderWatch>(std::move(watched));
}

LibraryModel::~LibraryModel() = default;

void LibraryModel::rescan(const std::string& fallbackId) {
    const LibraryEntry* current = selected();
    const std::string selectedId = current ? current->id : fallbackId;
    if (watch_->watching()) (void)watch_->take(); // what this scan reads anyway
    library_.scan(folders_);
    if (!watch_->watching()) fingerprint_ = folderFingerprint(folders_);
    scanned(selectedId);
}

void LibraryModel::scanned(const std::string& selectedId) {
    ++scans_;
    tags_ = allTags(entries());
    equipment_ = allEquipment(entries());
    visible_ = filterEntries(entries(), filter_);
    selected_.reset();
    for (std::size_t i = 0; i < entries().size(); ++i)
        if (entries()[i].id == selectedId) selected_ = i;
    if (!selected_ && !entries().empty()) selected_ = 0;
    scrollRequested_ = true;
    selectionChanged();
    std::size_t invalid = 0;
    for (const auto& e : entries()) invalid += e.valid() ? 0 : 1;
    reporter_.logf("library routines=%zu invalid=%zu", entries().size(), invalid);
}

bool LibraryModel::poll(const std::string& fallbackId) {
    const Ticks now = clock_();
    if (now < nextCheck_) return false;
    nextCheck_ = now + kCheckFilesEveryMs;
    if (!watch_->watching()) {
        if (folderFingerprint(folders_) == fingerprint_) return false;
        rescan(fallbackId);
        return true;
    }
    FolderWatch::Changes changes = watch_->take();
    if (changes.everything) {
        rescan(fallbackId);
        return true;
    }
    // An editor's or our own temporary files (hidden, *.tmp, *~) are no routines.
    std::erase_if(changes.files, [](const std::filesystem::path& p) {
        const std::string name = p.filename().string();
        return name.empty() || name.front() == '.' || p.extension() != ".toml";
    });
    if (changes.files.empty()) return false;
    const LibraryEntry* current = selected();
    const std::string selectedId = current ? current->id : fallbackId;
    library_.refresh(folders_, changes.files);
    scanned(selectedId);
    return true;
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
    selected_ = index;
    selectionChanged();
}

void LibraryModel::clearSelection() {
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
