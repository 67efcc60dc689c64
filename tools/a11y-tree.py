#!/usr/bin/python3
"""What a screen reader finds in kuayue: its accessibility tree, read over AT-SPI.

    dbus-run-session -- tools/a11y-tree.py --until TEXT [--timeout S] -- kuayue play …

Turns accessibility on as a screen reader (Orca) does (org.a11y.Status.IsEnabled and
ScreenReaderEnabled on the session bus; the AT-SPI bus itself is started by D-Bus
activation from at-spi2-core), starts the command, listens for what the application asks
screen readers to say (object:announcement: live regions), and reads every application's
tree until a node's name or text contains TEXT and TEXT was announced. Prints each node as
one JSON line ({"app", "depth", "role", "name", "text"}) and each announcement as
{"announcement", "politeness"}, then stops the command. Exit code 0 when TEXT was found
and announced, 1 when not within the timeout, 2 when AT-SPI is not there.

Needs python3-pyatspi (Debian), run by the system Python. Used by tests/core/screen_reader.rs.
"""

import argparse
import json
import subprocess
import sys
import time

try:
    import pyatspi
    from gi.repository import Gio, GLib
except ImportError as missing:
    print(f"a11y-tree: {missing} (install python3-pyatspi)", file=sys.stderr)
    sys.exit(2)


def turn_on_accessibility():
    bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
    for name in ("IsEnabled", "ScreenReaderEnabled"):
        bus.call_sync(
            "org.a11y.Bus",
            "/org/a11y/bus",
            "org.freedesktop.DBus.Properties",
            "Set",
            GLib.Variant("(ssv)", ("org.a11y.Status", name, GLib.Variant("b", True))),
            None,
            Gio.DBusCallFlags.NONE,
            5000,
            None,
        )


def walk(node, app, depth, out):
    if node is None or depth > 40:
        return
    try:
        role, name = node.getRoleName(), node.name or ""
    except Exception:
        return
    text = ""
    try:
        t = node.queryText()
        text = t.getText(0, t.characterCount)
    except Exception:
        pass
    out.append({"app": app, "depth": depth, "role": role, "name": name, "text": text})
    try:
        children = list(node)
    except Exception:
        children = []
    for child in children:
        walk(child, app, depth + 1, out)


def read_tree():
    nodes = []
    desktop = pyatspi.Registry.getDesktop(0)
    for app in desktop:
        if app is None:
            continue
        walk(app, app.name or "", 0, nodes)
    return nodes


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--until", required=True)
    parser.add_argument("--timeout", type=float, default=90.0)
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    try:
        turn_on_accessibility()
    except GLib.Error as e:
        print(f"a11y-tree: the accessibility bus is not there: {e.message}", file=sys.stderr)
        return 2
    announced = []

    def on_announcement(event):
        announced.append({"announcement": str(event.any_data), "politeness": event.detail1})

    pyatspi.Registry.registerEventListener(on_announcement, "object:announcement")
    app = subprocess.Popen(command)
    state = {"found": False, "nodes": []}
    deadline = time.monotonic() + args.timeout
    loop = GLib.MainLoop()

    def look():
        state["nodes"] = read_tree()
        in_tree = any(args.until in n["name"] or args.until in n["text"] for n in state["nodes"])
        said = any(args.until in a["announcement"] for a in announced)
        if in_tree and said:
            state["found"] = True
        if state["found"] or time.monotonic() > deadline or app.poll() is not None:
            loop.quit()
            return False
        return True

    GLib.timeout_add(1000, look)
    try:
        loop.run()
    finally:
        app.terminate()
        try:
            app.wait(10)
        except subprocess.TimeoutExpired:
            app.kill()
    nodes, found = state["nodes"], state["found"]
    for a in announced:
        print(json.dumps(a, ensure_ascii=False))
    for n in nodes:
        print(json.dumps(n, ensure_ascii=False))
    return 0 if found else 1


if __name__ == "__main__":
    sys.exit(main())
