"""Cheaper rendering of what every page repeats (see ilo_office.fragments).

`{% filter_fields filter %}` renders a list's filter form (django-filter) as Django's
`form.as_div` does, with the same ids, labels, names and selected options, but in a few
string operations from choices computed once per content generation, instead of a
template per field, per widget and per option and a query per model choice field (half
of a list page's time, profiled). Anything it does not know how to render exactly (an
error, help text, another widget) is rendered by Django as before.

`{% per_generation "name" %}...{% end_per_generation %}` renders its content once per
content generation and language and serves it from the cache after that: for fragments
that change only when content does and are the same for every visitor.
"""

from html import escape

from django import forms, template
from django.core.cache import cache
from django.db.models import QuerySet, prefetch_related_objects
from django.utils import translation
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import mark_safe

from ilo_office.filtering import filter_choices
from ilo_office.fragments import TIMEOUT, current_generation, local_copies, once_per_generation

register = template.Library()


def _attributes(attrs):
    """` name="value"` pairs as Django's widget attrs template writes them."""
    return format_html_join(
        "",
        "{}",
        (
            (format_html(" {}", name) if value is True else format_html(' {}="{}"', name, value),)
            for name, value in attrs.items()
            if value is not False and value is not None
        ),
    )


def _widget_attrs(field):
    widget = field.field.widget
    attrs = field.build_widget_attrs({}, widget)
    if field.auto_id and "id" not in widget.attrs:
        attrs.setdefault("id", field.auto_id)
    return {**widget.attrs, **attrs}


def _label(field):
    label = conditional_escape(field.label or "")
    suffix = field.form.label_suffix
    if suffix and label and label[-1] not in ":?.!":
        label = format_html("{}{}", label, suffix)
    for_id = field.id_for_label
    if for_id:
        return format_html('<label for="{}">{}</label>', for_id, label)
    return format_html("<label>{}</label>", label)


def _select(field, choices, generation=None):
    widget = field.field.widget
    values = widget.format_value(field.value())
    if generation is None:
        return _render_select(field, choices, values)
    # The menus are the same for every reader until content changes, whatever option is
    # selected: each (menu, selection) is rendered once per generation in this process.
    key = (
        f"select:{field.form.__class__.__module__}.{field.form.__class__.__qualname__}:"
        f"{field.html_name}:{field.auto_id}:{translation.get_language()}:{generation}:"
        f"{chr(0).join(values)}"
    )
    html = local_copies.get(key)
    if html is None:
        html = _render_select(field, choices, values)
        local_copies.set(key, html)
    return html


def _render_select(field, choices, values):
    options = []
    has_selected = False
    # html.escape, as Django's escape() does inside, without its lazy and safe-string
    # wrapping per call: a partner menu has hundreds of options (profiled: 18 ms a page).
    for value, label in choices:
        selected = not has_selected and value in values
        has_selected |= selected
        attribute = " selected" if selected else ""
        options.append(f'<option value="{escape(value)}"{attribute}>{escape(label)}</option>')
    return format_html(
        '<select name="{}"{}>\n  {}\n</select>',
        field.html_name,
        _attributes(_widget_attrs(field)),
        mark_safe("\n  ".join(options)),  # noqa: S308 - every value and label escaped above
    )


def _input(field):
    widget = field.field.widget
    value = widget.format_value(field.value())
    value_attr = format_html(' value="{}"', value) if value is not None else ""
    return format_html(
        '<input type="{}" name="{}"{}{}>',
        widget.input_type,
        field.html_name,
        value_attr,
        _attributes(_widget_attrs(field)),
    )


def _control(field, choices, generation=None):
    """The field's widget as HTML, or None where Django must render it."""
    if field.errors or field.help_text or field.css_classes() or field.use_fieldset:
        return None
    widget_type = type(field.field.widget)
    if widget_type is forms.Select and choices is not None:
        return _select(field, choices, generation)
    if widget_type in (forms.TextInput, forms.SearchInput, forms.NumberInput):
        return _input(field)
    return None


@register.simple_tag
def filter_fields(filterset):
    """The fields of a FilterSet's form, each in a `<div>` with its `<label>`."""
    form = filterset.form
    if form.non_field_errors() or form.hidden_fields():
        return form.as_div()
    choices = filter_choices(filterset)
    request = getattr(filterset, "request", None)
    generation = current_generation(request) if request is not None else None
    parts = []
    for field in form:
        control = _control(field, choices.get(field.name), generation)
        if control is None:
            parts.append(format_html("<div>{}</div>", field.as_field_group()))
        else:
            parts.append(format_html("<div>\n  {}\n  {}\n</div>", _label(field), control))
    return mark_safe("\n".join(parts))  # noqa: S308 - each part built by format_html


class PerGenerationNode(template.Node):
    def __init__(self, name, nodelist, keys=(), prepare=None):
        self.name = name
        self.nodelist = nodelist
        self.keys = keys
        self.prepare = prepare

    def render(self, context):
        request = context.get("request")
        # An error page has no request; a preview shows what the public does not see.
        if request is None or context.get("is_preview"):
            return self.render_content(context)
        name = f"fragment:{self.name}"
        if self.keys:
            # An item's fragment carries absolute addresses (structured data): the host
            # the page was asked for is part of what it shows.
            keys = ":".join(str(key.resolve(context)) for key in self.keys)
            name = f"{name}:{keys}:{request.scheme}://{request.get_host()}"
        return once_per_generation(name, lambda: self.render_content(context), request=request)

    def render_content(self, context):
        """The content, after the view's `prepare` callable (if any) has loaded what it shows.

        `prepare` runs only when the fragment is rendered, not when it comes from the
        cache: the queries for what only the fragment shows run once per generation.
        It returns a dict of extra context (or None).
        """
        prepare = context.get(self.prepare) if self.prepare else None
        extra = prepare() if callable(prepare) else None
        with context.push(**(extra or {})):
            return self.nodelist.render(context)


@register.tag
def per_generation(parser, token):
    """`{% per_generation "footer" %}...{% end_per_generation %}`: cached per generation, language.

    `{% per_generation "article" article.pk prepare="page_parts" %}`: one copy per item
    (the values after the name are part of the key), and `page_parts`, a callable from the
    context, is called before rendering it (see PerGenerationNode.render_content).

    Only for fragments that are the same for every visitor of a language: nothing that
    depends on the user, the query string, or anything a later request may change
    without saving content (the newsroom's most read list, say).
    """
    bits = token.split_contents()
    if len(bits) < 2 or bits[1][0] not in "\"'" or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError(f"{bits[0]} takes a quoted name first")
    prepare = None
    keys = []
    for bit in bits[2:]:
        if bit.startswith("prepare="):
            prepare = bit.removeprefix("prepare=").strip("\"'")
        else:
            keys.append(parser.compile_filter(bit))
    nodelist = parser.parse(("end_per_generation",))
    parser.delete_first_token()
    return PerGenerationNode(bits[1][1:-1], nodelist, keys, prepare)


def _without_prefetch(items):
    """(list of the items, the prefetches they still need): a QuerySet not yet read is read
    without its prefetch_related lookups, which render_cards runs for the cards it renders."""
    if isinstance(items, QuerySet) and items._result_cache is None and not items._prefetch_done:
        lookups = items._prefetch_related_lookups
        # Marked done, so reading it (here, and the template's own loop later, from the
        # same result cache) skips them.
        items._prefetch_done = True
        return list(items), lookups
    return list(items), ()


def render_cards(context, items, template_name, name, eager_first=False, **parameters):
    """Each item's card (`template_name`, the item as `name`), rendered once per content
    generation and language and then taken from the cache: one round trip for the list.

    A card shows only its item and what the content generation covers (linked names,
    "today" through the office's date), the same for every visitor of a language; a
    list page spent most of its time rendering twenty of them (profiled).
    `eager_first`: the first card's photo loads eagerly (the page's first image).
    Returns [(item, html), ...] in the items' order.
    """
    items, prefetch = _without_prefetch(items)
    if not items:
        return []
    request = context.get("request")
    generation = current_generation(request) if request is not None else None
    language = translation.get_language() or ""
    settings_key = ":".join(f"{key}={value}" for key, value in sorted(parameters.items()))

    def loading(index):
        return "eager" if eager_first and index == 0 else "lazy"

    keys = [
        f"card:{template_name}:{language}:{generation}:{item.pk}:{loading(i)}:{settings_key}"
        for i, item in enumerate(items)
    ]
    found = {}
    if generation is not None:
        found = {key: html for key in keys if (html := local_copies.get(key)) is not None}
        if len(found) < len(keys):
            found.update(cache.get_many([key for key in keys if key not in found]))
    if prefetch:
        # Only the cards to render need what the prefetch loads (their programmes, say).
        prefetch_related_objects(
            [item for item, key in zip(items, keys, strict=True) if key not in found], *prefetch
        )
    card_template = context.template.engine.get_template(template_name)
    rendered, missing = [], {}
    for index, (item, key) in enumerate(zip(items, keys, strict=True)):
        html = found.get(key)
        if html is None:
            with context.push(**{name: item, "loading": loading(index)}, **parameters):
                html = card_template.render(context)
            missing[key] = html
        if generation is not None:
            local_copies.set(key, html)
        rendered.append((item, mark_safe(html)))  # noqa: S308 - rendered by its template
    if missing and generation is not None:
        cache.set_many(missing, TIMEOUT)
    return rendered


@register.simple_tag(takes_context=True)
def cards(context, items, template_name, name, **options):
    """`{% cards articles "includes/article_card.html" "article" h="2" eager_first=True %}`"""
    rendered = render_cards(context, items, template_name, name, **options)
    return mark_safe("".join(html for _item, html in rendered))  # noqa: S308 - each a template's


@register.simple_tag(takes_context=True)
def card_map(context, items, template_name, name, **options):
    """`{% card_map events "includes/event_card.html" "event" as cards %}`: {pk: card},
    for lists that interleave their own markup (month headings) with the cards."""
    return {
        item.pk: html for item, html in render_cards(context, items, template_name, name, **options)
    }


@register.filter
def card_of(card_map, item):
    """`{{ cards|card_of:event }}`: the item's card from a `card_map`."""
    return card_map.get(item.pk, "")
