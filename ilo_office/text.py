"""Text helpers that must treat Vietnamese correctly.

Unicode decomposition turns "ồ" into "o" plus combining marks, which Django's
slugify then drops, but "đ"/"Đ" is a letter of its own with no decomposition:
slugify silently deletes it ("Đồng Nai" -> "ong-nai"). Map it first.
"""

import unicodedata

from django.utils.text import slugify

_D_MAP = str.maketrans({"đ": "d", "Đ": "D"})


def fold(value: str) -> str:
    """Lower-case, accent-free copy of `value`: "Việt Nam lao động" -> "viet nam lao dong"."""
    decomposed = unicodedata.normalize("NFKD", str(value).translate(_D_MAP))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def slugify_vi(value: str, max_length: int = 200) -> str:
    """A URL slug from English or Vietnamese text: "Đồng Nai" -> "dong-nai"."""
    slug = slugify(str(value).translate(_D_MAP))
    return slug[:max_length].strip("-")
