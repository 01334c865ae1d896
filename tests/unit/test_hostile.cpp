// Files from strangers (issue 12): each reproducer of a crash, a hang or a memory blow-up,
// asserting the clear error or the correct result. Sizes are the reported ones; nothing here
// is timed (bench/hostile_files.py measures time and memory).
#include "core/library.hpp"
#include "core/routine_parser.hpp"
#include "core/settings.hpp"
#include "core/text.hpp"

#include "temp_dir.hpp"

#include <doctest/doctest.h>

using namespace unknot;
using unknot::test::TempDir;

namespace {

bool has(const std::string& haystack, std::string_view needle) { return haystack.find(needle) != std::string::npos; }

constexpr std::string_view kValid = "name = \"A\"\n[[step]]\nkind = \"hold\"\nduration = \"30s\"\n";

// `a.a.a.…a` with `parts` parts.
std::string dottedKey(int parts) {
    std::string key = "a";
    key.reserve(static_cast<std::size_t>(parts) * 2);
    for (int i = 1; i < parts; ++i)
        key += ".a";
    return key;
}

} // namespace

TEST_CASE("keys nested 150,000 deep in an inline table are refused before parsing") {
    const std::string inlineTable = "name = \"T\"\nx = { " + dottedKey(150'000) + " = 1 }\n";
    auto r = parseRoutine(inlineTable, "deep.toml");
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].line == 2);
    CHECK(r.diagnostics[0].column > 5);
    CHECK(has(r.diagnostics[0].format(), "deep.toml:2:"));
    CHECK(has(r.diagnostics[0].message, "more than 64 levels"));

    const std::string inArray = "name = \"T\"\ntags = [\n  { " + dottedKey(150'000) + " = 1 } ]\n";
    r = parseRoutine(inArray, "deep.toml");
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].line == 3);
    CHECK(has(r.diagnostics[0].message, "more than 64 levels"));

    // Inline tables and arrays nested in each other count as much as dots do.
    std::string braces = "x = ";
    for (int i = 0; i < 100'000; ++i)
        braces += "{a=";
    r = parseRoutine(braces + "1", "deep.toml");
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(has(r.diagnostics[0].message, "more than 64 levels"));
    r = parseRoutine("x = " + std::string(100'000, '['), "deep.toml");
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(has(r.diagnostics[0].message, "more than 64 levels"));
    // A header deep inside an inline table's depth adds up too: 40 + 30 levels.
    r = parseRoutine("[" + dottedKey(40) + "]\nx = { " + dottedKey(30) + " = 1 }\n", "deep.toml");
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].line == 2);
}

TEST_CASE("dots and brackets inside strings and comments do not count as nesting") {
    const std::string dots(5'000, '.');
    const std::string braces(5'000, '{');
    const std::string text = std::string("name = \"T") + dots + braces + "\"\n" + "# " + dots + braces + "\n" +
                             "summary = 'lit" + dots + "['\n" + "notes = \"\"\"\n" + dots + "\n\\\"\"\"" + braces +
                             "\n\"\"\"\n" + "tags = ['''" + dots + "\n" + braces + "''', \"a\\\"" + dots + "\"]\n" +
                             "[[step]]\nkind = \"hold\"\nduration = \"30s\"\nlabel = \"" + dots + "\"\n";
    CHECK_FALSE(firstNestingTooDeep(text));
    // Quoted key parts may hold dots; only the dots between parts count.
    CHECK_FALSE(firstNestingTooDeep("\"" + dots + "\".'" + dots + "' = 1\n"));
    // Just within the limit is fine; one more is not.
    CHECK_FALSE(firstNestingTooDeep("x = { " + dottedKey(kMaxTomlNesting - 1) + " = 1 }"));
    CHECK(firstNestingTooDeep("x = { " + dottedKey(kMaxTomlNesting + 1) + " = 1 }"));
}

TEST_CASE("the same deep line in settings.toml gives the defaults and a notice, not a crash") {
    TempDir tmp;
    tmp.write("settings.toml", "volume = 30\nx = { " + dottedKey(150'000) + " = 1 }\n");
    const auto loaded = loadSettings(tmp.path / "settings.toml");
    CHECK(loaded.settings.volume == Settings{}.volume);
    REQUIRE_FALSE(loaded.notices.empty());
    CHECK(has(loaded.notices[0], (tmp.path / "settings.toml").string() + ":2:"));
    CHECK(has(loaded.notices[0], "more than 64 levels"));
}

TEST_CASE("a deep file in the routines folder does not stop the library") {
    TempDir tmp;
    tmp.write("user/good.toml", kValid);
    tmp.write("user/deep.toml", "name = \"T\"\ntags = [ { " + dottedKey(150'000) + " = 1 } ]\n");
    Library library;
    library.scan({{}, tmp.path / "user", {}});
    REQUIRE(library.entries().size() == 2);
    CHECK_FALSE(library.findId("deep")->valid());
    CHECK(library.findId("good")->valid());
}
