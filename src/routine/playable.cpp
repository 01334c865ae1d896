#include "routine/playable.hpp"

namespace unknot {

namespace {
PlayCheck fromParsed(ParsedRoutine parsed, WrittenRoutine written) {
    PlayCheck out;
    out.diagnostics = std::move(parsed.diagnostics);
    if (out.diagnostics.empty()) out.timeline = expand(parsed.routine);
    out.routine = std::move(parsed.routine);
    out.written = std::move(written);
    return out;
}
} // namespace

PlayCheck checkPlayable(const Routine& routine, std::string_view path) {
    WrittenRoutine written = writeRoutine(routine);
    ParsedRoutine parsed = parseRoutine(written.text, path);
    return fromParsed(std::move(parsed), std::move(written));
}

PlayCheck checkPlayableFile(const std::filesystem::path& file) { return fromParsed(loadRoutineFile(file), {}); }

} // namespace unknot
