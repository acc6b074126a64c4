"""The article fields staff write in English and, where they can, in Vietnamese."""

from modeltranslation.translator import TranslationOptions, register

from newsroom.models import Article


@register(Article)
class ArticleTranslation(TranslationOptions):
    # The dateline place too: a Vietnamese body opens with "HÀ NỘI (Tin ILO) -".
    fields = ("title", "standfirst", "body", "dateline")
