"""The publishing base that every public content type shares.

The one rule of visibility lives here, on the QuerySet: an item is public when
its status is "published", its publish time has come, and its unpublish time (if
any) has not. A future publish time means "scheduled": the item goes live by
itself when the time passes, and goes away by itself at its unpublish time,
because the rule is evaluated at query time (no cron job, no flag to flip).
Every view, feed, sitemap, search, count and side block must go through
`published()`.

`Searchable` (which Publishable and the hub's Theme and Partner share) keeps a
folded copy of the searchable text (diacritics removed, "đ" -> "d", lower case) in
three columns, title, summary and body, refreshed at every save, so that "Viet Nam"
finds "Việt Nam" and "lao dong" finds "lao động" on PostgreSQL and SQLite alike, and
search can rank title above summary above body. The database indexes those columns
itself (see ilo_office.search_index): on PostgreSQL a trigger keeps `search_vector`,
on SQLite triggers keep an FTS5 table, so rows written by bulk_create() or raw SQL
are found too, as long as their folded columns were filled (refresh_search_columns()).
"""

import zoneinfo

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from ilo_office.markup import clean_html_field
from ilo_office.models import KeepsSlugHistory
from ilo_office.text import fold, slugify_vi


def office_today():
    """Today in the office's time zone (Asia/Ho_Chi_Minh), whatever the server's zone."""
    return timezone.localdate(timezone=zoneinfo.ZoneInfo(settings.TIME_ZONE))


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    REVIEW = "review", _("In review")
    PUBLISHED = "published", _("Published")


class SearchableQuerySet(models.QuerySet):
    def without_search_copies(self):
        """Leave the folded search copies and the stored vector in the database.

        Lists, cards, feeds and calendars never show them, and they are the widest
        columns of a row (every language's text again, and its vector).
        """
        return self.defer(*SEARCH_COPIES)


class PublishingQuerySet(SearchableQuerySet):
    def with_status_published(self):
        return self.filter(status=Status.PUBLISHED)

    def due(self, now=None):
        return self.filter(publish_at__lte=now or timezone.now())

    def not_expired(self, now=None):
        now = now or timezone.now()
        return self.filter(Q(unpublish_at__isnull=True) | Q(unpublish_at__gt=now))

    def published(self, now=None):
        """What the public may see: published, due, and not yet taken down."""
        now = now or timezone.now()
        return self.with_status_published().due(now).not_expired(now)

    def scheduled(self, now=None):
        """Published but not due yet: live by themselves at their publish time."""
        # Never expired as well: the database keeps unpublish_at after publish_at.
        return self.with_status_published().filter(publish_at__gt=now or timezone.now())

    def expired(self, now=None):
        """Published, and taken down by their unpublish time."""
        return self.with_status_published().filter(unpublish_at__lte=now or timezone.now())


class Searchable(models.Model):
    """Abstract base: the folded search columns, refreshed at every save.

    Each model names the fields that feed each column in SEARCH_FIELDS (translated
    fields are read in every language). `search_vector` is the database's: a trigger
    fills it on PostgreSQL from the three columns (weights A, B, C); SQLite keeps an
    FTS5 table instead and leaves it empty. Nothing in Python reads or writes it;
    nor `search_head`, its title-and-summary part that search ranks by.
    """

    # Folded copies for search (see the module docstring); never edited by hand.
    search_title = models.TextField(editable=False, blank=True, default="")
    search_summary = models.TextField(editable=False, blank=True, default="")
    search_body = models.TextField(editable=False, blank=True, default="")
    search_vector = SearchVectorField(null=True, editable=False)
    # Title and summary only (weights A, B): what search ranks by, small enough to
    # stay in the row (ilo_office.search_index.search_speed). Also the database's.
    search_head = SearchVectorField(null=True, editable=False)

    # Which fields feed each search column; each model names its own.
    SEARCH_FIELDS = {"title": ("title",), "summary": (), "body": ()}

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.refresh_search_columns()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, *SEARCH_COLUMNS}
        super().save(*args, **kwargs)

    def refresh_search_columns(self):
        for column, names in self.SEARCH_FIELDS.items():
            setattr(self, f"search_{column}", search_text(self, names))


class DeclaredFields:
    """Model mixin (first of the bases): fields declared once, read by save() and the admin.

    - `RICH_TEXT`: the fields staff write with the rich-text editor (BackofficeAdmin gives
      them the editor); save() sanitises each, in every language, before anything reads it.
    - `SLUG_SOURCE`: the fields a new item's slug is made from, the first that is filled
      in; the admin fills the slug in from the first as staff type it.
    """

    RICH_TEXT = ()
    SLUG_SOURCE = ()

    def save(self, *args, **kwargs):
        if self.SLUG_SOURCE and not self.slug:
            source = next(filter(None, (getattr(self, name) for name in self.SLUG_SOURCE)), "")
            self.slug = unique_slug(self, source)
        for name in self.RICH_TEXT:
            clean_html_field(self, name)
        super().save(*args, **kwargs)


class Publishable(DeclaredFields, KeepsSlugHistory, Searchable):
    """Abstract base: slug, status, publish time, timestamps, the `published()` rule.

    A changed slug is remembered (KeepsSlugHistory), so a published address keeps working.
    """

    SLUG_SOURCE = ("title",)

    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        blank=True,
        help_text=_(
            "The last part of the web address. Leave empty to make it from the title. "
            "If you change it later, the old address keeps working and leads to the new one."
        ),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        default=Status.DRAFT,
        db_index=True,
        help_text=_("Only published items are shown to the public."),
    )
    publish_at = models.DateTimeField(
        _("publish date and time"),
        default=timezone.now,
        db_index=True,
        help_text=_(
            "Hanoi time. A time in the future schedules the item: it stays hidden until then."
        ),
    )
    unpublish_at = models.DateTimeField(
        _("unpublish date and time"),
        null=True,
        blank=True,
        help_text=_(
            "Hanoi time. Optional: from this moment the item is hidden again, for example "
            "a call for applications that closes."
        ),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = PublishingQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["-publish_at"]
        # "publish" is what separates an editor from a contributor: each type
        # gets its own `publish_<model>` permission.
        default_permissions = ("add", "change", "delete", "view", "publish")
        constraints = [
            models.CheckConstraint(
                condition=Q(unpublish_at__isnull=True) | Q(unpublish_at__gt=models.F("publish_at")),
                name="%(app_label)s_%(class)s_unpublish_after_publish",
                violation_error_message=_("The unpublish time must come after the publish time."),
            ),
        ]

    @property
    def is_published(self):
        now = timezone.now()
        return (
            self.status == Status.PUBLISHED
            and self.publish_at <= now
            and (self.unpublish_at is None or self.unpublish_at > now)
        )

    @property
    def is_scheduled(self):
        return self.status == Status.PUBLISHED and self.publish_at > timezone.now()

    @property
    def is_expired(self):
        return (
            self.status == Status.PUBLISHED
            and self.unpublish_at is not None
            and self.unpublish_at <= timezone.now()
        )


SEARCH_COLUMNS = ("search_title", "search_summary", "search_body")
# Every column search keeps for itself: what pages leave in the database.
SEARCH_COPIES = (*SEARCH_COLUMNS, "search_vector", "search_head")


def language_values(instance, name):
    """The text of field `name` in each language it is kept in (one column, or one per language)."""
    values = [getattr(instance, f"{name}_{code}", None) for code, _label in settings.LANGUAGES]
    values = [v for v in values if v]
    if not values:
        # Not a translated field: the plain attribute (read without a language suffix).
        value = instance.__dict__.get(name, getattr(instance, name, ""))
        values = [value] if value else []
    return values


def search_text(instance, names):
    """Folded, tag-free text of the fields `names`, all languages, for the search columns."""
    parts = []
    for name in names:
        for value in language_values(instance, name):
            parts.append(strip_tags(str(value)))
    return fold(" ".join(" ".join(parts).split()))


def unique_slug(instance, source):
    """A slug made from `source`, with -2, -3... if the model has it already."""
    max_length = instance._meta.get_field("slug").max_length
    base = slugify_vi(source, max_length=max_length - 6) or instance._meta.model_name
    siblings = type(instance)._default_manager.exclude(pk=instance.pk)
    slug, n = base, 2
    while siblings.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug
