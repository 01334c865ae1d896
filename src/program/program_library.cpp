#include "program/program_library.hpp"

#include "core/i18n.hpp"
#include "core/text.hpp"

#include <algorithm>

namespace unknot {

namespace {
// A built-in program's name, summary, notes, stage names and sources' words in the user's language (po/
// routine_strings.py puts them in the catalogue); a user's own program stays as written.
void translateBuiltIn(Program& p) {
    const SameLanguage steady; // wholly in one language
    for (std::string* text : {&p.name, &p.summary, &p.notes})
        if (!text->empty()) *text = translated(*text);
    for (Stage& s : p.stages)
        if (!s.name.empty()) s.name = translated(s.name);
    for (Source& s : p.sources)
        if (!s.supports.empty()) s.supports = translated(s.supports);
}

void scanFolder(const std::filesystem::path& folder, RoutineSource source, const std::vector<std::string>& known,
                std::vector<ProgramEntry>& out) {
    if (folder.empty()) return;
    std::vector<std::filesystem::path> files;
    std::error_code ec;
    for (std::filesystem::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        const auto& p = it->path();
        const std::string name = p.filename().string();
        std::error_code typeEc;
        if (name.empty() || name.front() == '.' || p.extension() != ".toml" || !it->is_regular_file(typeEc)) continue;
        files.push_back(p);
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
        out.push_back(ProgramEntry{f.stem().string(), f, source, loadProgramFile(f, &known)});
        if (source == RoutineSource::BuiltIn) translateBuiltIn(out.back().parsed.program);
    }
}
} // namespace

std::vector<std::string> routineIds(const Library& library) {
    std::vector<std::string> ids;
    for (const auto& e : library.entries()) ids.push_back(e.id);
    return ids;
}

void ProgramLibrary::scan(const ProgramFolders& folders, const Library& routines) {
    scan(folders, routineIds(routines));
}

void ProgramLibrary::scan(const ProgramFolders& folders, const std::vector<std::string>& known) {
    entries_.clear();
    scanFolder(folders.builtIn, RoutineSource::BuiltIn, known, entries_);
    std::error_code ec;
    if (!folders.user.empty() && !(std::filesystem::exists(folders.builtIn, ec) &&
                                   std::filesystem::equivalent(folders.user, folders.builtIn, ec)))
        scanFolder(folders.user, RoutineSource::User, known, entries_);
}

const ProgramEntry* ProgramLibrary::findId(std::string_view id) const {
    for (RoutineSource source : {RoutineSource::User, RoutineSource::BuiltIn})
        for (const auto& e : entries_)
            if (e.source == source && e.id == id) return &e;
    return nullptr;
}

std::vector<std::string> ProgramLibrary::suggest(std::string_view id) const {
    std::vector<std::string> ids;
    for (const auto& e : entries_) ids.push_back(e.id);
    return closeMatches(id, ids, 3);
}

} // namespace unknot
