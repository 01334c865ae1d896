"""Drops files onto a window the way a file manager does: the XDND protocol (version 5) from a
window of our own, the file list served as text/uri-list when the target asks for it. SDL's X11
backend turns that into SDL_DROPFILE, so a test drops through the same road a user does.
Needs python3-xlib; the tests run it as a script with a Python that has it:
    python3 xdnd.py DISPLAY WINDOW_ID FILE..."""
import select
import sys
import time
from pathlib import Path
from urllib.parse import quote

from Xlib import X, display
from Xlib.protocol import event

XDND_VERSION = 5


class DropError(AssertionError):
    pass


def drop_files(display_name, target_id, paths, timeout=10):
    """Drops `paths` onto window `target_id` and returns when the target said it finished."""
    d = display.Display(display_name)
    try:
        atom = lambda name: d.intern_atom(name)
        uri_list = atom("text/uri-list")
        source = d.screen().root.create_window(0, 0, 1, 1, 0, X.CopyFromParent)
        target = d.create_resource_object("window", target_id)
        payload = "".join("file://" + quote(str(Path(p).resolve())) + "\r\n" for p in paths).encode()

        def send(kind, data):
            msg = event.ClientMessage(window=target, client_type=atom(kind), data=(32, data + [0] * (5 - len(data))))
            target.send_event(msg, event_mask=0)
            d.flush()

        def wait_for(accept):
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline:
                while d.pending_events():
                    e = d.next_event()
                    if e.type == X.SelectionRequest:
                        serve(e)
                    elif accept(e):
                        return e
                select.select([d.fileno()], [], [], 0.1)
            raise DropError("the window did not answer the drop")

        def serve(request):
            # The target converts XdndSelection to text/uri-list: the files, one URI a line.
            requestor = request.requestor
            prop = request.property
            if request.target == uri_list:
                requestor.change_property(prop, uri_list, 8, payload)
            else:
                prop = X.NONE
            notify = event.SelectionNotify(time=request.time, requestor=requestor, selection=request.selection,
                                           target=request.target, property=prop)
            requestor.send_event(notify, event_mask=0)
            d.flush()

        def client(kind):
            return lambda e: e.type == X.ClientMessage and e.client_type == atom(kind)

        source.set_selection_owner(atom("XdndSelection"), X.CurrentTime)
        send("XdndEnter", [source.id, XDND_VERSION << 24, uri_list])
        geometry = target.get_geometry()
        send("XdndPosition", [source.id, 0, (geometry.width // 2) << 16 | geometry.height // 2, X.CurrentTime,
                              atom("XdndActionCopy")])
        status = wait_for(client("XdndStatus"))
        if not status.data[1][1] & 1:
            raise DropError("the window refused the files (XdndStatus without accept)")
        send("XdndDrop", [source.id, 0, X.CurrentTime])
        wait_for(client("XdndFinished"))
    finally:
        d.close()


if __name__ == "__main__":
    drop_files(sys.argv[1], int(sys.argv[2], 0), sys.argv[3:])
