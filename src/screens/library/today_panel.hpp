#pragma once
// What the Today panel shows at the top of the library while a program runs: plain data the
// TodayModel works out and the view paints (no ImGui here).

#include <string>
#include <vector>

namespace unknot::ui {

struct TodayRow {
    std::string id;
    std::string name;   // the routine's name, or its id when the library has no such routine
    std::string length; // "13:06"; empty when unknown
    bool done = false;  // played to the end today
    bool next = false;  // the first one due and not done: what Enter starts
};

struct TodayPanel {
    bool show = false; // a program is running
    std::string title; // "Today · Plantar fasciitis: 12 weeks"
    std::string stage; // "stage 2 of 3 · week 3 of 12"
    std::vector<TodayRow> rows;
    std::string nothing;  // "Nothing due today." / "The program is complete." when there are no rows
    std::string decision; // the last decision's reason: "week 2: your left heel was 1 point better…"
    std::string trend;    // "left heel: 6.0 → 5.0 over 2 weeks · right heel: …"
    std::string problem;  // why the program cannot be followed, when it cannot
    bool ran = false;     // "I ran today" was said
};

// One line of the panel for the test log: "stage=… due=id+,id- ran=0".
[[nodiscard]] std::string describePanel(const TodayPanel& panel);

} // namespace unknot::ui
