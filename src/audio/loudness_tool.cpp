// unknot-loudness FILE.wav...: prints each file's cue loudness (maximum momentary, LUFS) and
// true peak (dBTP), one line each: "NAME LUFS DBTP". assets/sounds/make-sounds.sh uses it to
// bring every cue to the same loudness; bench scripts use it on captured audio.
//   unknot-loudness --say LANG TEXT...: the same for each TEXT as the voice says it in LANG
//   ("en": Flite's kal16; other languages: espeak-ng), mono at 22050 Hz, as the app makes it.
#include "audio/loudness.hpp"
#include "audio/voice.hpp"

#include <SDL.h>

#include <cstdio>
#include <string_view>

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: unknot-loudness FILE.wav...\n");
        return 2;
    }
    int status = 0;
    if (std::string_view(argv[1]) == "--say" && argc >= 3) {
        for (int i = 3; i < argc; ++i) {
            auto voice = unknot::openVoiceFor(unknot::VoiceSettings{}, argv[2], 22050, 1);
            if (!voice) {
                std::fprintf(stderr, "no voice for %s\n", argv[2]);
                return 1;
            }
            const auto said = voice->speak(argv[i]);
            const auto l = unknot::measureCueLoudness(said.samples, 1, 22050);
            if (!l) return 1;
            std::printf("%s\t%.2f\t%.2f\t%s\n", argv[2], l->maxMomentaryLufs, l->truePeakDbtp, argv[i]);
        }
        return 0;
    }
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
