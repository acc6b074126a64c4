"""The three roles of the back office, as auth groups with exactly these permissions.

- Contributor: writes articles, events, programmes, office pages and photos; saves
  drafts and submits them for review. Cannot publish, unpublish, schedule, delete, or
  change an item that is published or scheduled (it is read-only to them), nor an
  item someone else submitted for review (see backoffice.workflow).
- Editor: everything a contributor does, plus publishing (`publish_<model>`), editing
  published items, scheduling, and deleting content and photos.
- Site manager: everything an editor does, plus the order of the About menu, the home
  page blocks, featured stories and programmes, partners, areas of work, places, and
  the staff accounts.

The groups are made by a migration and their permissions are set again after every
`migrate` (`sync_roles`), so a deploy always leaves the roles as written here: a
permission someone added by hand is taken away, a new one written here is granted.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.contrib.contenttypes.management import create_contenttypes

CONTRIBUTOR = "Contributor"
EDITOR = "Editor"
SITE_MANAGER = "Site manager"
ROLE_NAMES = (CONTRIBUTOR, EDITOR, SITE_MANAGER)

# The types that go through the workflow (subclasses of Publishable).
CONTENT = ("newsroom.article", "events.event", "programmes.programme", "pages.officepage")
# Rows edited inline on a content item's own form (further photos, phases...).
CONTENT_PARTS = (
    "newsroom.articlephoto",
    "programmes.programmephase",
    "programmes.keyfigure",
    "programmes.programmepartner",
    "programmes.programmecontact",
)
PHOTOS = ("ilo_office.photo",)
# Chosen from (autocomplete) by everyone, maintained by site managers.
REFERENCE = ("programmes.theme", "programmes.partner", "programmes.place")
SITE = ("pages.homeblock", "pages.featuredstory", "pages.featuredprogramme")
ACCOUNTS = ("auth.user", "auth.group")


def _perms(models, *actions):
    return {
        f"{model.split('.')[0]}.{action}_{model.split('.')[1]}"
        for model in models
        for action in actions
    }


def role_permissions():
    """{group name: set of "app_label.codename"} for the three roles."""
    contributor = (
        _perms(CONTENT, "add", "change", "view")
        | _perms(CONTENT_PARTS, "add", "change", "delete", "view")
        | _perms(PHOTOS, "add", "change", "view")
        | _perms(REFERENCE, "view")
    )
    editor = (
        contributor
        | _perms(CONTENT, "delete", "publish")
        | _perms(PHOTOS, "delete")
        | {"backoffice.view_publishinglog"}
    )
    site_manager = (
        editor
        | _perms(REFERENCE, "add", "change", "delete")
        | _perms(SITE, "add", "change", "delete", "view")
        | _perms(ACCOUNTS, "add", "change", "delete", "view")
        | {"backoffice.arrange_navigation"}
    )
    return {CONTRIBUTOR: contributor, EDITOR: editor, SITE_MANAGER: site_manager}


def sync_roles(apps=global_apps, using="default", verbosity=0):
    """Create the three groups if needed and give each exactly its permissions."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    if apps is global_apps:
        # Permissions are made by a post_migrate handler of their own; make sure every
        # app's exist before they are handed out, whatever order the handlers ran in.
        for app_config in global_apps.get_app_configs():
            create_contenttypes(app_config, verbosity=0, using=using)
            create_permissions(app_config, verbosity=0, using=using)
    for name, wanted in role_permissions().items():
        group, _created = Group.objects.using(using).get_or_create(name=name)
        found = []
        for label in sorted(wanted):
            app_label, codename = label.split(".")
            permission = (
                Permission.objects.using(using)
                .filter(content_type__app_label=app_label, codename=codename)
                .first()
            )
            if permission is None:
                raise LookupError(
                    f"Role {name!r} needs the permission {label!r}, which is missing."
                )
            found.append(permission)
        group.permissions.set(found)
        if verbosity >= 2:
            print(f"Role {name}: {len(found)} permissions.")


def sync_roles_after_migrate(sender, using="default", verbosity=1, **kwargs):
    sync_roles(using=using, verbosity=verbosity)
