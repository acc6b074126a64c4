"""Terms of reference: only a real PDF, of a size readers can download, is accepted.

Threat model: the file is served to the public from the site's own address, so an
upload that is not what it claims (an HTML page or a script renamed .pdf, a polyglot)
would be served with the site's authority. The name and the browser's content type
are the uploader's to choose, so neither is trusted: the file's own bytes are read.
It must start with the PDF signature and, where pypdf is installed, open as a PDF
with at least one page (a broken or encrypted file would fail readers as well).
The size is bounded (OPPORTUNITY_DOCUMENT_MAX_BYTES) before anything is parsed.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

try:  # pypdf reads the file's structure; without it the signature check still stands.
    import pypdf
except ImportError:  # pragma: no cover - pypdf is installed where the site runs
    pypdf = None

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
PDF_SIGNATURE = b"%PDF-"
# The signature may follow a little junk (the PDF standard tolerates up to 1,024 bytes);
# nothing bigger than that comes before it in a file readers' viewers accept.
SIGNATURE_WINDOW = 1024


def max_bytes():
    return getattr(settings, "OPPORTUNITY_DOCUMENT_MAX_BYTES", DEFAULT_MAX_BYTES)


def validate_pdf(upload):
    """Refuse anything but a readable PDF within the size limit, with a sentence saying why."""
    limit = max_bytes()
    if upload.size is not None and upload.size > limit:
        raise ValidationError(
            _("This file is %(size)s; the largest PDF accepted is %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            code="too_big",
        )
    upload.seek(0)
    head = upload.read(SIGNATURE_WINDOW)
    upload.seek(0)
    if PDF_SIGNATURE not in head:
        raise ValidationError(
            _("This file is not a PDF. Save the terms of reference as PDF and upload that."),
            code="not_pdf",
        )
    if pypdf is None:
        return
    try:
        reader = pypdf.PdfReader(upload, strict=False)
        if reader.is_encrypted:
            raise ValidationError(
                _("This PDF is protected by a password; upload a copy without one."),
                code="encrypted",
            )
        pages = len(reader.pages)
    except ValidationError:
        raise
    except Exception as error:  # pypdf raises many kinds on a damaged file
        raise ValidationError(
            _("This PDF could not be read; it may be damaged. Save it again and upload the copy."),
            code="unreadable",
        ) from error
    finally:
        upload.seek(0)
    if pages < 1:
        raise ValidationError(_("This PDF has no pages."), code="empty")
