"""Small, valid PDFs written by hand: the demo's placeholder files, and the tests'.

Each page is text in Helvetica (a standard font: nothing embedded). `extra` adds raw
entries to the catalog, so that tests can write the scripts and actions uploads must
refuse. The demo's files say on every page that they are placeholders, not the
publication itself.
"""


def _escape(text):
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def minimal_pdf(pages, extra=b""):
    """A PDF (bytes) with one page per item of `pages` (each a list of lines of ASCII text)."""
    objects = []  # bodies, numbered from 1
    font = 3
    page_numbers = []
    for lines in pages:
        commands = ["BT", "/F1 16 Tf", "20 TL", "60 780 Td"]
        for line in lines:
            commands.append(f"({_escape(line)}) Tj T*")
        commands.append("ET")
        stream = "\n".join(commands).encode("latin-1", "replace")
        content_number = 4 + len(objects)
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        page_number = 4 + len(objects)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>" % (font, content_number)
        )
        page_numbers.append(page_number)
    kids = b" ".join(b"%d 0 R" % n for n in page_numbers)
    head = [
        b"<< /Type /Catalog /Pages 2 0 R " + extra + b">>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % len(page_numbers),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    bodies = head + objects
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(bodies, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(bodies) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(bodies) + 1,
        xref,
    )
    return bytes(out)


def placeholder_pdf(title, language_name, pages=2):
    """A clearly marked stand-in for a publication's real file (the demo content)."""
    first = [
        "PLACEHOLDER - NOT THE PUBLICATION",
        "",
        *_wrap(title, 55),
        "",
        f"Language of the real file: {language_name}",
        "This file stands in for the real publication in the demo content.",
        "Replace it with the PDF published by the ILO.",
    ]
    rest = [["PLACEHOLDER - NOT THE PUBLICATION", f"Page {n}"] for n in range(2, pages + 1)]
    return minimal_pdf([first, *rest])


def _wrap(text, width):
    lines, line = [], ""
    for word in text.encode("ascii", "replace").decode("ascii").split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*lines, line] if line else lines
