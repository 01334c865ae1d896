#pragma once
// What the user asked for, as the views and the key map report it. The app carries it out;
// views never act themselves.

#include <cstddef>

namespace unknot::ui {

enum class Screen { Library, Player, Finished, Editor, QuickSet, History };

enum class Action {
    None,
    // library
    Select,          // index: entry to select
    SelectPrevious,
    SelectNext,
    Start,           // index: entry to start
    StartSelected,
    NewRoutine,
    OpenQuickSet,
    Duplicate,       // index: entry to copy into a new routine
    Edit,            // index: the user's own routine to edit
    Delete,          // index: the user's own routine, to the trash
    DeleteSelected,
    UndoDelete,
    OpenHistory,
    CloseView,       // leave the quick set, the history or the editor (asks when unsaved)
    // editor
    Undo,
    Redo,
    Save,
    // player
    TogglePause,     // pause, resume, or continue past a manual phase
    Skip,
    Back,
    Extend,
    Restart,
    RequestExit,     // Esc: asks first while a routine runs; a second Esc leaves
    // finished
    ToLibrary,
    // anywhere
    ToggleFullscreen,
    ToggleMute,
    VolumeUp,
    VolumeDown,
    SetVolume,       // value: 0..100
    ToggleHelp,
    OpenSettings,
    ApplySettings,   // the settings panel's draft changed
    CloseSettings,
    Quit,
};

struct Intent {
    Action action = Action::None;
    std::size_t index = 0;
    int value = 0;
    [[nodiscard]] explicit operator bool() const { return action != Action::None; }
};

// Keys the app responds to, independent of SDL so the key map can be tested.
enum class Key { Space, Left, Right, Up, Down, Enter, Escape, Plus, Question, R, F, F11, M, Q, S, Y, Z, N, H, Delete, Other };

struct KeyContext {
    Screen screen = Screen::Library;
    bool ctrl = false;
    bool typing = false; // a text field has the keyboard: letters are text, not shortcuts
    bool settingsOpen = false; // the settings panel's widgets have the keys; Esc closes it
};

// The one place that says which key does what (the help overlay lists the same).
[[nodiscard]] Intent intentForKey(Key key, const KeyContext& context);

} // namespace unknot::ui
