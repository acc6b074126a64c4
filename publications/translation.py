"""The publication fields staff write in English and, where they can, in Vietnamese."""

from modeltranslation.translator import TranslationOptions, register

from publications.models import Publication


@register(Publication)
class PublicationTranslation(TranslationOptions):
    fields = ("title", "summary")
