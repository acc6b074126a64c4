"""The one check of every PDF staff upload: publications' files, terms of reference.

Threat model: an uploaded PDF is served to the public from the site's own address, as
uploaded, so it is checked by its content, not its name or the browser's content type
(both the uploader's to choose): it must start like a PDF, open in pypdf and in pdfium,
stay under the size limit of its use, and carry nothing that runs or hides another file
(JavaScript, actions that fire on opening or on a page, embedded or launched files).
Such a file is refused with a form error rather than cleaned: a rewritten PDF could
differ from what its authors published.

From an accepted file: its page count, its size and (when asked) its text, for search.
publications.pdf adds the publications' limits and their covers.
"""

import io
import re
from dataclasses import dataclass

import pypdf
import pypdfium2
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ilo_office.images import read_upload

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
# What a stream holds (a page's drawing, an image, compressed objects) is the file's
# content, not its structure: searched too, names a page draws with ("/AA gs") and bytes
# of compressed data that spell "/JS" by chance would refuse genuine reports. Objects
# packed in compressed object streams are still seen, by pypdf's walk (_walk_active).
STREAM_DATA = re.compile(rb"(?<=stream)(\r\n|\n|\r).*?(?=endstream)", re.S)
MAX_OBJECTS_WALKED = 200_000


@dataclass(frozen=True)
class PdfInfo:
    pages: int
    size: int
    text: str


def _not_a_pdf():
    return ValidationError(
        _("This file is not a PDF we can open. Please save it as PDF and upload that file."),
        code="not_pdf",
    )


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


def check_pdf(upload, max_bytes, text_limit=0):
    """The file's PdfInfo, or ValidationError saying what is wrong with it.

    `max_bytes`: the largest file accepted; `text_limit`: characters of its text to read
    (0: none, for a file nobody searches).
    """
    limit = max_bytes
    megabytes = f"{limit / (1024 * 1024):.0f}"
    too_large = ValidationError(
        _("The file is larger than %(limit)s MB. Please upload a smaller PDF."),
        code="too_large",
        params={"limit": megabytes},
    )
    if upload.size is not None and upload.size > limit:
        raise too_large
    data = read_upload(upload, limit)
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
        structure = STREAM_DATA.sub(b"\n", data)
        active = RAW_ACTIVE.search(structure) is not None or _walk_active(reader) is not None
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
        text = _text(document, text_limit) if text_limit else ""
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
