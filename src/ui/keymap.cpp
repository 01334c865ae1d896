#include "ui/intent.hpp"

namespace unknot::ui {

Intent intentForKey(Key key, const KeyContext& c) {
    if (c.ctrl && key == Key::Q) return {Action::Quit};
    if (c.settingsOpen) return key == Key::Escape ? Intent{Action::CloseSettings} : Intent{};
    if (key == Key::F11) return {Action::ToggleFullscreen};
    const bool editing = c.screen == Screen::Editor || c.screen == Screen::QuickSet;
    if (editing && c.ctrl && key == Key::S) return {Action::Save};
    if (c.screen == Screen::Editor && !c.typing && c.ctrl && key == Key::Z) return {Action::Undo};
    if (c.screen == Screen::Editor && !c.typing && c.ctrl && key == Key::Y) return {Action::Redo};
    if (c.screen == Screen::Library && !c.typing && c.ctrl && key == Key::Z) return {Action::UndoDelete};
    if ((editing || c.screen == Screen::History) && key == Key::Escape) return {Action::CloseView};
    if (editing || c.screen == Screen::History) return {};
    if (c.typing) {
        // Keys that make sense inside the search box too; letters are the user's text.
        switch (key) {
        case Key::Up: return {Action::SelectPrevious};
        case Key::Down: return {Action::SelectNext};
        case Key::Enter: return {Action::StartSelected};
        default: return {};
        }
    }
    switch (c.screen) {
    case Screen::Library:
        switch (key) {
        case Key::Up: return {Action::SelectPrevious};
        case Key::Down: return {Action::SelectNext};
        case Key::Enter: return {Action::StartSelected};
        case Key::F: return {Action::ToggleFullscreen};
        case Key::M: return {Action::ToggleMute};
        case Key::S: return {Action::OpenSettings};
        case Key::N: return {Action::NewRoutine};
        case Key::Q: return {Action::OpenQuickSet};
        case Key::H: return {Action::OpenHistory};
        case Key::Delete: return {Action::DeleteSelected};
        case Key::Question: return {Action::ToggleHelp};
        default: return {};
        }
    case Screen::Editor:
    case Screen::QuickSet:
    case Screen::History: return {};
    case Screen::Player:
        switch (key) {
        case Key::Space: return {Action::TogglePause};
        case Key::Right: return {Action::Skip};
        case Key::Left: return {Action::Back};
        case Key::Plus: return {Action::Extend};
        case Key::R: return {Action::Restart};
        case Key::Escape: return {Action::RequestExit};
        case Key::F: return {Action::ToggleFullscreen};
        case Key::M: return {Action::ToggleMute};
        case Key::Up: return {Action::VolumeUp};
        case Key::Down: return {Action::VolumeDown};
        case Key::Question: return {Action::ToggleHelp};
        default: return {};
        }
    case Screen::Finished:
        switch (key) {
        case Key::Enter:
        case Key::Escape:
        case Key::Space: return {Action::ToLibrary};
        case Key::R: return {Action::Restart};
        case Key::F: return {Action::ToggleFullscreen};
        case Key::M: return {Action::ToggleMute};
        case Key::Question: return {Action::ToggleHelp};
        default: return {};
        }
    }
    return {};
}

} // namespace unknot::ui
