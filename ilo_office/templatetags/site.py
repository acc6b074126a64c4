from django import template
from django.urls import translate_url

register = template.Library()


@register.simple_tag(takes_context=True)
def url_in_language(context, lang):
    """The address of the current page in `lang` (plain link, no JavaScript needed)."""
    request = context["request"]
    url = translate_url(request.path, lang)
    query = request.GET.urlencode()
    return f"{url}?{query}" if query else url


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with `changes` applied, e.g. `?{% query_with page=3 %}`."""
    query = context["request"].GET.copy()
    for key, value in changes.items():
        if value in (None, ""):
            query.pop(key, None)
        else:
            query[key] = value
    return query.urlencode()
