#include "screens/router.hpp"

#include <doctest/doctest.h>

using namespace unknot;

TEST_CASE("the router starts at the library, which never closes") {
    Router r;
    CHECK(r.top() == Route::Library);
    CHECK(r.screen(false) == ui::Screen::Library);
    CHECK_FALSE(r.close(Route::Library));
    CHECK_FALSE(r.close(Route::Editor));
    CHECK(r.top() == Route::Library);
}

TEST_CASE("the player over the editor goes back to the editor, and shows Finished when over") {
    Router r;
    r.open(Route::Editor);
    r.open(Route::Player);
    CHECK(r.screen(false) == ui::Screen::Player);
    CHECK(r.screen(true) == ui::Screen::Finished);
    CHECK(r.has(Route::Editor));
    CHECK(r.close(Route::Player));
    CHECK(r.top() == Route::Editor);
    CHECK(r.screen(true) == ui::Screen::Editor);
}

TEST_CASE("Start now replaces the quick set, so leaving the player goes to the library") {
    Router r;
    r.open(Route::QuickSet);
    CHECK(r.screen(false) == ui::Screen::QuickSet);
    r.replaceTop(Route::Player);
    CHECK_FALSE(r.has(Route::QuickSet));
    r.close(Route::Player);
    CHECK(r.top() == Route::Library);
}

TEST_CASE("closing a route closes what is over it, and opening one twice keeps one") {
    Router r;
    r.open(Route::History);
    r.open(Route::Editor);
    r.open(Route::Player);
    r.close(Route::Editor);
    CHECK(r.top() == Route::History);
    r.open(Route::History);
    r.close(Route::History);
    CHECK(r.top() == Route::Library);
    r.open(Route::Editor);
    r.open(Route::Library);
    CHECK(r.top() == Route::Library);
    CHECK(routeName(Route::QuickSet) == "quick-set");
    r.replaceTop(Route::History);
    CHECK(r.top() == Route::History);
}
