#include "routine/editor.hpp"

#include "core/i18n.hpp"
#include "routine/playable.hpp"
#include "routine/routine_outline.hpp"

#include <algorithm>
#include <cassert>
#include <cctype>

namespace unknot {

namespace {
// Undo reaches this far back; each entry is a whole routine, a few kilobytes at most.
constexpr std::size_t kUndoDepth = 500;
} // namespace

Editor::Editor(Routine routine, bool saved) : routine_(std::move(routine)) {
    refresh();
    if (saved) savedText_ = written_.text;
}

void Editor::refresh() {
    PlayCheck check = checkPlayable(routine_);
    written_ = std::move(check.written);
    diagnostics_ = std::move(check.diagnostics);
    timeline_ = std::move(check.timeline);
}

void Editor::begin(std::string_view mergeKey) {
    const bool merge = !mergeKey.empty() && mergeKey == lastMergeKey_ && !undo_.empty();
    lastMergeKey_ = std::string(mergeKey);
    if (merge) return;
    undo_.push_back(routine_);
    if (undo_.size() > kUndoDepth) undo_.erase(undo_.begin());
    redo_.clear();
}

bool Editor::undo() {
    lastMergeKey_.clear();
    if (undo_.empty()) return false;
    redo_.push_back(std::move(routine_));
    routine_ = std::move(undo_.back());
    undo_.pop_back();
    refresh();
    return true;
}

bool Editor::redo() {
    lastMergeKey_.clear();
    if (redo_.empty()) return false;
    undo_.push_back(std::move(routine_));
    routine_ = std::move(redo_.back());
    redo_.pop_back();
    refresh();
    return true;
}

std::vector<std::string> Editor::problemsAt(const StepPath& path) const {
    std::vector<std::string> out;
    for (const auto& d : diagnostics_)
        if (stepAtLine(written_, d.line) == path) out.push_back(d.message);
    return out;
}

std::vector<std::string> Editor::problemsAt(const StepPath& path, std::string_view key) const {
    std::vector<std::string> out;
    for (const auto& d : diagnostics_) {
        const KeySpot* spot = keyAt(written_, d.line, d.column);
        if (spot && spot->key == key && spot->path == path) out.push_back(d.message);
    }
    return out;
}

std::vector<std::string> Editor::problemsBesides(const StepPath& path,
                                                 const std::vector<std::string_view>& shownKeys) const {
    std::vector<std::string> out;
    for (const auto& d : diagnostics_) {
        if (stepAtLine(written_, d.line) != path) continue;
        const KeySpot* spot = keyAt(written_, d.line, d.column);
        if (!spot || spot->path != path || std::find(shownKeys.begin(), shownKeys.end(), spot->key) == shownKeys.end())
            out.push_back(d.message);
    }
    return out;
}

const Step* Editor::at(const StepPath& path) const {
    const std::vector<Step>* list = &routine_.steps;
    const Step* step = nullptr;
    for (std::size_t i : path) {
        if (i >= list->size()) return nullptr;
        step = &(*list)[i];
        list = &step->children;
    }
    return step;
}

Step* Editor::mutableAt(const StepPath& path) { return const_cast<Step*>(at(path)); }

namespace {
void collectPaths(const std::vector<Step>& steps, StepPath& path, std::vector<StepPath>& out) {
    for (std::size_t i = 0; i < steps.size(); ++i) {
        path.push_back(i);
        out.push_back(path);
        collectPaths(steps[i].children, path, out);
        path.pop_back();
    }
}
} // namespace

StepPath Editor::stepBeside(const StepPath& from, int direction) const {
    std::vector<StepPath> order{StepPath{}};
    StepPath path;
    collectPaths(routine_.steps, path, order);
    const auto it = std::find(order.begin(), order.end(), from);
    const std::size_t here = it == order.end() ? 0 : static_cast<std::size_t>(it - order.begin());
    if (direction < 0) return order[here == 0 ? 0 : here - 1];
    if (direction > 0) return order[std::min(here + 1, order.size() - 1)];
    return order[here];
}

std::string formatStepPath(const StepPath& path) {
    if (path.empty()) return "-";
    std::string out;
    for (std::size_t i : path) out += (out.empty() ? "" : ".") + std::to_string(i);
    return out;
}

std::vector<Step>* Editor::siblings(const StepPath& path) {
    if (path.empty()) return nullptr;
    if (path.size() == 1) return &routine_.steps;
    Step* parent = mutableAt(StepPath(path.begin(), path.end() - 1));
    return parent ? &parent->children : nullptr;
}

void Editor::setName(std::string name, std::string_view mergeKey) {
    if (name == routine_.name) return;
    begin(mergeKey);
    routine_.name = std::move(name);
    refresh();
}
void Editor::setSummary(std::string summary, std::string_view mergeKey) {
    if (summary == routine_.summary) return;
    begin(mergeKey);
    routine_.summary = std::move(summary);
    refresh();
}
void Editor::setNotes(std::string notes, std::string_view mergeKey) {
    if (notes == routine_.notes) return;
    begin(mergeKey);
    routine_.notes = std::move(notes);
    refresh();
}
void Editor::setTags(std::vector<std::string> tags, std::string_view mergeKey) {
    if (tags == routine_.tags) return;
    begin(mergeKey);
    routine_.tags = std::move(tags);
    refresh();
}
void Editor::setEquipment(std::vector<std::string> equipment, std::string_view mergeKey) {
    if (equipment == routine_.equipment) return;
    begin(mergeKey);
    routine_.equipment = std::move(equipment);
    refresh();
}

void Editor::setCheckIn(std::vector<std::string> areas, std::string_view mergeKey) {
    if (areas == routine_.checkIn) return;
    begin(mergeKey);
    routine_.checkIn = std::move(areas);
    refresh();
}

void Editor::setStep(const StepPath& path, Step step, std::string_view mergeKey) {
    Step* target = mutableAt(path);
    if (!target) return;
    begin(mergeKey);
    *target = std::move(step);
    refresh();
}

Step withKind(Step step, PhaseKind kind) {
    step.kind = kind;
    if (kind == PhaseKind::Manual)
        step.durationMs = 0;
    else if (step.durationMs == 0)
        step.durationMs = 30'000;
    return step;
}

namespace {
// The index one step from `i` in `direction` among `n`, round.
std::size_t nextRound(std::ptrdiff_t i, int direction, std::size_t n) {
    const auto count = static_cast<std::ptrdiff_t>(n);
    return static_cast<std::size_t>(((i + (direction > 0 ? 1 : -1)) % count + count) % count);
}
} // namespace

bool Editor::cycleKind(const StepPath& path, int direction) {
    const Step* s = at(path);
    if (!s || !s->kind || direction == 0) return false;
    const auto found = std::find(kWritableKinds.begin(), kWritableKinds.end(), *s->kind);
    const std::ptrdiff_t i = found == kWritableKinds.end() ? 0 : found - kWritableKinds.begin();
    setStep(path, withKind(*s, kWritableKinds[nextRound(i, direction, kWritableKinds.size())]));
    return true;
}

bool Editor::cycleSides(const StepPath& path, int direction) {
    const Step* s = at(path);
    if (!s || direction == 0) return false;
    const auto& choices = sideChoices();
    const auto found =
        std::find_if(choices.begin(), choices.end(), [&](const SideChoice& c) { return c.sides == s->sides; });
    const std::ptrdiff_t i = found == choices.end() ? 0 : found - choices.begin();
    Step changed = *s;
    changed.sides = choices[nextRound(i, direction, choices.size())].sides;
    setStep(path, std::move(changed));
    return true;
}

StepPath Editor::parentForAdding(const StepPath& selected) const {
    const Step* s = selected.empty() ? nullptr : at(selected);
    if (s && s->isBlock()) return selected;
    if (selected.size() > 1) return StepPath(selected.begin(), selected.end() - 1);
    return {};
}

StepPath Editor::addPhase(const StepPath& parent, PhaseKind kind, Millis durationMs) {
    std::vector<Step>* list =
        parent.empty() ? &routine_.steps : (mutableAt(parent) ? &mutableAt(parent)->children : nullptr);
    if (!list) return {};
    begin();
    list = parent.empty() ? &routine_.steps : &mutableAt(parent)->children;
    Step s;
    s.kind = kind;
    s.durationMs = kind == PhaseKind::Manual ? 0 : durationMs;
    list->push_back(std::move(s));
    StepPath out = parent;
    out.push_back(list->size() - 1);
    refresh();
    return out;
}

StepPath Editor::addBlock(const StepPath& parent) {
    if (!parent.empty() && !at(parent)) return {};
    begin();
    std::vector<Step>* list = parent.empty() ? &routine_.steps : &mutableAt(parent)->children;
    Step block;
    // The label a new block starts with, in the user's language (the routine is theirs).
    block.label = _("Block");
    block.repeat = 3;
    Step tense;
    tense.kind = PhaseKind::Tense;
    tense.durationMs = 5'000;
    Step release;
    release.kind = PhaseKind::Release;
    release.durationMs = 10'000;
    block.children = {tense, release};
    list->push_back(std::move(block));
    StepPath out = parent;
    out.push_back(list->size() - 1);
    refresh();
    return out;
}

void Editor::remove(const StepPath& path) {
    std::vector<Step>* list = siblings(path);
    if (!list || path.back() >= list->size()) return;
    begin();
    list = siblings(path);
    list->erase(list->begin() + static_cast<std::ptrdiff_t>(path.back()));
    refresh();
}

StepPath Editor::duplicate(const StepPath& path) {
    std::vector<Step>* list = siblings(path);
    if (!list || path.back() >= list->size()) return path;
    begin();
    list = siblings(path);
    const Step copy = (*list)[path.back()];
    list->insert(list->begin() + static_cast<std::ptrdiff_t>(path.back() + 1), copy);
    refresh();
    StepPath out = path;
    ++out.back();
    return out;
}

StepPath Editor::moveUp(const StepPath& path) {
    std::vector<Step>* list = siblings(path);
    if (!list || path.back() == 0 || path.back() >= list->size()) return path;
    begin();
    list = siblings(path);
    std::swap((*list)[path.back()], (*list)[path.back() - 1]);
    refresh();
    StepPath out = path;
    --out.back();
    return out;
}

StepPath Editor::moveDown(const StepPath& path) {
    std::vector<Step>* list = siblings(path);
    if (!list || path.back() + 1 >= list->size()) return path;
    begin();
    list = siblings(path);
    std::swap((*list)[path.back()], (*list)[path.back() + 1]);
    refresh();
    StepPath out = path;
    ++out.back();
    return out;
}

StepPath Editor::moveInto(const StepPath& path) {
    std::vector<Step>* list = siblings(path);
    if (!list || path.back() == 0 || path.back() >= list->size()) return path;
    if (!(*list)[path.back() - 1].isBlock()) return path;
    begin();
    list = siblings(path);
    Step moving = std::move((*list)[path.back()]);
    list->erase(list->begin() + static_cast<std::ptrdiff_t>(path.back()));
    Step& block = (*list)[path.back() - 1];
    block.children.push_back(std::move(moving));
    StepPath out = path;
    --out.back();
    out.push_back(block.children.size() - 1);
    refresh();
    return out;
}

StepPath Editor::moveOut(const StepPath& path) {
    // One copy, made before any size check, is both the unchanged answer and the new path:
    // GCC 14 at -O3 turns "size() < 2" into a false -Warray-bounds (then -Wstringop-overflow)
    // on any later copy of a path it knows to be that short.
    StepPath out = path;
    if (out.size() < 2) return out;
    std::vector<Step>* list = siblings(path);
    if (!list || path.back() >= list->size()) return out;
    begin();
    list = siblings(path);
    Step moving = std::move((*list)[path.back()]);
    list->erase(list->begin() + static_cast<std::ptrdiff_t>(path.back()));
    out.pop_back(); // the enclosing block; the step goes right after it
    std::vector<Step>* outer = siblings(out);
    outer->insert(outer->begin() + static_cast<std::ptrdiff_t>(out.back() + 1), std::move(moving));
    ++out.back();
    refresh();
    return out;
}

StepPath Editor::moveTo(const StepPath& path, const StepPath& target) {
    if (path.empty() || !at(path) || path == target) return path;
    // A step cannot go inside itself.
    if (target.size() > path.size() && std::equal(path.begin(), path.end(), target.begin())) return path;
    const StepPath targetParent(target.begin(), target.end() - 1);
    if (!targetParent.empty() && (!at(targetParent) || at(targetParent)->isPhase())) return path;
    begin();
    Step moving = *at(path);
    // Insert first, then erase the original: paths before the insertion point stay valid.
    std::vector<Step>* destination = targetParent.empty() ? &routine_.steps : &mutableAt(targetParent)->children;
    const std::size_t index = std::min(target.back(), destination->size());
    destination->insert(destination->begin() + static_cast<std::ptrdiff_t>(index), std::move(moving));
    StepPath inserted = targetParent;
    inserted.push_back(index);
    // The original moved one place on if it sat in the same list at or after the insertion.
    StepPath original = path;
    const std::size_t depth = targetParent.size();
    if (original.size() > depth && std::equal(targetParent.begin(), targetParent.end(), original.begin()) &&
        original[depth] >= index)
        ++original[depth];
    std::vector<Step>* from = siblings(original);
    from->erase(from->begin() + static_cast<std::ptrdiff_t>(original.back()));
    // And the inserted step moved back one if the removed one sat before it in its list.
    const std::size_t odepth = original.size() - 1;
    if (inserted.size() > odepth && std::equal(original.begin(), original.end() - 1, inserted.begin()) &&
        original.back() < inserted[odepth])
        --inserted[odepth];
    refresh();
    return inserted;
}

Routine makeQuickSet(const QuickSet& q) {
    Routine r;
    r.name = q.name.empty() ? _("My interval set") : q.name;
    // "5 × hold 30 s / rest 10 s, both sides", in the user's language (the routine is theirs).
    std::string phases = std::string(kindWord(q.first)) + " " + formatHuman(q.firstMs);
    if (q.second) phases += " / " + std::string(kindWord(*q.second)) + " " + formatHuman(q.secondMs);
    // TRANSLATORS: a quick set's summary: {0} how many rounds, {1} its phases ("hold 30 s / rest 10 s").
    r.summary = format(_("{0} \xC3\x97 {1}"), {std::to_string(q.repeats), phases});
    if (q.sides.size() == 2)
        // TRANSLATORS: a quick set's summary, {0} as "5 × hold 30 s", done on each side.
        r.summary = format(_("{0}, both sides"), {r.summary});
    else if (q.sides.size() == 1)
        // TRANSLATORS: a quick set's summary, {0} as "5 × hold 30 s", done on one side.
        r.summary = format(q.sides[0] == Side::Left ? _("{0}, left side") : _("{0}, right side"), {r.summary});
    r.tags = {"custom"};
    r.checkIn = q.checkIn;
    if (q.prepare) {
        Step p;
        p.kind = PhaseKind::Prepare;
        p.durationMs = q.prepareMs;
        p.label = _("Get into position");
        r.steps.push_back(p);
    }
    Step block;
    // TRANSLATORS: the label of a quick set's repeated block (a set of exercises).
    block.label = C_("quick set", "Set");
    block.repeat = q.repeats;
    block.sides = q.sides;
    block.switchMs = q.switchMs;
    block.restBetweenMs = q.restBetweenMs;
    Step first;
    first.kind = q.first;
    first.durationMs = q.first == PhaseKind::Manual ? 0 : q.firstMs;
    block.children.push_back(first);
    if (q.second) {
        Step second;
        second.kind = *q.second;
        second.durationMs = *q.second == PhaseKind::Manual ? 0 : q.secondMs;
        block.children.push_back(second);
    }
    r.steps.push_back(std::move(block));
    return r;
}

std::string idFromName(std::string_view name) {
    std::string id;
    for (char c : name) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u))
            id += static_cast<char>(std::tolower(u));
        else if (!id.empty() && id.back() != '-')
            id += '-';
    }
    while (!id.empty() && id.back() == '-') id.pop_back();
    if (id.size() > 60) id.resize(60);
    return id.empty() ? "routine" : id;
}

} // namespace unknot
