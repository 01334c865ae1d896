#include "core/library.hpp"

#include "core/text.hpp"

#include <algorithm>

namespace unknot {

std::string_view sourceName(RoutineSource source) {
    switch (source) {
    case RoutineSource::BuiltIn: return "built-in";
    case RoutineSource::User: return "user";
    case RoutineSource::Dir: return "dir";
    }
    return "?";
}

std::string LibraryEntry::displayName() const {
    return parsed.routine.name.empty() ? id : parsed.routine.name;
}

LibraryEntry loadEntry(const std::filesystem::path& file, RoutineSource source) {
    LibraryEntry entry;
    entry.id = file.stem().string();
    entry.path = file;
    entry.source = source;
    entry.parsed = loadRoutineFile(file);
    if (entry.parsed.valid()) entry.timeline = expand(entry.parsed.routine);
    return entry;
}

namespace {

void scanFolder(const std::filesystem::path& folder, RoutineSource source, std::vector<LibraryEntry>& out) {
    if (folder.empty()) return;
    std::error_code ec;
    std::vector<std::filesystem::path> files;
    for (std::filesystem::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        const auto& p = it->path();
        const std::string name = p.filename().string();
        if (name.empty() || name.front() == '.' || p.extension() != ".toml") continue;
        std::error_code typeEc;
        if (!it->is_regular_file(typeEc)) continue;
        files.push_back(p);
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) out.push_back(loadEntry(f, source));
}

} // namespace

void Library::scan(const LibraryFolders& folders) {
    entries_.clear();
    scanFolder(folders.builtIn, RoutineSource::BuiltIn, entries_);
    // The user folder may be the built-in one when run from an odd place; don't list it twice.
    std::error_code ec;
    if (!folders.user.empty() && !(std::filesystem::exists(folders.builtIn, ec) &&
                                   std::filesystem::equivalent(folders.user, folders.builtIn, ec)))
        scanFolder(folders.user, RoutineSource::User, entries_);
    for (const auto& dir : folders.extra) scanFolder(dir, RoutineSource::Dir, entries_);
}

const LibraryEntry* Library::findId(std::string_view id) const {
    for (RoutineSource source : {RoutineSource::Dir, RoutineSource::User, RoutineSource::BuiltIn})
        for (const auto& e : entries_)
            if (e.source == source && e.id == id) return &e;
    return nullptr;
}

std::vector<std::string> Library::suggest(std::string_view id) const {
    std::vector<std::string> ids;
    for (const auto& e : entries_) ids.push_back(e.id);
    return closeMatches(id, ids, 3);
}

} // namespace unknot
