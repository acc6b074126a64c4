import reversion
from django.contrib import admin, messages
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from reversion.models import Version

from ilo_office.backoffice import workflow
from ilo_office.backoffice.admin_base import TranslatedAdmin, side_by_side
from ilo_office.images import PhotoUploadField
from ilo_office.models import Photo
from ilo_office.publishing import Publishable


@admin.register(Photo)
class PhotoAdmin(TranslatedAdmin):
    """The shared photo library; also opens as the "+" popup beside every photo picker."""

    list_display = ["thumbnail", "title", "alt_text", "credit", "created_at"]
    list_display_links = ["thumbnail", "title"]
    search_fields = ["title", "alt_text_en", "alt_text_vi", "caption_en", "caption_vi", "credit"]
    date_hierarchy = "created_at"
    ordering = ["-created_at"]
    readonly_fields = ["preview", "used_by", "width", "height", "created_at", "updated_at"]
    # The description for screen readers and the caption in both languages, side by side;
    # the English description is required.
    fields = [
        "title",
        "image",
        "preview",
        "used_by",
        side_by_side("alt_text"),
        side_by_side("caption"),
        "credit",
        ("width", "height"),
        ("created_at", "updated_at"),
    ]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "image":
            kwargs["form_class"] = PhotoUploadField
        if db_field.name == "credit":
            kwargs["help_text"] = format_html(
                "{} {}", Photo.CREDIT_POLICY, gettext("Required for new photos.")
            )
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        # Old photos may lack a credit: they still save (a caption fix must not wait for
        # one), but whoever opens them is told, so that the gap gets filled.
        if change and obj is not None and not (obj.credit or "").strip():
            messages.warning(
                request,
                format_html("{} {}", gettext("This photo has no credit yet."), Photo.CREDIT_POLICY),
            )
        return super().render_change_form(request, context, add, change, form_url, obj)

    # A photo shown by published content follows that content's rule: only someone who
    # may change every one of those items (an editor; a site manager for an area of
    # work or a partner) may change the photo, since its file, caption, credit and
    # alternative text go live with them at once. Photos of drafts stay open to all.

    def _public_uses(self, request, obj):
        cache = request.__dict__.setdefault("_photo_public_uses", {})
        if obj.pk not in cache:
            cache[obj.pk] = obj.public_uses()
        return cache[obj.pk]

    def has_change_permission(self, request, obj=None):
        if not super().has_change_permission(request, obj):
            return False
        if obj is None or obj.pk is None:
            return True
        return all(_may_change(request.user, item) for item in self._public_uses(request, obj))

    def has_delete_permission(self, request, obj=None):
        if not super().has_delete_permission(request, obj):
            return False
        if obj is None or obj.pk is None:
            return True
        return all(_may_change(request.user, item) for item in self._public_uses(request, obj))

    def get_deleted_objects(self, objs, request):
        # "Delete selected" asks this, not has_delete_permission(obj), of each photo: a
        # selection holding one the user may not delete is refused as a whole.
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        if any(
            isinstance(obj, Photo) and not self.has_delete_permission(request, obj) for obj in objs
        ):
            perms_needed = {*perms_needed, gettext("photos shown on content you may not change")}
        return deleted, counts, perms_needed, protected

    def log_change(self, request, obj, message):
        entry = super().log_change(request, obj, message)
        uses = self._public_uses(request, obj)
        if uses and reversion.is_active():
            # The photo's revision history records the change, with who made it (set
            # by the admin) and the published items that showed it at once.
            note = gettext("Shown at once on published items: %(items)s.") % {
                "items": "; ".join(_describe(item) for item in uses)
            }
            reversion.set_comment(f"{entry.get_change_message()} {note}".strip())
        return entry

    # Replaced and deleted files are deleted (so they stop being public); a revision
    # from before a replacement names a file that is gone. Restoring it would leave a
    # photo without an image on every page that shows it: refuse, and say why.

    def _file_of_version_is_gone(self, version_id):
        version = Version.objects.filter(pk=version_id).first()
        name = str(version.field_dict.get("image") or "") if version else ""
        return bool(name) and not Photo._meta.get_field("image").storage.exists(name)

    def _refuse_restore(self, request, object_id=None):
        messages.error(
            request,
            gettext(
                "The image file of this version was deleted when the photo was replaced "
                "or deleted. Upload the image again instead."
            ),
        )
        if object_id is not None:
            url = reverse("admin:ilo_office_photo_history", args=[object_id])
        else:
            url = reverse("admin:ilo_office_photo_changelist")
        return HttpResponseRedirect(url)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        if self._file_of_version_is_gone(version_id):
            return self._refuse_restore(request, object_id)
        return super().revision_view(request, object_id, version_id, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        if self._file_of_version_is_gone(version_id):
            return self._refuse_restore(request)
        return super().recover_view(request, version_id, extra_context)

    @admin.display(description=_("shown publicly on"))
    def used_by(self, obj):
        uses = obj.public_uses() if obj is not None and obj.pk else []
        if not uses:
            return gettext("None: contributors may change this photo.")
        return format_html(
            "{}<br>{}",
            gettext("Readers see this photo on these items, so only an editor may change it:"),
            format_html_join(
                ", ", "{} “{}”", ((item._meta.verbose_name, str(item)) for item in uses)
            ),
        )

    @admin.display(description=_("photo"))
    def thumbnail(self, obj):
        return photo_thumbnail(obj)

    @admin.display(description=_("preview"))
    def preview(self, obj):
        return photo_thumbnail(obj)


def _may_change(user, item):
    """The rule of the item itself: the workflow's for content, the change permission else."""
    if isinstance(item, Publishable):
        return workflow.can_edit(user, item)
    return user.has_perm(workflow.permission(type(item), "change"))


def _describe(item):
    return f"{item._meta.verbose_name} “{item}”"


def photo_thumbnail(photo):
    """An 80-pixel-wide preview from the smallest rendition, for admin lists."""
    if not photo or not photo.renditions:
        return "-"
    smallest = photo.renditions[0]
    return format_html(
        '<img src="{}" alt="" width="80" height="{}" loading="lazy">',
        photo.image.storage.url(smallest["jpeg"]),
        round(80 * smallest["height"] / smallest["width"]),
    )
