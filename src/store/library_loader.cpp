#include "store/library_loader.hpp"

#include "store/folder_watch.hpp"

#include <poll.h>
#include <sys/eventfd.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <utility>

namespace unknot {

namespace {

// An editor's or our own temporary files (hidden, *.tmp, *~) are no routines.
void keepRoutineFiles(std::vector<std::filesystem::path>& files) {
    std::erase_if(files, [](const std::filesystem::path& p) {
        const std::string name = p.filename().string();
        return name.empty() || name.front() == '.' || p.extension() != ".toml";
    });
}

void signal(int fd) {
    if (fd < 0) return;
    const std::uint64_t one = 1;
    // Only full when 2^64 - 2 wakes are pending: the thread wakes either way.
    [[maybe_unused]] const ssize_t n = ::write(fd, &one, sizeof one);
}

} // namespace

LibraryLoader::LibraryLoader(LibraryFolders folders)
    : folders_(std::move(folders)), wakeFd_(eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)) {}

LibraryLoader::~LibraryLoader() {
    {
        const std::lock_guard lock(mutex_);
        stop_ = true;
    }
    changed_.notify_all(); // a scan holding after the built-ins
    signal(wakeFd_);
    if (thread_.joinable()) thread_.join();
    if (wakeFd_ >= 0) ::close(wakeFd_);
}

void LibraryLoader::setWake(std::function<void()> wake) {
    const std::lock_guard lock(mutex_);
    wake_ = std::move(wake);
}

void LibraryLoader::scanAll() {
    {
        const std::lock_guard lock(mutex_);
        ++scanRequested_;
        if (!thread_.joinable()) {
            stopped_ = false;
            thread_ = std::thread([this] { run(); });
        }
    }
    changed_.notify_all(); // a scan holding after the built-ins is out of date
    signal(wakeFd_);
}

void LibraryLoader::waitForBuiltIns() {
    std::unique_lock lock(mutex_);
    const std::uint64_t scan = scanRequested_;
    changed_.wait(lock, [&] { return builtInsOf_ >= scan || stopped_; });
}

void LibraryLoader::holdOthersUntilShown(std::chrono::milliseconds atMost) {
    const std::lock_guard lock(mutex_);
    holding_ = true;
    holdAtMost_ = atMost;
}

void LibraryLoader::firstFrameShown() {
    {
        const std::lock_guard lock(mutex_);
        if (!holding_) return;
        holding_ = false;
    }
    changed_.notify_all();
}

void LibraryLoader::holdAfterBuiltIns(std::uint64_t number) {
    std::unique_lock lock(mutex_);
    // A newer scan, a settle() or the end: nobody waits for a first frame any more.
    changed_.wait_for(lock, holdAtMost_,
                      [&] { return !holding_ || stop_ || scanRequested_ != number || syncRequested_ != syncDone_; });
    holding_ = false;
}

void LibraryLoader::settle() {
    std::unique_lock lock(mutex_);
    const std::uint64_t sync = ++syncRequested_;
    changed_.notify_all(); // a scan holding after the built-ins goes on
    signal(wakeFd_);
    changed_.wait(lock, [&] { return syncDone_ >= sync || stopped_; });
}

std::optional<LibraryLoader::Snapshot> LibraryLoader::take() {
    const std::lock_guard lock(mutex_);
    return std::exchange(pending_, std::nullopt);
}

void LibraryLoader::publish(std::vector<LibraryEntry> entries, std::size_t read, std::size_t total,
                            std::uint64_t scan) {
    std::function<void()> wake;
    {
        const std::lock_guard lock(mutex_);
        if (scan != scanRequested_) return; // a newer scan is asked for: this one is out of date
        pending_ = Snapshot{std::make_shared<const std::vector<LibraryEntry>>(std::move(entries)), read, total};
        builtInsOf_ = std::max(builtInsOf_, scan);
        wake = wake_;
    }
    changed_.notify_all();
    if (wake) wake();
}

bool LibraryLoader::scan(std::uint64_t number, Library& library) {
    const std::vector<RoutineFile> files = listRoutineFiles(folders_);
    const auto builtIns = static_cast<std::size_t>(std::count_if(
        files.begin(), files.end(), [](const RoutineFile& f) { return f.source == RoutineSource::BuiltIn; }));
    std::vector<LibraryEntry> entries;
    entries.reserve(files.size());
    if (builtIns == 0 && !files.empty()) publish({}, 0, files.size(), number); // none to wait for
    if (builtIns == 0) becomeBackground();
    for (const RoutineFile& f : files) {
        if (stop_) return false;
        if (entries.size() % 64 == 0) {
            const std::lock_guard lock(mutex_);
            if (scanRequested_ != number) return false;
        }
        entries.push_back(loadEntry(f.path, f.source));
        const std::size_t read = entries.size();
        if (read < files.size() && (read == builtIns || read % kFilesPerSnapshot == 0))
            publish(entries, read, files.size(), number);
        if (read == builtIns) {
            becomeBackground();
            if (read < files.size()) holdAfterBuiltIns(number);
        }
    }
    library.adopt(entries);
    publish(std::move(entries), files.size(), files.size(), number);
    return true;
}

void LibraryLoader::becomeBackground() {
    if (background_) return;
    background_ = true;
    // The built-ins are handed over: the rest is background work, and the thread that draws (and
    // the audio thread) come first on a busy machine. On Linux a thread's own id sets its
    // niceness alone; failing that, it runs as it is.
    (void)setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), kNice);
}

void LibraryLoader::run() {
    std::vector<std::filesystem::path> watched{folders_.builtIn, folders_.user};
    watched.insert(watched.end(), folders_.extra.begin(), folders_.extra.end());
    FolderWatch watch(std::move(watched));
    Library library;
    std::string fingerprint; // where the folders cannot be watched
    std::uint64_t done = 0;  // the scan last read to its end
    while (!stop_) {
        std::uint64_t wanted = 0;
        std::uint64_t sync = 0;
        {
            const std::lock_guard lock(mutex_);
            wanted = scanRequested_;
            sync = syncRequested_;
        }
        if (wanted != done) {
            if (watch.watching())
                (void)watch.take(); // what this scan reads anyway
            else
                fingerprint = folderFingerprint(folders_);
            if (scan(wanted, library)) {
                done = wanted;
                ++scansCompleted_;
            }
            continue; // stopped, or a newer scan asked for, or done: look again
        }
        // What changed since: read again alone, or everything when the watch lost track.
        if (!watch.watching()) {
            if (folderFingerprint(folders_) != fingerprint) {
                const std::lock_guard lock(mutex_);
                ++scanRequested_;
                continue;
            }
        } else {
            FolderWatch::Changes changes = watch.take();
            keepRoutineFiles(changes.files);
            if (changes.everything) {
                const std::lock_guard lock(mutex_);
                ++scanRequested_;
                continue;
            }
            if (!changes.files.empty()) {
                library.refresh(folders_, changes.files);
                filesReread_ += changes.files.size();
                publish(library.entries(), library.entries().size(), library.entries().size(), done);
            }
        }
        {
            const std::lock_guard lock(mutex_);
            if (scanRequested_ != done) continue;
            syncDone_ = sync; // every change made before settle() was called is read
        }
        changed_.notify_all();
        // Sleep until a folder changes or the window asks for something.
        std::array<pollfd, 2> fds{pollfd{wakeFd_, POLLIN, 0}, pollfd{watch.fd(), POLLIN, 0}};
        const nfds_t count = watch.fd() >= 0 ? 2 : 1;
        (void)::poll(fds.data(), count, watch.watchingAll() && wakeFd_ >= 0 ? -1 : kPollMs);
        if (fds[0].revents & POLLIN) {
            std::uint64_t wakes = 0;
            [[maybe_unused]] const ssize_t n = ::read(wakeFd_, &wakes, sizeof wakes);
        }
    }
    {
        const std::lock_guard lock(mutex_);
        stopped_ = true;
    }
    changed_.notify_all();
}

} // namespace unknot
