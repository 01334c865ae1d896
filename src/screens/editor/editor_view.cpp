// Index: text fields that commit as you type; the step tree; the step panel; the bars and
// the dialogs.
#include "screens/editor/editor_view.hpp"

#include "core/i18n.hpp"
#include "core/text.hpp"
#include "play/phrase_plan.hpp"
#include "routine/routine_outline.hpp"
#include "ui/draw.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <utility>

namespace unknot::ui {

namespace {

EditorAction make(EditorAction::Type type, StepPath path = {}) { return makeEditorAction(type, std::move(path)); }

EditorAction makeText(EditorAction::Type type, std::string text, std::string mergeKey) {
    EditorAction a = make(type);
    a.text = std::move(text);
    a.mergeKey = std::move(mergeKey);
    return a;
}

EditorAction makeList(EditorAction::Type type, std::vector<std::string> list, std::string mergeKey) {
    EditorAction a = make(type);
    a.list = std::move(list);
    a.mergeKey = std::move(mergeKey);
    return a;
}

std::string pathKey(const StepPath& p) {
    std::string out;
    for (std::size_t i : p) out += std::to_string(i) + ".";
    return out;
}

// A text field showing `value`; returns the new text on every change while typing.
std::optional<std::string> textField(EditorViewState& st, const char* label, const std::string& key,
                                     const std::string& value, bool multiline = false, const char* hint = "") {
    std::string& buffer = st.fields[key];
    if (st.activeField != key) buffer = value;
    ImGui::SetNextItemWidth(-1);
    const ImVec2 size(-1, ImGui::GetTextLineHeight() * 4.5f);
    auto edited = typedTextInput(label, hint, buffer, value, st.typedBeyondBmp, multiline ? &size : nullptr);
    if (ImGui::IsItemActivated()) st.activeField = key;
    if (ImGui::IsItemDeactivated() && st.activeField == key) st.activeField.clear();
    return edited;
}

// A duration typed as "45s", "1m30s": applied when it parses, an error beside it when not.
std::optional<Millis> durationField(EditorViewState& st, const char* label, const std::string& key, Millis value) {
    auto text = textField(st, label, key, formatDurationSpec(value), false, _("e.g. 30s, 1m30s"));
    std::optional<Millis> out;
    if (text) {
        auto parsed = parseDuration(*text);
        if (auto* ms = std::get_if<Millis>(&parsed)) {
            st.fieldErrors.erase(key);
            out = *ms;
        } else {
            st.fieldErrors[key] = std::get<DurationError>(parsed).message;
        }
    }
    if (st.activeField != key) st.fieldErrors.erase(key);
    if (auto it = st.fieldErrors.find(key); it != st.fieldErrors.end()) {
        ImGui::PushStyleColor(ImGuiCol_Text, colourVec(kProblem));
        ImGui::TextWrapped("%s", it->second.c_str());
        ImGui::PopStyleColor();
    }
    return out;
}

void problems(const std::vector<std::string>& list) {
    if (list.empty()) return;
    ImGui::PushStyleColor(ImGuiCol_Text, colourVec(kProblem));
    for (const auto& p : list) ImGui::TextWrapped("! %s", p.c_str());
    ImGui::PopStyleColor();
}

std::string stepTitle(const Step& s) {
    std::string text;
    if (s.kind) {
        text = std::string(kindTitle(*s.kind));
        if (!s.label.empty()) text += " \xE2\x80\x94 " + s.label;
        text += *s.kind == PhaseKind::Manual ? std::string("  ") + _("(waits)") : "  " + formatClock(s.durationMs);
    } else {
        text = (s.label.empty() ? std::string(_("Block")) : s.label);
    }
    if (s.repeat > 1) text += "  \xC3\x97" + std::to_string(s.repeat);
    if (!s.sides.empty()) text += "  " + sidesText(s.sides);
    return text;
}

void tree(EditorViewState& st, const Editor& editor, const std::vector<Step>& steps, StepPath& path,
          EditorAction& action) {
    for (std::size_t i = 0; i < steps.size(); ++i) {
        path.push_back(i);
        const Step& s = steps[i];
        ImGui::PushID(static_cast<int>(i));
        const bool hasProblems = !editor.problemsAt(path).empty();
        if (hasProblems) ImGui::PushStyleColor(ImGuiCol_Text, colourVec(kProblem));
        ImGui::Indent(static_cast<float>(path.size() - 1) * ImGui::GetFontSize() * 1.1f + 1.0f);
        const std::string title = (hasProblems ? "! " : "") + stepTitle(s);
        if (ImGui::Selectable(title.c_str(), st.selected == path)) action = make(EditorAction::Type::Select, path);
        ImGui::Unindent(static_cast<float>(path.size() - 1) * ImGui::GetFontSize() * 1.1f + 1.0f);
        if (hasProblems) ImGui::PopStyleColor();
        // Drag a step onto another to put it before that one; onto a block's "end" to append.
        if (ImGui::BeginDragDropSource()) {
            ImGui::SetDragDropPayload("STEP", path.data(), path.size() * sizeof(std::size_t));
            ImGui::TextUnformatted(title.c_str());
            ImGui::EndDragDropSource();
        }
        if (ImGui::BeginDragDropTarget()) {
            if (const ImGuiPayload* p = ImGui::AcceptDragDropPayload("STEP")) {
                const auto* data = static_cast<const std::size_t*>(p->Data);
                action = make(EditorAction::Type::MoveTo,
                              StepPath(data, data + static_cast<std::size_t>(p->DataSize) / sizeof(std::size_t)));
                action.target = path;
            }
            ImGui::EndDragDropTarget();
        }
        if (s.isBlock()) tree(st, editor, s.children, path, action);
        ImGui::PopID();
        path.pop_back();
    }
}

void routineFields(EditorViewState& st, const Editor& editor, EditorAction& action) {
    const Routine& r = editor.routine();
    ImGui::TextWrapped("%s", _("Name"));
    if (auto v = textField(st, "##name", "name", r.name)) action = makeText(EditorAction::Type::SetName, *v, "name");
    problems(editor.problemsAt({}, "name"));
    ImGui::TextWrapped("%s", _("Summary (one line)"));
    if (auto v = textField(st, "##summary", "summary", r.summary))
        action = makeText(EditorAction::Type::SetSummary, *v, "summary");
    problems(editor.problemsAt({}, "summary"));
    ImGui::TextWrapped("%s", _("Notes: how to do it, when to stop"));
    if (auto v = textField(st, "##notes", "notes", r.notes, true))
        action = makeText(EditorAction::Type::SetNotes, *v, "notes");
    problems(editor.problemsAt({}, "notes"));
    ImGui::TextWrapped("%s", _("Tags (comma-separated)"));
    if (auto v = textField(st, "##tags", "tags", joinList(r.tags)))
        action = makeList(EditorAction::Type::SetTags, splitList(*v), "tags");
    problems(editor.problemsAt({}, "tags"));
    ImGui::TextWrapped("%s", _("Equipment (comma-separated)"));
    if (auto v = textField(st, "##equipment", "equipment", joinList(r.equipment)))
        action = makeList(EditorAction::Type::SetEquipment, splitList(*v), "equipment");
    problems(editor.problemsAt({}, "equipment"));
    ImGui::TextWrapped("%s", _("Check in: areas asked 0-10 before and after, left and right"));
    if (auto v = textField(st, "##check_in", "check_in", joinList(r.checkIn), false, _("e.g. heel, knee")))
        action = makeList(EditorAction::Type::SetCheckIn, splitList(*v), "check_in");
    problems(editor.problemsAt({}, "check_in"));
    problems(editor.problemsBesides({}, {"name", "summary", "notes", "tags", "equipment", "check_in"}));
}

// The placeholders a `say` may hold: the parser's list.
std::string sayPlaceholders() {
    std::string text = _("Placeholders:");
    for (std::string_view p : kSayPlaceholders) text += " {" + std::string(p) + "}";
    return text;
}

void stepFieldWidgets(EditorViewState& st, const Editor& editor, const StepPath& path, Step& s, const std::string& k,
                      EditorAction& action);

void stepFields(EditorViewState& st, const Editor& editor, const StepPath& path, EditorAction& action) {
    const Step* found = editor.at(path);
    if (!found) return;
    Step s = *found;
    const std::string k = pathKey(path);
    // Each step's fields are widgets of their own: a field being typed in when a key adds or
    // moves a step lets go, rather than carrying its text over to the step now chosen.
    ImGui::PushID(k.c_str());
    stepFieldWidgets(st, editor, path, s, k, action);
    ImGui::PopID();
}

void stepFieldWidgets(EditorViewState& st, const Editor& editor, const StepPath& path, Step& s, const std::string& k,
                      EditorAction& action) {
    const auto set = [&](const std::string& field) {
        action = make(EditorAction::Type::SetStep, path);
        action.step = s;
        action.mergeKey = k + field;
    };
    // Each problem beside its field; those of keys without a field here (or of the step as a
    // whole) on top.
    std::vector<std::string_view> shown = {"label", "say", "repeat", "sides"};
    if (s.isPhase()) shown.insert(shown.end(), {"kind", "duration", "cue"});
    if (s.sides.size() > 1) shown.push_back("switch");
    if (s.repeat > 1) shown.push_back("rest_between");
    problems(editor.problemsBesides(path, shown));
    if (s.isPhase()) {
        ImGui::Text(_("Kind (%s / %s)"), stepKeyLabel(EditorAction::Type::CycleKind),
                    stepKeyLabel(EditorAction::Type::CycleKind, PhaseKind::Tense, -1));
        const PhaseKind kind = *s.kind;
        ImGui::SetNextItemWidth(-1);
        if (ImGui::BeginCombo("##kind", std::string(kindTitle(kind)).c_str())) {
            for (PhaseKind option : kWritableKinds)
                if (ImGui::Selectable(std::string(kindWord(option)).c_str(), kind == option)) {
                    s = withKind(s, option);
                    set("kind");
                }
            ImGui::EndCombo();
        }
        problems(editor.problemsAt(path, "kind"));
        if (*s.kind != PhaseKind::Manual) {
            ImGui::TextWrapped("%s", _("Duration"));
            if (auto ms = durationField(st, "##duration", k + "duration", s.durationMs)) {
                s.durationMs = *ms;
                set("duration");
            }
            problems(editor.problemsAt(path, "duration"));
        }
    }
    ImGui::TextWrapped("%s", s.isPhase() ? _("Label (shown big)") : _("Block name"));
    if (std::exchange(st.focusLabel, false)) ImGui::SetKeyboardFocusHere(); // added by key: type at once
    if (auto v = textField(st, "##label", k + "label", s.label)) {
        s.label = *v;
        set("label");
    }
    problems(editor.problemsAt(path, "label"));
    if (s.isPhase()) {
        ImGui::TextWrapped("%s", _("Cue (what to do)"));
        if (auto v = textField(st, "##cue", k + "cue", s.cue)) {
            s.cue = *v;
            set("cue");
        }
        problems(editor.problemsAt(path, "cue"));
    }
    ImGui::TextWrapped("%s", s.isPhase() ? _("Say (what the voice says as it starts; empty: the default)")
                                         : _("Say (what the voice says for it; empty: the default)"));
    if (auto v = textField(st, "##say", k + "say", s.say, false, "e.g. {side} calf, {duration}")) {
        s.say = *v;
        set("say");
    }
    problems(editor.problemsAt(path, "say"));
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", sayPlaceholders().c_str());
    ImGui::PopStyleColor();
    ImGui::TextWrapped("%s", _("Repeat"));
    int repeat = s.repeat;
    ImGui::SetNextItemWidth(-1);
    if (ImGui::InputInt("##repeat", &repeat)) {
        s.repeat = std::clamp(repeat, 1, kMaxRepeat);
        set("repeat");
    }
    problems(editor.problemsAt(path, "repeat"));
    ImGui::Text(_("Sides (%s / %s)"), stepKeyLabel(EditorAction::Type::CycleSides),
                stepKeyLabel(EditorAction::Type::CycleSides, PhaseKind::Tense, -1));
    ImGui::SetNextItemWidth(-1);
    if (sidesCombo("##sides", s.sides)) set("sides");
    problems(editor.problemsAt(path, "sides"));
    if (s.sides.size() > 1) {
        ImGui::TextWrapped("%s", _("Switch between sides"));
        if (auto ms = durationField(st, "##switch", k + "switch", s.switchMs)) {
            s.switchMs = *ms;
            set("switch");
        }
        problems(editor.problemsAt(path, "switch"));
    }
    if (s.repeat > 1) {
        ImGui::TextWrapped("%s", _("Rest between rounds"));
        if (auto ms = durationField(st, "##rest", k + "rest", s.restBetweenMs)) {
            s.restBetweenMs = *ms;
            set("rest");
        }
        problems(editor.problemsAt(path, "rest_between"));
    }
}

// SameLine when the next button still fits on this line.
bool dialog(const char* title, const std::string& text) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x * 0.5f, vp->Pos.y + vp->Size.y * 0.5f), 0,
                            ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(vp->Size.x * 0.6f, 0));
    ImGui::SetNextWindowBgAlpha(1.0f);
    ImGui::Begin(title, nullptr,
                 ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize);
    ImGui::SetWindowFocus();
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::Spacing();
    return true;
}

} // namespace

namespace {

// Top bar: title, live total, state, and the commands.
void topBar(const EditorViewState& st, const Editor& editor, const Fonts& fonts, EditorAction& action) {
    ImGui::PushFont(fonts.heading);
    // A long name is cut with an ellipsis: the total and the commands stay on screen.
    const std::string title =
        ellipsizeToWidth(st.title + ": " + editor.routine().name, ImGui::GetContentRegionAvail().x * 0.55f) +
        (editor.dirty() ? std::string("  \xE2\x80\xA2 ") + _("unsaved") : std::string());
    ImGui::TextUnformatted(title.c_str());
    ImGui::PopFont();
    std::string status;
    if (editor.canPlay()) {
        const std::size_t phases = editor.phaseCount();
        status = "   " + format(_("{0} in all \xC2\xB7 {1}"),
                                {formatHuman(editor.totalMs()),
                                 format(n_("{0} phase", "{0} phases", phases), {std::to_string(phases)})});
    } else {
        const std::size_t count = editor.diagnostics().size();
        status =
            "   " + format(n_("{0} problem to fix before it can play", "{0} problems to fix before it can play", count),
                           {std::to_string(count)});
    }
    // Beside the title when it fits there, else below it; the commands wrap likewise.
    flow(status.c_str());
    ImGui::PushStyleColor(ImGuiCol_Text, colourVec(editor.canPlay() ? kGood : kProblem));
    ImGui::TextUnformatted(status.c_str());
    ImGui::PopStyleColor();
    const char* undo = _("Undo (Ctrl+Z)");
    const char* redo = _("Redo (Ctrl+Y)");
    const char* save = _("Save (Ctrl+S)");
    const char* tryIt = _("Try it");
    const char* close = _("Close");
    if (ImGui::Button(undo) && editor.canUndo()) action = make(EditorAction::Type::Undo);
    flow(redo);
    if (ImGui::Button(redo) && editor.canRedo()) action = make(EditorAction::Type::Redo);
    flow(save);
    ImGui::BeginDisabled(!editor.canPlay());
    if (ImGui::Button(save)) action = make(EditorAction::Type::Save);
    flow(tryIt);
    if (ImGui::Button(tryIt)) action = make(EditorAction::Type::TryIt);
    ImGui::EndDisabled();
    flow(close);
    if (ImGui::Button(close)) action = make(EditorAction::Type::Close);
    if (!st.message.empty()) {
        flow(st.message.c_str());
        ImGui::TextDisabled("%s", st.message.c_str());
    }
    ImGui::Separator();
}

// Step commands, for the selected step (or the routine's top level).
void stepCommands(const EditorViewState& st, const Editor& editor, EditorAction& action) {
    using T = EditorAction::Type;
    const StepPath& sel = st.selected;
    const Step* selected = sel.empty() ? nullptr : editor.at(sel);
    const StepPath addTo = editor.parentForAdding(sel);
    // Each button says its key (ui::stepKeys(), the key map's table).
    const auto button = [](const std::string& what, const char* key) {
        const std::string label = what + " (" + key + ")";
        return ImGui::SmallButton(label.c_str());
    };
    const auto flowFor = [](const std::string& what, const char* key) { flow((what + " (" + key + ")").c_str()); };
    static const PhaseKind addable[] = {PhaseKind::Tense, PhaseKind::Release, PhaseKind::Hold,  PhaseKind::Roll,
                                        PhaseKind::Rest,  PhaseKind::Prepare, PhaseKind::Manual};
    bool first = true;
    for (PhaseKind k : addable) {
        const std::string what = "+ " + std::string(kindWord(k));
        const char* key = stepKeyLabel(T::AddPhase, k);
        if (!first) flowFor(what, key);
        first = false;
        if (button(what, key)) {
            action = make(T::AddPhase, addTo);
            action.kind = k;
        }
    }
    const std::string addBlock = std::string("+ ") + _("block");
    flowFor(addBlock, stepKeyLabel(T::AddBlock));
    if (button(addBlock, stepKeyLabel(T::AddBlock))) action = make(T::AddBlock, addTo);
    ImGui::BeginDisabled(!selected);
    if (button(_("Duplicate"), stepKeyLabel(T::Duplicate))) action = make(T::Duplicate, sel);
    const std::pair<const char*, T> moves[] = {{_("Delete"), T::Remove},
                                               {C_("editor: move the step", "Up"), T::MoveUp},
                                               {C_("editor: move the step", "Down"), T::MoveDown},
                                               {_("Into block above"), T::MoveInto},
                                               {_("Out of block"), T::MoveOut}};
    for (const auto& [what, type] : moves) {
        flowFor(what, stepKeyLabel(type));
        if (button(what, stepKeyLabel(type))) action = make(type, sel);
    }
    ImGui::EndDisabled();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s",
                       _("Ctrl+\xE2\x86\x91 / Ctrl+\xE2\x86\x93 choose a step (outside a text field). The Alt keys "
                         "work in the text fields too; a step added by key has its label ready to type. Drag a "
                         "step onto another to move it there."));
    ImGui::PopStyleColor();
}

// The two questions: unsaved changes when leaving, a name taken when saving a new routine.
// A letter typed this frame (either case, without Ctrl): a dialog's answer by key. The dialog
// has the focus, so no text field takes the letter.
bool typed(char letter) {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.KeyCtrl) return false;
    for (ImWchar c : io.InputQueueCharacters)
        if (c == static_cast<ImWchar>(letter) || c == static_cast<ImWchar>(letter - 'a' + 'A')) return true;
    return false;
}

// The questions answer to a letter each (Esc is the app's: it keeps editing, or cancels).
void dialogs(const EditorViewState& st, EditorAction& action) {
    if (st.confirmClose && dialog(_("Unsaved changes"), _("This routine has changes that are not saved."))) {
        if (ImGui::Button(_("Save (S)")) || typed('s')) action = make(EditorAction::Type::Save);
        ImGui::SameLine();
        if (ImGui::Button(_("Discard changes (D)")) || typed('d')) action = make(EditorAction::Type::DiscardAndClose);
        ImGui::SameLine();
        if (ImGui::Button(_("Keep editing (Esc)"))) action = make(EditorAction::Type::CancelClose);
        ImGui::End();
    }
    if (!st.collidingId.empty() &&
        dialog(_("Name taken"), format(_("You already have a routine saved as \"{0}\"."), {st.collidingId}))) {
        if (ImGui::Button(_("Replace it (R)")) || typed('r')) action = make(EditorAction::Type::Replace);
        ImGui::SameLine();
        if (ImGui::Button(_("Save as a new one (N)")) || typed('n')) action = make(EditorAction::Type::SaveAsNew);
        ImGui::SameLine();
        if (ImGui::Button(_("Cancel (Esc)"))) action = make(EditorAction::Type::CancelSave);
        ImGui::End();
    }
}

} // namespace

Intent drawEditor(EditorViewState& st, const Editor& editor, const Fonts& fonts) {
    EditorAction action;
    beginFullWindow("##editor");
    // The fields take the keyboard a frame after the editor's window appears, not in that frame:
    // an appearing window asks ImGui to give its first item the nav focus, and that answer,
    // applied in the next frame, would put the keyboard's focus scope back on this window while
    // the fields child kept the focus. ImGui 1.90.1 tabs only through items of the focus scope
    // (ocornut/imgui#7226), so Tab in the fields then reached nothing.
    const bool focusFields = st.focusFields && !ImGui::IsWindowAppearing();
    topBar(st, editor, fonts, action);
    // Left: the routine's fields and the step tree. Right: the selected step.
    ImGui::BeginChild("##tree", ImVec2(ImGui::GetContentRegionAvail().x * 0.5f, 0), true);
    if (ImGui::Selectable(_("Routine: name, summary, notes, tags, equipment, check-in"), st.selected.empty()))
        action = make(EditorAction::Type::Select);
    ImGui::Separator();
    StepPath path;
    tree(st, editor, editor.routine().steps, path, action);
    ImGui::Spacing();
    stepCommands(st, editor, action);
    ImGui::EndChild();
    ImGui::SameLine();
    // The fields have the keyboard from the start and after each choice of a step: Tab goes
    // through them (ImGui tabs within the focused window only, and the fields are in a child).
    if (focusFields) {
        st.focusFields = false;
        ImGui::SetNextWindowFocus();
    }
    ImGui::BeginChild("##fields", ImVec2(0, 0), true);
    if (st.selected.empty())
        routineFields(st, editor, action);
    else
        stepFields(st, editor, st.selected, action);
    ImGui::EndChild();
    ImGui::End();
    dialogs(st, action);
    if (!action) return {};
    Intent intent{Action::EditRoutine};
    intent.edit = std::move(action);
    return intent;
}

} // namespace unknot::ui
