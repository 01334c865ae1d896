#pragma once
// Small text helpers shared by the parser, the library and the command line.

#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace unknot {

// Edit distance between two ASCII-ish strings (insert, delete, substitute, transpose).
[[nodiscard]] std::size_t editDistance(std::string_view a, std::string_view b);

// Words longer than this get no "did you mean": the edit distance costs length squared (a
// 3.9 MB `kind` took 14 s and 424 MB), and no key, kind or id is anywhere near as long.
inline constexpr std::size_t kMaxSuggestedWordBytes = 64;
// The candidates close enough to `word` to be what the user meant, closest first; none for a
// word over kMaxSuggestedWordBytes.
[[nodiscard]] std::vector<std::string> closeMatches(std::string_view word, const std::vector<std::string>& candidates,
                                                    std::size_t limit = 3);

// Dear ImGui (1.86, and 1.90 as Debian builds it) holds text as 16-bit characters: a text
// field turns every character beyond the BMP (emoji, say) into U+FFFD when it hands back an
// edit. Given the text as it was and as the field returned it, this keeps the original
// characters wherever the edit left them alone (the common start and end), so a name with
// an emoji keeps it when the user fixes a typo elsewhere. Untouched text comes back as is.
[[nodiscard]] std::string keepBeyondBmp(std::string_view before, std::string_view edited);

// The characters beyond the BMP in `utf8` (what one keyboard text event typed), in order, each as
// its UTF-8: the ones a 16-bit ImGui field will hold as U+FFFD.
[[nodiscard]] std::vector<std::string> charactersBeyondBmp(std::string_view utf8);

// keepBeyondBmp, and typing too: each U+FFFD the edit inserted becomes the character typed,
// taken in order from the front of `typed` (the characters beyond the BMP typed into the field
// and not placed yet; those placed are removed). `cursor` is the field's cursor after the edit, a
// byte offset in `edited`, when known: what follows it is text the edit left alone, which places
// the edit exactly (typing 🏃 before a 🦶 gives "🏃🦶", not "🦶🏃").
[[nodiscard]] std::string keepAsTyped(std::string_view before, std::string_view edited,
                                      std::optional<std::size_t> cursor, std::deque<std::string>& typed);

// Byte offset of the first byte that is not valid UTF-8, if any.
[[nodiscard]] std::optional<std::size_t> firstInvalidUtf8(std::string_view text);

// U+202A–U+202E, U+2066–U+2069, the marks U+200E, U+200F and U+061C: they reorder text.
[[nodiscard]] bool isBidiControl(std::uint32_t codePoint);

// The one rule for text from outside (a name, a label, an area, a note): why it cannot be kept,
// or nothing. UTF-8, without C0 controls (tab allowed; line breaks when `lineBreaks`), DEL, C1
// controls or bidi controls.
[[nodiscard]] std::optional<std::string> outsideTextProblem(std::string_view text, bool lineBreaks = false);

// Where `text` first breaks that rule, and what stands there: for a file's messages, which name
// the key and place, and for tests.
struct TextFault {
    std::size_t offset = 0; // byte offset of the character (or of the byte that is not UTF-8)
    std::size_t length = 1; // its bytes
    std::uint32_t codePoint = 0;
    enum class Kind { NotUtf8, Control, Bidi } kind = Kind::Control;
};
[[nodiscard]] std::optional<TextFault> firstTextFault(std::string_view text, bool lineBreaks = false);
// What a file's message says of `subject` (the key as "`name`", or "`title` of a source"), in the
// user's language: "`name` holds a control character (\x1b)", "… (\x0a); it is one line",
// "`label` holds a bidi control (\u202e), which reorders text", "`notes` is not UTF-8 text".
[[nodiscard]] std::string describeTextFault(const TextFault& fault, std::string_view subject);

// JSON as nlohmann prints it with UTF-8 kept, with DEL, C1 and bidi controls escaped as \u00XX
// too (it escapes only C0), so printing it on a terminal is safe.
[[nodiscard]] std::string escapeJsonControls(std::string_view json);

// `text` safe to print on a terminal: C0 control characters, DEL and bytes that are not UTF-8
// shown as \x1b, C1 controls as \u009b; valid UTF-8 kept. Everything printed from a file
// (names, ids, keys, paths, messages quoting it) goes through this: a shared routine named
// "\x1b]0;…\x07" must not retitle or clear the user's terminal.
[[nodiscard]] std::string escapeControls(std::string_view text);

// `text` cut to at most `maxBytes` (at a UTF-8 boundary) with "…" when it was longer: for
// messages that quote what a file says, so a megabyte string is not repeated in full.
inline constexpr std::size_t kMaxQuotedBytes = 80;
[[nodiscard]] std::string abbreviate(std::string_view text, std::size_t maxBytes = kMaxQuotedBytes);

// 1-based line and column (in code points) of a byte offset.
struct LineColumn {
    int line = 1;
    int column = 1;
};
[[nodiscard]] LineColumn lineColumnAt(std::string_view text, std::size_t offset);

// TOML nesting deeper than this is refused before toml++ sees the text: toml++ builds, and
// then frees, one nested table or array per level recursively, so 150,000 levels (a 300 KB
// file of `x = { a.a.a.… = 1 }`) overflow the stack even when the parse itself fails. No
// routine or settings file comes near: a routine's blocks nest at most 16 deep.
inline constexpr int kMaxTomlNesting = 64;
// Byte offset where the nesting of table headers, dotted keys, inline tables and arrays first
// goes past kMaxTomlNesting, anywhere in the document; nothing when it never does. One pass
// over the raw text that knows TOML's strings and comments, so dots and brackets inside them
// do not count. It may over-count a little (a float's dot), never under-count.
[[nodiscard]] std::optional<std::size_t> firstNestingTooDeep(std::string_view text);
// What a file that nests too deeply is told, naming the limit.
[[nodiscard]] std::string nestingTooDeepMessage();

// "1 phase", "3 phases": a count and its noun, the singular for one. Both forms are written out
// (never a noun plus "s"), so a translation can give its own.
[[nodiscard]] std::string countOf(long long n, std::string_view one, std::string_view many);

// "a, b or c", the "or" in the user's language.
[[nodiscard]] std::string joinOr(const std::vector<std::string>& words);

// Comma-separated text to a list and back ("calves, post-run"): items trimmed, empty ones dropped.
[[nodiscard]] std::vector<std::string> splitList(std::string_view text);
[[nodiscard]] std::string joinList(const std::vector<std::string>& items);

} // namespace unknot
