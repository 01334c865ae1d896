#pragma once
// Draws the screen on top of the app's router with its view (the library under the settings
// panel), so the loop (desktop/gui_app.cpp) names no screen: a new screen is one case here. In
// unknot_views (it paints); what it decides is the screens'.

#include "app/app_controller.hpp"
#include "core/duration.hpp"
#include "screens/intent.hpp"
#include "ui/fonts.hpp"

#include <string>

namespace unknot {

// What only the loop knows of the frame.
struct LoopFrame {
    bool testMode = false;      // the end-to-end tests read what the views measured
    bool typing = false;        // a text field has the keyboard now (Dear ImGui says)
    bool soundAvailable = true; // a sound device is open
    std::string notice;         // the newest notice, one line
    std::string noticeLine;     // the same, as the library shows it (with how many there are)
    Millis sinceInputMs = 0;    // since the last key, click or mouse move
};

// The intent the user gave in the frame drawn.
[[nodiscard]] ui::Intent drawApp(AppController& app, const ui::Fonts& fonts, const LoopFrame& loop);

// Test mode: what the screens just drawn say of their frame ("test layout …", "test focus=…"),
// one line each, only what changed.
[[nodiscard]] std::string describeDrawn(AppController& app);

} // namespace unknot
