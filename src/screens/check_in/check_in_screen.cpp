#include "screens/check_in/check_in_screen.hpp"

#include "core/i18n.hpp"

#include <cctype>
#include <utility>

namespace unknot {

namespace {

// "Left heel, 4." / "Left heel, 4, as last time."
std::string saidBack(std::string subject, int score, bool asLastTime) {
    if (!subject.empty()) subject[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(subject[0])));
    // TRANSLATORS: a check-in score said back: {0} the area with its side ("Left heel"), {1} the score.
    return format(asLastTime ? _("{0}, {1}, as last time.") : _("{0}, {1}."), {subject, std::to_string(score)});
}

} // namespace

CheckInScreen::CheckInScreen(ScreenHost& host, const std::vector<std::string>& areas, CheckInMoment moment,
                             std::string routineName, Done done, const std::vector<CheckIn>& earlier)
    : host_(host), model_(areas, moment, earlier), routineName_(std::move(routineName)), done_(std::move(done)) {}

std::string CheckInScreen::title() const {
    switch (model_.moment()) {
    case CheckInMoment::Before: return format(_("Before: {0}"), {routineName_});
    case CheckInMoment::After: return format(_("After: {0}"), {routineName_});
    case CheckInMoment::Standalone: break;
    }
    return _("Check-in");
}

void CheckInScreen::begin(const std::string& intro) {
    host_.reporter().logf("screen check-in moment=%s questions=%zu", std::string(momentName(model_.moment())).c_str(),
                          model_.count());
    if (model_.done()) {
        answered();
        return;
    }
    host_.reporter().logf("check-in index=0 score=-1 question=\"%s\"", model_.question().c_str());
    sayQuestion(intro);
}

bool CheckInScreen::handle(const ui::Intent& intent) {
    using ui::CheckInAction;
    Reporter& reporter = host_.reporter();
    std::string before; // what the voice says before the next question: the score kept
    switch (intent.action) {
    case CheckInAction::Digit: model_.digit(intent.value); break;
    case CheckInAction::Score: model_.setScore(intent.value); break;
    case CheckInAction::Up: model_.up(); break;
    case CheckInAction::Down: model_.down(); break;
    case CheckInAction::Next: {
        // A score typed and kept is said back, so an ear knows what was recorded.
        const std::size_t asked = model_.index();
        const std::string subject = model_.subject();
        const auto score = model_.score();
        model_.next(host_.clocks().wallSeconds());
        if (score && model_.index() != asked) before = saidBack(subject, *score, false);
        break;
    }
    case CheckInAction::Keep:
        before = keep();
        if (before.empty()) return true; // nothing kept: keep() said what to do
        break;
    case CheckInAction::Skip:
        reporter.logf("check-in skipped index=%zu", model_.index());
        model_.skip();
        before = _("Skipped.");
        break;
    case CheckInAction::SkipAll: model_.skipAll(); break;
    case CheckInAction::Note:
        model_.openNote();
        reporter.logf("check-in note open index=%zu", model_.index());
        return true;
    case CheckInAction::NoteText: model_.setNoteDraft(intent.text); return true;
    case CheckInAction::NoteKeep:
        // Too long: the line stays open and says why (the view shows noteProblem()).
        if (!model_.keepNote()) {
            reporter.logf("check-in note too-long bytes=%zu", model_.noteDraft().size());
            return true;
        }
        reporter.logf("check-in note kept index=%zu bytes=%zu", model_.index(), model_.note().size());
        return true;
    case CheckInAction::NoteDrop:
        model_.dropNote();
        reporter.logf("check-in note dropped index=%zu", model_.index());
        return true;
    default: return false;
    }
    if (model_.done()) {
        // The last score said back before what comes next (the routine waits for the voice).
        saidBackLast_ = !before.empty() && host_.say(before);
        answered();
        return true;
    }
    reporter.logf("check-in index=%zu score=%d question=\"%s\"", model_.index(), model_.score().value_or(-1),
                  model_.question().c_str());
    sayQuestion(before);
    return true;
}

// Play on a remote, eyes shut: the score shown, or else the one last given for this area and
// side. With neither, the voice says what to do instead and the question stays.
std::string CheckInScreen::keep() {
    const std::size_t asked = model_.index();
    const std::string subject = model_.subject();
    const auto shown = model_.score();
    const auto last = model_.lastScore();
    switch (model_.keep(host_.clocks().wallSeconds())) {
    case CheckInModel::Kept::Shown:
        host_.reporter().logf("check-in kept index=%zu score=%d from=shown", asked, *shown);
        return saidBack(subject, *shown, false);
    case CheckInModel::Kept::Last:
        host_.reporter().logf("check-in kept index=%zu score=%d from=last", asked, *last);
        return saidBack(subject, *last, true);
    case CheckInModel::Kept::Nothing: break;
    }
    host_.reporter().logf("check-in kept index=%zu score=-1 from=none", asked);
    if (!subject.empty())
        host_.say(model_.noteProblem()
                      ? *model_.noteProblem()
                      : format(_("No score yet for your {0}. Type one and press Enter, or press Next to skip it."),
                               {subject}));
    return {};
}

// The voice asks each question once, as it comes up, eyes shut on the mat; the sound device
// says it when no cue sounds (after the end's chime and "Done.", say). With a score given
// before, it says that score, which Play keeps.
void CheckInScreen::sayQuestion(const std::string& before) {
    const bool ask = !model_.done() && said_ != model_.index();
    std::string sentence = before;
    if (ask) {
        if (!sentence.empty()) sentence += ' ';
        // TRANSLATORS: said after a check-in question: the scale, as the voice says it.
        sentence += model_.question() + " " + _("0 none, 10 worst.");
        // TRANSLATORS: said after a check-in question: the score given last time ({0}).
        if (const auto last = model_.lastScore())
            sentence += " " + format(_("Last time, {0}."), {std::to_string(*last)});
    }
    if (sentence.empty() || !host_.say(sentence) || !ask) return;
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
