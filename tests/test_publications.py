"""Publications: uploads checked by content, covers and text from the PDF, the public pages."""

import datetime
import io
import json
import re

import feedparser
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from publications.models import Publication
from publications.placeholder import minimal_pdf
from tests.factories import (
    ProgrammeFactory,
    PublicationFactory,
    ThemeFactory,
    publication_file,
    staff_user,
)

pytestmark = pytest.mark.django_db

ADD = reverse("admin:publications_publication_add")


def form_data(**fields):
    return {
        "title_en": "National Child Labour Survey 2018: key findings",
        "kind": "report",
        "summary_en": "The main results of the survey.",
        "authors": "International Labour Organization\nGeneral Statistics Office",
        "publisher": "International Labour Organization",
        "published_on": "2020-01-01",
        "date_precision": "year",
        "slug": "",
        "status": "draft",
        "publish_at_0": "2024-04-19",
        "publish_at_1": "17:00:00",
        "files-TOTAL_FORMS": "1",
        "files-INITIAL_FORMS": "0",
        "files-0-language": "en",
        "files-0-order": "0",
        **fields,
    }


def pdf_upload(content, name="survey.pdf"):
    return SimpleUploadedFile(name, content, "application/pdf")


@pytest.fixture
def editor(client):
    client.force_login(staff_user("Editor"))
    return client


def test_an_uploaded_pdf_gives_its_cover_page_count_and_searchable_text(editor):
    """An editor uploads a three-page PDF: its first page becomes the cover, its pages are
    counted, and words found only inside the PDF find the publication in search."""
    content = minimal_pdf(
        [["Children in agriculture", "Zanzibarite methodology"], ["Page two"], ["Page three"]]
    )
    response = editor.post(ADD, form_data(**{"files-0-file": pdf_upload(content)}))
    assert response.status_code == 302, response.content.decode()[:3000]
    publication = Publication.objects.get()
    stored = publication.files.get()
    assert stored.pages == 3
    assert stored.size == len(content)
    assert publication.cover and publication.cover.name.endswith(".jpg")
    assert publication.cover_is_generated
    with publication.cover.open("rb") as cover:
        assert cover.read(3) == b"\xff\xd8\xff"  # a JPEG
    assert "zanzibarite" in publication.search_body
    # Published, it is found by a word that is only in the PDF.
    Publication.objects.filter(pk=publication.pk).update(status="published")
    publication.refresh_from_db()
    publication.save()
    results = editor.get(reverse("search"), {"q": "zanzibarite"}).content.decode()
    assert "National Child Labour Survey 2018: key findings" in results
    # A safe stored name: no folders, ASCII, not the sent name as such.
    assert re.fullmatch(r"publications/files/survey-[0-9a-f]{12}\.pdf", stored.file.name)


def library_pdf(pages):
    """A PDF as a PDF library writes it (pypdf): compressed content streams, a document info
    dictionary, shared font object, cross-reference table of its own making."""
    import pypdf
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    writer = pypdf.PdfWriter()
    font = writer._add_object(
        DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Font"),
                NameObject("/Subtype"): NameObject("/Type1"),
                NameObject("/BaseFont"): NameObject("/Helvetica"),
            }
        )
    )
    for lines in pages:
        page = writer.add_blank_page(width=595, height=842)
        text = " ".join(f"({line}) Tj T*" for line in lines)
        stream = DecodedStreamObject()
        stream.set_data(f"BT /F1 14 Tf 18 TL 60 780 Td {text} ET".encode("latin-1"))
        page[NameObject("/Contents")] = writer._add_object(stream)
        page[NameObject("/Resources")] = DictionaryObject(
            {NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})}
        )
        page.compress_content_streams()
    writer.add_metadata({"/Title": "Labour force survey", "/Producer": "pypdf"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_pdf_written_by_a_pdf_library_gives_its_cover_pages_and_text(editor):
    """Not only the hand-written test PDFs: a library-made one, its text in compressed
    streams, is accepted, counted, given a cover, and found by a word inside it."""
    content = library_pdf([["Labour force survey", "Quokkaword methodology"], ["Annex"]])
    assert b"/FlateDecode" in content and b"Quokkaword" not in content  # really compressed
    response = editor.post(ADD, form_data(**{"files-0-file": pdf_upload(content)}))
    assert response.status_code == 302, response.content.decode()[:3000]
    publication = Publication.objects.get()
    stored = publication.files.get()
    assert (stored.pages, stored.size) == (2, len(content))
    assert publication.cover_is_generated
    with publication.cover.open("rb") as cover:
        assert cover.read(3) == b"\xff\xd8\xff"
    Publication.objects.filter(pk=publication.pk).update(status="published")
    publication.refresh_from_db()
    publication.save()
    results = editor.get(reverse("search"), {"q": "quokkaword"}).content.decode()
    assert publication.title in results


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"GIF89a not a pdf at all", "This file is not a PDF we can open"),
        (b"%PDF-1.4\nnothing else", "This file is not a PDF we can open"),
        (b"", "The submitted file is empty"),
        (
            minimal_pdf([["x"]], extra=b"/OpenAction << /S /JavaScript /JS (app.alert(1)) >> "),
            "contains scripts, automatic actions or embedded files",
        ),
        (
            minimal_pdf([["x"]], extra=b"/Names << /EmbeddedFiles << /Names [] >> >> "),
            "contains scripts, automatic actions or embedded files",
        ),
        # A name written with an escape is the same name to a PDF reader.
        (
            minimal_pdf([["x"]], extra=b"/Names << /J#61vaScript << /Names [] >> >> "),
            "contains scripts, automatic actions or embedded files",
        ),
    ],
    ids=["not-pdf", "broken-pdf", "empty", "javascript", "embedded-file", "escaped-name"],
)
def test_bad_uploads_are_refused_with_a_clear_error_and_nothing_saved(editor, content, message):
    response = editor.post(ADD, form_data(**{"files-0-file": pdf_upload(content, "evil.pdf")}))
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert not Publication.objects.exists()
    # What the editor typed is still in the form.
    assert "National Child Labour Survey 2018: key findings" in html


def test_a_file_over_the_size_limit_is_refused(editor, settings):
    settings.PUBLICATION_MAX_UPLOAD_BYTES = 500
    content = minimal_pdf([["A long line of text " * 5] * 20])
    assert len(content) > 500
    response = editor.post(ADD, form_data(**{"files-0-file": pdf_upload(content)}))
    assert response.status_code == 200
    assert "The file is larger than 0 MB" in response.content.decode()
    assert not Publication.objects.exists()


def test_staff_cover_is_kept(editor):
    from tests.factories import jpeg_bytes

    cover = SimpleUploadedFile("my-cover.jpg", jpeg_bytes(300, 420), "image/jpeg")
    data = form_data(cover=cover, **{"files-0-file": pdf_upload(minimal_pdf([["x"]]))})
    assert editor.post(ADD, data).status_code == 302
    publication = Publication.objects.get()
    assert "my-cover" in publication.cover.name
    assert not publication.cover_is_generated


def test_only_published_publications_are_public(client):
    shown = PublicationFactory(title="Still Work to be Done")
    draft = PublicationFactory(title="Secret draft report", draft=True)
    scheduled = PublicationFactory(title="Report coming tomorrow", scheduled=True)
    expired = PublicationFactory(
        title="Withdrawn report",
        publish_at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC),
        unpublish_at=datetime.datetime(2021, 1, 1, tzinfo=datetime.UTC),
    )
    html = client.get(reverse("publications:publication_list")).content.decode()
    assert "Still Work to be Done" in html
    for hidden in (draft, scheduled, expired):
        assert hidden.title not in html
        assert client.get(hidden.get_absolute_url()).status_code == 404
    assert client.get(shown.get_absolute_url()).status_code == 200
    feed = client.get(reverse("publications:feed_rss")).content.decode()
    assert "Still Work to be Done" in feed and "Secret draft" not in feed
    sitemap = client.get(reverse("sitemap_section", kwargs={"section": "publications"}))
    assert shown.slug in sitemap.content.decode() and draft.slug not in sitemap.content.decode()


def test_list_filters_by_kind_year_programme_area_of_work_and_language(client):
    programme = ProgrammeFactory(name="Better Work Viet Nam")
    theme = ThemeFactory(name="Child labour")
    book = PublicationFactory(
        title="An ILO For All Seasons", kind="book", published_on=datetime.date(2019, 1, 1)
    )
    survey = PublicationFactory(
        title="Child labour survey report",
        published_on=datetime.date(2020, 6, 1),
        programmes=[programme],
        themes=[theme],
    )
    publication_file(survey, language="vi")
    publication_file(book, language="en")
    url = reverse("publications:publication_list")

    def titles(**query):
        html = client.get(url, query).content.decode()
        return {p.title for p in (book, survey) if p.title in html}

    assert titles() == {book.title, survey.title}
    assert titles(kind="book") == {book.title}
    assert titles(year="2020") == {survey.title}
    assert titles(programme=programme.slug) == {survey.title}
    assert titles(theme=theme.slug) == {survey.title}
    assert titles(language="vi") == {survey.title}
    assert titles(language="en") == {book.title}
    # Each card says which languages its files are in.
    cards = client.get(reverse("publications:publication_list")).text
    assert "Available in: Vietnamese" in cards and "Available in: English" in cards
    # A bad value is ignored with a notice, never a 500.
    response = client.get(url, {"kind": "<script>", "year": "abc"})
    assert response.status_code == 200
    assert "<script>" not in response.content.decode()


def test_list_paginates(client, settings):
    settings.PAGE_SIZE = 2
    for n in range(5):
        PublicationFactory(title=f"Brief number {n}")
    url = reverse("publications:publication_list")
    assert client.get(url, {"page": 3}).status_code == 200
    assert client.get(url, {"page": 99}).status_code == 404


def test_detail_says_format_size_language_and_links_both_versions(client):
    publication = PublicationFactory(
        title="Health handbook for migrant workers",
        kind="handbook",
        published_on=datetime.date(2018, 3, 12),
        date_precision="month",
    )
    english = publication_file(publication, language="en")
    vietnamese = publication_file(publication, language="vi", lines=("Cam nang", "Trang 1"))
    html = client.get(publication.get_absolute_url()).content.decode()
    assert english.file.url in html and vietnamese.file.url in html
    assert 'hreflang="vi"' in html and 'hreflang="en"' in html
    assert "(English)" in html and "(Vietnamese)" in html
    assert "PDF, " in html and "1 page" in html
    assert "March 2018" in html
    vietnamese_page = publication.get_absolute_url().replace("/publications/", "/vi/publications/")
    assert client.get(vietnamese_page).status_code == 200


def test_json_ld_is_a_book_or_report_with_isbn_authors_date_and_languages(client):
    book = PublicationFactory(
        title="An ILO For All Seasons",
        kind="book",
        isbn="978-92-2-000000-0",
        authors="Author One\nAuthor Two",
        published_on=datetime.date(2019, 1, 1),
        date_precision="year",
    )
    publication_file(book, language="en")
    publication_file(book, language="vi")
    html = client.get(book.get_absolute_url()).content.decode()
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = next(json.loads(b) for b in blocks if '"Book"' in b)
    assert data["isbn"] == "978-92-2-000000-0"
    assert [a["name"] for a in data["author"]] == ["Author One", "Author Two"]
    assert data["datePublished"] == "2019"
    assert data["inLanguage"] == ["en", "vi"]
    report = PublicationFactory(title="Survey", kind="report")
    html = client.get(report.get_absolute_url()).content.decode()
    assert '"@type": "Report"' in html


def test_feeds_overall_per_programme_and_per_area_of_work(client):
    programme = ProgrammeFactory(name="Better Work Viet Nam")
    theme = ThemeFactory(name="Child labour")
    linked = PublicationFactory(title="Linked brief", programmes=[programme], themes=[theme])
    publication_file(linked)
    PublicationFactory(title="Other brief")
    for name in ("feed_rss", "feed_atom"):
        feed = feedparser.parse(client.get(reverse(f"publications:{name}")).content)
        assert {e.title for e in feed.entries} == {"Linked brief", "Other brief"}
    for name, obj in (("programme_feed_rss", programme), ("theme_feed_atom", theme)):
        url = reverse(f"publications:{name}", kwargs={"slug": obj.slug})
        feed = feedparser.parse(client.get(url).content)
        assert [e.title for e in feed.entries] == ["Linked brief"]
    rss = feedparser.parse(client.get(reverse("publications:feed_rss")).content)
    entry = next(e for e in rss.entries if e.title == "Linked brief")
    assert entry.enclosures[0].type == "application/pdf"
    stored = linked.files.get()
    assert entry.enclosures[0].href.endswith(stored.file.url)
    assert int(entry.enclosures[0].length) == stored.size


def test_feed_items_name_their_kind_areas_of_work_and_published_programmes(client):
    """Categories: the kind, the areas of work and the programmes the public may see (a
    programme still in draft is never named), for several items at once."""
    shown = ProgrammeFactory(name="Better Work Viet Nam")
    draft = ProgrammeFactory(name="Secret pilot", status="draft")
    theme = ThemeFactory(name="Child labour")
    PublicationFactory(title="First brief", kind="policy_brief", programmes=[shown, draft])
    PublicationFactory(title="Second brief", kind="report", themes=[theme], programmes=[shown])
    PublicationFactory(title="Bare brief", kind="guide")
    feed = feedparser.parse(client.get(reverse("publications:feed_atom")).content)
    terms = {e.title: {t.term for t in e.get("tags", [])} for e in feed.entries}
    assert terms == {
        "First brief": {"Policy brief", "Better Work Viet Nam"},
        "Second brief": {"Report", "Child labour", "Better Work Viet Nam"},
        "Bare brief": {"Guide"},
    }
    assert not any(e.get("enclosures") for e in feed.entries)  # none has a file yet


def test_an_edited_slug_keeps_the_old_address_working(client):
    publication = PublicationFactory(title="Old title")
    old = publication.get_absolute_url()
    publication.slug = "new-title"
    publication.save()
    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"].endswith("/publications/new-title/")


def test_on_the_home_page_and_the_programme_and_area_of_work_hubs(client):
    programme = ProgrammeFactory(name="Better Work Viet Nam")
    theme = ThemeFactory(name="Child labour")
    PublicationFactory(title="Still Work to be Done", programmes=[programme], themes=[theme])
    PublicationFactory(title="Unfinished draft", draft=True, programmes=[programme], themes=[theme])
    for url in ("/", "/vi/", programme.get_absolute_url(), theme.get_absolute_url()):
        html = client.get(url).content.decode()
        assert "Still Work to be Done" in html, url
        assert "Unfinished draft" not in html, url
    html = client.get(programme.get_absolute_url()).content.decode()
    assert reverse("publications:programme_feed_rss", kwargs={"slug": programme.slug}) in html


def test_the_seeds_publications_are_in_the_demo_content_with_marked_placeholders(client):
    from django.core.management import call_command

    from events.models import Event

    call_command("load_demo_content", verbosity=0)
    titles = set(Publication.objects.published().values_list("title", flat=True))
    assert {
        "National Child Labour Survey (NCLS) 2018",
        "An ILO For All Seasons",
        "Still Work to be Done",
        "Health handbook for Vietnamese migrant workers living in Japan",
        "Health handbook for Vietnamese migrant workers living in the Republic of Korea",
    } <= titles
    book = Publication.objects.get(slug="still-work-to-be-done")
    assert book.author_list == ["Luc Cortebeeck"]
    for publication in Publication.objects.all():
        stored = publication.files.get()
        assert stored.pages >= 1 and publication.cover
        assert "placeholder" in stored.text.lower()
    # The NCLS 2018 event links to its publication.
    event = Event.objects.get(title__startswith="Upcoming publication of National Child Labour")
    html = client.get(event.get_absolute_url()).content.decode()
    ncls = Publication.objects.get(slug="national-child-labour-survey-2018")
    assert f'href="{ncls.get_absolute_url()}"' in html
    # A second run creates nothing and keeps the files.
    before = list(Publication.objects.values_list("pk", "updated_at", "cover"))
    call_command("load_demo_content", verbosity=0)
    assert list(Publication.objects.values_list("pk", "updated_at", "cover")) == before


def test_in_vietnamese(client):
    publication = PublicationFactory(title_en="Still Work to be Done", kind="book")
    html = client.get("/vi/publications/").content.decode()
    assert "Ấn phẩm và tài liệu" in html and "Sách" in html
    # No Vietnamese title yet: the English one, marked as English.
    detail = client.get(f"/vi/publications/{publication.slug}/").content.decode()
    assert 'lang="en">Still Work to be Done</h1>' in detail


@pytest.mark.parametrize("prefix", ["", "/vi"])
def test_card_summaries_are_cut_by_characters_in_both_languages(client, prefix):
    """Issue 15 (4): a summary of 45 Vietnamese syllables shows whole, as its English
    version does; it was cut after 40 "words", which in Vietnamese are syllables."""
    english = " ".join(["work"] * 45)  # 224 characters
    vietnamese = " ".join(["việc"] * 45)  # 224 characters
    PublicationFactory(title="Report", summary=english, summary_vi=vietnamese)
    page = client.get(f"{prefix}/publications/").content.decode()
    assert (vietnamese if prefix else english) + "</p>" in page
