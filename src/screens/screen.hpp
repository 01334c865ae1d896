#pragma once
// A screen: what fills the window and takes the keys. Each screen's folder under src/screens
// holds its model (state and decisions, no ImGui, unit-tested), its view (paints the model,
// returns intents), its keys and its Screen, which ties them together. The Router keeps the
// open screens as a stack; the one on top gets each intent first (AppController::handle) and
// is drawn. A screen reaches the rest of the app only through its ScreenHost, so no screen's
// folder includes another's.

#include "core/reporter.hpp"
#include "screens/clocks.hpp"
#include "screens/intent.hpp"
#include "store/history_sink.hpp"
#include "store/library.hpp"
#include "store/settings.hpp"
#include "ui/display_scale.hpp"

#include <deque>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace unknot {

enum class Route { Library, Editor, QuickSet, History, Player, CheckIn, Notices, Settings };

// Where the screens keep the user's files (the XDG folders in the app, a temporary one in tests).
struct AppPaths {
    std::filesystem::path routines; // the user's own routines
    std::filesystem::path trash;
    std::filesystem::path history; // the history database (unknot.db)
};
[[nodiscard]] std::string_view routeName(Route route); // "library", "editor", "quick-set", …

class Screen {
  public:
    virtual ~Screen() = default;
    [[nodiscard]] virtual Route route() const = 0;
    // Whose key table answers the keys now (the player's is the finished screen's once it ended).
    [[nodiscard]] virtual ui::Screen keyScreen() const = 0;
    // Its keys, as the help overlay lists them (ui::keyBindings of keyScreen()).
    [[nodiscard]] std::span<const ui::KeyBinding> keys() const { return ui::keyBindings(keyScreen()); }
    // True while a line of its own has the keyboard (the check-in's note): keys are its text.
    [[nodiscard]] virtual bool holdsKeys() const { return false; }
    // What it shows that its own state moves on (the check-in's question, its note line): the
    // loop draws a frame when this changes (AppController::signature).
    [[nodiscard]] virtual long long shownState() const { return 0; }
    // After each frame its view drew (the quick set checks what its fields say now).
    virtual void viewDrawn() {}
    // A form: Tab and the arrows move between its widgets (Dear ImGui's keyboard navigation).
    [[nodiscard]] virtual bool navigatesByKeyboard() const { return false; }
    // Where characters beyond the BMP typed now go (emoji, which ImGui's 16-bit fields hold
    // as U+FFFD: ui/draw.hpp typedTextField places them); null for a screen with no text field.
    [[nodiscard]] virtual std::deque<std::string>* typedInto() { return nullptr; }
    // Carries out an intent that is its own; false for one it leaves to the app (the sound,
    // the window, opening another screen).
    virtual bool handle(const ui::Intent& intent) = 0;
    // The history was written while it showed (a check-in given over it): a screen showing it
    // reads it again.
    virtual void historyChanged() {}
    // Test mode (UNKNOT_TEST_MODE): what the end-to-end tests read of the frame just drawn,
    // one line each ("test layout …"); appended to `out` only when it changed since last asked.
    virtual void describe(std::string& out) { (void)out; }
};

// Test mode, for a form's describe(): the keyboard tests reach a form's fields by Tab until the
// one they want has the keys (ImGui 1.86's Tab visits text fields only, 1.89's every item), so
// "test focus=<field>" is appended to `out` when `field` is not the one `reported` last said.
inline void describeFocus(std::string_view field, std::string& reported, std::string& out) {
    if (field == reported) return;
    reported = field;
    out += "test focus=";
    out += field;
    out += '\n';
}

// The intent that opens `route` on its own (History's "Check in now"): the flow that has the
// route opens it (Flow::openRoute).
[[nodiscard]] inline ui::Intent openRouteIntent(Route route) {
    return {ui::Action::OpenRoute, 0, static_cast<int>(route)};
}

// What a screen's folder does around the others: the check-in's questions before a routine and
// after it, and on their own. The app calls every flow the router lists (makeFlows, router.cpp)
// at these points, and knows none of them.
class Flow {
  public:
    virtual ~Flow() = default;
    // Before `entry` plays: true when the flow takes over (it plays the routine later through
    // ScreenHost::playNow). `intro` is to be said first ("Remote check, again.").
    virtual bool beforeRoutine(const LibraryEntry& entry, const std::string& intro) = 0;
    // The session of `entry` ended (seen once per session) and was recorded.
    virtual void routineOver(const LibraryEntry& entry) = 0;
    // The session played was recorded (or ended without one, or the app closes).
    virtual void sessionRecorded() = 0;
    // The routine could not start.
    virtual void noSession() = 0;
    // Opens `route` on its own (ui::Action::OpenRoute): true when the route is this flow's.
    virtual bool openRoute(Route route) = 0;
};

// What a screen may ask of the app. The app (AppController) is the one host; the unit tests of
// a screen pass a fake.
class ScreenHost {
  public:
    virtual ~ScreenHost() = default;
    [[nodiscard]] virtual Reporter& reporter() = 0;
    [[nodiscard]] virtual const Settings& settings() const = 0;
    [[nodiscard]] virtual const Clocks& clocks() const = 0;
    [[nodiscard]] virtual HistorySink& history() = 0;
    [[nodiscard]] virtual const AppPaths& paths() const = 0;
    // Plays a routine (the flows' questions first, when they have any: the "before" check-in).
    virtual void play(const LibraryEntry& entry) = 0;
    // Plays it now, past the flows (their questions are over); with `waitingFlow` (the flow's
    // name, "check-in"), once the voice has said what it says now (at most a few seconds),
    // logging "<waitingFlow> start after the voice" when it waits.
    virtual void playNow(const LibraryEntry& entry, const char* waitingFlow) = 0;
    // The routines in the library as read now.
    [[nodiscard]] virtual const std::vector<LibraryEntry>& routines() = 0;
    // The history was written (a check-in recorded): the screen showing, if it shows it, reads it again.
    virtual void historyChanged() = 0;
    // Another routine was chosen in the library: a remote's Play starts that one now, not the
    // one a Stop left (which routine Play starts again is the app's).
    virtual void routineChosen() = 0;
    // Opens `screen` over the one on top; closes `route` and every screen over it. A screen may
    // close itself from its own handle(): it lives on until that returns.
    virtual void open(std::unique_ptr<Screen> screen) = 0;
    virtual void close(Route route) = 0;
    // The editor on a new routine made elsewhere (the quick set's "Open in the editor"); with
    // `saveNow`, saved at once and closed when saved (the quick set's Save).
    virtual void openEditor(Routine routine, bool saveNow) = 0;
    // The routine files changed (saved, deleted, restored): the library reads them again and
    // selects `selectId` when given.
    virtual void routinesChanged(const std::string& selectId) = 0;
    // Says a sentence with the voice once no cue sounds; false when nothing will say it (no
    // sound device, the voice off).
    virtual bool say(const std::string& sentence) = 0;
    // The settings as the panel changed them: each change reaches what it controls at once
    // (the sound, the fonts, the language…) and is saved. The panel cannot change what the app
    // keeps itself (the window, the last routine).
    virtual void changeSettings(const Settings& changed) = 0;
    // What the window knows of the machine, for the settings panel: the sound outputs connected
    // now, by name; the display's scale as the desktop says it (whatever the setting).
    [[nodiscard]] virtual std::vector<std::string> soundOutputs() = 0;
    [[nodiscard]] virtual DisplayScale desktopScale() const = 0;
    virtual void quit() = 0;
};

} // namespace unknot
