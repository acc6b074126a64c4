import datetime
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.crypto import salted_hmac
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from django.views.generic import DetailView, ListView

from ilo_office.filtering import FilteredListMixin
from ilo_office.fragments import PagePartsMixin, once_per_generation
from ilo_office.preview import PreviewableMixin
from ilo_office.publishing import office_today
from ilo_office.security import client_ip
from ilo_office.slugs import SlugRedirectMixin
from newsroom import services
from newsroom.feeds import kind_feed_links
from newsroom.filters import ArticleFilter
from newsroom.models import Article, ArticlePhoto
from programmes.models import Partner, Theme, published_programmes

MOST_READ_DAYS = 30  # today and the 29 days before it, in office time
SIDE_BLOCK_SIZE = 5


# Reads move "most read" without a save (they do not move the content generation):
# the side blocks are worked out again at least this often.
SIDE_BLOCKS_SECONDS = 10 * 60


@dataclass(frozen=True)
class SideLink:
    """An article as a side block shows it: what can be cached and shared by every reader."""

    title: str
    url: str

    def get_absolute_url(self):
        return self.url


def side_blocks():
    """Featured and most read, published only, as links in the active language."""
    since = office_today() - datetime.timedelta(days=MOST_READ_DAYS - 1)

    def links(articles):
        return [SideLink(article.title, article.get_absolute_url()) for article in articles]

    return {
        "featured_articles": links(Article.objects.featured().for_links()[:SIDE_BLOCK_SIZE]),
        "most_read_articles": links(Article.objects.most_read(since, limit=SIDE_BLOCK_SIZE)),
    }


class NewsroomBlocksMixin:
    """The newsroom's side blocks, the same on every newsroom page: kept per generation."""

    def get_context_data(self, **kwargs):
        bucket = int(time.time() // SIDE_BLOCKS_SECONDS)
        blocks = once_per_generation(f"newsroom-side:{bucket}", side_blocks, request=self.request)
        return super().get_context_data(**blocks, **kwargs)


class ArticleListView(NewsroomBlocksMixin, FilteredListMixin, ListView):
    template_name = "newsroom/article_list.html"
    context_object_name = "articles"
    filterset_class = ArticleFilter

    def get_paginate_by(self, queryset):
        return settings.PAGE_SIZE

    def get_queryset(self):
        return self.filter_queryset(Article.objects.published().for_listing())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # A list of one kind advertises that kind's feed, so that a reader who chose
        # "Features" can follow features, even before the first one is published.
        kind = self.filterset.form.cleaned_data.get("kind")
        if kind:
            context["kind_feed"] = kind_feed_links(kind)
            context["kind_label"] = Article.Kind(kind).label
            others = {
                k: v
                for k, v in self.filterset.form.cleaned_data.items()
                if k != "kind" and v not in (None, "")
            }
            context["only_kind_filtered"] = not others
        return context


class ArticleDetailView(
    SlugRedirectMixin, PreviewableMixin, PagePartsMixin, NewsroomBlocksMixin, DetailView
):
    template_name = "newsroom/article_detail.html"
    context_object_name = "article"
    # Shown only in the article's fragment, kept per content generation (PagePartsMixin).
    parts_prefetch = (
        published_programmes(),
        Prefetch("themes", queryset=Theme.objects.without_search_copies()),
        Prefetch("partners", queryset=Partner.objects.without_search_copies()),
        "media_contacts",
        Prefetch(
            "articlephoto_set",
            queryset=ArticlePhoto.objects.select_related("photo"),
            to_attr="gallery",
        ),
    )

    def get_queryset(self):
        return self.visible(Article.objects.without_search_copies()).select_related("hero")

    def get_parts(self):
        return {"related_articles": Article.objects.related_to(self.object, limit=4)}


# Reads one address may add in one office day, over all articles and browsers: far more
# than the readers behind one address usually send, far fewer than a script in a loop.
READS_PER_ADDRESS_PER_DAY = 200
# Longer than an office day, wherever in it the first read came; the keys name the day.
READ_MEMORY_SECONDS = 25 * 60 * 60


def _hashed(*parts):
    # Keyed with SECRET_KEY and the day: the cache never holds an address or a browser.
    return salted_hmac("newsroom.read", "|".join(map(str, parts))).hexdigest()[:24]


def first_read_today(request, article):
    """Whether this read counts: once per reader, article and office day, within a budget.

    A reader is an address (as the sign-in lockout sees it: from our proxy's
    X-Forwarded-For) and a browser, so that colleagues behind one office address each
    count; the daily budget is per address alone, so changing the browser string does not
    buy more. Both live only in the cache, as keyed hashes with the day in them: nothing
    of the reader reaches the database or outlives the day. One cache call on a repeat,
    three on a first read. When the cache cannot answer (an outage, errors ignored) the
    read is counted: a missed limit costs less than lost reads.
    """
    day, address = office_today(), client_ip(request)
    reader = _hashed(day, address, request.META.get("HTTP_USER_AGENT", ""))
    if cache.add(f"read:{reader}:{article.pk}", 1, READ_MEMORY_SECONDS) is False:
        return False
    budget = f"reads:{_hashed(day, address)}"
    cache.add(budget, 0, READ_MEMORY_SECONDS)
    try:
        count = cache.incr(budget)
    except ValueError:  # evicted between the two calls
        return True
    return count is None or count <= READS_PER_ADDRESS_PER_DAY


@csrf_exempt  # no cookie is read or set: a cross-site post can only add a read
@require_POST
@never_cache
def record_read(request, slug):
    """The beacon an article page sends once it has loaded: one more read today.

    The answer is the same whether or not the read counted, so a script learns nothing.
    """
    article = get_object_or_404(Article.objects.published(), slug=slug)
    if first_read_today(request, article):
        services.record_read(article)
    return HttpResponse(status=204)
