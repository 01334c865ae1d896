#include "audio/sound_file.hpp"

#include "core/i18n.hpp"

#include <algorithm>
#include <array>

namespace unknot {

namespace {

// -- reading bytes ------------------------------------------------------------------------------
std::uint32_t le16(std::string_view b, std::size_t at) {
    return static_cast<unsigned char>(b[at]) | static_cast<unsigned char>(b[at + 1]) << 8;
}
std::uint32_t le32(std::string_view b, std::size_t at) { return le16(b, at) | le16(b, at + 2) << 16; }
unsigned byteAt(std::string_view b, std::size_t at) { return static_cast<unsigned char>(b[at]); }

std::string checkShape(int channels, std::uint64_t rate) {
    // TRANSLATORS: why a custom sound file is refused, after "cannot play your … sound …": "it" is the file.
    if (channels <= 0) return _("it has no channels");
    if (channels > kMaxSoundChannels)
        // TRANSLATORS: {0} the file's channels (always more than {1}), {1} the most.
        return format(_("it has {0} channels; at most {1}"),
                      {std::to_string(channels), std::to_string(kMaxSoundChannels)});
    if (rate < static_cast<std::uint64_t>(kMinSoundRate) || rate > static_cast<std::uint64_t>(kMaxSoundRate))
        // TRANSLATORS: {0} the sample rate the file gives.
        return format(_("its rate of {0} frames a second is not one a sound has"), {std::to_string(rate)});
    return {};
}

// -- WAV ----------------------------------------------------------------------------------------
std::variant<SoundFacts, std::string> inspectWav(std::string_view b) {
    SoundFacts f{"WAV"};
    std::uint32_t tag = 0, blockAlign = 0, bits = 0;
    bool haveFormat = false;
    std::uint64_t dataBytes = 0;
    bool haveData = false;
    for (std::size_t at = 12; at + 8 <= b.size();) {
        const std::string_view id = b.substr(at, 4);
        const std::uint64_t size = le32(b, at + 4);
        const std::size_t body = at + 8;
        const std::uint64_t inFile = std::min<std::uint64_t>(size, b.size() - body);
        if (id == "fmt ") {
            if (inFile < 16) return std::string(_("its format chunk is cut short"));
            tag = le16(b, body);
            f.channels = static_cast<int>(le16(b, body + 2));
            const std::uint32_t rate = le32(b, body + 4);
            blockAlign = le16(b, body + 12);
            bits = le16(b, body + 14);
            if (tag == 0xFFFE && inFile >= 26) tag = le16(b, body + 24); // WAVE_FORMAT_EXTENSIBLE's subformat
            if (auto problem = checkShape(f.channels, rate); !problem.empty()) return problem;
            f.rate = static_cast<int>(rate);
            haveFormat = true;
        } else if (id == "data" && !haveData) {
            dataBytes = inFile;
            haveData = true;
        }
        at = body + size + (size & 1);
        if (at < body) break; // overflow: a size no file has
    }
    if (!haveFormat) return std::string(_("it has no format chunk"));
    // The encodings SDL decodes, each with the one block shape it can have.
    const bool pcm = (tag == 1 && (bits == 8 || bits == 16 || bits == 24 || bits == 32)) || (tag == 3 && bits == 32) ||
                     ((tag == 6 || tag == 7) && bits == 8);
    std::uint64_t framesPerBlock = 1;
    if (pcm) {
        if (blockAlign != static_cast<std::uint32_t>(f.channels) * bits / 8)
            // TRANSLATORS: a WAV file's: {0} its block size in bytes, {1} its channels, {2} bits a sample.
            return format(_("its block size {0} does not fit {1} channels of {2} bits"),
                          {std::to_string(blockAlign), std::to_string(f.channels), std::to_string(bits)});
    } else if ((tag == 2 || tag == 0x11) && bits == 4 && blockAlign > 0) {
        // ADPCM: a block's header holds a frame or two, then each byte two 4-bit samples.
        framesPerBlock = blockAlign * 2ull / static_cast<std::uint64_t>(f.channels) + 2;
    } else {
        // TRANSLATORS: a WAV file's: {0} its format number, {1} bits a sample.
        return format(_("its encoding (format {0}, {1} bits) is not one Unknot plays"),
                      {std::to_string(tag), std::to_string(bits)});
    }
    if (!haveData || dataBytes == 0) return std::string(_("it holds no sound"));
    f.maxFrames = (dataBytes + blockAlign - 1) / blockAlign * framesPerBlock;
    return f;
}

// -- FLAC ---------------------------------------------------------------------------------------
std::uint8_t crc8(std::string_view b, std::size_t from, std::size_t to) {
    std::uint8_t crc = 0;
    for (std::size_t i = from; i < to; ++i) {
        crc ^= static_cast<std::uint8_t>(b[i]);
        for (int k = 0; k < 8; ++k) crc = static_cast<std::uint8_t>(crc & 0x80 ? (crc << 1) ^ 0x07 : crc << 1);
    }
    return crc;
}

// The block size of a valid frame header at `at` (its CRC-8 checked), or 0.
std::uint32_t flacFrameBlock(std::string_view b, std::size_t at) {
    if (at + 6 > b.size() || byteAt(b, at) != 0xFF || (byteAt(b, at + 1) & 0xFE) != 0xF8) return 0;
    const unsigned blockCode = byteAt(b, at + 2) >> 4, rateCode = byteAt(b, at + 2) & 0x0F;
    const unsigned channelCode = byteAt(b, at + 3) >> 4, sizeCode = (byteAt(b, at + 3) >> 1) & 7;
    if (blockCode == 0 || rateCode == 15 || channelCode > 10 || sizeCode == 3 || (byteAt(b, at + 3) & 1)) return 0;
    std::size_t p = at + 4;
    // The frame or sample number, UTF-8 coded: only its length matters here.
    const unsigned lead = byteAt(b, p);
    int extra = 0;
    if (lead < 0x80)
        extra = 0;
    else if ((lead & 0xE0) == 0xC0)
        extra = 1;
    else if ((lead & 0xF0) == 0xE0)
        extra = 2;
    else if ((lead & 0xF8) == 0xF0)
        extra = 3;
    else if ((lead & 0xFC) == 0xF8)
        extra = 4;
    else if ((lead & 0xFE) == 0xFC)
        extra = 5;
    else if (lead == 0xFE)
        extra = 6;
    else
        return 0;
    p += 1 + extra;
    std::uint32_t block = 0;
    if (blockCode == 1)
        block = 192;
    else if (blockCode <= 5)
        block = 576u << (blockCode - 2);
    else if (blockCode == 6) {
        if (p + 1 > b.size()) return 0;
        block = byteAt(b, p) + 1;
        p += 1;
    } else if (blockCode == 7) {
        if (p + 2 > b.size()) return 0;
        block = (byteAt(b, p) << 8 | byteAt(b, p + 1)) + 1;
        p += 2;
    } else {
        block = 256u << (blockCode - 8);
    }
    if (rateCode == 12)
        p += 1;
    else if (rateCode == 13 || rateCode == 14)
        p += 2;
    if (p + 1 > b.size() || crc8(b, at, p) != byteAt(b, p)) return 0;
    return block;
}

std::variant<SoundFacts, std::string> inspectFlac(std::string_view b) {
    SoundFacts f{"FLAC"};
    std::size_t at = 4;
    bool streamInfo = false;
    for (bool last = false; !last;) {
        if (at + 4 > b.size()) return std::string(_("its header is cut short"));
        last = byteAt(b, at) & 0x80;
        const unsigned type = byteAt(b, at) & 0x7F;
        const std::size_t length = byteAt(b, at + 1) << 16 | byteAt(b, at + 2) << 8 | byteAt(b, at + 3);
        if (type == 0) {
            if (length < 34 || at + 4 + 34 > b.size()) return std::string(_("its stream header is cut short"));
            const std::size_t s = at + 4;
            const std::uint32_t rate = byteAt(b, s + 10) << 12 | byteAt(b, s + 11) << 4 | byteAt(b, s + 12) >> 4;
            f.channels = static_cast<int>(((byteAt(b, s + 12) >> 1) & 7) + 1);
            if (auto problem = checkShape(f.channels, rate); !problem.empty()) return problem;
            f.rate = static_cast<int>(rate);
            streamInfo = true;
        }
        at += 4 + length;
    }
    if (!streamInfo) return std::string(_("it has no stream header"));
    // Every frame header a decoder would accept, each as long as it says: the most it decodes to.
    for (std::size_t p = at; p + 6 <= b.size(); ++p)
        if (byteAt(b, p) == 0xFF) f.maxFrames += flacFrameBlock(b, p);
    if (f.maxFrames == 0) return std::string(_("it holds no sound"));
    return f;
}

// -- Ogg ----------------------------------------------------------------------------------------
// The frames one Opus packet decodes to, from its first (TOC) byte and the next.
std::uint64_t opusPacketFrames(std::string_view b, std::size_t at, std::size_t length) {
    if (length == 0) return 0;
    const unsigned toc = byteAt(b, at), config = toc >> 3;
    static constexpr std::array<std::uint32_t, 4> kSilk{480, 960, 1920, 2880}, kCelt{120, 240, 480, 960};
    const std::uint32_t perFrame = config < 12   ? kSilk[config % 4]
                                   : config < 16 ? kSilk[config % 2]
                                                 : kCelt[config % 4];
    std::uint32_t count = 1;
    if ((toc & 3) == 1 || (toc & 3) == 2)
        count = 2;
    else if ((toc & 3) == 3)
        count = length >= 2 ? (byteAt(b, at + 1) & 0x3F) : 0;
    return static_cast<std::uint64_t>(perFrame) * count;
}

std::variant<SoundFacts, std::string> inspectOgg(std::string_view b) {
    SoundFacts f;
    // Each packet is judged by its first bytes, within the page that starts it.
    std::uint64_t audioFrames = 0;
    std::uint64_t packets = 0;
    enum class Codec { Unknown, Vorbis, Opus } codec = Codec::Unknown;
    std::uint64_t vorbisFramesPerPacket = 0;
    for (std::size_t at = 0; at + 27 <= b.size();) {
        if (b.substr(at, 4) != "OggS") {
            at = b.find("OggS", at + 1);
            if (at == std::string_view::npos) break;
            continue;
        }
        const unsigned segments = byteAt(b, at + 26);
        if (at + 27 + segments > b.size()) break;
        bool continued = byteAt(b, at + 5) & 1;
        std::size_t p = at + 27 + segments, start = p, length = 0;
        for (unsigned s = 0; s < segments; ++s) {
            const unsigned lace = byteAt(b, at + 27 + s);
            length += lace;
            if (lace == 255 && s + 1 < segments) continue;
            // A packet ends here (or runs on into the next page).
            if (!continued && start < b.size()) {
                const std::size_t have = std::min(length, b.size() - start);
                ++packets;
                if (packets == 1) {
                    const std::string_view head = b.substr(start, have);
                    if (head.size() >= 30 && head.substr(0, 7) == std::string_view("\x01vorbis", 7)) {
                        codec = Codec::Vorbis;
                        f.format = "Ogg Vorbis";
                        f.channels = static_cast<int>(byteAt(head, 11));
                        const std::uint32_t rate = le32(head, 12);
                        if (auto problem = checkShape(f.channels, rate); !problem.empty()) return problem;
                        f.rate = static_cast<int>(rate);
                        const unsigned longBlock = byteAt(head, 28) >> 4;
                        if (longBlock < 6 || longBlock > 13)
                            return std::string(_("its Vorbis block size is impossible"));
                        vorbisFramesPerPacket = (1u << longBlock) / 2;
                    } else if (head.size() >= 19 && head.substr(0, 8) == "OpusHead") {
                        codec = Codec::Opus;
                        f.format = "Ogg Opus";
                        f.channels = static_cast<int>(byteAt(head, 9));
                        if (auto problem = checkShape(f.channels, 48'000); !problem.empty()) return problem;
                        f.rate = 48'000;
                    } else {
                        return std::string(_("it is an Ogg file with neither Vorbis nor Opus in it"));
                    }
                } else if (codec == Codec::Vorbis && packets > 3 && have > 0 && (byteAt(b, start) & 1) == 0) {
                    audioFrames += vorbisFramesPerPacket; // at most half a long block each
                } else if (codec == Codec::Opus && packets > 2) {
                    audioFrames += opusPacketFrames(b, start, have);
                }
            }
            continued = lace == 255; // the last segment of a page at 255 runs on
            p += length;
            start = p;
            length = 0;
        }
        at = start;
    }
    if (codec == Codec::Unknown) return std::string(_("it is an Ogg file with neither Vorbis nor Opus in it"));
    if (audioFrames == 0) return std::string(_("it holds no sound"));
    f.maxFrames = audioFrames;
    return f;
}

// -- MP3 ----------------------------------------------------------------------------------------
struct Mp3Frame {
    std::size_t bytes = 0;
    std::uint32_t frames = 0, rate = 0;
    int channels = 0;
};

Mp3Frame mp3Frame(std::string_view b, std::size_t at) {
    if (at + 4 > b.size() || byteAt(b, at) != 0xFF || (byteAt(b, at + 1) & 0xE0) != 0xE0) return {};
    const unsigned version = (byteAt(b, at + 1) >> 3) & 3; // 0: 2.5, 2: 2, 3: 1
    const unsigned layer = (byteAt(b, at + 1) >> 1) & 3;   // 1: III, 2: II, 3: I
    const unsigned bitrateIndex = byteAt(b, at + 2) >> 4, rateIndex = (byteAt(b, at + 2) >> 2) & 3;
    const unsigned padding = (byteAt(b, at + 2) >> 1) & 1;
    if (version == 1 || layer == 0 || bitrateIndex == 0 || bitrateIndex == 15 || rateIndex == 3) return {};
    static constexpr std::array<std::array<std::uint16_t, 16>, 6> kBitrates{{
        {0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448, 0}, // V1 L1
        {0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384, 0},    // V1 L2
        {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 0},     // V1 L3
        {0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256, 0},    // V2 L1
        {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160, 0},         // V2 L2, L3
        {},
    }};
    static constexpr std::array<std::uint32_t, 3> kRates{44'100, 48'000, 32'000};
    const bool v1 = version == 3;
    const std::size_t table = v1 ? 3 - layer : (layer == 3 ? 3 : 4);
    const std::uint32_t bitrate = kBitrates[table][bitrateIndex] * 1000u;
    const std::uint32_t rate = kRates[rateIndex] >> (v1 ? 0 : version == 2 ? 1 : 2);
    Mp3Frame f;
    f.rate = rate;
    f.channels = (byteAt(b, at + 3) >> 6) == 3 ? 1 : 2;
    if (layer == 3) {
        f.frames = 384;
        f.bytes = (12 * bitrate / rate + padding) * 4;
    } else {
        f.frames = layer == 2 ? 1152 : (v1 ? 1152 : 576);
        f.bytes = f.frames / 8 * bitrate / rate + padding;
    }
    if (f.bytes < 4) return {};
    return f;
}

std::variant<SoundFacts, std::string> inspectMp3(std::string_view b) {
    SoundFacts f{"MP3"};
    std::size_t at = 0;
    if (b.substr(0, 3) == "ID3" && b.size() >= 10) // an ID3v2 tag: its size in 7-bit bytes
        at = 10 + (byteAt(b, 6) << 21 | byteAt(b, 7) << 14 | byteAt(b, 8) << 7 | byteAt(b, 9));
    // As a decoder does: frame after frame, searching byte by byte past anything else.
    while (at < b.size()) {
        const Mp3Frame frame = mp3Frame(b, at);
        if (frame.bytes == 0) {
            ++at;
            continue;
        }
        if (f.rate == 0) {
            f.rate = static_cast<int>(frame.rate);
            f.channels = frame.channels;
        }
        f.maxFrames += frame.frames;
        at += frame.bytes;
    }
    if (f.maxFrames == 0) return std::string(_("it is not a sound file Unknot plays (WAV, OGG, FLAC or MP3)"));
    return f;
}

} // namespace

std::variant<SoundFacts, std::string> inspectSound(std::string_view bytes) {
    if (bytes.size() >= 12 && bytes.substr(0, 4) == "RIFF" && bytes.substr(8, 4) == "WAVE") return inspectWav(bytes);
    if (bytes.size() >= 4 && bytes.substr(0, 4) == "fLaC") return inspectFlac(bytes);
    if (bytes.size() >= 4 && bytes.substr(0, 4) == "OggS") return inspectOgg(bytes);
    if (bytes.size() >= 4 && (bytes.substr(0, 4) == "RIFX" || bytes.substr(0, 4) == "RF64" ||
                              bytes.substr(0, 4) == "FORM" || bytes.substr(0, 4) == "MThd"))
        return std::string(_("it is not a sound file Unknot plays (WAV, OGG, FLAC or MP3)"));
    return inspectMp3(bytes);
}

} // namespace unknot
