# Turns Chinese lines into tone-numbered pinyin for espeak-ng's cmn-latn-pinyin
# voice (the default cmn voice reads tone numbers aloud in English).
# stdin: a JSON list of lines; stdout: a JSON list of pinyin lines.
import json
import sys

from pypinyin import Style, lazy_pinyin

# Full-width punctuation becomes the ASCII marks espeak pauses at; quotes and
# book-title marks are not spoken.
PUNCT = {
    "，": ", ", "、": ", ", "：": ", ", "；": ", ", "（": ", ", "）": ", ", "·": ", ", "—": ", ",
    "。": ". ", "！": ". ", "…": ". ", "？": "? ",
    "“": " ", "”": " ", "‘": " ", "’": " ", "《": " ", "》": " ", "「": " ", "」": " ",
}

out = []
for line in json.load(sys.stdin):
    text = "".join(PUNCT.get(ch, ch) for ch in line)
    syllables = lazy_pinyin(text, style=Style.TONE3, neutral_tone_with_five=True)
    out.append(" ".join(s.strip() for s in syllables if s.strip()))
json.dump(out, sys.stdout, ensure_ascii=False)
