import datetime
import io

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from events.models import Event
from ilo_office.models import Photo
from ilo_office.pages.models import FeaturedProgramme, FeaturedStory, OfficePage
from ilo_office.publishing import Status
from newsroom.models import Article
from opportunities.models import Opportunity
from programmes.models import Partner, Programme, ProgrammePartner, Theme


def jpeg_bytes(width=64, height=36, colour=(30, 45, 190)):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(buffer, "JPEG")
    return buffer.getvalue()


class PhotoFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Photo

    title = factory.Sequence(lambda n: f"Photo {n}")
    image = factory.LazyFunction(lambda: SimpleUploadedFile("p.jpg", jpeg_bytes(), "image/jpeg"))
    alt_text = "Garment workers at their sewing machines"
    caption = "Workers in a factory in Hanoi."
    credit = "© ILO/A.Santos"


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme

    name = factory.Sequence(lambda n: f"Area of work {n}")


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partner

    name = factory.Sequence(lambda n: f"Partner organisation {n}")
    acronym = factory.Sequence(lambda n: f"PO{n}")
    kind = Partner.Kind.GOVERNMENT


class PublishedFactory(factory.django.DjangoModelFactory):
    """Published an hour ago unless told otherwise."""

    status = Status.PUBLISHED
    publish_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(hours=1))

    class Params:
        draft = factory.Trait(status=Status.DRAFT)
        scheduled = factory.Trait(
            publish_at=factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=1))
        )


class ProgrammeFactory(PublishedFactory):
    class Meta:
        model = Programme

    name = factory.Sequence(lambda n: f"Programme {n}")
    acronym = factory.Sequence(lambda n: f"P{n}")
    summary = "Decent work in the garment sector."
    stage = Programme.Stage.ACTIVE


class ProgrammePartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgrammePartner

    programme = factory.SubFactory(ProgrammeFactory)
    partner = factory.SubFactory(PartnerFactory)


class LinkedContentFactory(PublishedFactory):
    """Content with programmes, themes and partners: `ArticleFactory(programmes=[p])`."""

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    @factory.post_generation
    def programmes(self, create, extracted, **kwargs):
        if create and extracted:
            self.programmes.set(extracted)

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create and extracted:
            self.themes.set(extracted)

    @factory.post_generation
    def partners(self, create, extracted, **kwargs):
        if create and extracted:
            self.partners.set(extracted)


class ArticleFactory(LinkedContentFactory):
    class Meta:
        model = Article

    title = factory.Sequence(lambda n: f"Article number {n}")
    kind = Article.Kind.NEWS
    standfirst = "What happened, in a sentence."
    body = "<p>The body of the article.</p>"


class EventFactory(LinkedContentFactory):
    class Meta:
        model = Event

    title = factory.Sequence(lambda n: f"Event number {n}")
    kind = Event.Kind.WORKSHOP
    start_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=10))
    summary = "A workshop with the social partners."
    city = "Hanoi"
    country = "Viet Nam"


class OpportunityFactory(PublishedFactory):
    """An open vacancy: published an hour ago, closing in two weeks."""

    class Meta:
        model = Opportunity
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"National Project Officer {n}")
    kind = Opportunity.Kind.VACANCY
    reference = factory.Sequence(lambda n: f"ILO/HAN/2026/{n:02d}")
    duty_station = "Hanoi, Viet Nam"
    grade = "NO-B"
    summary = "The office is looking for a national project officer."
    how_to_apply = "Send your application to hanoi@ilo.org."
    opens_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))
    closes_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=14))

    @factory.post_generation
    def programmes(self, create, extracted, **kwargs):
        if create and extracted:
            self.programmes.set(extracted)


class OfficePageFactory(PublishedFactory):
    class Meta:
        model = OfficePage

    title = factory.Sequence(lambda n: f"Office page {n}")
    summary = "About the ILO Country Office for Viet Nam."
    body = "<p>The office opened in Hanoi in 2003.</p>"
    nav_order = factory.Sequence(lambda n: n)


class FeaturedStoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FeaturedStory

    article = factory.SubFactory(ArticleFactory)
    order = factory.Sequence(lambda n: n)


class FeaturedProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FeaturedProgramme

    programme = factory.SubFactory(ProgrammeFactory)
    order = factory.Sequence(lambda n: n)


# Programme hub details (models named as strings: no change to the imports above).
class PlaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "programmes.Place"

    name = factory.Sequence(lambda n: f"Province {n}")
    kind = "province"


class ProgrammePhaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "programmes.ProgrammePhase"

    programme = factory.SubFactory(ProgrammeFactory)
    name = factory.Sequence(lambda n: f"Phase {n}")
    start_date = datetime.date(2023, 1, 1)


class KeyFigureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "programmes.KeyFigure"

    programme = factory.SubFactory(ProgrammeFactory)
    label = factory.Sequence(lambda n: f"Figure {n}")
    value = 29
    as_of = datetime.date(2022, 11, 22)
    source = "Better Work Viet Nam"


class ProgrammeContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "programmes.ProgrammeContact"

    programme = factory.SubFactory(ProgrammeFactory)
    name = factory.Sequence(lambda n: f"Contact person {n}")
    role = "Programme Manager"
    email = "hanoi@ilo.org"


# Back office staff (ilo_office.backoffice.roles): `staff_user("Editor")`.
def staff_user(role=None, username=None, password=None, **fields):
    """An active staff account holding one role (a group), or none when `role` is None.

    Without a password the account has none (hashing one is slow): log in with force_login.
    """
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    user = get_user_model().objects.create_user(
        username or (role or "staff").lower().replace(" ", "-"),
        password=password,
        is_staff=True,
        **fields,
    )
    if role:
        user.groups.add(Group.objects.get(name=role))
    return user


class PublicationFactory(LinkedContentFactory):
    class Meta:
        model = "publications.Publication"

    title = factory.Sequence(lambda n: f"Publication {n}")
    kind = "report"
    summary = "Findings on decent work in Viet Nam."
    authors = "International Labour Organization"
    published_on = datetime.date(2020, 1, 1)
    date_precision = "year"


def publication_file(publication, language="en", lines=("A report on decent work",), **fields):
    """A real (small) PDF attached to `publication`, in `language`."""
    from publications.models import PublicationFile
    from publications.placeholder import minimal_pdf

    upload = SimpleUploadedFile("report.pdf", minimal_pdf([list(lines)]), "application/pdf")
    return PublicationFile.objects.create(
        publication=publication, language=language, file=upload, **fields
    )
