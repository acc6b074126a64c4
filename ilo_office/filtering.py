"""List filters from the query string that never turn bad input into an error.

A reader who follows an old link or mistypes (?year=abc, ?programme=gone) gets
the list with that one filter ignored and a sentence saying so, not a 500 and
not an empty page. Valid filters in the same URL still apply.
"""

import datetime
import hashlib

import django_filters
from django import forms
from django.core.paginator import Paginator
from django.db.models import Exists, Max, Min
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ilo_office.fragments import once_per_generation


def apply_filters(filterset_class, request, queryset):
    """Return (filterset, notices): a bound FilterSet whose invalid fields were dropped."""
    data = request.GET.copy()
    filterset = filterset_class(data, queryset=queryset, request=request)
    notices = []
    if not filterset.is_valid():
        for name in filterset.errors:
            field = filterset.form.fields.get(name)
            label = field.label if field else name
            # Control characters (?kind=%00) are not echoed: HTML cannot carry them.
            value = "".join(filter(str.isprintable, data.get(name, "")))[:100]
            notices.append(
                _("The filter “%(label)s” was ignored: “%(value)s” is not a valid choice.")
                % {"label": label, "value": value}
            )
            data.pop(name, None)
        filterset = filterset_class(data, queryset=queryset, request=request)
    return filterset, notices


class CountedPerGeneration(Paginator):
    """A Paginator whose count is kept per content generation under `count_key`.

    The rows of a list change only when content does (a save, a scheduled time
    passing), which moves the generation on; counting 20,000 published articles for
    every request of the news list was a third of its database time (profiled).
    """

    def __init__(self, *args, count_key, request, **kwargs):
        super().__init__(*args, **kwargs)
        self.count_key = count_key
        self.request = request

    @cached_property
    def count(self):
        return once_per_generation(
            self.count_key,
            lambda: Paginator.count.func(self),
            request=self.request,
            by_language=False,
        )


class FilteredListMixin:
    """For a ListView: `filter_queryset()` applies `filterset_class`, ignoring bad values."""

    filterset_class = None

    def filter_queryset(self, queryset):
        self.filterset, self.filter_notices = apply_filters(
            self.filterset_class, self.request, queryset
        )
        return self.filterset.qs

    def get_paginator(self, queryset, per_page, **kwargs):
        # Keyed by the list and the filters that applied (cleaned: bad values were
        # dropped), not the raw query string: ?page= and junk do not make new counts.
        applied = sorted(
            (name, repr(getattr(value, "pk", value)))
            for name, value in self.filterset.form.cleaned_data.items()
            if value not in (None, "")
        )
        digest = hashlib.sha256(repr(applied).encode()).hexdigest()[:32]
        return CountedPerGeneration(
            queryset,
            per_page,
            count_key=f"list-count:{type(self).__name__}:{self.request.path}:{digest}",
            request=self.request,
            **kwargs,
        )

    def get_context_data(self, **kwargs):
        query = self.filterset.data.copy()
        query.pop("page", None)
        active = {k: v for k, v in self.filterset.form.cleaned_data.items() if v not in (None, "")}
        context = super().get_context_data(
            filter=self.filterset,
            filter_notices=self.filter_notices,
            filters_active=bool(active),
            query_without_page=query.urlencode(),
            **kwargs,
        )
        # An empty, unfiltered list folds its filters away (includes/filters.html). The
        # paginator has counted already; asking the list itself would fetch rows that the
        # cached cards do not need.
        page = context.get("page_obj")  # a Page's truth value would read its rows
        empty = not page.paginator.count if page is not None else not context["object_list"]
        context["filters_folded"] = empty and not active
        return context


def years_with(queryset, field):
    """The years (newest first) in which `queryset` has a row, by its date or datetime `field`.

    The choices of a year filter, without reading every row: the first and last
    dates (one query: two probes of an index on `field`), then one query asking, for
    each year between them, whether a row exists in it (one index probe per year).
    Datetimes are counted in the current time zone, as the `__year` lookup counts them.
    """
    bounds = queryset.aggregate(first=Min(field), last=Max(field))
    if bounds["first"] is None:
        return []
    is_datetime = isinstance(bounds["first"], datetime.datetime)
    if is_datetime:
        first, last = (timezone.localtime(bounds[k]).year for k in ("first", "last"))
    else:
        first, last = bounds["first"].year, bounds["last"].year
    if first == last:
        return [first]

    def start(year):
        day = datetime.date(year, 1, 1)
        if is_datetime:
            return datetime.datetime.combine(day, datetime.time(), timezone.get_current_timezone())
        return day

    checks = {
        f"y{year}": Exists(
            queryset.order_by().filter(
                **{f"{field}__gte": start(year), f"{field}__lt": start(year + 1)}
            )
        )
        for year in range(first + 1, last)
    }
    found = {}
    if checks:
        # One row (the last one, found by the index again) carrying a yes or no per year.
        last_row = queryset.order_by().filter(**{field: bounds["last"]})
        found = last_row.annotate(**checks).values(*checks)[0]
    return [year for year in range(last, first - 1, -1) if found.get(f"y{year}", True)]


def filter_choices(filterset):
    """The choices of the filter form's select fields, as {name: [(value, label), ...]}.

    Strings only, the same for every visitor: computed once per content generation and
    language (ilo_office.fragments), so a list page runs no query for its programme,
    area of work and partner menus, and renders them without Django's widget templates.
    Fields whose choices are grouped are left out (they render the usual way).
    """

    def compute():
        choices = {}
        for name, field in filterset.form.fields.items():
            if not isinstance(field, forms.ChoiceField):
                continue
            # One query for a model's choices: iterated, not list()-ed, which would ask
            # their len() first, a COUNT query of its own.
            raw = [choice for choice in field.choices]  # noqa: C416
            if not any(isinstance(label, (list, tuple)) for _value, label in raw):
                choices[name] = [(str(value), str(label)) for value, label in raw]
        return choices

    cls = type(filterset)
    return once_per_generation(
        f"filter-choices:{cls.__module__}.{cls.__qualname__}",
        compute,
        request=getattr(filterset, "request", None),
    )


SEARCH_MAX_LENGTH = 200


class SearchField(forms.CharField):
    """Free text as typed, less what no one types: control and format characters.

    A NUL byte (?q=%00) would otherwise make the whole search invalid, and
    PostgreSQL refuses it in a query; an overlong query is cut rather than refused.
    """

    def to_python(self, value):
        value = super().to_python(value)
        kept = (" " if ch.isspace() else ch for ch in value if ch.isprintable() or ch.isspace())
        return "".join(kept).strip()[:SEARCH_MAX_LENGTH]


class SearchFilter(django_filters.CharFilter):
    field_class = SearchField


class SearchableFilterSet(django_filters.FilterSet):
    """A list's filters with a search box (`q`) and a `year` menu, as the lists share them.

    `years` is (cache name, function giving the year choices): the menu is computed
    once per content generation, a list rather than the callable, which validating and
    rendering the form would each query.
    """

    q = SearchFilter(method="search", label=gettext_lazy("Search"))
    years = None

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and "q" in data:
            # The search box shows back what was searched, not the control characters
            # or the 5000 characters that came in the URL.
            data = data.copy()
            data["q"] = SearchField(required=False).clean(data["q"])
        super().__init__(data, *args, **kwargs)
        if self.years:
            name, choices = self.years
            self.filters["year"].extra["choices"] = once_per_generation(
                name, choices, request=self.request, by_language=False
            )

    def search(self, queryset, name, value):
        """Every word, folded ("viet nam" finds "Việt Nam"), through the search indexes."""
        # Imported here: models import this module, and search reads the models' registry.
        from ilo_office.search import Query, matching

        if not value:
            return queryset
        return matching(queryset, Query.parse(value))
