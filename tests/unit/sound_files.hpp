#pragma once
// Sound files built from their description, for the tests that refuse hostile ones.

#include <cstdint>
#include <string>

namespace unknot::test {

inline std::string u16(std::uint32_t v) { return {static_cast<char>(v), static_cast<char>(v >> 8)}; }
inline std::string u32(std::uint32_t v) { return u16(v & 0xFFFF) + u16(v >> 16); }

// A WAV: `channels`, `rate`, `bits`, `tag`, `dataBytes` of silence, the block size SDL expects
// unless `blockAlign` says otherwise.
inline std::string wavOf(std::uint32_t channels, std::uint32_t rate, std::uint32_t bits, std::uint32_t dataBytes,
                         std::uint32_t tag = 1, int blockAlign = -1) {
    const std::uint32_t align = blockAlign >= 0 ? static_cast<std::uint32_t>(blockAlign) : channels * bits / 8;
    return "RIFF" + u32(36 + dataBytes) + "WAVEfmt " + u32(16) + u16(tag) + u16(channels) + u32(rate) +
           u32(rate * align) + u16(align) + u16(bits) + "data" + u32(dataBytes) + std::string(dataBytes, '\0');
}

inline std::uint8_t crc8(const std::string& b) {
    std::uint8_t crc = 0;
    for (unsigned char c : b) {
        crc ^= c;
        for (int k = 0; k < 8; ++k) crc = static_cast<std::uint8_t>(crc & 0x80 ? (crc << 1) ^ 0x07 : crc << 1);
    }
    return crc;
}

// A FLAC of mono 16-bit 44.1 kHz frames of 4096 samples, each one constant (silent) subframe,
// whose STREAMINFO claims `claimedSamples`.
inline std::string flacOf(std::uint64_t claimedSamples, std::uint32_t frames) {
    std::string info(34, '\0');
    info[0] = 0x10, info[2] = 0x10; // min and max block: 4096
    const std::uint32_t rate = 44'100;
    info[10] = static_cast<char>(rate >> 12);
    info[11] = static_cast<char>(rate >> 4);
    info[12] = static_cast<char>((rate & 0xF) << 4 | (0 << 1) | ((16 - 1) >> 4)); // 1 channel, 16 bits
    info[13] = static_cast<char>(((16 - 1) & 0xF) << 4 | (claimedSamples >> 32 & 0xF));
    for (int k = 0; k < 4; ++k) info[14 + k] = static_cast<char>(claimedSamples >> (24 - 8 * k));
    std::string out = "fLaC";
    out += static_cast<char>(0x80); // the last metadata block: STREAMINFO
    out += std::string{0, 0, 34};
    out += info;
    for (std::uint32_t n = 0; n < frames; ++n) {
        std::string header = "\xFF\xF8";
        header += static_cast<char>(0xC9); // 4096 samples, 44.1 kHz
        header += static_cast<char>(0x08); // mono, 16 bits
        // The frame number, UTF-8 coded.
        if (n < 0x80) {
            header += static_cast<char>(n);
        } else if (n < 0x800) {
            header += static_cast<char>(0xC0 | n >> 6);
            header += static_cast<char>(0x80 | (n & 0x3F));
        } else {
            header += static_cast<char>(0xE0 | n >> 12);
            header += static_cast<char>(0x80 | (n >> 6 & 0x3F));
            header += static_cast<char>(0x80 | (n & 0x3F));
        }
        header += static_cast<char>(crc8(header));
        out += header + std::string{0, 0, 0} + std::string{0, 0}; // constant subframe 0, CRC-16 (unchecked)
    }
    return out;
}

} // namespace unknot::test
