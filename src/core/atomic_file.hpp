#pragma once
// Saving without ever leaving a torn file: write a temporary file in the same folder, flush
// it to disk, then rename it over the target. A crash at any moment leaves the old file or
// the new one.

#include <cstddef>
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

// The whole file, or nothing when it cannot be read.
[[nodiscard]] std::optional<std::string> readFile(const std::filesystem::path& file);

} // namespace unknot
