"""Loads the demo content idempotently, and never undoes staff work.

Each item has a demo key (its model and its natural key in the seed: slug, a
photo's title). The loader remembers what it created under that key
(backoffice.DemoItem) with a fingerprint of the item as it left it: every editable
field, its many-to-many links and the rows that travel with its revisions
(ilo_office.backoffice.revisions.FOLLOW). On a later run:

- an item it never made is created, with a first revision (so its first edit can
  be undone and a deletion recovered) and, when it is published, a log entry;
- an item it made that is gone was deleted by staff: it stays deleted;
- an item whose fingerprint differs was edited, renamed, unpublished... by staff:
  it is left alone, `refresh=True` included;
- an untouched item is left as it is, or with `refresh=True` brought to the seed's
  current values (saving only what differs), as a revision and a log entry
  ("Demo content refreshed"), then fingerprinted again.

Items loaded before the loader kept these records are adopted when they still hold
the seed's values, and otherwise treated as staff's; a slug that some item had
before (SlugHistory) is never created again, so a renamed article is not
republished at its old address. Running the loader twice changes nothing.
"""

import hashlib
import json
from collections import Counter
from contextlib import contextmanager

import reversion
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from events.models import Event
from ilo_office.backoffice import revisions
from ilo_office.backoffice.models import DemoItem, PublishingLog
from ilo_office.demo import content
from ilo_office.demo.contact import load_office_contact
from ilo_office.demo.event_descriptions import seed_description
from ilo_office.demo.illustrations import MOTIFS, illustration
from ilo_office.demo.office import load_office_pages
from ilo_office.demo.opportunities import load_sample_opportunities
from ilo_office.demo.publications import load_publications
from ilo_office.models import Photo, SlugHistory
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

NEW, REFRESH = "new", "refresh"


class Loader:
    def __init__(self, refresh=False):
        self.refresh = refresh
        self.created = Counter()
        self.updated = Counter()
        self.kept = Counter()
        self.now = timezone.now()

    @contextmanager
    def item(self, model, lookup, values, prepare=None):
        """Yields (obj, write): the item (None if staff deleted it) and whether to write it.

        `write` is true for a new item and for an untouched one being refreshed: the
        caller then sets its links and rows, and on leaving the block the item is kept
        as one revision and fingerprinted. `prepare(obj)` runs on a new item before
        its first save (a photo's file).
        """
        with transaction.atomic(), reversion.create_revision():
            key = key_of(model, lookup)
            record = DemoItem.objects.filter(key=key).first()
            obj, mode = self._find_or_create(model, lookup, values, prepare, record)
            yield obj, mode is not None
            if mode is not None:
                self._seal(obj, key, mode, record)

    def upsert(self, model, lookup, values):
        """An item without links or rows of its own: (obj or None, written)."""
        with self.item(model, lookup, values) as (obj, write):
            pass
        return obj, write

    def _find_or_create(self, model, lookup, values, prepare, record):
        label = model._meta.verbose_name_plural
        if record is not None:
            obj = model._default_manager.filter(pk=record.object_id).first()
            if obj is None or fingerprint(obj) != record.fingerprint:
                self.kept[label] += 1  # deleted or changed by staff: theirs now
                return obj, None
            if not self.refresh:
                return obj, None
            changed = [name for name, value in values.items() if getattr(obj, name) != value]
            for name in changed:
                setattr(obj, name, values[name])
            if changed:
                obj.save()
            return obj, REFRESH
        obj = model._default_manager.filter(**lookup).first()
        if obj is not None:
            return self._adopt(obj, lookup, values)
        if "slug" in lookup and self._renamed(model, lookup["slug"]):
            self.kept[label] += 1
            return None, None
        obj = model(**lookup, **values)
        if prepare is not None:
            prepare(obj)
        obj.save()
        self.created[label] += 1
        return obj, NEW

    def _adopt(self, obj, lookup, values):
        """An item loaded before the loader kept records: its own only if still the seed's."""
        untouched = all(getattr(obj, name) == value for name, value in values.items())
        DemoItem.objects.create(
            key=key_of(type(obj), lookup),
            content_type=ContentType.objects.get_for_model(obj),
            object_id=obj.pk,
            # An empty fingerprint never matches: an item staff may have edited stays theirs.
            fingerprint=fingerprint(obj) if untouched else "",
        )
        if not untouched:
            self.kept[type(obj)._meta.verbose_name_plural] += 1
        return obj, None

    def _renamed(self, model, slug):
        return SlugHistory.objects.filter(
            content_type=ContentType.objects.get_for_model(model), old_slug=slug
        ).exists()

    def _seal(self, obj, key, mode, record):
        """Fingerprint what was written; keep it as a revision, logged when it changed."""
        obj.refresh_from_db()
        print_ = fingerprint(obj)
        if mode == REFRESH and print_ == record.fingerprint:
            return  # the seed had not changed: nothing written, no revision
        reversion.add_to_revision(obj)
        if mode == NEW:
            reversion.set_comment("Loaded from the demo content.")
            if getattr(obj, "status", None) == Status.PUBLISHED:
                # Published by the loader: an editor who unpublishes and republishes it
                # later keeps its date (workflow.go_live_now_if_first_time reads this).
                self._log(obj, PublishingLog.Action.PUBLISHED)
        else:
            reversion.set_comment("Refreshed from the demo content.")
            self._log(obj, PublishingLog.Action.REFRESHED)
            self.updated[type(obj)._meta.verbose_name_plural] += 1
        DemoItem.objects.update_or_create(
            key=key,
            defaults={
                "content_type": ContentType.objects.get_for_model(obj),
                "object_id": obj.pk,
                "fingerprint": print_,
                "loaded_at": self.now,
            },
        )

    def _log(self, obj, action):
        PublishingLog.objects.create(
            content_type=ContentType.objects.get_for_model(obj),
            object_id=obj.pk,
            object_repr=str(obj)[:300],
            action=action,
            at=self.now,
            note="Demo content",
        )

    def child(self, model, lookup, values):
        """A row edited on its item's form (a phase): written with the item, not tracked alone."""
        obj = model._default_manager.filter(**lookup).first()
        if obj is None:
            model._default_manager.create(**lookup, **values)
            self.created[model._meta.verbose_name_plural] += 1
            return
        changed = [name for name, value in values.items() if getattr(obj, name) != value]
        for name in changed:
            setattr(obj, name, values[name])
        if changed:
            obj.save()

    def set_m2m(self, obj, name, targets):
        """Links to the seed's targets; one staff deleted is left out."""
        targets = [target for target in targets if target is not None]
        manager = getattr(obj, name)
        if set(manager.all()) != set(targets):
            manager.set(targets)

    def photo(self, spec, motif=None):
        fields = {k: spec[k] for k in ("alt_text", "caption", "credit")}

        def attach_file(photo):
            photo.image.save(
                f"placeholder-{len(spec['title'])}.jpg",
                ContentFile(illustration(spec["title"], motif)),
                save=False,
            )

        with self.item(Photo, {"title": spec["title"]}, fields, prepare=attach_file) as item:
            photo, _write = item
        return photo

    def run(self):
        # Fields and skylines in turn, so that the few demo photos do not all look alike.
        photos = {
            spec["title"]: self.photo(spec, motif=index % len(MOTIFS))
            for index, spec in enumerate(content.PHOTOS)
        }
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
            with self.item(Programme, {"slug": spec["slug"]}, values) as (programme, write):
                if write:
                    self.set_m2m(programme, "themes", [themes.get(s) for s in spec["themes"]])
                    self.set_m2m(
                        programme, "places", [places.get(s) for s in spec.get("places", [])]
                    )
                    for slug, role in spec["partners"]:
                        if partners.get(slug) is not None:
                            ProgrammePartner.objects.get_or_create(
                                programme=programme, partner=partners[slug], role=role
                            )
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
            with self.item(Article, {"slug": spec["slug"]}, values) as (article, write):
                if write:
                    self._links(article, spec, programmes, themes, partners)
                    for order, title in enumerate(spec.get("photos", [])):
                        if photos.get(title) is not None:
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
                "description": seed_description(spec),
                "venue": spec.get("venue", ""),
                "city": spec.get("city", ""),
                "country": spec.get("country", ""),
                "is_online": spec.get("is_online", False),
                "status": Status.PUBLISHED,
                "publish_at": content.PUBLISHED_AT,
            }
            with self.item(Event, {"slug": content.event_slug(spec)}, values) as (event, write):
                if write:
                    self._links(event, spec, programmes, themes, partners)
        self.sample_events(programmes, themes, partners)
        load_office_pages(self)
        load_publications(self)
        load_office_contact(self)
        load_sample_opportunities(self, programmes, themes)
        return self

    def sample_events(self, programmes, themes, partners):
        """Upcoming samples dated from today (see content.sample_events), tracked like any item.

        On a later run they keep their dates (the loader never moves what it wrote unless
        refreshed); `--refresh` dates the untouched ones from the new day.
        """
        for spec in content.sample_events(timezone.localdate(self.now)):
            values = {
                **_without(spec, "slug", "programmes", "themes", "partners"),
                "status": Status.PUBLISHED,
                "publish_at": content.PUBLISHED_AT,
            }
            with self.item(Event, {"slug": spec["slug"]}, values) as (event, write):
                if write:
                    self._links(event, spec, programmes, themes, partners)

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
            self.child(ProgrammePhase, lookup, {**_without(phase, "name"), "order": order})
        for order, figure in enumerate(spec.get("key_figures", [])):
            values = {**_without(figure, "label"), "order": order}
            self.child(KeyFigure, {"programme": programme, "label": figure["label"]}, values)

    def _links(self, obj, spec, programmes, themes, partners):
        self.set_m2m(obj, "programmes", [programmes.get(s) for s in spec.get("programmes", [])])
        self.set_m2m(obj, "themes", [themes.get(s) for s in spec.get("themes", [])])
        self.set_m2m(obj, "partners", [partners.get(s) for s in spec.get("partners", [])])

    def report(self):
        self.created, self.updated = +self.created, +self.updated  # drop zero counts
        kept = sum(self.kept.values())
        kept_note = f" {kept} left as staff changed or deleted them." if kept else ""
        if not self.created and not self.updated:
            return "Demo content already loaded: 0 created, 0 updated." + kept_note
        parts = [f"{n} {label} created" for label, n in sorted(self.created.items()) if n]
        parts += [f"{n} {label} updated" for label, n in sorted(self.updated.items()) if n]
        return "Demo content: " + ", ".join(parts) + "." + kept_note


def key_of(model, lookup):
    """The demo key of an item: its model and its natural key in the seed."""
    return f"{model._meta.label_lower}:" + "/".join(
        str(getattr(value, "pk", value)) for value in lookup.values()
    )


def fingerprint(obj):
    """A digest of everything staff can change about `obj` on its form."""
    return hashlib.sha256(
        json.dumps(_state(obj, follow=True), sort_keys=True, default=str).encode()
    ).hexdigest()


def _state(obj, follow):
    data = {
        field.attname: field.value_to_string(obj)
        for field in obj._meta.concrete_fields
        if field.editable and not field.primary_key
    }
    for field in obj._meta.many_to_many:
        data[field.name] = sorted(getattr(obj, field.name).values_list("pk", flat=True))
    if follow:
        for name in revisions.FOLLOW.get(obj._meta.label_lower, ()):
            rows = [_state(row, follow=False) for row in getattr(obj, name).all()]
            data[name] = sorted(json.dumps(row, sort_keys=True, default=str) for row in rows)
    return data


def _without(spec, *keys):
    return {k: v for k, v in spec.items() if k not in keys}


def _translations(spec):
    """The Vietnamese texts of an item (`title_vi`...), for loaders that pick fields by name."""
    return {k: v for k, v in spec.items() if k.endswith("_vi")}


@transaction.atomic
def load(refresh=False):
    # The admin registers the models with reversion when it is loaded; a loader run
    # without it (a script) must keep revisions all the same.
    revisions.register_all()
    return Loader(refresh=refresh).run()
