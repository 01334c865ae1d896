#pragma once
// Where finished and stopped sessions go: history.csv in the app, a list in tests.

#include "core/user_files.hpp"

#include <filesystem>
#include <optional>
#include <string>

namespace unknot {

class HistorySink {
  public:
    virtual ~HistorySink() = default;
    // An error message, or nothing.
    [[nodiscard]] virtual std::optional<std::string> append(const HistoryRecord& record) = 0;
};

class HistoryFile final : public HistorySink {
  public:
    explicit HistoryFile(std::filesystem::path file) : file_(std::move(file)) {}
    [[nodiscard]] std::optional<std::string> append(const HistoryRecord& record) override {
        return appendHistory(file_, record);
    }
    [[nodiscard]] const std::filesystem::path& file() const { return file_; }

  private:
    std::filesystem::path file_;
};

} // namespace unknot
