"""Where the programmes work: places under today's names, grouped by region.

Viet Nam merged 63 provinces and cities into 34 on 1 July 2025. Programmes keep the
places they were recorded with; every page here shows them under the province or city
they are part of today (`Place.successor`, followed to its end), with the former names
noted, so that a reader who looks for Hai Phong also finds what was done in Hai Duong.

Only published programmes are shown (`Programme.objects.published()`), and a place's
news and events are those of its published programmes.
"""

from django.db.models import Prefetch
from django.utils.translation import gettext

from ilo_office.fragments import once_per_generation
from ilo_office.text import fold
from programmes.models import Place, Programme, places_today


def _linked(places):
    """`places` with each one's successor object set from the same list: no query later."""
    by_pk = {place.pk: place for place in places}
    for place in places:
        if place.successor_id in by_pk:
            place.successor = by_pk[place.successor_id]
    return by_pk


def current_pk(place, by_pk):
    """The pk of the place `place` is part of today (itself if it was not merged)."""
    now, seen = place, {place.pk}
    while now.successor_id and now.successor_id not in seen and now.successor_id in by_pk:
        now = by_pk[now.successor_id]
        seen.add(now.pk)
    return now.pk


def successions(request=None):
    """{pk of a current place: [pks of every place merged into it, at any remove]}.

    Read once per content generation, so a list filtered by place runs no query for it.
    """

    def compute():
        places = list(Place.objects.only("pk", "successor_id"))
        by_pk = {place.pk: place for place in places}
        former = {}
        for place in places:
            now = current_pk(place, by_pk)
            if now != place.pk:
                former.setdefault(now, []).append(place.pk)
        return former

    return once_per_generation("place-successions", compute, request=request, by_language=False)


def with_former(place, request=None):
    """`places_today`'s entry for a current `place`: the place, its former places, the date.

    One query for the former places (none when it has none).
    """
    former_pks = successions(request).get(place.pk, [])
    family = [place, *Place.objects.filter(pk__in=former_pks)] if former_pks else [place]
    _linked(family)
    (entry,) = [entry for entry in places_today(family) if entry["place"].pk == place.pk]
    return entry


def programmes_in(place_pks):
    """The published programmes that name any of `place_pks` (a subquery, not a list)."""
    return Programme.objects.published().filter(places__in=place_pks).values("pk")


def regions():
    """[{"region", "label", "places": [entry, ...]}, ...]: every current place, by region.

    An entry is what `places_today` gives (the place, its former places and the date they
    were merged), plus `programmes`: the published programmes that work there now
    (active or in preparation; closed ones are on the place's own page). Within a region
    places follow the alphabet of the reader's language, accents aside. A current place
    that staff gave no region is listed last, under "Other provinces and cities".
    Three queries, whatever the number of places and programmes.
    """
    places = list(Place.objects.all())
    by_pk = _linked(places)
    entries = {entry["place"].pk: entry for entry in places_today(places)}
    for entry in entries.values():
        entry["programmes"] = []
    programmes = (
        Programme.objects.published()
        .without_search_copies()
        .exclude(stage=Programme.Stage.CLOSED)
        .prefetch_related(Prefetch("places", queryset=Place.objects.only("pk", "successor_id")))
        .order_by("name")
    )
    for programme in programmes:
        for pk in {current_pk(by_pk.get(p.pk, p), by_pk) for p in programme.places.all()}:
            if pk in entries:
                entries[pk]["programmes"].append(programme)
    groups = [
        {"region": value, "label": label, "places": []} for value, label in Place.Region.choices
    ]
    other = {"region": "", "label": gettext("Other provinces and cities"), "places": []}
    by_region = {group["region"]: group for group in groups}
    for entry in entries.values():
        by_region.get(entry["place"].region, other)["places"].append(entry)
    groups.append(other)
    for group in groups:
        group["places"].sort(key=lambda entry: fold(entry["place"].display_name))
    return [group for group in groups if group["places"]]
