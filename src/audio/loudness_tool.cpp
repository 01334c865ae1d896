// unknot-loudness FILE.wav...: prints each file's cue loudness (maximum momentary, LUFS) and
// true peak (dBTP), one line each: "NAME LUFS DBTP". assets/sounds/make-sounds.sh uses it to
// bring every cue to the same loudness; bench scripts use it on captured audio.
#include "audio/loudness.hpp"

#include <SDL.h>

#include <cstdio>

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: unknot-loudness FILE.wav...\n");
        return 2;
    }
    int status = 0;
    for (int i = 1; i < argc; ++i) {
        SDL_AudioSpec spec{};
        Uint8* buffer = nullptr;
        Uint32 bytes = 0;
        if (!SDL_LoadWAV(argv[i], &spec, &buffer, &bytes)) {
            std::fprintf(stderr, "%s: cannot read: %s\n", argv[i], SDL_GetError());
            status = 1;
            continue;
        }
        std::optional<unknot::Loudness> l;
        if (spec.format == AUDIO_S16SYS) {
            const std::span<const std::int16_t> samples(reinterpret_cast<const std::int16_t*>(buffer),
                                                        bytes / sizeof(std::int16_t));
            l = unknot::measureCueLoudness(samples, spec.channels, static_cast<unsigned>(spec.freq));
        }
        SDL_FreeWAV(buffer);
        if (!l) {
            std::fprintf(stderr, "%s: not 16-bit PCM, or unreadable\n", argv[i]);
            status = 1;
            continue;
        }
        std::printf("%s %.2f %.2f\n", argv[i], l->maxMomentaryLufs, l->truePeakDbtp);
    }
    return status;
}
