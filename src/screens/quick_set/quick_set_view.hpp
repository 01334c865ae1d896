#pragma once
// The quick set: one small form for "5 x tense 5 s / release 10 s, both sides".

#include "routine/editor.hpp"
#include "screens/intent.hpp"
#include "screens/quick_set/quick_set_state.hpp"
#include "ui/fonts.hpp"
#include "ui/typed_field.hpp"

#include <deque>
#include <map>
#include <string>
#include <vector>

namespace unknot::ui {

// QuickStart, Save, QuickRefine or CloseView (Cancel).
[[nodiscard]] Intent drawQuickSet(QuickSetViewState& state, const QuickSetSummary& summary, const Fonts& fonts);

} // namespace unknot::ui
