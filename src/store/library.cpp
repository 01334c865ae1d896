#include "store/library.hpp"

#include "core/i18n.hpp"
#include "core/text.hpp"
#include "routine/routine_outline.hpp"
#include "store/routine_translation.hpp"

#include <algorithm>
#include <cctype>
#include <set>
#include <unordered_map>

namespace unknot {

std::string_view sourceName(RoutineSource source) {
    switch (source) {
    case RoutineSource::BuiltIn: return "built-in";
    case RoutineSource::User: return "user";
    case RoutineSource::Dir: return "dir";
    }
    return "?";
}

std::string LibraryEntry::displayName() const { return parsed.routine.name.empty() ? id : parsed.routine.name; }

std::shared_ptr<const Timeline> LibraryEntry::sharedTimeline() const {
    if (!timeline_) timeline_ = std::make_shared<const Timeline>(valid() ? expand(parsed.routine) : Timeline{});
    return timeline_;
}

void LibraryEntry::setTimeline(Timeline timeline) {
    totalMs = timeline.totalMs;
    phaseCount = timeline.size();
    timeline_ = std::make_shared<const Timeline>(std::move(timeline));
}

LibraryEntry loadEntry(const std::filesystem::path& file, RoutineSource source) {
    LibraryEntry entry;
    entry.id = file.stem().string();
    entry.path = file;
    entry.source = source;
    try {
        entry.parsed = loadRoutineFile(file);
    } catch (const std::exception& e) {
        // One bad file (out of memory, say) must not stop the rest of the library.
        // TRANSLATORS: a routine file's error: {0} the exception's words (the library's, English).
        entry.parsed =
            ParsedRoutine{{}, {Diagnostic{file.string(), 1, 1, format(_("cannot read it: {0}"), {e.what()})}}};
    }
    // Whether it can play is the parser's answer, as in checkPlayableFile; but a listed file
    // is only measured, not expanded: timeline() expands it when it is played or planned.
    if (entry.parsed.valid()) {
        if (source == RoutineSource::BuiltIn) translateBuiltInRoutine(entry.parsed.routine);
        for (const auto& s : entry.parsed.routine.steps) entry.totalMs += stepTotalMs(s);
        entry.phaseCount = countPhases(entry.parsed.routine);
    }
    return entry;
}

namespace {

std::string lower(std::string_view text) {
    std::string out(text);
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool matchesQuery(const LibraryEntry& e, const std::string& query) {
    std::string haystack = lower(e.id + " " + e.displayName() + " " + e.routine().summary);
    for (const auto& t : e.routine().tags) haystack += " " + lower(t);
    for (const auto& t : e.routine().equipment) haystack += " " + lower(t);
    std::size_t i = 0;
    const std::string q = lower(query);
    while (i < q.size()) {
        while (i < q.size() && q[i] == ' ') ++i;
        const std::size_t start = i;
        while (i < q.size() && q[i] != ' ') ++i;
        if (i > start && haystack.find(q.substr(start, i - start)) == std::string::npos) return false;
    }
    return true;
}

bool contains(const std::vector<std::string>& list, const std::string& item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

std::vector<std::string> distinct(const std::vector<LibraryEntry>& entries,
                                  const std::vector<std::string>& (*field)(const LibraryEntry&)) {
    std::set<std::string> all;
    for (const auto& e : entries)
        for (const auto& v : field(e)) all.insert(v);
    return {all.begin(), all.end()};
}

template <class Visit> void forEachRoutineFile(const std::filesystem::path& folder, Visit&& visit) {
    if (folder.empty()) return;
    std::error_code ec;
    for (std::filesystem::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        const auto& p = it->path();
        const std::string name = p.filename().string();
        if (name.empty() || name.front() == '.' || p.extension() != ".toml") continue;
        std::error_code typeEc;
        if (it->is_regular_file(typeEc)) visit(*it);
    }
}

void listFolder(const std::filesystem::path& folder, RoutineSource source, std::vector<RoutineFile>& out) {
    std::vector<std::filesystem::path> files;
    forEachRoutineFile(folder, [&](const std::filesystem::directory_entry& e) { files.push_back(e.path()); });
    std::sort(files.begin(), files.end());
    for (auto& f : files) out.push_back({std::move(f), source});
}

} // namespace

std::vector<std::size_t> filterEntries(const std::vector<LibraryEntry>& entries, const LibraryFilter& filter) {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const auto& e = entries[i];
        if (!filter.tag.empty() && !contains(e.routine().tags, filter.tag)) continue;
        if (!filter.equipment.empty() && !contains(e.routine().equipment, filter.equipment)) continue;
        if (!matchesQuery(e, filter.query)) continue;
        out.push_back(i);
    }
    return out;
}

std::vector<std::string> allTags(const std::vector<LibraryEntry>& entries) {
    return distinct(entries, [](const LibraryEntry& e) -> const std::vector<std::string>& { return e.routine().tags; });
}

std::vector<std::string> allEquipment(const std::vector<LibraryEntry>& entries) {
    return distinct(entries,
                    [](const LibraryEntry& e) -> const std::vector<std::string>& { return e.routine().equipment; });
}

std::string folderFingerprint(const LibraryFolders& folders) {
    std::vector<std::string> stamps;
    const auto add = [&](const std::filesystem::path& folder) {
        forEachRoutineFile(folder, [&](const std::filesystem::directory_entry& e) {
            std::error_code ec;
            const auto size = e.file_size(ec);
            const auto time = e.last_write_time(ec).time_since_epoch().count();
            stamps.push_back(e.path().string() + "|" + std::to_string(size) + "|" + std::to_string(time));
        });
    };
    add(folders.builtIn);
    add(folders.user);
    for (const auto& d : folders.extra) add(d);
    std::sort(stamps.begin(), stamps.end());
    std::string out;
    for (const auto& s : stamps) out += s + "\n";
    return out;
}

std::vector<RoutineFile> listRoutineFiles(const LibraryFolders& folders) {
    std::vector<RoutineFile> files;
    listFolder(folders.builtIn, RoutineSource::BuiltIn, files);
    // The user folder may be the built-in one when run from an odd place; don't list it twice.
    std::error_code ec;
    if (!folders.user.empty() && !(std::filesystem::exists(folders.builtIn, ec) &&
                                   std::filesystem::equivalent(folders.user, folders.builtIn, ec)))
        listFolder(folders.user, RoutineSource::User, files);
    for (const auto& dir : folders.extra) listFolder(dir, RoutineSource::Dir, files);
    return files;
}

std::vector<std::string> routineIds(const LibraryFolders& folders) {
    std::vector<std::string> ids;
    for (const auto& f : listRoutineFiles(folders)) ids.push_back(f.path.stem().string()); // as loadEntry names it
    return ids;
}

void Library::scan(const LibraryFolders& folders) {
    entries_.clear();
    for (const auto& f : listRoutineFiles(folders)) entries_.push_back(loadEntry(f.path, f.source));
}

void Library::refresh(const LibraryFolders& folders, const std::vector<std::filesystem::path>& changed) {
    std::unordered_map<std::string, LibraryEntry> kept;
    for (auto& e : entries_) kept.emplace(e.path.string(), std::move(e));
    for (const auto& path : changed) kept.erase(path.string());
    entries_.clear();
    for (const auto& f : listRoutineFiles(folders)) {
        const auto it = kept.find(f.path.string());
        if (it != kept.end() && it->second.source == f.source)
            entries_.push_back(std::move(it->second));
        else
            entries_.push_back(loadEntry(f.path, f.source));
    }
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
