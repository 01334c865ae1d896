#include "screens/player/finished_layout.hpp"

#include <algorithm>

namespace unknot::ui {

FinishedLayout layOutFinished(const FinishedText& t, float W, float H, float s, const TextMeasure& m) {
    FinishedLayout L;
    W = std::max(W, 1.0f);
    H = std::max(H, 1.0f);
    L.width = W;
    L.height = H;
    const float mx = std::max(4.0f, W * 0.04f), my = std::max(4.0f, H * 0.04f), gap = H * 0.025f;
    const float cw = std::max(1.0f, W - 2 * mx);
    const auto px = [&](float cap) { return pxForCap(m, Face::Text, cap); };
    const auto lineH = [&](float cap) { return m.lineHeight(Face::Text, px(cap)); };

    // The sizes asked for, at fit 1; the name and what was played may take two lines each.
    const float titleCap = kFinishedTitleCapShare * H * s, nameCap = kFinishedNameCapShare * H * s;
    const float playedCap = kFinishedPlayedCapShare * H * s, takenCap = kFinishedTakenCapShare * H * s;
    const float buttonsH = kFinishedButtonsShare * H * s;
    const auto lines = [&](float cap, const std::string& text) {
        return static_cast<float>(std::max<std::size_t>(1, wrap(m, Face::Text, px(cap), text, cw, 2).size()));
    };
    const float nameLines = lines(nameCap, t.name), playedLines = lines(playedCap, t.played);
    const float scaled =
        lineH(titleCap) + nameLines * lineH(nameCap) + playedLines * lineH(playedCap) + lineH(takenCap) + buttonsH;
    const float fixed = 2 * my + gap * 5;
    // Everything shrinks together when the window is too small (at a smaller size a text wraps
    // into as many lines or fewer).
    const float f = std::clamp((H - fixed) / scaled, 0.05f, 1.0f);
    L.fit = f;

    // The words, as one block centred in the height above the buttons.
    const float buttonsTop = H - my - buttonsH * f;
    const float block = scaled * f - buttonsH * f + gap * 2.5f;
    float y = my + std::max(0.0f, (buttonsTop - gap * 2 - my - block) * 0.5f);
    {
        std::string title = t.title;
        const float titlePx = fitLine(m, Face::Text, px(titleCap * f), title, cw, 0.5f);
        L.title = centredLine(m, Face::Text, titlePx, std::move(title), mx, cw, y);
        y += lineH(titleCap * f) + gap;
    }
    const auto wrapped = [&](float cap, const std::string& text, float reserved, float after) {
        const float p = px(cap * f);
        TextBox box = centredLines(m, Face::Text, p, wrap(m, Face::Text, p, text, cw, 2), mx, cw, y);
        y += reserved * m.lineHeight(Face::Text, p) + after;
        return box;
    };
    L.name = wrapped(nameCap, t.name, nameLines, gap);
    L.played = wrapped(playedCap, t.played, playedLines, gap * 0.5f);
    {
        std::string taken = t.taken;
        const float takenPx = fitLine(m, Face::Text, px(takenCap * f), taken, cw, 0.7f);
        L.taken = centredLine(m, Face::Text, takenPx, std::move(taken), mx, cw, y);
    }
    L.buttons = {mx, buttonsTop, cw, buttonsH * f};
    L.buttonPx = px(buttonsH * f * 0.3f);
    return L;
}

std::vector<NamedBox> namedBoxes(const FinishedLayout& L) {
    std::vector<NamedBox> out;
    addTextBox(out, "title", L.title);
    addTextBox(out, "name", L.name);
    addTextBox(out, "played", L.played);
    addTextBox(out, "taken", L.taken);
    out.push_back({"buttons", nullptr, L.buttons});
    return out;
}

std::string describe(const FinishedLayout& L) { return describeBoxes(L.width, L.height, L.fit, namedBoxes(L)); }

} // namespace unknot::ui
