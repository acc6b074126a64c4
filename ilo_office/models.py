"""Site-wide models: the shared photo library, and the former slugs that keep old URLs alive."""

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ilo_office.images import make_renditions, validate_image_content


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
        validators=[validate_image_content],
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
    renditions = models.JSONField(
        default=list,
        editable=False,
        help_text=_("Resized copies made at upload: width, height and the WebP and JPEG files."),
    )
    renditions_of = models.CharField(max_length=255, blank=True, editable=False)
    created_at = models.DateTimeField(_("added"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("photo")
        verbose_name_plural = _("photos")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        if self.image and self.renditions_of != self.image.name:
            # Made once per uploaded file, after the save that gave the file its name.
            self.renditions = make_renditions(self)
            self.renditions_of = self.image.name
            Photo.objects.filter(pk=self.pk).update(
                renditions=self.renditions, renditions_of=self.renditions_of
            )

    def srcset(self, kind):
        storage = self.image.storage
        return ", ".join(f"{storage.url(r[kind])} {r['width']}w" for r in self.renditions)

    @property
    def webp_srcset(self):
        return self.srcset("webp")

    @property
    def jpeg_srcset(self):
        return self.srcset("jpeg")

    @property
    def largest(self):
        """The widest rendition (for feeds and sharing), or None before renditions exist."""
        return self.renditions[-1] if self.renditions else None

    @property
    def fallback(self):
        """The rendition for browsers that ignore srcset: the middle width."""
        if not self.renditions:
            return {"url": self.image.url, "width": self.width, "height": self.height}
        entry = self.renditions[len(self.renditions) // 2]
        return {
            "url": self.image.storage.url(entry["jpeg"]),
            "width": entry["width"],
            "height": entry["height"],
        }


class SlugHistory(models.Model):
    """A slug an item had before, so that its old address redirects to the current one.

    Rows point at the item (content type and id), not at the next slug, so a chain of
    renames (a -> b -> c) resolves to the current address in one redirect. Rows are kept
    when the item is deleted: an item recovered from the revision history keeps its old
    addresses, and until then the lookup finds nothing public and answers 404.
    """

    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, verbose_name=_("content type")
    )
    object_id = models.PositiveBigIntegerField(_("object id"))
    old_slug = models.SlugField(_("old slug"), max_length=200)
    changed_at = models.DateTimeField(_("changed"), default=timezone.now)

    class Meta:
        verbose_name = _("former slug")
        verbose_name_plural = _("former slugs")
        constraints = [
            # One old address leads to one item: the last one that gave it up.
            models.UniqueConstraint(
                fields=["content_type", "old_slug"], name="ilo_office_slughistory_unique_old_slug"
            ),
        ]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return self.old_slug

    @classmethod
    def remember(cls, instance, old_slug):
        """Record that `instance` was at `old_slug` until now."""
        content_type = ContentType.objects.get_for_model(instance)
        cls.objects.update_or_create(
            content_type=content_type,
            old_slug=old_slug,
            defaults={"object_id": instance.pk, "changed_at": timezone.now()},
        )
        # Back at a slug it had before: that slug is live again, not a former one.
        cls.objects.filter(
            content_type=content_type, old_slug=instance.slug, object_id=instance.pk
        ).delete()


class KeepsSlugHistory:
    """Model mixin (put it before models.Model): a change of slug is recorded in SlugHistory.

    The stored slug is read back before the save, one small query per save of an existing
    item; saves are staff actions, and reading it back also catches a slug changed
    through a form, a shell or a data import alike.
    """

    def save(self, *args, **kwargs):
        old_slug = None
        update_fields = kwargs.get("update_fields")
        if not self._state.adding and (update_fields is None or "slug" in update_fields):
            old_slug = (
                type(self)._base_manager.filter(pk=self.pk).values_list("slug", flat=True).first()
            )
        with transaction.atomic():
            super().save(*args, **kwargs)
            if old_slug and old_slug != self.slug:
                SlugHistory.remember(self, old_slug)
