"""Review: an editor sends an item back to its author with a comment, and the author sees it."""

import pytest
from django.urls import reverse

from ilo_office.backoffice import workflow
from ilo_office.backoffice.models import ProposedCorrection, PublishingLog
from ilo_office.backoffice.roles import CONTRIBUTOR, EDITOR
from ilo_office.publishing import Status
from tests.factories import ArticleFactory, staff_user
from tests.test_backoffice_workflow import change_url, press, submitted_by

pytestmark = pytest.mark.django_db

REQUEST = "Please give the source of the 2.5 million figure.\nAnd shorten the title."


@pytest.fixture
def in_review(client):
    article = ArticleFactory(title="Minimum wage rises", draft=True)
    author = staff_user(CONTRIBUTOR, username="lan", first_name="Lan", last_name="Nguyen")
    submitted_by(client, author, article)
    editor = staff_user(EDITOR, username="minh", first_name="Minh", last_name="Tran")
    return article, author, editor


def test_editor_sends_an_item_back_with_a_comment_and_the_author_sees_it(client, in_review):
    """The item returns to draft, the comment is logged, and the author reads what was asked."""
    article, author, editor = in_review
    client.force_login(editor)
    page = client.get(change_url(article)).content.decode()
    assert "Send back to the author" in page and 'name="_send_back"' in page
    response = press(client, article, "_send_back", review_comment=REQUEST)
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == Status.DRAFT
    entry = PublishingLog.objects.order_by("at", "pk").last()
    assert (entry.action, entry.user, entry.comment) == ("changes_requested", editor, REQUEST)

    client.force_login(author)
    page = client.get(change_url(article)).content.decode()
    top = page[: page.index("Publishing history")]
    assert "Minh Tran sent this item back to its author" in top
    assert "Please give the source of the 2.5 million figure.<br>And shorten the title." in top
    history = page[page.index("Publishing history") :]
    assert "Sent back to the author" in history and "Please give the source" in history

    # Submitted again, the request is answered: it leaves the top of the form (the log keeps it).
    assert press(client, article, "_submit").status_code == 302
    page = client.get(change_url(article)).content.decode()
    assert "sent this item back to its author" not in page
    assert "Please give the source" in page[page.index("Publishing history") :]


def test_sending_back_needs_a_comment(client, in_review):
    """Without a comment the editor gets a clear error on the form and nothing moves."""
    article, _author, editor = in_review
    client.force_login(editor)
    response = press(client, article, "_send_back", review_comment="   ")
    assert response.status_code == 200
    assert "Say what the author should change" in response.content.decode()
    article.refresh_from_db()
    assert article.status == Status.REVIEW
    assert not PublishingLog.objects.filter(action="changes_requested").exists()


def test_comment_is_escaped(client, in_review):
    """A comment is shown as text, never as markup."""
    article, author, editor = in_review
    client.force_login(editor)
    press(client, article, "_send_back", review_comment="<script>alert(1)</script> fix <b>this</b>")
    client.force_login(author)
    page = client.get(change_url(article)).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; fix &lt;b&gt;this&lt;/b&gt;" in page


def test_only_an_editor_sends_back_and_only_an_item_in_review(client, in_review):
    """The author cannot send back (not offered, and a hand-made POST is refused); nor can a
    draft be sent back."""
    article, author, editor = in_review
    client.force_login(author)
    assert 'name="_send_back"' not in client.get(change_url(article)).content.decode()
    response = press(client, article, "_send_back", review_comment="Looks fine to me")
    assert response.status_code == 200
    assert "Only an editor can send back" in response.content.decode()
    assert not PublishingLog.objects.filter(action="changes_requested").exists()

    draft = ArticleFactory(draft=True)
    client.force_login(editor)
    assert 'name="_send_back"' not in client.get(change_url(draft)).content.decode()
    response = press(client, draft, "_send_back", review_comment="No")
    assert "Only an editor can send back" in response.content.decode()
    with pytest.raises(workflow.PermissionDenied):
        workflow.send_back(draft, editor, "No")


def test_send_back_in_code_logs_the_comment(in_review):
    article, _author, editor = in_review
    workflow.send_back(article, editor, "Check the dates.")
    article.refresh_from_db()
    assert article.status == Status.DRAFT
    assert workflow.changes_requested(article).comment == "Check the dates."


def test_the_authors_dashboard_marks_the_draft_sent_back(client, in_review):
    """The author's "My drafts" says which draft an editor sent back."""
    article, author, editor = in_review
    other = ArticleFactory(title="Untouched draft", draft=True)
    client.force_login(author)
    press(client, other, "_save")
    client.force_login(editor)
    press(client, article, "_send_back", review_comment="Shorter, please.")
    client.force_login(author)
    page = client.get("/admin/").content.decode()
    drafts = page[page.index("My drafts") :]
    sent_back = drafts[drafts.index("Minimum wage rises") :]
    assert sent_back.split("</li>")[0].count("Changes requested") == 1
    untouched = drafts[drafts.index("Untouched draft") :]
    assert "Changes requested" not in untouched.split("</li>")[0]


def test_contributor_reads_a_published_body_rendered_not_as_raw_html(client):
    """A published article is read-only to a contributor: its body reads as text with its
    formatting, not as tags, and nothing unsafe gets through."""
    article = ArticleFactory(
        title="Published story",
        body="<p>First <strong>bold</strong> point.</p><ul><li>One item</li></ul>",
    )
    client.force_login(staff_user(CONTRIBUTOR, username="lan"))
    page = client.get(change_url(article)).content.decode()
    assert 'name="body_en"' not in page
    assert "<p>First <strong>bold</strong> point.</p><ul><li>One item</li></ul>" in page
    assert "&lt;p&gt;" not in page and "&lt;strong&gt;" not in page


def test_the_read_only_body_is_sanitised(client):
    """Even a body that reached the database unsanitised shows no script."""
    article = ArticleFactory(title="Published story")
    type(article).objects.filter(pk=article.pk).update(
        body_en='<p onclick="alert(1)">Hi</p><script>alert(2)</script>'
    )
    client.force_login(staff_user(CONTRIBUTOR, username="lan"))
    page = client.get(change_url(article)).content.decode()
    assert "<p>Hi</p>" in page
    assert "alert(1)" not in page and "<script>alert(2)" not in page


# Corrections to published items ------------------------------------------------------


def propose_url(article):
    return reverse("admin:newsroom_article_propose_correction", args=[article.pk])


def test_contributor_proposes_a_correction_and_an_editor_publishes_it(client):
    """A contributor corrects a published article: readers keep the published text until
    an editor publishes the correction over it; the log keeps both steps."""
    article = ArticleFactory(title="Wages rise by 6 percent", body="<p>In all regions.</p>")
    writer = staff_user(CONTRIBUTOR, username="lan", first_name="Lan", last_name="Nguyen")
    client.force_login(writer)
    page = client.get(change_url(article)).content.decode()
    assert "Propose a correction" in page
    form = client.get(propose_url(article))
    assert form.status_code == 200
    response = client.post(
        propose_url(article),
        {
            "title_en": "Wages rise by 6 percent in region I",
            "title_vi": article.title_vi or "",
            "standfirst_en": article.standfirst_en or "",
            "standfirst_vi": article.standfirst_vi or "",
            "body_en": "<p>In region I only.</p>",
            "body_vi": article.body_vi or "",
            "correction_note": "The rise is for region I only (decree 74).",
        },
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title == "Wages rise by 6 percent"  # the live text is untouched
    assert client.get(article.get_absolute_url()).content.decode().count("In all regions.") == 1

    editor = staff_user(EDITOR, username="minh")
    client.force_login(editor)
    dashboard = client.get("/admin/").content.decode()
    awaiting = dashboard[dashboard.index("Awaiting review") : dashboard.index("Scheduled next")]
    assert "Wages rise by 6 percent" in awaiting and "Correction to a published" in awaiting
    page = client.get(change_url(article)).content.decode()
    assert "Correction proposed by Lan Nguyen" in page
    assert "The rise is for region I only (decree 74)." in page
    assert "Wages rise by 6 percent in region I" in page
    apply = reverse(
        "admin:newsroom_article_decide_correction",
        args=[article.pk, ProposedCorrection.objects.get().pk, "apply"],
    )
    assert client.post(apply).status_code == 302
    article.refresh_from_db()
    assert article.title == "Wages rise by 6 percent in region I"
    assert article.body_en == "<p>In region I only.</p>"
    assert article.status == Status.PUBLISHED
    actions = list(
        PublishingLog.objects.order_by("at", "pk").values_list("action", "user__username")
    )
    assert actions == [("correction_proposed", "lan"), ("correction_applied", "minh")]
    assert "Correction proposed by" not in client.get(change_url(article)).content.decode()


def test_only_editors_decide_and_contributors_propose_only_on_published_items(client):
    article = ArticleFactory(title="Published")
    writer = staff_user(CONTRIBUTOR, username="lan")
    correction = workflow.propose_correction(
        article, writer, {"title_en": "Corrected"}, "Typo in the title."
    )
    client.force_login(writer)
    apply = reverse(
        "admin:newsroom_article_decide_correction", args=[article.pk, correction.pk, "apply"]
    )
    assert client.post(apply).status_code == 403
    article.refresh_from_db()
    assert article.title == "Published"
    draft = ArticleFactory(draft=True)
    assert client.get(propose_url(draft)).status_code == 403
    with pytest.raises(workflow.PermissionDenied):
        workflow.propose_correction(article, writer, {"slug": "elsewhere"}, "Sneaky")
    client.force_login(staff_user(EDITOR, username="minh"))
    dismiss = reverse(
        "admin:newsroom_article_decide_correction", args=[article.pk, correction.pk, "dismiss"]
    )
    assert client.post(dismiss).status_code == 302
    correction.refresh_from_db()
    assert correction.state == ProposedCorrection.State.DISMISSED
    article.refresh_from_db()
    assert article.title == "Published"


def test_a_correction_that_changes_nothing_is_refused_with_a_message(client):
    article = ArticleFactory(title="Published")
    client.force_login(staff_user(CONTRIBUTOR, username="lan"))
    data = {
        name: getattr(article, name) or "" for name in workflow.correctable_fields(type(article))
    }
    response = client.post(propose_url(article), {**data, "correction_note": "Nothing"})
    assert response.status_code == 200
    assert "Change the text you want corrected first." in response.content.decode()
    assert not ProposedCorrection.objects.exists()
