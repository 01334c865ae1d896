#include "screens/check_in/check_in_intent.hpp"
#include "screens/intent.hpp"

#include <doctest/doctest.h>

#include <string_view>
#include <utility>

using namespace unknot::ui;
using unknot::kWritableKinds;
using unknot::PhaseKind;

namespace {
Action on(Key key, Screen screen, bool ctrl = false, bool typing = false) {
    return intentForKey(key, KeyContext{screen, ctrl, typing}).action;
}
} // namespace

TEST_CASE("one key each in the player") {
    CHECK(on(Key::Space, Screen::Player) == Action::TogglePause);
    CHECK(on(Key::Right, Screen::Player) == Action::Skip);
    CHECK(on(Key::Left, Screen::Player) == Action::Back);
    CHECK(on(Key::Plus, Screen::Player) == Action::Extend);
    CHECK(on(Key::R, Screen::Player) == Action::Restart);
    CHECK(on(Key::Escape, Screen::Player) == Action::RequestExit);
    CHECK(on(Key::F, Screen::Player) == Action::ToggleFullscreen);
    CHECK(on(Key::F11, Screen::Player) == Action::ToggleFullscreen);
    CHECK(on(Key::M, Screen::Player) == Action::ToggleMute);
    CHECK(on(Key::Up, Screen::Player) == Action::VolumeUp);
    CHECK(on(Key::Down, Screen::Player) == Action::VolumeDown);
    CHECK(on(Key::Question, Screen::Player) == Action::ToggleHelp);
    CHECK(on(Key::Q, Screen::Player, true) == Action::Quit);
}

TEST_CASE("letters are text while typing but the list keys still work") {
    CHECK(on(Key::M, Screen::Library, false, true) == Action::None);
    CHECK(on(Key::Q, Screen::Library, false, true) == Action::None);
    CHECK(on(Key::Down, Screen::Library, false, true) == Action::SelectNext);
    CHECK(on(Key::Enter, Screen::Library, false, true) == Action::StartSelected);
    CHECK(on(Key::Q, Screen::Library) == Action::OpenQuickSet);
    CHECK(on(Key::N, Screen::Library) == Action::NewRoutine);
    CHECK(on(Key::H, Screen::Library) == Action::OpenHistory);
    CHECK(on(Key::Z, Screen::Library, true) == Action::UndoDelete);
    CHECK(on(Key::Delete, Screen::Library) == Action::DeleteSelected);
    CHECK(on(Key::Delete, Screen::Library, false, true) == Action::None); // deletes text instead
}

TEST_CASE("the editor: save even while typing / undo only outside text fields / Esc leaves") {
    CHECK(on(Key::S, Screen::Editor, true, true) == Action::Save);
    CHECK(on(Key::Z, Screen::Editor, true) == Action::Undo);
    CHECK(on(Key::Z, Screen::Editor, true, true) == Action::None); // the text field's own undo
    CHECK(on(Key::Y, Screen::Editor, true) == Action::Redo);
    CHECK(on(Key::Escape, Screen::Editor) == Action::CloseView);
    CHECK(on(Key::Space, Screen::Editor) == Action::None);
    // The step tree: Ctrl+arrows outside text fields; plain arrows are ImGui's (forms).
    CHECK(on(Key::Up, Screen::Editor, true) == Action::PreviousStep);
    CHECK(on(Key::Down, Screen::Editor, true) == Action::NextStep);
    CHECK(on(Key::Down, Screen::Editor, true, true) == Action::None);
    CHECK(on(Key::Down, Screen::Editor) == Action::None);
    CHECK(on(Key::E, Screen::Library) == Action::EditSelected);
    CHECK(on(Key::E, Screen::Library, false, true) == Action::None); // a letter of a search
    CHECK(on(Key::S, Screen::QuickSet, true) == Action::Save);
    CHECK(on(Key::Escape, Screen::History) == Action::CloseView);
    CHECK(on(Key::Enter, Screen::Finished) == Action::ToLibrary);
}

TEST_CASE("the help lists exactly the key table, and every row's key does what it says") {
    for (const Screen screen : {Screen::Library, Screen::Player, Screen::Finished}) {
        CAPTURE(static_cast<int>(screen));
        const auto rows = keyBindings(screen);
        REQUIRE_FALSE(rows.empty());
        CHECK(rows.front().label != nullptr); // a row without a label joins the one above
        for (const KeyBinding& b : rows) {
            if (b.key == Key::Other) continue; // a note ("type: search"), not a key
            CHECK(intentForKey(b.key, KeyContext{screen, b.ctrl, false}).action == b.action);
            CHECK((b.label == nullptr) == (b.help == nullptr));
        }
    }
    CHECK(keyBindings(Screen::Editor).empty());
}

TEST_CASE("while the settings panel is open only Esc and Ctrl+Q are keys") {
    KeyContext c{Screen::Settings};
    CHECK(intentForKey(Key::Escape, c).action == Action::CloseSettings);
    CHECK(intentForKey(Key::Enter, c).action == Action::None);
    CHECK(intentForKey(Key::S, c).action == Action::None);
    c.ctrl = true;
    CHECK(intentForKey(Key::Q, c).action == Action::Quit);
}

TEST_CASE("slash or Ctrl+F focuses the library's search, and inside it they are text") {
    CHECK(on(Key::Slash, Screen::Library) == Action::FocusSearch);
    CHECK(on(Key::F, Screen::Library, true) == Action::FocusSearch);
    CHECK(on(Key::F, Screen::Library) == Action::ToggleFullscreen);
    CHECK(on(Key::Slash, Screen::Library, false, true) == Action::None);
    for (Key letter : {Key::H, Key::Q, Key::N, Key::S, Key::M, Key::F, Key::R})
        CHECK(on(letter, Screen::Library, false, true) == Action::None); // typing "hamstring" opens nothing
}

TEST_CASE("the check-in's note line: N opens it, and while open only Enter and Esc are keys") {
    CHECK(on(Key::N, Screen::CheckIn) == CheckInAction::Note);
    CHECK(on(Key::Digit4, Screen::CheckIn) == CheckInAction::Digit);
    CHECK(on(Key::Enter, Screen::CheckIn) == CheckInAction::Next);
    CHECK(on(Key::Escape, Screen::CheckIn) == CheckInAction::SkipAll);
    const auto noteOpen = [](Key key, bool typing) {
        KeyContext c{Screen::CheckIn, false, typing};
        c.holdsKeys = true;
        return intentForKey(key, c).action;
    };
    for (bool typing : {false, true}) {
        CAPTURE(typing);
        CHECK(noteOpen(Key::Enter, typing) == CheckInAction::NoteKeep);
        CHECK(noteOpen(Key::Escape, typing) == CheckInAction::NoteDrop);
        for (Key k : {Key::Digit1, Key::Digit0, Key::Up, Key::Down, Key::N, Key::F, Key::Space, Key::Question})
            CHECK(noteOpen(k, typing) == Action::None);
    }
    // The field holding the keyboard alone (a frame before the app knows) is enough too.
    CHECK(on(Key::Digit7, Screen::CheckIn, false, true) == Action::None);
    CHECK(on(Key::Q, Screen::CheckIn, true, true) == Action::Quit);
}

namespace {
Intent alt(Key key, bool typing, bool shift = false, Screen screen = Screen::Editor, bool ctrl = false) {
    KeyContext c{screen, ctrl, typing};
    c.alt = true;
    c.shift = shift;
    return intentForKey(key, c);
}
} // namespace

TEST_CASE("the editor's step commands are Alt keys that work in a text field too") {
    using T = EditorAction::Type;
    const std::pair<Key, PhaseKind> adds[] = {
        {Key::T, PhaseKind::Tense}, {Key::R, PhaseKind::Release}, {Key::H, PhaseKind::Hold},  {Key::O, PhaseKind::Roll},
        {Key::E, PhaseKind::Rest},  {Key::P, PhaseKind::Prepare}, {Key::M, PhaseKind::Manual}};
    for (const bool typing : {false, true}) {
        CAPTURE(typing);
        for (const auto& [key, kind] : adds) {
            const Intent i = alt(key, typing);
            CHECK(i.action == Action::StepCommand);
            CHECK(i.edit.type == T::AddPhase);
            CHECK(i.edit.kind == kind);
        }
        const std::pair<Key, T> commands[] = {
            {Key::B, T::AddBlock},   {Key::D, T::Duplicate},   {Key::Delete, T::Remove},
            {Key::Up, T::MoveUp},    {Key::Down, T::MoveDown}, {Key::Right, T::MoveInto},
            {Key::Left, T::MoveOut}, {Key::K, T::CycleKind},   {Key::S, T::CycleSides}};
        for (const auto& [key, type] : commands) {
            CAPTURE(static_cast<int>(key));
            const Intent i = alt(key, typing);
            CHECK(i.action == Action::StepCommand);
            CHECK(i.edit.type == type);
            CHECK(i.edit.direction == +1);
        }
        // Shift turns the cycles back.
        CHECK(alt(Key::K, typing, true).edit.type == T::CycleKind);
        CHECK(alt(Key::K, typing, true).edit.direction == -1);
        CHECK(alt(Key::S, typing, true).edit.type == T::CycleSides);
        CHECK(alt(Key::S, typing, true).edit.direction == -1);
        CHECK(alt(Key::T, typing, true).action == Action::None); // Alt+Shift+T is nothing
        CHECK(alt(Key::Space, typing).action == Action::None);
    }
    // Without Alt the letters are the fields' text; the arrows and Delete are the fields' too.
    for (const Key key : {Key::T, Key::K, Key::S, Key::D, Key::Delete, Key::Up, Key::Left})
        CHECK(on(key, Screen::Editor, false, true) == Action::None);
    // Ctrl+Alt is not a step command (AltGr arrives as Ctrl+Alt on some systems); Ctrl+S still saves.
    CHECK(alt(Key::T, true, false, Screen::Editor, true).action == Action::None);
    CHECK(alt(Key::S, true, false, Screen::Editor, true).action == Action::Save);
    // Only in the editor: the quick set and the library know none of them.
    CHECK(alt(Key::T, true, false, Screen::QuickSet).action == Action::None);
    CHECK(alt(Key::D, false, false, Screen::Library).action == Action::None);
}

TEST_CASE("every step command has exactly one key, and its label names it") {
    using T = EditorAction::Type;
    for (const StepKey& k : stepKeys()) {
        CAPTURE(k.label);
        CHECK(std::string_view(k.label).starts_with(k.shift ? "Alt+Shift+" : "Alt+"));
        CHECK(std::string_view(stepKeyLabel(k.command, k.kind, k.direction)) == k.label);
        std::size_t same = 0;
        for (const StepKey& other : stepKeys()) same += other.key == k.key && other.shift == k.shift;
        CHECK(same == 1); // no key does two things
    }
    for (const PhaseKind kind : kWritableKinds) CHECK(std::string_view(stepKeyLabel(T::AddPhase, kind)) != "");
    CHECK(std::string_view(stepKeyLabel(T::Save)) == "");
}
