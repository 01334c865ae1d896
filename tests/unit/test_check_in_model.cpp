#include "app/check_in_model.hpp"

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
