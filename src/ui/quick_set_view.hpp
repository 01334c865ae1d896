#pragma once
// The quick set: one small form for "5 x tense 5 s / release 10 s, both sides".

#include "core/editor.hpp"
#include "ui/fonts.hpp"

#include <map>
#include <string>

namespace unknot::ui {

struct QuickSetViewState {
    QuickSet quick;
    std::map<std::string, std::string> text;   // duration fields as typed
    std::map<std::string, std::string> errors; // and what is wrong with them
    bool focusName = true;
};

struct QuickSetAction {
    enum class Type { None, Start, Save, Refine, Cancel } type = Type::None;
    [[nodiscard]] explicit operator bool() const { return type != Type::None; }
};

[[nodiscard]] QuickSetAction drawQuickSet(QuickSetViewState& state, const Fonts& fonts);

} // namespace unknot::ui
