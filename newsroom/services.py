"""Writes of the newsroom that are more than a model save."""

from django.db import IntegrityError, transaction
from django.db.models import F

from ilo_office.publishing import office_today
from newsroom.models import DailyReads


def record_read(article, day=None):
    """Add one read to today's count of `article` (office time), safely under concurrency."""
    day = day or office_today()
    counter = DailyReads.objects.filter(article=article, day=day)
    if counter.update(count=F("count") + 1):
        return
    try:
        with transaction.atomic():
            DailyReads.objects.create(article=article, day=day, count=1)
    except IntegrityError:
        # Another request created today's row between our update and create.
        counter.update(count=F("count") + 1)
