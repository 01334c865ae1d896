#pragma once
// Saving without ever leaving a torn file: write a temporary file in the same folder, flush
// it to disk, then rename it over the target. A crash at any moment leaves the old file or
// the new one.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace unknot {

struct AtomicWriteOptions {
    // Tests only: fail as if the disk filled up after this many bytes.
    std::size_t failAfterBytes = static_cast<std::size_t>(-1);
};

// Creates missing parent folders. Returns an error message, or nothing on success.
[[nodiscard]] std::optional<std::string> writeFileAtomically(const std::filesystem::path& target,
                                                             std::string_view contents,
                                                             const AtomicWriteOptions& options = {});

// Removes the temporary files a save killed midway left in `folder` (".NAME.tmp-PID-XXXXXX",
// and the older ".NAME.tmp-XXXXXX"): those whose writer is no longer running, and any older
// than `minAge` (a save takes milliseconds). Nothing else is touched. Returns how many went.
int removeStaleTemporaries(const std::filesystem::path& folder, std::chrono::seconds minAge = std::chrono::minutes(1));

// The whole of a regular file of at most `maxBytes`, or why it cannot be had: for files that
// could be anything (a settings.toml linked to /dev/zero must not be read for ever).
struct FileText {
    std::optional<std::string> text;
    std::string error; // when there is no text: "not a regular file", "over 1 MiB", strerror
};
[[nodiscard]] FileText readRegularFile(const std::filesystem::path& file, std::uintmax_t maxBytes);

// The whole file, or nothing when it cannot be read.
[[nodiscard]] std::optional<std::string> readFile(const std::filesystem::path& file);

} // namespace unknot
