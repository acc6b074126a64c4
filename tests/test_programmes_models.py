"""Programme hub rules the database enforces, and how key figures print."""

import datetime
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from django.utils import translation

from programmes.models import KeyFigure
from tests.factories import (
    KeyFigureFactory,
    PartnerFactory,
    PlaceFactory,
    ProgrammeFactory,
    ProgrammePhaseFactory,
)

pytestmark = pytest.mark.django_db

d = datetime.date


def refused(make):
    with pytest.raises(IntegrityError), transaction.atomic():
        make()


def test_phase_cannot_end_before_it_starts():
    """The database refuses a phase whose end date precedes its start; open-ended is fine."""
    programme = ProgrammeFactory()
    refused(
        lambda: ProgrammePhaseFactory(
            programme=programme, start_date=d(2023, 1, 1), end_date=d(2022, 12, 31)
        )
    )
    ProgrammePhaseFactory(programme=programme, start_date=d(2009, 1, 1), end_date=None)
    ProgrammePhaseFactory(programme=programme, start_date=d(2023, 1, 1), end_date=d(2023, 1, 1))
    assert programme.phases.count() == 2


@pytest.mark.parametrize("factory", [PartnerFactory, PlaceFactory])
def test_nothing_is_its_own_successor(factory):
    """A partner or place cannot be recorded as replaced by itself."""
    item = factory()
    item.successor = item
    refused(item.save)


@pytest.mark.parametrize("factory", [PartnerFactory, PlaceFactory])
def test_a_change_date_needs_a_successor(factory):
    """A date of renaming or merger without the organisation or place it became is refused."""
    refused(lambda: factory(successor_since=d(2025, 3, 1)))
    factory(successor=factory(), successor_since=d(2025, 3, 1))


@pytest.mark.parametrize(
    ("value", "qualifier", "english", "vietnamese"),
    [
        (440, KeyFigure.Qualifier.MORE_THAN, "440+", "440+"),
        (750000, "", "750,000", "750.000"),
        (Decimal("3.50"), KeyFigure.Qualifier.ABOUT, "about 3.5", "3,5"),
        (1250000, KeyFigure.Qualifier.UP_TO, "up to 1,250,000", "1.250.000"),
    ],
)
def test_key_figures_print_in_the_reader_language(value, qualifier, english, vietnamese):
    """Figures keep their qualifier and use the separators of the reader's language."""
    figure = KeyFigureFactory(value=value, qualifier=qualifier)
    figure.refresh_from_db()
    with translation.override("en"):
        assert figure.formatted_value == english
    with translation.override("vi"):
        assert vietnamese in figure.formatted_value
