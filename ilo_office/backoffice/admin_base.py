"""What every admin of the back office shares: revisions, both languages, the editor,
and for the public content types the review-and-publish workflow.

The workflow's rules live in ilo_office.backoffice.workflow; this module applies
them to every path of the admin: the change form (status choices and a validation
that refuses a forged POST), its Publish / Submit / Unpublish buttons, the bulk
actions, the list's inline editing and the revision views.
"""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from js_asset import Media as JsAssetMedia
from modeltranslation.admin import TranslationAdmin
from reversion.models import Version
from reversion_compare.admin import CompareVersionAdmin

from ilo_office.backoffice import revisions, workflow
from ilo_office.backoffice.editor import rich_text_formfield
from ilo_office.backoffice.models import ProposedCorrection
from ilo_office.backoffice.workflow import State, in_state, state_of
from ilo_office.markup import render_html
from ilo_office.publishing import Status
from ilo_office.text import fold

# The admin classes below are built when the admin is discovered, before the back
# office app is ready: register the revision rules (with their related rows) first.
revisions.register_all()


def side_by_side(name):
    """The language columns of a translated field as one row: ("title_en", "title_vi")."""
    return tuple(f"{name}_{code}" for code, _label in settings.LANGUAGES)


PUBLISHING_FIELDSET = (
    _("Publishing"),
    {"fields": ["slug", "status", ("publish_at", "unpublish_at")]},
)

# Buttons of the change form, and the status each one asks for.
WORKFLOW_BUTTONS = {
    "_submit": Status.REVIEW,
    "_publish": Status.PUBLISHED,
    "_unpublish": Status.DRAFT,
    "_send_back": Status.DRAFT,
}


def with_csp_nonce(request, media):
    """The form's media carrying the request's CSP nonce (the editor's import map is inline)."""
    nonce = getattr(request, "csp_nonce", None)
    if nonce is None:
        return media
    return JsAssetMedia.from_media(media, nonce=nonce)


class BackofficeAdmin(CompareVersionAdmin):
    """Every save keeps a revision; staff compare two, restore one, recover deleted items."""

    history_latest_first = True

    def __init__(self, model, admin_site):
        # The slug is filled in as staff type the field the model makes it from
        # (ilo_office.publishing.DeclaredFields), unless the admin says otherwise.
        source = getattr(model, "SLUG_SOURCE", ())
        if source and not self.prepopulated_fields:
            self.prepopulated_fields = {"slug": [source[0]]}
        super().__init__(model, admin_site)

    @property
    def rich_text_fields(self):
        """The model's rich-text fields (DeclaredFields.RICH_TEXT), named nowhere else."""
        return getattr(self.model, "RICH_TEXT", ())

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        base_name = getattr(db_field, "translated_field", db_field).name
        # Fields edited with the rich-text editor (each of their language columns).
        if field is not None and base_name in self.rich_text_fields:
            field = rich_text_formfield(field)
        # Headlines and names are long: their inputs get the form's width (admin.css),
        # not Django's 20em, in which staff typed blind past the 30th character.
        elif field is not None and base_name in self.title_fields:
            classes = field.widget.attrs.get("class", "").split()
            field.widget.attrs["class"] = " ".join([*classes, "title-input"])
        return field

    title_fields = ("title", "name")

    def render_change_form(self, request, context, *args, **kwargs):
        context["media"] = with_csp_nonce(request, context["media"])
        return super().render_change_form(request, context, *args, **kwargs)

    # Recovering a deleted item undoes a deletion: only those who may delete may do it.

    def may_recover(self, request):
        return self.has_delete_permission(request)

    def changelist_view(self, request, extra_context=None):
        # Reversion shows "Recover deleted ..." to whoever may change; hide it from the rest.
        if not self.may_recover(request):
            extra_context = {**(extra_context or {}), "has_change_permission": False}
        return super().changelist_view(request, extra_context)

    def recoverlist_view(self, request, extra_context=None):
        if not self.may_recover(request):
            raise PermissionDenied
        return super().recoverlist_view(request, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        if not self.may_recover(request):
            raise PermissionDenied
        return super().recover_view(request, version_id, extra_context)


class TranslatedAdmin(BackofficeAdmin, TranslationAdmin):
    """English and Vietnamese columns of each translated field, side by side."""


class StateFilter(admin.SimpleListFilter):
    """Draft, in review, scheduled, published (live) or expired; a bad value is ignored."""

    title = _("status")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return State.choices

    def queryset(self, request, queryset):
        if self.value() in State.values:
            return in_state(queryset, self.value())
        return queryset


def status_badge(obj):
    state = state_of(obj)
    return format_html('<span class="state-badge state-{}">{}</span>', state.value, state.label)


def _previewable(model):
    """Whether the site has a staff preview for this type (ilo_office.preview)."""
    try:
        from ilo_office.preview import PREVIEW_VIEWS
    except ImportError:
        return False
    return model._meta.label_lower in PREVIEW_VIEWS


def _preview_url(obj):
    """The staff preview of `obj`, or None where previews are not available."""
    if obj is None or obj.pk is None or not _previewable(type(obj)):
        return None
    from ilo_office.preview import preview_url

    return preview_url(obj)


class WorkflowFormMixin(forms.BaseForm):
    """Mixed into the admin's form for one request (see PublishableAdmin.get_form).

    `may_publish` is the user's publish permission for the type, `before` the stored
    publishing fields (None for a new item), `button` the workflow button pressed.
    """

    may_publish = False
    before = None
    button = None

    TOLERANCE = workflow.TOLERANCE

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.may_publish and self.before is not None and self.before.status == Status.REVIEW:
            # Not a model field: what the editor asks of the author when sending the
            # item back (kept in the publishing log, see workflow.send_back).
            self.fields["review_comment"] = forms.CharField(
                label=_("What should the author change?"),
                required=False,
                widget=forms.Textarea(attrs={"rows": 4}),
            )
        if self.may_publish:
            return
        if "status" in self.fields:
            self.fields["status"].choices = [
                choice for choice in Status.choices if choice[0] != Status.PUBLISHED
            ]
        for name in ("publish_at", "unpublish_at"):
            if name in self.fields:
                field = self.fields[name]
                field.widget = forms.SplitDateTimeWidget(
                    attrs={"readonly": True}, date_format="%Y-%m-%d", time_format="%H:%M:%S"
                )
                field.help_text = _("Hanoi time. Only an editor can change the publishing times.")

    def clean(self):
        cleaned = super().clean()
        wanted = WORKFLOW_BUTTONS.get(self.button)
        if wanted is not None:
            cleaned["status"] = wanted
        if self.button == "_send_back":
            self._check_send_back(cleaned)
        self._keep_stored_times(cleaned)
        if not self.may_publish:
            self._refuse_publishing(cleaned)
        return cleaned

    def _check_send_back(self, cleaned):
        if not self.may_publish or self.before is None or self.before.status != Status.REVIEW:
            self.add_error(None, _("Only an editor can send back an item that is in review."))
        elif not cleaned.get("review_comment", "").strip():
            self.add_error(
                "review_comment",
                _("Say what the author should change: they see your comment on the item."),
            )

    def _keep_stored_times(self, cleaned):
        # The form shows times to the second; sent back unchanged, they are the stored
        # ones, not a new schedule (nor a reason to keep an old publish time when a
        # draft is published: see workflow.go_live_now_if_first_time).
        if self.before is None:
            return
        for name in ("publish_at", "unpublish_at"):
            value, stored = cleaned.get(name), getattr(self.before, name)
            if value is not None and stored is not None and abs(value - stored) < self.TOLERANCE:
                cleaned[name] = stored

    def _refuse_publishing(self, cleaned):
        if cleaned.get("status") == Status.PUBLISHED or self.button == "_unpublish":
            self.add_error(
                None,
                _(
                    "Only an editor can publish or unpublish. Save your changes as a draft "
                    "or submit them for review."
                ),
            )
        if self.before is not None and self.before.status == Status.PUBLISHED:
            self.add_error(None, _("This item is published: only an editor can change it."))
        now = timezone.now()
        for name in ("publish_at", "unpublish_at"):
            if name not in self.fields or name not in cleaned:
                continue
            value = cleaned[name]
            if self.before is None:
                allowed = value is None or (name == "publish_at" and value <= now + self.TOLERANCE)
            else:
                stored = getattr(self.before, name)
                allowed = (value is None and stored is None) or (
                    value is not None
                    and stored is not None
                    and abs(value - stored) < self.TOLERANCE
                )
                if allowed:
                    cleaned[name] = stored
            if not allowed:
                self.add_error(
                    name,
                    _(
                        "Only an editor can schedule: leave the publishing times as they are "
                        "and submit the item for review."
                    ),
                )


class LockedWithParentInline:
    """Inline rows are read-only whenever their item is (a published item, for a contributor)."""

    def _parent_editable(self, request, obj):
        return obj is None or workflow.can_edit(request.user, obj)

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and self._parent_editable(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._parent_editable(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._parent_editable(request, obj)


class PublishableAdmin(TranslatedAdmin):
    """The admin of a type that goes through review and publishing (Article, Event...)."""

    change_form_template = "admin/backoffice/publishable_change_form.html"
    list_filter = [StateFilter]
    date_hierarchy = "publish_at"
    readonly_fields = ["created_at", "updated_at"]
    # Folded columns: "lao dong" finds "lao động", in either language (see get_search_results).
    search_fields = ["search_title", "search_summary", "search_body"]
    save_on_top = True
    list_per_page = 50
    actions = ["submit_selected", "publish_selected", "unpublish_selected"]
    # Fields only a site manager (backoffice.arrange_navigation) may change.
    arrangement_fields = ()

    # Read-only rich text ----------------------------------------------------------

    # A read-only view (a contributor opening a published item) shows each field's
    # stored value as text, so a body would read as raw HTML tags. There, the rich
    # text fields are swapped for "rendered_<field>" (see __getattr__), which shows the
    # body as a reader sees it, sanitised against the one allow-list.
    RENDERED = "rendered_"

    def __getattr__(self, name):
        if name.startswith(PublishableAdmin.RENDERED):
            field_name = name.removeprefix(PublishableAdmin.RENDERED)
            if field_name.rsplit("_", 1)[0] in self.rich_text_fields:

                def rendered(obj):
                    return render_html(getattr(obj, field_name, ""))

                rendered.short_description = self.model._meta.get_field(field_name).verbose_name
                rendered.__name__ = name
                return rendered
        raise AttributeError(name)

    def _rendered_instead(self, request, obj):
        """The rich text fields' columns, when this user only reads `obj`."""
        if obj is None or not self.rich_text_fields or self.has_change_permission(request, obj):
            return set()
        return {
            f"{name}_{code}" for name in self.rich_text_fields for code, _ in settings.LANGUAGES
        }

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        rich = self._rendered_instead(request, obj)
        if not rich:
            return fieldsets

        def swap(field):
            if isinstance(field, (list, tuple)):
                return type(field)(swap(item) for item in field)
            return self.RENDERED + field if field in rich else field

        return [
            (title, {**options, "fields": swap(options["fields"])}) for title, options in fieldsets
        ]

    # Corrections to published items (see workflow) ---------------------------------

    def get_urls(self):
        opts = self.model._meta
        name = f"{opts.app_label}_{opts.model_name}"
        return [
            path(
                "<path:object_id>/propose-correction/",
                self.admin_site.admin_view(self.propose_correction_view),
                name=f"{name}_propose_correction",
            ),
            path(
                "<path:object_id>/corrections/<int:correction_id>/<str:decision>/",
                self.admin_site.admin_view(self.decide_correction_view),
                name=f"{name}_decide_correction",
            ),
            *super().get_urls(),
        ]

    def _change_url(self, obj):
        opts = self.model._meta
        return reverse(
            f"admin:{opts.app_label}_{opts.model_name}_change",
            args=[obj.pk],
            current_app=self.admin_site.name,
        )

    def _correction_form(self, obj, data=None):
        fields = {}
        for name in workflow.correctable_fields(self.model):
            field = self.model._meta.get_field(name).formfield(required=False)
            base_name = getattr(self.model._meta.get_field(name), "translated_field", None)
            if base_name is not None and base_name.name in self.rich_text_fields:
                field = rich_text_formfield(field)
            field.initial = getattr(obj, name)
            fields[name] = field
        fields["correction_note"] = forms.CharField(
            label=_("What is corrected, and why?"),
            widget=forms.Textarea(attrs={"rows": 3}),
            help_text=_("The editors read this before they publish your correction."),
        )
        return type("CorrectionForm", (forms.Form,), fields)(data)

    def propose_correction_view(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        if not workflow.can_propose_correction(request.user, obj):
            raise PermissionDenied
        form = self._correction_form(obj, request.POST if request.method == "POST" else None)
        if form.is_bound and form.is_valid():
            values = {
                name: form.cleaned_data[name]
                for name in workflow.correctable_fields(self.model)
                if (form.cleaned_data[name] or "") != (getattr(obj, name) or "")
            }
            if values:
                workflow.propose_correction(
                    obj, request.user, values, form.cleaned_data["correction_note"]
                )
                messages.success(
                    request,
                    _("Your correction is waiting for an editor. The published text is unchanged."),
                )
                return HttpResponseRedirect(self._change_url(obj))
            form.add_error(None, _("Change the text you want corrected first."))
        context = {
            **self.admin_site.each_context(request),
            "title": _("Propose a correction"),
            "subtitle": str(obj),
            "opts": self.model._meta,
            "original": obj,
            "form": form,
            "media": with_csp_nonce(request, self.media + form.media),
            "change_url": self._change_url(obj),
        }
        return TemplateResponse(request, "admin/backoffice/propose_correction.html", context)

    def decide_correction_view(self, request, object_id, correction_id, decision):
        if request.method != "POST" or decision not in ("apply", "dismiss"):
            raise PermissionDenied
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        correction = get_object_or_404(ProposedCorrection, pk=correction_id)
        if decision == "apply":
            workflow.apply_correction(correction, obj, request.user)
            messages.success(request, _("The correction is published."))
        else:
            workflow.dismiss_correction(correction, obj, request.user)
            messages.info(request, _("The correction was declined; the text is unchanged."))
        return HttpResponseRedirect(self._change_url(obj))

    def _corrections_context(self, request, obj):
        if obj is None or obj.pk is None:
            return []
        pending = []
        may_decide = self.has_publish_permission(request) and workflow.can_edit(request.user, obj)
        for correction in workflow.pending_corrections(obj):
            changes = [
                {
                    "label": self.model._meta.get_field(name).verbose_name,
                    "current": getattr(obj, name, ""),
                    "proposed": value,
                }
                for name, value in correction.values.items()
                if name in workflow.correctable_fields(self.model)
            ]
            pending.append({"correction": correction, "changes": changes, "may_decide": may_decide})
        return pending

    # Permissions --------------------------------------------------------------

    def has_publish_permission(self, request):
        return workflow.can_publish(request.user, self.model)

    def has_change_permission(self, request, obj=None):
        if not super().has_change_permission(request, obj):
            return False
        return obj is None or workflow.can_edit(request.user, obj)

    def may_arrange(self, request):
        return request.user.has_perm("backoffice.arrange_navigation")

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        fields += [self.RENDERED + name for name in sorted(self._rendered_instead(request, obj))]
        if not self.may_arrange(request):
            fields += [name for name in self.arrangement_fields if name not in fields]
        return fields

    def get_list_editable(self, request):
        if (
            self.list_editable
            and self.may_arrange(request)
            and self.has_publish_permission(request)
        ):
            return self.list_editable
        return ()

    def get_changelist_instance(self, request):
        # list_editable chosen per user: editing in the list saves rows without the
        # per-item checks of the change form, so only site managers (who may change
        # every item) get it. Django's list is () in a popup; that stays.
        changelist = super().get_changelist_instance(request)
        allowed = self.get_list_editable(request)
        changelist.list_editable = [name for name in changelist.list_editable if name in allowed]
        return changelist

    def get_changelist_formset(self, request, **kwargs):
        if not self.get_list_editable(request):
            raise PermissionDenied
        return super().get_changelist_formset(request, **kwargs)

    # The change form ----------------------------------------------------------

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        button = next((name for name in WORKFLOW_BUTTONS if name in request.POST), None)
        return type(
            form.__name__,
            (WorkflowFormMixin, form),
            {
                "may_publish": self.has_publish_permission(request),
                "before": self._stored_before(request, obj),
                "button": button,
            },
        )

    def _stored_before(self, request, obj):
        if obj is None:
            return None
        # A revision view has already put the old version in the database (and rolls it
        # back unless saved): the item as it was before is what the rules compare with.
        before = getattr(request, "_workflow_before", None)
        if before is not None and before[0] == (type(obj), obj.pk):
            return before[1]
        return workflow.snapshot(obj)

    def save_model(self, request, obj, form, change):
        if not change:
            before = None
        elif isinstance(form, WorkflowFormMixin):
            before = form.before
        else:  # the list's inline editing
            before = workflow.snapshot(obj)
        returned = workflow.sends_back_to_draft(request.user, obj, before)
        if returned:
            obj.status = Status.DRAFT
        if obj.status == Status.PUBLISHED:
            workflow.go_live_now_if_first_time(obj, before)
        super().save_model(request, obj, form, change)
        comment = ""
        if getattr(form, "button", None) == "_send_back":
            comment = form.cleaned_data["review_comment"].strip()
        entry = workflow.record(obj, request.user, before, comment=comment)
        if returned:
            messages.warning(
                request,
                _(
                    "You changed an item that was in review, so it is back in draft: the "
                    "editors review what you submit. Submit it for review again when it is ready."
                ),
            )
        elif entry is not None and getattr(form, "button", None):
            messages.info(request, f"{entry.object_repr}: {entry.get_action_display()}")

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        editable = (
            self.has_add_permission(request) if add else self.has_change_permission(request, obj)
        )
        context["workflow"] = {
            "state": state_of(obj) if obj is not None else None,
            "can_submit": editable and (add or obj.status == Status.DRAFT),
            "can_publish": editable
            and self.has_publish_permission(request)
            and (add or obj.status != Status.PUBLISHED),
            "can_unpublish": editable
            and not add
            and self.has_publish_permission(request)
            and obj.status == Status.PUBLISHED,
            "can_preview": editable and _previewable(self.model),
            "preview_url": _preview_url(obj),
            "log": list(workflow.log_for(obj)[:50]) if obj is not None else [],
            # The form holds the comment field when the stored item is in review (the
            # instance's status may already be the one a failed POST asked for).
            "can_send_back": editable and "review_comment" in context["adminform"].form.fields,
            "changes_requested": workflow.changes_requested(obj) if obj is not None else None,
            "can_propose_correction": obj is not None
            and not add
            and workflow.can_propose_correction(request.user, obj),
            "corrections": self._corrections_context(request, obj),
            "locked_in_review": obj is not None
            and not add
            and workflow.locked_in_review(request.user, obj),
            "returns_to_draft": editable
            and not add
            and obj.status == Status.REVIEW
            and not self.has_publish_permission(request),
        }
        return super().render_change_form(request, context, add, change, form_url, obj)

    def _after_save(self, request, obj):
        if "_preview" in request.POST:
            url = _preview_url(obj)
            if url:
                return HttpResponseRedirect(url)
        return None

    def response_add(self, request, obj, post_url_continue=None):
        return self._after_save(request, obj) or super().response_add(
            request, obj, post_url_continue
        )

    def response_change(self, request, obj):
        return self._after_save(request, obj) or super().response_change(request, obj)

    def view_on_site(self, obj):
        """The public page, for items readers can see now; none for the others."""
        return obj.get_absolute_url() if obj.is_published else None

    def revision_view(self, request, object_id, version_id, extra_context=None):
        # Restoring an old version must not let anyone change what they could not
        # change by hand: the item as it is now decides (the old version is checked
        # again by the change form it opens).
        current = self.get_object(request, unquote(object_id))
        if current is not None and not self.has_change_permission(request, current):
            raise PermissionDenied
        if current is not None:
            # The form must compare with the item as it is, not with the old version
            # reversion puts in the database first (else old publish times pass as kept).
            request._workflow_before = ((type(current), current.pk), workflow.snapshot(current))
        return super().revision_view(request, object_id, version_id, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        version = Version.objects.filter(pk=version_id).first()
        if version is not None and not self.has_publish_permission(request):
            data = version.field_dict
            if data.get("status") == Status.PUBLISHED:
                raise PermissionDenied
        return super().recover_view(request, version_id, extra_context)

    # Lists ------------------------------------------------------------------------

    def get_search_results(self, request, queryset, search_term):
        return super().get_search_results(request, queryset, fold(search_term))

    @admin.display(description=_("status"), ordering="status")
    def status_badge(self, obj):
        return status_badge(obj)

    def _bulk(self, request, queryset, allowed, move, done_message, skipped_hint=None):
        done = skipped = 0
        for obj in queryset:
            if allowed(request.user, obj):
                move(obj, request.user)
                done += 1
            else:
                skipped += 1
        if done:
            self.message_user(request, done_message(done), messages.SUCCESS)
        if skipped:
            self.message_user(
                request,
                ngettext(
                    "%(count)d item was left as it was: its status does not allow it, "
                    "or it is not yours to change.",
                    "%(count)d items were left as they were: their status does not allow "
                    "it, or they are not yours to change.",
                    skipped,
                )
                % {"count": skipped},
                messages.WARNING,
            )
            if skipped_hint:
                self.message_user(request, skipped_hint, messages.INFO)

    @admin.action(description=_("Submit the selected items for review"), permissions=["change"])
    def submit_selected(self, request, queryset):
        self._bulk(
            request,
            queryset,
            workflow.can_submit,
            workflow.submit_for_review,
            lambda n: (
                ngettext(
                    "%(count)d item submitted for review.",
                    "%(count)d items submitted for review.",
                    n,
                )
                % {"count": n}
            ),
        )

    @admin.action(description=_("Publish the selected items"), permissions=["publish"])
    def publish_selected(self, request, queryset):
        self._bulk(
            request,
            queryset,
            workflow.can_publish_reviewed,
            workflow.publish,
            lambda n: (
                ngettext("%(count)d item published.", "%(count)d items published.", n)
                % {"count": n}
            ),
            skipped_hint=_(
                "Only items in review are published from the list. Open a draft to read it "
                "and publish it from its own page."
            ),
        )

    @admin.action(description=_("Unpublish the selected items"), permissions=["publish"])
    def unpublish_selected(self, request, queryset):
        self._bulk(
            request,
            queryset,
            workflow.can_unpublish,
            workflow.unpublish,
            lambda n: (
                ngettext("%(count)d item unpublished.", "%(count)d items unpublished.", n)
                % {"count": n}
            ),
        )
