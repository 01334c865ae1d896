#pragma once
// The check-in screen's state: "How does your left heel feel? 0 none … 10 worst", one question
// per area and side (left, then right), answered with a digit or ↑/↓ and Enter, Esc skipping
// the rest. N opens a note line for the question on screen: while it is open the keys are its
// text (no digit or arrow answers), Enter keeps the note with the answer, Esc drops the draft.
// Hands-free (a remote, eyes shut): keep() keeps the score shown or, with none, the score last
// given for that area and side; skip() leaves the question unanswered.
// No SDL, no ImGui: the unit tests answer it as a user would.

#include "store/history_db.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace unknot {

class CheckInModel {
  public:
    // Left and right for each area, in order. An empty list is done at once. `earlier`: check-ins
    // given before (any moment, oldest first); the last one per area and side is lastScore().
    CheckInModel(const std::vector<std::string>& areas, CheckInMoment moment, const std::vector<CheckIn>& earlier = {});

    // -- intents -------------------------------------------------------------------------------
    // A digit key: the score is that digit, except 1 then 0, which makes 10.
    void digit(int d);
    void setScore(int score); // a click on a score: clamped to 0..10
    void up();                // one worse (from no answer yet: 0)
    void down();              // one better
    // Enter: keeps this answer (none when no score was given) made at `now`, and asks the next.
    void next(std::int64_t now);
    void skipAll(); // Esc: no more questions; what was answered stays

    // What keep() kept: the score on screen, the one last given, or nothing (no score to keep).
    enum class Kept { Shown, Last, Nothing };
    // A remote's Play: keeps the score on screen, or with none the one last given for this area
    // and side, made at `now`, and asks the next; with neither, nothing changes.
    Kept keep(std::int64_t now);
    // A remote's Next: this question stays unanswered (a score shown is not kept); the next is asked.
    void skip();

    // The note, optional, kept with this question's answer (a note without a score is not
    // kept: a check-in is a score). N opens the line with the note so far; typing sets the
    // draft exactly as typed; Enter keeps it unless it is over kMaxNoteBytes (then it stays
    // open and noteProblem() says why); Esc closes it and keeps the note as it was.
    void openNote();
    void setNoteDraft(std::string text);
    bool keepNote(); // false (and still open) when the draft is too long
    void dropNote();

    // -- state out -----------------------------------------------------------------------------
    [[nodiscard]] bool done() const { return index_ >= questions_.size(); }
    [[nodiscard]] std::size_t index() const { return index_; }
    [[nodiscard]] std::size_t count() const { return questions_.size(); }
    [[nodiscard]] CheckInMoment moment() const { return moment_; }
    [[nodiscard]] std::optional<int> score() const { return done() ? std::nullopt : questions_[index_].score; }
    [[nodiscard]] bool noteOpen() const { return noteDraft_.has_value(); }
    [[nodiscard]] const std::string& noteDraft() const; // empty when the line is closed
    [[nodiscard]] const std::string& note() const;      // the note kept with this question
    // Why the draft cannot be kept ("The note is too long: …"), or nothing.
    [[nodiscard]] std::optional<std::string> noteProblem() const;
    // "How does your left heel feel?"; empty when done.
    [[nodiscard]] std::string question() const;
    // What the question is about: "left heel" (or "heel" without a side); empty when done.
    [[nodiscard]] std::string subject() const;
    // The score last given for this question's area and side, before this check-in.
    [[nodiscard]] std::optional<int> lastScore() const { return done() ? std::nullopt : questions_[index_].last; }
    // The answers given, for the history; `sessionId` is the session they belong to.
    [[nodiscard]] std::vector<CheckIn> answers(std::optional<std::int64_t> sessionId) const;

  private:
    struct Question {
        std::string area;
        Side side = Side::None;
        std::optional<int> score;
        std::optional<std::int64_t> answeredAt;
        std::string note;
        std::optional<int> last; // the score last given for this area and side, if ever
    };
    std::vector<Question> questions_;
    std::size_t index_ = 0;
    CheckInMoment moment_;
    std::optional<std::string> noteDraft_; // set while the note line is open
};

} // namespace unknot
