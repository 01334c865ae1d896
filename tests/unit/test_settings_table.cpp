// The settings declaration (store/settings_table.hpp): every setting is read, written and
// documented from it.
#include "core/atomic_file.hpp"
#include "store/settings_table.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <set>

using namespace unknot;

namespace {

const std::string kBegin = "<!-- settings table: made by settingsReference(), checked by test_settings_table -->\n";
const std::string kEnd = "<!-- end of the settings table -->\n";

} // namespace

TEST_CASE("each setting is declared once, under a name of its own") {
    std::set<std::string> names;
    for (const SettingDecl& d : settingsTable()) {
        CAPTURE(settingName(d));
        CHECK(names.insert(settingName(d)).second);
        CHECK_FALSE(d.help.empty());
        CHECK((d.widget == SettingWidget::None) == (d.section == SettingSection::None));
        CHECK((d.widget == SettingWidget::None) == d.label.empty());
        CHECK((d.widget == SettingWidget::None) == (d.effect == SettingEffect::Kept));
    }
    CHECK(settingsInFileOrder().size() == settingsTable().size());
}

TEST_CASE("a setting of the wrong type gives its default and a notice that names it") {
    const Settings defaults;
    for (const SettingDecl& d : settingsTable()) {
        if (d.key.empty()) continue; // [sounds]: a table of paths, tested with the files
        CAPTURE(settingName(d));
        const std::string text =
            (d.table.empty() ? "" : "[" + std::string(d.table) + "]\n") + std::string(d.key) + " = [1]\n";
        const LoadedSettings loaded = parseSettings(text);
        CHECK(sameSetting(d, loaded.settings, defaults));
        REQUIRE(loaded.notices.size() == 1);
        CHECK(loaded.notices[0].find("`" + std::string(d.key) + "`") != std::string::npos);
        CHECK(loaded.notices[0].find(settingValues(d)) != std::string::npos);
    }
}

TEST_CASE("docs/settings.md's table is the one the declarations make") {
    const auto path = std::filesystem::path(UNKNOT_SOURCE_DIR) / "docs" / "settings.md";
    const auto text = readFile(path);
    REQUIRE(text);
    const auto begin = text->find(kBegin);
    const auto end = text->find(kEnd);
    REQUIRE(begin != std::string::npos);
    REQUIRE(end != std::string::npos);
    const std::string table = text->substr(begin + kBegin.size(), end - begin - kBegin.size());
    const std::string wanted = settingsReference();
    if (table != wanted && std::getenv("UNKNOT_WRITE_DOCS")) {
        // UNKNOT_WRITE_DOCS=1 unknot_unit_tests -tc='docs/settings.md*' writes it, for a new setting.
        REQUIRE_FALSE(writeFileAtomically(path, text->substr(0, begin + kBegin.size()) + wanted + text->substr(end)));
        return;
    }
    CHECK_MESSAGE(table == wanted, "docs/settings.md is out of date: run UNKNOT_WRITE_DOCS=1 "
                                   "build/debug/bin/unknot_unit_tests -tc='docs/settings.md*'");
}
