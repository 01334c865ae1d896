// What a routine's voice costs is bounded when the routine is read (issue 24): the two hostile
// routines are built here from their description; every built-in routine stays accepted.
// Time and memory are measured by bench/hostile_files.py, not here.
#include "routine/routine_parser.hpp"
#include "routine/speech_cost.hpp"
#include "routine/timeline.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>

using namespace unknot;

namespace {

// 50 blocks of 20 rounds; each round's phase says `say = "{round}"` and 32 × {next}, with a
// 200-byte label: every phrase is 6.6 KB of text, and every one different.
std::string sharedRoutine() {
    std::string say = "{round}";
    for (int i = 0; i < 32; ++i) say += "{next}";
    std::string out = "name = \"Shared\"\n";
    for (int b = 0; b < 50; ++b) {
        out += "\n[[step]]\nlabel = \"Block " + std::to_string(b) + "\"\nrepeat = 20\n";
        out += "  [[step.step]]\n  kind = \"hold\"\n  duration = \"30s\"\n  label = \"" +
               std::string(200, static_cast<char>('a' + b % 26)) + "\"\n  say = \"" + say + "\"\n";
    }
    return out;
}

// Half a kilobyte that expands to 10,000 phases saying 100 different long sentences.
std::string nestedSays() {
    return "name = \"Nested says\"\n"
           "[[step]]\nlabel = \"Outer\"\nrepeat = 100\n"
           "  [[step.step]]\n  label = \"Inner\"\n  repeat = 100\n"
           "    [[step.step.step]]\n    kind = \"hold\"\n    duration = \"1s\"\n"
           "    label = \"Hold it, breathe out slowly, and let the muscle go soft under the ball\"\n"
           "    say = \"Round {round} of {rounds} of this hold: {label}. Keep breathing slowly. After this comes "
           "{next}, "
           "then again {next}. {duration}.\"\n";
}

} // namespace

TEST_CASE("the 24 KB shared routine that grew the app by 37 MB a second is refused at its step") {
    const std::string text = sharedRoutine();
    CHECK(text.size() > 20'000);
    CHECK(text.size() < 26'000);
    const auto r = parseRoutine(text, "shared.toml");
    REQUIRE(r.diagnostics.size() == 1);
    const Diagnostic& d = r.diagnostics[0];
    CHECK(d.path == "shared.toml");
    CHECK(d.line == 6); // the first block's phase: [[step.step]]
    CHECK(d.column > 0);
    CHECK(d.message.find("the voice would say") != std::string::npos);
    CHECK(d.message.find("at most 1000") != std::string::npos);
}

TEST_CASE("a 518-byte routine of nested repeats saying 100 long sentences is refused, naming the step") {
    const std::string text = nestedSays();
    CHECK(text.size() <= 518);
    const auto r = parseRoutine(text, "nested.toml");
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].message.find("more than 16000 bytes of different text") != std::string::npos);
    CHECK(r.diagnostics[0].line == 8); // [[step.step.step]]
    // The same shape saying the same words each round is fine: the voice speaks a text once.
    std::string same = text;
    same.replace(same.find("say = \""), same.size() - same.find("say = \""), "say = \"{label}\"\n");
    CHECK(parseRoutine(same, "same.toml").valid());
}

TEST_CASE("every built-in routine is well within what the voice may cost") {
    int checked = 0;
    for (const auto& entry :
         std::filesystem::directory_iterator(std::filesystem::path(UNKNOT_SOURCE_DIR) / "routines")) {
        if (entry.path().extension() != ".toml") continue;
        const auto r = loadRoutineFile(entry.path());
        REQUIRE_MESSAGE(r.valid(), entry.path().string());
        const SpeechCost cost = measureSpeech(expand(r.routine));
        INFO(entry.path().filename().string() << ": longest phrase " << cost.longestPhraseBytes
                                              << " bytes, distinct text " << cost.distinctBytes << " bytes");
        CHECK(cost.longestPhraseBytes * 4 < kMaxPhraseBytes);
        CHECK(cost.distinctBytes * 2 < kMaxSpokenBytes);
        ++checked;
    }
    CHECK(checked >= 6);
}
