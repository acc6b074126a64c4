"""Loads the demo content idempotently.

Items are found by their natural key (slug; a photo by its title). A missing
item is created; an existing one is left as staff may have edited it, unless
`refresh=True`, which puts the seed's values back (saving only what differs, so
an unchanged item keeps its `updated_at`). Running the loader twice changes
nothing and duplicates nothing.
"""

import io
from collections import Counter

from django.core.files.base import ContentFile
from django.db import transaction
from PIL import Image, ImageDraw

from events.models import Event
from ilo_office.demo import content
from ilo_office.demo.office import load_office_pages
from ilo_office.models import Photo
from ilo_office.publishing import Status
from newsroom.models import Article, ArticlePhoto
from programmes.models import (
    KeyFigure,
    Partner,
    Place,
    Programme,
    ProgrammePartner,
    ProgrammePhase,
    Theme,
)

PLACEHOLDER_SIZE = (1600, 900)


class Loader:
    def __init__(self, refresh=False):
        self.refresh = refresh
        self.created = Counter()
        self.updated = Counter()

    def upsert(self, model, lookup, values):
        """Create the item, or (when refreshing) bring its fields back to `values`."""
        obj = model._default_manager.filter(**lookup).first()
        label = model._meta.verbose_name_plural
        if obj is None:
            obj = model(**lookup, **values)
            obj.save()
            self.created[label] += 1
            return obj, True
        if self.refresh:
            changed = [name for name, value in values.items() if getattr(obj, name) != value]
            if changed:
                for name in changed:
                    setattr(obj, name, values[name])
                obj.save()
                self.updated[label] += 1
        return obj, False

    def set_m2m(self, obj, name, targets, is_new):
        if not (is_new or self.refresh):
            return
        manager = getattr(obj, name)
        if set(manager.all()) != set(targets):
            manager.set(targets)
            if not is_new:
                self.updated[obj._meta.verbose_name_plural] += 1

    def photo(self, spec):
        photo = Photo.objects.filter(title=spec["title"]).first()
        fields = {k: spec[k] for k in ("alt_text", "caption", "credit")}
        if photo is None:
            photo = Photo(title=spec["title"], **fields)
            photo.image.save(
                f"placeholder-{len(spec['title'])}.jpg",
                ContentFile(placeholder_jpeg(spec["title"], spec["colour"])),
                save=False,
            )
            photo.save()
            self.created["photos"] += 1
        elif self.refresh:
            self.upsert(Photo, {"title": spec["title"]}, fields)
        return photo

    def run(self):
        photos = {spec["title"]: self.photo(spec) for spec in content.PHOTOS}
        themes = {}
        for spec in content.THEMES:
            values = {**_without(spec, "slug", "photo"), "photo": photos.get(spec.get("photo"))}
            themes[spec["slug"]] = self.upsert(Theme, {"slug": spec["slug"]}, values)[0]
        partners = self.with_successors(Partner, content.PARTNERS)
        places = self.with_successors(Place, content.PLACES)
        programmes = {}
        for spec in content.PROGRAMMES:
            values = {
                "name": spec["name"],
                "acronym": spec["acronym"],
                "tagline": spec.get("tagline", ""),
                "summary": spec["summary"],
                "description": spec.get("description", ""),
                "stage": spec["stage"],
                "start_date": spec.get("start_date"),
                "end_date": spec.get("end_date"),
                "photo": photos.get(spec.get("photo")),
                "status": Status.PUBLISHED,
                "publish_at": content.PUBLISHED_AT,
                **_translations(spec),
            }
            programme, is_new = self.upsert(Programme, {"slug": spec["slug"]}, values)
            self.set_m2m(programme, "themes", [themes[s] for s in spec["themes"]], is_new)
            self.set_m2m(programme, "places", [places[s] for s in spec.get("places", [])], is_new)
            if is_new or self.refresh:
                for slug, role in spec["partners"]:
                    _, made = ProgrammePartner.objects.get_or_create(
                        programme=programme, partner=partners[slug], role=role
                    )
                    self.created["programme partners"] += made
                self.programme_details(programme, spec)
            programmes[spec["slug"]] = programme
        for spec in content.ARTICLES:
            values = {
                key: spec.get(key, default)
                for key, default in (
                    ("title", ""),
                    ("kind", Article.Kind.NEWS),
                    ("dateline", ""),
                    ("standfirst", ""),
                    ("body", ""),
                    ("publish_at", None),
                    ("is_featured", False),
                    ("source_name", ""),
                    ("source_url", ""),
                    ("source_published_on", None),
                )
            }
            values["body"] = values["body"].strip().replace("\n", " ").replace("> <", "><")
            values["hero"] = photos.get(spec.get("hero"))
            values["status"] = Status.PUBLISHED
            values.update(_translations(spec))
            article, is_new = self.upsert(Article, {"slug": spec["slug"]}, values)
            self._links(article, spec, programmes, themes, partners, is_new)
            if is_new or self.refresh:
                for order, title in enumerate(spec.get("photos", [])):
                    ArticlePhoto.objects.update_or_create(
                        article=article, photo=photos[title], defaults={"order": order}
                    )
        for spec in content.EVENTS:
            values = {
                "title": spec["title"],
                "kind": spec["kind"],
                "start_date": spec["start_date"],
                "end_date": spec["end_date"],
                "summary": spec.get("summary", ""),
                "venue": spec.get("venue", ""),
                "city": spec.get("city", ""),
                "country": spec.get("country", ""),
                "is_online": spec.get("is_online", False),
                "status": Status.PUBLISHED,
                "publish_at": content.PUBLISHED_AT,
            }
            event, is_new = self.upsert(Event, {"slug": content.event_slug(spec)}, values)
            self._links(event, spec, programmes, themes, partners, is_new)
        load_office_pages(self)
        return self

    def with_successors(self, model, specs):
        """Partners or places by slug; each successor is loaded before what points to it."""
        loaded = {}
        pending = list(specs)
        while pending:
            ready = [s for s in pending if s.get("successor") in (None, *loaded)]
            if not ready:
                raise ValueError(f"Unknown or circular successor in {pending[0]['slug']}")
            for spec in ready:
                values = _without(spec, "slug")
                if "successor" in spec:
                    values["successor"] = loaded[spec["successor"]]
                loaded[spec["slug"]] = self.upsert(model, {"slug": spec["slug"]}, values)[0]
                pending.remove(spec)
        return loaded

    def programme_details(self, programme, spec):
        """Phases and key figures, found again by name and label within the programme."""
        for order, phase in enumerate(spec.get("phases", [])):
            lookup = {"programme": programme, "name": phase["name"]}
            self.upsert(ProgrammePhase, lookup, {**_without(phase, "name"), "order": order})
        for order, figure in enumerate(spec.get("key_figures", [])):
            values = {**_without(figure, "label"), "order": order}
            self.upsert(KeyFigure, {"programme": programme, "label": figure["label"]}, values)

    def _links(self, obj, spec, programmes, themes, partners, is_new):
        self.set_m2m(obj, "programmes", [programmes[s] for s in spec.get("programmes", [])], is_new)
        self.set_m2m(obj, "themes", [themes[s] for s in spec.get("themes", [])], is_new)
        self.set_m2m(obj, "partners", [partners[s] for s in spec.get("partners", [])], is_new)

    def report(self):
        self.created, self.updated = +self.created, +self.updated  # drop zero counts
        if not self.created and not self.updated:
            return "Demo content already loaded: 0 created, 0 updated."
        parts = [f"{n} {label} created" for label, n in sorted(self.created.items()) if n]
        parts += [f"{n} {label} updated" for label, n in sorted(self.updated.items()) if n]
        return "Demo content: " + ", ".join(parts) + "."


def _without(spec, *keys):
    return {k: v for k, v in spec.items() if k not in keys}


def _translations(spec):
    """The Vietnamese texts of an item (`title_vi`...), for loaders that pick fields by name."""
    return {k: v for k, v in spec.items() if k.endswith("_vi")}


def placeholder_jpeg(label, colour):
    """A plain, clearly labelled stand-in for a photo the seeds only mention."""
    image = Image.new("RGB", PLACEHOLDER_SIZE, colour)
    draw = ImageDraw.Draw(image)
    draw.rectangle((40, 40, PLACEHOLDER_SIZE[0] - 40, PLACEHOLDER_SIZE[1] - 40), outline="white")
    draw.text((80, 80), "Placeholder image", fill="white", font_size=72)
    draw.text((80, 200), label.replace(" (placeholder image)", ""), fill="white", font_size=44)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=80)
    return buffer.getvalue()


@transaction.atomic
def load(refresh=False):
    return Loader(refresh=refresh).run()
