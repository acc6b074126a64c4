"""Terms of reference: the office's one PDF check (ilo_office.documents), at the size
readers can download (OPPORTUNITY_DOCUMENT_MAX_BYTES).

A terms-of-reference PDF is served from the site's own address like a publication's
file, so it is refused for the same reasons: not a PDF, damaged, protected by a
password, too large, or carrying scripts, automatic actions or embedded files.
"""

from django.conf import settings

from ilo_office.documents import check_pdf

DEFAULT_MAX_BYTES = 20 * 1024 * 1024


def max_bytes():
    return getattr(settings, "OPPORTUNITY_DOCUMENT_MAX_BYTES", DEFAULT_MAX_BYTES)


def validate_pdf(upload):
    """A form error, saying why, for anything but a clean, readable PDF within the limit."""
    if getattr(upload, "_committed", False):
        return  # stored already: checked when it was uploaded
    check_pdf(upload, max_bytes=max_bytes())
