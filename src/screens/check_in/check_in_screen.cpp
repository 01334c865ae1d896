#include "screens/check_in/check_in_screen.hpp"

#include "core/i18n.hpp"

#include <utility>

namespace unknot {

CheckInScreen::CheckInScreen(ScreenHost& host, const std::vector<std::string>& areas, CheckInMoment moment,
                             std::string routineName, Done done)
    : host_(host), model_(areas, moment), routineName_(std::move(routineName)), done_(std::move(done)) {}

std::string CheckInScreen::title() const {
    switch (model_.moment()) {
    case CheckInMoment::Before: return format(_("Before: {0}"), {routineName_});
    case CheckInMoment::After: return format(_("After: {0}"), {routineName_});
    case CheckInMoment::Standalone: break;
    }
    return _("Check-in");
}

void CheckInScreen::begin() {
    host_.reporter().logf("screen check-in moment=%s questions=%zu", std::string(momentName(model_.moment())).c_str(),
                          model_.count());
    if (model_.done())
        answered();
    else
        host_.reporter().logf("check-in index=0 score=-1 question=\"%s\"", model_.question().c_str());
    sayQuestion();
}

bool CheckInScreen::handle(const ui::Intent& intent) {
    using ui::Action;
    Reporter& reporter = host_.reporter();
    switch (intent.action) {
    case Action::CheckInDigit: model_.digit(intent.value); break;
    case Action::CheckInScore: model_.setScore(intent.value); break;
    case Action::CheckInUp: model_.up(); break;
    case Action::CheckInDown: model_.down(); break;
    case Action::CheckInNext: model_.next(host_.clocks().wallSeconds()); break;
    case Action::CheckInSkipAll: model_.skipAll(); break;
    case Action::CheckInNote:
        model_.openNote();
        reporter.logf("check-in note open index=%zu", model_.index());
        return true;
    case Action::CheckInNoteText: model_.setNoteDraft(intent.text); return true;
    case Action::CheckInNoteKeep:
        // Too long: the line stays open and says why (the view shows noteProblem()).
        if (!model_.keepNote()) {
            reporter.logf("check-in note too-long bytes=%zu", model_.noteDraft().size());
            return true;
        }
        reporter.logf("check-in note kept index=%zu bytes=%zu", model_.index(), model_.note().size());
        return true;
    case Action::CheckInNoteDrop:
        model_.dropNote();
        reporter.logf("check-in note dropped index=%zu", model_.index());
        return true;
    default: return false;
    }
    if (model_.done())
        answered();
    else
        reporter.logf("check-in index=%zu score=%d question=\"%s\"", model_.index(), model_.score().value_or(-1),
                      model_.question().c_str());
    sayQuestion();
    return true;
}

// The voice asks each question once, as it comes up, eyes shut on the mat; the sound device
// says it when no cue sounds (after the end's chime and "Done.", say).
void CheckInScreen::sayQuestion() {
    if (model_.done() || said_ == model_.index()) return;
    // TRANSLATORS: said after a check-in question: the scale, as the voice says it.
    if (!host_.say(model_.question() + " " + _("0 none, 10 worst."))) return;
    said_ = model_.index();
    host_.reporter().logf("check-in said index=%zu", model_.index());
}

void CheckInScreen::answered() {
    host_.close(Route::CheckIn); // this screen lives on until the intent is handled
    host_.reporter().logf("check-in done moment=%s answers=%zu", std::string(momentName(model_.moment())).c_str(),
                          model_.answers(std::nullopt).size());
    if (done_) done_(model_);
}

void CheckInScreen::noteTyping(bool typing) {
    if (typing != typing_) host_.reporter().logf("check-in note typing=%d", typing ? 1 : 0);
    typing_ = typing;
}

} // namespace unknot
