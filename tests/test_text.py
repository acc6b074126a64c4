"""Vietnamese-aware slugs and folding, and the rich-text allow-list."""

import pytest

from ilo_office.markup import clean_html
from ilo_office.text import fold, slugify_vi
from tests.factories import ArticleFactory, PartnerFactory


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Đồng Nai", "dong-nai"),
        ("Hội thảo về lao động di cư an toàn", "hoi-thao-ve-lao-dong-di-cu-an-toan"),
        ("ĐẠI HỘI Công đoàn Việt Nam", "dai-hoi-cong-doan-viet-nam"),
        ("Better Work Viet Nam 2023-2027", "better-work-viet-nam-2023-2027"),
    ],
)
def test_slug_from_vietnamese_title(title, slug):
    """Slugs keep every Vietnamese letter, đ included."""
    assert slugify_vi(title) == slug


def test_fold_removes_diacritics():
    """Folded text lets 'lao dong' match 'lao động'."""
    assert fold("Việt Nam: Lao Động") == "viet nam: lao dong"


@pytest.mark.django_db
def test_slug_made_from_title_and_kept_unique():
    """Two articles with one title get two addresses."""
    first = ArticleFactory(title="Đồng Nai workshop", slug="")
    second = ArticleFactory(title="Đồng Nai workshop", slug="")
    assert (first.slug, second.slug) == ("dong-nai-workshop", "dong-nai-workshop-2")


@pytest.mark.django_db
def test_partner_slug_made_from_acronym():
    """A partner's address uses its acronym when it has one."""
    assert PartnerFactory(name="Viet Nam General Confederation of Labour", acronym="VGCL").slug == (
        "vgcl"
    )


@pytest.mark.parametrize(
    "payload",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        '<a href="javascript:alert(1)">x</a>',
        "<iframe src=//evil.example></iframe>",
        '<p style="background:url(javascript:alert(1))" onclick="alert(1)">x</p>',
        "<svg><script>alert(1)</script></svg>",
    ],
)
def test_clean_html_removes_active_content(payload):
    """Scripts, handlers, frames and javascript: links never survive sanitising."""
    cleaned = clean_html(payload).lower()
    for bad in ("<script", "onerror", "onclick", "javascript:", "<iframe", "style=", "<svg"):
        assert bad not in cleaned


def test_clean_html_keeps_formatting():
    """Headings, lists, links and quotes written by staff are kept."""
    html = '<h2>Objectives</h2><ul><li><a href="https://ilo.org">ILO</a></li></ul><blockquote>q</blockquote>'
    cleaned = clean_html(html)
    assert "<h2>Objectives</h2>" in cleaned
    assert '<a href="https://ilo.org" rel="noopener noreferrer">ILO</a>' in cleaned
    assert "<blockquote>q</blockquote>" in cleaned


@pytest.mark.django_db
def test_article_body_is_sanitised_on_save():
    """What staff save is stored already cleaned."""
    article = ArticleFactory(body='<p onclick="x()">Hello</p><script>alert(1)</script>')
    article.refresh_from_db()
    assert article.body == "<p>Hello</p>"
