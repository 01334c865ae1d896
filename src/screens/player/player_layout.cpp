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

namespace {

// The first of `candidates` (longest first) that fits one line of `width`, else the last.
std::string firstFitting(const TextMeasure& m, float px, const std::vector<std::string>& candidates, float width) {
    std::string chosen;
    for (const std::string& c : candidates) {
        if (c.empty()) continue;
        chosen = c;
        if (m.width(Face::Text, px, c) <= width) break;
    }
    return chosen;
}

// The size, `px` or smaller, at which `text` wraps into at most `maxLines` lines of `width`
// with no word cut: what must be read whole (the time of what comes next) shrinks, never cut.
float wholeIn(const TextMeasure& m, float px, const std::string& text, float width, std::size_t maxLines) {
    const auto whole = [&](float size) {
        const auto lines = wrap(m, Face::Text, size, text, width, static_cast<std::size_t>(-1));
        if (lines.size() > maxLines) return false;
        return std::none_of(lines.begin(), lines.end(), [](const std::string& l) {
            return l.size() >= 3 && l.compare(l.size() - 3, 3, kEllipsis) == 0;
        });
    };
    for (int i = 0; i < 40 && px > 2 && !whole(px); ++i) px *= 0.95f;
    return px;
}

constexpr float kColumnDigitsShare = 0.7f;

} // namespace

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

    // The text size makes the words bigger; the digits and the side keep the size they have at
    // text size 1 (already the biggest things on the screen), and so does the chrome, which is
    // for a hand near the keyboard and recedes while playing. The words take the room the
    // digits leave at text size 1, so a bigger text size never shrinks the time left.
    const float base = std::min(s, 1.0f);
    const float nameCap = 0.022f * H * base, buttonsH = 0.065f * H * base;
    const float sideCap = kSideCapShare * H * base;
    const auto labelCap = [&](float k) { return kLabelCapShare * H * k; };
    const auto cueCap = [&](float k) { return 0.034f * H * k; };
    const auto infoCap = [&](float k) { return kInfoCapShare * H * k; };
    const float growth = std::clamp(t.nextGrowth, 0.0f, 1.0f);
    const auto nextCap = [&](float k) {
        return (kNextCapShare + (kNextGrownCapShare - kNextCapShare) * growth) * H * k;
    };
    const auto nextReserveCap = [&](float k) { return kNextGrownCapShare * H * k; };
    const float barH = std::max(4.0f, H * 0.014f), routineBarH = std::max(3.0f, H * 0.009f);
    const float sideRowH = sideCap * (1 + 2 * kSideTagPad); // the side's tag
    // TRANSLATORS: the side's tag, the player's largest word after the digits: capitals, short.
    const std::string word = t.side == Side::Left    ? C_("side tag", "LEFT")
                             : t.side == Side::Right ? C_("side tag", "RIGHT")
                                                     : "";
    // "Next" in its longest form that fits one line when grown, else wrapped: never cut.
    const std::string nextText = firstFitting(m, pxForCap(m, Face::Text, nextReserveCap(s)), {t.next, t.nextShort}, cw);

    // The words' height at size k, with the lines each wraps into at that size (at a smaller
    // size a text wraps into as many lines or fewer).
    struct Lines {
        std::size_t label = 1, cue = 1, info = 1, next = 1;
    };
    const auto linesAt = [&](float k) {
        const auto count = [&](const std::string& text, float cap) {
            return std::max<std::size_t>(1, wrap(m, Face::Text, pxForCap(m, Face::Text, cap), text, cw, 2).size());
        };
        return Lines{count(t.label, labelCap(k)), count(t.cue, cueCap(k)), count(t.info, infoCap(k)),
                     count(nextText, nextReserveCap(k))};
    };
    const auto wordsH = [&](float k, const Lines& n) {
        return static_cast<float>(n.label) * lineH(Face::Text, labelCap(k)) +
               static_cast<float>(n.cue) * lineH(Face::Text, cueCap(k)) +
               static_cast<float>(n.info) * lineH(Face::Text, infoCap(k)) +
               static_cast<float>(n.next) * lineH(Face::Text, nextReserveCap(k));
    };
    const float chromeH = lineH(Face::Text, nameCap) + buttonsH;
    const float fixed = 2 * my + barH + routineBarH + gap * 7.5f;
    const float digitsMin = kDigitsMinCapShare * H;
    const Lines baseLines = linesAt(base);
    // Height left for the digits' row at text size 1, beside the side's tag or under it.
    const float avail = H - fixed - chromeH - wordsH(base, baseLines);

    // The side's tag and the kind at a given scale of the side.
    const auto tagWidth = [&](float sidePx) {
        const float cap = m.capHeight(Face::Capitals, sidePx);
        return word.empty() ? 0.0f : m.width(Face::Capitals, sidePx, word) + cap * (3 * kSideTagPad + kSideArrow);
    };
    const auto digitsCapFor = [&](float heightCap, float width) {
        if (t.clock.empty()) return heightCap;
        float px = pxForCap(m, Face::Digits, heightCap);
        if (const float w = m.width(Face::Digits, px, t.clock); w > width) px *= width / w;
        return m.capHeight(Face::Digits, px);
    };
    const float sidePx0 = pxForCap(m, Face::Capitals, sideCap);
    const float kindPx0 = pxForCap(m, Face::Text, labelCap(base));
    // Beside the digits: a column with the tag and, under it, the phase's kind (smaller there
    // when it must be: its colour says it too).
    const float kindW0 = m.width(Face::Text, kindPx0, t.kind);
    const float colW = std::max(tagWidth(sidePx0), word.empty() ? kindW0 : 0.0f);
    const float colH =
        (word.empty() ? 0.0f : sideRowH + gap) + m.lineHeight(Face::Text, kindPx0) * (word.empty() ? 1.0f : 0.6f);
    const float colDigits = digitsCapFor(std::min(kDigitsCapShare * H, avail), cw - colW - 2 * gap);
    const float rowDigits = digitsCapFor(std::min(kDigitsCapShare * H, avail - sideRowH - gap), cw);
    // Beside them when the digits keep most of the width and lose at most 30 % of what they
    // would have under them: the row the tag leaves is room for the words at a bigger text size.
    const bool column = colW + 2 * gap <= cw * 0.55f && avail >= colH && colDigits >= digitsMin &&
                        colDigits >= kColumnDigitsShare * rowDigits;

    float f = 1, sideFit = 1, digitsCap = 0, digitsRowH = 0;
    if (column) {
        digitsCap = colDigits;
        digitsRowH = std::max(digitsCap, colH);
    } else if (avail - sideRowH - gap >= digitsMin) {
        digitsCap = rowDigits;
        digitsRowH = std::min(kDigitsCapShare * H, avail - sideRowH - gap);
    } else {
        // The time left comes first: the digits keep their minimum and everything else shrinks.
        const float scaled = chromeH + sideRowH + wordsH(base, baseLines);
        sideFit = std::max(0.05f, (H - fixed - gap - digitsMin) / scaled);
        digitsRowH = std::min(digitsMin, H - fixed - gap - scaled * sideFit);
        digitsCap = digitsCapFor(digitsRowH, cw);
    }
    // The words at text size s, in the height left (at least as big as at text size 1).
    const float used = fixed + chromeH * sideFit + digitsRowH + (column ? 0.0f : sideRowH * sideFit + gap);
    // The biggest size up to s whose words, wrapped at that size, fit the height left.
    const float wordsRoom = H - used;
    float k = s;
    Lines reserved = linesAt(k);
    for (float need = wordsH(k, reserved); need > wordsRoom && k > base * sideFit;) {
        k = std::max(base * sideFit, k * 0.97f);
        reserved = linesAt(k);
        need = wordsH(k, reserved);
        if (k <= base * sideFit) {
            // Where even text size 1 is tight, the words shrink as much as the rest did.
            k = std::min(k, k * wordsRoom / need);
            break;
        }
    }
    f = k / s;
    L.fit = f;

    float y = my;
    // The chrome: the routine's name on the left, the volume on the right.
    {
        std::string name = t.name;
        const float px = pxForCap(m, Face::Text, nameCap * sideFit);
        name = ellipsize(m, Face::Text, px, name, cw * 0.6f);
        L.name = centredLine(m, Face::Text, px, std::move(name), x0, 0, y);
        for (auto& line : L.name.lines) line.x = x0;
        L.name.box.x = x0;
        const float rowH = m.lineHeight(Face::Text, px);
        L.volume = {x0 + cw * 0.7f, y, cw * 0.3f, rowH};
        y += rowH + gap;
    }
    // The side's tag, on its side of the window, pointing that way.
    const auto placeTag = [&](float sidePx, float bx, float by) {
        const float cap = m.capHeight(Face::Capitals, sidePx);
        const float pad = cap * kSideTagPad;
        L.side.face = Face::Capitals;
        L.side.px = sidePx;
        L.side.cap = cap;
        // The arrow (drawn by the view) points to the side, beside the word.
        const float textX = t.side == Side::Left ? bx + 2 * pad + cap * kSideArrow : bx + pad;
        L.side.lines.push_back({word, textX, by + pad - m.capTop(Face::Capitals, sidePx)});
        L.side.box = {bx, by, tagWidth(sidePx), cap + 2 * pad};
        L.band = t.side == Side::Left ? Rect{0, 0, bandW, H} : Rect{W - bandW, 0, bandW, H};
    };
    // The digits (or the manual phase's hint) in a box of the row.
    const auto placeDigits = [&](float bx, float bw, float by, float bh) {
        if (!t.clock.empty()) {
            const float px = pxForCap(m, Face::Digits, digitsCap);
            const float cap = m.capHeight(Face::Digits, px), w = m.width(Face::Digits, px, t.clock);
            const float inkTop = by + (bh - cap) * 0.5f;
            L.countdown.face = Face::Digits;
            L.countdown.px = px;
            L.countdown.cap = cap;
            L.countdown.lines.push_back({t.clock, bx + (bw - w) * 0.5f, inkTop - m.capTop(Face::Digits, px)});
            L.countdown.box = {bx + (bw - w) * 0.5f, inkTop, w, cap};
        } else {
            std::string hint = t.manualHint;
            float px = pxForCap(m, Face::Text, std::min(labelCap(k) * 1.3f, bh * 0.6f));
            px = fitLine(m, Face::Text, px, hint, bw, 0.3f);
            const float h = m.lineHeight(Face::Text, px);
            L.countdown = centredLine(m, Face::Text, px, std::move(hint), bx, bw, by + (bh - h) * 0.5f);
        }
    };
    if (column) {
        // The tag and the kind in a column on the side's edge (the left without a side), the
        // digits beside them.
        const bool right = t.side == Side::Right;
        const float colX = right ? x0 + cw - colW : x0;
        const float kindRoom = digitsRowH - (word.empty() ? 0.0f : sideRowH + gap);
        float kindPx = pxForCap(m, Face::Text, labelCap(k));
        kindPx = std::min(kindPx, kindPx0 * kindRoom / std::max(1.0f, m.lineHeight(Face::Text, kindPx0)));
        if (const float kw = m.width(Face::Text, kindPx, t.kind); kw > colW) kindPx *= colW / kw;
        const float contentH = (word.empty() ? 0.0f : sideRowH + gap) + m.lineHeight(Face::Text, kindPx);
        float cy = y + (digitsRowH - contentH) * 0.5f;
        if (!word.empty()) {
            placeTag(sidePx0, right ? x0 + cw - tagWidth(sidePx0) : x0, cy);
            cy += sideRowH + gap;
        }
        const float kw = m.width(Face::Text, kindPx, t.kind);
        L.kind = centredLine(m, Face::Text, kindPx, t.kind, right ? x0 + cw - kw : x0, kw, cy);
        const float dx = right ? x0 : colX + colW + 2 * gap;
        placeDigits(dx, cw - colW - 2 * gap, y, digitsRowH);
        y += digitsRowH + gap;
    } else {
        // The side's word on its side, the phase's kind on the other (centred without a side),
        // in a row above the digits.
        const float rowH = sideRowH * sideFit;
        float sidePx = pxForCap(m, Face::Capitals, sideCap * sideFit);
        float kindPx = pxForCap(m, Face::Text, labelCap(k));
        // The kind no taller than its row.
        kindPx = std::min(kindPx, kindPx * rowH / std::max(1.0f, m.lineHeight(Face::Text, kindPx)));
        const auto kindWidth = [&] { return m.width(Face::Text, kindPx, t.kind); };
        const float room = cw - (word.empty() ? 0.0f : gap * 2);
        if (tagWidth(sidePx) + kindWidth() > room && kindWidth() > 0)
            kindPx *= std::clamp((room - tagWidth(sidePx)) / kindWidth(), 0.6f, 1.0f);
        if (const float both = tagWidth(sidePx) + kindWidth(); both > room) {
            sidePx *= room / both;
            kindPx *= room / both;
        }
        if (!word.empty()) {
            const float cap = m.capHeight(Face::Capitals, sidePx);
            const float boxW = tagWidth(sidePx), boxH = cap + 2 * cap * kSideTagPad;
            placeTag(sidePx, t.side == Side::Left ? x0 : x0 + cw - boxW, y + (rowH - boxH) * 0.5f);
        }
        const float kh = m.lineHeight(Face::Text, kindPx);
        const float kw = kindWidth();
        const float kx = word.empty() ? x0 + (cw - kw) * 0.5f : t.side == Side::Left ? x0 + cw - kw : x0;
        L.kind = centredLine(m, Face::Text, kindPx, t.kind, kx, kw, y + std::max(0.0f, (rowH - kh) * 0.5f));
        y += rowH + gap;
        placeDigits(x0, cw, y, digitsRowH);
        y += digitsRowH + gap;
    }
    // What to do, then its cue.
    {
        const float px = pxForCap(m, Face::Text, labelCap(k));
        L.label = centredLines(m, Face::Text, px, wrap(m, Face::Text, px, t.label, cw, reserved.label), x0, cw, y);
        y += static_cast<float>(reserved.label) * m.lineHeight(Face::Text, px) + gap;
        const float cuePx = pxForCap(m, Face::Text, cueCap(k));
        L.cue = centredLines(m, Face::Text, cuePx, wrap(m, Face::Text, cuePx, t.cue, cw, reserved.cue), x0, cw, y);
        y += static_cast<float>(reserved.cue) * m.lineHeight(Face::Text, cuePx) + gap;
    }
    // This phase's progress and the routine's.
    L.phaseBar = {x0, y, cw, barH};
    y += barH + gap * 0.5f;
    L.routineBar = {x0, y, cw, routineBarH};
    y += routineBarH + gap;
    // Round and time left, then what comes next (room kept for it grown); wrapped, not cut.
    {
        const float px = wholeIn(m, pxForCap(m, Face::Text, infoCap(k)), t.info, cw, reserved.info);
        L.info = centredLines(m, Face::Text, px, wrap(m, Face::Text, px, t.info, cw, reserved.info), x0, cw, y);
        y += static_cast<float>(reserved.info) * lineH(Face::Text, infoCap(k)) + gap;
        const float nextPx = wholeIn(m, pxForCap(m, Face::Text, nextCap(k)), nextText, cw, reserved.next);
        const std::vector<std::string> next = wrap(m, Face::Text, nextPx, nextText, cw, reserved.next);
        const float reserve = static_cast<float>(reserved.next) * lineH(Face::Text, nextReserveCap(k));
        const float drawn = static_cast<float>(next.size()) * m.lineHeight(Face::Text, nextPx);
        L.next = centredLines(m, Face::Text, nextPx, next, x0, cw, y + (reserve - drawn) * 0.5f);
    }
    // The buttons along the bottom; what height is left stays between them and "Next".
    L.buttons = {x0, H - my - buttonsH * sideFit, cw, buttonsH * sideFit};
    L.buttonPx = pxForCap(m, Face::Text, buttonsH * sideFit * 0.3f);

    if (t.paused) {
        // From across the room: one huge word over the dimmed screen, and how to go on.
        std::string paused = _("PAUSED");
        float px = pxForCap(m, Face::Capitals, 0.2f * H * s);
        px = fitLine(m, Face::Capitals, px, paused, W * 0.9f, 0.05f);
        const float cap = m.capHeight(Face::Capitals, px);
        const float top = H * 0.42f - cap * 0.5f;
        const float w = m.width(Face::Capitals, px, paused);
        L.pausedWord.face = Face::Capitals;
        L.pausedWord.px = px;
        L.pausedWord.cap = cap;
        L.pausedWord.lines.push_back({paused, (W - w) * 0.5f, top - m.capTop(Face::Capitals, px)});
        L.pausedWord.box = {(W - w) * 0.5f, top, w, cap};
        std::string hint = _("Space to resume");
        float hintPx = pxForCap(m, Face::Text, labelCap(s));
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
    // The texts cut with an ellipsis, for the tests that hold some never to be.
    std::string cut;
    for (const NamedBox& b : boxes)
        if (b.text && std::any_of(b.text->lines.begin(), b.text->lines.end(), [](const TextLine& l) {
                return l.text.size() >= kEllipsis.size() &&
                       l.text.compare(l.text.size() - kEllipsis.size(), kEllipsis.size(), kEllipsis) == 0;
            }))
            cut += (cut.empty() ? " cut=" : ",") + std::string(b.name);
    return out + cut;
}

} // namespace unknot::ui
