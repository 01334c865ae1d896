#include "screens/library/library_state.hpp"

namespace unknot::ui {

LibraryFilter filterFor(const LibraryViewState& state, const std::vector<std::string>& tags,
                        const std::vector<std::string>& equipment) {
    LibraryFilter f;
    f.query = state.search.text;
    if (state.tag > 0 && static_cast<std::size_t>(state.tag) <= tags.size())
        f.tag = tags[static_cast<std::size_t>(state.tag - 1)];
    if (state.equipment > 0 && static_cast<std::size_t>(state.equipment) <= equipment.size())
        f.equipment = equipment[static_cast<std::size_t>(state.equipment - 1)];
    return f;
}

} // namespace unknot::ui
