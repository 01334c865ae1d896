#pragma once
// The routine library read on a thread of its own: the window draws its first frame with the
// built-in routines while the user's folder (maybe thousands of files) is still being read,
// and a file edited on disk is read again there, never on the thread that draws.
//
// The thread sleeps on the folder watch (inotify), so an idle library costs nothing; where the
// system cannot watch, it compares the folders' fingerprint every kPollMs instead. What it has
// read is handed over as snapshots: the newest one is take()n by the window, which is woken
// (setWake) each time there is one.

#include "store/library.hpp"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace unknot {

class LibraryLoader {
  public:
    // Where the system cannot watch the folders: how often they are looked at instead.
    static constexpr int kPollMs = 2000;
    // While a scan reads the folders, a snapshot after the built-ins and then every so many files.
    static constexpr std::size_t kFilesPerSnapshot = 500;
    // The loader's thread is this much nicer than the window's, once the first scan has handed
    // over the built-ins (what the window waits for before its first frame): until then it
    // runs as the window does.
    static constexpr int kNice = 10;
    // holdOthersUntilShown(): how long the first scan waits at most after the built-ins for the
    // window to say its first frame is shown (a window that never draws delays nothing longer).
    static constexpr std::chrono::milliseconds kHold{1000};

    explicit LibraryLoader(LibraryFolders folders);
    ~LibraryLoader(); // stops the thread, also in the middle of a scan
    LibraryLoader(const LibraryLoader&) = delete;
    LibraryLoader& operator=(const LibraryLoader&) = delete;

    // Called on the loader's thread after each snapshot (the window posts itself an event).
    void setWake(std::function<void()> wake);

    // Reads every folder again (the first call starts the thread). Snapshots of this scan
    // follow; those of an earlier one still under way are not handed over any more.
    void scanAll();
    // Blocks until this scan has read the built-in routines (or all, or the loader stopped).
    void waitForBuiltIns();
    // The window's start: the first scan hands over the built-ins, then waits to read the
    // user's files until firstFrameShown() (or `atMost`), so that the first frame is drawn on a
    // machine the scan does not share. Called before the first scanAll(); a newer scan or a
    // settle() ends the hold too.
    void holdOthersUntilShown(std::chrono::milliseconds atMost = kHold);
    void firstFrameShown();
    // Blocks until every change made to the folders before the call is read and handed over
    // (tests; a window never waits for its library).
    void settle();

    struct Snapshot {
        std::shared_ptr<const std::vector<LibraryEntry>> entries; // never null
        std::size_t read = 0;                                     // files read in this scan so far
        std::size_t total = 0;                                    // files the scan found
        [[nodiscard]] bool complete() const { return read == total; }
    };
    // The newest snapshot, when there is one not taken yet.
    [[nodiscard]] std::optional<Snapshot> take();

    // Scans done to their end, and files read again alone after a change: for tests and logs.
    [[nodiscard]] std::uint64_t scansCompleted() const { return scansCompleted_.load(); }
    [[nodiscard]] std::uint64_t filesReread() const { return filesReread_.load(); }

  private:
    LibraryFolders folders_;
    int wakeFd_ = -1; // an eventfd: scanAll() and the destructor wake the thread with it

    std::mutex mutex_;
    std::condition_variable changed_; // a snapshot handed over, a settle() answered, or stopped
    std::function<void()> wake_;
    std::optional<Snapshot> pending_;
    std::uint64_t scanRequested_ = 0; // the number of the newest scan asked for
    std::uint64_t builtInsOf_ = 0;    // the newest scan whose built-ins are read
    std::uint64_t syncRequested_ = 0; // settle() calls
    std::uint64_t syncDone_ = 0;      // those answered
    bool stopped_ = false;            // the thread is gone (or never started)
    bool holding_ = false;            // the first scan waits after the built-ins (holdOthersUntilShown)
    std::chrono::milliseconds holdAtMost_{0};

    std::atomic<bool> stop_{false};
    std::atomic<std::uint64_t> scansCompleted_{0};
    std::atomic<std::uint64_t> filesReread_{0};
    std::thread thread_;
    bool background_ = false; // the loader's thread only: it has lowered its priority

    void run();
    void becomeBackground();
    // After the built-ins of the scan `number`: waits while holding_ (see holdOthersUntilShown).
    void holdAfterBuiltIns(std::uint64_t number);
    void publish(std::vector<LibraryEntry> entries, std::size_t read, std::size_t total, std::uint64_t scan);
    // Reads everything; false when stopped or a newer scan was asked for in the meantime.
    bool scan(std::uint64_t number, Library& library);
};

} // namespace unknot
