#include "program/import.hpp"

#include "core/atomic_file.hpp"
#include "core/i18n.hpp"
#include "program/program_parser.hpp"
#include "routine/playable.hpp"
#include "store/user_files.hpp"

#include <algorithm>

namespace unknot {

bool isProgramFile(const std::filesystem::path& file) {
    std::error_code ec;
    if (std::filesystem::file_size(file, ec) > kMaxProgramFileBytes || ec) return false;
    const auto text = readFile(file);
    return text && looksLikeProgram(*text);
}

std::string importedId(const std::filesystem::path& file) {
    std::string stem = file.stem().string();
    if (stem.ends_with(".unknot")) stem.resize(stem.size() - 7);
    return stem.empty() ? "imported" : stem;
}

std::size_t refusedCount(const ImportResult& result) {
    return static_cast<std::size_t>(
        std::count_if(result.begin(), result.end(), [](const ImportedFile& f) { return !f.imported(); }));
}

std::string importNotice(const ImportResult& result, std::size_t maxErrors) {
    std::string out;
    const auto line = [&](const std::string& text) { out += (out.empty() ? "" : "\n") + text; };
    for (const ImportedFile& f : result) {
        const std::string id = importedId(f.to);
        if (f.imported() && f.program)
            line(format(_("Imported the program '{0}'; start it with: unknot program start {0}"), {id}));
        else if (f.imported())
            line(format(_("Imported the routine '{0}'"), {id}));
        else if (!f.error.empty())
            line(format(_("Not imported: {0}: {1}"), {f.from, f.error}));
        else {
            line(format(_("Not imported: {0}"),
                        {std::filesystem::path(f.from).filename().string()})); // its path follows
            for (std::size_t i = 0; i < f.problems.size() && i < maxErrors; ++i) line(f.problems[i].format());
            if (f.problems.size() > maxErrors)
                line(format(_("and {0} more (unknot check {1})"),
                            {std::to_string(f.problems.size() - maxErrors), f.from}));
        }
    }
    return out;
}

ImportResult importFiles(const std::vector<std::string>& files, std::vector<std::string> known,
                         const ImportFolders& into) {
    ImportResult result;
    std::vector<std::pair<std::string, bool>> ordered; // file, is a program
    for (const auto& f : files) ordered.emplace_back(f, isProgramFile(f));
    std::stable_partition(ordered.begin(), ordered.end(), [](const auto& p) { return !p.second; });
    for (const auto& [f, program] : ordered)
        if (!program) known.push_back(importedId(f));
    for (const auto& [f, program] : ordered) {
        Diagnostics problems = program ? loadProgramFile(f, &known).diagnostics : checkPlayableFile(f).diagnostics;
        if (!problems.empty()) {
            if (!program) known.erase(std::find(known.begin(), known.end(), importedId(f)));
            result.push_back(ImportedFile{f, program, {}, std::move(problems), {}});
            continue;
        }
        const auto& dir = program ? into.programs : into.routines;
        if (dir.empty()) {
            result.push_back(ImportedFile{f, program, {}, {}, _("there is no folder to put it in")});
            continue;
        }
        std::error_code ec;
        if (std::filesystem::equivalent(std::filesystem::path(f).parent_path(), dir, ec)) {
            result.push_back(ImportedFile{f, program, f, {}, {}}); // opened from where it lives
            continue;
        }
        const auto text = readFile(f);
        std::filesystem::create_directories(dir, ec);
        const auto target = freeRoutinePath(dir, importedId(f));
        if (std::optional<std::string> error =
                text ? writeFileAtomically(target, *text) : std::string(_("cannot read it"))) {
            result.push_back(ImportedFile{f, program, {}, {}, *error});
            continue;
        }
        result.push_back(ImportedFile{f, program, target, {}, {}});
    }
    return result;
}

} // namespace unknot
