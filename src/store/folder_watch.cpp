#include "store/folder_watch.hpp"

#include <sys/inotify.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdint>

namespace unknot {

namespace {
// Only what changes a file's content or presence: a save (close after writing), an atomic save
// (a rename into the folder), a creation, a removal, a rename away.
constexpr std::uint32_t kFileEvents = IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_TO | IN_MOVED_FROM;
constexpr std::uint32_t kFolderEvents = IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR;
} // namespace

FolderWatch::FolderWatch(std::vector<std::filesystem::path> folders)
    : fd_(inotify_init1(IN_NONBLOCK | IN_CLOEXEC)), folders_(std::move(folders)), watches_(folders_.size(), -1) {
    addMissing();
}

FolderWatch::~FolderWatch() {
    if (fd_ >= 0) ::close(fd_);
}

bool FolderWatch::addMissing() {
    bool added = false;
    for (std::size_t i = 0; fd_ >= 0 && i < folders_.size(); ++i) {
        if (watches_[i] >= 0 || folders_[i].empty()) continue;
        watches_[i] = inotify_add_watch(fd_, folders_[i].c_str(), kFileEvents | kFolderEvents);
        added = added || watches_[i] >= 0;
    }
    return added;
}

bool FolderWatch::watchingAll() const {
    if (fd_ < 0) return false;
    for (std::size_t i = 0; i < folders_.size(); ++i)
        if (watches_[i] < 0 && !folders_[i].empty()) return false;
    return true;
}

FolderWatch::Changes FolderWatch::take() {
    Changes changes;
    if (fd_ < 0) return changes;
    alignas(inotify_event) std::array<char, 16384> buffer{};
    for (;;) {
        const ssize_t n = ::read(fd_, buffer.data(), buffer.size());
        if (n <= 0) break; // EAGAIN: nothing more
        for (ssize_t at = 0; at < n;) {
            const auto* e = reinterpret_cast<const inotify_event*>(buffer.data() + at);
            at += static_cast<ssize_t>(sizeof(inotify_event) + e->len);
            if (e->mask & IN_Q_OVERFLOW) {
                changes.everything = true;
                continue;
            }
            for (std::size_t i = 0; i < folders_.size(); ++i) {
                if (watches_[i] != e->wd) continue;
                if (e->mask & (IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED)) {
                    watches_[i] = -1; // gone: watched again if it comes back
                    changes.everything = true;
                } else if (e->len > 0) {
                    changes.files.push_back(folders_[i] / e->name);
                }
            }
        }
    }
    if (addMissing()) changes.everything = true;
    // A file made and written is two events: one name.
    std::sort(changes.files.begin(), changes.files.end());
    changes.files.erase(std::unique(changes.files.begin(), changes.files.end()), changes.files.end());
    return changes;
}

} // namespace unknot
