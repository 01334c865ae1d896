#include "screens/route_views.hpp"

#include "screens/check_in/check_in_view.hpp"

namespace unknot {

ui::Intent drawRoute(Screen& screen, const ui::Fonts& fonts, const RouteFrame& frame) {
    switch (screen.route()) {
    case Route::CheckIn: return ui::drawCheckInScreen(static_cast<CheckInScreen&>(screen), fonts, frame.typing);
    default: return {};
    }
}

} // namespace unknot
