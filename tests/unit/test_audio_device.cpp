// The sound device with SDL's dummy driver (no sound card, no window): the user's own cue
// sounds are files from anywhere, and a bad one is refused with a notice naming it.
#include "audio/audio_device.hpp"
#include "core/i18n.hpp"

#include "sound_files.hpp"
#include "temp_dir.hpp"

#include <SDL.h>

#include <doctest/doctest.h>

#include <cstdint>
#include <cstdlib>
#include <string>

using namespace unknot;
using unknot::test::TempDir;

namespace {

// A 48 kHz 16-bit stereo WAV of `frames` silent frames whose header claims `claimedFrames`.
std::string wav(std::uint32_t frames, std::uint32_t claimedFrames) {
    const auto u32 = [](std::uint32_t v) {
        return std::string{static_cast<char>(v), static_cast<char>(v >> 8), static_cast<char>(v >> 16),
                           static_cast<char>(v >> 24)};
    };
    const auto u16 = [](std::uint16_t v) { return std::string{static_cast<char>(v), static_cast<char>(v >> 8)}; };
    const std::uint32_t claimedBytes = claimedFrames * 4;
    return "RIFF" + u32(36 + claimedBytes) + "WAVEfmt " + u32(16) + u16(1) + u16(2) + u32(48000) + u32(48000 * 4) +
           u16(4) + u16(16) + "data" + u32(claimedBytes) + std::string(frames * 4, '\0');
}

bool mentions(const std::vector<Notice>& notices, const std::string& a, const std::string& b) {
    for (const auto& n : notices)
        if (n.text.find(a) != std::string::npos && n.text.find(b) != std::string::npos) return true;
    return false;
}

// Why the device did not open; doctest builds a message even when the check passes (with -s).
std::string openError(const std::variant<std::unique_ptr<AudioDevice>, std::string>& opened) {
    const auto* error = std::get_if<std::string>(&opened);
    return error ? *error : std::string();
}

} // namespace

TEST_CASE("custom sounds that are not regular, too big, too long or cut short are refused by name") {
    ::setenv("SDL_AUDIODRIVER", "dummy", 1);
    TempDir tmp;
    const auto path = [&](const char* name) { return (tmp.path / name).string(); };
    tmp.write("good.wav", wav(48'000, 48'000));           // 1 s
    tmp.write("cut.wav", wav(200, 96'000));               // claims 2 s, holds 4 ms
    tmp.write("empty.wav", wav(0, 0));                    // a header only
    tmp.write("huge-claim.wav", wav(100, 0x3FFFFFF0));    // claims 6 hours
    tmp.write("long.wav", wav(48'000 * 11, 48'000 * 11)); // 11 s
    tmp.write("big.wav", "");
    std::filesystem::resize_file(tmp.path / "big.wav", 17u << 20);

    AudioOptions options;
    options.soundsDir = std::filesystem::path(UNKNOT_SOURCE_DIR) / "assets" / "sounds";
    options.custom = {{"prepare", path("good.wav")}, {"rest", path("good.wav")},  {"tense", "/dev/zero"},
                      {"hold", path("cut.wav")},     {"roll", path("empty.wav")}, {"release", path("huge-claim.wav")},
                      {"end", path("long.wav")},     {"manual", path("big.wav")}, {"switch", path("missing.wav")}};
    std::vector<Notice> notices;
    auto opened = AudioDevice::open(options, notices);
    REQUIRE_MESSAGE(std::holds_alternative<std::unique_ptr<AudioDevice>>(opened), openError(opened));
    CHECK(notices.size() == 7);
    CHECK(mentions(notices, "your tense sound /dev/zero", "not a regular file"));
    CHECK(mentions(notices, "cut.wav", "cut short"));
    CHECK(mentions(notices, "empty.wav", "your roll sound"));
    CHECK(mentions(notices, "huge-claim.wav", "at most 10.0 s"));
    CHECK(mentions(notices, "long.wav", "it lasts 11.0 s"));
    CHECK(mentions(notices, "big.wav", "over 16 MiB"));
    CHECK(mentions(notices, "missing.wav", "No such file"));
    CHECK_FALSE(mentions(notices, "good.wav", ""));
    for (const auto& n : notices) {
        CHECK(n.text.find("using the built-in one") != std::string::npos);
        // Each names the file as its place and says what to do.
        CHECK(n.text.find(n.place) != std::string::npos);
        CHECK(n.hint.find("Settings (S)") != std::string::npos);
    }
}

TEST_CASE("a sound with zero channels or hours of frames behind a 5 s header never reaches SDL") {
    ::setenv("SDL_AUDIODRIVER", "dummy", 1);
    TempDir tmp;
    const auto path = [&](const char* name) { return (tmp.path / name).string(); };
    tmp.write("zero.wav", test::wavOf(0, 48'000, 16, 100, 1, 4)); // SIGFPE inside SDL at every start
    tmp.write("zero-align.wav", test::wavOf(0, 48'000, 16, 100, 1, 0));
    tmp.write("hours.flac", test::flacOf(5 * 44'100, 77'520)); // 2 h of frames: 2.8 GB decoded
    tmp.write("float64.wav", test::wavOf(1, 48'000, 64, 800, 3));
    AudioOptions options;
    options.soundsDir = std::filesystem::path(UNKNOT_SOURCE_DIR) / "assets" / "sounds";
    options.custom = {{"tense", path("zero.wav")},
                      {"hold", path("zero-align.wav")},
                      {"release", path("hours.flac")},
                      {"rest", path("float64.wav")}};
    std::vector<Notice> notices;
    auto opened = AudioDevice::open(options, notices);
    REQUIRE_MESSAGE(std::holds_alternative<std::unique_ptr<AudioDevice>>(opened), openError(opened));
    CHECK(notices.size() == 4);
    CHECK(mentions(notices, "your tense sound", "it has no channels"));
    CHECK(mentions(notices, "your hold sound", "it has no channels"));
    CHECK(mentions(notices, "hours.flac", "it holds up to 7"));
    CHECK(mentions(notices, "float64.wav", "encoding"));
    for (const auto& n : notices) CHECK(n.text.find("using the built-in one") != std::string::npos);
}

TEST_CASE("a remembered sound output that is not connected plays on the default output, with a notice") {
    ::setenv("SDL_AUDIODRIVER", "dummy", 1);
    AudioOptions options;
    options.soundsDir = std::filesystem::path(UNKNOT_SOURCE_DIR) / "assets" / "sounds";
    options.outputDevice = "Headset that is in a drawer";
    std::vector<Notice> notices;
    auto opened = AudioDevice::open(options, notices);
    REQUIRE_MESSAGE(std::holds_alternative<std::unique_ptr<AudioDevice>>(opened), openError(opened));
    const auto& device = std::get<std::unique_ptr<AudioDevice>>(opened);
    CHECK(device->outputDevice().empty());
    REQUIRE(notices.size() == 1);
    CHECK(mentions(notices, "\"Headset that is in a drawer\" is not connected", "using the default output"));
    CHECK(notices.front().hint.find("`output_device`") != std::string::npos); // what to do, and where
}

TEST_CASE("a connected sound output named in the settings is the one opened") {
    ::setenv("SDL_AUDIODRIVER", "dummy", 1);
    REQUIRE(SDL_InitSubSystem(SDL_INIT_AUDIO) == 0);
    const auto listed = AudioDevice::outputDevices();
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
    MESSAGE("outputs listed by SDL's dummy driver: " << listed.size());
    for (const auto& name : listed) {
        AudioOptions options;
        options.soundsDir = std::filesystem::path(UNKNOT_SOURCE_DIR) / "assets" / "sounds";
        options.outputDevice = name;
        std::vector<Notice> notices;
        auto opened = AudioDevice::open(options, notices);
        REQUIRE(std::holds_alternative<std::unique_ptr<AudioDevice>>(opened));
        CHECK(std::get<std::unique_ptr<AudioDevice>>(opened)->outputDevice() == name);
        CHECK(notices.empty());
    }
}

TEST_CASE("a voice setting changed mid-routine: the device opened again speaks with the new voice, or not at all") {
    ::setenv("SDL_AUDIODRIVER", "dummy", 1);
    AudioOptions options;
    options.soundsDir = std::filesystem::path(UNKNOT_SOURCE_DIR) / "assets" / "sounds";
    std::vector<Notice> notices;
    Timeline t;
    for (int i = 0; i < 6; ++i) {
        Phase p;
        p.kind = PhaseKind::Hold;
        p.label = SharedText("Hold " + std::to_string(i));
        p.startMs = i * 30'000;
        p.durationMs = 30'000;
        t.phases.push_back(p);
    }
    t.totalMs = 180'000;
    auto opened = AudioDevice::open(options, notices);
    REQUIRE_MESSAGE(std::holds_alternative<std::unique_ptr<AudioDevice>>(opened), openError(opened));
    auto device = std::move(std::get<std::unique_ptr<AudioDevice>>(opened));
    device->start(std::make_shared<const Timeline>(t), CueOptions{});
    REQUIRE(device->phraseBook());
    SessionHandover handover = device->close();
    REQUIRE(handover.session);
    handover.session->start(handover.at); // (it may not have started yet on the dummy device)
    handover.session->skip(handover.at);
    handover.session->skip(handover.at); // now in phase 2
    device.reset();

    options.voice.name = "slt"; // the settings panel chose another voice
    opened = AudioDevice::open(options, notices, handover);
    REQUIRE_MESSAGE(std::holds_alternative<std::unique_ptr<AudioDevice>>(opened), openError(opened));
    device = std::move(std::get<std::unique_ptr<AudioDevice>>(opened));
    const PhraseBook* book = device->phraseBook();
    REQUIRE(book);                                    // the routine plays on with a voice
    CHECK(book->slot(book->fillOrder(0)).phase == 2); // spoken from where it is
    handover = device->close();
    REQUIRE(handover.session);
    device.reset();

    options.voice.enabled = false; // and switched off: no voice any more
    opened = AudioDevice::open(options, notices, handover);
    REQUIRE(std::holds_alternative<std::unique_ptr<AudioDevice>>(opened));
    device = std::move(std::get<std::unique_ptr<AudioDevice>>(opened));
    CHECK(device->phraseBook() == nullptr);
    std::vector<SessionEvent> events;
    CHECK(device->update(events).phase == 2); // and the routine goes on where it was
}

TEST_CASE("a suspended device opens again on the next start, and the routine plays on it") {
    ::setenv("SDL_AUDIODRIVER", "dummy", 1);
    AudioOptions options;
    options.soundsDir = std::filesystem::path(UNKNOT_SOURCE_DIR) / "assets" / "sounds";
    options.voice.enabled = false;
    std::vector<Notice> notices;
    auto opened = AudioDevice::open(options, notices);
    REQUIRE_MESSAGE(std::holds_alternative<std::unique_ptr<AudioDevice>>(opened), openError(opened));
    auto device = std::move(std::get<std::unique_ptr<AudioDevice>>(opened));
    device->suspend();
    CHECK(device->suspended());
    CHECK(device->hasSound()); // still the session's driver, with its sounds
    Timeline t;
    Phase p;
    p.kind = PhaseKind::Tense;
    p.durationMs = 1'000;
    t.phases.push_back(p);
    t.totalMs = 1'000;
    device->start(std::make_shared<const Timeline>(t), CueOptions{});
    CHECK_FALSE(device->suspended());
    // The dummy driver's thread renders in real time: the session runs within a few buffers.
    std::vector<SessionEvent> events;
    SessionStatus status;
    for (int i = 0; i < 200 && status.state != SessionState::Running; ++i) {
        SDL_Delay(5);
        status = device->update(events);
    }
    CHECK(status.state == SessionState::Running);
    SessionHandover handover = device->close();
    CHECK(handover.session);
}

TEST_CASE("a custom sound refused in German: why, with its length's decimal comma, and what to do") {
    ::setenv("SDL_AUDIODRIVER", "dummy", 1);
    TempDir tmp;
    tmp.write("long.wav", wav(48'000 * 11, 48'000 * 11)); // 11 s
    AudioOptions options;
    options.soundsDir = std::filesystem::path(UNKNOT_SOURCE_DIR) / "assets" / "sounds";
    options.custom = {{"end", (tmp.path / "long.wav").string()}};
    initI18n("de", UNKNOT_BUILD_LOCALE_DIR, [](const char*) -> const char* { return nullptr; });
    std::vector<Notice> notices;
    auto opened = AudioDevice::open(options, notices);
    setLanguage("en");
    REQUIRE_MESSAGE(std::holds_alternative<std::unique_ptr<AudioDevice>>(opened), openError(opened));
    REQUIRE(notices.size() == 1);
    CHECK(notices[0].text.find("Ihr Klang f\xC3\xBCr end") != std::string::npos);
    CHECK(notices[0].text.find("sie dauert 11,0 s") != std::string::npos);
    CHECK(notices[0].hint.find("Einstellungen (S)") != std::string::npos);
}
