"""Photo descriptions and captions in English and Vietnamese: screen readers speak the
reader's language, and a caption is read in it."""

from modeltranslation.translator import TranslationOptions, register

from ilo_office.models import Photo


@register(Photo)
class PhotoTranslation(TranslationOptions):
    fields = ("alt_text", "caption")
