from django.db.models import Case, IntegerField, Prefetch, Value, When
from django.http import HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView, TemplateView

from ilo_office.filtering import FilteredListMixin
from ilo_office.fragments import PagePartsMixin
from ilo_office.preview import PreviewableMixin
from ilo_office.publishing import SEARCH_COPIES
from ilo_office.slugs import SlugRedirectMixin
from programmes.filters import ProgrammeFilter
from programmes.models import Partner, Place, Programme, ProgrammePartner, Theme
from programmes.places import current_pk, programmes_in, regions, with_former

SIDE_LIST_SIZE = 5


def _rank(field, values):
    """An ORDER BY key that puts `values` first, in their order."""
    whens = [When(**{field: value}, then=Value(i)) for i, value in enumerate(values)]
    return Case(*whens, default=Value(len(values)), output_field=IntegerField())


def partner_groups(partner_roles):
    """[(heading, [partner, ...]), ...] in the programme page's order of roles."""
    by_role = {}
    for item in partner_roles:
        by_role.setdefault(item.role, []).append(item.partner)
    return [
        (ProgrammePartner.ROLE_HEADINGS[role], sorted(by_role[role], key=lambda p: p.name))
        for role in ProgrammePartner.ROLE_ORDER
        if role in by_role
    ]


class ProgrammeListView(FilteredListMixin, ListView):
    """Published programmes, active ones first, filtered by status, theme and partner."""

    template_name = "programmes/programme_list.html"
    context_object_name = "programmes"
    filterset_class = ProgrammeFilter

    def get_queryset(self):
        order = [Programme.Stage.ACTIVE, Programme.Stage.PIPELINE, Programme.Stage.CLOSED]
        return self.filter_queryset(
            Programme.objects.published()
            .for_listing()
            .alias(stage_rank=_rank("stage", order))
            .order_by("stage_rank", "name")
        )


class ProgrammeDetailView(SlugRedirectMixin, PreviewableMixin, PagePartsMixin, DetailView):
    """A programme's hub: figures, phases, partners, places, news and events, published only."""

    template_name = "programmes/programme_detail.html"
    context_object_name = "programme"
    # Shown only in the hub's fragment, kept per content generation (PagePartsMixin).
    parts_prefetch = (
        Prefetch("themes", queryset=Theme.objects.without_search_copies()),
        "phases",
        "key_figures",
        "contacts",
        Prefetch("places", queryset=Place.objects.select_related("successor")),
        Prefetch(
            "programmepartner_set",
            queryset=ProgrammePartner.objects.select_related("partner__successor").defer(
                *(f"partner__{column}" for column in SEARCH_COPIES)
            ),
            to_attr="partner_roles",
        ),
    )

    def get_queryset(self):
        return self.visible(Programme.objects.without_search_copies()).select_related(
            "photo", "logo"
        )

    def get_parts(self):
        programme = self.object
        return {
            "partner_groups": partner_groups(programme.partner_roles),
            "latest_articles": programme.articles.published().for_listing()[:SIDE_LIST_SIZE],
            "upcoming_events": programme.events.upcoming().for_listing()[:SIDE_LIST_SIZE],
            "past_events": programme.events.past().for_listing()[:SIDE_LIST_SIZE],
            "latest_publications": programme.publications.published()
            .without_search_copies()
            .order_by("-publish_at")[:SIDE_LIST_SIZE],
        }


class ThemeListView(TemplateView):
    """The areas of work: strategic areas, each with the cross-cutting themes mainstreamed in it."""

    template_name = "programmes/theme_list.html"

    def get_context_data(self, **kwargs):
        themes = list(Theme.objects.select_related("photo"))
        return super().get_context_data(
            strategic_areas=[t for t in themes if not t.is_cross_cutting],
            cross_cutting=[t for t in themes if t.is_cross_cutting],
            # The page's photo is the first area's that has one, so staff choose it.
            lead_photo=next((t.photo for t in themes if t.photo), None),
            **kwargs,
        )


class ThemeDetailView(SlugRedirectMixin, DetailView):
    model = Theme
    template_name = "programmes/theme_detail.html"
    context_object_name = "theme"

    def get_queryset(self):
        return Theme.objects.select_related("photo")

    def get_context_data(self, **kwargs):
        theme = self.object
        return super().get_context_data(
            programmes=theme.programmes.published().for_listing(),
            # Cross-cutting themes live in every strategic area, and the other way round.
            related_themes=Theme.objects.filter(is_cross_cutting=not theme.is_cross_cutting),
            latest_articles=theme.articles.published().for_listing()[:SIDE_LIST_SIZE],
            upcoming_events=theme.events.upcoming().for_listing()[:SIDE_LIST_SIZE],
            past_events=theme.events.past().for_listing()[:SIDE_LIST_SIZE],
            latest_publications=theme.publications.published()
            .without_search_copies()
            .order_by("-publish_at")[:SIDE_LIST_SIZE],
            **kwargs,
        )


class PartnerListView(ListView):
    """Every partner: the tripartite constituents first, then the other kinds."""

    model = Partner
    template_name = "programmes/partner_list.html"
    context_object_name = "partners"

    def get_queryset(self):
        kinds = [kind for kind, _label in Partner.Kind.choices]
        return (
            Partner.objects.select_related("successor")
            .alias(kind_rank=_rank("kind", kinds))
            .order_by("kind_rank", "name")
        )

    def get_context_data(self, **kwargs):
        partners = list(self.object_list)
        return super().get_context_data(
            tripartite=[p for p in partners if p.is_tripartite],
            others=[p for p in partners if not p.is_tripartite],
            **kwargs,
        )


class PartnerDetailView(SlugRedirectMixin, TemplateView):
    """A partner, what it became or came from, and its joint programmes, news and events."""

    template_name = "programmes/partner_detail.html"

    def get_moved_queryset(self):
        return Partner.objects.all()

    def get_context_data(self, **kwargs):
        partner = get_object_or_404(
            Partner.objects.select_related("successor", "logo").prefetch_related("predecessors"),
            slug=kwargs["slug"],
        )
        joint = ProgrammePartner.objects.filter(partner=partner).values("programme_id")
        return super().get_context_data(
            partner=partner,
            programmes=Programme.objects.published().for_listing().filter(pk__in=joint),
            latest_articles=partner.articles.published().for_listing()[:SIDE_LIST_SIZE],
            upcoming_events=partner.events.upcoming().for_listing()[:SIDE_LIST_SIZE],
            past_events=partner.events.past().for_listing()[:SIDE_LIST_SIZE],
            **kwargs,
        )


class WhereWeWorkView(TemplateView):
    """Every current province and city by region, with the programmes working there.

    The list is one fragment kept per content generation and language: a warm page runs
    no query, a cold one three (places, programmes, their places).
    """

    template_name = "programmes/where_we_work.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(page_parts=lambda: {"regions": regions()}, **kwargs)


class PlaceDetailView(PagePartsMixin, DetailView):
    """A province or city: the published programmes there, their news and events.

    A former province's address leads to the province or city it is part of today,
    whose page names it. What the page lists is kept per content generation: a warm
    page runs one query, for the place.
    """

    template_name = "programmes/place_detail.html"
    context_object_name = "place"

    def get_queryset(self):
        return Place.objects.all()

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        if self.object.successor_id:
            places = {p.pk: p for p in Place.objects.only("pk", "slug", "successor_id")}
            today = places[current_pk(places[self.object.pk], places)]
            # A cycle in staff's data ends at a place that still has a successor: show the
            # page asked for rather than send the reader round in circles.
            if not today.successor_id:
                return HttpResponsePermanentRedirect(today.get_absolute_url())
        context = self.get_context_data(object=self.object)
        return self.render_to_response(context)

    def get_parts(self):
        place = self.object
        entry = with_former(place, self.request)
        here = [place.pk, *(former.pk for former in entry["former"])]
        order = [Programme.Stage.ACTIVE, Programme.Stage.PIPELINE, Programme.Stage.CLOSED]
        # Articles and events are reached through the programmes' reverse relations:
        # this app imports neither newsroom nor events.
        articles = Programme._meta.get_field("articles").related_model
        events = Programme._meta.get_field("events").related_model
        of_place = {"programmes__in": programmes_in(here)}

        def linked(model):
            return model.objects.filter(pk__in=model.objects.filter(**of_place).values("pk"))

        return {
            "entry": entry,
            "programmes": Programme.objects.published()
            .for_listing()
            .filter(pk__in=programmes_in(here))
            .alias(stage_rank=_rank("stage", order))
            .order_by("stage_rank", "name"),
            "latest_articles": linked(articles).published().for_listing()[:SIDE_LIST_SIZE],
            "upcoming_events": linked(events).upcoming().for_listing()[:SIDE_LIST_SIZE],
            "past_events": linked(events).past().for_listing()[:SIDE_LIST_SIZE],
        }
