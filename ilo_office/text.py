"""Text helpers that must treat Vietnamese correctly.

Unicode decomposition turns "ồ" into "o" plus combining marks, which Django's
slugify then drops, but "đ"/"Đ" is a letter of its own with no decomposition:
slugify silently deletes it ("Đồng Nai" -> "ong-nai"). Map it first.
"""

import unicodedata

from django.utils.text import slugify

_D_MAP = str.maketrans({"đ": "d", "Đ": "D"})
# The marks Vietnamese decomposes into: grave, acute, circumflex, tilde, breve, hook above,
# horn, dot below.
_VIETNAMESE_MARKS = "\u0300\u0301\u0302\u0303\u0306\u0309\u031b\u0323"


def fold(value: str) -> str:
    """Lower-case, accent-free copy of `value`: "Việt Nam lao động" -> "viet nam lao dong"."""
    # str.replace and isascii run in C; a per-character loop in Python made a bulk load
    # of 20,000 articles (some 50 million characters to fold) take minutes.
    text = str(value).replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFKD", text)
    if not decomposed.isascii():
        for mark in _VIETNAMESE_MARKS:
            decomposed = decomposed.replace(mark, "")
    if not decomposed.isascii():
        # Other scripts' marks: found among the distinct characters, then removed.
        for mark in {ch for ch in set(decomposed) if unicodedata.combining(ch)}:
            decomposed = decomposed.replace(mark, "")
    return decomposed.casefold()


def slugify_vi(value: str, max_length: int = 200) -> str:
    """A URL slug from English or Vietnamese text: "Đồng Nai" -> "dong-nai"."""
    slug = slugify(str(value).translate(_D_MAP))
    return slug[:max_length].strip("-")
