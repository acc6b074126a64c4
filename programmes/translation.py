"""Hub fields written in English and, where staff can, in Vietnamese.

A partner's name is translated like any other field (`name_vi` is its Vietnamese
name, shown on /vi/); places keep their Vietnamese name as a fact about them
(`vietnamese_name`, read by `Place.display_name`).
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
    fields = ("name", "summary", "successor_note")


@register(ProgrammePhase)
class ProgrammePhaseTranslation(TranslationOptions):
    fields = ("name", "focus")


@register(KeyFigure)
class KeyFigureTranslation(TranslationOptions):
    fields = ("label", "unit", "source")
