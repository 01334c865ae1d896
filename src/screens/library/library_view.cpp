#include "screens/library/library_view.hpp"

#include "core/i18n.hpp"
#include "core/text.hpp"
#include "routine/sources.hpp"
#include "screens/library/today_view.hpp"

#include "routine/routine_outline.hpp"
#include "ui/draw.hpp"
#include "ui/help_overlay.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <utility>

namespace unknot::ui {

namespace {

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

// Where a routine comes from, as the preview says it and as a list row says it briefly.
std::string_view sourceLabel(RoutineSource source, bool brief) {
    switch (source) {
    case RoutineSource::BuiltIn: return _("built-in");
    case RoutineSource::User: return brief ? _("yours") : _("your own");
    case RoutineSource::Dir: return brief ? _("folder") : _("from --routines-dir");
    }
    return "?";
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
    ImGui::PushFont(fonts.title);
    ImGui::TextWrapped("%s", e.displayName().c_str());
    ImGui::PopFont();
    ImGui::PushFont(fonts.heading);
    if (!r.summary.empty()) ImGui::TextWrapped("%s", r.summary.c_str());
    ImGui::PopFont();
    ImGui::Spacing();
    ImGui::TextDisabled("%s \xC2\xB7 %s", e.id.c_str(), std::string(sourceLabel(e.source, false)).c_str());

    if (!e.valid()) {
        ImGui::Spacing();
        ImGui::PushStyleColor(ImGuiCol_Text, colourVec(kProblem));
        ImGui::PushFont(fonts.heading);
        ImGui::TextWrapped("%s", _("This routine file has mistakes and cannot play:"));
        ImGui::PopFont();
        for (const auto& d : e.parsed.diagnostics) ImGui::TextWrapped("%s", d.format().c_str());
        ImGui::PopStyleColor();
        return;
    }
    ImGui::PushFont(fonts.heading);
    ImGui::TextUnformatted(format(_("{0} in all \xC2\xB7 {1}"),
                                  {formatHuman(e.totalMs),
                                   format(n_("{0} phase", "{0} phases", e.phaseCount), {std::to_string(e.phaseCount)})})
                               .c_str());
    ImGui::PopFont();
    if (!r.equipment.empty()) ImGui::TextWrapped("%s", format(_("Equipment: {0}"), {joinList(r.equipment)}).c_str());
    if (!r.tags.empty()) ImGui::TextWrapped("%s", format(_("Tags: {0}"), {joinList(r.tags)}).c_str());
    // The evidence the routine rests on (docs/routines.md), one line each: who, when, where to
    // find it, and what in the routine it backs.
    for (const Source& src : r.sources)
        ImGui::TextWrapped("%s", format(_("Source: {0} \xE2\x80\x94 {1}"), {citeShort(src), src.supports}).c_str());
    if (!r.notes.empty()) {
        ImGui::Spacing();
        ImGui::TextWrapped("%s", reflow(r.notes).c_str());
    }
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::Spacing();
    const float right = ImGui::GetContentRegionAvail().x;
    for (const OutlineLine& line : outline) {
        ImGui::Indent(static_cast<float>(line.depth) * ImGui::GetFontSize() * 1.4f + 1.0f);
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
        ImGui::Unindent(static_cast<float>(line.depth) * ImGui::GetFontSize() * 1.4f + 1.0f);
    }
}

// The title, the notice, the search box, the commands and the filters; `intent` gets what was clicked.
void drawHeader(LibraryViewState& state, const LibraryViewModel& model, const Fonts& fonts, Intent& intent,
                LibraryLayout& layout) {
    ImGui::PushFont(fonts.title);
    ImGui::TextUnformatted("Unknot");
    layout.title = ImGui::GetItemRectSize().y;
    ImGui::PopFont();
    // Right-aligned beside the title, or under it when a language's words leave no room.
    const char* settingsLabel = _("Settings (S)");
    const float titleEnd = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + ImGui::GetStyle().ItemSpacing.x;
    ImGui::SameLine();
    const float settingsX = ImGui::GetContentRegionAvail().x + ImGui::GetCursorPosX() -
                            ImGui::CalcTextSize(settingsLabel).x - ImGui::GetStyle().FramePadding.x * 2;
    if (settingsX < titleEnd) ImGui::NewLine();
    ImGui::SetCursorPosX(std::max(settingsX, ImGui::GetCursorPosX()));
    if (ImGui::Button(settingsLabel)) intent = {Action::OpenSettings};
    if (!model.notice.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, colourVec(kProblem));
        ImGui::TextWrapped("%s", model.notice.c_str());
        ImGui::PopStyleColor();
    }
    if (model.reading) // quietly: the routines already read can be chosen and started
        ImGui::TextDisabled("%s", format(_("Reading your routines\xE2\x80\xA6 {0} of {1}"),
                                         {std::to_string(model.reading->read), std::to_string(model.reading->total)})
                                      .c_str());
    ImGui::SetNextItemWidth(-1);
    if (std::exchange(state.focusSearch, false)) focusNextItem();
    bool entered = false;
    typedTextField("##search", _("Search routines (/ or Ctrl+F)\xE2\x80\xA6"), state.search, state.typedBeyondBmp,
                   &entered);
    if (entered) intent = {Action::StartSelected};
    layout.search = ImGui::GetItemRectSize().y;
    state.searchActive = ImGui::IsItemActive();
    if (!model.deleted.empty()) {
        ImGui::TextWrapped("%s", format(_("Deleted \"{0}\"."), {model.deleted}).c_str());
        ImGui::SameLine();
        if (ImGui::SmallButton(_("Undo (Ctrl+Z)"))) intent = {Action::UndoDelete};
    }
    if (ImGui::Button(_("New (N)"))) intent = {Action::NewRoutine};
    flow(_("Quick set (Q)"));
    if (ImGui::Button(_("Quick set (Q)"))) intent = {Action::OpenQuickSet};
    flow(_("History (H)"));
    if (ImGui::Button(_("History (H)"))) intent = {Action::OpenHistory};
    const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
    ImGui::SetNextItemWidth(half);
    filterCombo("##tag", _("Any tag"), *model.tags, state.tag);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(half);
    filterCombo("##equipment", _("Any equipment"), *model.equipment, state.equipment);
    ImGui::Spacing();
}

// One routine's row: its name, and its length, source, tags and equipment below.
void drawRow(LibraryViewState& state, const LibraryViewModel& model, const Fonts& fonts, std::size_t i, Intent& intent,
             LibraryLayout& layout) {
    const auto& entries = *model.entries;
    const LibraryEntry& e = entries[i];
    ImGui::PushID(static_cast<int>(i));
    const bool selected = model.selected == i;
    const ImVec2 start = ImGui::GetCursorPos();
    const float rowH = fonts.heading->FontSize + fonts.body->FontSize + ImGui::GetStyle().ItemSpacing.y * 2;
    if (ImGui::Selectable("##row", selected, ImGuiSelectableFlags_AllowDoubleClick, ImVec2(0, rowH))) {
        intent = {Action::Select, i};
        if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left) && e.valid()) intent = {Action::Start, i};
    }
    layout.row = ImGui::GetItemRectSize().y;
    if (selected && state.scrollToSelected) {
        ImGui::SetScrollHereY(0.5f);
        state.scrollToSelected = false;
    }
    if (selected) layout.selectedShown = ImGui::IsItemVisible();
    const ImVec2 end = ImGui::GetCursorPos();
    ImGui::SetCursorPos(ImVec2(start.x + 6, start.y + 2));
    ImGui::PushFont(fonts.heading);
    if (!e.valid()) ImGui::PushStyleColor(ImGuiCol_Text, colourVec(kProblem));
    ImGui::TextUnformatted(
        (e.valid() ? e.displayName() : "! " + format(_("{0} (has mistakes)"), {e.displayName()})).c_str());
    layout.name = ImGui::GetItemRectSize().y;
    if (!e.valid()) ImGui::PopStyleColor();
    ImGui::PopFont();
    ImGui::SetCursorPosX(start.x + 6);
    std::string sub = e.valid() ? formatClock(e.totalMs) + " \xC2\xB7 " : "";
    sub += sourceLabel(e.source, true);
    if (!e.routine().tags.empty()) sub += " \xC2\xB7 " + joinList(e.routine().tags);
    if (!e.routine().equipment.empty()) sub += " \xC2\xB7 " + joinList(e.routine().equipment);
    ImGui::TextDisabled("%s", sub.c_str());
    ImGui::SetCursorPos(end);
    ImGui::PopID();
}

// The routines passing the filters, one row each.
void drawList(LibraryViewState& state, const LibraryViewModel& model, const Fonts& fonts, Intent& intent,
              LibraryLayout& layout) {
    const auto& entries = *model.entries;
    ImGui::BeginChild("##list", ImVec2(0, 0), true);
    if (model.visible->empty())
        ImGui::TextDisabled("%s", entries.empty() ? _("No routines found.") : _("Nothing matches."));
    // Only the rows on screen are submitted: with 5,000 routines a frame costs what it does with 8.
    const auto& visible = *model.visible;
    if (model.selected) {
        const auto at = std::find(visible.begin(), visible.end(), *model.selected);
        if (at != visible.end()) layout.selectedRow = static_cast<int>(at - visible.begin());
    }
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(visible.size()));
    if (state.scrollToSelected && layout.selectedRow >= 0) {
        // The selection moved by keys, perhaps off screen: its row is drawn, to scroll to it.
#if IMGUI_VERSION_NUM >= 18960 // renamed in 1.89.6
        clipper.IncludeRangeByIndices(layout.selectedRow, layout.selectedRow + 1);
#else
        clipper.ForceDisplayRangeByIndices(layout.selectedRow, layout.selectedRow + 1);
#endif
    }
    while (clipper.Step()) {
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row)
            drawRow(state, model, fonts, visible[static_cast<std::size_t>(row)], intent, layout);
    }
    ImGui::EndChild();
}

// The selected routine's commands and preview, and the Start button.
void drawRightPane(const LibraryViewModel& model, const Fonts& fonts, Intent& intent, LibraryLayout& layout) {
    const auto& entries = *model.entries;
    ImGui::BeginChild("##right", ImVec2(0, 0));
    const float startH = fonts.title->FontSize * 1.5f;
    ImGui::BeginChild("##preview", ImVec2(0, -(startH + ImGui::GetStyle().ItemSpacing.y * 2)), true);
    if (model.selected && *model.selected < entries.size()) {
        const std::size_t i = *model.selected;
        const bool own = entries[i].source == RoutineSource::User;
        if (own && entries[i].valid() && ImGui::Button(_("Edit"))) intent = {Action::Edit, i};
        if (own && entries[i].valid()) ImGui::SameLine();
        if (entries[i].valid() && ImGui::Button(own ? _("Duplicate") : _("Duplicate to edit")))
            intent = {Action::Duplicate, i};
        if (own) {
            ImGui::SameLine();
            if (ImGui::Button(_("Delete (Del)"))) intent = {Action::Delete, i};
        }
        if (!own && entries[i].valid()) {
            const char* readOnly = _("built-in routines are read-only");
            flow(readOnly);
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
            ImGui::TextWrapped("%s", readOnly);
            ImGui::PopStyleColor();
        }
        drawPreview(entries[i], *model.outline, fonts);
    } else
        ImGui::TextDisabled("%s", _("Choose a routine on the left."));
    ImGui::EndChild();
    const bool canStart = model.selected && *model.selected < entries.size() && entries[*model.selected].valid();
    ImGui::PushStyleColor(ImGuiCol_Button, colourVec(kAccent, 0.85f));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, colourVec(kAccent, 1.0f));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, colourVec(kAccent, 0.7f));
    ImGui::PushStyleColor(ImGuiCol_Text, colourVec(kInk));
    // Without its key's name when the whole does not fit (a narrow window, long words).
    const std::string start = fitButtonLabel(_("Start  (Enter)"), fonts.title, ImGui::GetContentRegionAvail().x);
    if (button(start.c_str(), fonts.title, ImVec2(-1, startH), canStart)) intent = {Action::StartSelected};
    layout.startText = start;
    if (model.selected && *model.selected < entries.size())
        layout.selectedName = entries[*model.selected].displayName();
    layout.start = ImGui::GetItemRectSize().y;
    ImGui::PopStyleColor(4);
    ImGui::EndChild();
}

} // namespace

Intent drawLibrary(LibraryViewState& state, const LibraryViewModel& model, const Fonts& fonts, LibraryLayout* out) {
    Intent intent;
    LibraryLayout layout;
    beginFullWindow("##library");
    const float listWidth = ImGui::GetContentRegionAvail().x * 0.42f;
    ImGui::BeginChild("##left", ImVec2(listWidth, 0)); // left: title, search, filters, the list
    drawHeader(state, model, fonts, intent, layout);
    if (model.today) drawTodayPanel(*model.today, fonts, intent);
    drawList(state, model, fonts, intent, layout);
    ImGui::EndChild();
    ImGui::SameLine();
    drawRightPane(model, fonts, intent, layout); // right: the preview and the Start button
    ImGui::End();
    if (out) *out = layout;
    if (model.showHelp) drawHelpOverlay(fonts, Screen::Library);
    return intent;
}

Intent drawLibraryScreen(LibraryScreen& screen, std::string notice, bool showHelp, const Fonts& fonts, bool testMode) {
    screen.beginFrame();
    const LibraryModel& library = screen.model();
    LibraryViewModel model;
    model.entries = &library.entries();
    model.visible = &library.visible();
    model.tags = &library.tags();
    model.equipment = &library.equipment();
    model.selected = library.selectedIndex();
    model.outline = &library.selectedOutline();
    model.notice = std::move(notice);
    model.deleted = screen.deletedName();
    model.showHelp = showHelp;
    model.today = screen.today() ? &screen.today()->panel() : nullptr;
    model.reading = library.reading();
    LibraryLayout layout;
    const Intent intent = drawLibrary(screen.view(), model, fonts, &layout);
    if (!testMode) {
        screen.drawn({}, {});
        return intent;
    }
    // The end-to-end tests read how tall the library drew its parts (the display's scale).
    char scale[160];
    std::snprintf(scale, sizeof scale, "test library scale=%.2f title=%.1f search=%.1f row=%.1f name=%.1f start=%.1f",
                  static_cast<double>(fonts.uiScale), static_cast<double>(layout.title),
                  static_cast<double>(layout.search), static_cast<double>(layout.row), static_cast<double>(layout.name),
                  static_cast<double>(layout.start));
    char selection[80];
    std::snprintf(selection, sizeof selection, "test library selected_row=%d shown=%d", layout.selectedRow,
                  layout.selectedShown ? 1 : 0);
    // And what it says: the Start button and the selected routine's name, in the language shown.
    screen.drawn(std::string(scale) + " start=\"" + layout.startText + "\" selected=\"" + layout.selectedName + "\"",
                 selection);
    return intent;
}

} // namespace unknot::ui
