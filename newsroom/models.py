"""Articles: press releases, news, features, statements and republished coverage."""

from django.conf import settings
from django.core.validators import URLValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ilo_office.languages import shown_language
from ilo_office.publishing import Publishable, PublishingQuerySet

# Coverage republished from another outlet: its canonical page is the original's, so it
# stays out of the sitemap. One expression for the QuerySet and the sitemap's index.
REPUBLISHED = Q(kind="coverage", source_url__gt="")


class ArticleQuerySet(PublishingQuerySet):
    def for_listing(self):
        """What a list or card needs, in a fixed number of queries (not the body)."""
        return (
            self.select_related("hero")
            .without_search_copies()
            .defer(*(f"body_{code}" for code, _name in settings.LANGUAGES))
        )

    def for_links(self):
        """What a link to an article needs: its title and address (no body, no search copies)."""
        return self.without_search_copies().defer(
            *(
                f"{field}_{code}"
                for field in ("body", "standfirst")
                for code, _name in settings.LANGUAGES
            )
        )

    def featured(self):
        return self.published().filter(is_featured=True)

    def canonical_here(self):
        """Published articles whose canonical address is on this site (not republished)."""
        return self.published().exclude(REPUBLISHED)

    def most_read(self, since, limit=5):
        """Published articles by reads since a date, most read first; unread ones left out.

        A list, from two queries: the reads of the window summed per article (the index
        on day, article finds the window's rows; only the top few sums come back), then
        those articles by primary key, published only. Should unpublished ones crowd
        the top, the window's top is read again, deeper. Equal sums at the edge of the
        top read are cut newest article (highest id) first; within it, newest published.
        """
        window = (
            DailyReads.objects.filter(day__gte=since)
            .values("article_id")
            .annotate(total=models.Sum("count"))
            .order_by("-total", "-article_id")
        )
        depth = limit * 4
        while True:
            top = list(window[:depth])
            totals = {row["article_id"]: row["total"] for row in top}
            articles = list(self.published().for_links().filter(pk__in=totals))
            for article in articles:
                article.reads = totals[article.pk]
            articles.sort(key=lambda a: (-a.reads, -a.publish_at.timestamp(), -a.pk))
            if len(articles) >= limit or len(top) < depth:
                return articles[:limit]
            depth *= 4  # unpublished articles crowded the top: read deeper

    def related_to(self, article, limit=4):
        """Other published articles: the newest sharing a programme, then a theme, then the newest.

        A list, from three queries of `limit` rows each (two without programmes or themes),
        each walking the published index newest first: the cost does not grow with the
        newsroom, and stays the same whether the first query fills the list or not. Reads
        the article's programmes and themes from its prefetch cache when the page has one.
        """
        others = self.published().for_links().exclude(pk=article.pk).order_by("-publish_at")
        through_p = Article.programmes.through.objects
        through_t = Article.themes.through.objects
        programme_ids = [programme.pk for programme in article.programmes.all()]
        theme_ids = [theme.pk for theme in article.themes.all()]
        steps = [
            others.filter(
                pk__in=through_p.filter(programme_id__in=programme_ids).values("article_id")
            )
            if programme_ids
            else None,
            others.filter(pk__in=through_t.filter(theme_id__in=theme_ids).values("article_id"))
            if theme_ids
            else None,
            others,
        ]
        related = {}
        for step in steps:
            if step is None:
                continue
            for item in step[:limit]:
                related.setdefault(item.pk, item)
        return list(related.values())[:limit]


class Article(Publishable):
    """One piece of the newsroom."""

    RICH_TEXT = ("body",)
    SEARCH_FIELDS = {
        "title": ("title",),
        "summary": ("standfirst",),
        "body": ("body", "dateline", "source_name"),
    }

    class Kind(models.TextChoices):
        PRESS_RELEASE = "press_release", _("Press release")
        NEWS = "news", _("News")
        FEATURE = "feature", _("Feature")
        STATEMENT = "statement", _("Statement or speech")
        COVERAGE = "coverage", _("In the media")

    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(
        _("kind"), max_length=20, choices=Kind.choices, default=Kind.NEWS, db_index=True
    )
    dateline = models.CharField(
        _("dateline place"),
        max_length=100,
        blank=True,
        help_text=_(
            "The city the story is filed from, e.g. HANOI, in Vietnamese HÀ NỘI. The body "
            'opens with "HANOI (ILO News) -", or "HÀ NỘI (Tin ILO) -" in Vietnamese.'
        ),
    )
    standfirst = models.TextField(
        _("standfirst"),
        blank=True,
        help_text=_(
            "The lead: one or two sentences under the title, also used in lists and feeds."
        ),
    )
    body = models.TextField(
        _("body"), blank=True, help_text=_("Formatted text; scripts and styles are removed.")
    )
    hero = models.ForeignKey(
        "ilo_office.Photo",
        verbose_name=_("main photo"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    photos = models.ManyToManyField(
        "ilo_office.Photo",
        verbose_name=_("further photos"),
        through="ArticlePhoto",
        related_name="+",
        blank=True,
    )
    revised_at = models.DateTimeField(
        _("updated on"),
        null=True,
        blank=True,
        help_text=_(
            "Set when you correct or add to a published article: readers see "
            '"Updated" with this date. Leave empty for small fixes.'
        ),
    )
    media_contact = models.TextField(
        _("media contact"),
        blank=True,
        help_text=_(
            "For press releases: name, role, telephone and e-mail of the person journalists "
            "should call, one per line."
        ),
    )
    media_contacts = models.ManyToManyField(
        "contact.MediaContact",
        verbose_name=_("media contacts"),
        related_name="press_releases",
        blank=True,
        help_text=_(
            "For press releases: whom journalists should call. Leave empty to name the "
            "office's default media contact."
        ),
    )
    is_featured = models.BooleanField(
        _("featured"),
        default=False,
        db_index=True,
        help_text=_("Featured articles are shown in the Featured block of the newsroom."),
    )
    source_name = models.CharField(
        _("original outlet"),
        max_length=200,
        blank=True,
        help_text=_("For coverage republished from another outlet: its name, e.g. Hanoi Times."),
    )
    source_url = models.URLField(
        _("original link"),
        max_length=500,
        blank=True,
        # Printed as a link and as the canonical address: web addresses only, never
        # javascript: or data: (the database refuses them too, see Meta).
        validators=[URLValidator(schemes=["http", "https"])],
        help_text=_("The address of the original article, starting with https:// or http://."),
    )
    source_published_on = models.DateField(_("original date"), null=True, blank=True)
    programmes = models.ManyToManyField(
        "programmes.Programme",
        verbose_name=_("programmes"),
        related_name="articles",
        blank=True,
    )
    themes = models.ManyToManyField(
        "programmes.Theme", verbose_name=_("areas of work"), related_name="articles", blank=True
    )
    partners = models.ManyToManyField(
        "programmes.Partner", verbose_name=_("partners"), related_name="articles", blank=True
    )

    objects = ArticleQuerySet.as_manager()

    class Meta(Publishable.Meta):
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        indexes = [
            # The published rule and every list's order (newest first): lists, feeds, side
            # blocks, related stories, the year filter and its choices. Partial, so drafts
            # stay out of it; unpublish_at and kind make a list's count an index-only scan.
            models.Index(
                fields=["-publish_at", "unpublish_at", "kind"],
                name="article_published_idx",
                condition=Q(status="published"),
            ),
            # The sitemap's count and newest change (ilo_office.sitemaps), from the index
            # alone: its condition is the sitemap's (republished coverage left out).
            models.Index(
                fields=["publish_at", "unpublish_at", "updated_at"],
                name="article_sitemap_idx",
                condition=Q(status="published") & ~REPUBLISHED,
            ),
            # The next scheduled take-down (ilo_office.cache.next_scheduled_change).
            models.Index(
                fields=["unpublish_at"],
                name="article_unpublish_idx",
                condition=Q(status="published", unpublish_at__isnull=False),
            ),
        ]
        constraints = [
            *Publishable.Meta.constraints,
            models.CheckConstraint(
                condition=Q(source_url="")
                | Q(source_url__startswith="https://")
                | Q(source_url__startswith="http://"),
                name="article_source_url_is_web_address",
                violation_error_message=_(
                    "The original link must be a web address starting with https:// or http://."
                ),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("newsroom:article_detail", kwargs={"slug": self.slug})

    def press_contacts(self):
        """Whom journalists should call about this press release: the contacts chosen,
        else the office's default one (the contact page's promise). None for other kinds."""
        from contact.models import MediaContact

        if self.kind != self.Kind.PRESS_RELEASE:
            return []
        chosen = list(self.media_contacts.all())
        return chosen or list(MediaContact.objects.filter(is_default=True)[:1])

    @property
    def is_coverage(self):
        return self.kind == self.Kind.COVERAGE

    # The agency line in each body language: "(Tin ILO)" before a Vietnamese body.
    DATELINE_AGENCY = {"en": "(ILO News)", "vi": "(Tin ILO)"}

    @property
    def body_dateline(self):
        """The line that opens the body, "HÀ NỘI (Tin ILO) -", or "" (none for coverage).

        It follows the body's language, not the page's: an English body on a Vietnamese
        page keeps "HANOI (ILO News) -", and a Vietnamese body whose dateline place staff
        gave only in English keeps that place rather than none.
        """
        if self.is_coverage:
            return ""
        language = shown_language(self, "body")
        place = getattr(self, f"dateline_{language}", None) or self.dateline_en
        if not place:
            return ""
        agency = self.DATELINE_AGENCY.get(language, self.DATELINE_AGENCY["en"])
        return f"{place.upper()} {agency} -"


class ArticlePhoto(models.Model):
    """A further photo of an article, in the order staff chose."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE)
    photo = models.ForeignKey("ilo_office.Photo", on_delete=models.CASCADE, verbose_name=_("photo"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("further photo")
        verbose_name_plural = _("further photos")
        constraints = [
            models.UniqueConstraint(fields=["article", "photo"], name="article_photo_unique")
        ]

    def __str__(self):
        return str(self.photo)


class DailyReads(models.Model):
    """How many times an article was read on one day (office time).

    Counted from a beacon the page sends after it loads, not during the render, so
    pages stay cacheable; no cookie, address or other personal data is kept.
    """

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="daily_reads")
    day = models.DateField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("daily reads")
        verbose_name_plural = _("daily reads")
        constraints = [
            models.UniqueConstraint(fields=["article", "day"], name="daily_reads_unique")
        ]
        # Most read: the last 30 days' rows, found by day (the unique index leads by article).
        indexes = [models.Index(fields=["day", "article"], name="daily_reads_day_idx")]

    def __str__(self):
        return f"{self.article_id} {self.day}: {self.count}"
