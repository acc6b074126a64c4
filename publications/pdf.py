"""What the site reads from, and refuses in, an uploaded PDF.

A publication's file is served as uploaded, so it is checked by its content, not its
name: it must start like a PDF, open in pypdf and in pdfium, stay under the size limit,
and carry nothing that runs or hides another file (JavaScript, actions that fire on
opening or on a page, embedded or launched files). Such a file is refused with a form
error rather than cleaned: a rewritten PDF could differ from what its authors published.

From an accepted file: its page count, its text (for search, capped) and, when staff
give no cover, a JPEG of its first page.
"""

import io
import re
from dataclasses import dataclass

import pypdf
import pypdfium2
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
DEFAULT_TEXT_LIMIT = 200_000  # characters of a file's text kept for search
COVER_WIDTH = 600  # pixels
# PDF names that run something, or carry or open another file.
ACTIVE_NAMES = {
    "/JavaScript",
    "/JS",
    "/OpenAction",
    "/AA",
    "/EmbeddedFiles",
    "/EmbeddedFile",
    "/Launch",
    "/RichMedia",
    "/XFA",
    "/SubmitForm",
    "/ImportData",
    "/GoToE",
}
# The same names in the raw bytes, whole names only (a font subset "/AABCDE+Arial" is
# not "/AA"): objects pypdf never reaches (unreferenced ones) are looked at too.
RAW_ACTIVE = re.compile(
    rb"/(?:JavaScript|JS|OpenAction|AA|EmbeddedFiles?|Launch|RichMedia|XFA|SubmitForm|"
    rb"ImportData|GoToE)(?=[\s/<>\[\]()%]|$)"
)
MAX_OBJECTS_WALKED = 200_000


def max_bytes():
    return getattr(settings, "PUBLICATION_MAX_UPLOAD_BYTES", DEFAULT_MAX_BYTES)


def text_limit():
    return getattr(settings, "PUBLICATION_TEXT_LIMIT", DEFAULT_TEXT_LIMIT)


@dataclass(frozen=True)
class PdfInfo:
    pages: int
    size: int
    text: str


def _not_a_pdf():
    return ValidationError(
        _("This file is not a PDF we can open. Please upload the publication as a PDF."),
        code="not_pdf",
    )


def _read(upload, limit):
    position = upload.tell() if hasattr(upload, "tell") else 0
    try:
        upload.seek(0)
        return upload.read(limit + 1)
    finally:
        upload.seek(position)


def _walk_active(reader):
    """The first active name reachable from the file's trailer, or None."""
    seen, stack, walked = set(), [reader.trailer], 0
    while stack:
        obj = stack.pop()
        if isinstance(obj, pypdf.generic.IndirectObject):
            key = (obj.idnum, obj.generation)
            if key in seen:
                continue
            seen.add(key)
            obj = obj.get_object()
        walked += 1
        if walked > MAX_OBJECTS_WALKED:
            return "/too-many-objects"
        if isinstance(obj, dict):
            for name, value in obj.items():
                if name in ACTIVE_NAMES:
                    return name
                # An action by its type (/S /JavaScript) as well as by its key.
                if name == "/S" and value in ACTIVE_NAMES:
                    return str(value)
                stack.append(value)
        elif isinstance(obj, list):
            stack.extend(obj)
    return None


def check_pdf(upload):
    """The file's PdfInfo, or ValidationError saying what is wrong with it."""
    limit = max_bytes()
    megabytes = f"{limit / (1024 * 1024):.0f}"
    too_large = ValidationError(
        _("The file is larger than %(limit)s MB. Please upload a smaller PDF."),
        code="too_large",
        params={"limit": megabytes},
    )
    if upload.size is not None and upload.size > limit:
        raise too_large
    data = _read(upload, limit)
    if len(data) > limit:
        raise too_large
    if not data:
        raise ValidationError(_("The file is empty. Please upload a PDF."), code="empty")
    if b"%PDF-" not in data[:1024]:
        raise _not_a_pdf()
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise ValidationError(
                _("This PDF is protected by a password. Please upload it without one."),
                code="encrypted",
            )
        active = RAW_ACTIVE.search(data) is not None or _walk_active(reader) is not None
    except ValidationError:
        raise
    except Exception as error:  # pypdf raises many kinds on a broken file
        raise _not_a_pdf() from error
    if active:
        raise ValidationError(
            _(
                "This PDF contains scripts, automatic actions or embedded files, which "
                "the site does not publish. Please export it again as a plain PDF "
                "(for example with “Save as PDF”, or as PDF/A) and upload that file."
            ),
            code="active_content",
        )
    try:
        document = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as error:
        raise _not_a_pdf() from error
    try:
        pages = len(document)
        if pages == 0:
            raise _not_a_pdf()
        text = _text(document, text_limit())
    finally:
        document.close()
    return PdfInfo(pages=pages, size=len(data), text=text)


def _text(document, limit):
    parts, length = [], 0
    for index in range(len(document)):
        page = document[index]
        try:
            textpage = page.get_textpage()
            part = " ".join(textpage.get_text_range().split())
            textpage.close()
        finally:
            page.close()
        parts.append(part)
        length += len(part) + 1
        if length >= limit:
            break
    return " ".join(parts)[:limit]


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
