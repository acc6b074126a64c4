"""Which models keep revisions, and which related rows travel with each revision.

A revision of an article holds its further photos; one of a programme holds its
phases, key figures, partner roles and contacts; so restoring an old revision, or
recovering a deleted item, brings those rows back with it. Many-to-many links without
a model of their own (an article's programmes, themes, partners) are stored in the
item's own data.

Registered here, before the admin classes are built (VersionAdmin would otherwise
register the models itself, following only its inlines).
"""

import reversion
from django.apps import apps

FOLLOW = {
    "newsroom.article": ("articlephoto_set",),
    "events.event": (),
    "opportunities.opportunity": (),
    "publications.publication": ("files",),
    "programmes.programme": ("phases", "key_figures", "programmepartner_set", "contacts"),
    "pages.officepage": (),
    "ilo_office.photo": (),
    "programmes.partner": (),
    "programmes.theme": (),
    "programmes.place": (),
    "pages.homeblock": (),
    "contact.officecontact": (),
    "contact.mediacontact": (),
    # The rows that travel with their parent's revisions.
    "newsroom.articlephoto": (),
    "publications.publicationfile": (),
    "programmes.programmephase": (),
    "programmes.keyfigure": (),
    "programmes.programmepartner": (),
    "programmes.programmecontact": (),
}


def register_all():
    """Register every model above with reversion; safe to call more than once."""
    for label, follow in FOLLOW.items():
        model = apps.get_model(label)
        if not reversion.is_registered(model):
            reversion.register(model, follow=follow)
