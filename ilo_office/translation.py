"""Photo descriptions in English and Vietnamese: screen readers speak the reader's language."""

from modeltranslation.translator import TranslationOptions, register

from ilo_office.models import Photo


@register(Photo)
class PhotoTranslation(TranslationOptions):
    fields = ("alt_text",)
