#include "ui/library_view.hpp"

#include "core/routine_outline.hpp"
#include "ui/draw.hpp"
#include "ui/player_view.hpp"

#include <imgui.h>

#include <string>

namespace unknot::ui {

namespace {

constexpr Rgb kAccent{0x56, 0xB4, 0xE9};
constexpr Rgb kWarning{0xFF, 0x9E, 0x80};

// Routine notes are written wrapped by hand; let the window wrap them instead, keeping
// blank lines as paragraph breaks.
std::string reflow(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\n') {
            out += text[i];
        } else if (i + 1 < text.size() && text[i + 1] == '\n') {
            out += "\n\n";
            while (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        } else if (!out.empty() && out.back() != ' ') {
            out += ' ';
        }
    }
    return out;
}

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& i : items) out += (out.empty() ? "" : ", ") + i;
    return out;
}

bool filterCombo(const char* id, const char* anyLabel, const std::vector<std::string>& items, int& chosen) {
    const char* preview = chosen == 0 ? anyLabel : items[static_cast<std::size_t>(chosen - 1)].c_str();
    bool changed = false;
    if (ImGui::BeginCombo(id, preview)) {
        if (ImGui::Selectable(anyLabel, chosen == 0)) {
            chosen = 0;
            changed = true;
        }
        for (std::size_t i = 0; i < items.size(); ++i)
            if (ImGui::Selectable(items[i].c_str(), chosen == static_cast<int>(i + 1))) {
                chosen = static_cast<int>(i + 1);
                changed = true;
            }
        ImGui::EndCombo();
    }
    return changed;
}

void drawPreview(const LibraryEntry& e, const std::vector<OutlineLine>& outline, const Fonts& fonts) {
    const Routine& r = e.routine();
    ImGui::PushFont(fonts.large);
    ImGui::TextWrapped("%s", e.displayName().c_str());
    ImGui::PopFont();
    ImGui::PushFont(fonts.heading);
    if (!r.summary.empty()) ImGui::TextWrapped("%s", r.summary.c_str());
    ImGui::PopFont();
    ImGui::Spacing();
    ImGui::TextDisabled("%s \xC2\xB7 %s", e.id.c_str(),
                        e.source == RoutineSource::BuiltIn ? "built-in" : (e.source == RoutineSource::User ? "your own" : "from --routines-dir"));

    if (!e.valid()) {
        ImGui::Spacing();
        ImGui::PushStyleColor(ImGuiCol_Text, colourVec(kWarning));
        ImGui::PushFont(fonts.heading);
        ImGui::TextWrapped("This routine file has mistakes and cannot play:");
        ImGui::PopFont();
        for (const auto& d : e.parsed.diagnostics) ImGui::TextWrapped("%s", d.format().c_str());
        ImGui::PopStyleColor();
        return;
    }
    ImGui::PushFont(fonts.heading);
    ImGui::Text("%s in all \xC2\xB7 %zu phases", formatHuman(e.timeline.totalMs).c_str(), e.timeline.size());
    ImGui::PopFont();
    if (!r.equipment.empty()) ImGui::TextWrapped("Equipment: %s", joined(r.equipment).c_str());
    if (!r.tags.empty()) ImGui::TextWrapped("Tags: %s", joined(r.tags).c_str());
    if (!r.notes.empty()) {
        ImGui::Spacing();
        ImGui::TextWrapped("%s", reflow(r.notes).c_str());
    }
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::Spacing();
    const float right = ImGui::GetContentRegionAvail().x;
    for (const OutlineLine& line : outline) {
        ImGui::Indent(static_cast<float>(line.depth) * 28.0f + 1.0f);
        if (line.block) ImGui::PushFont(fonts.heading);
        ImGui::TextWrapped("%s", line.text.c_str());
        if (line.block) ImGui::PopFont();
        if (line.totalMs > 0) {
            const std::string total = formatClock(line.totalMs);
            ImGui::SameLine(right - ImGui::CalcTextSize(total.c_str()).x);
            ImGui::TextDisabled("%s", total.c_str());
        }
        if (!line.detail.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
            ImGui::TextWrapped("%s", line.detail.c_str());
            ImGui::PopStyleColor();
        }
        ImGui::Unindent(static_cast<float>(line.depth) * 28.0f + 1.0f);
    }
}

} // namespace

LibraryFilter filterFor(const LibraryViewState& state, const std::vector<std::string>& tags,
                        const std::vector<std::string>& equipment) {
    LibraryFilter f;
    f.query = state.search;
    if (state.tag > 0 && static_cast<std::size_t>(state.tag) <= tags.size())
        f.tag = tags[static_cast<std::size_t>(state.tag - 1)];
    if (state.equipment > 0 && static_cast<std::size_t>(state.equipment) <= equipment.size())
        f.equipment = equipment[static_cast<std::size_t>(state.equipment - 1)];
    return f;
}

Intent drawLibrary(LibraryViewState& state, const LibraryViewModel& model, const Fonts& fonts) {
    Intent intent;
    beginFullWindow("##library");
    const auto& entries = *model.entries;
    const float width = ImGui::GetContentRegionAvail().x;
    const float listWidth = width * 0.42f;

    // Left: title, search, filters, the list.
    ImGui::BeginChild("##left", ImVec2(listWidth, 0));
    ImGui::PushFont(fonts.large);
    ImGui::TextUnformatted("Unknot");
    ImGui::PopFont();
    ImGui::SameLine(ImGui::GetContentRegionAvail().x + ImGui::GetCursorPosX() -
                    ImGui::CalcTextSize("Settings (S)").x - ImGui::GetStyle().FramePadding.x * 2);
    if (ImGui::Button("Settings (S)")) intent = {Action::OpenSettings};
    if (!model.notice.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, colourVec(kWarning));
        ImGui::TextWrapped("%s", model.notice.c_str());
        ImGui::PopStyleColor();
    }
    ImGui::SetNextItemWidth(-1);
    if (ImGui::InputTextWithHint("##search", "Search routines\xE2\x80\xA6", state.search, sizeof state.search,
                                 ImGuiInputTextFlags_EnterReturnsTrue))
        intent = {Action::StartSelected};
    if (!model.deleted.empty()) {
        ImGui::TextWrapped("Deleted \"%s\".", model.deleted.c_str());
        ImGui::SameLine();
        if (ImGui::SmallButton("Undo (Ctrl+Z)")) intent = {Action::UndoDelete};
    }
    if (ImGui::Button("New (N)")) intent = {Action::NewRoutine};
    ImGui::SameLine();
    if (ImGui::Button("Quick set (Q)")) intent = {Action::OpenQuickSet};
    ImGui::SameLine();
    if (ImGui::Button("History (H)")) intent = {Action::OpenHistory};
    const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
    ImGui::SetNextItemWidth(half);
    filterCombo("##tag", "Any tag", *model.tags, state.tag);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(half);
    filterCombo("##equipment", "Any equipment", *model.equipment, state.equipment);
    ImGui::Spacing();

    ImGui::BeginChild("##list", ImVec2(0, 0), true);
    if (model.visible->empty()) ImGui::TextDisabled(entries.empty() ? "No routines found." : "Nothing matches.");
    for (std::size_t i : *model.visible) {
        const LibraryEntry& e = entries[i];
        ImGui::PushID(static_cast<int>(i));
        const bool selected = model.selected == i;
        const ImVec2 start = ImGui::GetCursorPos();
        const float rowH = fonts.heading->FontSize + fonts.body->FontSize + ImGui::GetStyle().ItemSpacing.y * 2;
        if (ImGui::Selectable("##row", selected, ImGuiSelectableFlags_AllowDoubleClick, ImVec2(0, rowH))) {
            intent = {Action::Select, i};
            if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left) && e.valid()) intent = {Action::Start, i};
        }
        if (selected && state.scrollToSelected) {
            ImGui::SetScrollHereY(0.5f);
            state.scrollToSelected = false;
        }
        const ImVec2 end = ImGui::GetCursorPos();
        ImGui::SetCursorPos(ImVec2(start.x + 6, start.y + 2));
        ImGui::PushFont(fonts.heading);
        if (!e.valid()) ImGui::PushStyleColor(ImGuiCol_Text, colourVec(kWarning));
        ImGui::TextUnformatted((e.valid() ? e.displayName() : "! " + e.displayName() + " (has mistakes)").c_str());
        if (!e.valid()) ImGui::PopStyleColor();
        ImGui::PopFont();
        ImGui::SetCursorPosX(start.x + 6);
        std::string sub = e.valid() ? formatClock(e.timeline.totalMs) + " \xC2\xB7 " : "";
        sub += e.source == RoutineSource::User ? "yours" : (e.source == RoutineSource::Dir ? "folder" : "built-in");
        if (!e.routine().tags.empty()) sub += " \xC2\xB7 " + joined(e.routine().tags);
        if (!e.routine().equipment.empty()) sub += " \xC2\xB7 " + joined(e.routine().equipment);
        ImGui::TextDisabled("%s", sub.c_str());
        ImGui::SetCursorPos(end);
        ImGui::PopID();
    }
    ImGui::EndChild();
    ImGui::EndChild();

    // Right: the preview and the Start button.
    ImGui::SameLine();
    ImGui::BeginChild("##right", ImVec2(0, 0));
    const float startH = std::max(56.0f, fonts.large->FontSize * 1.5f);
    ImGui::BeginChild("##preview", ImVec2(0, -(startH + ImGui::GetStyle().ItemSpacing.y * 2)), true);
    if (model.selected && *model.selected < entries.size()) {
        const std::size_t i = *model.selected;
        const bool own = entries[i].source == RoutineSource::User;
        if (own && entries[i].valid() && ImGui::Button("Edit")) intent = {Action::Edit, i};
        if (own && entries[i].valid()) ImGui::SameLine();
        if (entries[i].valid() && ImGui::Button(own ? "Duplicate" : "Duplicate to edit")) intent = {Action::Duplicate, i};
        if (own) {
            ImGui::SameLine();
            if (ImGui::Button("Delete (Del)")) intent = {Action::Delete, i};
        }
        if (!own && entries[i].valid()) {
            ImGui::SameLine();
            ImGui::TextDisabled("built-in routines are read-only");
        }
        drawPreview(entries[i], *model.outline, fonts);
    } else
        ImGui::TextDisabled("Choose a routine on the left.");
    ImGui::EndChild();
    const bool canStart = model.selected && *model.selected < entries.size() && entries[*model.selected].valid();
    ImGui::PushStyleColor(ImGuiCol_Button, colourVec(kAccent, 0.85f));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, colourVec(kAccent, 1.0f));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, colourVec(kAccent, 0.7f));
    ImGui::PushStyleColor(ImGuiCol_Text, colourVec(kInk));
    if (button("Start  (Enter)", fonts.large, ImVec2(-1, startH), canStart)) intent = {Action::StartSelected};
    ImGui::PopStyleColor(4);
    ImGui::EndChild();
    ImGui::End();
    if (model.showHelp) drawHelpOverlay(fonts, Screen::Library);
    return intent;
}

} // namespace unknot::ui
