#pragma once
// A folder of the fuzz target's own for the files it writes (in memory when /dev/shm is there),
// one per process, so libFuzzer's -jobs and two targets side by side never share one; removed
// when the process ends.
#include <unistd.h>

#include <filesystem>
#include <string>
#include <system_error>

namespace unknot::fuzz {

class WorkFolder {
  public:
    explicit WorkFolder(const std::string& name) {
        namespace fs = std::filesystem;
        const fs::path base = fs::is_directory("/dev/shm") ? fs::path("/dev/shm") : fs::temp_directory_path();
        path_ = base / ("unknot-fuzz-" + name + "-" + std::to_string(::getpid()));
        fs::create_directories(path_);
    }
    ~WorkFolder() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    WorkFolder(const WorkFolder&) = delete;
    WorkFolder& operator=(const WorkFolder&) = delete;
    [[nodiscard]] const std::filesystem::path& path() const { return path_; }

  private:
    std::filesystem::path path_;
};

} // namespace unknot::fuzz
