#!/usr/bin/env python3
"""Makes assets/fonts/NotoSansSC-kuayue.otf: Noto Sans CJK SC cut down to what kuayue shows.

Keeps ASCII, common punctuation and symbols, the 3755 level-1 characters of GB2312
(the most used Chinese characters, so new scenario text usually renders without a new
subset), and every character used in locales/ and scenarios/. Needs Debian's
fonts-noto-cjk and PyPI's fonttools. Re-run it when a test says a character is missing.
"""
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection

ROOT = Path(__file__).resolve().parent.parent
SOURCE = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
OUT = ROOT / "assets" / "fonts" / "NotoSansSC-kuayue.otf"


def used_characters():
    chars = set()
    for folder, pattern in (("locales", "*.ftl"), ("scenarios", "*.ron")):
        for path in sorted((ROOT / folder).rglob(pattern)):
            chars.update(path.read_text(encoding="utf-8"))
    return chars


def gb2312_level1():
    """The symbol rows (0xA1-0xA9) and the 3755 level-1 characters of GB2312."""
    chars = set()
    for hi in list(range(0xA1, 0xAA)) + list(range(0xB0, 0xD8)):
        for lo in range(0xA1, 0xFF):
            try:
                chars.add(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return chars


def main():
    chars = used_characters() | gb2312_level1()
    chars |= {chr(c) for c in range(0x20, 0x7F)}
    chars |= set("·•–—‘’“”…→←↑↓✓✔×÷¥℃°、。，：；！？（）【】《》「」『』〈〉﹏～￥")
    chars |= {chr(c) for c in range(0xFF01, 0xFF5F)}  # full-width forms
    chars = {c for c in chars if c.isprintable() or c == " "}
    collection = TTCollection(str(SOURCE))
    font = next(f for f in collection.fonts if "CJK SC" in f["name"].getDebugName(4))
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[ord(c) for c in chars])
    subsetter.subset(font)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    font.save(str(OUT))
    print(f"{OUT.relative_to(ROOT)}: {len(chars)} characters, {OUT.stat().st_size / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
