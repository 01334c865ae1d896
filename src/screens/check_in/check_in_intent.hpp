#pragma once
// The check-in's own intents ("How does your left heel feel?"): a screen's own actions
// (ui::Action::Own…), which only the check-in on top gets, from its keys, its view and a
// remote at it. Nothing outside this folder names them.

#include "screens/intent.hpp"

namespace unknot::ui {

struct CheckInAction {
    static constexpr Action Digit = Action::Own0;    // value: 0..9
    static constexpr Action Score = Action::Own1;    // value: 0..10 (a click)
    static constexpr Action Up = Action::Own2;       // one worse
    static constexpr Action Down = Action::Own3;     // one better
    static constexpr Action Next = Action::Own4;     // Enter: keep this answer, ask the next
    static constexpr Action SkipAll = Action::Own5;  // Esc
    static constexpr Action Note = Action::Own6;     // N: open the note line for this question
    static constexpr Action NoteText = Action::Own7; // text: the note line as it now reads
    static constexpr Action NoteKeep = Action::Own8; // Enter in the note line: keep it with the answer
    static constexpr Action NoteDrop = Action::Own9; // Esc in the note line: close it, the note as it was
    static constexpr Action Keep = Action::Own10; // a remote's Play: keep the score shown, or else the one last given
    static constexpr Action Skip = Action::Own11; // a remote's Next: leave this question unanswered, ask the next
};

} // namespace unknot::ui
