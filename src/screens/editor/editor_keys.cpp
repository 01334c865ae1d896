// The editor's keys: its few shortcuts (letters are the user's text) and the step commands by
// Alt and a key, which no text field uses, so they work while a field has the keyboard too.
#include "screens/keys.hpp"

namespace unknot::ui {

namespace {
// Alt and the kind's letter (o for roll, e for rest, where the first letters are taken),
// arrows to move, K and S to cycle the kind and the sides.
using T = EditorAction::Type;
constexpr StepKey kStepKeys[] = {
    {Key::T, false, T::AddPhase, PhaseKind::Tense, +1, "Alt+T"},
    {Key::R, false, T::AddPhase, PhaseKind::Release, +1, "Alt+R"},
    {Key::H, false, T::AddPhase, PhaseKind::Hold, +1, "Alt+H"},
    {Key::O, false, T::AddPhase, PhaseKind::Roll, +1, "Alt+O"},
    {Key::E, false, T::AddPhase, PhaseKind::Rest, +1, "Alt+E"},
    {Key::P, false, T::AddPhase, PhaseKind::Prepare, +1, "Alt+P"},
    {Key::M, false, T::AddPhase, PhaseKind::Manual, +1, "Alt+M"},
    {Key::B, false, T::AddBlock, PhaseKind::Tense, +1, "Alt+B"},
    {Key::D, false, T::Duplicate, PhaseKind::Tense, +1, "Alt+D"},
    {Key::Delete, false, T::Remove, PhaseKind::Tense, +1, "Alt+Del"},
    {Key::Up, false, T::MoveUp, PhaseKind::Tense, +1, "Alt+" UNKNOT_UP},
    {Key::Down, false, T::MoveDown, PhaseKind::Tense, +1, "Alt+" UNKNOT_DOWN},
    {Key::Right, false, T::MoveInto, PhaseKind::Tense, +1, "Alt+" UNKNOT_RIGHT},
    {Key::Left, false, T::MoveOut, PhaseKind::Tense, +1, "Alt+" UNKNOT_LEFT},
    {Key::K, false, T::CycleKind, PhaseKind::Tense, +1, "Alt+K"},
    {Key::K, true, T::CycleKind, PhaseKind::Tense, -1, "Alt+Shift+K"},
    {Key::S, false, T::CycleSides, PhaseKind::Tense, +1, "Alt+S"},
    {Key::S, true, T::CycleSides, PhaseKind::Tense, -1, "Alt+Shift+S"},
};
} // namespace

std::span<const StepKey> stepKeys() { return kStepKeys; }

const char* stepKeyLabel(EditorAction::Type command, PhaseKind kind, int direction) {
    for (const StepKey& k : kStepKeys)
        if (k.command == command && (command != T::AddPhase || k.kind == kind) && k.direction == direction)
            return k.label;
    return "";
}

Intent editorIntentForKey(Key key, const KeyContext& c) {
    if (c.ctrl && key == Key::S) return {Action::Save};
    // Undo, redo and the step tree by keys, outside text fields (there they are the field's own).
    if (!c.typing && c.ctrl && key == Key::Z) return {Action::Undo};
    if (!c.typing && c.ctrl && key == Key::Y) return {Action::Redo};
    if (!c.typing && c.ctrl && key == Key::Up) return {Action::PreviousStep};
    if (!c.typing && c.ctrl && key == Key::Down) return {Action::NextStep};
    // The step commands: Alt (without Ctrl) and a key, in a text field too.
    if (c.alt && !c.ctrl)
        for (const StepKey& k : kStepKeys)
            if (k.key == key && k.shift == c.shift) {
                Intent intent{Action::StepCommand};
                intent.edit = makeEditorAction(k.command);
                intent.edit.kind = k.kind;
                intent.edit.direction = k.direction;
                return intent;
            }
    if (key == Key::Escape) return {Action::CloseView};
    return {};
}

} // namespace unknot::ui
