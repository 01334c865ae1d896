#include "store/routine_translation.hpp"

#include "core/i18n.hpp"
#include "play/phrase_plan.hpp"

namespace unknot {

namespace {

void translateText(std::string& text) {
    if (!text.empty()) text = translated(text);
}

void translateSteps(std::vector<Step>& steps) {
    for (Step& s : steps) {
        translateText(s.label);
        translateText(s.cue);
        if (!s.say.empty()) {
            std::string say = translated(s.say);
            if (!checkSayTemplate(say)) s.say = std::move(say);
        }
        translateSteps(s.children);
    }
}

} // namespace

void translateBuiltInRoutine(Routine& routine) {
    const SameLanguage steady; // a switch on the window's thread waits: never half in each
    translateText(routine.name);
    translateText(routine.summary);
    translateText(routine.notes);
    translateSteps(routine.steps);
    for (std::string& tag : routine.tags) translateText(tag);
    for (std::string& thing : routine.equipment) translateText(thing);
    for (Source& source : routine.sources) translateText(source.supports);
}

} // namespace unknot
