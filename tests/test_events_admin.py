"""The events admin refuses impossible dates with a form error, not a crash."""

import pytest

from events.models import Event

pytestmark = pytest.mark.django_db


def post_event(admin_client, **overrides):
    data = {
        "title_en": "Workshop",
        "kind": "workshop",
        "event_status": "scheduled",
        "precision": "exact",
        "start_date": "2020-07-23",
        "end_date": "",
        "start_time": "",
        "end_time": "",
        "time_zone": "Asia/Ho_Chi_Minh",
        "slug": "workshop",
        "status": "draft",
        "publish_at_0": "2020-07-01",
        "publish_at_1": "09:00:00",
        **overrides,
    }
    return admin_client.post("/admin/events/event/add/", data)


def test_admin_creates_a_valid_event(admin_client):
    """A complete form saves the event."""
    response = post_event(admin_client, end_date="2020-07-24")
    assert response.status_code == 302
    assert Event.objects.get().end_date.isoformat() == "2020-07-24"


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"end_date": "2020-07-22"}, "end_date"),
        ({"end_time": "10:00"}, "start_time"),
        ({"start_time": "14:00", "end_time": "10:00"}, None),
        ({"time_zone": "Mars/Olympus_Mons"}, "time_zone"),
        ({"start_date": "2020-02-30"}, "start_date"),
    ],
)
def test_admin_shows_a_form_error_for_impossible_dates(admin_client, overrides, field):
    """An end before the start, or a bad zone, is a clear error on the form; nothing is saved."""
    response = post_event(admin_client, **overrides)
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert errors
    if field:
        assert field in errors
    assert not Event.objects.exists()


def test_admin_list_filters_upcoming_and_past(admin_client):
    """The "when" filter splits the list into upcoming (drafts included) and past events."""
    import datetime

    from ilo_office.publishing import office_today
    from tests.factories import EventFactory

    today = office_today()
    EventFactory(
        title="Draft of next month", start_date=today + datetime.timedelta(days=30), draft=True
    )
    EventFactory(title="Ends today", start_date=today - datetime.timedelta(days=2), end_date=today)
    EventFactory(title="Ended yesterday", start_date=today - datetime.timedelta(days=1))
    for when, shown, hidden in (
        ("upcoming", ["Draft of next month", "Ends today"], ["Ended yesterday"]),
        ("past", ["Ended yesterday"], ["Draft of next month", "Ends today"]),
    ):
        html = admin_client.get("/admin/events/event/", {"when": when}).content.decode()
        assert all(title in html for title in shown), when
        assert not any(title in html for title in hidden), when


def test_database_refuses_a_one_day_event_ending_before_it_starts():
    """Even written around the form, a 14:00-10:00 one-day event is refused by the database."""
    import datetime

    from django.db import IntegrityError

    from tests.factories import EventFactory

    with pytest.raises(IntegrityError):
        EventFactory(
            start_date=datetime.date(2020, 7, 23),
            start_time=datetime.time(14, 0),
            end_time=datetime.time(10, 0),
        )


def test_time_zone_is_a_choice_from_the_iana_list_with_hanoi_first(admin_client):
    """The zone is picked from a list (the office's first), not typed; a typed name is refused."""
    response = admin_client.get("/admin/events/event/add/")
    field = response.context["adminform"].form.fields["time_zone"]
    values = [value for value, _label in field.choices]
    assert values[0] == "Asia/Ho_Chi_Minh"
    assert {"Asia/Bangkok", "Europe/Zurich", "UTC"} <= set(values)
    html = response.content.decode()
    assert '<select name="time_zone"' in html
    assert '<option value="Asia/Ho_Chi_Minh" selected>' in html
    response = post_event(admin_client, time_zone="Hanoi")
    assert "time_zone" in response.context["adminform"].form.errors
    assert not Event.objects.exists()
    assert post_event(admin_client, time_zone="Europe/Zurich").status_code == 302
    assert Event.objects.get().time_zone == "Europe/Zurich"
