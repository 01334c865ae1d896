#include "screens/quick_set/quick_set_screen.hpp"

namespace unknot {

void QuickSetScreen::begin() { host_.reporter().logf("screen quick-set"); }

bool QuickSetScreen::handle(const ui::Intent& intent) {
    using ui::Action;
    switch (intent.action) {
    case Action::CloseView: command(Command::Cancel); return true;
    case Action::Save: command(Command::Save); return true;
    case Action::QuickStart: command(Command::Start); return true;
    case Action::QuickRefine: command(Command::Refine); return true;
    default: return false;
    }
}

void QuickSetScreen::command(Command command) {
    using C = Command;
    model_.refresh(); // what the view changed this frame
    // Start and Save only with a routine that can play, made of what the fields say.
    if ((command == C::Start || command == C::Save) && !model_.canStart()) {
        host_.reporter().logf("quick-set refused problems=%zu", model_.summary().problems.size());
        return;
    }
    switch (command) {
    case C::Cancel:
        host_.close(Route::QuickSet);
        host_.reporter().logf("screen library");
        break;
    case C::Start: {
        const LibraryEntry e = *model_.entry();
        host_.close(Route::QuickSet);
        host_.play(e);
        break;
    }
    case C::Refine:
    case C::Save:
        host_.close(Route::QuickSet); // this screen lives on until the intent is handled
        host_.openEditor(model_.routine(), command == C::Save);
        break;
    }
}

} // namespace unknot
