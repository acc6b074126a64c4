"""The three roles of the back office, as auth groups with exactly these permissions.

- Contributor: writes articles, events, programmes, office pages and photos; saves
  drafts and submits them for review. Cannot publish, unpublish, schedule, delete, or
  change an item that is published or scheduled (it is read-only to them), nor an
  item someone else submitted for review (see backoffice.workflow).
- Editor: everything a contributor does, plus publishing (`publish_<model>`), editing
  published items, scheduling, and deleting content and photos.
- Site manager: everything an editor does, plus the order of the About menu, the home
  page blocks, featured stories and programmes, partners, areas of work, places, and
  the staff accounts; lifts paused sign-ins (deletes django-axes' access attempts); sees,
  exports and deletes e-mail subscribers and the send log (no other role sees an address).

The groups are made by a migration and their permissions are brought up to date after
every `migrate` (`sync_roles`): each role gets every permission written here (a new one
is granted on the next deploy), and loses only those listed in `REVOKED`. A permission
a Site manager gave a role on purpose (in the admin's Groups page) survives deploys; to
take one away from every site for good, list it in `REVOKED` rather than just deleting
it from `role_permissions()`.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.contrib.contenttypes.management import create_contenttypes
from django.utils.translation import pgettext_lazy

from ilo_office import registry

CONTRIBUTOR = "Contributor"
EDITOR = "Editor"
SITE_MANAGER = "Site manager"
ROLE_NAMES = (CONTRIBUTOR, EDITOR, SITE_MANAGER)
# The group names are data (and what the code looks roles up by), so they stay English;
# staff see them translated. Context "role": "Editor" the person ("biên tập viên") is
# not the rich-text editor ("trình soạn thảo").
ROLE_LABELS = {
    CONTRIBUTOR: pgettext_lazy("role", "Contributor"),
    EDITOR: pgettext_lazy("role", "Editor"),
    SITE_MANAGER: pgettext_lazy("role", "Site manager"),
}


def role_label(name):
    """A group's name as staff read it in their language (other groups as named)."""
    return ROLE_LABELS.get(name, name)


# The types that go through the workflow, and the rows edited inline on their forms
# (further photos, phases...): both registered in ilo_office.registry.
CONTENT = registry.workflow_labels()
CONTENT_PARTS = registry.part_labels()
PHOTOS = ("ilo_office.photo",)
# Chosen from (autocomplete) by everyone, maintained by site managers.
REFERENCE = ("programmes.theme", "programmes.partner", "programmes.place", "contact.mediacontact")
SITE = (
    "pages.homeblock",
    "pages.featuredstory",
    "pages.featuredprogramme",
    "contact.officecontact",
)
ACCOUNTS = ("auth.user", "auth.group")
# E-mail subscribers and the send log: readers' addresses, so Site managers only.
SUBSCRIBERS = ("subscriptions.subscriber",)
SEND_LOG = ("subscriptions.delivery",)
# Paused sign-ins (django-axes): deleting a row lifts its pause, as the paused page promises.
SIGN_IN_PAUSES = ("axes.accessattempt",)


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
        | _perms(SIGN_IN_PAUSES, "view", "delete")
        | _perms(SUBSCRIBERS, "view", "delete")
        | _perms(SEND_LOG, "view")
        | {"backoffice.arrange_navigation"}
    )
    return {CONTRIBUTOR: contributor, EDITOR: editor, SITE_MANAGER: site_manager}


# {group name: {"app_label.codename", ...}} taken away from the role at the next
# migrate. Dropping a permission from role_permissions() alone leaves it where it was
# granted (we cannot tell a grant made by this file from one made on purpose by staff);
# a deliberate withdrawal is written here, so it is explicit and reviewed.
REVOKED: dict[str, set[str]] = {
    CONTRIBUTOR: set(),
    EDITOR: set(),
    SITE_MANAGER: set(),
}


def sync_roles(apps=global_apps, using="default", verbosity=0):
    """Create the three groups if needed, grant each its permissions, withdraw REVOKED ones.

    Permissions a role was given by hand are kept: a deploy must not silently undo a
    Site manager's decision (issue 13, item k).
    """
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
        group.permissions.add(*found)
        revoked = [
            q
            for label in sorted(REVOKED.get(name, ()))
            for q in Permission.objects.using(using).filter(
                content_type__app_label=label.split(".")[0], codename=label.split(".")[1]
            )
        ]
        if revoked:
            group.permissions.remove(*revoked)
        if verbosity >= 2:
            print(f"Role {name}: {len(found)} permissions granted, {len(revoked)} withdrawn.")


def sync_roles_after_migrate(sender, using="default", verbosity=1, **kwargs):
    sync_roles(using=using, verbosity=verbosity)
