"""Vacancies, internships, procurement and calls for proposals: open first, closed in an archive."""

import datetime
import io
import json
import re
import zoneinfo

import feedparser
import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from ilo_office import cache as generation_cache
from ilo_office.publishing import Status
from opportunities.documents import validate_pdf
from opportunities.models import Opportunity
from tests.factories import OpportunityFactory, staff_user

pytestmark = pytest.mark.django_db

HANOI = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
OPEN = "/opportunities/"
CLOSED = "/opportunities/closed/"


def pdf_bytes(pages=1, script=None, attachment=None):
    """A small real PDF, written by pypdf; with a document-level script or an attached
    file when asked (what a word processor's "export with attachments" makes)."""
    import pypdf
    from pypdf.actions import JavaScript

    writer = pypdf.PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    if script:
        writer.add_open_action(JavaScript(script))
    if attachment:
        writer.add_attachment(*attachment)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def json_ld(response):
    blocks = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', response.text, flags=re.S
    )
    return [json.loads(block) for block in blocks]


def test_open_calls_are_listed_soonest_closing_first_and_closed_ones_in_the_archive(client):
    """The open list holds only open calls, the soonest closing first; closed ones are archived."""
    now = timezone.now()
    OpportunityFactory(title="Closes next month", closes_at=now + datetime.timedelta(days=30))
    OpportunityFactory(title="Closes tomorrow", closes_at=now + datetime.timedelta(days=1))
    OpportunityFactory(
        title="Closed last week",
        opens_at=now - datetime.timedelta(days=30),
        closes_at=now - datetime.timedelta(days=7),
    )
    listing = client.get(OPEN).text
    assert listing.index("Closes tomorrow") < listing.index("Closes next month")
    assert "Closed last week" not in listing
    archive = client.get(CLOSED).text
    assert "Closed last week" in archive
    assert "Closes tomorrow" not in archive


@pytest.mark.parametrize("page_cache", [False, True])
def test_a_call_leaves_the_open_list_at_its_closing_minute(client, settings, page_cache):
    """With a frozen clock: open at 16:59 Hanoi time, in the archive from 17:00, no save between."""
    settings.PAGE_CACHE = page_cache
    settings.PAGE_CACHE_SECONDS = 7 * 24 * 3600  # only the content generation may move it
    closing = datetime.datetime(2030, 5, 10, 17, 0, tzinfo=HANOI)
    with time_machine.travel(closing - datetime.timedelta(days=10), tick=False):
        call = OpportunityFactory(title="Call for proposals on safety", closes_at=closing)
        OpportunityFactory(title="Still open later", closes_at=closing + datetime.timedelta(days=5))
    with time_machine.travel(closing - datetime.timedelta(minutes=1), tick=False):
        assert "Call for proposals on safety" in client.get(OPEN).text
        assert "Call for proposals on safety" in client.get(OPEN).text  # a cache hit if on
        assert "Call for proposals on safety" not in client.get(CLOSED).text
        assert "Call for proposals on safety" in client.get(reverse("opportunities:feed_rss")).text
    with time_machine.travel(closing, tick=False):
        listing = client.get(OPEN)
        assert "Call for proposals on safety" not in listing.text
        assert "Still open later" in listing.text
        assert "Call for proposals on safety" in client.get(CLOSED).text
        assert "Call for proposals on safety" not in (
            client.get(reverse("opportunities:feed_rss")).text
        )
        # Its page stays, and says it is closed.
        page = client.get(call.get_absolute_url())
        assert page.status_code == 200
        assert "This call is closed" in page.text


def test_the_closing_time_counts_as_a_scheduled_change():
    """The content generation's next change is the closing minute when nothing else comes sooner."""
    closing = (timezone.now() + datetime.timedelta(hours=3)).replace(second=0, microsecond=0)
    OpportunityFactory(closes_at=closing)
    assert generation_cache.next_scheduled_change() == closing


@pytest.mark.parametrize(
    "overrides",
    [
        {"status": Status.DRAFT},
        {"publish_at": timezone.now() + datetime.timedelta(days=1)},
    ],
    ids=["draft", "scheduled"],
)
def test_drafts_and_scheduled_calls_are_nowhere_public(client, overrides):
    """A draft or scheduled call is on no list, feed, sitemap or search, and its page is 404."""
    call = OpportunityFactory(title="Hidden internship", **overrides)
    for url in (OPEN, CLOSED, reverse("opportunities:feed_rss"), "/search/?q=hidden+internship"):
        assert "Hidden internship" not in client.get(url).text, url
        assert call.get_absolute_url() not in client.get(url).text, url
    assert call.slug not in client.get("/sitemap-opportunities.xml").text
    assert client.get(call.get_absolute_url()).status_code == 404


def test_open_calls_are_in_search_and_the_sitemap_and_closed_ones_leave_them(client):
    """Search and the sitemap list a call while it is open only."""
    now = timezone.now()
    open_call = OpportunityFactory(title="Consultant for wage statistics")
    closed = OpportunityFactory(
        title="Consultant for labour inspection",
        opens_at=now - datetime.timedelta(days=30),
        closes_at=now - datetime.timedelta(days=1),
    )
    found = client.get("/search/?q=consultant").text
    assert open_call.get_absolute_url() in found
    assert closed.get_absolute_url() not in found
    sitemap = client.get("/sitemap-opportunities.xml").text
    assert open_call.get_absolute_url() in sitemap
    assert closed.get_absolute_url() not in sitemap


def test_vacancy_page_carries_job_posting_json_ld_with_valid_through(client):
    """A vacancy says what Google for Jobs reads: a JobPosting valid through its closing time."""
    closing = datetime.datetime(2031, 3, 1, 17, 0, tzinfo=HANOI)
    vacancy = OpportunityFactory(
        title="Programme officer </script><script>alert(1)</script>",
        closes_at=closing,
        reference="ILO/HAN/2031/01",
    )
    response = client.get(vacancy.get_absolute_url())
    assert "<script>alert(1)" not in response.text
    postings = [data for data in json_ld(response) if data.get("@type") == "JobPosting"]
    assert len(postings) == 1
    posting = postings[0]
    assert posting["validThrough"] == "2031-03-01T17:00:00+07:00"
    assert posting["title"].startswith("Programme officer")
    assert posting["identifier"]["value"] == "ILO/HAN/2031/01"
    assert posting["hiringOrganization"]["name"] == "ILO Country Office for Viet Nam"


def test_a_call_for_proposals_is_no_job_posting(client):
    """Procurement and calls for proposals are not jobs: no JobPosting for them."""
    call = OpportunityFactory(kind=Opportunity.Kind.CALL_FOR_PROPOSALS)
    response = client.get(call.get_absolute_url())
    assert not [data for data in json_ld(response) if data.get("@type") == "JobPosting"]


def test_detail_page_shows_the_facts_in_hanoi_time(client):
    """Reference, duty station, grade and the closing time as Hanoi's clock reads it."""
    call = OpportunityFactory(
        reference="ILO/HAN/2030/07",
        duty_station="Da Nang",
        grade="Service contract",
        closes_at=datetime.datetime(2030, 6, 1, 10, 0, tzinfo=datetime.UTC),
    )
    text = client.get(call.get_absolute_url()).text
    for fact in ("ILO/HAN/2030/07", "Da Nang", "Service contract", "How to apply"):
        assert fact in text
    assert 'datetime="2030-06-01T17:00:00+07:00"' in text


def test_the_pages_are_in_vietnamese_too(client):
    """/vi/opportunities/ lists the call under its Vietnamese title."""
    call = OpportunityFactory(title_en="Vacancy", title_vi="Tuyển dụng cán bộ dự án")
    assert "Tuyển dụng cán bộ dự án" in client.get("/vi" + OPEN).text
    assert client.get(f"/vi/opportunities/{call.slug}/").status_code == 200


def test_the_feed_of_open_calls_parses(client):
    """RSS and Atom feeds of open calls parse and name each call's kind."""
    OpportunityFactory(title="Intern in communication", kind=Opportunity.Kind.INTERNSHIP)
    for name in ("opportunities:feed_rss", "opportunities:feed_atom"):
        feed = feedparser.parse(client.get(reverse(name)).content)
        assert not feed.bozo, name
        assert feed.entries[0].title == "Internship: Intern in communication"


def test_bad_kind_filter_is_ignored_with_a_notice(client):
    """?kind=nonsense is a sentence on the page, not a 500."""
    OpportunityFactory(title="Any call")
    response = client.get(OPEN + "?kind=<b>nonsense</b>")
    assert response.status_code == 200
    assert "Any call" in response.text
    assert "<b>nonsense</b>" not in response.text


def test_a_former_slug_redirects(client):
    """A renamed call's old address leads to the new one."""
    call = OpportunityFactory(slug="old-address")
    call.slug = "new-address"
    call.save()
    response = client.get("/opportunities/old-address/")
    assert response.status_code == 301
    assert response["Location"].endswith("/opportunities/new-address/")


# Terms of reference ----------------------------------------------------------------------


def test_a_real_pdf_is_accepted():
    """A PDF written by a PDF library passes the check."""
    validate_pdf(SimpleUploadedFile("tor.pdf", pdf_bytes(), "application/pdf"))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"<html><script>alert(1)</script></html>", "not a PDF"),
        (b"%PDF-1.7\nthis is not really a pdf", "not a PDF we can open"),
    ],
    ids=["html renamed pdf", "damaged pdf"],
)
def test_admin_refuses_a_file_that_is_no_pdf_with_a_form_error(client, content, message):
    """An HTML page named .pdf, or a broken PDF, is a clear form error; nothing is saved."""
    client.force_login(staff_user("Editor"))
    response = client.post("/admin/opportunities/opportunity/add/", admin_data(content))
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert message in str(errors["terms_of_reference"])
    assert not Opportunity.objects.exists()


def test_admin_refuses_a_pdf_over_the_size_limit(client, settings):
    """A PDF larger than the limit is refused with its size and the limit in the message."""
    settings.OPPORTUNITY_DOCUMENT_MAX_BYTES = 100
    client.force_login(staff_user("Editor"))
    response = client.post("/admin/opportunities/opportunity/add/", admin_data(pdf_bytes()))
    assert response.status_code == 200
    assert "larger than" in str(response.context["adminform"].form.errors["terms_of_reference"])


@pytest.mark.parametrize(
    "pdf",
    [
        pytest.param(lambda: pdf_bytes(script="app.alert('opened')"), id="javascript"),
        pytest.param(lambda: pdf_bytes(attachment=("cv.exe", b"MZ not a cv")), id="embedded-file"),
    ],
)
def test_admin_refuses_terms_of_reference_with_scripts_or_embedded_files(client, pdf):
    """A real PDF that carries JavaScript or an embedded file is refused like a publication's
    file would be (the one check, ilo_office.documents): a clear form error, nothing saved."""
    content = pdf()
    assert b"/JavaScript" in content or b"/EmbeddedFile" in content  # pypdf wrote what we meant
    client.force_login(staff_user("Editor"))
    response = client.post("/admin/opportunities/opportunity/add/", admin_data(content))
    assert response.status_code == 200
    errors = str(response.context["adminform"].form.errors["terms_of_reference"])
    assert "scripts, automatic actions or embedded files" in errors
    assert not Opportunity.objects.exists()


def test_admin_saves_a_call_with_its_terms_of_reference(client):
    """An editor's complete form saves the call and its PDF, which the page links to."""
    client.force_login(staff_user("Editor"))
    response = client.post("/admin/opportunities/opportunity/add/", admin_data(pdf_bytes()))
    assert response.status_code == 302, response.context["adminform"].form.errors
    call = Opportunity.objects.get()
    assert call.terms_of_reference.name.endswith(".pdf")
    assert call.closes_at == datetime.datetime(2030, 7, 31, 17, 0, tzinfo=HANOI)


def test_admin_refuses_a_closing_time_before_the_opening(client):
    """Closing before opening is a form error on the closing time."""
    client.force_login(staff_user("Editor"))
    data = admin_data(pdf_bytes(), closes_at_0="2030-06-30")
    response = client.post("/admin/opportunities/opportunity/add/", data)
    assert response.status_code == 200
    assert "closes_at" in response.context["adminform"].form.errors


def admin_data(pdf, **overrides):
    return {
        "title_en": "National Project Coordinator",
        "kind": "vacancy",
        "reference": "ILO/HAN/2030/01",
        "grade": "NO-C",
        "duty_station_en": "Hanoi",
        "opens_at_0": "2030-07-01",
        "opens_at_1": "08:00:00",
        "closes_at_0": "2030-07-31",
        "closes_at_1": "17:00:00",
        "how_to_apply_en": "Apply online.",
        "terms_of_reference": SimpleUploadedFile("tor.pdf", pdf, "application/pdf"),
        "slug": "national-project-coordinator",
        "status": "draft",
        "publish_at_0": "2030-06-25",
        "publish_at_1": "09:00:00",
        **overrides,
    }


def test_staff_preview_a_draft_call_and_readers_get_404(client):
    """An editor previews a draft call as readers will see it; the public address stays 404."""
    from ilo_office.preview import preview_url

    call = OpportunityFactory(title="Draft internship", status=Status.DRAFT)
    assert client.get(preview_url(call)).status_code == 404
    client.force_login(staff_user("Contributor"))
    response = client.get(preview_url(call))
    assert response.status_code == 200
    assert "Draft internship" in response.text
    assert "no-store" in response["Cache-Control"]


def test_contributors_write_calls_and_only_editors_publish_them():
    """The roles cover the new type like articles and events."""
    contributor = staff_user("Contributor", username="contrib")
    editor = staff_user("Editor", username="ed")
    assert contributor.has_perm("opportunities.add_opportunity")
    assert not contributor.has_perm("opportunities.publish_opportunity")
    assert editor.has_perm("opportunities.publish_opportunity")
