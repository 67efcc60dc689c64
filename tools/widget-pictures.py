#!/usr/bin/env python3
"""Takes the widget pictures of the trainer guides (docs/img/widgets/*.png).

It checks the gallery project (docs/gallery: one step per phone widget), plays
it with `kuayue play gallery --autoplay --screenshots …` on a virtual screen
(Xvfb, 1280×720), and crops the phone panel out of each step's screenshot:

- `phone.png` and `kiosk.png`: the whole phone (or kiosk screen) of the first
  and last step, to show the layout (status bar, header band, widgets);
- `<widget>.png`: the header band and the widgets under it, down to the last
  thing drawn (no status bar), for every other step (named after the step's id).

Pure Python (zlib and struct): a small PNG reader, cropper and writer, no PIL.

    tools/widget-pictures.py --bin path/to/kuayue        # zh-CN pictures
    tools/widget-pictures.py --bin … --lang en-US --out docs/img/widgets/en-US

The binary must be built with the `app` feature (the default). Needs xvfb-run.
"""

import argparse
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GALLERY = os.path.join(REPO, "docs", "gallery")
# The phone's dark frame (src/app/phone/screen.rs) and its 12 px border.
BEZEL = (0x22, 0x22, 0x26)
BORDER = 12
# The header band behind a screen's title (senior::PRIMARY, src/app/phone/screen.rs).
HEADER = (0x1A, 0x50, 0x96)
# Steps whose picture is the whole device, not just the widget.
WHOLE = {"layout": "phone", "kiosk": "kiosk"}


# --- PNG ---------------------------------------------------------------------

def read_png(path):
    """Returns (width, height, rows) with rows as bytearrays of RGB triples."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path}: not a PNG")
    pos, idat, header = 8, [], None
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind = data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
    width, height, depth, colour, _, _, interlace = header
    channels = {2: 3, 6: 4}.get(colour)
    if depth != 8 or channels is None or interlace:
        raise ValueError(f"{path}: only 8-bit RGB/RGBA, non-interlaced PNGs are read")
    raw = zlib.decompress(b"".join(idat))
    stride = width * channels
    rows, prev = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind = raw[start]
        line = bytearray(raw[start + 1:start + 1 + stride])
        unfilter(kind, line, prev, channels)
        rows.append(line)
        prev = line
    if channels == 4:
        rows = [bytearray(b for i, b in enumerate(r) if i % 4 != 3) for r in rows]
    return width, height, rows


def unfilter(kind, line, prev, bpp):
    n = len(line)
    if kind == 0:
        return
    if kind == 1:
        for i in range(bpp, n):
            line[i] = (line[i] + line[i - bpp]) & 0xFF
    elif kind == 2:
        for i in range(n):
            line[i] = (line[i] + prev[i]) & 0xFF
    elif kind == 3:
        for i in range(n):
            left = line[i - bpp] if i >= bpp else 0
            line[i] = (line[i] + ((left + prev[i]) >> 1)) & 0xFF
    elif kind == 4:
        for i in range(n):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
            line[i] = (line[i] + pred) & 0xFF
    else:
        raise ValueError(f"unknown PNG filter {kind}")


def write_png(path, width, rows):
    """Writes RGB rows, each row with the filter (none, sub or up) that packs best."""
    out, prev = bytearray(), bytearray(width * 3)
    for row in rows:
        candidates = [(0, row)]
        candidates.append((1, bytes((row[i] - (row[i - 3] if i >= 3 else 0)) & 0xFF for i in range(len(row)))))
        candidates.append((2, bytes((row[i] - prev[i]) & 0xFF for i in range(len(row)))))
        kind, best = min(candidates, key=lambda c: sum(b if b < 128 else 256 - b for b in c[1]))
        out.append(kind)
        out += best
        prev = row

    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, len(rows), 8, 2, 0, 0, 0)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(bytes(out), 9)) + chunk(b"IEND", b""))


def pixel(rows, x, y):
    r = rows[y]
    return (r[3 * x], r[3 * x + 1], r[3 * x + 2])


def near(a, b, tolerance=6):
    return all(abs(p - q) <= tolerance for p, q in zip(a, b))


def crop(rows, x0, y0, x1, y1):
    return [bytearray(rows[y][3 * x0:3 * x1]) for y in range(y0, y1)]


# --- finding the phone -------------------------------------------------------

def runs(values, test, least=10):
    """The stretches (start, end) of at least `least` values passing `test`."""
    found, start = [], None
    for i, v in enumerate(values + [None]):
        if v is not None and test(v):
            start = i if start is None else start
        elif start is not None:
            if i - start >= least:
                found.append((start, i))
            start = None
    return found


def find_device(width, height, rows):
    """The phone (or kiosk) panel: (x0, y0, x1, y1), found by its dark frame.

    Its top border (12 px, from y = 16) gives the middle; a row lower down meets
    the left and right borders and the middle column the top and bottom ones.
    """
    dark = lambda p: near(p, BEZEL)
    top = runs([pixel(rows, x, 22) for x in range(width)], dark)
    if not top:
        raise ValueError("no phone panel found")
    start, end = max(top, key=lambda r: r[1] - r[0])
    middle = (start + end) // 2
    row = runs([pixel(rows, x, 300) for x in range(width)], dark)
    x0 = [r for r in row if r[1] <= middle][-1][0]
    x1 = [r for r in row if r[0] > middle][0][1]
    column = runs([pixel(rows, middle, y) for y in range(height)], dark)
    return x0, column[0][0], x1, column[-1][1]


def widget_area(rows, device, known_line=None):
    """From the header band (the title) down to the last thing drawn, inside the frame; and the band's top row.

    The band is found at its right end (the glow around a target may cover the rest); where
    the glow covers it all, `known_line` (found on an earlier screen) is used.
    """
    x0, y0, x1, y1 = device
    ix0, iy0, ix1, iy1 = x0 + BORDER, y0 + BORDER, x1 - BORDER, y1 - BORDER
    background = pixel(rows, ix0 + 1, iy0 + 30)  # the margin beside the status bar or title
    line = None
    for y in range(iy0 + 2, iy0 + 200):
        if near(pixel(rows, ix1 - 40, y), HEADER, 6):
            line = y
            break
    line = line or known_line
    if line is None:
        raise ValueError("no header band found")
    last = line
    for y in range(iy1 - 1, line, -1):
        if any(not near(pixel(rows, x, y), background, 10) for x in range(ix0 + 18, ix1 - 18)):  # not the round corners
            last = y
            break
    # From just above the header band; the status bar above it is left out.
    return (ix0, max(iy0, line - 4), ix1, min(iy1, last + 10)), line


def whiten_corners(rows, radius, colour=(255, 255, 255)):
    """Paints the room seen past the device's rounded corners white."""
    height, width = len(rows), len(rows[0]) // 3
    for y in range(height):
        dy = max(radius - y, y - (height - 1 - radius), 0)
        if dy == 0:
            continue
        for x in range(width):
            dx = max(radius - x, x - (width - 1 - radius), 0)
            if dx and (dx - 0.5) ** 2 + (dy - 0.5) ** 2 > radius * radius:
                rows[y][3 * x:3 * x + 3] = bytes(colour)


def picture(shot, step, out_dir, lines):
    """Crops one screenshot; `lines` remembers the title line of each device (by its frame)."""
    width, height, rows = read_png(shot)
    device = find_device(width, height, rows)
    if step in WHOLE:
        x0, y0, x1, y1 = device
        part = crop(rows, x0, y0, x1, y1)
        whiten_corners(part, 28)
        name = WHOLE[step]
    else:
        area, lines[device] = widget_area(rows, device, lines.get(device))
        part = crop(rows, *area)
        name = step
    path = os.path.join(out_dir, f"{name}.png")
    write_png(path, len(part[0]) // 3, part)
    return path


# --- running the app ---------------------------------------------------------

def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bin", default=os.environ.get("KUAYUE_BIN", "kuayue"), help="a kuayue built with the app feature")
    parser.add_argument("--lang", default="zh-CN")
    parser.add_argument("--out", default=os.path.join(REPO, "docs", "img", "widgets"))
    parser.add_argument("--shots", help="crop the screenshots already in this folder instead of playing")
    parser.add_argument("--keep", action="store_true", help="keep the full screenshots (their folder is printed)")
    args = parser.parse_args()

    check = subprocess.run([args.bin, "check", "--project", GALLERY, "--lang", "en-US"], capture_output=True, text=True)
    if check.returncode != 0:
        sys.exit(f"the gallery does not check clean:\n{check.stdout}{check.stderr}")

    work = None if args.shots else tempfile.mkdtemp(prefix="kuayue-widgets-")
    shots = args.shots or os.path.join(work, "shots")
    if work:
        env = dict(os.environ, KUAYUE_DATA_DIR=os.path.join(work, "data"))
        command = ["xvfb-run", "-a", "-s", "-screen 0 1280x720x24", args.bin, "play", "gallery",
                   "--project", GALLERY, "--flat-screens", "--lang", args.lang, "--autoplay", "--screenshots", shots, "--exit-when-done"]
        with open(os.path.join(work, "log"), "w") as log:
            played = subprocess.run(command, env=env, stdout=log, stderr=subprocess.STDOUT, timeout=600)
        if played.returncode != 0:
            sys.exit(f"the app failed (exit {played.returncode}); see {work}/log")

    os.makedirs(args.out, exist_ok=True)
    total, lines = 0, {}
    for name in sorted(os.listdir(shots)):
        # Autoplay names them NN-<step>.png; the last, NN-done.png, is the end screen.
        if not name.endswith(".png") or "-" not in name:
            continue
        step = name[:-4].split("-", 1)[1]
        if step == "done":
            continue
        path = picture(os.path.join(shots, name), step, args.out, lines)
        size = os.path.getsize(path)
        total += size
        print(f"{os.path.relpath(path, REPO)}  {size // 1024} KB")
    print(f"total {total // 1024} KB")
    if args.keep:
        print(f"screenshots kept in {shots}")
    elif work:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
