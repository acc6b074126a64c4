"""Site-wide models: the shared photo library used by articles, events and programmes."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Photo(models.Model):
    """One image in the shared library, with what a reader needs to know about it."""

    title = models.CharField(
        _("title"),
        max_length=200,
        help_text=_("To find the photo in the library. Not shown to readers."),
    )
    image = models.ImageField(
        _("image"),
        upload_to="photos/%Y/%m/",
        width_field="width",
        height_field="height",
        help_text=_("A JPEG, PNG or WebP photo, at least 1200 pixels wide if possible."),
    )
    width = models.PositiveIntegerField(editable=False, null=True)
    height = models.PositiveIntegerField(editable=False, null=True)
    alt_text = models.CharField(
        _("alternative text"),
        max_length=250,
        help_text=_(
            "What the photo shows, for readers who cannot see it (screen readers, slow "
            "connections). Not the caption repeated."
        ),
    )
    caption = models.TextField(
        _("caption"),
        blank=True,
        help_text=_("Shown under the photo. May be in English and Vietnamese."),
    )
    credit = models.CharField(
        _("credit"),
        max_length=200,
        blank=True,
        help_text=_("For example: © ILO/A.Santos"),
    )
    created_at = models.DateTimeField(_("added"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("photo")
        verbose_name_plural = _("photos")

    def __str__(self):
        return self.title
