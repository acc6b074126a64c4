"""Site-wide models: the shared photo library, and the former slugs that keep old URLs alive."""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ilo_office.images import (
    CleanPhoto,
    make_renditions,
    rendition_files,
    safe_name,
    validate_image_content,
)


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
    # Why a credit is asked for, said where staff meet it: the help text and the error.
    CREDIT_POLICY = _(
        "The ILO's photo policy credits every image it publishes, for example "
        "“© ILO/A.Santos”: the photographer or the source."
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
        stored = None
        if self.pk is not None:
            stored = (
                Photo._base_manager.filter(pk=self.pk)
                .values_list("image", "renditions_of", "renditions")
                .first()
            )
        # A file not yet processed: a new upload, or one stored by code that saves
        # the file first (the demo loader). It is decoded and stored again, upright and
        # without metadata, under a name made here; the file as sent is never kept.
        fresh = bool(self.image) and (
            not self.image._committed or self.image.name != self.renditions_of
        )
        written = []
        superseded = set()
        clean = None
        if fresh:
            if self.image._committed:
                superseded.add(self.image.name)
            clean = CleanPhoto.from_file(self.image)
            self.image.save(
                safe_name(self.image.name, clean.extension),
                ContentFile(clean.encoded()),
                save=False,
            )
            # Upright, so possibly turned a quarter: the size of what is stored now.
            self.width, self.height = clean.image.size
            written.append(self.image.name)
        try:
            # One transaction: a row never points at files deleted below.
            with transaction.atomic():
                super().save(*args, **kwargs)
                if fresh:
                    # Made once per stored file, after the save that gave the photo its id.
                    self.renditions = make_renditions(self, clean, written)
                    self.renditions_of = self.image.name
                    Photo._base_manager.filter(pk=self.pk).update(
                        renditions=self.renditions, renditions_of=self.renditions_of
                    )
        except BaseException:
            # Nothing refers to these new, uniquely named files: no orphan left behind.
            _delete_files(self.image.storage, written)
            raise
        old_image, old_original, old_renditions = stored or (None, None, None)
        if old_image and old_image != self.image.name:
            superseded.add(old_image)
        if old_original and old_original != self.renditions_of:
            superseded.add(old_original)
            superseded.update(rendition_files(old_renditions))
        superseded.discard(self.image.name)
        forget_files(self.image.storage, superseded)

    def clean_fields(self, exclude=None):
        # A field check, so that a form without the credit field (it is then excluded)
        # is never given an error it cannot show. Required for new photos only: photos
        # from before the rule still save without one (to fix a caption), and the admin
        # warns about them instead.
        errors = {}
        try:
            super().clean_fields(exclude)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        checked = exclude is None or "credit" not in exclude
        if checked and self._state.adding and not (self.credit or "").strip():
            errors.setdefault("credit", []).extend(
                [
                    ValidationError(
                        _("A credit is required for a new photo."), code="credit_policy"
                    ),
                    ValidationError(self.CREDIT_POLICY, code="credit_policy"),
                ]
            )
        if errors:
            raise ValidationError(errors)

    def public_uses(self, limit=10):
        """Items readers can see that show this photo, a few of each type.

        Content with status "published" (live, scheduled or expired: the workflow's
        rule for what a contributor may no longer change), and every area of work or
        partner (reference data, always public). A change to the photo goes live with
        them at once, so it follows their rule (see the photo admin).
        """
        from ilo_office.publishing import Publishable, Status  # it imports this module

        found = []
        for model, names in _photo_references():
            condition = models.Q()
            for name in names:
                condition |= models.Q(**{name: self})
            rows = model._base_manager.filter(condition)
            if issubclass(model, Publishable):
                rows = rows.filter(status=Status.PUBLISHED)
            found.extend(rows.distinct().order_by("pk")[:limit])
        return found

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


def _photo_references():
    """[(model, [names of its fields that point at Photo])] for the public models.

    Rows edited inside a content item (an article's further photos) are reached
    through the item's own many-to-many field; models with no page of their own are
    left out.
    """
    found = []
    for model in apps.get_models():
        if not hasattr(model, "get_absolute_url"):
            continue
        names = [
            field.name
            for field in model._meta.get_fields()
            if (field.many_to_one or field.many_to_many)
            and not field.auto_created
            and field.related_model is Photo
        ]
        if names:
            found.append((model, names))
    return found


def _delete_files(storage, names):
    for name in names:
        if name and storage.exists(name):
            storage.delete(name)


def forget_files(storage, names):
    """Delete these photo files once the transaction commits, unless a photo still uses them.

    Replaced and deleted photos must not stay public at their old addresses. Waiting
    for the commit keeps the files of a save that is rolled back; the check at that
    moment keeps files that several photos share (the volume data, a copy made in the
    shell) and renditions that belong to an original still in use.
    """
    names = {name for name in names if name}
    if not names:
        return

    def delete_unused():
        used = set()
        for image, original, renditions in Photo._base_manager.filter(
            models.Q(image__in=names) | models.Q(renditions_of__in=names)
        ).values_list("image", "renditions_of", "renditions"):
            used.update({image, original}, rendition_files(renditions))
        _delete_files(storage, names - used)

    transaction.on_commit(delete_unused)


@receiver(post_delete, sender=Photo, dispatch_uid="ilo_office_photo_files")
def _delete_photo_files(sender, instance, **kwargs):
    if instance.image:
        forget_files(
            instance.image.storage,
            {instance.image.name, *rendition_files(instance.renditions)},
        )


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
