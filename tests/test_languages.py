"""One rule for the language a field is shown in (ilo_office.languages)."""

import os
import subprocess
import sys

from django.utils import translation

from ilo_office import languages, search
from ilo_office.templatetags import seo, site

from .factories import ArticleFactory


def test_search_seo_tags_and_templates_share_one_rule():
    assert search.shown_language is languages.shown_language
    assert seo.shown_language is languages.shown_language


def test_english_only_article_is_shown_in_english_on_the_vietnamese_site(db):
    article = ArticleFactory(title_en="Decent work", title_vi="")
    with translation.override("vi"):
        assert languages.shown_language(article, "title") == "en"
        assert site.fallback_lang(article, "title") == ' lang="en"'
    article.title_vi = "Việc làm bền vững"
    with translation.override("vi"):
        assert languages.shown_language(article, "title") == "vi"
        assert site.fallback_lang(article, "title") == ""


def test_the_seo_tag_library_does_not_import_search():
    """The SEO tags sit below search: loading them must not pull search in."""
    code = (
        "import sys, django; django.setup();"
        "import ilo_office.templatetags.seo;"
        "print('ilo_office.search' in sys.modules)"
    )
    result = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "ilo_office.settings"},
    )
    assert result.stdout.strip() == "False", result.stderr
