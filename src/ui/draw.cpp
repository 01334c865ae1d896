#include "ui/draw.hpp"

#include "core/i18n.hpp"
#include "core/text.hpp"

#include <imgui_stdlib.h>

#include "routine/routine_outline.hpp"
#include "screens/player/player_layout.hpp"

#include <algorithm>
#include <array>
#include <cfloat>
#include <string>
#include <tuple>
#include <type_traits>

namespace unknot::ui {

void textCentred(ImDrawList* dl, ImFont* font, ImVec2 centre, ImU32 col, std::string_view text) {
    const ImVec2 size = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text.data(), text.data() + text.size());
    dl->AddText(font, font->FontSize, ImVec2(centre.x - size.x * 0.5f, centre.y - size.y * 0.5f), col, text.data(),
                text.data() + text.size());
}

namespace {
float charWidth(ImFont* font, float px, char c) { return font->CalcTextSizeA(px, FLT_MAX, 0, &c, &c + 1).x; }
float cellWidth(ImFont* font, float px) {
    float w = 0;
    for (char c = '0'; c <= '9'; ++c) w = std::max(w, charWidth(font, px, c));
    return w;
}
float glyphWidth(ImFont* font, float px, char c, float digitCell) {
    if (c >= '0' && c <= '9') return digitCell;
    return charWidth(font, px, c);
}
} // namespace

float tabularWidth(ImFont* font, float px, std::string_view text) {
    const float cell = cellWidth(font, px);
    float w = 0;
    for (char c : text) w += glyphWidth(font, px, c, cell);
    return w;
}

float textTabular(ImDrawList* dl, ImFont* font, float px, ImVec2 centre, ImU32 col, std::string_view text) {
    const float cell = cellWidth(font, px);
    const float width = tabularWidth(font, px, text);
    float x = centre.x - width * 0.5f;
    const float y = centre.y - px * 0.5f;
    for (char c : text) {
        const float w = glyphWidth(font, px, c, cell);
        const float own = charWidth(font, px, c);
        dl->AddText(font, px, ImVec2(x + (w - own) * 0.5f, y), col, &c, &c + 1);
        x += w;
    }
    return width;
}

float textWrappedCentred(ImDrawList* dl, ImFont* font, float x0, float x1, float y, ImU32 col, std::string_view text,
                         int maxLines) {
    const float width = x1 - x0;
    const char* s = text.data();
    const char* end = text.data() + text.size();
    float used = 0;
    for (int line = 0; s < end && line < maxLines; ++line) {
        const char* lineEnd = font->CalcWordWrapPositionA(1.0f, s, end, width);
        if (lineEnd == s) lineEnd = s + 1;
        std::string_view piece(s, static_cast<std::size_t>(lineEnd - s));
        while (!piece.empty() && piece.back() == ' ') piece.remove_suffix(1);
        const float w = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, piece.data(), piece.data() + piece.size()).x;
        dl->AddText(font, font->FontSize, ImVec2(x0 + (width - w) * 0.5f, y + used), col, piece.data(),
                    piece.data() + piece.size());
        used += font->FontSize * 1.15f;
        s = lineEnd;
        while (s < end && (*s == ' ' || *s == '\n')) ++s;
    }
    return used;
}

void progressBar(ImDrawList* dl, ImVec2 min, ImVec2 max, double fraction, ImU32 fill, ImU32 track) {
    const float rounding = (max.y - min.y) * 0.5f;
    dl->AddRectFilled(min, max, track, rounding);
    const float f = static_cast<float>(std::clamp(fraction, 0.0, 1.0));
    if (f > 0) dl->AddRectFilled(min, ImVec2(min.x + (max.x - min.x) * f, max.y), fill, rounding);
}

namespace {
Rgb gFrameBackground{0x14, 0x14, 0x1A};
} // namespace

Rgb frameBackground() { return gFrameBackground; }

void beginFullWindow(const char* id, const Rgb* background, ImGuiWindowFlags extraFlags) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    if (background) {
        gFrameBackground = *background;
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
        ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0);
    } else {
        const ImVec4 c = ImGui::GetStyleColorVec4(ImGuiCol_WindowBg);
        gFrameBackground = Rgb{static_cast<std::uint8_t>(c.x * 255.0f), static_cast<std::uint8_t>(c.y * 255.0f),
                               static_cast<std::uint8_t>(c.z * 255.0f)};
    }
    ImGui::Begin(id, nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoBackground | extraFlags);
    if (background) ImGui::PopStyleVar(2);
}

void focusNextItem() {
    // ImGui 1.90.1 drops a SetKeyboardFocusHere() made outside the current focus scope
    // (ocornut/imgui#7226, fixed in 1.90.2). Focusing this window first puts the scope here: from
    // no window, since focusing the window that already has the keyboard would not set it. The
    // same on every version (1.86 included), so no branch on IMGUI_VERSION_NUM.
    ImGui::SetWindowFocus(nullptr);
    ImGui::SetWindowFocus();
    ImGui::SetKeyboardFocusHere();
}

bool sidesCombo(const char* id, std::vector<Side>& sides) {
    const auto& choices = sideChoices();
    int chosen = 0;
    // The list of labels, not a getter: ImGui 1.90 made the getter's signature obsolete.
    std::array<const char*, std::tuple_size_v<std::decay_t<decltype(choices)>>> labels{};
    for (std::size_t i = 0; i < choices.size(); ++i) {
        labels[i] = _(choices[i].label); // marked in sideChoices()
        if (sides == choices[i].sides) chosen = static_cast<int>(i);
    }
    if (!ImGui::Combo(id, &chosen, labels.data(), static_cast<int>(labels.size()))) return false;
    sides = choices[static_cast<std::size_t>(chosen)].sides;
    return true;
}

namespace {
// The current font, measured as the player's layout measures its own.
class CurrentFontMeasure final : public TextMeasure {
  public:
    [[nodiscard]] float width(Face, float px, std::string_view text) const override {
        return ImGui::GetFont()->CalcTextSizeA(px, FLT_MAX, 0, text.data(), text.data() + text.size()).x;
    }
    [[nodiscard]] float capTop(Face, float px) const override { return 0.25f * px; }
    [[nodiscard]] float capHeight(Face, float px) const override { return 0.7f * px; }
    [[nodiscard]] float lineHeight(Face, float px) const override { return px; }
};
} // namespace

std::string ellipsizeToWidth(std::string_view text, float maxWidth) {
    return ellipsize(CurrentFontMeasure{}, Face::Text, ImGui::GetFontSize(), text, maxWidth);
}

namespace {
// The cursor of the field being edited, as a byte offset into its text.
int rememberCursor(ImGuiInputTextCallbackData* data) {
    *static_cast<int*>(data->UserData) = data->CursorPos;
    return 0;
}
} // namespace

std::optional<std::string> typedTextInput(const char* label, const char* hint, std::string& buffer,
                                          const std::string& value, std::deque<std::string>& typed,
                                          const ImVec2* multilineSize, bool* entered) {
    int cursor = -1;
    const ImGuiInputTextFlags flags =
        ImGuiInputTextFlags_CallbackAlways | (entered ? ImGuiInputTextFlags_EnterReturnsTrue : 0);
    // What ImGui returns depends on the flags (Enter alone with EnterReturnsTrue); the buffer it
    // writes back while the field is typed in says whether the text changed, whatever they are.
    const std::string before = buffer;
    const bool returned =
        multilineSize ? ImGui::InputTextMultiline(label, &buffer, *multilineSize, flags, rememberCursor, &cursor)
                      : ImGui::InputTextWithHint(label, hint, &buffer, flags, rememberCursor, &cursor);
    if (entered) *entered = returned;
    if (buffer == before) return std::nullopt;
    std::string kept =
        keepAsTyped(value, buffer,
                    cursor >= 0 ? std::optional<std::size_t>(static_cast<std::size_t>(cursor)) : std::nullopt, typed);
    // Taking the field's copy (each emoji as U+FFFD) when the field gets the keyboard changes
    // nothing the user typed.
    if (kept == value) return std::nullopt;
    return kept;
}

bool typedTextField(const char* label, const char* hint, TypedField& field, std::deque<std::string>& typed,
                    bool* entered) {
    if (!field.active) field.shown = field.text;
    auto edited = typedTextInput(label, hint, field.shown, field.text, typed, nullptr, entered);
    field.active = ImGui::IsItemActive();
    if (!edited) return false;
    field.text = std::move(*edited);
    return true;
}

bool button(const char* label, ImFont* font, ImVec2 size, bool enabled) {
    ImGui::PushFont(font);
    if (!enabled) ImGui::PushStyleVar(ImGuiStyleVar_Alpha, 0.45f);
    const bool clicked = ImGui::Button(label, size) && enabled;
    if (!enabled) ImGui::PopStyleVar();
    ImGui::PopFont();
    return clicked;
}

void flow(const char* nextLabel) {
    const float next = ImGui::CalcTextSize(nextLabel).x + ImGui::GetStyle().FramePadding.x * 2;
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + next < right) ImGui::SameLine();
}

std::string fitButtonLabel(const std::string& label, ImFont* font, float width) {
    const float room = width - ImGui::GetStyle().FramePadding.x * 2;
    if (font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, label.c_str()).x <= room) return label;
    const std::size_t key = label.rfind("  (");
    return key == std::string::npos ? label : label.substr(0, key);
}

} // namespace unknot::ui
