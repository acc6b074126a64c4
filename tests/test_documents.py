"""The one PDF check (ilo_office.documents): what it refuses, and what it must not."""

import io

import pypdf
import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf.actions import JavaScript
from pypdf.generic import DecodedStreamObject, NameObject

from ilo_office.documents import check_pdf

LIMIT = 10 * 1024 * 1024


def pdf(content=b"", script=None):
    """A one-page PDF written by pypdf, its page drawn by `content` (left uncompressed)."""
    writer = pypdf.PdfWriter()
    page = writer.add_blank_page(width=595, height=842)
    if content:
        stream = DecodedStreamObject()
        stream.set_data(content)
        page[NameObject("/Contents")] = writer._add_object(stream)
    if script:
        writer.add_open_action(JavaScript(script))
    buffer = io.BytesIO()
    writer.write(buffer)
    return SimpleUploadedFile("report.pdf", buffer.getvalue(), "application/pdf")


@pytest.mark.parametrize(
    "drawing",
    [
        # A graphics state named /AA, a marked-content tag /JS: names a page may use for
        # its own drawing, as bytes of a compressed stream may spell them by chance.
        b"q /AA gs 0 0 100 100 re f Q",
        b"/JS BMC BT /F1 12 Tf 72 720 Td (Labour code) Tj ET EMC",
    ],
)
def test_a_page_that_draws_with_such_names_is_accepted(drawing):
    """Only the file's own objects are searched for active names, not what its pages draw:
    a genuine report was refused when its page data happened to hold "/AA" or "/JS"."""
    upload = pdf(drawing)
    assert drawing in upload.read()  # stored as written, uncompressed
    assert check_pdf(upload, LIMIT).pages == 1


def test_a_document_script_is_still_refused():
    with pytest.raises(ValidationError) as refused:
        check_pdf(pdf(b"q Q", script="app.alert(1)"), LIMIT)
    assert refused.value.code == "active_content"
