"""Hub fields written in English and, where staff can, in Vietnamese.

Partners and places carry their Vietnamese name as a fact about them
(`vietnamese_name`), shown in both languages, so their names are not here.
"""

from modeltranslation.translator import TranslationOptions, register

from programmes.models import KeyFigure, Partner, Programme, ProgrammePhase, Theme


@register(Programme)
class ProgrammeTranslation(TranslationOptions):
    fields = ("name", "tagline", "summary", "description")


@register(Theme)
class ThemeTranslation(TranslationOptions):
    fields = ("name", "summary", "description")


@register(Partner)
class PartnerTranslation(TranslationOptions):
    fields = ("summary",)


@register(ProgrammePhase)
class ProgrammePhaseTranslation(TranslationOptions):
    fields = ("name", "focus")


@register(KeyFigure)
class KeyFigureTranslation(TranslationOptions):
    fields = ("label", "unit")
