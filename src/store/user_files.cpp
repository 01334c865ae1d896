#include "store/user_files.hpp"

#include "core/atomic_file.hpp"
#include "core/i18n.hpp"
#include "core/paths.hpp"
#include "routine/routine_writer.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <set>
#include <sys/stat.h>
#include <unistd.h>

namespace unknot {

namespace fs = std::filesystem;

fs::path freeRoutinePath(const fs::path& dir, const std::string& id) {
    std::error_code ec;
    fs::path candidate = dir / (id + ".toml");
    for (int n = 2; fs::exists(candidate, ec); ++n) candidate = dir / (id + "-" + std::to_string(n) + ".toml");
    return candidate;
}

std::optional<std::string> saveRoutine(const fs::path& file, const Routine& routine) {
    return writeFileAtomically(file, formatRoutine(routine));
}

fs::path trashDir() { return userDataDir() / "trash"; }

std::variant<TrashedFile, std::string> moveToTrash(const fs::path& file, const fs::path& trash, std::int64_t now) {
    std::error_code ec;
    fs::create_directories(trash, ec);
    if (ec) return format(_("cannot create {0}: {1}"), {trash.string(), ec.message()});
    const auto stamp = std::to_string(static_cast<long long>(now));
    fs::path target = trash / (file.stem().string() + "-" + stamp + ".toml");
    for (int n = 2; fs::exists(target, ec); ++n)
        target = trash / (file.stem().string() + "-" + stamp + "-" + std::to_string(n) + ".toml");
    fs::rename(file, target, ec);
    if (ec) return format(_("cannot move {0} to the trash: {1}"), {file.string(), ec.message()});
    return TrashedFile{file, target};
}

std::optional<std::string> restoreFromTrash(const TrashedFile& trashed) {
    std::error_code ec;
    if (fs::exists(trashed.original, ec))
        return format(_("{0} exists again; not replacing it"), {trashed.original.string()});
    fs::rename(trashed.inTrash, trashed.original, ec);
    if (ec) return format(_("cannot restore {0}: {1}"), {trashed.original.string(), ec.message()});
    return std::nullopt;
}

fs::path historyPath() { return userDataDir() / "history.csv"; }

std::string csvField(const std::string& text) {
    if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string formatLocal(std::int64_t t, const char* format) {
    const std::time_t tt = static_cast<std::time_t>(t);
    std::tm tm{};
    localtime_r(&tt, &tm);
    char buf[64];
    return std::strftime(buf, sizeof buf, format, &tm) ? buf : "";
}

std::string isoLocal(std::int64_t t) { return formatLocal(t, "%Y-%m-%dT%H:%M:%S%z"); }

std::optional<std::int64_t> parseIso(const std::string& text) {
    std::tm tm{};
    const char* end = strptime(text.c_str(), "%Y-%m-%dT%H:%M:%S%z", &tm);
    if (!end || *end) return std::nullopt;
    const long offset = tm.tm_gmtoff; // read before timegm(), which resets it
    return static_cast<std::int64_t>(timegm(&tm)) - offset;
}

namespace {

constexpr std::string_view kHeader = "started,routine_id,routine_name,planned_s,done_s,completed,skipped_phases\n";

std::int64_t localDay(std::int64_t t) {
    const std::time_t tt = static_cast<std::time_t>(t);
    std::tm tm{};
    localtime_r(&tt, &tm);
    return (static_cast<std::int64_t>(timegm(&tm))) / 86400; // the local calendar day as a number
}

} // namespace

std::optional<std::string> appendHistory(const fs::path& file, const HistoryRecord& r) {
    std::error_code ec;
    fs::create_directories(file.parent_path(), ec);
    // Non-blocking: a FIFO in its place fails at once instead of waiting for a reader.
    const int fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_APPEND | O_NONBLOCK | O_CLOEXEC, 0644);
    // TRANSLATORS: {0} a file, {1} the system's words for why (strerror).
    if (fd < 0) return format(_("cannot open {0}: {1}"), {file.string(), std::strerror(errno)});
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        return format(_("cannot write {0}: not a regular file"), {file.string()});
    }
    std::string line;
    std::string_view eol = "\n";
    if (const off_t size = ::lseek(fd, 0, SEEK_END); size == 0) {
        line += kHeader;
    } else if (size > 0) {
        // The row ends as the file's lines do (CRLF once a Windows editor saved it: its first
        // line break tells), and starts on a line of its own when the last line was left
        // without a break: never glued to another row, never mixed endings.
        char head[4096];
        const ssize_t got = ::pread(fd, head, sizeof head, 0);
        const std::string_view start(head, got > 0 ? static_cast<std::size_t>(got) : 0);
        if (const auto br = start.find('\n'); br != std::string_view::npos && br > 0 && start[br - 1] == '\r')
            eol = "\r\n";
        char last = '\n';
        if (::pread(fd, &last, 1, size - 1) == 1 && last != '\n') line += last == '\r' ? "\n" : std::string(eol);
    }
    line += csvField(isoLocal(r.startedAt)) + "," + csvField(r.routineId) + "," + csvField(r.routineName) + "," +
            std::to_string(r.plannedMs / 1000) + "," + std::to_string(r.doneMs / 1000) + "," +
            (r.completed ? "yes" : "no") + "," + std::to_string(r.skippedPhases) + std::string(eol);
    // One write of one line with O_APPEND: a crash leaves the file with or without it.
    const ssize_t n = ::write(fd, line.data(), line.size());
    const int writeErrno = n < 0 ? errno : ENOSPC; // a short write: the disk is full
    const bool synced = ::fsync(fd) == 0;
    const int syncErrno = errno;
    ::close(fd);
    if (n != static_cast<ssize_t>(line.size()))
        return format(_("cannot write {0}: {1}"), {file.string(), std::strerror(writeErrno)});
    // TRANSLATORS: flushing: making sure what was written is on the disk; {1} the system's words.
    if (!synced) return format(_("cannot flush {0}: {1}"), {file.string(), std::strerror(syncErrno)});
    return std::nullopt;
}

std::vector<double> minutesPerWeek(const std::vector<HistoryRecord>& records, std::int64_t now, int weeks) {
    std::vector<double> out(static_cast<std::size_t>(weeks), 0.0);
    // Day 0 (1970-01-01) was a Thursday; Monday-based weeks start 3 days later.
    const auto weekOf = [](std::int64_t day) { return (day + 3) / 7; };
    const std::int64_t thisWeek = weekOf(localDay(now));
    for (const auto& r : records) {
        const std::int64_t ago = thisWeek - weekOf(localDay(r.startedAt));
        if (ago >= 0 && ago < weeks)
            out[static_cast<std::size_t>(weeks - 1 - ago)] += static_cast<double>(r.doneMs) / 60000.0;
    }
    return out;
}

int streakDays(const std::vector<HistoryRecord>& records, std::int64_t now) {
    std::set<std::int64_t> days;
    for (const auto& r : records) days.insert(localDay(r.startedAt));
    std::int64_t day = localDay(now);
    if (!days.count(day)) --day; // today may still come
    int streak = 0;
    while (days.count(day)) {
        ++streak;
        --day;
    }
    return streak;
}

} // namespace unknot
