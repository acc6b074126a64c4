"""The publishing base that every public content type shares.

The one rule of visibility lives here, on the QuerySet: an item is public when
its status is "published" *and* its publish time has come. A future publish time
means "scheduled": the item goes live by itself when the time passes, because the
rule is evaluated at query time (no cron job, no flag to flip). Every view, feed,
sitemap, search, count and side block must go through `published()`.
"""

import zoneinfo

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ilo_office.text import slugify_vi


def office_today():
    """Today in the office's time zone (Asia/Ho_Chi_Minh), whatever the server's zone."""
    return timezone.localdate(timezone=zoneinfo.ZoneInfo(settings.TIME_ZONE))


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class PublishingQuerySet(models.QuerySet):
    def with_status_published(self):
        return self.filter(status=Status.PUBLISHED)

    def due(self, now=None):
        return self.filter(publish_at__lte=now or timezone.now())

    def published(self, now=None):
        """What the public may see: published and due."""
        return self.with_status_published().due(now)


class Publishable(models.Model):
    """Abstract base: slug, status, publish time, timestamps, the `published()` rule."""

    SLUG_SOURCE = "title"

    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        blank=True,
        help_text=_(
            "The last part of the web address. Leave empty to make it from the title. "
            "Once published, do not change it."
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
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = PublishingQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["-publish_at"]

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, getattr(self, self.SLUG_SOURCE))
        super().save(*args, **kwargs)

    @property
    def is_published(self):
        return self.status == Status.PUBLISHED and self.publish_at <= timezone.now()

    @property
    def is_scheduled(self):
        return self.status == Status.PUBLISHED and self.publish_at > timezone.now()


def unique_slug(instance, source):
    """A slug made from `source`, with -2, -3... if the model has it already."""
    max_length = instance._meta.get_field("slug").max_length
    base = slugify_vi(source, max_length=max_length - 6) or instance._meta.model_name
    siblings = type(instance)._default_manager.exclude(pk=instance.pk)
    slug, n = base, 2
    while siblings.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug
