"""The event fields staff write in English and, where they can, in Vietnamese."""

from modeltranslation.translator import TranslationOptions, register

from events.models import Event


@register(Event)
class EventTranslation(TranslationOptions):
    # The place too: readers of /vi/ read "Hà Nội, Việt Nam", and the Vietnamese
    # calendar and feeds carry it.
    fields = ("title", "summary", "description", "registration", "venue", "city", "country")
