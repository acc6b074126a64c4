"""The news and events sections of the area-of-work and partner pages: one partial."""

from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

from tests.factories import PartnerFactory, ThemeFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("factory", "english"),
    [
        (ThemeFactory, "No news in this area yet: subscribe to be told of the first."),
        (PartnerFactory, "No news with this partner yet."),
    ],
)
def test_empty_hub_says_so_in_the_readers_language(client, factory, english):
    """The partial's texts, passed in by each page, are translated on /vi/."""
    hub = factory()
    assert english in client.get(hub.get_absolute_url()).content.decode()
    with translation.override("vi"):
        vietnamese = translation.gettext(english)
        url = hub.get_absolute_url()
    assert vietnamese != english
    assert vietnamese in client.get(url).content.decode()


def test_hub_pages_share_one_partial():
    for name in ("theme_detail.html", "partner_detail.html"):
        text = (Path(settings.BASE_DIR) / "templates" / "programmes" / name).read_text()
        assert '{% include "includes/hub_news_events.html"' in text, name
        assert 'aria-labelledby="latest-news"' not in text, name
