#pragma once
// `sources`: the published evidence a routine or a program rests on, one inline table each:
//   sources = [ { title = "…", authors = "…", year = 2015, doi = "10.…", supports = "…" } ]
// Routines and programs read and write them the same way (docs/routines.md, docs/programs.md).

#include "routine/routine.hpp"

#include <toml++/toml.h>

#include <functional>
#include <string>
#include <vector>

namespace unknot {

inline constexpr std::size_t kMaxSources = 30;
inline constexpr std::size_t kMaxSourceTextBytes = 500; // title, authors, supports, doi, url
inline constexpr int kMinSourceYear = 1800;
inline constexpr int kMaxSourceYear = 2100;

// One where problems are reported: a position in the file and a message.
using ReportProblem = std::function<void(SourcePos, std::string)>;

// Reads the value of a `sources` key, reporting each mistake at its own position.
[[nodiscard]] std::vector<Source> parseSources(const toml::node& node, const ReportProblem& problem);

// `sources = [` … `]` as the writer puts it (one table a line), ending in a newline; empty for none.
[[nodiscard]] std::string writeSources(const std::vector<Source>& sources);

// "Rathleff et al. 2015, doi:10.1111/sms.12313": a source in one short line.
[[nodiscard]] std::string citeShort(const Source& source);

} // namespace unknot
