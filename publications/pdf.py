"""A publication's PDF: the office's check (ilo_office.documents) with the publications'
limits, and the cover made from its first page when staff give none."""

import io

import pypdfium2
from django.conf import settings

from ilo_office import documents
from ilo_office.documents import PdfInfo  # noqa: F401 - what check_pdf returns

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
DEFAULT_TEXT_LIMIT = 200_000  # characters of a file's text kept for search
COVER_WIDTH = 600  # pixels


def max_bytes():
    return getattr(settings, "PUBLICATION_MAX_UPLOAD_BYTES", DEFAULT_MAX_BYTES)


def text_limit():
    return getattr(settings, "PUBLICATION_TEXT_LIMIT", DEFAULT_TEXT_LIMIT)


def check_pdf(upload):
    """The file's PdfInfo (pages, size, text for search), or a ValidationError."""
    return documents.check_pdf(upload, max_bytes=max_bytes(), text_limit=text_limit())


def cover_jpeg(file):
    """A JPEG (bytes) of the first page of the PDF `file`, COVER_WIDTH pixels wide."""
    file.open("rb")
    try:
        file.seek(0)
        data = file.read()
    finally:
        file.close()
    document = pypdfium2.PdfDocument(data)
    try:
        page = document[0]
        try:
            width = page.get_width() or COVER_WIDTH
            bitmap = page.render(scale=COVER_WIDTH / width)
            image = bitmap.to_pil().convert("RGB")
        finally:
            page.close()
    finally:
        document.close()
    out = io.BytesIO()
    image.save(out, "JPEG", quality=82, optimize=True, progressive=True)
    return out.getvalue()
