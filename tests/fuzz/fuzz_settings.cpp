// libFuzzer target: any bytes as settings.toml. Reading must never crash, hang or blow up;
// editing the file in place must keep it readable and give exactly the values set; and what
// escapeControls makes of the bytes must hold no control character.
// Build and run: tests/fuzz/run.sh (the fuzz preset, clang's libFuzzer); CI runs it.
#include "core/text.hpp"
#include "store/settings.hpp"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    for (unsigned char c : unknot::escapeControls(text))
        if (c < 0x20 || c == 0x7F) std::abort();

    const auto loaded = unknot::parseSettings(text);
    unknot::Settings after = loaded.settings;
    after.volume = (after.volume + 7) % 101;
    after.cues.halfway = !after.cues.halfway;
    after.window.width = 321 + static_cast<int>(size % 1000);
    after.sounds["end"] = "/tmp/x y.wav";
    const auto edited = unknot::editSettingsText(text, loaded.settings, after);
    if (!edited) return 0; // the caller rewrites the whole file, keeping a .bak
    const auto again = unknot::parseSettings(*edited);
    if (again.settings.volume != after.volume || again.settings.cues.halfway != after.cues.halfway ||
        again.settings.window.width != after.window.width || again.settings.sounds.count("end") == 0 ||
        again.settings.sounds.at("end") != "/tmp/x y.wav")
        std::abort();
    return 0;
}
