#pragma once
// The routine library: every routine file found in the built-in, user and extra folders.

#include "routine/routine_parser.hpp"
#include "routine/timeline.hpp"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace unknot {

enum class RoutineSource { BuiltIn, User, Dir };
[[nodiscard]] std::string_view sourceName(RoutineSource source); // "built-in", "user", "dir"

struct LibraryEntry {
    std::string id; // file name without .toml
    std::filesystem::path path;
    RoutineSource source = RoutineSource::BuiltIn;
    ParsedRoutine parsed;
    // Measured on the routine's tree: listing a file never expands it. 0 when invalid.
    Millis totalMs = 0; // manual phases count as 0
    std::size_t phaseCount = 0;

    [[nodiscard]] bool valid() const { return parsed.valid(); }
    [[nodiscard]] const Routine& routine() const { return parsed.routine; }
    // The expanded phases, made on first use (playing, `unknot plan`) and shared by copies of
    // the entry; empty when invalid.
    [[nodiscard]] const Timeline& timeline() const { return *sharedTimeline(); }
    // The same, for those who keep it beyond the entry (the player, the session): never null.
    [[nodiscard]] std::shared_ptr<const Timeline> sharedTimeline() const;
    // For an entry made from a routine in memory (the editor, a quick set).
    void setTimeline(Timeline timeline);
    // The name to show: the routine's own, or the id when the file could not say.
    [[nodiscard]] std::string displayName() const;

  private:
    mutable std::shared_ptr<const Timeline> timeline_;
};

struct LibraryFolders {
    std::filesystem::path builtIn;            // may be empty
    std::filesystem::path user;               // may not exist yet
    std::vector<std::filesystem::path> extra; // --routines-dir
};

// Reads one routine file into an entry (parse, validate, measure). Never throws: a file
// that cannot be read or parsed is an invalid entry with its diagnostic.
[[nodiscard]] LibraryEntry loadEntry(const std::filesystem::path& file, RoutineSource source);

// A routine file found in the folders, not read yet.
struct RoutineFile {
    std::filesystem::path path;
    RoutineSource source = RoutineSource::BuiltIn;
};
// The *.toml files in the folders, in the library's order (by source, then by name); hidden
// files and sub-folders are passed over. Library::scan() reads these.
[[nodiscard]] std::vector<RoutineFile> listRoutineFiles(const LibraryFolders& folders);
// Their ids, in the same order, without reading a file: `unknot list --ids`, which shell
// completion runs at every Tab, answers at once however many routines there are.
[[nodiscard]] std::vector<std::string> routineIds(const LibraryFolders& folders);

// What the library view's search box and filters ask for; empty fields match everything.
struct LibraryFilter {
    std::string query;     // words matched, case-insensitively, against name, id, summary, tags, equipment
    std::string tag;       // exact tag
    std::string equipment; // exact equipment item
};

// Indices of the entries that match, in library order.
[[nodiscard]] std::vector<std::size_t> filterEntries(const std::vector<LibraryEntry>& entries,
                                                     const LibraryFilter& filter);
// Every distinct tag / equipment item in the library, sorted.
[[nodiscard]] std::vector<std::string> allTags(const std::vector<LibraryEntry>& entries);
[[nodiscard]] std::vector<std::string> allEquipment(const std::vector<LibraryEntry>& entries);

// A cheap fingerprint of the routine files in the folders (names, sizes, times), to notice
// files added, changed or removed on disk without reading them.
[[nodiscard]] std::string folderFingerprint(const LibraryFolders& folders);

class Library {
  public:
    // Reads every *.toml file in the folders; hidden files and sub-folders are passed over.
    void scan(const LibraryFolders& folders);
    // Lists the folders again and reads only the files in `changed` and those not read before;
    // the others keep their entries.
    void refresh(const LibraryFolders& folders, const std::vector<std::filesystem::path>& changed);
    // Takes entries read elsewhere (LibraryLoader reads them a few at a time).
    void adopt(std::vector<LibraryEntry> entries) { entries_ = std::move(entries); }

    // Entries by source (built-in, user, dir), then by id.
    [[nodiscard]] const std::vector<LibraryEntry>& entries() const { return entries_; }

    // An id, resolved as --routines-dir, then the user's, then built-in; null when unknown.
    [[nodiscard]] const LibraryEntry* findId(std::string_view id) const;

    // Ids close to a mistyped one, for "did you mean".
    [[nodiscard]] std::vector<std::string> suggest(std::string_view id) const;

  private:
    std::vector<LibraryEntry> entries_;
};

} // namespace unknot
