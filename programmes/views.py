from django.db.models import Case, IntegerField, Prefetch, Value, When
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView, TemplateView

from programmes.models import Partner, Programme, ProgrammePartner, Theme

SIDE_LIST_SIZE = 5


class ProgrammeListView(ListView):
    """All published programmes, active ones first."""

    template_name = "programmes/programme_list.html"
    context_object_name = "programmes"

    def get_queryset(self):
        stage_rank = Case(
            When(stage=Programme.Stage.ACTIVE, then=Value(0)),
            When(stage=Programme.Stage.PIPELINE, then=Value(1)),
            default=Value(2),
            output_field=IntegerField(),
        )
        return (
            Programme.objects.published()
            .for_listing()
            .alias(stage_rank=stage_rank)
            .order_by("stage_rank", "name")
        )


class ProgrammeDetailView(DetailView):
    """A programme's hub: its partners, themes, news and events, published only."""

    template_name = "programmes/programme_detail.html"
    context_object_name = "programme"

    def get_queryset(self):
        return (
            Programme.objects.published()
            .select_related("photo")
            .prefetch_related(
                "themes",
                Prefetch(
                    "programmepartner_set",
                    queryset=ProgrammePartner.objects.select_related("partner"),
                    to_attr="partner_roles",
                ),
            )
        )

    def get_context_data(self, **kwargs):
        programme = self.object
        return super().get_context_data(
            latest_articles=programme.articles.published().for_listing()[:SIDE_LIST_SIZE],
            upcoming_events=programme.events.upcoming().for_listing()[:SIDE_LIST_SIZE],
            past_events=programme.events.past().for_listing()[:SIDE_LIST_SIZE],
            **kwargs,
        )


class ThemeListView(TemplateView):
    """The areas of work: strategic areas, and the cross-cutting themes within each."""

    template_name = "programmes/theme_list.html"

    def get_context_data(self, **kwargs):
        themes = list(Theme.objects.all())
        return super().get_context_data(
            strategic_areas=[t for t in themes if not t.is_cross_cutting],
            cross_cutting=[t for t in themes if t.is_cross_cutting],
            **kwargs,
        )


class ThemeDetailView(DetailView):
    model = Theme
    template_name = "programmes/theme_detail.html"
    context_object_name = "theme"

    def get_context_data(self, **kwargs):
        theme = self.object
        return super().get_context_data(
            programmes=theme.programmes.published().for_listing(),
            latest_articles=theme.articles.published().for_listing()[:SIDE_LIST_SIZE],
            upcoming_events=theme.events.upcoming().for_listing()[:SIDE_LIST_SIZE],
            **kwargs,
        )


class PartnerListView(ListView):
    model = Partner
    template_name = "programmes/partner_list.html"
    context_object_name = "partners"

    def get_queryset(self):
        return Partner.objects.order_by("kind", "name")


class PartnerDetailView(TemplateView):
    template_name = "programmes/partner_detail.html"

    def get_context_data(self, **kwargs):
        partner = get_object_or_404(Partner, slug=kwargs["slug"])
        return super().get_context_data(
            partner=partner,
            programmes=partner.programmes.published().for_listing().distinct(),
            latest_articles=partner.articles.published().for_listing()[:SIDE_LIST_SIZE],
            upcoming_events=partner.events.upcoming().for_listing()[:SIDE_LIST_SIZE],
            past_events=partner.events.past().for_listing()[:SIDE_LIST_SIZE],
            **kwargs,
        )
