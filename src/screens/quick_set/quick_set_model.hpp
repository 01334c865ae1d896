#pragma once
// The quick set form's model: the routine it makes, checked once per change (not once per
// frame), and whether it may start or be saved. It may not while a field holds text that is
// not a duration (the old value must not play silently in its place) or while the routine
// could not play (checkPlayable: a 0 s or a 99,999 s phase, too many phases…).

#include "routine/playable.hpp"
#include "screens/quick_set/quick_set_state.hpp"
#include "store/library.hpp"

#include <optional>

namespace unknot {

class QuickSetModel {
  public:
    QuickSetModel() { refresh(); }

    // What the view edits, and what it shows.
    [[nodiscard]] ui::QuickSetViewState& form() { return form_; }
    [[nodiscard]] const ui::QuickSetSummary& summary() const { return summary_; }
    // After the view drew: checks the routine again when the form changed.
    void refresh();

    [[nodiscard]] bool canStart() const { return summary_.canStart; }
    [[nodiscard]] Routine routine() const { return makeQuickSet(form_.quick); }
    // The routine ready to play, when it can.
    [[nodiscard]] std::optional<LibraryEntry> entry() const;

  private:
    ui::QuickSetViewState form_;
    std::optional<QuickSet> checked_;
    std::map<std::string, std::string> checkedErrors_;
    PlayCheck check_;
    ui::QuickSetSummary summary_;
};

} // namespace unknot
