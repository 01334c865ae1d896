#include "ui/help_overlay.hpp"

#include "core/i18n.hpp"
#include "ui/draw.hpp"
#include "ui/palette.hpp"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <vector>

namespace unknot::ui {

void drawHelpOverlay(const Fonts& fonts, Screen screen) {
    std::vector<const KeyBinding*> rows;
    for (const KeyBinding& b : keyBindings(screen))
        if (b.label) rows.push_back(&b);
    const std::size_t count = rows.size();
    ImDrawList* fg = ImGui::GetForegroundDrawList();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const ImVec2 o = vp->Pos, size = vp->Size;
    fg->AddRectFilled(o, ImVec2(o.x + size.x, o.y + size.y), colour(kInk, 0.93f));
    const float lineH = fonts.heading->FontSize * 1.45f;
    float y = o.y + std::max(20.0f, (size.y - lineH * static_cast<float>(count + 2)) * 0.5f);
    textCentred(fg, fonts.large, ImVec2(o.x + size.x * 0.5f, y), colour(kPaper), _("Keys"));
    y += lineH * 1.4f;
    for (std::size_t i = 0; i < count; ++i, y += lineH) {
        // The tables mark their words with N_(): translated here, as shown.
        const char* label = _(rows[i]->label);
        const ImVec2 ks = fonts.heading->CalcTextSizeA(fonts.heading->FontSize, FLT_MAX, 0, label);
        fg->AddText(fonts.heading, fonts.heading->FontSize, ImVec2(o.x + size.x * 0.38f - ks.x, y), colour(kPaper),
                    label);
        fg->AddText(fonts.heading, fonts.heading->FontSize, ImVec2(o.x + size.x * 0.42f, y), colour(kPaper, 0.85f),
                    _(rows[i]->help));
    }
}

} // namespace unknot::ui
