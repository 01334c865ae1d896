#include "app/app_view.hpp"

#include "screens/editor/editor_view.hpp"
#include "screens/history/history_view.hpp"
#include "screens/library/library_view.hpp"
#include "screens/notices/notices_view.hpp"
#include "screens/player/player_model.hpp"
#include "screens/player/player_view.hpp"
#include "screens/quick_set/quick_set_view.hpp"
#include "screens/route_views.hpp"
#include "screens/settings/settings_view.hpp"

namespace unknot {

namespace {
ui::Intent drawLibrary(AppController& app, const ui::Fonts& fonts, const LoopFrame& loop) {
    return ui::drawLibraryScreen(app.libraryScreen(), loop.noticeLine, app.showHelp(), fonts, loop.testMode);
}
} // namespace

ui::Intent drawApp(AppController& app, const ui::Fonts& fonts, const LoopFrame& loop) {
    switch (app.router().top()) {
    case Route::Library: return drawLibrary(app, fonts, loop);
    case Route::Settings: // over the library, which takes no intent while the panel shows
        (void)drawLibrary(app, fonts, loop);
        return ui::drawSettings(app.settingsScreen()->panel(), fonts, loop.soundAvailable);
    case Route::Player:
        return ui::drawPlayerScreen(*app.playerScreen(),
                                    playerFrame(app.player(), app.settings(),
                                                {app.showHelp(), loop.soundAvailable, loop.notice, loop.sinceInputMs}),
                                    fonts, loop.testMode);
    case Route::Editor: {
        EditorScreen& editor = *app.editorScreen();
        return ui::drawEditor(editor.view(), editor.editor(), fonts);
    }
    case Route::QuickSet: {
        QuickSetScreen& quickSet = *app.quickSetScreen();
        return ui::drawQuickSet(quickSet.model().form(), quickSet.model().summary(), fonts);
    }
    case Route::History: return ui::drawHistoryScreen(*app.historyScreen(), fonts, loop.testMode);
    case Route::Notices: return ui::drawNoticesScreen(*app.noticesScreen(), fonts, loop.testMode);
    default: break; // the screens drawn from their Screen alone (the router's list)
    }
    Screen* top = app.topScreen();
    return top ? drawRoute(*top, fonts, RouteFrame{loop.typing}) : ui::Intent{};
}

std::string describeDrawn(AppController& app) {
    std::string lines;
    if (Screen* top = app.topScreen()) top->describe(lines);
    if (app.router().top() == Route::Settings) app.libraryScreen().describe(lines); // drawn under it
    return lines;
}

} // namespace unknot
