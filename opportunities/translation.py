"""The opportunity fields staff write in English and, where they can, in Vietnamese."""

from modeltranslation.translator import TranslationOptions, register

from opportunities.models import Opportunity


@register(Opportunity)
class OpportunityTranslation(TranslationOptions):
    fields = ("title", "summary", "description", "how_to_apply", "duty_station")
