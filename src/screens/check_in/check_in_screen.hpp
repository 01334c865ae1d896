#pragma once
// The check-in as a screen: its questions (CheckInModel), what each intent does to them, the
// voice asking each question once and saying back each score kept ("Left heel, 4, as last
// time."), and the log lines the end-to-end tests read. What happens once it is answered (play
// the routine, record the answers) is the opener's: `Done`.

#include "screens/check_in/check_in_intent.hpp"
#include "screens/check_in/check_in_model.hpp"
#include "screens/screen.hpp"

#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace unknot {

class CheckInScreen final : public Screen {
  public:
    // Called once the questions are over (answered or skipped), after the screen closed.
    using Done = std::function<void(const CheckInModel& answered)>;

    // `routineName` titles it ("Before: Frozen golf ball"); empty for one from the history.
    // `earlier`: the check-ins given before, for the score last given (CheckInModel).
    CheckInScreen(ScreenHost& host, const std::vector<std::string>& areas, CheckInMoment moment,
                  std::string routineName, Done done, const std::vector<CheckIn>& earlier = {});
    void setDone(Done done) { done_ = std::move(done); }
    // Once it is on the router: logs, asks the first question (with no question, it is done).
    // `intro` is said before it ("Remote check, again.").
    void begin(const std::string& intro = {});

    [[nodiscard]] Route route() const override { return Route::CheckIn; }
    [[nodiscard]] ui::Screen keyScreen() const override { return ui::Screen::CheckIn; }
    [[nodiscard]] bool holdsKeys() const override { return model_.noteOpen(); }
    // The question asked and whether its note line is open.
    [[nodiscard]] long long shownState() const override {
        return static_cast<long long>(model_.index()) * 2 + (model_.noteOpen() ? 1 : 0);
    }
    [[nodiscard]] std::deque<std::string>* typedInto() override { return &typedBeyondBmp; }
    bool handle(const ui::Intent& intent) override;

    [[nodiscard]] const CheckInModel& model() const { return model_; }
    // The last score kept was said back as the questions ended: what follows may wait for it.
    [[nodiscard]] bool saidBackLast() const { return saidBackLast_; }
    [[nodiscard]] const std::string& routineName() const { return routineName_; }
    // "Before: Frozen golf ball", "After: …", "Check-in".
    [[nodiscard]] std::string title() const;

    // -- what the view keeps between frames -----------------------------------------------------
    std::deque<std::string> typedBeyondBmp; // emoji typed into the note, not yet placed
    // The note line held the keyboard at the last frame (logged when it changes: the e2e tests
    // type only once it does).
    void noteTyping(bool typing);

  private:
    ScreenHost& host_;
    CheckInModel model_;
    std::string routineName_;
    Done done_;
    std::optional<std::size_t> said_; // the question the voice asked last
    bool typing_ = false;
    bool saidBackLast_ = false;

    void answered(); // the questions are over
    // Says `before` (a score said back), then the question now asked, if the voice has not yet.
    void sayQuestion(const std::string& before = {});
    // The remote's Play: keeps a score, or says what to do; what to say before the next question.
    [[nodiscard]] std::string keep();
};

} // namespace unknot
