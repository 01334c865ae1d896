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

namespace {
struct Counted final : Screen {
    Route r;
    int* alive;
    Counted(Route route, int* count) : r(route), alive(count) { ++*alive; }
    ~Counted() override { --*alive; }
    [[nodiscard]] Route route() const override { return r; }
    [[nodiscard]] ui::Screen keyScreen() const override { return ui::Screen::History; }
    bool handle(const ui::Intent&) override { return false; }
};
} // namespace

TEST_CASE("the router owns the screens opened with it, and a closed one lives until swept") {
    Router r;
    int alive = 0;
    r.open(std::make_unique<Counted>(Route::History, &alive));
    r.open(std::make_unique<Counted>(Route::CheckIn, &alive));
    CHECK(alive == 2);
    CHECK(r.top() == Route::CheckIn);
    CHECK(r.topScreen() == r.opened(Route::CheckIn));
    CHECK(r.opened(Route::History) != nullptr);
    CHECK(r.opened(Route::Editor) == nullptr);
    CHECK(r.close(Route::History)); // and the check-in over it
    CHECK(r.top() == Route::Library);
    CHECK(r.topScreen() == nullptr);
    CHECK(alive == 2); // a screen may close itself from its own handle()
    r.sweep();
    CHECK(alive == 0);
    r.open(std::make_unique<Counted>(Route::History, &alive));
    r.open(Route::Library); // back to the library closes everything
    r.sweep();
    CHECK(alive == 0);
}
