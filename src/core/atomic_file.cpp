#include "core/atomic_file.hpp"

#include "core/i18n.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

namespace unknot {

namespace {

// The failed call's errno, read before any string is built, after `pattern` (marked N_) with
// `arg` in the user's language.
std::string errnoText(const char* pattern, const std::string& arg) {
    const int error = errno;
    return format(_(pattern), {arg}) + ": " + std::strerror(error);
}

bool writeAll(int fd, std::string_view data, std::size_t failAfter) {
    std::size_t written = 0;
    while (written < data.size()) {
        std::size_t chunk = data.size() - written;
        if (written + chunk > failAfter) {
            chunk = failAfter > written ? failAfter - written : 0;
            if (chunk == 0) {
                errno = ENOSPC;
                return false;
            }
        }
        const ssize_t n = ::write(fd, data.data() + written, chunk);
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        written += static_cast<std::size_t>(n);
    }
    return true;
}

} // namespace

namespace {

// The process's umask, read without changing it (umask(2) sets it, racing other threads).
mode_t currentUmask() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("Umask:", 0) == 0) return static_cast<mode_t>(std::strtol(line.c_str() + 6, nullptr, 8));
    return 022;
}

} // namespace

std::optional<std::string> writeFileAtomically(const std::filesystem::path& link, std::string_view contents,
                                               const AtomicWriteOptions& options) {
    // A symlinked file (settings.toml kept with one's dotfiles) is written where it points: the
    // link stays a link.
    std::filesystem::path target = link;
    std::error_code linkError;
    if (std::filesystem::is_symlink(link, linkError)) {
        const auto resolved = std::filesystem::weakly_canonical(link, linkError);
        if (!linkError) target = resolved;
    }
    // An existing file keeps its mode (a private settings.toml stays private); a new one gets
    // what the umask gives any new file.
    struct stat existing {};
    const mode_t mode = ::stat(target.c_str(), &existing) == 0 ? (existing.st_mode & 07777) : (0666 & ~currentUmask());
    const auto folder = target.parent_path().empty() ? std::filesystem::path(".") : target.parent_path();
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    if (ec) return format(_("cannot create {0}"), {folder.string()}) + ": " + ec.message();

    // Hidden, so the library never lists a half-written routine; our pid in the name tells
    // removeStaleTemporaries whether its writer is still alive.
    std::string tmpl =
        (folder / ("." + target.filename().string() + ".tmp-" + std::to_string(::getpid()) + "-XXXXXX")).string();
    const int fd = ::mkstemp(tmpl.data());
    if (fd < 0) return errnoText(N_("cannot create a temporary file in {0}"), folder.string());
    const auto fail = [&](const std::string& message) {
        ::close(fd);
        ::unlink(tmpl.c_str());
        return std::optional<std::string>(message);
    };
    if (!writeAll(fd, contents, options.failAfterBytes))
        return fail(errnoText(N_("cannot write {0}"), target.string()));
    ::fchmod(fd, mode);
    if (::fsync(fd) != 0) return fail(errnoText(N_("cannot flush {0}"), target.string()));
    if (::close(fd) != 0) {
        ::unlink(tmpl.c_str());
        return errnoText(N_("cannot close {0}"), target.string());
    }
    if (::rename(tmpl.c_str(), target.c_str()) != 0) {
        const auto message = errnoText(N_("cannot replace {0}"), target.string());
        ::unlink(tmpl.c_str());
        return message;
    }
    // Make the rename itself durable.
    if (const int dirFd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY); dirFd >= 0) {
        ::fsync(dirFd);
        ::close(dirFd);
    }
    return std::nullopt;
}

namespace {

// The pid in ".NAME.tmp-PID-XXXXXX" (0 for the older ".NAME.tmp-XXXXXX"), or nothing when the
// name is not one of our temporary files.
std::optional<long> temporaryFilePid(const std::string& name) {
    const auto isSuffix = [](std::string_view s) {
        return s.size() == 6 &&
               std::all_of(s.begin(), s.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)); });
    };
    const std::size_t mark = name.rfind(".tmp-");
    if (name.size() < 2 || name[0] != '.' || mark == std::string::npos || mark < 2) return std::nullopt;
    const std::string_view rest = std::string_view(name).substr(mark + 5);
    if (isSuffix(rest)) return 0;
    const std::size_t dash = rest.find('-');
    if (dash == std::string_view::npos || dash == 0 || dash > 10 || !isSuffix(rest.substr(dash + 1)))
        return std::nullopt;
    long pid = 0;
    for (char c : rest.substr(0, dash)) {
        if (c < '0' || c > '9') return std::nullopt;
        pid = pid * 10 + (c - '0');
    }
    return pid;
}

} // namespace

int removeStaleTemporaries(const std::filesystem::path& folder, std::chrono::seconds minAge) {
    int removed = 0;
    std::error_code ec;
    const auto now = std::filesystem::file_time_type::clock::now();
    for (std::filesystem::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        const auto pid = temporaryFilePid(it->path().filename().string());
        std::error_code typeEc;
        if (!pid || !it->is_regular_file(typeEc) || it->is_symlink(typeEc)) continue;
        const bool writerGone = *pid > 0 && ::kill(static_cast<pid_t>(*pid), 0) != 0 && errno == ESRCH;
        const auto written = it->last_write_time(typeEc);
        const bool old = !typeEc && now - written > minAge;
        if ((writerGone || old) && std::filesystem::remove(it->path(), typeEc)) ++removed;
    }
    return removed;
}

FileText readRegularFile(const std::filesystem::path& file, std::uintmax_t maxBytes) {
    FileText out;
    // One descriptor for the check and the read, so the file cannot be swapped in between.
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        out.error = std::strerror(errno);
        return out;
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        out.error = std::strerror(errno);
    } else if (!S_ISREG(st.st_mode)) {
        out.error = _("not a regular file");
    } else if (static_cast<std::uintmax_t>(st.st_size) > maxBytes) {
        out.error =
            format(_("the file is over {0}"), {maxBytes % (1u << 20) == 0 ? std::to_string(maxBytes >> 20) + " MiB"
                                                                          : std::to_string(maxBytes >> 10) + " KiB"});
    } else {
        std::string text(static_cast<std::size_t>(st.st_size), '\0');
        std::size_t got = 0;
        while (got < text.size()) {
            const ssize_t n = ::read(fd, text.data() + got, text.size() - got);
            if (n < 0 && errno == EINTR) continue;
            if (n < 0) out.error = std::strerror(errno);
            if (n <= 0) break;
            got += static_cast<std::size_t>(n);
        }
        text.resize(got); // a file that shrank meanwhile: what was there
        if (out.error.empty()) out.text = std::move(text);
    }
    ::close(fd);
    return out;
}

std::optional<std::string> readFile(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad()) return std::nullopt;
    return buffer.str();
}

} // namespace unknot
