// unknot-loudness FILE.wav...: prints each file's cue loudness (maximum momentary, LUFS) and
// true peak (dBTP), one line each: "NAME LUFS DBTP". assets/sounds/make-sounds.sh uses it to
// bring every cue to the same loudness; bench scripts use it on captured audio.
//   unknot-loudness [--raw DIR] [--rate R] --say LANG TEXT...: the same for each TEXT as the voice says it
//   in LANG (English: the default Flite voice; other languages: espeak-ng), mono at 22050 Hz, as
//   the app makes it; with --raw, each phrase also written to DIR/pNNNN.raw (signed 16-bit mono
//   at 16 kHz, the recogniser's rate; bench/voice_candidates.py); --rate: the speaking rate
//   setting (1.0 by default).
#include "audio/loudness.hpp"
#include "audio/voice.hpp"

#include <SDL.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: unknot-loudness FILE.wav...\n");
        return 2;
    }
    int status = 0;
    std::string rawDir;
    if (std::string_view(argv[1]) == "--raw" && argc >= 3) {
        rawDir = argv[2];
        argv += 2;
        argc -= 2;
    }
    unknot::VoiceSettings settings;
    if (std::string_view(argv[1]) == "--rate" && argc >= 3) {
        settings.rate = std::atof(argv[2]);
        argv += 2;
        argc -= 2;
    }
    if (argc >= 3 && std::string_view(argv[1]) == "--say") {
        const int rate = rawDir.empty() ? 22050 : 16000;
        auto voice = unknot::openVoiceFor(settings, argv[2], rate, 1);
        if (!voice) {
            std::fprintf(stderr, "no voice for %s\n", argv[2]);
            return 1;
        }
        for (int i = 3; i < argc; ++i) {
            const auto said = voice->speak(argv[i]);
            const auto l = unknot::measureCueLoudness(said.samples, 1, static_cast<unsigned>(rate));
            if (!l) return 1;
            std::printf("%s\t%.2f\t%.2f\t%s\n", argv[2], l->maxMomentaryLufs, l->truePeakDbtp, argv[i]);
            if (rawDir.empty()) continue;
            char name[32];
            std::snprintf(name, sizeof name, "/p%04d.raw", i - 3);
            std::FILE* f = std::fopen((rawDir + name).c_str(), "wb");
            if (!f ||
                std::fwrite(said.samples.data(), sizeof(std::int16_t), said.samples.size(), f) != said.samples.size()) {
                std::fprintf(stderr, "%s%s: cannot write\n", rawDir.c_str(), name);
                status = 1;
            }
            if (f) std::fclose(f);
        }
        return status;
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
