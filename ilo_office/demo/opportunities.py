"""Sample vacancies and calls, so that a first visit shows /opportunities/ at work.

The seeds name no vacancy, internship or call, so these are samples, marked as such
like the sample events (content.sample_events): "Sample:" before the title, a note as
the summary, a reference starting SAMPLE/, and terms of reference that are a generated
placeholder PDF saying on every page that it is one. They are dated from the day the
demo is loaded: three open (closing 2 to 5 weeks later), one closed 10 days before, in
the archive. Later runs keep their dates (the loader never moves what it wrote unless
refreshed), so in time the open ones close by themselves, as real calls do.
"""

import datetime
import zoneinfo

from django.conf import settings
from django.core.files.base import ContentFile
from django.utils import timezone

from ilo_office.demo.content import SAMPLE_PREFIX, SAMPLE_PREFIX_VI
from ilo_office.markup import clean_html
from ilo_office.publishing import Status
from opportunities.models import Opportunity
from publications.placeholder import minimal_pdf

SAMPLE_NOTE = (
    "A sample notice of the demo site, dated from the day the demo was loaded: "
    "not a real ILO vacancy, internship or call."
)
SAMPLE_NOTE_VI = (
    "Thông báo mẫu của trang minh họa, được xếp lịch tính từ ngày nạp dữ liệu minh họa: "
    "không phải là vị trí tuyển dụng, thực tập hay lời mời thật của ILO."
)
HOW_TO_APPLY = (
    "This is a sample: do not apply. A real notice says here what to send, to whom and by "
    "when, quoting its reference number."
)
HOW_TO_APPLY_VI = (
    "Đây là thông báo mẫu: xin đừng nộp hồ sơ. Thông báo thật ghi ở đây cần gửi gì, gửi cho "
    "ai và hạn chót, kèm số tham chiếu."
)


def sample_opportunities(today):
    """The samples' specs, with opening and closing times (Hanoi) counted from `today`."""
    hanoi = zoneinfo.ZoneInfo(settings.TIME_ZONE)

    def at(days, hour):
        moment = datetime.datetime.combine(today + datetime.timedelta(days=days), datetime.time())
        return moment.replace(hour=hour, tzinfo=hanoi)

    specs = [
        {
            "slug": "sample-national-project-officer-labour-market-governance",
            "title": "National Project Officer, labour market governance",
            "title_vi": "Cán bộ dự án quốc gia về quản trị thị trường lao động",
            "kind": Opportunity.Kind.VACANCY,
            "reference": "SAMPLE/HAN/VAC/01",
            "grade": "NO-B, fixed-term",
            "duty_station": "Hanoi, Viet Nam",
            "duty_station_vi": "Hà Nội, Việt Nam",
            "opens_at": at(-7, 8),
            "closes_at": at(21, 17),
            "description": "<p>Sample description: the duties, the qualifications asked and "
            "what the project does.</p>",
            "themes": ["labour-market-governance"],
        },
        {
            "slug": "sample-internship-communication-and-media",
            "title": "Internship in communication and media",
            "title_vi": "Thực tập về truyền thông và báo chí",
            "kind": Opportunity.Kind.INTERNSHIP,
            "reference": "SAMPLE/HAN/INT/01",
            "grade": "Internship, 3 to 6 months",
            "duty_station": "Hanoi, Viet Nam",
            "duty_station_vi": "Hà Nội, Việt Nam",
            "opens_at": at(-3, 8),
            "closes_at": at(30, 17),
            "description": "<p>Sample description: what an intern in the communication "
            "team does and learns.</p>",
        },
        {
            "slug": "sample-call-for-proposals-garment-sector-working-conditions",
            "title": "Call for proposals: a study of working conditions in garment factories",
            "title_vi": "Mời đề xuất: nghiên cứu về điều kiện làm việc trong nhà máy may mặc",
            "kind": Opportunity.Kind.CALL_FOR_PROPOSALS,
            "reference": "SAMPLE/HAN/CFP/01",
            "opens_at": at(-1, 9),
            "closes_at": at(14, 17),
            "description": "<p>Sample description: the study asked for, who may propose and "
            "how proposals are chosen.</p>",
            "programmes": ["better-work-viet-nam"],
        },
        {
            "slug": "sample-closed-call-for-proposals-social-insurance-survey",
            "title": "Call for proposals: a survey of social insurance for informal workers",
            "title_vi": ("Mời đề xuất: khảo sát về bảo hiểm xã hội cho lao động phi chính thức"),
            "kind": Opportunity.Kind.CALL_FOR_PROPOSALS,
            "reference": "SAMPLE/HAN/CFP/00",
            "opens_at": at(-40, 9),
            "closes_at": at(-10, 17),
            "description": "<p>Sample description of a call that has closed: it stays in "
            "the archive of closed calls.</p>",
            "themes": ["social-protection-and-social-security"],
        },
    ]
    for spec in specs:
        spec["title"] = SAMPLE_PREFIX + spec["title"]
        spec["title_vi"] = SAMPLE_PREFIX_VI + spec["title_vi"]
        spec["summary"] = SAMPLE_NOTE
        spec["summary_vi"] = SAMPLE_NOTE_VI
        spec["how_to_apply"] = HOW_TO_APPLY
        spec["how_to_apply_vi"] = HOW_TO_APPLY_VI
        # Stored as the model stores it, so a refresh finds nothing to change.
        spec["description"] = clean_html(spec["description"])
    return specs


def placeholder_terms(spec):
    """A PDF that says on every page it stands in for real terms of reference."""
    title = spec["title"].encode("ascii", "replace").decode("ascii")
    return minimal_pdf(
        [
            [
                "PLACEHOLDER - NOT REAL TERMS OF REFERENCE",
                "",
                title[:60],
                f"Reference: {spec['reference']}",
                "",
                "This file stands in for the terms of reference in the demo content.",
                "It is not an ILO document: do not apply on its basis.",
            ]
        ]
    )


def load_sample_opportunities(loader, programmes, themes):
    """Each sample, created once with its placeholder PDF; `loader` keeps staff's edits."""
    for spec in sample_opportunities(timezone.localdate(loader.now)):
        values = {
            key: value for key, value in spec.items() if key not in ("slug", "programmes", "themes")
        }
        values.update(status=Status.PUBLISHED, publish_at=spec["opens_at"])

        def attach(call, spec=spec):
            call.terms_of_reference = ContentFile(
                placeholder_terms(spec), name=f"{spec['slug']}-terms-placeholder.pdf"
            )

        with loader.item(Opportunity, {"slug": spec["slug"]}, values, prepare=attach) as (
            call,
            write,
        ):
            if write:
                loader.set_m2m(
                    call, "programmes", [programmes.get(s) for s in spec.get("programmes", [])]
                )
                loader.set_m2m(call, "themes", [themes.get(s) for s in spec.get("themes", [])])
