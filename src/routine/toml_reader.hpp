#pragma once
// What routine files and program files share in reading their TOML: problems reported at
// `path:line:column` (the first `maxWorded` worded, the rest counted), unknown keys with the
// one meant, strings and shown texts checked, and the file read and parsed with its first
// problem (too large, not UTF-8, nested too deeply, TOML syntax) reported.

#include "core/diagnostic.hpp"
#include "routine/routine.hpp"

#include <toml++/toml.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace unknot {

[[nodiscard]] SourcePos positionOf(const toml::source_region& region);
// "a string", "an integer", "a list"…: what a value is, for messages.
[[nodiscard]] std::string typeName(const toml::node& node);

// A file's problems as a reader finds them. Readers derive from it and call error() & co.
class TomlProblems {
  public:
    TomlProblems(std::string_view path, Diagnostics& diagnostics, std::size_t maxWorded)
        : path_(path), diagnostics_(diagnostics), maxWorded_(maxWorded) {}

    void error(SourcePos pos, std::string message);
    void error(const toml::node& node, std::string message) { error(positionOf(node.source()), std::move(message)); }
    void error(const toml::key& key, std::string message) { error(positionOf(key.source()), std::move(message)); }
    // `unknown` (translated, {0} the key as typed: "unknown key `{0}` in a step") and "; did you
    // mean `y`?" (or the valid keys listed).
    void unknownKey(const toml::key& key, const std::vector<std::string>& valid, const char* unknown);
    // The value as a string, or the error "`what` must be a string, not …".
    std::optional<std::string> string(const toml::node& node, std::string_view what);
    // A string a person wrote to be shown: at most `maxBytes`, no control characters (a line
    // break only where `multiline`).
    std::optional<std::string> text(const toml::node& node, std::string_view what, std::size_t maxBytes,
                                    bool multiline = false);
    // The diagnostics in the order of the file, then "and N more problems" where some were only counted.
    void finish();

  private:
    std::string path_;
    Diagnostics& diagnostics_;
    std::size_t maxWorded_;
    std::size_t suppressed_ = 0; // problems past maxWorded_, and where the first of them is
    SourcePos firstSuppressed_;
};

// `message` (translated) with the one of `valid` the user meant when `typed` is close to it ("; did
// you mean `name`?"), else with the valid keys listed ("(valid keys: `a`, `b` or `c`)").
[[nodiscard]] std::string withValidKeys(const std::string& message, std::string_view typed,
                                        const std::vector<std::string>& valid);

// The TOML of `text`, or none with the one problem that stops reading it: not UTF-8 text, nested
// too deeply (which bounds the readers' recursion) or a TOML syntax error.
[[nodiscard]] std::optional<toml::table> parseTomlText(std::string_view text, std::string_view path,
                                                       Diagnostics& diagnostics);

// The file's text, or none with why: it cannot be read, or is over `maxBytes` (`tooLarge`, translated,
// with {0} the limit: "the file is too large to be a routine (over {0})").
[[nodiscard]] std::optional<std::string> readTomlFile(const std::filesystem::path& file, std::uintmax_t maxBytes,
                                                      const char* tooLarge, std::string_view limit,
                                                      Diagnostics& diagnostics);

} // namespace unknot
