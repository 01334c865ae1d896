#include "screens/check_in/check_in_model.hpp"

#include "core/i18n.hpp"
#include <algorithm>

namespace unknot {

CheckInModel::CheckInModel(const std::vector<std::string>& areas, CheckInMoment moment,
                           const std::vector<CheckIn>& earlier)
    : moment_(moment) {
    for (const auto& area : areas)
        for (Side side : {Side::Left, Side::Right}) {
            Question q{area, side, std::nullopt, std::nullopt, {}, std::nullopt};
            // The latest by time; of two at the same second, the one given later in the list.
            std::optional<std::int64_t> at;
            for (const CheckIn& c : earlier)
                if (c.area == area && c.side == side && (!at || c.at >= *at)) {
                    at = c.at;
                    q.last = c.score;
                }
            questions_.push_back(std::move(q));
        }
}

void CheckInModel::digit(int d) {
    if (done() || noteOpen() || d < 0 || d > 9) return; // a digit typed into the note is text
    auto& score = questions_[index_].score;
    score = (score == 1 && d == 0) ? 10 : d;
}

void CheckInModel::setScore(int score) {
    if (!done()) questions_[index_].score = std::clamp(score, kMinScore, kMaxScore);
}

void CheckInModel::up() {
    if (done() || noteOpen()) return;
    auto& score = questions_[index_].score;
    score = score ? std::min(*score + 1, kMaxScore) : kMinScore;
}

void CheckInModel::down() {
    if (done() || noteOpen()) return;
    auto& score = questions_[index_].score;
    score = score ? std::max(*score - 1, kMinScore) : kMinScore;
}

void CheckInModel::next(std::int64_t now) {
    if (done()) return;
    if (noteOpen() && !keepNote()) return; // "Next" clicked while writing: the note goes with it
    if (questions_[index_].score) questions_[index_].answeredAt = now;
    ++index_;
}

void CheckInModel::skipAll() {
    // What is on screen but not confirmed with Enter is not an answer.
    if (!done()) questions_[index_].score.reset();
    noteDraft_.reset();
    index_ = questions_.size();
}

CheckInModel::Kept CheckInModel::keep(std::int64_t now) {
    // A note too long to keep holds the question, as it holds Enter.
    if (done() || noteProblem()) return Kept::Nothing;
    Question& q = questions_[index_];
    const Kept kept = q.score ? Kept::Shown : q.last ? Kept::Last : Kept::Nothing;
    if (kept == Kept::Nothing) return kept;
    if (!q.score) q.score = q.last;
    next(now);
    return kept;
}

void CheckInModel::skip() {
    if (done()) return;
    questions_[index_].score.reset();
    noteDraft_.reset();
    ++index_;
}

void CheckInModel::openNote() {
    if (!done() && !noteOpen()) noteDraft_ = questions_[index_].note;
}

void CheckInModel::setNoteDraft(std::string text) {
    if (noteOpen()) noteDraft_ = std::move(text);
}

bool CheckInModel::keepNote() {
    if (!noteOpen() || noteProblem()) return false;
    questions_[index_].note = std::move(*noteDraft_);
    noteDraft_.reset();
    return true;
}

void CheckInModel::dropNote() { noteDraft_.reset(); }

const std::string& CheckInModel::noteDraft() const {
    static const std::string kNone;
    return noteDraft_ ? *noteDraft_ : kNone;
}

const std::string& CheckInModel::note() const {
    static const std::string kNone;
    return done() ? kNone : questions_[index_].note;
}

std::optional<std::string> CheckInModel::noteProblem() const {
    if (!noteOpen()) return std::nullopt;
    if (auto problem = unknot::noteProblem(*noteDraft_)) return *problem + _("; shorten it to keep it");
    return std::nullopt;
}

std::string CheckInModel::subject() const {
    if (done()) return {};
    const Question& q = questions_[index_];
    std::string who(sideName(q.side));
    return who.empty() ? q.area : who + " " + q.area;
}

std::string CheckInModel::question() const {
    if (done()) return {};
    const std::string who = subject();
    // Whole sentences for the built-in routines' areas, so a language can agree its words
    // (German "Ihr linkes Knie", "Ihre linke Ferse"); another area takes the general one.
    static constexpr const char* kKnown[] = {N_("How does your left knee feel?"),  N_("How does your right knee feel?"),
                                             N_("How does your knee feel?"),       N_("How does your left heel feel?"),
                                             N_("How does your right heel feel?"), N_("How does your heel feel?")};
    const std::string english = "How does your " + who + " feel?";
    for (const char* k : kKnown)
        if (english == k) return _(k);
    // TRANSLATORS: {0} is an area a routine of the user's names, as written there ("left hip").
    return format(_("How does your {0} feel?"), {who});
}

std::vector<CheckIn> CheckInModel::answers(std::optional<std::int64_t> sessionId) const {
    std::vector<CheckIn> out;
    for (const Question& q : questions_)
        if (q.score && q.answeredAt)
            out.push_back(CheckIn{*q.answeredAt, q.area, q.side, *q.score, moment_,
                                  moment_ == CheckInMoment::Standalone ? std::nullopt : sessionId, q.note});
    return out;
}

} // namespace unknot
