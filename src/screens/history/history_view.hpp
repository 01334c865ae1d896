#pragma once
// The history: past sessions, minutes per week as a chart, and the current streak.

#include "screens/history/history_state.hpp"
#include "screens/intent.hpp"
#include "store/history_db.hpp"
#include "store/user_files.hpp"
#include "ui/fonts.hpp"

#include <string>
#include <vector>

namespace unknot {
class HistoryScreen;
}

namespace unknot::ui {

// Where the history put its words, for test mode (the layout tests read them): each text's box
// in the window, and the texts given less room than their words take.
struct HistoryLayout {
    struct Box {
        std::string name;
        float x = 0, y = 0, w = 0, h = 0;
    };
    std::vector<Box> boxes;
    std::vector<std::string> cut;
};

// CloseView when the user closes it. `layout`, when given, hears where the texts went.
[[nodiscard]] Intent drawHistory(const HistoryModel& model, const Fonts& fonts, HistoryLayout* layout = nullptr);
// The screen's view; in test mode it tells the screen what it drew ("test history-layout …").
[[nodiscard]] Intent drawHistoryScreen(HistoryScreen& screen, const Fonts& fonts, bool testMode);

} // namespace unknot::ui
