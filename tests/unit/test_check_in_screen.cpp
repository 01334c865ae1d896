// The check-in as a screen on a fake host: the intents a user gives, the voice asking each
// question once, and the screen closing itself when the questions are over; then its flow
// (before a routine, after it, on its own) and what it records.
#include "screens/check_in/check_in_flow.hpp"
#include "screens/check_in/check_in_screen.hpp"

#include "app_fakes.hpp"
#include "temp_dir.hpp"

#include <doctest/doctest.h>

using namespace unknot;
using ui::Action;
using ui::CheckInAction;
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

    CHECK(rig.screen->handle(Intent{CheckInAction::Digit, 0, 4}));
    CHECK(rig.screen->model().score() == 4);
    CHECK_FALSE(rig.screen->handle(Intent{Action::ToggleFullscreen})); // the app's, not the screen's
    CHECK(rig.screen->handle(Intent{CheckInAction::Next}));
    CHECK(rig.host.said.size() == 2); // the right heel, asked once
    CHECK(rig.screen->handle(Intent{CheckInAction::Up}));
    CHECK(rig.host.said.size() == 2);
    CHECK(rig.screen->handle(Intent{CheckInAction::Next}));

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
    CHECK(rig.screen->handle(Intent{CheckInAction::Note}));
    CHECK(rig.screen->holdsKeys());
    Intent text{CheckInAction::NoteText};
    text.text = "stiff \xF0\x9F\xA6\xB5";
    CHECK(rig.screen->handle(text));
    CHECK(rig.screen->handle(Intent{CheckInAction::NoteKeep}));
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
    CHECK(screen.handle(Intent{CheckInAction::Digit, 0, 2}));
    CHECK(host.said.size() == 1);
}

TEST_CASE("a check-in with no question is over at once") {
    Rig rig({});
    CHECK(rig.done.size() == 1);
    CHECK(rig.host.router.top() == Route::Library);
    CHECK(rig.host.said.empty());
}

// ---------------------------------------------------------------------------------------
// The flow: before a routine, after it, on its own
// ---------------------------------------------------------------------------------------
namespace {

struct FlowRig {
    test::TempDir dir;
    test::Host host;
    Library library;
    std::vector<std::string> playedNow;
    std::vector<bool> afterVoice; // each play waits for the last score said back
    CheckInFlow flow{host, [this](const LibraryEntry& e, bool wait) {
                         playedNow.push_back(e.id);
                         afterVoice.push_back(wait);
                     }};

    FlowRig() {
        dir.write("user/heel.toml", "name = \"Heel\"\ncheck_in = [\"heel\", \"knee\"]\n[[step]]\nkind = \"hold\"\n"
                                    "duration = \"5s\"\n");
        dir.write("user/plain.toml", "name = \"Plain\"\n[[step]]\nkind = \"hold\"\nduration = \"5s\"\n");
        library.scan(LibraryFolders{dir.path / "builtin", dir.path / "user", {}});
    }
    [[nodiscard]] const LibraryEntry& entry(const std::string& id) const {
        for (const auto& e : library.entries())
            if (e.id == id) return e;
        FAIL("no routine " << id);
        return library.entries().front();
    }
    [[nodiscard]] CheckInScreen* screen() const {
        return static_cast<CheckInScreen*>(host.router.opened(Route::CheckIn));
    }
    // Enter on every question (one not scored yet is given a 2), until the screen closes.
    void answerAll() {
        REQUIRE(screen());
        for (int i = 0; i < 10 && screen(); ++i) {
            if (!screen()->model().score()) screen()->handle(Intent{CheckInAction::Score, 0, 2});
            screen()->handle(Intent{CheckInAction::Next});
        }
        CHECK_FALSE(screen());
        host.router.sweep();
    }
};

} // namespace

TEST_CASE("the check-in flow asks before a routine, plays it once answered, and records with its session") {
    FlowRig rig;
    CHECK_FALSE(rig.flow.before(rig.entry("plain"))); // nothing to ask about: it plays at once
    CHECK(rig.host.router.top() == Route::Library);
    rig.host.current.checkInBefore = false;
    CHECK_FALSE(rig.flow.before(rig.entry("heel"))); // the settings ask only after
    rig.host.current.checkInBefore = true;
    REQUIRE(rig.flow.before(rig.entry("heel")));
    REQUIRE(rig.screen());
    CHECK(rig.screen()->title() == "Before: Heel");
    CHECK(rig.playedNow.empty());
    rig.screen()->handle(Intent{CheckInAction::Digit, 0, 3});
    rig.answerAll(); // left and right heel and knee
    CHECK(rig.playedNow == std::vector<std::string>{"heel"});
    CHECK(rig.host.sessions.checkIns.empty());            // the session has no id yet
    rig.host.sessions.records.push_back(HistoryRecord{}); // the session is recorded: id 1
    rig.flow.sessionRecorded();
    REQUIRE(rig.host.sessions.checkIns.size() == 4);
    CHECK(rig.host.sessions.checkIns[0].score == 3);
    CHECK(rig.host.sessions.checkIns[0].moment == CheckInMoment::Before);
    CHECK(rig.host.sessions.checkIns[0].sessionId == 1);
    rig.flow.sessionRecorded(); // recorded once
    CHECK(rig.host.sessions.checkIns.size() == 4);
}

TEST_CASE("the check-in flow: a routine that could not start keeps no answers, one that ran gets the after ones") {
    FlowRig rig;
    REQUIRE(rig.flow.before(rig.entry("heel")));
    rig.answerAll();
    CHECK(rig.playedNow.size() == 1);
    rig.flow.noSession();
    rig.flow.sessionRecorded();
    CHECK(rig.host.sessions.checkIns.empty());

    rig.flow.after({}, "Plain"); // no areas: nothing asked
    CHECK_FALSE(rig.screen());
    rig.host.sessions.records.push_back(HistoryRecord{});
    rig.flow.after({"heel"}, "Heel");
    REQUIRE(rig.screen());
    CHECK(rig.screen()->title() == "After: Heel");
    rig.answerAll();
    REQUIRE(rig.host.sessions.checkIns.size() == 2);
    CHECK(rig.host.sessions.checkIns[0].sessionId == 1);
    CHECK(rig.host.sessions.checkIns[0].moment == CheckInMoment::After);
}

TEST_CASE("the check-in flow on its own asks about every area the library names, once each, then says so") {
    FlowRig rig;
    int recorded = 0;
    rig.flow.standalone(rig.library.entries(), [&] { ++recorded; });
    REQUIRE(rig.screen());
    CHECK(rig.screen()->title() == "Check-in");
    CHECK(rig.screen()->model().count() == 4); // heel and knee, left and right
    rig.answerAll();
    CHECK(recorded == 1);
    REQUIRE(rig.host.sessions.checkIns.size() == 4);
    CHECK_FALSE(rig.host.sessions.checkIns[0].sessionId);
    CHECK(rig.host.sessions.checkIns[0].moment == CheckInMoment::Standalone);
    rig.flow.standalone({}, [&] { ++recorded; }); // no routine names an area: over at once
    CHECK(recorded == 2);
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

    CHECK(screen.handle(Intent{CheckInAction::Keep}));
    CHECK(host.reports.count("check-in kept index=0 score=4 from=last") == 1);
    CHECK(host.said.back() == "Left heel, 4, as last time. How does your right heel feel? 0 none, 10 worst.");

    CHECK(screen.handle(Intent{CheckInAction::Keep})); // nothing to keep: says what to do, asks nothing new
    CHECK(screen.model().index() == 1);
    CHECK(host.said.back() == "No score yet for your right heel. Type one and press Enter, or press Next to skip it.");
    CHECK(screen.handle(Intent{CheckInAction::Skip}));
    CHECK(host.reports.count("check-in skipped index=1") == 1);
    CHECK(host.said.back() == "Skipped. How does your left knee feel? 0 none, 10 worst.");

    CHECK(screen.handle(Intent{CheckInAction::Digit, 0, 7}));
    CHECK(screen.handle(Intent{CheckInAction::Next})); // typed and kept with Enter: said back
    CHECK(host.said.back() == "Left knee, 7. How does your right knee feel? 0 none, 10 worst.");
    CHECK_FALSE(screen.saidBackLast());

    CHECK(screen.handle(Intent{CheckInAction::Digit, 0, 2}));
    CHECK(screen.handle(Intent{CheckInAction::Keep})); // the remote keeps what is typed
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

TEST_CASE("the check-in flow: the scores given since are last time's, a routine waits for the last one said back") {
    FlowRig rig;
    REQUIRE(rig.flow.before(rig.entry("heel"), "Heel, again."));
    REQUIRE(rig.screen());
    CHECK(rig.host.said.front().rfind("Heel, again. How does your left heel feel?", 0) == 0);
    rig.answerAll(); // 2 for each, kept with Enter: the last one said back
    CHECK(rig.afterVoice == std::vector<bool>{true});
    REQUIRE(rig.flow.before(rig.entry("heel")));
    REQUIRE(rig.screen());
    CHECK(rig.screen()->model().lastScore() == 2); // not yet in the history: given since the app opened
    for (int i = 0; i < 4; ++i) rig.screen()->handle(Intent{CheckInAction::Keep}); // a remote's Play keeps last time's
    rig.host.router.sweep();
    CHECK_FALSE(rig.screen());
    CHECK(rig.host.said.back() == "Right knee, 2, as last time.");
    CHECK(rig.afterVoice == std::vector<bool>{true, true});
    REQUIRE(rig.flow.before(rig.entry("heel")));
    rig.screen()->handle(Intent{CheckInAction::SkipAll}); // Esc: nothing said back, no wait
    CHECK(rig.afterVoice == std::vector<bool>{true, true, false});
    rig.host.router.sweep();
}
