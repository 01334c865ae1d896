#include "screens/check_in/check_in_model.hpp"

#include <doctest/doctest.h>

using namespace unknot;

TEST_CASE("a check-in asks left then right for each area and keeps what Enter confirmed") {
    CheckInModel m({"heel", "knee"}, CheckInMoment::Before);
    REQUIRE(m.count() == 4);
    CHECK(m.question() == "How does your left heel feel?");
    CHECK_FALSE(m.score());
    m.digit(4);
    CHECK(m.score() == 4);
    m.digit(6); // another digit replaces it
    CHECK(m.score() == 6);
    m.next(100);
    CHECK(m.question() == "How does your right heel feel?");
    CHECK_FALSE(m.score()); // each question starts unanswered
    m.next(101);            // Enter without a score: no answer
    CHECK(m.question() == "How does your left knee feel?");
    m.digit(1);
    m.digit(0); // 1 then 0 is 10
    CHECK(m.score() == 10);
    m.up(); // never past 10
    CHECK(m.score() == 10);
    m.next(102);
    m.down(); // from nothing: 0
    CHECK(m.score() == 0);
    m.down();
    CHECK(m.score() == 0);
    m.up();
    m.up();
    CHECK(m.score() == 2);
    m.next(103);
    CHECK(m.done());
    CHECK(m.question().empty());
    m.digit(3); // nothing to answer any more
    m.next(104);
    const auto a = m.answers(7);
    REQUIRE(a.size() == 3);
    CHECK((a[0].area == "heel" && a[0].side == Side::Left && a[0].score == 6 && a[0].at == 100));
    CHECK((a[1].area == "knee" && a[1].side == Side::Left && a[1].score == 10));
    CHECK((a[2].side == Side::Right && a[2].score == 2 && a[2].at == 103));
    for (const auto& c : a) {
        CHECK(c.moment == CheckInMoment::Before);
        CHECK(c.sessionId == 7);
        CHECK_FALSE(checkInProblem(c));
    }
}

TEST_CASE("Esc skips every question left, and a score not confirmed is not kept") {
    CheckInModel m({"heel"}, CheckInMoment::After);
    m.digit(3);
    m.next(10);
    m.digit(8); // typed but not confirmed
    m.skipAll();
    CHECK(m.done());
    const auto a = m.answers(1);
    REQUIRE(a.size() == 1);
    CHECK(a[0].score == 3);
    CHECK(a[0].moment == CheckInMoment::After);
}

TEST_CASE("a standalone check-in belongs to no session, and clicks are clamped") {
    CheckInModel m({"heel"}, CheckInMoment::Standalone);
    m.setScore(14);
    CHECK(m.score() == 10);
    m.setScore(-2);
    CHECK(m.score() == 0);
    m.next(5);
    m.skipAll();
    REQUIRE(m.answers(9).size() == 1);
    CHECK_FALSE(m.answers(9)[0].sessionId);
    CHECK(CheckInModel({}, CheckInMoment::Before).done());
}

TEST_CASE("a note typed for a question is kept exactly as typed with its answer, and digits in it are text") {
    CheckInModel m({"heel"}, CheckInMoment::Before);
    m.digit(4);
    m.openNote();
    REQUIRE(m.noteOpen());
    CHECK(m.noteDraft().empty());
    // While the note line is open, digits and arrows are the note's text, never the score.
    m.digit(7);
    m.up();
    m.down();
    CHECK(m.score() == 4);
    const std::string typed = "  Stiff 1st steps, caf\xC3\xA9 \xF0\x9F\x98\xAC  "; // spaces, accents, an emoji
    m.setNoteDraft(typed);
    CHECK(m.noteDraft() == typed);
    CHECK(m.note().empty()); // not kept before Enter
    REQUIRE(m.keepNote());
    CHECK_FALSE(m.noteOpen());
    CHECK(m.note() == typed);
    m.digit(5); // the line is closed: digits score again
    CHECK(m.score() == 5);
    m.next(100);
    CHECK(m.note().empty()); // the next question has its own note
    m.digit(2);
    m.next(101);
    const auto a = m.answers(3);
    REQUIRE(a.size() == 2);
    CHECK(a[0].note == typed);
    CHECK(a[1].note.empty());
    CHECK_FALSE(checkInProblem(a[0]));
}

TEST_CASE("Esc in the note line drops the draft and keeps the note as it was") {
    CheckInModel m({"knee"}, CheckInMoment::Standalone);
    m.setScore(3);
    m.openNote();
    m.setNoteDraft("first");
    REQUIRE(m.keepNote());
    m.openNote();
    CHECK(m.noteDraft() == "first"); // opens with the note so far, to change it
    m.setNoteDraft("second thoughts");
    m.dropNote();
    CHECK_FALSE(m.noteOpen());
    CHECK(m.note() == "first");
    m.setNoteDraft("ignored"); // nothing is open
    CHECK(m.note() == "first");
    m.next(9);
    m.skipAll();
    REQUIRE(m.answers(std::nullopt).size() == 1);
    CHECK(m.answers(std::nullopt)[0].note == "first");
}

TEST_CASE("a note over the limit is not kept and says why, and Next with the line open keeps a fitting one") {
    CheckInModel m({"heel"}, CheckInMoment::After);
    m.digit(6);
    m.openNote();
    m.setNoteDraft(std::string(kMaxNoteBytes + 1, 'x'));
    REQUIRE(m.noteProblem());
    CHECK(m.noteProblem()->find("too long: 1001 bytes, at most 1000") != std::string::npos);
    CHECK_FALSE(m.keepNote());
    CHECK(m.noteOpen()); // still open: nothing typed is lost
    m.next(50);          // "Next" clicked: refused too, the question stays
    CHECK(m.index() == 0);
    m.setNoteDraft(std::string(kMaxNoteBytes, 'x')); // exactly the limit fits
    CHECK_FALSE(m.noteProblem());
    m.next(51); // keeps the note, then goes on
    CHECK_FALSE(m.noteOpen());
    CHECK(m.index() == 1);
    m.skipAll();
    const auto a = m.answers(1);
    REQUIRE(a.size() == 1);
    CHECK(a[0].note.size() == kMaxNoteBytes);
    CHECK_FALSE(checkInProblem(a[0]));
}

TEST_CASE("a note without a score is not a check-in, and Esc on the screen drops an open note") {
    CheckInModel m({"heel"}, CheckInMoment::Standalone);
    m.openNote();
    m.setNoteDraft("no score given");
    REQUIRE(m.keepNote());
    m.next(1); // no score: no answer, and its note goes with it
    CHECK(m.answers(std::nullopt).empty());

    CheckInModel n({"heel"}, CheckInMoment::Standalone);
    n.digit(2);
    n.openNote();
    n.skipAll();
    CHECK_FALSE(n.noteOpen());
    CHECK(n.done());
    n.openNote(); // nothing left to write about
    CHECK_FALSE(n.noteOpen());
}

TEST_CASE("the score last given for each area and side is the latest one, whatever the moment") {
    const std::vector<CheckIn> earlier{
        {100, "heel", Side::Left, 7, CheckInMoment::Before, 1, ""},
        {300, "heel", Side::Left, 4, CheckInMoment::After, 1, ""},
        {200, "heel", Side::Left, 9, CheckInMoment::Standalone, std::nullopt, ""}, // older, listed later
        {300, "heel", Side::Right, 2, CheckInMoment::Before, 2, ""},
        {300, "heel", Side::Right, 3, CheckInMoment::Before, 2, ""}, // the same second: the later one
        {400, "knee", Side::Left, 5, CheckInMoment::Standalone, std::nullopt, ""},
        {400, "heel", Side::None, 8, CheckInMoment::Standalone, std::nullopt, ""}, // no side: not the left's
    };
    CheckInModel m({"heel", "calf"}, CheckInMoment::Before, earlier);
    CHECK(m.subject() == "left heel");
    CHECK(m.lastScore() == 4);
    CHECK_FALSE(m.score()); // the last score is not an answer until kept
    m.next(500);
    CHECK(m.lastScore() == 3);
    m.next(501);
    CHECK(m.subject() == "left calf");
    CHECK_FALSE(m.lastScore()); // never given
    m.skipAll();
    CHECK_FALSE(m.lastScore());
    CHECK(m.subject().empty());
    CHECK(m.answers(1).empty()); // Enter without a score kept nothing
}

TEST_CASE("a remote's Play keeps the score shown, else the last one, and Next skips") {
    const std::vector<CheckIn> earlier{{100, "heel", Side::Left, 4, CheckInMoment::After, 1, ""},
                                       {100, "knee", Side::Right, 6, CheckInMoment::After, 1, ""}};
    CheckInModel m({"heel", "knee"}, CheckInMoment::Before, earlier);
    CHECK(m.keep(200) == CheckInModel::Kept::Last); // left heel: 4, as last time
    CHECK(m.index() == 1);
    CHECK(m.keep(201) == CheckInModel::Kept::Nothing); // right heel: never given, nothing typed
    CHECK(m.index() == 1);                             // the question stays
    m.digit(3);
    CHECK(m.keep(202) == CheckInModel::Kept::Shown); // what is typed wins over the last score
    m.digit(9);                                      // left knee: typed, then skipped
    m.skip();
    CHECK(m.index() == 3);
    m.digit(2); // right knee: last 6, but 2 typed
    CHECK(m.keep(203) == CheckInModel::Kept::Shown);
    CHECK(m.done());
    CHECK(m.keep(204) == CheckInModel::Kept::Nothing);
    m.skip(); // nothing left to skip
    const auto a = m.answers(5);
    REQUIRE(a.size() == 3);
    CHECK((a[0].area == "heel" && a[0].side == Side::Left && a[0].score == 4 && a[0].at == 200));
    CHECK((a[1].side == Side::Right && a[1].score == 3 && a[1].at == 202));
    CHECK((a[2].area == "knee" && a[2].side == Side::Right && a[2].score == 2));
}

TEST_CASE("Play with a note too long to keep holds the question, as Enter does") {
    CheckInModel m({"heel"}, CheckInMoment::After, {{1, "heel", Side::Left, 4, CheckInMoment::After, 1, ""}});
    m.openNote();
    m.setNoteDraft(std::string(kMaxNoteBytes + 1, 'x'));
    CHECK(m.keep(10) == CheckInModel::Kept::Nothing);
    CHECK(m.index() == 0);
    CHECK_FALSE(m.score()); // the last score was not taken either
    m.setNoteDraft("stiff");
    CHECK(m.keep(11) == CheckInModel::Kept::Last);
    m.skip();
    const auto a = m.answers(1);
    REQUIRE(a.size() == 1);
    CHECK(a[0].note == "stiff");
}
