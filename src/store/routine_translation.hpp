#pragma once
// The built-in routines in the user's language: their name, summary, notes and every step's
// label, cue and `say` looked up in the program's catalogue (po/routine_strings.py put them
// there). A user's own routine is never translated: it stays in the language it was written in.

#include "routine/routine.hpp"

namespace unknot {

// Each text replaced by its translation where the catalogue has one. A `say` whose
// translation would not fill (a placeholder lost or misspelt) keeps its English.
void translateBuiltInRoutine(Routine& routine);

} // namespace unknot
