#pragma once
// The routine folders watched for changes (Linux inotify): the library learns which files
// changed without looking at every file, and reads those again only.

#include <filesystem>
#include <vector>

namespace unknot {

class FolderWatch {
  public:
    // Watches each folder that exists; one made later is watched from the first take() after.
    explicit FolderWatch(std::vector<std::filesystem::path> folders);
    ~FolderWatch();
    FolderWatch(const FolderWatch&) = delete;
    FolderWatch& operator=(const FolderWatch&) = delete;

    // False when the system cannot watch (no inotify, or out of watches): poll instead.
    [[nodiscard]] bool watching() const { return fd_ >= 0; }

    struct Changes {
        std::vector<std::filesystem::path> files; // written, created, moved in or out, removed
        bool everything = false;                  // a folder appeared, went or events were lost: read all again
    };
    // What changed since the last call; never blocks.
    [[nodiscard]] Changes take();
    // The descriptor that becomes readable when take() has something (-1 when not watching),
    // for a thread that sleeps until then.
    [[nodiscard]] int fd() const { return fd_; }
    // False while a folder is missing: it is looked for again at each take(), so call it now and then.
    [[nodiscard]] bool watchingAll() const;

  private:
    int fd_ = -1;
    std::vector<std::filesystem::path> folders_;
    std::vector<int> watches_; // per folder; -1 while it cannot be watched (not there yet)
    bool addMissing();         // true when a folder not watched before is now
};

} // namespace unknot
