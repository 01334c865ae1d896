// libFuzzer target: any bytes as a routine file. It must never crash, hang or leak; a valid
// routine must expand, and writing it and reading it back must give the same timeline.
// Build and run: tests/fuzz/run.sh (the fuzz preset, clang's libFuzzer); CI runs it.
#include "routine/routine_parser.hpp"
#include "routine/routine_writer.hpp"
#include "routine/timeline.hpp"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto parsed = unknot::parseRoutine(text, "fuzz.toml");
    for (const auto& d : parsed.diagnostics)
        if (d.line < 1 || d.column < 1 || d.message.empty()) std::abort();
    if (!parsed.valid()) return 0;
    const auto timeline = unknot::expand(parsed.routine);
    // Within the bounds of issue 12: phases and the text they carry.
    std::size_t textBytes = 0;
    for (const auto& p : timeline.phases)
        textBytes += p.label.str().size() + p.cue.str().size() + p.block.str().size();
    if (timeline.size() > unknot::kMaxPhases || textBytes > unknot::kMaxExpandedTextBytes) std::abort();
    const auto again = unknot::parseRoutine(unknot::formatRoutine(parsed.routine), "written.toml");
    if (!again.valid()) std::abort();
    const auto timeline2 = unknot::expand(again.routine);
    if (timeline2.totalMs != timeline.totalMs || timeline2.size() != timeline.size()) std::abort();
    return 0;
}
