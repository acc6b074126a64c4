"""The office's own pages (About, Mission, Contact) and the home page staff curate.

This app sits on top of the others: it may point at articles and programmes,
they never import it.
"""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ilo_office.publishing import Publishable, PublishingQuerySet


class OfficePageQuerySet(PublishingQuerySet):
    def in_navigation(self):
        """Published pages staff put in the navigation, in their order."""
        return self.published().filter(show_in_navigation=True).order_by("nav_order", "title", "pk")


class OfficePage(Publishable):
    """A page about the office itself: its history, mission, how to reach it."""

    RICH_TEXT = ("body",)
    SEARCH_FIELDS = {"title": ("title",), "summary": ("summary",), "body": ("body",)}

    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(
        _("summary"),
        blank=True,
        help_text=_("One or two sentences shown under the title and by search engines."),
    )
    body = models.TextField(
        _("body"), blank=True, help_text=_("Formatted text; scripts and styles are removed.")
    )
    photo = models.ForeignKey(
        "ilo_office.Photo",
        verbose_name=_("photo"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    nav_order = models.PositiveSmallIntegerField(
        _("position in the menu"),
        default=0,
        help_text=_(
            "Pages are listed in the About menu from the lowest number to the highest; "
            "the first one is what readers see when they click About."
        ),
    )
    show_in_navigation = models.BooleanField(
        _("show in the menu"),
        default=True,
        help_text=_(
            "Untick to keep a published page out of the About menu and the footer; "
            "it can still be reached by its address."
        ),
    )

    objects = OfficePageQuerySet.as_manager()

    class Meta(Publishable.Meta):
        ordering = ["nav_order", "title", "pk"]
        verbose_name = _("office page")
        verbose_name_plural = _("office pages")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("pages:office_page", kwargs={"slug": self.slug})


class HomeBlock(models.Model):
    """One block of the home page: staff choose its place, heading and whether it shows.

    The five rows are made by a migration; staff edit them but cannot add or delete
    them, so the page never depends on a block someone forgot to create.
    """

    class Kind(models.TextChoices):
        FEATURED = "featured", _("Featured stories")
        NEWS = "news", _("Latest news")
        EVENTS = "events", _("Upcoming events")
        PROGRAMMES = "programmes", _("Our programmes")
        AREAS = "areas", _("Areas of work")
        PUBLICATIONS = "publications", _("Latest publications")

    kind = models.CharField(_("block"), max_length=20, choices=Kind.choices, unique=True)
    heading = models.CharField(
        _("heading"),
        max_length=120,
        blank=True,
        help_text=_("Leave empty to use the standard heading, shown in both languages."),
    )
    order = models.PositiveSmallIntegerField(
        _("position on the page"),
        default=0,
        help_text=_("Blocks are shown from the lowest number to the highest."),
    )
    is_shown = models.BooleanField(
        _("shown"), default=True, help_text=_("Untick to hide this block from the home page.")
    )

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("home page block")
        verbose_name_plural = _("home page blocks")

    def __str__(self):
        return str(self.get_kind_display())

    @property
    def title(self):
        return self.heading or self.get_kind_display()

    @property
    def template_name(self):
        return f"pages/home/{self.kind}.html"


class FeaturedStory(models.Model):
    """An article staff put at the top of the home page, in their order."""

    article = models.ForeignKey(
        "newsroom.Article",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_(
            "Only published articles appear. With no story chosen (or none published), the "
            "home page shows the articles ticked as featured, or else the newest."
        ),
    )
    order = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Lower numbers come first.")
    )

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("featured story")
        verbose_name_plural = _("featured stories")
        constraints = [
            models.UniqueConstraint(fields=["article"], name="featured_story_article_unique")
        ]

    def __str__(self):
        return str(self.article)


class FeaturedProgramme(models.Model):
    """A programme staff chose for the home page's programmes block, in their order."""

    programme = models.ForeignKey(
        "programmes.Programme",
        verbose_name=_("programme"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_(
            "Only published programmes appear. With none chosen (or none published), the "
            "home page shows the active programmes, newest first."
        ),
    )
    order = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Lower numbers come first.")
    )

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("home page programme")
        verbose_name_plural = _("home page programmes")
        constraints = [
            models.UniqueConstraint(
                fields=["programme"], name="featured_programme_programme_unique"
            )
        ]

    def __str__(self):
        return str(self.programme)
