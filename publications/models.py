"""Publications: reports, books, briefs and other documents, each with its PDF files.

A publication is published like every content type (ilo_office.publishing): the
public sees it only through `Publication.objects.published()`. Its files are PDFs
checked by content at upload (publications.pdf); their page count, size and text are
read once, at save, and the text is folded into the publication's search columns.
"""

from django.core.files.base import ContentFile
from django.db import models
from django.db.models import OuterRef, Q, Subquery
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ilo_office.images import safe_name, validate_image_content
from ilo_office.publishing import Publishable, PublishingQuerySet
from publications import pdf


def file_path(instance, filename):
    return f"publications/files/{safe_name(filename, 'pdf')}"


def cover_path(instance, filename):
    return f"publications/covers/{safe_name(filename, 'jpg')}"


def validate_pdf(upload):
    """A form error for a file that is not a clean PDF (publications.pdf.check_pdf)."""
    if getattr(upload, "_committed", False):
        return  # stored already: checked when it was uploaded
    upload.pdf_info = pdf.check_pdf(upload)


class Language(models.TextChoices):
    ENGLISH = "en", _("English")
    VIETNAMESE = "vi", _("Vietnamese")
    FRENCH = "fr", _("French")
    OTHER = "other", _("Other language")


class DatePrecision(models.TextChoices):
    YEAR = "year", _("Year only")
    MONTH = "month", _("Month and year")
    DAY = "day", _("Exact day")


class CommaList(models.Aggregate):
    """A group's values joined by commas (GROUP_CONCAT on SQLite, STRING_AGG on PostgreSQL)."""

    function = "GROUP_CONCAT"
    template = "%(function)s(%(expressions)s, ',')"
    output_field = models.TextField()

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql(
            compiler,
            connection,
            function="STRING_AGG",
            template="%(function)s((%(expressions)s)::text, ',')",
            **extra_context,
        )


def per_publication(queryset, column):
    """A subquery, run for each publication row: `column` of its rows in `queryset`, joined.

    Lists and feeds read their few items' files and links this way rather than by a
    prefetch with the page's ids in an IN list: for that list PostgreSQL reads the whole
    table (a few pages at first) and keeps doing so as the tables grow, while a lookup
    per row always takes the publication_id index (tests/test_query_plans.py).
    """
    return Subquery(
        queryset.filter(publication=OuterRef("pk"))
        .order_by()
        .values("publication")
        .annotate(joined=CommaList(column))
        .values("joined")
    )


def ids(joined):
    """[int, ...] from a per_publication() value (None when there are none)."""
    return [int(part) for part in (joined or "").split(",") if part]


class PublicationQuerySet(PublishingQuerySet):
    def for_listing(self):
        """What a list, card or feed needs: no search copies, and the files' languages."""
        return self.without_search_copies().annotate(
            file_languages=per_publication(PublicationFile.objects.all(), "language")
        )

    def for_feed(self):
        """for_listing(), with the first file (the enclosure) and the linked programmes' and
        areas of work's ids (the categories), each read per row (see per_publication)."""
        first_file = PublicationFile.objects.filter(publication=OuterRef("pk")).order_by(
            "order", "pk"
        )
        return self.for_listing().annotate(
            first_file=Subquery(first_file.values("file")[:1]),
            first_file_size=Subquery(first_file.values("size")[:1]),
            programme_ids=per_publication(Publication.programmes.through.objects, "programme_id"),
            theme_ids=per_publication(Publication.themes.through.objects, "theme_id"),
        )


class Publication(Publishable):
    """A report, book, brief... the office published or took part in."""

    SEARCH_FIELDS = {
        "title": ("title",),
        "summary": ("summary",),
        "body": ("authors", "publisher", "isbn", "issn", "file_text"),
    }

    class Kind(models.TextChoices):
        REPORT = "report", _("Report")
        BOOK = "book", _("Book")
        POLICY_BRIEF = "policy_brief", _("Policy brief")
        FACT_SHEET = "fact_sheet", _("Fact sheet")
        WORKING_PAPER = "working_paper", _("Working paper")
        HANDBOOK = "handbook", _("Handbook")
        GUIDE = "guide", _("Guide")
        INFOGRAPHIC = "infographic", _("Infographic")

    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(
        _("kind"), max_length=20, choices=Kind.choices, default=Kind.REPORT, db_index=True
    )
    summary = models.TextField(
        _("summary"), blank=True, help_text=_("Two or three sentences, used in lists and feeds.")
    )
    authors = models.TextField(
        _("authors"),
        blank=True,
        help_text=_("One author or co-author per line, people or organizations, as printed."),
    )
    publisher = models.CharField(
        _("publisher"),
        max_length=300,
        blank=True,
        default="International Labour Organization",
        help_text=_("As printed, e.g. International Labour Organization; ILO and MOLISA."),
    )
    published_on = models.DateField(
        _("date of publication"),
        null=True,
        blank=True,
        help_text=_(
            "For a year only, give 1 January of that year and choose “Year only”. "
            "Leave empty when the date is not known."
        ),
    )
    date_precision = models.CharField(
        _("date shown as"),
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.YEAR,
    )
    isbn = models.CharField(_("ISBN"), max_length=40, blank=True)
    issn = models.CharField(_("ISSN"), max_length=20, blank=True)
    cover = models.ImageField(
        _("cover"),
        upload_to=cover_path,
        blank=True,
        validators=[validate_image_content],
        help_text=_("Leave empty to use the first page of the PDF."),
    )
    cover_is_generated = models.BooleanField(default=False, editable=False)
    programmes = models.ManyToManyField(
        "programmes.Programme",
        verbose_name=_("programmes"),
        related_name="publications",
        blank=True,
    )
    themes = models.ManyToManyField(
        "programmes.Theme",
        verbose_name=_("areas of work"),
        related_name="publications",
        blank=True,
    )
    partners = models.ManyToManyField(
        "programmes.Partner",
        verbose_name=_("partners"),
        related_name="publications",
        blank=True,
    )

    events = models.ManyToManyField(
        "events.Event",
        verbose_name=_("events"),
        related_name="publications",
        blank=True,
        help_text=_("Launches or announcements of this publication: their pages link to it."),
    )

    objects = PublicationQuerySet.as_manager()

    class Meta(Publishable.Meta):
        verbose_name = _("publication")
        verbose_name_plural = _("publications")
        ordering = [models.F("published_on").desc(nulls_last=True), "-publish_at"]
        indexes = [
            models.Index(
                fields=["-published_on", "publish_at", "unpublish_at"],
                name="publication_published_idx",
                condition=Q(status="published"),
            ),
            # The sitemap index's count and newest change (ilo_office.sitemaps), read from
            # the index alone rather than from every (wide) row. Led by updated_at, which
            # only grows (a save moves the entry to the right end), so the index stays
            # packed whatever order items were entered in: led by publish_at, entered
            # newest first, it had half-empty pages and cost more than reading the table.
            models.Index(
                fields=["updated_at", "publish_at", "unpublish_at"],
                name="publication_sitemap_idx",
                condition=Q(status="published"),
            ),
            # publication_list_idx, which serves the list's order, is made by migration
            # 0002 in each database's own dialect: SQLite refuses NULLS LAST in an index.
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("publications:publication_detail", kwargs={"slug": self.slug})

    @property
    def file_text(self):
        """The text of the files, capped, for the search columns (read at save)."""
        if self.pk is None:
            return ""
        texts = PublicationFile.objects.filter(publication=self).values_list("text", flat=True)
        return " ".join(texts)[: pdf.text_limit()]

    @property
    def author_list(self):
        return [line.strip() for line in self.authors.splitlines() if line.strip()]

    def languages(self):
        """The languages of its files, in the order of Language.

        From for_listing()'s annotation where the row has it (None: no files), else from
        the files (the detail page prefetches them).
        """
        if "file_languages" in self.__dict__:
            found = set((self.file_languages or "").split(","))
        else:
            found = {f.language for f in self.files.all()}
        return [(code, label) for code, label in Language.choices if code in found]

    def refresh_from_files(self):
        """After its files changed: the search columns again, and a cover if it has none.

        The cover is made once, from the first page of the first file (English first),
        and kept: staff replace it by uploading their own.
        """
        files = list(self.files.order_by("language", "pk"))
        if not self.cover and files:
            english = [f for f in files if f.language == Language.ENGLISH]
            source = (english or files)[0]
            try:
                jpeg = pdf.cover_jpeg(source.file)
            except Exception:  # a cover is a nicety: the page works without one
                jpeg = None
            if jpeg:
                self.cover.save("cover.jpg", ContentFile(jpeg), save=False)
                self.cover_is_generated = True
        self.save()


class PublicationFile(models.Model):
    """One PDF of a publication, in one language."""

    publication = models.ForeignKey(Publication, on_delete=models.CASCADE, related_name="files")
    language = models.CharField(
        _("language"), max_length=5, choices=Language.choices, default=Language.ENGLISH
    )
    label = models.CharField(
        _("label"),
        max_length=200,
        blank=True,
        help_text=_("Optional, when there are several files: e.g. Summary, Full report."),
    )
    file = models.FileField(
        _("PDF file"),
        upload_to=file_path,
        max_length=200,
        validators=[validate_pdf],
        help_text=_("A PDF without scripts or embedded files."),
    )
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0, editable=False)
    pages = models.PositiveIntegerField(_("pages"), default=0, editable=False)
    text = models.TextField(default="", blank=True, editable=False)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("file")
        verbose_name_plural = _("files")

    def __str__(self):
        return self.label or self.get_language_display()

    def save(self, *args, **kwargs):
        upload = self.file
        if upload and not getattr(upload, "_committed", True):
            info = getattr(upload.file, "pdf_info", None) or getattr(upload, "pdf_info", None)
            if info is None:
                info = pdf.check_pdf(upload)
            self.size, self.pages, self.text = info.size, info.pages, info.text
        super().save(*args, **kwargs)

    @property
    def language_code(self):
        return self.language if self.language != Language.OTHER else ""
