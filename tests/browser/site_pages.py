"""The public page types the browser checks visit, one URL each, from the demo content."""

from events.models import Event
from ilo_office.pages.models import OfficePage
from newsroom.models import Article
from opportunities.models import Opportunity
from programmes.models import Partner, Place, Programme, Theme
from publications.models import Publication

LANGUAGE_PREFIXES = (("", "en"), ("/vi", "vi"))
SEARCH = "/search/?q=viet"


def every_page_type():
    """One path per public page type (without the language prefix)."""
    article = Article.objects.published().order_by("publish_at").first()
    upcoming = Event.objects.upcoming().order_by("start_date").first()
    past = Event.objects.past().order_by("-start_date").first()
    programme = Programme.objects.published().get(slug="better-work-viet-nam")
    theme = Theme.objects.order_by("order").first()
    partner = Partner.objects.get(slug="molisa")
    # Better Work's city, with the provinces merged into it on 1 July 2025.
    place = Place.objects.get(slug="ho-chi-minh-city")
    office_page = OfficePage.objects.published().order_by("pk").last()
    # The report with two files would be better; the demo's NCLS report has its event link.
    publication = Publication.objects.published().get(slug="national-child-labour-survey-2018")
    paths = [
        "/",
        "/news/",
        article.get_absolute_url(),
        "/events/",
        "/events/past/",
        (upcoming or past).get_absolute_url(),
        "/programmes/",
        programme.get_absolute_url(),
        "/areas-of-work/",
        theme.get_absolute_url(),
        "/partners/",
        partner.get_absolute_url(),
        "/where-we-work/",
        place.get_absolute_url(),
        "/about/",
        office_page.get_absolute_url(),
        "/opportunities/",
        "/opportunities/closed/",
        "/contact/",
        "/press/",
        "/publications/",
        publication.get_absolute_url(),
    ]
    # A closed call and an open one (the demo's samples, and the vacancy with every field
    # filled in that `add_example_opportunities` adds), so that both page states are checked.
    for call in (
        Opportunity.objects.closed().order_by("-closes_at").first(),
        Opportunity.objects.open().order_by("closes_at").first(),
    ):
        if call is not None:
            paths.append(call.get_absolute_url())
    if past and upcoming:
        paths.append(past.get_absolute_url())
    paths.append(SEARCH)
    paths.extend(subscription_pages())
    return paths


def subscription_pages():
    """The e-mail subscription pages: sign-up, check your inbox, confirm, confirmed, manage,
    unsubscribe, unsubscribed, for an example subscriber (made once)."""
    from django.utils import timezone

    from subscriptions import tokens
    from subscriptions.models import Subscriber

    subscriber, _created = Subscriber.objects.get_or_create(
        email="browser-check@example.org",
        defaults={"consent_at": timezone.now(), "consent_text": "Example consent.", "events": True},
    )
    choices = {"email": subscriber.email, "kinds": ["all_news", "events"], "programmes": [],
               "themes": [], "language": "en", "frequency": "weekly", "shown_in": "en"}  # fmt: skip
    return [
        "/subscribe/",
        "/subscribe/check-your-inbox/",
        f"/subscribe/confirm/{tokens.confirm_token(choices)}/",
        "/subscribe/confirmed/",
        f"/subscribe/manage/{tokens.subscriber_token(subscriber, tokens.MANAGE)}/",
        f"/subscribe/unsubscribe/{tokens.subscriber_token(subscriber, tokens.UNSUBSCRIBE)}/",
        "/subscribe/unsubscribed/",
    ]


def add_example_opportunities():
    """An open vacancy and a closed call for proposals, so that both page states are checked."""
    import datetime

    from django.utils import timezone

    from ilo_office.publishing import Status

    now = timezone.now()
    common = {"status": Status.PUBLISHED, "publish_at": now - datetime.timedelta(days=40)}
    Opportunity.objects.create(
        title_en="National Project Officer (example)",
        title_vi="Cán bộ dự án quốc gia (ví dụ)",
        kind=Opportunity.Kind.VACANCY,
        reference="ILO/HAN/2026/EX1",
        duty_station_en="Hanoi, Viet Nam",
        grade="NO-B",
        summary_en="An example vacancy for the browser checks.",
        description_en="<p>Duties and qualifications.</p>",
        how_to_apply_en="Send your application to hanoi@ilo.org.",
        opens_at=now - datetime.timedelta(days=3),
        closes_at=now + datetime.timedelta(days=14),
        **common,
    )
    Opportunity.objects.create(
        title_en="Call for proposals on safety (example)",
        kind=Opportunity.Kind.CALL_FOR_PROPOSALS,
        opens_at=now - datetime.timedelta(days=40),
        closes_at=now - datetime.timedelta(days=10),
        **common,
    )


def not_found_pages():
    """An address that does not exist, in each language: the branded 404 page."""
    return [(prefix + "/no-such-page/", lang) for prefix, lang in LANGUAGE_PREFIXES]


def server_error_html():
    """The 500 page as Django's server_error view renders it: no request context, no database."""
    from django.test import RequestFactory
    from django.views.defaults import server_error

    return server_error(RequestFactory().get("/")).content


def in_both_languages(paths):
    """(url path, language code) for every path in English and in Vietnamese."""
    return [(prefix + path, lang) for path in paths for prefix, lang in LANGUAGE_PREFIXES]
