"""A recording notification server for test_remind.py: owns org.freedesktop.Notifications on
the session bus it is given, writes each Notify call as a JSON line to the file named by
argv[1], prints "ready" once it owns the name, and, when argv[2] is an action key, invokes that
action on each notification half a second after it arrived (as a user clicking Start)."""
import json
import sys

import dbus
import dbus.service
from dbus.mainloop.glib import DBusGMainLoop
from gi.repository import GLib

NAME = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"


class Recorder(dbus.service.Object):
    def __init__(self, bus, record, action):
        super().__init__(bus, PATH)
        self.record, self.action, self.next_id = record, action, 1

    @dbus.service.method(NAME, in_signature="susssasa{sv}i", out_signature="u")
    def Notify(self, app, replaces, icon, summary, body, actions, hints, timeout):
        nid = self.next_id
        self.next_id += 1
        with open(self.record, "a") as f:
            f.write(json.dumps({"id": nid, "app": str(app), "summary": str(summary), "body": str(body),
                                "actions": [str(a) for a in actions]}) + "\n")
        if self.action:
            GLib.timeout_add(500, lambda: self.ActionInvoked(nid, self.action) and False)
        return nid

    @dbus.service.method(NAME, out_signature="as")
    def GetCapabilities(self):
        return ["actions", "body"]

    @dbus.service.signal(NAME, signature="us")
    def ActionInvoked(self, nid, key):
        pass


def main():
    DBusGMainLoop(set_as_default=True)
    bus = dbus.SessionBus()
    name = dbus.service.BusName(NAME, bus)  # noqa: F841 (kept: owning the name)
    Recorder(bus, sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "")
    print("ready", flush=True)
    GLib.MainLoop().run()


if __name__ == "__main__":
    main()
