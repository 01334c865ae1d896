#pragma once
// Deleting the user's routines from the library: to the trash, with one undo.

#include "core/reporter.hpp"
#include "store/library.hpp"
#include "store/user_files.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

namespace unknot {

class Trash {
  public:
    Trash(Reporter& reporter, std::filesystem::path folder, std::function<std::int64_t()> wallSeconds)
        : reporter_(reporter), folder_(std::move(folder)), wallSeconds_(std::move(wallSeconds)) {}
    // To the trash; the user's own routines only. True when the routine files changed.
    bool remove(const LibraryEntry& entry);
    // Puts the last one back: the id restored ("" when it could not be), nothing when there
    // was none to put back.
    std::optional<std::string> undo();
    // The name of the routine just deleted (the library offers Undo), or "".
    [[nodiscard]] std::string deletedName() const { return last_ ? lastName_ : ""; }

  private:
    Reporter& reporter_;
    std::filesystem::path folder_;
    std::function<std::int64_t()> wallSeconds_;
    std::optional<TrashedFile> last_;
    std::string lastName_;
};

} // namespace unknot
