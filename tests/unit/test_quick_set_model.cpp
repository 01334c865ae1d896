// The quick set may start or save only a routine that can play, made of what the fields say.
#include "screens/quick_set/quick_set_model.hpp"

#include <doctest/doctest.h>

using namespace unknot;

TEST_CASE("the quick set's default form can start, with its total worked out") {
    QuickSetModel q;
    CHECK(q.canStart());
    CHECK(q.summary().problems.empty());
    // prepare 10 s, then 5 x (tense 5 s, release 10 s) on each side with a 5 s switch.
    CHECK(q.summary().phases == 1 + 2 * 5 * 2 + 1);
    CHECK(q.summary().totalMs == 10'000 + 2 * 5 * 15'000 + 5'000);
    const auto entry = q.entry();
    REQUIRE(entry);
    CHECK(entry->valid());
    CHECK(entry->timeline().totalMs == q.summary().totalMs);
    CHECK(entry->id == "my-interval-set");
}

TEST_CASE("a 0 s or a 99,999 s phase cannot start") {
    for (const Millis ms : {Millis{0}, Millis{99'999'000}}) {
        CAPTURE(ms);
        QuickSetModel q;
        q.form().quick.firstMs = ms;
        q.refresh();
        CHECK_FALSE(q.canStart());
        CHECK_FALSE(q.entry());
        REQUIRE_FALSE(q.summary().problems.empty());
        CHECK(q.summary().totalMs == 0);
    }
}

TEST_CASE("a field that is not a duration stops the start, instead of its old value playing") {
    QuickSetModel q;
    q.form().errors["##firstms"] = "\"five\" is not a duration";
    q.refresh();
    CHECK_FALSE(q.canStart());
    REQUIRE(q.summary().problems.size() == 1);
    CHECK(q.summary().problems[0] == "\"five\" is not a duration");
    q.form().errors.clear();
    q.refresh();
    CHECK(q.canStart());
}

TEST_CASE("the quick set checks again only when the form changed") {
    QuickSetModel q;
    q.form().quick.repeats = 2;
    q.refresh();
    const Millis total = q.summary().totalMs;
    q.refresh();
    CHECK(q.summary().totalMs == total);
    q.form().quick.sides.clear();
    q.refresh();
    CHECK(q.summary().totalMs < total);
}
