from django import template

from ilo_office.markup import render_html

register = template.Library()


@register.filter
def sanitize(html):
    """`{{ article.body|sanitize }}`: staff rich text against the one allow-list."""
    return render_html(html)
