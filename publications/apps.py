from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicationsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "publications"
    verbose_name = _("Publications")

    def ready(self):
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from ilo_office import cache

        # ilo_office.cache.CONTENT_APPS does not list this app yet (that module is
        # another branch's work in progress): until it does, a saved publication moves
        # the content generation on here, so cached cards and pages are not left stale.
        def changed(sender, **kwargs):
            if sender._meta.app_label == self.label and sender._meta.apps is self.apps:
                cache.bump()
                cache.bump_on_commit()

        if self.label not in cache.CONTENT_APPS:
            for signal in (post_save, post_delete, m2m_changed):
                signal.connect(changed, dispatch_uid=f"publications-generation-{signal!r}")
