#include "cli/cli_remind.hpp"

#include "core/atomic_file.hpp"
#include "core/duration.hpp"
#include "core/i18n.hpp"
#include "core/paths.hpp"
#include "core/text.hpp"
#include "desktop/clock.hpp"
#include "program/reminder.hpp"
#include "program/today.hpp"
#include "store/data_dirs.hpp"
#include "store/history_sink.hpp"
#include "store/user_files.hpp"

#include <systemd/sd-bus.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>

namespace unknot {

namespace {

constexpr int kExitOk = 0;
constexpr int kExitFailed = 1;
constexpr int kExitUsage = 2;

std::filesystem::path systemdUserDir() {
    // The user's units live beside the config folder: $XDG_CONFIG_HOME/systemd/user.
    return userConfigDir().parent_path() / "systemd" / "user";
}

// Commands of our own, no user text in them.
bool systemctl(const char* args) {
    const std::string command = std::string("systemctl --user ") + args + " >/dev/null 2>&1";
    return std::system(command.c_str()) == 0;
}

// A user manager runs when its socket is there ($XDG_RUNTIME_DIR/systemd/private, what
// `systemctl --user` connects to) and answers. The socket is asked first: in a chroot, newer
// systemctl versions (Debian 13's 257) ignore the request and exit 0 without any manager.
bool userSessionRunning() {
    const char* runtime = std::getenv("XDG_RUNTIME_DIR");
    if (!runtime || !*runtime) return false;
    std::error_code ec;
    if (!std::filesystem::is_socket(std::filesystem::path(runtime) / "systemd" / "private", ec)) return false;
    return systemctl("show-environment");
}

std::string exePath() {
    std::error_code ec;
    auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::string("unknot") : exe.string();
}

int writeUnits(const std::filesystem::path& dir, TimeOfDay at) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    const std::string name(kReminderUnit);
    if (auto error = writeFileAtomically(dir / (name + ".service"), reminderService(exePath()))) {
        std::cerr << "unknot: " << _("error: ") << escapeControls(*error) << "\n";
        return kExitFailed;
    }
    if (auto error = writeFileAtomically(dir / (name + ".timer"), reminderTimer(at))) {
        std::cerr << "unknot: " << _("error: ") << escapeControls(*error) << "\n";
        return kExitFailed;
    }
    return kExitOk;
}

int remindAt(const RemindCommand& c) {
    const auto at = parseTimeOfDay(c.at);
    if (!at) {
        std::cerr << "unknot: " << _("error: ")
                  << format(_("--at '{0}' is not a time like 20:30 (00:00 to 23:59); nothing changed"),
                            {escapeControls(c.at)})
                  << "\n";
        return kExitUsage;
    }
    if (!c.unitsDir.empty()) return writeUnits(c.unitsDir, *at);
    if (!userSessionRunning()) {
        std::cerr << "unknot: " << _("error: ")
                  << _("no systemd user session to run a timer in (systemctl --user fails); nothing changed") << "\n";
        return kExitFailed;
    }
    if (const int code = writeUnits(systemdUserDir(), *at); code != kExitOk) return code;
    if (!systemctl("daemon-reload") || !systemctl("enable --now unknot-remind.timer")) {
        std::cerr << "unknot: " << _("error: ") << _("systemctl --user could not enable unknot-remind.timer") << "\n";
        return kExitFailed;
    }
    std::cout << format(_("reminder set: every day at {0} (unknot-remind.timer; 'unknot remind --off' removes it)"),
                        {c.at})
              << "\n";
    return kExitOk;
}

int remindOff() {
    if (!userSessionRunning()) {
        std::cerr << "unknot: " << _("error: ")
                  << _("no systemd user session (systemctl --user fails); nothing changed") << "\n";
        return kExitFailed;
    }
    systemctl("disable --now unknot-remind.timer");
    std::error_code ec;
    const std::string name(kReminderUnit);
    const bool had = std::filesystem::remove(systemdUserDir() / (name + ".timer"), ec);
    std::filesystem::remove(systemdUserDir() / (name + ".service"), ec);
    systemctl("daemon-reload");
    std::cout << (had ? _("reminder removed") : _("no reminder was set")) << "\n";
    return kExitOk;
}

// Waits for the user to press Start (or close the notification) for at most `seconds`.
bool waitForStart(sd_bus* bus, std::uint32_t id, int seconds) {
    struct Seen {
        std::uint32_t id;
        bool start = false;
        bool closed = false;
    } seen{id};
    const auto onAction = [](sd_bus_message* m, void* data, sd_bus_error*) -> int {
        auto* s = static_cast<Seen*>(data);
        std::uint32_t nid = 0;
        const char* key = nullptr;
        if (sd_bus_message_read(m, "us", &nid, &key) >= 0 && nid == s->id && key &&
            (std::string_view(key) == "start" || std::string_view(key) == "default"))
            s->start = true;
        return 0;
    };
    const auto onClosed = [](sd_bus_message* m, void* data, sd_bus_error*) -> int {
        auto* s = static_cast<Seen*>(data);
        std::uint32_t nid = 0, reason = 0;
        if (sd_bus_message_read(m, "uu", &nid, &reason) >= 0 && nid == s->id) s->closed = true;
        return 0;
    };
    sd_bus_slot* a = nullptr;
    sd_bus_slot* b = nullptr;
    sd_bus_match_signal(bus, &a, nullptr, "/org/freedesktop/Notifications", "org.freedesktop.Notifications",
                        "ActionInvoked", onAction, &seen);
    sd_bus_match_signal(bus, &b, nullptr, "/org/freedesktop/Notifications", "org.freedesktop.Notifications",
                        "NotificationClosed", onClosed, &seen);
    const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    while (!seen.start && !seen.closed) {
        const auto left = end - std::chrono::steady_clock::now();
        if (left <= std::chrono::steady_clock::duration::zero()) break;
        const int r = sd_bus_process(bus, nullptr);
        if (r < 0) break;
        if (r > 0) continue;
        sd_bus_wait(bus,
                    static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::microseconds>(left).count()));
    }
    sd_bus_slot_unref(a);
    sd_bus_slot_unref(b);
    return seen.start;
}

int remindNow(const RemindCommand& c, const LibraryFolders& folders) {
    Library routines;
    routines.scan(folders);
    ProgramLibrary programs;
    programs.scan(ProgramFolders{builtInProgramsDir(), userProgramsDir()}, routines);
    OpenedHistory opened = openHistory(historyDbPath(), historyPath());
    if (!opened.db) {
        std::cerr << "unknot: " << _("error: ") << escapeControls(opened.error) << "\n";
        return kExitOk; // a reminder that cannot look stays quiet
    }
    ProgramStore store(*opened.db);
    const std::int64_t now = wallClockSeconds();
    const Today t = followProgram(store, programs, localDayOf(now), now);
    const DueRoutine* next = nextDue(t.due);
    if (!next) {
        std::cout << (t.run ? _("nothing due and not done today") : _("no program is running")) << "\n";
        return kExitOk;
    }
    const LibraryEntry* entry = routines.findId(next->id);
    const std::string name = entry ? entry->displayName() : next->id;
    const std::string length = entry && entry->valid() ? formatHuman(entry->totalMs) : "";
    const std::string summary = "Unknot: " + name;
    const std::string body = length.empty() ? format(_("Due today (unknot run {0})"), {next->id})
                                            : format(_("Due today, {0} (unknot run {1})"), {length, next->id});

    sd_bus* bus = nullptr;
    if (sd_bus_open_user(&bus) < 0) {
        std::cout << summary << ": " << body << " " << _("(no session bus: no desktop notification)") << "\n";
        return kExitOk;
    }
    sd_bus_error error = SD_BUS_ERROR_NULL;
    sd_bus_message* reply = nullptr;
    const int r =
        sd_bus_call_method(bus, "org.freedesktop.Notifications", "/org/freedesktop/Notifications",
                           "org.freedesktop.Notifications", "Notify", &error, &reply, "susssasa{sv}i", "Unknot", 0u,
                           "unknot", summary.c_str(), body.c_str(), 2, "start", _("Start"), 0, -1);
    std::uint32_t id = 0;
    if (r < 0 || sd_bus_message_read(reply, "u", &id) < 0) {
        std::cout << summary << ": " << body << " "
                  << format(_("(no notification server: {0})"), {error.message ? error.message : _("no reply")})
                  << "\n";
        sd_bus_error_free(&error);
        sd_bus_message_unref(reply);
        sd_bus_flush_close_unref(bus);
        return kExitOk;
    }
    sd_bus_message_unref(reply);
    std::cout << format(_("reminded: {0} ({1})"),
                        {escapeControls(name), escapeControls(next->id) + (length.empty() ? "" : ", " + length)})
              << "\n"
              << std::flush;
    const bool start = c.waitSeconds > 0 && waitForStart(bus, id, c.waitSeconds);
    sd_bus_flush_close_unref(bus);
    if (!start) return kExitOk;
    // Start: open Unknot on the routine, in this process's place.
    const std::string exe = exePath();
    execl(exe.c_str(), exe.c_str(), "run", next->id.c_str(), static_cast<char*>(nullptr));
    std::cerr << "unknot: " << _("error: ") << format(_("cannot start {0}"), {escapeControls(exe)}) << "\n";
    return kExitFailed;
}

} // namespace

void addRemindCommand(CLI::App& app, RemindCommand& into) {
    into.remind =
        app.add_subcommand("remind", _("Notify the routine due today (Start opens it); --at sets a daily timer"));
    auto* at = into.remind->add_option("--at", into.at, _("Remind every day at HH:MM (a systemd user timer)"));
    into.remind->add_flag("--off", into.off, _("Remove the daily reminder"))->excludes(at);
    into.remind->add_option("--wait", into.waitSeconds, _("Seconds to wait for Start (default 1800; 0: do not wait)"))
        ->check(CLI::Range(0, 86'400));
    into.remind->add_option("--units-dir", into.unitsDir, "")->group(""); // write the units here, enable nothing
}

int runRemindCommand(const RemindCommand& c, const LibraryFolders& folders) {
    if (!c.remind || !*c.remind) return -1;
    if (c.off) return remindOff();
    if (!c.at.empty() || c.remind->count("--at") > 0) return remindAt(c);
    return remindNow(c, folders);
}

} // namespace unknot
