"""Articles: press releases, news, features, statements and republished coverage."""

from django.core.validators import URLValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ilo_office.markup import clean_html_field
from ilo_office.publishing import Publishable, PublishingQuerySet


class ArticleQuerySet(PublishingQuerySet):
    def for_listing(self):
        """What a list or card needs, in a fixed number of queries."""
        return self.select_related("hero")

    def featured(self):
        return self.published().filter(is_featured=True)

    def most_read(self, since):
        """Published articles by reads since a date, most read first; unread ones left out."""
        return (
            self.published()
            .filter(daily_reads__day__gte=since)
            .annotate(reads=models.Sum("daily_reads__count"))
            .order_by("-reads", "-publish_at")
        )

    def related_to(self, article):
        """Other published articles, those sharing a programme or theme first, then newest."""
        through_p = Article.programmes.through.objects
        through_t = Article.themes.through.objects
        shares_programme = Exists(
            through_p.filter(
                article_id=OuterRef("pk"),
                programme_id__in=through_p.filter(article_id=article.pk).values("programme_id"),
            )
        )
        shares_theme = Exists(
            through_t.filter(
                article_id=OuterRef("pk"),
                theme_id__in=through_t.filter(article_id=article.pk).values("theme_id"),
            )
        )
        return (
            self.published()
            .exclude(pk=article.pk)
            .alias(shares_programme=shares_programme, shares_theme=shares_theme)
            .order_by("-shares_programme", "-shares_theme", "-publish_at")
        )


class Article(Publishable):
    """One piece of the newsroom."""

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
        help_text=_('The city the story is filed from, e.g. HANOI. Shown as "HANOI (ILO News) -".'),
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
        indexes = [models.Index(fields=["status", "-publish_at"], name="article_public_idx")]
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

    def save(self, *args, **kwargs):
        clean_html_field(self, "body")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("newsroom:article_detail", kwargs={"slug": self.slug})

    @property
    def is_coverage(self):
        return self.kind == self.Kind.COVERAGE


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

    def __str__(self):
        return f"{self.article_id} {self.day}: {self.count}"
