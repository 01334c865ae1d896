#include "screens/player/player_layout.hpp"

#include "core/i18n.hpp"

#include <algorithm>
#include <cstdio>

namespace unknot::ui {

namespace {

constexpr std::string_view kEllipsis = "\xE2\x80\xA6";

bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

} // namespace

std::vector<std::string> wrap(const TextMeasure& m, Face face, float px, std::string_view text, float maxWidth,
                              std::size_t maxLines) {
    std::vector<std::string> lines;
    std::string line;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && (text[i] == ' ' || text[i] == '\n')) ++i;
        std::size_t end = i;
        while (end < text.size() && text[end] != ' ' && text[end] != '\n') ++end;
        if (end == i) break;
        const std::string_view word = text.substr(i, end - i);
        std::string candidate = line.empty() ? std::string(word) : line + " " + std::string(word);
        if (line.empty() || m.width(face, px, candidate) <= maxWidth) {
            line = std::move(candidate);
        } else {
            lines.push_back(std::move(line));
            line = std::string(word);
        }
        i = end;
    }
    if (!line.empty()) lines.push_back(std::move(line));
    if (lines.size() > maxLines) {
        std::string rest;
        for (std::size_t k = maxLines - 1; k < lines.size(); ++k) rest += (rest.empty() ? "" : " ") + lines[k];
        lines.resize(maxLines - 1);
        // Always cut: the text goes on past this line.
        lines.push_back(ellipsize(m, face, px, rest + std::string(kEllipsis), maxWidth));
    }
    for (auto& l : lines) l = ellipsize(m, face, px, l, maxWidth);
    return lines;
}

float pxForCap(const TextMeasure& m, Face face, float cap) {
    const float capPer100 = m.capHeight(face, 100.0f);
    return capPer100 > 0 ? cap * 100.0f / capPer100 : cap;
}

TextBox centredLine(const TextMeasure& m, Face face, float px, std::string text, float x0, float width, float y) {
    TextBox box;
    box.face = face;
    box.px = px;
    box.cap = m.capHeight(face, px);
    if (text.empty()) return box;
    const float w = m.width(face, px, text);
    box.lines.push_back({std::move(text), x0 + (width - w) * 0.5f, y});
    box.box = {x0 + (width - w) * 0.5f, y, w, m.lineHeight(face, px)};
    return box;
}

TextBox centredLines(const TextMeasure& m, Face face, float px, const std::vector<std::string>& lines, float x0,
                     float width, float y) {
    TextBox box;
    box.face = face;
    box.px = px;
    box.cap = m.capHeight(face, px);
    const float lineH = m.lineHeight(face, px);
    float widest = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const float w = m.width(face, px, lines[i]);
        widest = std::max(widest, w);
        box.lines.push_back({lines[i], x0 + (width - w) * 0.5f, y + lineH * static_cast<float>(i)});
    }
    if (!lines.empty()) box.box = {x0 + (width - widest) * 0.5f, y, widest, lineH * static_cast<float>(lines.size())};
    return box;
}

float fitLine(const TextMeasure& m, Face face, float px, std::string& text, float maxWidth, float minShare) {
    const float w = m.width(face, px, text);
    if (w > maxWidth && w > 0) px = std::max(px * minShare, px * maxWidth / w);
    text = ellipsize(m, face, px, text, maxWidth);
    return px;
}

std::string ellipsize(const TextMeasure& m, Face face, float px, std::string_view text, float maxWidth) {
    if (m.width(face, px, text) <= maxWidth) return std::string(text);
    const auto fits = [&](std::size_t n) {
        return m.width(face, px, std::string(text.substr(0, n)) + std::string(kEllipsis)) <= maxWidth;
    };
    // The longest prefix, cut between code points, that fits with the ellipsis.
    std::size_t lo = 0, hi = text.size();
    while (hi - lo > 1) {
        std::size_t mid = (lo + hi) / 2;
        while (mid > lo && continuation(text[mid])) --mid;
        if (mid == lo) {
            mid = lo + 1;
            while (mid < hi && continuation(text[mid])) ++mid;
            if (mid >= hi) break;
        }
        (fits(mid) ? lo : hi) = mid;
    }
    std::string out(text.substr(0, lo));
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + std::string(kEllipsis);
}

PlayerLayout layOutPlayer(const PlayerText& t, float W, float H, float s, const TextMeasure& m) {
    PlayerLayout L;
    W = std::max(W, 1.0f);
    H = std::max(H, 1.0f);
    L.width = W;
    L.height = H;
    const float mx = std::max(4.0f, W * 0.03f), my = std::max(4.0f, H * 0.02f), gap = H * 0.012f;
    const float bandW = std::max(6.0f, W * 0.03f);
    const float x0 = bandW + mx, cw = std::max(1.0f, W - 2 * (bandW + mx));
    const auto lineH = [&](Face f, float cap) { return m.lineHeight(f, pxForCap(m, f, cap)); };

    // The sizes asked for, at fit 1.
    const float nameCap = 0.022f * H * s, sideCap = kSideCapShare * H * s, labelCap = kLabelCapShare * H * s;
    const float cueCap = 0.034f * H * s, infoCap = 0.026f * H * s;
    const float growth = std::clamp(t.nextGrowth, 0.0f, 1.0f);
    const float nextCap = (kNextCapShare + (kNextGrownCapShare - kNextCapShare) * growth) * H * s;
    const float nextReserveCap = kNextGrownCapShare * H * s;
    const float buttonsH = 0.065f * H * s;
    const float barH = std::max(4.0f, H * 0.014f), routineBarH = std::max(3.0f, H * 0.009f);
    const float sideRowH = sideCap * (1 + 2 * kSideTagPad); // the side's tag
    // Lines reserved at fit 1: at a smaller size a text wraps into as many lines or fewer.
    const std::size_t labelLines =
        std::max<std::size_t>(1, wrap(m, Face::Text, pxForCap(m, Face::Text, labelCap), t.label, cw, 2).size());
    const std::size_t cueLines =
        std::max<std::size_t>(1, wrap(m, Face::Text, pxForCap(m, Face::Text, cueCap), t.cue, cw, 2).size());

    const float scaled = lineH(Face::Text, nameCap) + sideRowH +
                         static_cast<float>(labelLines) * lineH(Face::Text, labelCap) +
                         static_cast<float>(cueLines) * lineH(Face::Text, cueCap) + lineH(Face::Text, infoCap) +
                         lineH(Face::Text, nextReserveCap) + buttonsH;
    const float fixed = 2 * my + barH + routineBarH + gap * 8.5f;
    const float digitsMin = kDigitsMinCapShare * H;
    float f = 1, digitsCap = 0;
    if (H - fixed - scaled >= digitsMin) {
        digitsCap = std::min(kDigitsCapShare * H, H - fixed - scaled);
    } else {
        // The time left comes first: the digits keep their minimum and the words shrink.
        f = std::max(0.05f, (H - fixed - digitsMin) / scaled);
        digitsCap = std::min(digitsMin, H - fixed - scaled * f);
    }
    L.fit = f;

    float y = my;
    // The chrome: the routine's name on the left, the volume on the right.
    {
        std::string name = t.name;
        const float px = pxForCap(m, Face::Text, nameCap * f);
        name = ellipsize(m, Face::Text, px, name, cw * 0.6f);
        L.name = centredLine(m, Face::Text, px, std::move(name), x0, 0, y);
        for (auto& line : L.name.lines) line.x = x0;
        L.name.box.x = x0;
        const float rowH = m.lineHeight(Face::Text, px);
        L.volume = {x0 + cw * 0.7f, y, cw * 0.3f, rowH};
        y += rowH + gap;
    }
    // The side's word on its side, the phase's kind on the other (centred without a side).
    {
        const float rowH = sideRowH * f;
        float sidePx = pxForCap(m, Face::Capitals, sideCap * f);
        float kindPx = pxForCap(m, Face::Text, labelCap * f);
        // TRANSLATORS: the side's tag, the player's largest word after the digits: capitals, short.
        const std::string word = t.side == Side::Left    ? C_("side tag", "LEFT")
                                 : t.side == Side::Right ? C_("side tag", "RIGHT")
                                                         : "";
        const auto sideWidth = [&] {
            const float cap = m.capHeight(Face::Capitals, sidePx);
            return word.empty() ? 0.0f : m.width(Face::Capitals, sidePx, word) + cap * (3 * kSideTagPad + kSideArrow);
        };
        const auto kindWidth = [&] { return m.width(Face::Text, kindPx, t.kind); };
        const float room = cw - (word.empty() ? 0.0f : gap * 2);
        if (sideWidth() + kindWidth() > room && kindWidth() > 0)
            kindPx *= std::clamp((room - sideWidth()) / kindWidth(), 0.6f, 1.0f);
        if (const float both = sideWidth() + kindWidth(); both > room) {
            sidePx *= room / both;
            kindPx *= room / both;
        }
        if (!word.empty()) {
            const float cap = m.capHeight(Face::Capitals, sidePx);
            const float pad = cap * kSideTagPad, boxW = sideWidth(), boxH = cap + 2 * pad;
            const float bx = t.side == Side::Left ? x0 : x0 + cw - boxW;
            const float by = y + (rowH - boxH) * 0.5f;
            L.side.face = Face::Capitals;
            L.side.px = sidePx;
            L.side.cap = cap;
            // The arrow (drawn by the view) points to the side, beside the word.
            const float textX = t.side == Side::Left ? bx + 2 * pad + cap * kSideArrow : bx + pad;
            L.side.lines.push_back({word, textX, by + pad - m.capTop(Face::Capitals, sidePx)});
            L.side.box = {bx, by, boxW, boxH};
            L.band = t.side == Side::Left ? Rect{0, 0, bandW, H} : Rect{W - bandW, 0, bandW, H};
        }
        const float kh = m.lineHeight(Face::Text, kindPx);
        const float kw = kindWidth();
        const float kx = word.empty() ? x0 + (cw - kw) * 0.5f : t.side == Side::Left ? x0 + cw - kw : x0;
        L.kind = centredLine(m, Face::Text, kindPx, t.kind, kx, kw, y + std::max(0.0f, (rowH - kh) * 0.5f));
        y += rowH + gap;
    }
    // The digits, or the manual phase's hint, in the height left for them.
    {
        if (!t.clock.empty()) {
            float px = pxForCap(m, Face::Digits, digitsCap);
            if (const float w = m.width(Face::Digits, px, t.clock); w > cw) px *= cw / w;
            const float cap = m.capHeight(Face::Digits, px), w = m.width(Face::Digits, px, t.clock);
            const float inkTop = y + (digitsCap - cap) * 0.5f;
            L.countdown.face = Face::Digits;
            L.countdown.px = px;
            L.countdown.cap = cap;
            L.countdown.lines.push_back({t.clock, x0 + (cw - w) * 0.5f, inkTop - m.capTop(Face::Digits, px)});
            L.countdown.box = {x0 + (cw - w) * 0.5f, inkTop, w, cap};
        } else {
            std::string hint = t.manualHint;
            float px = pxForCap(m, Face::Text, std::min(labelCap * f * 1.3f, digitsCap * 0.6f));
            px = fitLine(m, Face::Text, px, hint, cw, 0.3f);
            const float h = m.lineHeight(Face::Text, px);
            L.countdown = centredLine(m, Face::Text, px, std::move(hint), x0, cw, y + (digitsCap - h) * 0.5f);
        }
        y += digitsCap + gap;
    }
    // What to do, then its cue.
    {
        const float px = pxForCap(m, Face::Text, labelCap * f);
        L.label = centredLines(m, Face::Text, px, wrap(m, Face::Text, px, t.label, cw, labelLines), x0, cw, y);
        y += static_cast<float>(labelLines) * m.lineHeight(Face::Text, px) + gap;
        const float cuePx = pxForCap(m, Face::Text, cueCap * f);
        L.cue = centredLines(m, Face::Text, cuePx, wrap(m, Face::Text, cuePx, t.cue, cw, cueLines), x0, cw, y);
        y += static_cast<float>(cueLines) * m.lineHeight(Face::Text, cuePx) + gap;
    }
    // This phase's progress and the routine's.
    L.phaseBar = {x0, y, cw, barH};
    y += barH + gap * 0.5f;
    L.routineBar = {x0, y, cw, routineBarH};
    y += routineBarH + gap;
    // Round and time left, then what comes next (room kept for it grown).
    {
        std::string info = t.info;
        const float px = fitLine(m, Face::Text, pxForCap(m, Face::Text, infoCap * f), info, cw, 0.7f);
        L.info = centredLine(m, Face::Text, px, std::move(info), x0, cw, y);
        y += m.lineHeight(Face::Text, pxForCap(m, Face::Text, infoCap * f)) + gap;
        std::string next = t.next;
        const float nextPx = fitLine(m, Face::Text, pxForCap(m, Face::Text, nextCap * f), next, cw, 0.7f);
        const float reserve = lineH(Face::Text, nextReserveCap * f);
        L.next = centredLine(m, Face::Text, nextPx, std::move(next), x0, cw,
                             y + (reserve - m.lineHeight(Face::Text, nextPx)) * 0.5f);
    }
    // The buttons along the bottom; what height is left stays between them and "Next".
    L.buttons = {x0, H - my - buttonsH * f, cw, buttonsH * f};
    L.buttonPx = pxForCap(m, Face::Text, buttonsH * f * 0.3f);

    if (t.paused) {
        // From across the room: one huge word over the dimmed screen, and how to go on.
        std::string word = _("PAUSED");
        float px = pxForCap(m, Face::Capitals, 0.2f * H * s);
        px = fitLine(m, Face::Capitals, px, word, W * 0.9f, 0.05f);
        const float cap = m.capHeight(Face::Capitals, px);
        const float top = H * 0.42f - cap * 0.5f;
        const float w = m.width(Face::Capitals, px, word);
        L.pausedWord.face = Face::Capitals;
        L.pausedWord.px = px;
        L.pausedWord.cap = cap;
        L.pausedWord.lines.push_back({word, (W - w) * 0.5f, top - m.capTop(Face::Capitals, px)});
        L.pausedWord.box = {(W - w) * 0.5f, top, w, cap};
        std::string hint = _("Space to resume");
        float hintPx = pxForCap(m, Face::Text, labelCap);
        hintPx = fitLine(m, Face::Text, hintPx, hint, W * 0.9f, 0.05f);
        const float hintTop = top + cap + H * 0.05f;
        hintPx = std::min(hintPx, hintPx * (H - my - hintTop) / std::max(1.0f, m.lineHeight(Face::Text, hintPx)));
        L.pausedHint = centredLine(m, Face::Text, hintPx, std::move(hint), 0, W, hintTop);
    }
    if (!t.question.empty()) {
        // Leave? Restart? Over the words of lower priority, in a band right under the time left,
        // which it never covers; wrapped across the window, and smaller until it fits there in
        // at most kQuestionLines lines (cut only when even that is not enough).
        const float top = L.countdown.empty() ? my : L.countdown.box.bottom() + gap;
        const float room = std::max(0.0f, H - my - top), textW = W - 2 * mx;
        // Its lines, with half a capital of room above and below.
        const auto height = [&](float px, std::size_t lines) {
            return static_cast<float>(lines) * m.lineHeight(Face::Text, px) + m.capHeight(Face::Text, px);
        };
        constexpr std::size_t kAll = static_cast<std::size_t>(-1);
        float px = pxForCap(m, Face::Text, kQuestionCapShare * H * s);
        std::vector<std::string> lines = wrap(m, Face::Text, px, t.question, textW, kAll);
        while (px > 2 && (lines.size() > kQuestionLines || height(px, lines.size()) > room)) {
            px *= 0.9f;
            lines = wrap(m, Face::Text, px, t.question, textW, kAll);
        }
        lines = wrap(m, Face::Text, px, t.question, textW, kQuestionLines);
        L.questionBand = {0, top, W, std::min(room, height(px, lines.size()))};
        L.question = centredLines(m, Face::Text, px, lines, mx, textW, top + m.capHeight(Face::Text, px) * 0.5f);
    }
    return L;
}

void addTextBox(std::vector<NamedBox>& boxes, const char* name, const TextBox& box) {
    if (!box.empty()) boxes.push_back({name, &box, box.box});
}

std::vector<NamedBox> namedBoxes(const PlayerLayout& L) {
    std::vector<NamedBox> out;
    const auto text = [&](const char* name, const TextBox& box) { addTextBox(out, name, box); };
    text("side", L.side);
    text("kind", L.kind);
    text("countdown", L.countdown);
    text("label", L.label);
    text("cue", L.cue);
    text("info", L.info);
    text("next", L.next);
    text("name", L.name);
    out.push_back({"volume", nullptr, L.volume});
    out.push_back({"buttons", nullptr, L.buttons});
    text("paused", L.pausedWord);
    text("paused-hint", L.pausedHint);
    if (!L.question.empty()) out.push_back({"question-band", nullptr, L.questionBand});
    text("question", L.question);
    return out;
}

std::string describeTexts(const PlayerLayout& L) {
    std::string out;
    const auto text = [&](const char* name, const TextBox& box) {
        if (box.empty()) return;
        std::string joined;
        for (const TextLine& l : box.lines) joined += (joined.empty() ? "" : " ") + l.text;
        out += std::string(out.empty() ? "" : " ") + name + "=\"" + joined + "\"";
    };
    text("side", L.side);
    text("kind", L.kind);
    text("label", L.label);
    text("info", L.info);
    text("next", L.next);
    text("paused", L.pausedWord);
    text("question", L.question);
    return out;
}

std::string describe(const PlayerLayout& L) { return describeBoxes(L.width, L.height, L.fit, namedBoxes(L)); }

std::string describeBoxes(float width, float height, float fit, const std::vector<NamedBox>& boxes) {
    char buffer[160];
    std::snprintf(buffer, sizeof buffer, "w=%.0f h=%.0f fit=%.2f", width, height, fit);
    std::string out = buffer;
    for (const NamedBox& b : boxes) {
        std::snprintf(buffer, sizeof buffer, " %s=%.0f,%.0f,%.0f,%.0f,%.1f", b.name, b.box.x, b.box.y, b.box.w, b.box.h,
                      b.text ? b.text->cap : 0.0f);
        out += buffer;
    }
    return out;
}

} // namespace unknot::ui
