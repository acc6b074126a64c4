"""Stand-in pictures for the photos the seeds only mention: abstract, in the site's colours.

The seeds name photos (a caption, a credit) but ship no files. A grey box with
"Placeholder image" written across it made the demo look unfinished; these are calm
landscapes and skylines in the palette of static/css/site.css, with no text on them
(the credit and alt text already say what they stand for). Each is drawn from its
photo's title, so the same photo always gets the same picture and a second demo run
writes nothing new.
"""

import hashlib
import io
import math
import random

from PIL import Image, ImageDraw, ImageFilter

SIZE = (1600, 900)
SUPERSAMPLE = 2  # drawn twice as large, then reduced: smooth edges without an antialiasing API

# site.css: --blue, --blue-dark, --tint, --line, --ok, --focus, --focus-on-dark.
BLUE = (30, 45, 190)
BLUE_DARK = (20, 31, 135)
TINT = (243, 245, 251)
LINE = (217, 220, 230)
GREEN = (23, 107, 53)
ORANGE = (176, 79, 0)
AMBER = (255, 201, 77)


def _mix(a, b, t):
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def _sky(draw, width, height, top, bottom):
    for y in range(height):
        draw.line([(0, y), (width, y)], fill=_mix(top, bottom, y / height))


def _ridge(rng, width, base, amplitude, waves):
    """Points of a soft horizon: a few sine waves of random phase."""
    phases = [rng.uniform(0, 2 * math.pi) for _ in range(waves)]
    step = width // 80
    return [
        (
            x,
            base
            + sum(
                amplitude / (i + 1) * math.sin(x / width * math.pi * (i + 1.3) + phase)
                for i, phase in enumerate(phases)
            ),
        )
        for x in range(0, width + step, step)
    ]


def _fields(draw, rng, width, height):
    """Rolling fields under a low sun, layered from pale to deep blue and green."""
    _sky(draw, width, height, TINT, _mix(TINT, AMBER, 0.35))
    sun = (rng.uniform(0.55, 0.85) * width, rng.uniform(0.22, 0.35) * height)
    r = height * 0.11
    draw.ellipse([sun[0] - r, sun[1] - r, sun[0] + r, sun[1] + r], fill=_mix(AMBER, TINT, 0.15))
    layers = [_mix(LINE, BLUE, 0.25), _mix(TINT, GREEN, 0.45), _mix(BLUE, GREEN, 0.35), BLUE_DARK]
    for index, colour in enumerate(layers):
        base = height * (0.48 + index * 0.13)
        ridge = _ridge(rng, width, base, height * 0.05, 3)
        draw.polygon([*ridge, (width, height), (0, height)], fill=colour)
        if index == 2:  # furrows: a field seen from the road
            for k in range(1, 7):
                y = base + k * height * 0.018
                draw.line(
                    [(x, y + (yy - base) * 0.6) for x, yy in ridge],
                    fill=_mix(colour, TINT, 0.18),
                    width=max(2, width // 500),
                )


def _skyline(draw, rng, width, height):
    """A city at dusk: two rows of towers before a river, windows as small squares."""
    _sky(draw, width, height, _mix(BLUE, TINT, 0.55), _mix(TINT, ORANGE, 0.3))
    for row, colour in enumerate([_mix(BLUE, TINT, 0.35), BLUE_DARK]):
        x = -rng.uniform(0, width * 0.04)
        while x < width:
            w = rng.uniform(0.05, 0.11) * width
            h = rng.uniform(0.18, 0.42 if row else 0.5) * height
            top = height * (0.78 if row else 0.72) - h
            draw.rectangle([x, top, x + w - width * 0.006, height * 0.8], fill=colour)
            if row:
                for wy in range(int(top + height * 0.03), int(height * 0.76), int(height * 0.045)):
                    for wx in range(int(x + w * 0.18), int(x + w * 0.8), int(w * 0.22) or 1):
                        if rng.random() < 0.35:
                            s = width * 0.006
                            draw.rectangle([wx, wy, wx + s, wy + s], fill=_mix(AMBER, TINT, 0.3))
            x += w
    draw.rectangle([0, height * 0.8, width, height], fill=_mix(BLUE, BLUE_DARK, 0.5))
    for k in range(6):
        y = height * (0.84 + k * 0.025)
        x0 = rng.uniform(0.1, 0.6) * width
        draw.line([(x0, y), (x0 + rng.uniform(0.1, 0.3) * width, y)], fill=_mix(BLUE, TINT, 0.4),
                  width=max(2, width // 400))  # fmt: skip


MOTIFS = (_fields, _skyline)


def illustration(title, motif=None):
    """A JPEG picture for the photo `title`: the same title always gives the same bytes.

    `motif`: an index into MOTIFS, so that the demo's few photos show each kind once;
    by default one chosen from the title.
    """
    seed = int.from_bytes(hashlib.sha256(title.encode()).digest()[:8], "big")
    rng = random.Random(seed)  # noqa: S311 - a picture, not a secret
    width, height = SIZE[0] * SUPERSAMPLE, SIZE[1] * SUPERSAMPLE
    image = Image.new("RGB", (width, height), TINT)
    motif = MOTIFS[seed % len(MOTIFS)] if motif is None else MOTIFS[motif]
    motif(ImageDraw.Draw(image), rng, width, height)
    image = image.resize(SIZE, Image.Resampling.LANCZOS).filter(ImageFilter.SMOOTH)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=82, optimize=True)
    return buffer.getvalue()
