"""What each subscriber is due, the mails themselves, and the sending run.

Only what the public may see is ever mailed: every item comes through its model's public
QuerySet (`published()`; vacancies and calls through `open()`, so never a closed call),
evaluated at the time of the run: drafts, scheduled and expired items are never picked.

At most once. For each subscriber, one run:
  1. claims the items in one transaction: a `Delivery` row per item, status "sending";
     the unique (subscriber, item) constraint makes a second claim fail, so two runs at
     once cannot both send;
  2. hands one digest to the mail server;
  3. marks the rows "sent".
A run that stops between 1 and 3 (killed, machine down) leaves "sending" rows, and those
items are never sent to that subscriber again: we prefer a digest that may be lost to
one sent twice (the server may have accepted the mail just before the crash, and we
cannot know). The send log shows them as "Sending (outcome unknown)". A mail the server
refused outright (an exception from the SMTP conversation) is marked "failed" and is not
retried either, for the same reason: after DATA, an error does not prove nothing went
out. Everything else (the next subscribers) carries on.
"""

import datetime
import logging
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from events.models import Event
from newsroom.models import Article
from opportunities.models import Opportunity
from publications.models import Publication
from subscriptions import tokens
from subscriptions.models import Delivery, Frequency, Subscriber

logger = logging.getLogger(__name__)

# Items older than this are never mailed, whatever happened before (a long outage of the
# sender must not turn into a mail of everything since).
LOOKBACK = datetime.timedelta(days=62)
# A digest lists at most this many items; the rest wait for the next one.
MAX_ITEMS = 40

SECTIONS = (
    ("news", gettext_lazy("News")),
    ("events", gettext_lazy("Events")),
    ("publications", gettext_lazy("Publications")),
    ("vacancies", gettext_lazy("Vacancies and calls")),
)


def absolute(url):
    return url if url.startswith(("http://", "https://")) else settings.SITE_URL + url


@dataclass
class Item:
    section: str
    obj: object

    @property
    def title(self):
        return self.obj.title

    @property
    def summary(self):
        return getattr(self.obj, "standfirst", None) or getattr(self.obj, "summary", "") or ""

    @property
    def url(self):
        return absolute(self.obj.get_absolute_url())

    @property
    def date(self):
        if self.section == "events":
            return self.obj.start_date
        return timezone.localdate(self.obj.publish_at)

    @property
    def closes_at(self):
        return getattr(self.obj, "closes_at", None)

    @property
    def photo(self):
        """(absolute URL, alt text) of a photo about 600 pixels wide, or None."""
        photo = getattr(self.obj, "hero", None) or getattr(self.obj, "photo", None)
        if photo is not None:
            renditions = [r for r in photo.renditions or [] if r.get("jpeg")]
            if renditions:
                best = min(renditions, key=lambda r: abs(r["width"] - 600))
                return absolute(photo.image.storage.url(best["jpeg"])), photo.alt_text
            return None
        cover = getattr(self.obj, "cover", None)
        if cover:
            return absolute(cover.url), ""
        return None


def _linked(subscriber, extra):
    """Items linked to the subscriber's programmes or areas of work (or matching `extra`)."""
    condition = extra
    programmes = [p.pk for p in subscriber.programmes.all()]
    themes = [t.pk for t in subscriber.themes.all()]
    if programmes:
        condition |= Q(programmes__in=programmes)
    if themes:
        condition |= Q(themes__in=themes)
    return condition


def due_items(subscriber, now=None):
    """The public items this subscriber asked for and has not been sent, oldest first."""
    now = now or timezone.now()
    since = max(subscriber.consent_at, now - LOOKBACK)
    # An unsaved subscriber (the admin's preview) has been sent nothing.
    sent = Delivery.objects.filter(subscriber_id=subscriber.pk or 0)
    sources = (
        ("news", Article.objects.published(now), subscriber.all_news,
         Q(kind=Article.Kind.PRESS_RELEASE) if subscriber.press_releases else Q()),
        ("events", Event.objects.published(now), subscriber.events, Q()),
        ("publications", Publication.objects.published(now), subscriber.publications, Q()),
        ("vacancies", Opportunity.objects.open(now), subscriber.vacancies, Q()),
    )  # fmt: skip
    items = []
    for section, queryset, everything, extra in sources:
        condition = Q() if everything else _linked(subscriber, extra)
        if not everything and condition == Q():
            continue
        content_type = ContentType.objects.get_for_model(queryset.model)
        found = (
            queryset.filter(condition, publish_at__gt=since)
            .exclude(
                pk__in=sent.filter(content_type=content_type).values("object_id"),
            )
            .distinct()
            .order_by("publish_at")[:MAX_ITEMS]
        )
        if section == "news":
            found = found.select_related("hero")
        elif section == "events":
            found = found.select_related("photo")
        items.extend(Item(section, obj) for obj in found)
    items.sort(key=lambda item: item.obj.publish_at)
    return items[:MAX_ITEMS]


def _add_month(day):
    year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    for last in (31, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def is_due(subscriber, now=None):
    """Whether a digest is due: every run for "immediate", else a week or a month on.

    Counted in the office's calendar days, so a daily timer that runs a few seconds
    earlier than last time still sends on the seventh day.
    """
    if subscriber.frequency == Frequency.IMMEDIATE:
        return True
    now = now or timezone.now()
    last = timezone.localdate(subscriber.last_digest_at or subscriber.consent_at)
    today = timezone.localdate(now)
    if subscriber.frequency == Frequency.WEEKLY:
        return today >= last + datetime.timedelta(days=7)
    return today >= _add_month(last)


def links(subscriber):
    """The subscriber's manage and unsubscribe addresses, in its language."""
    with translation.override(subscriber.language):
        manage = reverse(
            "subscriptions:manage",
            kwargs={"token": tokens.subscriber_token(subscriber, tokens.MANAGE)},
        )
        unsubscribe = reverse(
            "subscriptions:unsubscribe",
            kwargs={"token": tokens.subscriber_token(subscriber, tokens.UNSUBSCRIBE)},
        )
    return absolute(manage), absolute(unsubscribe)


def unsubscribe_headers(unsubscribe_url):
    """RFC 2369 and RFC 8058: mail programs show an "Unsubscribe" button that POSTs."""
    targets = [f"<{unsubscribe_url}>"]
    if settings.SUBSCRIPTION_UNSUBSCRIBE_MAILTO:
        targets.append(f"<mailto:{settings.SUBSCRIPTION_UNSUBSCRIBE_MAILTO}?subject=unsubscribe>")
    return {
        "List-Unsubscribe": ", ".join(targets),
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def digest_message(subscriber, items, connection=None):
    """The digest mail: plain text and HTML from templates, in the subscriber's language."""
    manage_url, unsubscribe_url = links(subscriber)
    with translation.override(subscriber.language):
        sections = [
            (label, [item for item in items if item.section == key]) for key, label in SECTIONS
        ]
        context = {
            "subscriber": subscriber,
            "sections": [(str(label), found) for label, found in sections if found],
            "count": len(items),
            "manage_url": manage_url,
            "unsubscribe_url": unsubscribe_url,
            "site_url": settings.SITE_URL,
            "LANGUAGE_CODE": subscriber.language,
        }
        subject = render_to_string("subscriptions/email/digest_subject.txt", context)
        text = render_to_string("subscriptions/email/digest.txt", context)
        html = render_to_string("subscriptions/email/digest.html", context)
    message = EmailMultiAlternatives(
        " ".join(subject.split()),
        text,
        to=[subscriber.email],
        headers=unsubscribe_headers(unsubscribe_url),
        connection=connection,
    )
    message.attach_alternative(html, "text/html")
    return message


def confirmation_message(email, language, confirm_url):
    with translation.override(language):
        context = {"confirm_url": confirm_url, "site_url": settings.SITE_URL,
                   "LANGUAGE_CODE": language,
                   "hours": settings.SUBSCRIPTION_CONFIRM_MAX_AGE // 3600}  # fmt: skip
        subject = _("Please confirm your subscription to the ILO in Viet Nam")
        text = render_to_string("subscriptions/email/confirm.txt", context)
        html = render_to_string("subscriptions/email/confirm.html", context)
    message = EmailMultiAlternatives(subject, text, to=[email])
    message.attach_alternative(html, "text/html")
    return message


def claim(subscriber, items):
    """Write the "sending" rows for `items`; None if another run claimed one of them first."""
    digest = uuid.uuid4()
    types = {}
    rows = []
    for item in items:
        model = type(item.obj)
        if model not in types:
            types[model] = ContentType.objects.get_for_model(model)
        rows.append(
            Delivery(
                subscriber=subscriber,
                content_type=types[model],
                object_id=item.obj.pk,
                title=str(item.title)[:300],
                digest=digest,
            )
        )
    try:
        with transaction.atomic():
            Delivery.objects.bulk_create(rows)
    except IntegrityError:
        return None
    return digest


@dataclass
class RunReport:
    sent: int = 0
    failed: int = 0
    skipped: int = 0


def send_due(now=None, stdout=None):
    """Send every subscriber its due digest, once. Safe to run again at any moment."""
    now = now or timezone.now()
    report = RunReport()
    connection = get_connection()
    try:
        for subscriber in Subscriber.objects.active().order_by("pk").iterator(chunk_size=200):
            if not is_due(subscriber, now):
                continue
            items = due_items(subscriber, now)
            if not items:
                if subscriber.frequency != Frequency.IMMEDIATE:
                    # An empty period still counts as one: the next digest is a period on.
                    Subscriber.objects.filter(pk=subscriber.pk).update(last_digest_at=now)
                continue
            digest = claim(subscriber, items)
            if digest is None:
                report.skipped += 1
                continue
            try:
                digest_message(subscriber, items, connection).send()
            except Exception:
                logger.exception("Digest to subscriber %s failed", subscriber.pk)
                Delivery.objects.filter(digest=digest).update(status=Delivery.Status.FAILED)
                report.failed += 1
                continue
            Delivery.objects.filter(digest=digest).update(
                status=Delivery.Status.SENT, sent_at=timezone.now()
            )
            Subscriber.objects.filter(pk=subscriber.pk).update(last_digest_at=now)
            report.sent += 1
    finally:
        connection.close()
    return report
