#include "app/check_in_model.hpp"

#include <algorithm>

namespace unknot {

CheckInModel::CheckInModel(const std::vector<std::string>& areas, CheckInMoment moment) : moment_(moment) {
    for (const auto& area : areas)
        for (Side side : {Side::Left, Side::Right})
            questions_.push_back(Question{area, side, std::nullopt, std::nullopt});
}

void CheckInModel::digit(int d) {
    if (done() || d < 0 || d > 9) return;
    auto& score = questions_[index_].score;
    score = (score == 1 && d == 0) ? 10 : d;
}

void CheckInModel::setScore(int score) {
    if (!done()) questions_[index_].score = std::clamp(score, kMinScore, kMaxScore);
}

void CheckInModel::up() {
    if (done()) return;
    auto& score = questions_[index_].score;
    score = score ? std::min(*score + 1, kMaxScore) : kMinScore;
}

void CheckInModel::down() {
    if (done()) return;
    auto& score = questions_[index_].score;
    score = score ? std::max(*score - 1, kMinScore) : kMinScore;
}

void CheckInModel::next(std::int64_t now) {
    if (done()) return;
    if (questions_[index_].score) questions_[index_].answeredAt = now;
    ++index_;
}

void CheckInModel::skipAll() {
    // What is on screen but not confirmed with Enter is not an answer.
    if (!done()) questions_[index_].score.reset();
    index_ = questions_.size();
}

std::string CheckInModel::question() const {
    if (done()) return {};
    const Question& q = questions_[index_];
    std::string who(sideName(q.side));
    who += who.empty() ? q.area : " " + q.area;
    return "How does your " + who + " feel?";
}

std::vector<CheckIn> CheckInModel::answers(std::optional<std::int64_t> sessionId) const {
    std::vector<CheckIn> out;
    for (const Question& q : questions_)
        if (q.score && q.answeredAt)
            out.push_back(CheckIn{*q.answeredAt, q.area, q.side, *q.score, moment_,
                                  moment_ == CheckInMoment::Standalone ? std::nullopt : sessionId, ""});
    return out;
}

} // namespace unknot
