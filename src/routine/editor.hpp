#pragma once
// The routine editor's state and operations, without any UI: every edit is undoable, the
// total and the phase count follow each edit, and problems are found by writing the routine
// and reading it back, so the editor's validation is exactly `unknot check`'s.

#include "core/diagnostic.hpp"
#include "core/i18n.hpp"
#include "routine/routine_writer.hpp"
#include "routine/timeline.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace unknot {

using StepPath = std::vector<std::size_t>;

// `step` as a phase of `kind`: a manual one has no duration, and one leaving manual gets 30 s.
[[nodiscard]] Step withKind(Step step, PhaseKind kind);

class Editor {
  public:
    // `saved`: the routine is as it is on disk (not dirty); false for a new, unsaved one.
    explicit Editor(Routine routine, bool saved = true);

    [[nodiscard]] const Routine& routine() const { return routine_; }
    [[nodiscard]] const Step* at(const StepPath& path) const;
    // The step beside `from` in the tree as drawn (the routine's own fields, {}, first; then each
    // step followed by those inside it): the one above for a negative `direction`, below for a
    // positive one. Stays at either end; a path that no longer exists starts over from the top.
    [[nodiscard]] StepPath stepBeside(const StepPath& from, int direction) const;

    // -- what the routine is now -------------------------------------------------------------
    [[nodiscard]] const Diagnostics& diagnostics() const { return diagnostics_; }
    // Problems of the step at `path` itself (not of steps inside it); routine-level ones for {}.
    [[nodiscard]] std::vector<std::string> problemsAt(const StepPath& path) const;
    // Those of one of its keys ("say", "check_in"), to show beside that key's field.
    [[nodiscard]] std::vector<std::string> problemsAt(const StepPath& path, std::string_view key) const;
    // Those of the step that none of `shownKeys` has: what no field shows.
    [[nodiscard]] std::vector<std::string> problemsBesides(const StepPath& path,
                                                           const std::vector<std::string_view>& shownKeys) const;
    [[nodiscard]] bool canPlay() const { return diagnostics_.empty(); }
    [[nodiscard]] Millis totalMs() const { return timeline_.totalMs; }
    [[nodiscard]] std::size_t phaseCount() const { return timeline_.size(); }
    [[nodiscard]] const Timeline& timeline() const { return timeline_; }
    [[nodiscard]] const std::string& text() const { return written_.text; }
    [[nodiscard]] bool dirty() const { return written_.text != savedText_; }
    void markSaved() { savedText_ = written_.text; }

    // -- edits ------------------------------------------------------------------------------
    // Field edits may carry a merge key: consecutive edits with the same key (keystrokes in
    // one text field) make one undo step.
    void setName(std::string name, std::string_view mergeKey = {});
    void setSummary(std::string summary, std::string_view mergeKey = {});
    void setNotes(std::string notes, std::string_view mergeKey = {});
    void setTags(std::vector<std::string> tags, std::string_view mergeKey = {});
    void setEquipment(std::vector<std::string> equipment, std::string_view mergeKey = {});
    void setCheckIn(std::vector<std::string> areas, std::string_view mergeKey = {});       // asked before and after
    void setStep(const StepPath& path, Step step, std::string_view mergeKey = {});         // its fields and children
    StepPath addPhase(const StepPath& parent, PhaseKind kind, Millis durationMs = 30'000); // appended
    StepPath addBlock(const StepPath& parent); // appended, holding one tense/release pair
    void remove(const StepPath& path);
    StepPath duplicate(const StepPath& path); // the copy follows the original
    StepPath moveUp(const StepPath& path);
    StepPath moveDown(const StepPath& path);
    StepPath moveInto(const StepPath& path); // into the block just above it, at its end
    StepPath moveOut(const StepPath& path);  // out of its block, just after it
    // Moves a step to another place (drag and drop): before the step at `target` in its list.
    StepPath moveTo(const StepPath& path, const StepPath& target);
    // By key: a phase's kind becomes the next (+1) or previous (-1) of kWritableKinds, round;
    // a step's sides the next or previous of sideChoices(). False when there is nothing to change.
    bool cycleKind(const StepPath& path, int direction);
    bool cycleSides(const StepPath& path, int direction);
    // Where the step commands add a step with `selected` chosen: into a chosen block, else
    // into the block the chosen step is in (the routine's top level for {}).
    [[nodiscard]] StepPath parentForAdding(const StepPath& selected) const;

    bool undo();
    bool redo();
    [[nodiscard]] bool canUndo() const { return !undo_.empty(); }
    [[nodiscard]] bool canRedo() const { return !redo_.empty(); }

  private:
    Routine routine_;
    std::vector<Routine> undo_;
    std::vector<Routine> redo_;
    std::string savedText_;
    std::string lastMergeKey_;
    WrittenRoutine written_;
    Diagnostics diagnostics_;
    Timeline timeline_;

    std::vector<Step>* siblings(const StepPath& path); // the list holding the step at `path`
    Step* mutableAt(const StepPath& path);
    void begin(std::string_view mergeKey = {}); // before an edit: remember for undo
    void refresh();                             // after an edit: write, read back, expand
};

// The quick form: "5 x tense 5 s / release 10 s, both sides".
struct QuickSet {
    // In the language of the moment the form opens (the routine becomes the user's own).
    std::string name = _("My interval set");
    PhaseKind first = PhaseKind::Tense;
    Millis firstMs = 5'000;
    std::optional<PhaseKind> second = PhaseKind::Release;
    Millis secondMs = 10'000;
    int repeats = 5;
    std::vector<Side> sides = {Side::Left, Side::Right};
    Millis switchMs = kDefaultSwitchMs;
    Millis restBetweenMs = 0;
    bool prepare = true;
    Millis prepareMs = 10'000;
    std::vector<std::string> checkIn; // areas asked about before and after ("heel")
    bool operator==(const QuickSet&) const = default;
};

[[nodiscard]] Routine makeQuickSet(const QuickSet& quick);

// "1.0" for {1, 0}; "-" for the routine's own fields ({}).
[[nodiscard]] std::string formatStepPath(const StepPath& path);

// A file-name id from a routine name: "Calf release, left!" -> "calf-release-left".
[[nodiscard]] std::string idFromName(std::string_view name);

} // namespace unknot
