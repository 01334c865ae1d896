// The check-in as a screen on a fake host: the intents a user gives, the voice asking each
// question once, and the screen closing itself when the questions are over.
#include "screens/check_in/check_in_screen.hpp"

#include "app_fakes.hpp"

#include <doctest/doctest.h>

using namespace unknot;
using ui::Action;
using ui::Intent;

namespace {

struct Rig {
    test::Host host;
    std::vector<std::vector<CheckIn>> done; // the answers each time it was over
    CheckInScreen* screen = nullptr;

    explicit Rig(std::vector<std::string> areas, CheckInMoment moment = CheckInMoment::After) {
        auto s = std::make_unique<CheckInScreen>(host, areas, moment, "Calf set", [this](const CheckInModel& m) {
            done.push_back(m.answers(std::nullopt));
        });
        screen = s.get();
        host.open(std::move(s));
        screen->begin();
    }
};

} // namespace

TEST_CASE("a check-in screen: digits answer, Enter goes on, and it closes itself when over") {
    Rig rig({"heel"});
    CHECK(rig.host.router.top() == Route::CheckIn);
    CHECK(rig.host.router.topScreen() == rig.screen);
    CHECK(rig.screen->title() == "After: Calf set");
    CHECK(rig.screen->keyScreen() == ui::Screen::CheckIn);
    CHECK(rig.host.reports.count("screen check-in moment=after questions=2") == 1);
    CHECK(rig.host.said == std::vector<std::string>{"How does your left heel feel? 0 none, 10 worst."});

    CHECK(rig.screen->handle(Intent{Action::CheckInDigit, 0, 4}));
    CHECK(rig.screen->model().score() == 4);
    CHECK_FALSE(rig.screen->handle(Intent{Action::ToggleFullscreen})); // the app's, not the screen's
    CHECK(rig.screen->handle(Intent{Action::CheckInNext}));
    CHECK(rig.host.said.size() == 2); // the right heel, asked once
    CHECK(rig.screen->handle(Intent{Action::CheckInUp}));
    CHECK(rig.host.said.size() == 2);
    CHECK(rig.screen->handle(Intent{Action::CheckInNext}));

    // Over: the router closed it, yet it lives until swept (it was still handling the intent).
    CHECK(rig.host.router.top() == Route::Library);
    REQUIRE(rig.done.size() == 1);
    REQUIRE(rig.done[0].size() == 2);
    CHECK(rig.done[0][0].score == 4);
    CHECK(rig.done[0][0].at == rig.host.wall); // the host's clock, not the machine's
    CHECK(rig.done[0][1].score == 0);
    CHECK(rig.screen->model().done());
    rig.host.router.sweep();
}

TEST_CASE("a check-in screen's note holds the keys while it is open") {
    Rig rig({"knee"}, CheckInMoment::Standalone);
    CHECK(rig.screen->title() == "Check-in");
    CHECK_FALSE(rig.screen->holdsKeys());
    CHECK(rig.screen->handle(Intent{Action::CheckInNote}));
    CHECK(rig.screen->holdsKeys());
    Intent text{Action::CheckInNoteText};
    text.text = "stiff \xF0\x9F\xA6\xB5";
    CHECK(rig.screen->handle(text));
    CHECK(rig.screen->handle(Intent{Action::CheckInNoteKeep}));
    CHECK_FALSE(rig.screen->holdsKeys());
    CHECK(rig.screen->model().note() == "stiff \xF0\x9F\xA6\xB5");
    rig.screen->noteTyping(true);
    rig.screen->noteTyping(true);
    CHECK(rig.host.reports.count("check-in note typing=1") == 1); // logged when it changes only
}

TEST_CASE("a check-in with no voice says nothing and asks again once the voice is there") {
    test::Host host;
    host.voice = false;
    auto s = std::make_unique<CheckInScreen>(host, std::vector<std::string>{"heel"}, CheckInMoment::Before, "X",
                                             CheckInScreen::Done{});
    CheckInScreen& screen = *s;
    host.open(std::move(s));
    screen.begin();
    CHECK(host.said.empty());
    CHECK(host.reports.count("check-in said") == 0);
    host.voice = true;
    CHECK(screen.handle(Intent{Action::CheckInDigit, 0, 2}));
    CHECK(host.said.size() == 1);
}

TEST_CASE("a check-in with no question is over at once") {
    Rig rig({});
    CHECK(rig.done.size() == 1);
    CHECK(rig.host.router.top() == Route::Library);
    CHECK(rig.host.said.empty());
}

TEST_CASE("hands-free: Play keeps the last score and says it, Next skips, a typed score is said back") {
    test::Host host;
    std::vector<std::vector<CheckIn>> done;
    auto s = std::make_unique<CheckInScreen>(
        host, std::vector<std::string>{"heel", "knee"}, CheckInMoment::Before, "Calf set",
        [&](const CheckInModel& m) { done.push_back(m.answers(std::nullopt)); },
        std::vector<CheckIn>{{5, "heel", Side::Left, 4, CheckInMoment::After, 1, ""}});
    CheckInScreen& screen = *s;
    host.open(std::move(s));
    screen.begin("Calf set, again.");
    REQUIRE(host.said.size() == 1);
    CHECK(host.said[0] == "Calf set, again. How does your left heel feel? 0 none, 10 worst. Last time, 4.");

    CHECK(screen.handle(Intent{Action::CheckInKeep}));
    CHECK(host.reports.count("check-in kept index=0 score=4 from=last") == 1);
    CHECK(host.said.back() == "Left heel, 4, as last time. How does your right heel feel? 0 none, 10 worst.");

    CHECK(screen.handle(Intent{Action::CheckInKeep})); // nothing to keep: says what to do, asks nothing new
    CHECK(screen.model().index() == 1);
    CHECK(host.said.back() == "No score yet for your right heel. Type one and press Enter, or press Next to skip it.");
    CHECK(screen.handle(Intent{Action::CheckInSkip}));
    CHECK(host.reports.count("check-in skipped index=1") == 1);
    CHECK(host.said.back() == "Skipped. How does your left knee feel? 0 none, 10 worst.");

    CHECK(screen.handle(Intent{Action::CheckInDigit, 0, 7}));
    CHECK(screen.handle(Intent{Action::CheckInNext})); // typed and kept with Enter: said back
    CHECK(host.said.back() == "Left knee, 7. How does your right knee feel? 0 none, 10 worst.");
    CHECK_FALSE(screen.saidBackLast());

    CHECK(screen.handle(Intent{Action::CheckInDigit, 0, 2}));
    CHECK(screen.handle(Intent{Action::CheckInKeep})); // the remote keeps what is typed
    CHECK(host.reports.count("check-in kept index=3 score=2 from=shown") == 1);
    CHECK(host.said.back() == "Right knee, 2."); // the last one, alone
    CHECK(screen.saidBackLast());                // the routine may wait for it
    REQUIRE(done.size() == 1);
    REQUIRE(done[0].size() == 3);
    CHECK(done[0][0].score == 4);
    CHECK(done[0][1].area == "knee");
    CHECK(done[0][2].score == 2);
    host.router.sweep();
}
