"""The public content types, registered once: every part of the site that lists them reads this.

Each `PublicType` says, for one model, what the rest of the site needs to know:

- `workflow`: it goes through drafts, review and publishing (a `Publishable`), so the
  roles grant it (backoffice.roles), the dashboard lists it (backoffice templatetags),
  and it keeps revisions (backoffice.revisions);
- `parts`: the rows edited inline on its form, {attribute on the item: model label};
  they travel with the item's revisions and the roles grant them with it;
- `preview_view`: the public DetailView that shows a draft to staff (ilo_office.preview,
  and the admin's "Preview" button);
- `search`: its section of site search (ilo_office.search): key, label, and the fields
  a result shows;
- `sitemap`: its section of the sitemap (ilo_office.sitemaps), `sitemap_items` the
  manager method that gives what the sitemap lists, and `list_urls` the list pages
  dated by its newest item.

Models are named by label ("newsroom.article") and looked up only when used, so this
module imports no app and any module may import it.

Adding a type (publications, opportunities...) is one `PublicType(...)` in TYPES below;
the order of TYPES is the order of the dashboard, search sections and sitemaps. Give the
model `Publishable` when it has `workflow=True` (a `publish_<model>` permission and
`published()`), and `Searchable` when it has `search`.
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class SearchFields:
    """A type's section of site search: the fields a result shows, its date for ties."""

    key: str
    label: str
    title: str
    summary: str
    body: str
    date: str = "publish_at"
    # The manager method that says what the public may find: open calls only, for one.
    public: str = "published"
    # PostgreSQL: the stored vector holds the year of `date` (a migration's
    # search_index.search_years), so a common word's newest matches are found among
    # the last years' rows first (ilo_office.search.WINDOWS). For the types that grow
    # by thousands a year.
    by_year: bool = False


@dataclass(frozen=True)
class PublicType:
    label: str
    workflow: bool = True
    parts: dict = field(default_factory=dict)
    preview_view: str = ""
    search: SearchFields | None = None
    sitemap: str = ""
    sitemap_items: str = "published"
    list_urls: tuple = ()

    @property
    def model(self):
        return apps.get_model(self.label)


TYPES = (
    PublicType(
        "newsroom.article",
        parts={"articlephoto_set": "newsroom.articlephoto"},
        preview_view="newsroom.views.ArticleDetailView",
        search=SearchFields("news", _("News"), "title", "standfirst", "body", by_year=True),
        sitemap="news",
        # An article syndicated from another office is listed under its own address there.
        sitemap_items="canonical_here",
        list_urls=("newsroom:article_list",),
    ),
    PublicType(
        "events.event",
        preview_view="events.views.EventDetailView",
        search=SearchFields("events", _("Events"), "title", "summary", "description", by_year=True),
        sitemap="events",
        list_urls=("events:event_list", "events:past_event_list"),
    ),
    PublicType(
        "opportunities.opportunity",
        preview_view="opportunities.views.OpportunityDetailView",
        search=SearchFields(
            "opportunities",
            _("Vacancies and calls"),
            "title",
            "summary",
            "description",
            public="open",
        ),
        sitemap="opportunities",
        # A closed call stays at its address, but is no page to index.
        sitemap_items="open",
        list_urls=("opportunities:opportunity_list",),
    ),
    PublicType(
        "publications.publication",
        parts={"files": "publications.publicationfile"},
        preview_view="publications.views.PublicationDetailView",
        search=SearchFields("publications", _("Publications"), "title", "summary", "authors"),
        sitemap="publications",
        list_urls=("publications:publication_list",),
    ),
    PublicType(
        "programmes.programme",
        parts={
            "phases": "programmes.programmephase",
            "key_figures": "programmes.keyfigure",
            "programmepartner_set": "programmes.programmepartner",
            "contacts": "programmes.programmecontact",
        },
        preview_view="programmes.views.ProgrammeDetailView",
        search=SearchFields("programmes", _("Programmes"), "name", "summary", "description"),
        sitemap="programmes",
        # Where we work lists the published programmes by place.
        list_urls=("programmes:programme_list", "programmes:where_we_work"),
    ),
    PublicType(
        "programmes.theme",
        workflow=False,
        search=SearchFields(
            "themes", _("Areas of work"), "name", "summary", "description", "updated_at"
        ),
        sitemap="areas-of-work",
        sitemap_items="all",
        list_urls=("programmes:theme_list",),
    ),
    PublicType(
        "programmes.partner",
        workflow=False,
        search=SearchFields("partners", _("Partners"), "name", "summary", "", "updated_at"),
        sitemap="partners",
        sitemap_items="all",
        list_urls=("programmes:partner_list",),
    ),
    PublicType(
        "pages.officepage",
        preview_view="ilo_office.pages.views.OfficePageView",
        search=SearchFields("pages", _("Office pages"), "title", "summary", "body"),
        sitemap="about",
    ),
)


def workflow_types():
    """The types that go through drafts, review and publishing, in TYPES order."""
    return [entry for entry in TYPES if entry.workflow]


def workflow_labels():
    return tuple(entry.label for entry in workflow_types())


def part_labels():
    """The rows edited inline on a workflow type's form."""
    return tuple(label for entry in workflow_types() for label in entry.parts.values())


def preview_views():
    """{model label: dotted path of the public view that previews it}."""
    return {entry.label: entry.preview_view for entry in TYPES if entry.preview_view}
