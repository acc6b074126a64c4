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

from ilo_office import registry

FOLLOW = {
    # The workflow types (ilo_office.registry) and the rows that travel with each.
    **{entry.label: tuple(entry.parts) for entry in registry.workflow_types()},
    **dict.fromkeys(registry.part_labels(), ()),
    "ilo_office.photo": (),
    "programmes.partner": (),
    "programmes.theme": (),
    "programmes.place": (),
    "pages.homeblock": (),
    "contact.officecontact": (),
    "contact.mediacontact": (),
}


def register_all():
    """Register every model above with reversion; safe to call more than once."""
    for label, follow in FOLLOW.items():
        model = apps.get_model(label)
        if not reversion.is_registered(model):
            reversion.register(model, follow=follow)
