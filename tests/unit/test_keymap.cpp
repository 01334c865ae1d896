#include "ui/intent.hpp"

#include <doctest/doctest.h>

using namespace unknot::ui;

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
    KeyContext c{Screen::Library, false, false, true};
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
    CHECK(on(Key::N, Screen::CheckIn) == Action::CheckInNote);
    CHECK(on(Key::Digit4, Screen::CheckIn) == Action::CheckInDigit);
    CHECK(on(Key::Enter, Screen::CheckIn) == Action::CheckInNext);
    CHECK(on(Key::Escape, Screen::CheckIn) == Action::CheckInSkipAll);
    const auto noteOpen = [](Key key, bool typing) {
        KeyContext c{Screen::CheckIn, false, typing};
        c.noteOpen = true;
        return intentForKey(key, c).action;
    };
    for (bool typing : {false, true}) {
        CAPTURE(typing);
        CHECK(noteOpen(Key::Enter, typing) == Action::CheckInNoteKeep);
        CHECK(noteOpen(Key::Escape, typing) == Action::CheckInNoteDrop);
        for (Key k : {Key::Digit1, Key::Digit0, Key::Up, Key::Down, Key::N, Key::F, Key::Space, Key::Question})
            CHECK(noteOpen(k, typing) == Action::None);
    }
    // The field holding the keyboard alone (a frame before the app knows) is enough too.
    CHECK(on(Key::Digit7, Screen::CheckIn, false, true) == Action::None);
    CHECK(on(Key::Q, Screen::CheckIn, true, true) == Action::Quit);
}
