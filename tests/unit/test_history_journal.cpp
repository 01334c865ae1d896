// The journal of writes kept for later (unknot.db.pending): read back as written, and a line the
// database could never take is damaged, kept aside, and holds back nothing after it. The inputs
// tests/fuzz/fuzz_journal.cpp found are rebuilt here.
#include "store/history_journal.hpp"
#include "store/history_sink.hpp"

#include "app_fakes.hpp"
#include "temp_dir.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <fstream>

using namespace unknot;
using unknot::test::TempDir;

namespace {
std::string readAll(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}
} // namespace

TEST_CASE("a journal line reads back as the entry written, its tabs, line breaks and backslashes too") {
    JournalEntry session;
    session.key = "k1";
    session.record =
        HistoryRecord{1'790'000'000, "glute", "Glute\twith\ta tab\r\nand \\ a line", 60'000, 59'000, true, "c0ffee", 2};
    JournalEntry checkIn;
    checkIn.session = false;
    checkIn.key = "k2";
    checkIn.checkIn = CheckIn{1'790'000'100, "heel", Side::Right, 10, CheckInMoment::After, 7, "a \\t note\twith tab"};
    checkIn.sessionKey = "k1";
    for (const JournalEntry& e : {session, checkIn}) {
        const std::string line = journalLine(e);
        REQUIRE(line.ends_with('\n'));
        CHECK(line.find('\n') == line.size() - 1);
        const auto back = parseJournalLine(std::string_view(line).substr(0, line.size() - 1));
        REQUIRE(back);
        CHECK(journalLine(*back) == line);
    }
    const auto read = readJournal(journalLine(session) + "\n" + journalLine(checkIn) + "S\tdead\t1790");
    REQUIRE(read.entries.size() == 2);
    CHECK(read.entries[0].record.routineName == session.record.routineName);
    CHECK(read.entries[1].checkIn.note == "a \\t note\twith tab");
    CHECK(read.entries[1].checkIn.sessionId == 7);
    REQUIRE(read.damaged.size() == 1); // the torn last line; the empty one is no line
    CHECK(read.damaged[0] == "S\tdead\t1790");
}

TEST_CASE("a journal line the database could never take is damaged") {
    const std::string good = "C\tk\t1790000000\theel\tleft\t4\tafter\t\t\t";
    REQUIRE(parseJournalLine(good));
    for (const char* bad : {
             "C\tk\t1790000000\theel\tleft\t11\tafter\t\t\t",         // score over 10
             "C\tk\t1790000000\theel\tleft\t4294967300\tafter\t\t\t", // a score that wrapped to 4 as an int
             "C\tk\t1790000000\theel\tleft\t-1\tafter\t\t\t",         // under 0
             "C\tk\t1790000000\theel\tup\t4\tafter\t\t\t",            // no such side
             "C\tk\t1790000000\theel\tleft\t4\tduring\t\t\t",         // no such moment
             "C\tk\t1790000000\t\tleft\t4\tafter\t\t\t",              // no area
             "C\tk\t1790000000\the\x1b[2Jel\tleft\t4\tafter\t\t\t",   // a control character
             "C\tk\t1790000000\theel\tleft\t4\tafter\tseven\t\t",     // a session id that is no number
             "C\tk\t1790000000\theel\tleft\t 4\tafter\t\t\t",         // not a whole field
             "S\tk\t1790000000\tr\tR\t-5\t0\t1\t\t0",                 // a negative planned time
             "S\tk\t1790000000\tr\tR\t5\t-1\t1\t\t0",                 // a negative time done
             "S\tk\t1790000000\tr\tR\t5\t1\t1\t\t4294967296",         // skipped phases past an int
             "S\tk\t1790000000\tr\tR\t5\t1\tyes\t\t0",                // completed is 0 or 1
             "S\tk\t99999999999999999999\tr\tR\t5\t1\t1\t\t0",        // past 64 bits
             "X\tk\t1\t2\t3\t4\t5\t6\t7\t8",
         })
        CHECK_MESSAGE(!parseJournalLine(bad), bad);
}

// fuzz_journal's first find (its seed with a torn line, as it was): a check-in kept with the id of
// a session the database does not have (the journal replayed into a new database) failed its
// foreign key at every replay, so it and every line after it waited forever, and the journal
// was never emptied.
TEST_CASE("a check-in whose session is not in the database is written without it, and the lines after it too") {
    TempDir tmp;
    const auto db = tmp.path / "unknot.db";
    std::ofstream(HistoryStore::journalOf(db), std::ios::binary)
        << "C\taaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\t1790000000\tknee\t\t3\tstandalone\t12\t\t"
           "a note with a tab\\there, a line\\nbreak and a backslash \\\\\n"
           "S\tbbbb\t1790000500\tcalves\tCalves \\t tabbed\t60000\t0\t0\t\t3\n"
           "C\tcccc\t1790000";
    auto opened = openHistory(db, tmp.path / "history.csv");
    REQUIRE(opened.db);
    CHECK(opened.journalApplied == 2);
    const auto checkIns = opened.db->checkIns();
    REQUIRE(checkIns.size() == 1);
    CHECK(checkIns[0].area == "knee");
    CHECK_FALSE(checkIns[0].sessionId);
    CHECK(checkIns[0].note == "a note with a tab\there, a line\nbreak and a backslash \\");
    REQUIRE(opened.db->sessions().size() == 1);
    CHECK(opened.db->sessions()[0].record.routineName == "Calves \t tabbed");
    CHECK(std::filesystem::file_size(HistoryStore::journalOf(db)) == 0);
    // The torn line is kept aside, not dropped.
    CHECK(readAll(HistoryStore::journalOf(db).string() + ".damaged") == "C\tcccc\t1790000\n");
}

TEST_CASE("damaged lines before good ones hold nothing back, and the window tells where they are kept") {
    TempDir tmp;
    const auto db = tmp.path / "unknot.db";
    const std::string bad = "C\tk2\t2\tfoot\tleft\t11\tafter\t\t\t\nS\tk3\t3\tr\tR\t1\t-1\t1\t\t0\n";
    std::ofstream(HistoryStore::journalOf(db), std::ios::binary)
        << bad << "C\tk4\t4\tfoot\tleft\t5\tafter\t\t\t\nS\tk5\t5\tr\tR\t1\t1\t1\t\t0\n";
    test::Reports reports;
    {
        HistoryStore store(db, tmp.path / "history.csv", reports);
        REQUIRE(store.waitUntilSaved(std::chrono::seconds(20)));
        store.poll();
    }
    REQUIRE(reports.told.size() == 1);
    CHECK(reports.told[0].text.starts_with("2 damaged line(s) of "));
    CHECK(reports.told[0].place == HistoryStore::journalOf(db).string() + ".damaged");
    CHECK_FALSE(reports.told[0].hint.empty());
    CHECK(reports.count("history journal replayed entries=2 damaged=2") == 1);
    auto opened = openHistory(db, tmp.path / "history.csv");
    REQUIRE(opened.db);
    REQUIRE(opened.db->checkIns().size() == 1);
    CHECK(opened.db->checkIns()[0].score == 5);
    CHECK(opened.db->sessions().size() == 1);
    CHECK(std::filesystem::file_size(HistoryStore::journalOf(db)) == 0);
    CHECK(readAll(HistoryStore::journalOf(db).string() + ".damaged") == bad);
    CHECK((std::filesystem::status(HistoryStore::journalOf(db).string() + ".damaged").permissions() &
           std::filesystem::perms::others_read) == std::filesystem::perms::none);
}
