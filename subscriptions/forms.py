from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from programmes.models import Programme, Theme
from subscriptions.models import KIND_TOPICS, Frequency

# The consent the sign-up form shows, kept word for word (in the language it was shown
# in) with the subscriber when the owner confirms.
CONSENT_TEXT = _(
    "The ILO Country Office for Viet Nam keeps your e-mail address and these choices only "
    "to send you the e-mails you chose. Every e-mail has a link to unsubscribe or to delete "
    "your data. We send no tracking images."
)


class TopicsForm(forms.Form):
    """The choices of a subscription, shared by the sign-up form and the manage page."""

    all_news = forms.BooleanField(label=_("All news"), required=False)
    press_releases = forms.BooleanField(label=_("Press releases"), required=False)
    events = forms.BooleanField(label=_("Events"), required=False)
    publications = forms.BooleanField(label=_("Publications"), required=False)
    vacancies = forms.BooleanField(label=_("Vacancies and calls"), required=False)
    programmes = forms.ModelMultipleChoiceField(
        label=_("Programmes"),
        queryset=Programme.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Their news, events, publications and vacancies."),
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Areas of work"),
        queryset=Theme.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Their news, events, publications and vacancies."),
    )
    language = forms.ChoiceField(
        label=_("Language of the e-mails"),
        choices=settings.LANGUAGES,
        widget=forms.RadioSelect,
        initial="en",
    )
    frequency = forms.ChoiceField(
        label=_("How often"),
        choices=Frequency.choices,
        widget=forms.RadioSelect,
        initial=Frequency.WEEKLY,
    )

    KIND_FIELDS = tuple(name for name, _label in KIND_TOPICS)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        # Only public programmes may be chosen (a draft's name must not leak here).
        self.fields["programmes"].queryset = (
            Programme.objects.published().without_search_copies().order_by("name")
        )
        self.fields["themes"].queryset = Theme.objects.without_search_copies()
        # Read once for the page (a ModelChoiceField queries at every iteration, and the
        # template both asks whether there are any and lists them); validation still
        # checks posted values against the querysets.
        for name in ("programmes", "themes"):
            field = self.fields[name]
            field.choices = [(obj.pk, obj.name) for obj in field.queryset]

    def clean(self):
        cleaned = super().clean()
        chosen = any(cleaned.get(name) for name in self.KIND_FIELDS) or any(
            cleaned.get(name) for name in ("programmes", "themes")
        )
        if not chosen and not self.errors:
            raise forms.ValidationError(_("Choose at least one topic."))
        return cleaned

    def choices(self):
        """The cleaned choices as plain data, for a signed link."""
        data = self.cleaned_data
        return {
            "kinds": [name for name in self.KIND_FIELDS if data.get(name)],
            "programmes": sorted(p.pk for p in data.get("programmes") or ()),
            "themes": sorted(t.pk for t in data.get("themes") or ()),
            "language": data["language"],
            "frequency": data["frequency"],
        }


class SubscribeForm(TopicsForm):
    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    # The honeypot: hidden from people (the `hidden` attribute of its wrapper), filled in
    # by form-filling robots. A filled one is answered like any other sign-up, and dropped.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    field_order = ["email"]

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()
