"""How to reach the office, and whom journalists call: staff-edited, shown on every page.

A small part of its own (not in newsroom) because the contact details are the whole
site's (footer, /contact/) and the media contacts are the press page's as much as a
press release's: newsroom points to them, nothing here points back.

`OfficeContact` is a singleton: one row (pk 1), edited in the admin; until staff save
it, the site shows the defaults below, so a new site is never without an address.
"""

import re

from django.db import models
from django.utils.translation import gettext_lazy as _

FLICKR = "https://www.flickr.com/photos/ilopictures/"
ADDRESS_EN = "304 Kim Ma Street, Ba Dinh, Hanoi, Viet Nam"
ADDRESS_VI = "304 Kim Mã, Ba Đình, Hà Nội, Việt Nam"


class OfficeContact(models.Model):
    """The office's address, telephone, e-mail, hours, directions and accounts."""

    SINGLETON_PK = 1

    address = models.TextField(
        _("address"),
        default=ADDRESS_EN,
        help_text=_("As written on an envelope, one line per line."),
    )
    # No number is assumed: staff give it (the seeds name none).
    phone = models.CharField(_("telephone"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail"), default="hanoi@ilo.org")
    opening_hours = models.TextField(
        _("opening hours"),
        blank=True,
        help_text=_("e.g. Monday to Friday, 8:00 to 17:00."),
    )
    directions = models.TextField(
        _("how to get there"),
        blank=True,
        help_text=_("Buses, parking, the entrance: what a visitor needs to find the office."),
    )
    map_url = models.URLField(
        _("map link"),
        blank=True,
        default="https://www.openstreetmap.org/search?query=304%20Kim%20Ma%2C%20Hanoi",
        help_text=_(
            "A plain link out to a map, e.g. OpenStreetMap. No map is embedded: "
            "pages make no request to a map service."
        ),
    )
    photo_library_url = models.URLField(
        _("photo library"), blank=True, default=FLICKR, help_text=_("The ILO's photos on Flickr.")
    )
    facebook_url = models.URLField(_("Facebook page"), blank=True)
    x_url = models.URLField(_("X (Twitter) account"), blank=True)
    youtube_url = models.URLField(_("YouTube channel"), blank=True)
    linkedin_url = models.URLField(_("LinkedIn page"), blank=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        verbose_name = _("office contact details")
        verbose_name_plural = _("office contact details")

    def __str__(self):
        return str(_("Office contact details"))

    def save(self, *args, **kwargs):
        self.pk = self.SINGLETON_PK
        super().save(*args, **kwargs)

    @classmethod
    def current(cls):
        """The saved details, or the defaults when staff have not saved any yet."""
        saved = cls.objects.filter(pk=cls.SINGLETON_PK).first()
        return saved or cls(pk=cls.SINGLETON_PK, address_vi=ADDRESS_VI)

    @property
    def dial(self):
        """The number for a tel: link, or "" when the field holds something else (a note)."""
        number = "".join(self.phone.split())
        return number if number and re.fullmatch(r"\+?[0-9().-]{3,}", number) else ""

    @property
    def social_links(self):
        """(label, address) of each account staff gave, then the photo library."""
        links = [
            (_("Facebook"), self.facebook_url),
            (_("X (Twitter)"), self.x_url),
            (_("YouTube"), self.youtube_url),
            (_("LinkedIn"), self.linkedin_url),
            (_("Photos on Flickr"), self.photo_library_url),
        ]
        return [(label, url) for label, url in links if url]


class MediaContact(models.Model):
    """Someone journalists may call: named on press releases and on the press page."""

    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=200, help_text=_("e.g. Communication Officer"))
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("telephone"), max_length=50, blank=True)
    is_default = models.BooleanField(
        _("the office's default media contact"),
        default=False,
        help_text=_("Named on every press release that names nobody else. Only one can be."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["-is_default", "order", "name"]
        verbose_name = _("media contact")
        verbose_name_plural = _("media contacts")
        constraints = [
            models.UniqueConstraint(
                fields=["is_default"],
                condition=models.Q(is_default=True),
                name="one_default_media_contact",
                violation_error_message=_("Another media contact is the default already."),
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.role})" if self.role else self.name
