"""The workflow as staff live it: buttons, the publishing log, schedules, lists, bulk actions."""

import datetime
import re

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from ilo_office.backoffice.models import PublishingLog
from ilo_office.backoffice.roles import CONTRIBUTOR, EDITOR, SITE_MANAGER
from ilo_office.publishing import Status
from newsroom.models import Article
from tests.factories import ArticleFactory, OfficePageFactory, staff_user
from tests.test_backoffice_roles import form_data, times

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:newsroom_article_changelist")


def change_url(obj):
    return reverse("admin:newsroom_article_change", args=[obj.pk])


def press(client, obj, button, **changes):
    url = change_url(obj)
    data = form_data(client.get(url))
    data.update(changes)
    return client.post(url, {**data, button: "1"})


def test_submit_then_publish_is_recorded_and_shown_on_the_form(client):
    """Who submitted and who published, and when, is kept and shown in the change form."""
    article = ArticleFactory(title="Minimum wage rises", draft=True)
    writer = staff_user(CONTRIBUTOR, username="lan", first_name="Lan", last_name="Nguyen")
    editor = staff_user(EDITOR, username="minh", first_name="Minh", last_name="Tran")
    client.force_login(writer)
    assert press(client, article, "_submit").status_code == 302
    client.force_login(editor)
    assert press(client, article, "_publish").status_code == 302
    article.refresh_from_db()
    assert article.is_published
    log = list(PublishingLog.objects.order_by("at", "pk").values_list("action", "user__username"))
    assert log == [("submitted", "lan"), ("published", "minh")]
    html = client.get(change_url(article)).content.decode()
    history = html[html.index("Publishing history") :]
    assert "Submitted for review" in history and "Lan Nguyen" in history
    assert "Published" in history and "Minh Tran" in history


def test_status_changed_in_the_select_is_logged_too(client):
    """An editor who picks "Published" in the status list and saves is logged like the button."""
    article = ArticleFactory(draft=True)
    client.force_login(staff_user(EDITOR))
    url = change_url(article)
    client.post(url, {**form_data(client.get(url)), "status": "published"})
    assert PublishingLog.objects.get().action == PublishingLog.Action.PUBLISHED


def test_unpublish_takes_the_item_down_and_is_logged(client):
    """Unpublish hides a live article from readers at once and says who did it."""
    article = ArticleFactory()
    client.force_login(staff_user(EDITOR, username="minh"))
    press(client, article, "_unpublish")
    assert not Article.objects.published().filter(pk=article.pk).exists()
    entry = PublishingLog.objects.get()
    assert (entry.action, entry.user.username) == ("unpublished", "minh")


def test_buttons_follow_the_users_permissions(client):
    """Contributors get Submit for review; editors also Publish, and Unpublish on a live item."""
    draft = ArticleFactory(draft=True)
    live = ArticleFactory()

    def buttons(obj):
        html = client.get(change_url(obj)).content.decode()
        return set(re.findall(r'name="(_submit|_publish|_unpublish|_preview|_save)"', html))

    client.force_login(staff_user(CONTRIBUTOR))
    assert buttons(draft) == {"_submit", "_preview", "_save"}
    assert buttons(live) == set()  # read-only: nothing to press
    client.force_login(staff_user(EDITOR))
    assert buttons(draft) == {"_submit", "_publish", "_preview", "_save"}
    assert buttons(live) == {"_unpublish", "_preview", "_save"}


def test_contributor_status_list_has_no_published_choice(client):
    """The status list a contributor sees offers Draft and In review only."""
    client.force_login(staff_user(CONTRIBUTOR))
    html = client.get(reverse("admin:newsroom_article_add")).content.decode()
    select = re.search(r'<select name="status".*?</select>', html, re.S).group(0)
    assert re.findall(r'value="(\w+)"', select) == ["draft", "review"]


def test_contributor_cannot_backdate_or_schedule_a_new_item(client):
    """A new item with a future publish time from a contributor is a form error, nothing saved."""
    client.force_login(staff_user(CONTRIBUTOR))
    url = reverse("admin:newsroom_article_add")
    future = timezone.now() + datetime.timedelta(days=2)
    data = {**form_data(client.get(url)), "title_en": "Sneaky", **times("publish_at", future)}
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Only an editor can schedule" in response.content.decode()
    assert not Article.objects.exists()


def test_scheduled_article_goes_live_at_its_time_without_any_job(client):
    """Published with a future time, an article is Scheduled, then public when the time comes."""
    article = ArticleFactory(draft=True)
    client.force_login(staff_user(EDITOR))
    go_live = timezone.now() + datetime.timedelta(hours=5)
    press(client, article, "_publish", **times("publish_at", go_live))
    article.refresh_from_db()
    assert article.status == Status.PUBLISHED and not article.is_published
    assert PublishingLog.objects.get().action == PublishingLog.Action.SCHEDULED
    assert "Scheduled" in client.get(CHANGELIST).content.decode()
    with time_machine.travel(go_live + datetime.timedelta(minutes=1)):
        assert Article.objects.published().filter(pk=article.pk).exists()


def test_first_publication_dates_the_article_from_when_it_went_live(client):
    """A draft written last week and published today carries today's date, not last week's."""
    article = ArticleFactory(
        status=Status.REVIEW, publish_at=timezone.now() - datetime.timedelta(days=7)
    )
    client.force_login(staff_user(EDITOR))
    client.post(CHANGELIST, {"action": "publish_selected", "_selected_action": [article.pk]})
    article.refresh_from_db()
    assert timezone.now() - article.publish_at < datetime.timedelta(minutes=1)


def test_bulk_publish_reports_what_it_left_alone(client):
    """Bulk publish publishes the items in review and says how many it did not touch."""
    waiting = [ArticleFactory(status=Status.REVIEW), ArticleFactory(status=Status.REVIEW)]
    live = ArticleFactory()
    client.force_login(staff_user(EDITOR))
    response = client.post(
        CHANGELIST,
        {"action": "publish_selected", "_selected_action": [a.pk for a in [*waiting, live]]},
        follow=True,
    )
    html = response.content.decode()
    assert "2 items published." in html
    assert "1 item was left as it was" in html
    assert Article.objects.published().count() == 3
    assert PublishingLog.objects.filter(action="published").count() == 2


def test_contributor_is_not_offered_publishing_actions(client):
    """The actions menu of a contributor has Submit for review but no Publish or Unpublish."""
    ArticleFactory(draft=True)
    client.force_login(staff_user(CONTRIBUTOR))
    html = client.get(CHANGELIST).content.decode()
    assert 'value="submit_selected"' in html
    assert 'value="publish_selected"' not in html
    assert 'value="unpublish_selected"' not in html
    assert 'value="delete_selected"' not in html


def test_badges_and_status_filter_name_every_state(client):
    """The list says Draft, In review, Scheduled, Published or Expired, and filters by each."""
    now = timezone.now()
    ArticleFactory(title="A draft", draft=True)
    ArticleFactory(title="In review", status=Status.REVIEW)
    ArticleFactory(title="Later", scheduled=True)
    ArticleFactory(title="Live")
    ArticleFactory(
        title="Gone",
        publish_at=now - datetime.timedelta(days=3),
        unpublish_at=now - datetime.timedelta(days=1),
    )
    client.force_login(staff_user(EDITOR))
    html = client.get(CHANGELIST).content.decode()
    badges = re.findall(r'<span class="state-badge state-(\w+)">([^<]+)</span>', html)
    assert sorted(badges) == [
        ("draft", "Draft"),
        ("expired", "Expired"),
        ("published", "Published"),
        ("review", "In review"),
        ("scheduled", "Scheduled"),
    ]
    for state, title in [("scheduled", "Later"), ("expired", "Gone"), ("published", "Live")]:
        listed = client.get(CHANGELIST, {"state": state}).content.decode()
        titles = re.findall(r'<t[hd] class="field-title"><a [^>]+>([^<]+)</a>', listed)
        assert titles == [title], state
    assert client.get(CHANGELIST, {"state": "nonsense"}).status_code == 200


def test_admin_search_ignores_accents_and_reads_both_languages(client):
    """Searching "lao dong" finds an article whose Vietnamese body says "lao động"."""
    ArticleFactory(title="Labour code", body_vi="<p>Bộ luật lao động mới</p>")
    ArticleFactory(title="Something else")
    client.force_login(staff_user(CONTRIBUTOR))
    html = client.get(CHANGELIST, {"q": "lao dong"}).content.decode()
    assert "Labour code" in html
    assert "Something else" not in html


def test_view_on_site_only_for_items_readers_can_see(client):
    """The change form links to the public page of a live article, not of a draft."""
    live, draft = ArticleFactory(), ArticleFactory(draft=True)
    client.force_login(staff_user(EDITOR))
    assert (
        f'href="{live.get_absolute_url()}" class="viewsitelink"'
        in client.get(change_url(live)).content.decode()
    )
    assert "viewsitelink" not in client.get(change_url(draft)).content.decode()


def test_save_and_preview_saves_then_opens_the_staff_preview(client):
    """Save and preview stores the change and goes to the item's staff-only preview page."""
    from ilo_office.preview import preview_url

    article = ArticleFactory(draft=True)
    client.force_login(staff_user(CONTRIBUTOR))
    response = press(client, article, "_preview", title_en="Retitled draft")
    article.refresh_from_db()
    assert article.title == "Retitled draft"
    assert response.status_code == 302
    assert response["Location"] == preview_url(article)
    assert client.get(response["Location"]).status_code == 200


def test_only_site_managers_reorder_the_about_menu(client):
    """Only a site manager edits menu positions in the list; a forged save changes nothing."""
    page = OfficePageFactory(nav_order=5)
    url = reverse("admin:pages_officepage_changelist")
    forged = {
        "form-TOTAL_FORMS": "1",
        "form-INITIAL_FORMS": "1",
        "form-0-id": str(page.pk),
        "form-0-nav_order": "1",
        "form-0-show_in_navigation": "on",
        "_save": "Save",
    }
    for role in (CONTRIBUTOR, EDITOR):
        client.force_login(staff_user(role))
        assert 'name="form-0-nav_order"' not in client.get(url).content.decode()
        client.post(url, forged)
        page.refresh_from_db()
        assert page.nav_order == 5, role
        change = reverse("admin:pages_officepage_change", args=[page.pk])
        assert 'name="nav_order"' not in client.get(change).content.decode()
    client.force_login(staff_user(SITE_MANAGER))
    assert client.post(url, forged).status_code == 302
    page.refresh_from_db()
    assert page.nav_order == 1
    assert not PublishingLog.objects.exists()  # reordering is not a change of status


def test_site_manager_cannot_make_anyone_a_superuser(client):
    """Managing staff accounts does not include granting oneself every permission."""
    manager = staff_user(SITE_MANAGER)
    boss = get_user_model().objects.create_superuser("boss", "b@example.org", None)
    client.force_login(manager)
    url = reverse("admin:auth_user_change", args=[manager.pk])
    html = client.get(url).content.decode()
    assert 'name="is_superuser"' not in html
    assert 'name="user_permissions"' not in html
    assert client.post(reverse("admin:auth_user_change", args=[boss.pk]), {}).status_code == 403
    data = form_data(client.get(url))
    client.post(url, {**data, "is_superuser": "on"})
    manager.refresh_from_db()
    assert not manager.is_superuser


def submitted_by(client, user, article):
    """`user` submits `article` for review with the button, as in the admin."""
    client.force_login(user)
    assert press(client, article, "_submit").status_code == 302
    article.refresh_from_db()
    assert article.status == Status.REVIEW


def test_an_item_in_review_is_read_only_to_other_contributors(client):
    """Another contributor sees an article in review read-only, told why, and cannot change it."""
    article = ArticleFactory(title="Reviewed text", draft=True)
    submitted_by(client, staff_user(CONTRIBUTOR, username="lan"), article)
    client.force_login(staff_user(CONTRIBUTOR, username="hoa"))
    page = client.get(change_url(article))
    html = page.content.decode()
    assert 'name="title_en"' not in html
    assert "in review" in html and "only its author and the editors can change it" in html
    response = client.post(change_url(article), {"title_en": "Slipped in", "status": "review"})
    assert response.status_code == 403
    article.refresh_from_db()
    assert (article.title, article.status) == ("Reviewed text", Status.REVIEW)


def test_authors_change_after_submission_sends_the_item_back_to_draft(client):
    """The author may still change an article in review, but it goes back to draft, logged."""
    article = ArticleFactory(title="Submitted text", draft=True)
    submitted_by(client, staff_user(CONTRIBUTOR, username="lan"), article)
    assert (
        "if you change it, it goes back to draft"
        in client.get(change_url(article)).content.decode()
    )
    response = press(client, article, "_save", title_en="Changed after submitting")
    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.title, article.status) == ("Changed after submitting", Status.DRAFT)
    assert PublishingLog.objects.order_by("at", "pk").last().action == "returned"
    assert "back in draft" in client.get(response["Location"]).content.decode()


def test_bulk_publish_never_publishes_text_changed_after_review_was_asked(client):
    """An editor's bulk publish leaves an article its author changed after submitting."""
    article = ArticleFactory(title="Submitted text", draft=True)
    submitted_by(client, staff_user(CONTRIBUTOR, username="lan"), article)
    press(client, article, "_save", title_en="Unreviewed change")
    client.force_login(staff_user(EDITOR))
    response = client.post(
        CHANGELIST, {"action": "publish_selected", "_selected_action": [article.pk]}, follow=True
    )
    assert "1 item was left as it was" in response.content.decode()
    assert not Article.objects.published().exists()


def test_bulk_publish_publishes_items_in_review_only(client):
    """Drafts are published one by one from their page, where the editor reads them first."""
    draft = ArticleFactory(title="Never submitted", draft=True)
    waiting = ArticleFactory(title="Submitted", status=Status.REVIEW)
    client.force_login(staff_user(EDITOR))
    response = client.post(
        CHANGELIST,
        {"action": "publish_selected", "_selected_action": [draft.pk, waiting.pk]},
        follow=True,
    )
    html = response.content.decode()
    assert "1 item published." in html and "1 item was left as it was" in html
    assert "Only items in review are published from the list" in html
    assert list(Article.objects.published().values_list("title", flat=True)) == ["Submitted"]


def test_editor_may_still_edit_an_item_in_review(client):
    """An editor's change to an article in review keeps it in review: reviewing is editing."""
    article = ArticleFactory(title="Submitted text", draft=True)
    submitted_by(client, staff_user(CONTRIBUTOR, username="lan"), article)
    client.force_login(staff_user(EDITOR))
    assert press(client, article, "_save", title_en="Copy-edited").status_code == 302
    article.refresh_from_db()
    assert (article.title, article.status) == ("Copy-edited", Status.REVIEW)


def test_saving_an_item_published_with_the_button_logs_no_false_reschedule(client):
    """Publish, then save the form again unchanged: the log says Published, nothing more."""
    # Written yesterday in the add form, which stores the publish time to the second.
    yesterday = (timezone.now() - datetime.timedelta(days=1)).replace(microsecond=0)
    article = ArticleFactory(draft=True, publish_at=yesterday)
    client.force_login(staff_user(EDITOR))
    press(client, article, "_publish")
    article.refresh_from_db()
    # The form shows (and a browser sends back) the publish time to the second.
    press(
        client, article, "_save", title_en="Typo fixed", **times("publish_at", article.publish_at)
    )
    actions = list(PublishingLog.objects.order_by("at", "pk").values_list("action", flat=True))
    assert actions == ["published"]
    article.refresh_from_db()
    assert timezone.now() - article.publish_at < datetime.timedelta(minutes=1)


def test_publish_button_dates_a_draft_from_when_it_went_live(client):
    """A draft from last week, published with the button as a browser sends it, is dated today."""
    last_week = timezone.now() - datetime.timedelta(days=7)
    article = ArticleFactory(draft=True, publish_at=last_week)
    client.force_login(staff_user(EDITOR))
    press(client, article, "_publish", **times("publish_at", last_week))
    article.refresh_from_db()
    assert timezone.now() - article.publish_at < datetime.timedelta(minutes=1)


def test_publishing_history_survives_a_deleted_account(client):
    """A log entry whose author's account was deleted shows a dash, not an error page."""
    article = ArticleFactory(draft=True)
    writer = staff_user(CONTRIBUTOR, username="lan")
    submitted_by(client, writer, article)
    writer.delete()
    client.force_login(staff_user(EDITOR))
    response = client.get(change_url(article))
    assert response.status_code == 200
    assert "Submitted for review" in response.content.decode()
