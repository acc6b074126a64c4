"""Contact fields written in English and in Vietnamese."""

from modeltranslation.translator import TranslationOptions, register

from contact.models import MediaContact, OfficeContact


@register(OfficeContact)
class OfficeContactTranslation(TranslationOptions):
    fields = ("address", "opening_hours", "directions")


@register(MediaContact)
class MediaContactTranslation(TranslationOptions):
    fields = ("role",)
