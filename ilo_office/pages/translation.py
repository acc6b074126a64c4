"""Office pages and home-block headings in English and, where staff can, Vietnamese."""

from modeltranslation.translator import TranslationOptions, register

from ilo_office.pages.models import HomeBlock, OfficePage


@register(OfficePage)
class OfficePageTranslation(TranslationOptions):
    fields = ("title", "summary", "body")


@register(HomeBlock)
class HomeBlockTranslation(TranslationOptions):
    fields = ("heading",)
