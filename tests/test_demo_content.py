"""The demo content: every seed fact loaded, exactly, once."""

import datetime
import zoneinfo

import pytest
from django.core.management import call_command

from events.models import Event
from ilo_office.models import Photo
from newsroom.models import Article
from programmes.models import Partner, Programme, ProgrammePartner, Theme

pytestmark = pytest.mark.django_db

d = datetime.date
HANOI = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")

# Written from the events page of the seeds, independently of the loader's data.
SEED_EVENTS = {
    "Sixth Technical Meeting of Focal Specialists": (d(2020, 9, 17), None, None),
    "Consultation on regulation of recruitment": (d(2020, 9, 15), None, None),
    "SCORE Workshop on good practice sharing": (d(2020, 7, 28), None, "SCORE"),
    "ILO Webinar on COVID-19: Protecting Workers": (d(2020, 7, 23), None, None),
    "Virtual Open Session at the ASEAN Committee": (d(2020, 7, 22), d(2020, 7, 23), None),
    "ILO Webinar on COVID-19:Supporting Enterprises": (d(2020, 7, 16), None, None),
    'Book Launch: "An ILO For All Seasons"': (d(2020, 6, 29), None, None),
    'Book launch: "Still Work to be Done"': (d(2020, 6, 25), None, None),
    "ILO Webinar on COVID-19: Stimulating the Economy": (d(2020, 6, 23), None, None),
    "Social Responsibility in Labour Management": (d(2020, 5, 26), d(2020, 5, 27), "RSCA"),
    "Technical webinar: Environmental Regulatory Systems": (d(2020, 4, 30), None, "ILO-Sida"),
    "Technical meetings on Convention 105": (d(2020, 3, 1), d(2020, 3, 7), "ILO-EU EVFTA"),
    "Launch of Convention 98": (d(2020, 3, 1), d(2020, 3, 7), "ILO-EU EVFTA"),
    "Study Visit to Sri Lanka": (d(2020, 3, 1), d(2020, 3, 10), "ENHANCE"),
    "ENHANCE Project Endline KAP survey": (d(2020, 2, 25), d(2020, 2, 29), "ENHANCE"),
    'Inception meeting of the "CSR Think-Tank"': (d(2020, 2, 20), None, "RSCA"),
    'Technical workshop "CSR implementation': (d(2020, 2, 13), d(2020, 2, 14), "RSCA"),
    "Review workshop on the national campaign": (d(2020, 2, 1), d(2020, 2, 7), None),
    "Upcoming publication of National Child Labour Survey": (d(2020, 1, 1), None, None),
    "ENHANCE project to develop child labour free": (d(2020, 1, 1), d(2020, 4, 30), "ENHANCE"),
}

SEED_PARTNERS = {
    "MOLISA": Partner.Kind.GOVERNMENT,
    "VGCL": Partner.Kind.WORKERS,
    "VCCI": Partner.Kind.EMPLOYERS,
    "VCA": Partner.Kind.EMPLOYERS,
    "IOM": Partner.Kind.UN_AGENCY,
    "IFC": Partner.Kind.UN_AGENCY,
    "DoLAB": Partner.Kind.GOVERNMENT,
    "GSO": Partner.Kind.GOVERNMENT,
    "ILSSA": Partner.Kind.RESEARCH,
    "Vietcraft": Partner.Kind.OTHER,
    "VIRI": Partner.Kind.RESEARCH,
    "Sida": Partner.Kind.DONOR,
}


@pytest.fixture
def demo(settings, tmp_path):
    call_command("load_demo_content", verbosity=0)


def snapshot():
    models = (Photo, Theme, Partner, Programme, ProgrammePartner, Article, Event)
    state = {m.__name__: m.objects.count() for m in models}
    for model in (Programme, Article, Event, Photo):
        state[f"{model.__name__} changed"] = sorted(model.objects.values_list("pk", "updated_at"))
    return state


def test_loading_twice_changes_nothing(demo, capsys):
    """A second run creates nothing, updates nothing and says so."""
    before = snapshot()
    call_command("load_demo_content")
    assert snapshot() == before
    assert "0 created, 0 updated" in capsys.readouterr().out


def test_staff_edits_survive_a_second_run(demo):
    """Re-running the loader never overwrites what staff changed."""
    article = Article.objects.get(kind=Article.Kind.PRESS_RELEASE)
    article.title = "Edited by the press officer"
    article.save()
    call_command("load_demo_content", verbosity=0)
    article.refresh_from_db()
    assert article.title == "Edited by the press officer"


def test_every_seed_event_has_its_dates_and_programme(demo):
    """Each of the 20 seed events is there once, with its exact days and its programme."""
    seed = Event.objects.published().exclude(slug__startswith="sample-")
    events = list(seed.prefetch_related("programmes"))
    assert len(events) == len(SEED_EVENTS)
    for prefix, (start, end, programme) in SEED_EVENTS.items():
        (event,) = [e for e in events if e.title.startswith(prefix)]
        assert (event.start_date, event.end_date) == (start, end), prefix
        acronyms = [p.acronym for p in event.programmes.all()]
        assert acronyms == ([programme] if programme else []), prefix


def test_office_opening_press_release(demo):
    """The 2003 press release keeps its kind, HANOI dateline and date in Hanoi time."""
    article = Article.objects.get(slug="ilo-office-opens-in-hanoi-decent-work-tops-the-agenda")
    assert article.kind == Article.Kind.PRESS_RELEASE
    assert article.dateline == "HANOI"
    assert article.publish_at.astimezone(HANOI).date() == d(2003, 2, 17)
    for fact in ("1992", "February 2002", "Yasuyuki Nodera", "<li>Social Dialogue</li>"):
        assert fact in article.body
    assert {p.acronym for p in article.partners.all()} >= {"MOLISA", "VGCL", "VCCI", "VCA"}


def test_better_work_article_carries_its_figures_and_source(demo):
    """The republished Better Work article keeps 440, 750,000, 29 and its outlet."""
    article = Article.objects.get(title__startswith="Better Work Vietnam program")
    assert article.kind == Article.Kind.COVERAGE
    assert article.source_name == "The Hanoi Times"
    for figure in ("440", "750,000", "29 provinces", "2009", "2023-2027", "14"):
        assert figure in article.body
    assert "Other News" not in article.body and "Trending" not in article.body
    assert [p.slug for p in article.programmes.all()] == ["better-work-viet-nam"]
    assert {p.acronym for p in article.partners.all()} == {"IFC", "MOLISA", "VCCI", "VGCL"}


def test_migration_article_photos_are_bilingual(demo):
    """The IOM/DoLAB article's photos carry the Vietnamese and the English caption."""
    article = Article.objects.get(title__startswith="Promoting cooperation on safe labour")
    photos = [article.hero, *(item.photo for item in article.articlephoto_set.all())]
    assert len(photos) == 3
    assert "Ông Đặng Sĩ Dũng" in photos[0].caption
    assert "Mr. Dang Si Dung, Deputy Director of DoLAB" in photos[0].caption
    assert "Bà Park Mihyung" in photos[1].caption and "Ms. Park Mihyung" in photos[1].caption
    assert all(p.credit.startswith("Source: IOM") for p in photos)
    assert {p.acronym for p in article.partners.all()} >= {"IOM", "DoLAB", "MOLISA"}


def test_areas_of_work(demo):
    """Three strategic areas and three cross-cutting themes, flagged as such."""
    strategic = Theme.objects.filter(is_cross_cutting=False).values_list("name", flat=True)
    assert list(strategic) == [
        "Labour market governance",
        "Employment and sustainable enterprise development",
        "Social protection and social security",
    ]
    cross = Theme.objects.filter(is_cross_cutting=True).values_list("name", flat=True)
    assert list(cross) == ["Social dialogue", "International Labour Standards", "Gender"]


def test_named_partners_with_their_kind(demo):
    """The organisations the seeds name exist with the right kind."""
    kinds = dict(Partner.objects.values_list("acronym", "kind"))
    for acronym, kind in SEED_PARTNERS.items():
        assert kinds.get(acronym) == kind, acronym


def test_programmes_and_better_work_partners(demo):
    """The six programmes are published; Better Work has its signing partners and since-2009."""
    assert set(Programme.objects.published().values_list("acronym", flat=True)) == {
        "BWV",
        "ENHANCE",
        "RSCA",
        "SCORE",
        "ILO-Sida",
        "ILO-EU EVFTA",
    }
    better_work = Programme.objects.get(slug="better-work-viet-nam")
    assert better_work.start_date.year == 2009
    assert {pp.partner.acronym for pp in better_work.programmepartner_set.all()} == {
        "IFC",
        "MOLISA",
        "VCCI",
        "VGCL",
    }


def test_everything_is_public_and_photos_are_credited(demo):
    """All demo content is visible through published(); photos have alt text and credit."""
    assert Article.objects.published().count() == Article.objects.count() == 3
    assert Event.objects.published().count() == Event.objects.count()
    for photo in Photo.objects.all():
        assert photo.alt_text and photo.credit and "placeholder" in photo.credit
        assert photo.renditions
    garment = Photo.objects.get(caption="The majority of garment workers in Viet Nam are women.")
    assert garment.credit.startswith("© ILO/A.Santos")


def test_past_events_page_reproduces_the_seed(demo, client):
    """/events/past/ shows the seed's months, newest first, with the seed's date ranges."""
    html = client.get("/events/past/").content.decode()
    months = ["September 2020", "July 2020", "June 2020", "May 2020", "April 2020"]
    months += ["March 2020", "February 2020", "January 2020"]
    positions = [html.index(f">{month}</h2>") for month in months]
    assert positions == sorted(positions)
    for printed in ("22 - 23 July 2020", "1 January - 30 April 2020", "25 - 29 February 2020"):
        assert printed in html


OPENING = "ilo-office-opens-in-hanoi-decent-work-tops-the-agenda"


def load_again(*args):
    call_command("load_demo_content", *args, verbosity=0)


def with_seed_title(monkeypatch, slug, title):
    """The seed as a later release of the site might ship it: one article retitled."""
    from ilo_office.demo import content

    articles = [
        {**spec, "title": title} if spec["slug"] == slug else spec for spec in content.ARTICLES
    ]
    monkeypatch.setattr(content, "ARTICLES", articles)


def test_a_demo_item_staff_deleted_stays_deleted(demo):
    """Loading again, even with --refresh, does not bring back an article staff deleted."""
    Article.objects.get(slug=OPENING).delete()
    load_again()
    load_again("--refresh")
    assert not Article.objects.filter(slug=OPENING).exists()


def test_a_renamed_demo_article_is_not_republished_at_its_old_address(demo, client):
    """Staff moved the article to a new address; the old one keeps leading there, nothing else."""
    article = Article.objects.get(slug=OPENING)
    article.slug = "the-office-opens"
    article.save()
    load_again()
    load_again("--refresh")
    assert list(Article.objects.filter(title=article.title).values_list("slug", flat=True)) == [
        "the-office-opens"
    ]
    response = client.get(f"/news/{OPENING}/")
    assert response.status_code == 301
    assert response["Location"].endswith("/news/the-office-opens/")


def test_refresh_keeps_staff_edits_and_unpublished_items(demo, monkeypatch):
    """--refresh leaves an edited article and an unpublished event as staff left them."""
    edited = Article.objects.get(slug=OPENING)
    edited.title = "Edited by the press officer"
    edited.save()
    event = Event.objects.order_by("pk").first()
    event.status = "draft"
    event.save()
    with_seed_title(monkeypatch, OPENING, "A new seed title")
    load_again("--refresh")
    edited.refresh_from_db()
    event.refresh_from_db()
    assert edited.title == "Edited by the press officer"
    assert event.status == "draft"
    assert not Event.objects.published().filter(pk=event.pk).exists()


def test_refresh_updates_untouched_items_with_a_revision_and_a_log_entry(demo, monkeypatch):
    """An article nobody touched takes the new seed text on --refresh, recorded as such."""
    from reversion.models import Version

    from ilo_office.backoffice.models import PublishingLog

    with_seed_title(monkeypatch, OPENING, "A new seed title")
    load_again()
    assert Article.objects.get(slug=OPENING).title != "A new seed title"  # only with --refresh
    load_again("--refresh")
    article = Article.objects.get(slug=OPENING)
    assert article.title == "A new seed title"
    assert Version.objects.get_for_object(article).count() == 2
    entry = PublishingLog.objects.filter(object_id=article.pk).order_by("at", "pk").last()
    assert entry.action == "refreshed" and entry.user is None
    load_again("--refresh")  # refreshed by the loader, still nobody's edit: nothing to do
    assert Version.objects.get_for_object(article).count() == 2


def test_demo_items_have_a_first_revision_to_undo_to_and_recover(demo):
    """Every demo article and event has a revision, so a deletion can be recovered."""
    from reversion.models import Version

    for model in (Article, Event, Programme, Photo):
        for obj in model.objects.all():
            assert Version.objects.get_for_object(obj).exists(), obj
    article = Article.objects.get(slug=OPENING)
    article.delete()
    deleted = Version.objects.get_deleted(Article).get()
    deleted.revision.revert()
    assert Article.objects.get(slug=OPENING).partners.exists()


def test_republishing_a_demo_article_keeps_its_date(demo, client):
    """An editor who unpublishes and republishes a demo article keeps its 2003 date."""
    from django.urls import reverse

    from tests.factories import staff_user
    from tests.test_backoffice_roles import form_data

    article = Article.objects.get(slug=OPENING)
    client.force_login(staff_user("Editor"))
    url = reverse("admin:newsroom_article_change", args=[article.pk])
    client.post(url, {**form_data(client.get(url)), "_unpublish": "1"})
    client.post(url, {**form_data(client.get(url)), "_publish": "1"})
    article.refresh_from_db()
    assert article.is_published
    assert article.publish_at.astimezone(HANOI).date() == d(2003, 2, 17)


def test_items_loaded_before_the_loader_kept_records_stay_staffs_when_edited(demo, monkeypatch):
    """Content an older loader made: untouched articles refresh later, an edited one never."""
    from ilo_office.backoffice.models import DemoItem

    better_work = "better-work-vietnam-program-to-deploy-in-hanoi-and-other-localities"
    edited = Article.objects.get(slug=OPENING)
    edited.title = "Edited by the press officer"
    edited.save()
    DemoItem.objects.all().delete()  # as if loaded before the loader kept records
    load_again()
    with_seed_title(monkeypatch, OPENING, "A new seed title")
    from ilo_office.demo import content

    monkeypatch.setattr(
        content,
        "ARTICLES",
        [
            {**spec, "title": "Better Work, retitled"} if spec["slug"] == better_work else spec
            for spec in content.ARTICLES
        ],
    )
    load_again("--refresh")
    assert Article.objects.get(slug=OPENING).title == "Edited by the press officer"
    assert Article.objects.get(slug=better_work).title == "Better Work, retitled"


def test_first_visit_shows_upcoming_sample_events_marked_as_samples(demo, client):
    """The calendar works on a first visit: a few upcoming events, each plainly a sample."""
    from django.utils import timezone

    samples = list(Event.objects.upcoming().filter(slug__startswith="sample-"))
    assert 4 <= len(samples) <= 6
    today = timezone.localdate()
    for event in samples:
        assert event.title.startswith("Sample: ")
        assert event.title_vi.startswith("Mẫu: ")
        assert "not a real ILO event" in event.summary
        assert today < event.start_date <= today + datetime.timedelta(days=60)
    page = client.get("/events/").content.decode()
    home = client.get("/").content.decode()
    for event in samples[:3]:
        assert event.title in page
    assert "Sample: " in home
    assert "not a real ILO event" in page


def test_sample_events_keep_staff_edits_and_are_redated_by_refresh(demo, monkeypatch):
    """A sample staff edited stays theirs; --refresh dates the untouched ones from the new day."""
    from django.utils import timezone

    edited = Event.objects.get(slug="sample-webinar-on-social-insurance-for-informal-workers")
    edited.title = "Sample: moved by the events officer"
    edited.save()
    later = timezone.now() + datetime.timedelta(days=30)
    monkeypatch.setattr(timezone, "now", lambda: later)
    call_command("load_demo_content", "--refresh", verbosity=0)
    edited.refresh_from_db()
    assert edited.title == "Sample: moved by the events officer"
    lead = Event.objects.get(slug="sample-tripartite-consultation-on-the-labour-code")
    assert lead.start_date == timezone.localdate(later) + datetime.timedelta(days=3)


def test_demo_photos_are_text_free_illustrations_that_pass_the_upload_checks(demo):
    """Each demo photo is a many-coloured picture, valid as an upload, and still credited as a
    placeholder; the same photo always gets the same picture."""
    import io

    from PIL import Image

    from ilo_office.demo.illustrations import illustration
    from ilo_office.images import check_image_bytes

    for photo in Photo.objects.all():
        with photo.image.open("rb") as stored:
            data = stored.read()
        check_image_bytes(data)
        image = Image.open(io.BytesIO(data)).convert("RGB")
        assert image.size == (1600, 900)
        # In 8 colour areas, a flat rectangle with white lettering is one colour for the most
        # part (82%); a layered picture spreads over several (none above half).
        areas = image.resize((160, 90)).quantize(colors=8).getcolors()
        shares = sorted((n / (160 * 90) for n, _colour in areas), reverse=True)
        assert shares[0] < 0.5 and sum(share > 0.03 for share in shares) >= 5
        assert "placeholder" in photo.credit
    assert illustration("A title") == illustration("A title") != illustration("Another title")


# Office contact details and sample vacancies and calls (issue 16) ---------------------------


def test_office_contact_details_are_filled_with_marked_placeholders(demo, client):
    """The seeds give no telephone or opening hours: the contact page shows placeholders that
    say so, in both languages, with no tel: link to a number that does not exist."""
    from contact.models import OfficeContact
    from ilo_office.backoffice.models import DemoItem

    contact = OfficeContact.objects.get()
    assert "placeholder" in contact.phone.lower()
    assert contact.opening_hours_en.startswith("Demo placeholder")
    assert contact.opening_hours_vi.startswith("Nội dung giữ chỗ")
    assert contact.address_vi.startswith("304 Kim Mã")
    assert DemoItem.objects.filter(key="contact.officecontact:1").exists()
    english = client.get("/contact/").content.decode()
    vietnamese = client.get("/vi/contact/").content.decode()
    assert "Demo placeholder" in english and 'href="tel:' not in english
    assert "Nội dung giữ chỗ" in vietnamese


def test_office_contact_details_staff_saved_are_never_overwritten(demo, monkeypatch):
    """Staff replace the placeholders; no later run, --refresh included, writes them back."""
    from django.utils import timezone

    from contact.models import OfficeContact

    contact = OfficeContact.objects.get()
    contact.phone = "+84 24 3734 0902"
    contact.opening_hours_en = "Monday to Friday, 8:00 to 17:00"
    contact.save()
    call_command("load_demo_content", verbosity=0)
    later = timezone.now() + datetime.timedelta(days=30)
    monkeypatch.setattr(timezone, "now", lambda: later)
    call_command("load_demo_content", "--refresh", verbosity=0)
    contact.refresh_from_db()
    assert (contact.phone, contact.opening_hours_en) == (
        "+84 24 3734 0902",
        "Monday to Friday, 8:00 to 17:00",
    )
    assert OfficeContact.objects.count() == 1


def test_contact_details_staff_saved_before_the_first_load_stay_theirs(settings, tmp_path):
    """A site whose staff saved the details before the demo was ever loaded keeps them."""
    from contact.models import OfficeContact

    OfficeContact(phone="+84 24 1111 2222", opening_hours_en="By appointment").save()
    call_command("load_demo_content", verbosity=0)
    contact = OfficeContact.objects.get()
    assert (contact.phone, contact.opening_hours_en) == ("+84 24 1111 2222", "By appointment")


def test_sample_vacancy_internship_and_calls_marked_as_samples(demo, client):
    """A first visit shows a vacancy, an internship and a call open, dated from the load day,
    and one closed call in the archive; each plainly a sample with a placeholder ToR PDF."""
    import pypdf
    from django.utils import timezone, translation

    from opportunities.models import Opportunity

    samples = Opportunity.objects.filter(slug__startswith="sample-")
    open_ = {o.kind: o for o in Opportunity.objects.open().filter(slug__startswith="sample-")}
    assert set(open_) == {"vacancy", "internship", "call_for_proposals"}
    closed = list(Opportunity.objects.closed().filter(slug__startswith="sample-"))
    assert len(closed) == 1
    now = timezone.now()
    for call in samples:
        assert call.title.startswith("Sample: ") and call.title_vi.startswith("Mẫu: ")
        assert "not a real ILO" in call.summary
        assert call.reference.startswith("SAMPLE/")
        assert now - datetime.timedelta(days=45) < call.opens_at < now
        with call.terms_of_reference.open("rb") as pdf:
            text = pypdf.PdfReader(pdf).pages[0].extract_text()
        assert "PLACEHOLDER - NOT REAL TERMS OF REFERENCE" in text
    for call in open_.values():
        assert now < call.closes_at <= now + datetime.timedelta(days=35)
    page = client.get("/opportunities/").content.decode()
    archive = client.get("/opportunities/closed/").content.decode()
    assert all(call.title in page for call in open_.values())
    assert closed[0].title in archive and closed[0].title not in page
    assert "Mẫu: " in client.get("/vi/opportunities/").content.decode()
    vacancy = open_["vacancy"]
    with translation.override("en"):
        path = vacancy.get_absolute_url()
    for prefix in ("", "/vi"):
        detail = client.get(prefix + path)
        assert detail.status_code == 200
        assert vacancy.terms_of_reference.url in detail.content.decode()


def test_sample_opportunities_keep_staff_edits(demo):
    from opportunities.models import Opportunity

    call = Opportunity.objects.get(slug="sample-internship-communication-and-media")
    call.title = "Sample: internship, edited by HR"
    call.save()
    call_command("load_demo_content", "--refresh", verbosity=0)
    call.refresh_from_db()
    assert call.title == "Sample: internship, edited by HR"
