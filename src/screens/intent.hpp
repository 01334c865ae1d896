#pragma once
// What the user asked for, as the views and the key map report it: the one result type of
// every view. The app carries it out; views never act themselves.

#include "play/session.hpp"
#include "routine/editor.hpp"

#include <cstddef>
#include <optional>
#include <span>
#include <string_view>

namespace unknot::ui {

enum class Screen { Library, Player, Finished, Editor, QuickSet, History, CheckIn, Notices, Settings };

enum class Action {
    None,
    // library
    Select, // index: entry to select
    SelectPrevious,
    SelectNext,
    Start, // index: entry to start
    StartSelected,
    NewRoutine,
    OpenQuickSet,
    Duplicate,    // index: entry to copy into a new routine
    Edit,         // index: the user's own routine to edit
    EditSelected, // E: edit the selected routine (a copy of a built-in one)
    Delete,       // index: the user's own routine, to the trash
    DeleteSelected,
    UndoDelete,
    OpenHistory,
    OpenNotices, // I: every notice of this run
    FocusSearch, // `/` or Ctrl+F: the search box takes the keys
    StartToday,  // text: a routine due today (a click in the Today panel)
    RanToday,    // R: "I ran today", so a program's after-run routines come due
    CloseView,   // leave the quick set, the history or the editor (asks when unsaved)
    // editor and quick set
    EditRoutine, // edit: what the editor view did
    Undo,
    Redo,
    PreviousStep, // the editor: choose the step above in the tree (the routine's fields first)
    NextStep,     // the editor: choose the step below
    StepCommand,  // the editor: edit.type (and kind, direction) done to the selected step, by key
    Save,
    QuickStart,  // the quick set's "Start now"
    QuickRefine, // the quick set's "Open in the editor"
    // player
    TogglePause, // pause, resume, or continue past a manual phase
    Skip,
    Back,
    Extend,
    Restart,
    RequestExit, // Esc: asks first while a routine runs; a second Esc leaves
    Pause,       // a remote's Pause: only while running
    Resume,      // a remote's Play: resume, or continue past a manual phase
    Stop,        // a remote's Stop: end the routine at once (history: stopped), back to the library
    PlayAgain,   // a remote's Play in the library after a Stop: the routine left, from its start
    // finished
    ToLibrary,
    // anywhere
    OpenRoute, // value: the Route to open on its own (History's "Check in now"), by the flow that has it
    ToggleFullscreen,
    ToggleMute,
    VolumeUp,
    VolumeDown,
    SetVolume, // value: 0..100
    ToggleHelp,
    OpenSettings,
    ApplySettings, // the settings panel's draft changed
    CloseSettings,
    Quit,
    // A screen's own actions: its folder names them (the check-in's: its *_intent.hpp), and only the
    // screen on top gets them (from its keys, its view, a remote at it), so two screens may use
    // the same ones.
    Own0,
    Own1,
    Own2,
    Own3,
    Own4,
    Own5,
    Own6,
    Own7,
    Own8,
    Own9,
    Own10,
    Own11,
};

// What the user did in the editor: an edit, or one of its commands and questions.
struct EditorAction {
    enum class Type {
        None,
        Select,
        SetName,
        SetSummary,
        SetNotes,
        SetTags,
        SetEquipment,
        SetCheckIn,
        SetStep,
        AddPhase,
        AddBlock,
        Remove,
        Duplicate,
        MoveUp,
        MoveDown,
        MoveInto,
        MoveOut,
        MoveTo,
        CycleKind,  // the phase's kind: the next (direction +1) or previous one in kWritableKinds
        CycleSides, // the step's sides: the next or previous of sideChoices()
        Undo,
        Redo,
        Save,
        TryIt,
        Close,
        DiscardAndClose,
        CancelClose,
        Replace,
        SaveAsNew,
        CancelSave
    } type = Type::None;
    StepPath path;
    StepPath target;               // MoveTo
    Step step;                     // SetStep
    std::string text;              // SetName/Summary/Notes
    std::vector<std::string> list; // SetTags/Equipment/CheckIn
    std::string mergeKey;          // keystrokes in one field: one undo step
    PhaseKind kind = PhaseKind::Tense;
    int direction = +1; // CycleKind, CycleSides
    [[nodiscard]] explicit operator bool() const { return type != Type::None; }
};

[[nodiscard]] inline EditorAction makeEditorAction(EditorAction::Type type, StepPath path = {}) {
    EditorAction a;
    a.type = type;
    a.path = std::move(path);
    return a;
}

struct Intent {
    Action action = Action::None;
    std::size_t index = 0;
    int value = 0;
    EditorAction edit = {}; // EditRoutine
    std::string text = {};  // StartToday, a screen's own (the check-in's note)
    [[nodiscard]] explicit operator bool() const { return action != Action::None; }
};

// Keys the app responds to, independent of SDL so the key map can be tested.
enum class Key {
    Space,
    Left,
    Right,
    Up,
    Down,
    Enter,
    Escape,
    Plus,
    Question,
    R,
    F,
    F11,
    M,
    Q,
    S,
    Y,
    Z,
    N,
    H,
    E,
    Delete,
    T,
    O,
    P,
    B,
    K,
    D,
    I,
    Digit0,
    Digit1,
    Digit2,
    Digit3,
    Digit4,
    Digit5,
    Digit6,
    Digit7,
    Digit8,
    Digit9,
    MediaPlay,
    MediaNext,
    MediaPrevious,
    MediaStop,
    Slash,
    Tab,
    Other
};

// Modifiers besides Ctrl held with a key.
struct Modifiers {
    bool alt = false; // the left Alt only: the right one is AltGr, which types characters
    bool shift = false;
};

struct KeyContext {
    Screen screen = Screen::Library;
    bool ctrl = false;
    bool typing = false;       // a text field has the keyboard: letters are text, not shortcuts
    bool holdsKeys = false;    // a line of the screen's own has the keyboard (the check-in's note): keys are its text
    bool alt = false;          // the left Alt only: the right one is AltGr, which types characters
    bool shift = false;
};

// The one place that says which key does what (the help overlay lists the same).
[[nodiscard]] Intent intentForKey(Key key, const KeyContext& context);

// One row of a screen's key table.
struct KeyBinding {
    Key key = Key::Other;
    bool ctrl = false;
    Action action = Action::None;
    const char* label = nullptr; // as the help shows it ("F / F11"); null: listed with the row above
    const char* help = nullptr;  // what it does, for the help overlay
};
// A screen's keys, in the order the help lists them (the editors have only the few in
// intentForKey, and no help overlay).
[[nodiscard]] std::span<const KeyBinding> keyBindings(Screen screen);

// The editor's step commands by key: Alt with a letter or an arrow, which no text field uses,
// so they work while a field has the keyboard too (type a label, Alt+T, type the next).
// Each does what its button does to the selected step.
struct StepKey {
    Key key = Key::Other;
    bool shift = false;
    EditorAction::Type command = EditorAction::Type::None;
    PhaseKind kind = PhaseKind::Tense; // AddPhase
    int direction = +1;                // CycleKind, CycleSides
    const char* label = "";            // "Alt+T", as the buttons and the help line show it
};
[[nodiscard]] std::span<const StepKey> stepKeys();
// The key of a step command ("Alt+T"), for its button; "" when it has none.
[[nodiscard]] const char* stepKeyLabel(EditorAction::Type command, PhaseKind kind = PhaseKind::Tense,
                                       int direction = +1);

// -- remote control --------------------------------------------------------------------------
// What a media remote asks: MPRIS's Player methods (a headset, the desktop's widget, a phone,
// playerctl) and the keyboard's media keys alike.
enum class MediaCommand { PlayPause, Play, Pause, Next, Previous, Stop };
[[nodiscard]] std::string_view mediaCommandName(MediaCommand command); // "play-pause", "next", …

struct MediaContext {
    Screen screen = Screen::Library;
    SessionState state = SessionState::Ready; // the routine's, on the player and finished screens
    bool hasSelection = false;                // the library has a routine selected
    bool canPlayAgain = false;                // in the library: a routine was left and nothing chosen since
};

// The one place that says what a media command means, given where the app is: on the player,
// Next is the → key's skip and Previous the ← key's back; in the library Play starts the
// selected routine. Nothing (an empty intent) where it means nothing.
[[nodiscard]] Intent intentForMedia(MediaCommand command, const MediaContext& context);
// The keyboard's media keys (the window's own, when it has focus), as commands.
[[nodiscard]] std::optional<MediaCommand> mediaCommandForKey(Key key);

} // namespace unknot::ui
