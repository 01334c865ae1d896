#include "core/atomic_file.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace unknot {

namespace {

std::string errnoText(const std::string& what) { return what + ": " + std::strerror(errno); }

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

std::optional<std::string> writeFileAtomically(const std::filesystem::path& target, std::string_view contents,
                                               const AtomicWriteOptions& options) {
    const auto folder = target.parent_path().empty() ? std::filesystem::path(".") : target.parent_path();
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    if (ec) return "cannot create " + folder.string() + ": " + ec.message();

    // Hidden, so the library never lists a half-written routine.
    std::string tmpl = (folder / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
    const int fd = ::mkstemp(tmpl.data());
    if (fd < 0) return errnoText("cannot create a temporary file in " + folder.string());
    const auto fail = [&](const std::string& message) {
        ::close(fd);
        ::unlink(tmpl.c_str());
        return std::optional<std::string>(message);
    };
    if (!writeAll(fd, contents, options.failAfterBytes)) return fail(errnoText("cannot write " + target.string()));
    ::fchmod(fd, 0644);
    if (::fsync(fd) != 0) return fail(errnoText("cannot flush " + target.string()));
    if (::close(fd) != 0) {
        ::unlink(tmpl.c_str());
        return errnoText("cannot close " + target.string());
    }
    if (::rename(tmpl.c_str(), target.c_str()) != 0) {
        const auto message = errnoText("cannot replace " + target.string());
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

std::optional<std::string> readFile(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad()) return std::nullopt;
    return buffer.str();
}

} // namespace unknot
