"""What each home page block shows: staff's choice first, the newest published otherwise.

Every list goes through `published()` (or `upcoming()` built on it), so a draft or a
scheduled item never reaches the home page, even when staff chose it. Each block is
one query (two for events, whose cards list their programmes; up to three for featured
stories, see featured_articles), whatever the number of items, so the page's cost is fixed.
"""

from django.db.models import F, OuterRef, Q, Subquery

from events.models import Event
from ilo_office.pages.models import FeaturedProgramme, FeaturedStory, HomeBlock
from newsroom.models import Article
from programmes.models import Programme, Theme
from publications.models import Publication

SIZES = {
    HomeBlock.Kind.FEATURED: 3,
    HomeBlock.Kind.NEWS: 6,
    HomeBlock.Kind.EVENTS: 5,
    HomeBlock.Kind.PROGRAMMES: 6,
    HomeBlock.Kind.PUBLICATIONS: 4,
}


def featured_articles(limit=SIZES[HomeBlock.Kind.FEATURED]):
    """Staff's featured stories in their order; else articles ticked featured; else newest.

    The first of these that has a published article wins alone, so a choice of one
    story shows one story rather than being padded with others. Each step is one
    query of `limit` rows at most (staff's few choices joined to their articles, then
    the published index walked newest first); the later steps run only when the
    earlier ones found nothing.
    """
    published = Article.objects.published().for_listing()
    chosen = list(
        published.filter(pk__in=FeaturedStory.objects.values("article_id"))
        .annotate(home_order=Subquery(
            FeaturedStory.objects.filter(article=OuterRef("pk")).values("order")[:1]
        ))
        .order_by("home_order", "-publish_at", "-pk")[:limit]
    )  # fmt: skip
    if chosen:
        return chosen
    featured = Article.objects.featured().for_listing()
    ticked = list(featured.order_by("-publish_at", "-pk")[:limit])
    return ticked or list(published.order_by("-publish_at", "-pk")[:limit])


def latest_articles(exclude=(), limit=SIZES[HomeBlock.Kind.NEWS]):
    return list(Article.objects.published().for_listing().exclude(pk__in=list(exclude))[:limit])


def upcoming_events(limit=SIZES[HomeBlock.Kind.EVENTS]):
    return list(Event.objects.upcoming().for_listing()[:limit])


def home_programmes(limit=SIZES[HomeBlock.Kind.PROGRAMMES]):
    """Programmes staff chose, in their order; else the active ones, newest first."""
    chosen = FeaturedProgramme.objects.filter(programme=OuterRef("pk")).values("order")[:1]
    programmes = list(
        Programme.objects.published()
        .for_listing()
        .annotate(home_order=Subquery(chosen))
        .filter(Q(home_order__isnull=False) | Q(stage=Programme.Stage.ACTIVE))
        .order_by(F("home_order").asc(nulls_last=True), "-publish_at", "name")[:limit]
    )
    return [p for p in programmes if p.home_order is not None] or programmes


def latest_publications(limit=SIZES[HomeBlock.Kind.PUBLICATIONS]):
    """The newest on the site (by publish time); their files' languages in a second query."""
    return list(Publication.objects.published().for_listing().order_by("-publish_at")[:limit])


def areas_of_work():
    return list(Theme.objects.filter(is_cross_cutting=False))


def shown_blocks():
    """The blocks staff left shown, in their order, each with its `items`.

    A kind whose row is missing counts as shown, after the others: losing a row
    must not silently empty the home page.
    """
    rows = {block.kind: block for block in HomeBlock.objects.all()}
    position = {kind: i for i, kind in enumerate(HomeBlock.Kind.values)}
    blocks = [rows.get(kind) or HomeBlock(kind=kind, order=999) for kind in position]
    blocks = sorted(
        (block for block in blocks if block.is_shown),
        key=lambda block: (block.order, position[block.kind]),
    )
    by_kind = {block.kind: block for block in blocks}
    # Featured first whatever its place on the page, so "latest news" can skip its stories.
    featured = featured_articles() if HomeBlock.Kind.FEATURED in by_kind else []
    loaders = {
        HomeBlock.Kind.FEATURED: lambda: featured,
        HomeBlock.Kind.NEWS: lambda: latest_articles(exclude=[a.pk for a in featured]),
        HomeBlock.Kind.EVENTS: upcoming_events,
        HomeBlock.Kind.PROGRAMMES: home_programmes,
        HomeBlock.Kind.AREAS: areas_of_work,
        HomeBlock.Kind.PUBLICATIONS: latest_publications,
    }
    for block in blocks:
        block.items = loaders[block.kind]()
        block.after_featured = bool(featured)
    return blocks
