#include "screens/library/trash.hpp"

namespace unknot {

bool Trash::remove(const LibraryEntry& e) {
    if (e.source != RoutineSource::User) return false;
    auto moved = moveToTrash(e.path, folder_, wallSeconds_());
    if (auto* error = std::get_if<std::string>(&moved)) {
        reporter_.notice(*error);
        return false;
    }
    last_ = std::get<TrashedFile>(moved);
    lastName_ = e.displayName();
    reporter_.logf("deleted routine=%s trash=%s", e.id.c_str(), last_->inTrash.string().c_str());
    return true;
}

std::optional<std::string> Trash::undo() {
    if (!last_) return std::nullopt;
    std::string restored;
    if (auto error = restoreFromTrash(*last_)) {
        reporter_.notice(*error);
    } else {
        restored = last_->original.stem().string();
        reporter_.logf("restored routine=%s", restored.c_str());
    }
    last_.reset();
    return restored;
}

} // namespace unknot
