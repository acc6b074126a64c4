"""Volume data: decades of realistic content, to measure and prove the site at scale.

`generate()` fills the database with tens of thousands of published articles and
events over 25 years, programmes, partners, themes, shared photos, reads and
revisions, plus a small share of drafts, items in review, scheduled and expired ones
(so that a page leaking hidden content shows it at volume too).

Deterministic: the same seed on the same office day gives the same content (each
part draws from its own `random.Random`, so the links never shift the texts). Dates
are counted back from midnight of today in office time, so every "published" item
is already public whenever in the day the command runs.

Recognisable and replaceable: every generated row has a slug starting with "vol-"
(photos: a title starting with "vol: "). A run first deletes the rows an earlier run
generated, and nothing else: staff and demo content stay as they are. Deleting goes
by set-based SQL, not Model.delete(): the content-generation signals would otherwise
load and signal tens of thousands of rows one by one.

Fast: rows are built in memory and inserted with bulk_create in batches, inside one
transaction; save() is never called per row, so this module does by hand what save()
does (sanitised HTML, search columns, slugs, an event's month window, iCalendar UIDs).
"""

import datetime
import io
import random
import time
import uuid
import zoneinfo
from collections import Counter

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.files.base import ContentFile
from django.db import connection, models, router, transaction
from django.db.models import CharField, F, Prefetch
from django.db.models.functions import Cast
from django.utils import translation
from PIL import Image, ImageDraw
from reversion.models import Revision, Version

from events.models import Event, last_day_of_period
from ilo_office.cache import bump_on_commit
from ilo_office.markup import clean_html_field
from ilo_office.models import Photo
from ilo_office.publishing import Status, office_today
from ilo_office.text import slugify_vi
from newsroom.models import Article, ArticlePhoto, DailyReads
from programmes.models import Partner, Programme, ProgrammePartner, Theme

PREFIX = "vol-"
PHOTO_PREFIX = "vol: "
BATCH = 2000
DAYS_BACK = round(25 * 365.25)
HIDDEN_SHARE = 0.01  # drafts, in review, scheduled, expired: a quarter each
UPCOMING_SHARE = 0.03
VIETNAMESE_SHARE = 1 / 3
REVISED_SHARE = 0.02
PHOTO_POOL = 40
THEMES_TO_CREATE = 10
READS_DAYS = 45  # articles this recent get daily reads, so "most read" has data

# -- Vocabulary: (English, Vietnamese) ------------------------------------------------

TOPICS = [
    ("child labour", "lao động trẻ em"),
    ("social insurance", "bảo hiểm xã hội"),
    ("the minimum wage", "lương tối thiểu"),
    ("migrant workers", "lao động di cư"),
    ("occupational safety and health", "an toàn, vệ sinh lao động"),
    ("working conditions in garment factories", "điều kiện làm việc trong nhà máy may mặc"),
    ("gender equality at work", "bình đẳng giới tại nơi làm việc"),
    ("skills development", "phát triển kỹ năng"),
    ("industrial relations", "quan hệ lao động"),
    ("decent work", "việc làm bền vững"),
    ("forced labour", "lao động cưỡng bức"),
    ("green jobs", "việc làm xanh"),
    ("youth employment", "việc làm cho thanh niên"),
    ("the Labour Code", "Bộ luật Lao động"),
    ("collective bargaining", "thương lượng tập thể"),
    ("unemployment insurance", "bảo hiểm thất nghiệp"),
    ("domestic workers", "lao động giúp việc gia đình"),
    ("the informal economy", "khu vực kinh tế phi chính thức"),
    ("labour inspection", "thanh tra lao động"),
    ("social dialogue", "đối thoại xã hội"),
]
PLACES = [
    ("Hanoi", "Hà Nội"),
    ("Ho Chi Minh City", "Thành phố Hồ Chí Minh"),
    ("Da Nang", "Đà Nẵng"),
    ("Hai Phong", "Hải Phòng"),
    ("Can Tho", "Cần Thơ"),
    ("Dong Nai", "Đồng Nai"),
    ("Binh Duong", "Bình Dương"),
    ("Long An", "Long An"),
    ("Bac Ninh", "Bắc Ninh"),
    ("Bac Giang", "Bắc Giang"),
    ("Hai Duong", "Hải Dương"),
    ("Hung Yen", "Hưng Yên"),
    ("Nam Dinh", "Nam Định"),
    ("Thai Binh", "Thái Bình"),
    ("Thanh Hoa", "Thanh Hóa"),
    ("Nghe An", "Nghệ An"),
    ("Ha Tinh", "Hà Tĩnh"),
    ("Quang Nam", "Quảng Nam"),
    ("Quang Ngai", "Quảng Ngãi"),
    ("Binh Dinh", "Bình Định"),
    ("Khanh Hoa", "Khánh Hòa"),
    ("Lam Dong", "Lâm Đồng"),
    ("Dak Lak", "Đắk Lắk"),
    ("Gia Lai", "Gia Lai"),
    ("Lao Cai", "Lào Cai"),
    ("Ha Giang", "Hà Giang"),
    ("Dien Bien", "Điện Biên"),
    ("Son La", "Sơn La"),
    ("Quang Ninh", "Quảng Ninh"),
    ("Tay Ninh", "Tây Ninh"),
    ("An Giang", "An Giang"),
    ("Kien Giang", "Kiên Giang"),
    ("Ca Mau", "Cà Mau"),
    ("Ben Tre", "Bến Tre"),
    ("Vinh Long", "Vĩnh Long"),
    ("Thai Nguyen", "Thái Nguyên"),
]
ACTORS = [
    ("MOLISA", "Bộ Lao động - Thương binh và Xã hội"),
    ("VGCL", "Tổng Liên đoàn Lao động Việt Nam"),
    ("VCCI", "Liên đoàn Thương mại và Công nghiệp Việt Nam"),
    ("the Ministry of Home Affairs", "Bộ Nội vụ"),
    ("Viet Nam Social Security", "Bảo hiểm xã hội Việt Nam"),
    ("the Viet Nam Cooperative Alliance", "Liên minh Hợp tác xã Việt Nam"),
    ("VITAS", "Hiệp hội Dệt may Việt Nam"),
    ("Better Work Viet Nam", "Better Work Việt Nam"),
]
SECTORS = [
    ("the garment sector", "ngành may mặc"),
    ("electronics", "ngành điện tử"),
    ("footwear", "ngành da giày"),
    ("agriculture", "nông nghiệp"),
    ("construction", "ngành xây dựng"),
    ("fisheries", "ngành thủy sản"),
    ("tourism", "ngành du lịch"),
    ("the platform economy", "kinh tế nền tảng"),
]
DATELINES = ["HANOI"] * 6 + ["HO CHI MINH CITY"] * 3 + ["DA NANG", "GENEVA", "BANGKOK"]
OUTLETS = [
    ("Viet Nam News", "https://vietnamnews.vn/society/"),
    ("Hanoi Times", "https://hanoitimes.vn/"),
    ("VnExpress International", "https://e.vnexpress.net/news/news/"),
    ("Tuoi Tre News", "https://tuoitrenews.vn/news/society/"),
    ("Vietnam Investment Review", "https://vir.com.vn/"),
]

SENTENCES_EN = [
    "{Actor} and the ILO agreed to step up their work on {topic} in {place}.",
    "More than {n} workers in {sector} are expected to benefit from the changes.",
    "{country} has ratified several ILO conventions that bear on {topic}.",
    "Participants from {actor}, employers' and workers' organisations shared their "
    "experience of {topic}.",
    "The new survey covers {n} enterprises in {place} and neighbouring provinces.",
    "Better Work Viet Nam advisers visited garment factories in {place} to assess "
    "compliance with the Labour Code.",
    "Migrant workers from {place} often lack access to social insurance and decent housing.",
    "The minimum wage is reviewed every year by the National Wage Council, where the VGCL "
    "and VCCI sit with MOLISA.",
    "Social dialogue at the workplace helps factories reduce overtime and raise productivity.",
    "Child labour remains a concern in agriculture and household businesses, the report found.",
    "The ILO Country Director said that {topic} is central to a just transition for {country}.",
    "Women make up most of the workforce in {sector}, where {topic} matters most.",
    "The project will train {n} labour inspectors and trade union officials in {place}.",
    "Young people in {place} will be able to join vocational courses in {sector}.",
    "Employers represented by the VCCI welcomed the recommendations on {topic}.",
    "The workshop in {place} closed with recommendations for the next revision of the law.",
    "Since {year}, the programme has worked with {n} enterprises across {country}.",
    "Workers interviewed in {place} described long hours and low pay in {sector}.",
    "The findings will inform the national action programme on {topic} to {year2}.",
    "Trade unions in {place} have set up {n} new grassroots unions in {sector}.",
]
SENTENCES_VI = [
    "{actor} và ILO thống nhất đẩy mạnh hợp tác về {topic} tại {place}.",
    "Hơn {n} người lao động trong {sector} sẽ được hưởng lợi từ những thay đổi này.",
    "Đại diện {actor}, tổ chức của người sử dụng lao động và người lao động đã chia sẻ "
    "kinh nghiệm về {topic}.",
    "Khảo sát mới được thực hiện tại {n} doanh nghiệp ở {place} và các tỉnh lân cận.",
    "Các chuyên gia của Better Work Việt Nam đã làm việc với các nhà máy may mặc tại {place}.",
    "Lao động di cư từ {place} thường gặp khó khăn khi tham gia bảo hiểm xã hội.",
    "Lương tối thiểu được điều chỉnh hằng năm theo khuyến nghị của Hội đồng Tiền lương Quốc gia.",
    "Đối thoại xã hội tại nơi làm việc giúp doanh nghiệp giảm làm thêm giờ và tăng năng suất.",
    "Theo báo cáo, lao động trẻ em vẫn còn tồn tại trong nông nghiệp và các hộ kinh doanh.",
    "Giám đốc ILO tại Việt Nam nhấn mạnh rằng {topic} là trọng tâm của chuyển đổi công bằng.",
    "Dự án sẽ đào tạo {n} thanh tra lao động và cán bộ công đoàn tại {place}.",
    "Hội thảo tại {place} đã đưa ra nhiều khuyến nghị về {topic}.",
    "Từ năm {year}, chương trình đã hợp tác với {n} doanh nghiệp trên khắp Việt Nam.",
    "Người lao động tại {place} cho biết họ phải làm việc nhiều giờ trong {sector}.",
]
TITLES_EN = {
    Article.Kind.NEWS: [
        "{Topic} in focus at a workshop in {place}",
        "{Actor} and the ILO discuss {topic}",
        "Workers in {place} learn about {topic}",
        "{country} moves forward on {topic}",
        "Better Work Viet Nam reports progress on {topic}",
    ],
    Article.Kind.PRESS_RELEASE: [
        "ILO and {actor} launch a new project on {topic}",
        "New ILO report on {topic} in {country}",
        "ILO welcomes {country}'s decision on {topic}",
    ],
    Article.Kind.FEATURE: [
        "How {topic} is changing lives in {place}",
        "From the factory floor: {topic} in {place}",
        "Voices from {place}: {topic} in {sector}",
    ],
    Article.Kind.STATEMENT: [
        "Statement by the ILO Country Director on {topic}",
        "Remarks at the national forum on {topic}",
        "Opening speech: {topic} and the future of work in {country}",
    ],
    Article.Kind.COVERAGE: [
        "{country} steps up efforts on {topic}",
        "{Topic}: what changes for workers in {year}",
        "Experts in {place} call for action on {topic}",
    ],
}
TITLES_VI = [
    "ILO và {actor} thảo luận về {topic}",
    "{Topic} tại {place}: những bước tiến mới",
    "Báo cáo mới của ILO về {topic} ở Việt Nam",
    "Hội thảo về {topic} tại {place}",
    "Phát biểu của Giám đốc ILO Việt Nam về {topic}",
]
EVENT_TITLES_EN = {
    Event.Kind.MEETING: "Meeting of the project advisory board on {topic}",
    Event.Kind.WORKSHOP: "Workshop on {topic} in {place}",
    Event.Kind.WEBINAR: "Webinar: {topic} and the future of work",
    Event.Kind.TRAINING: "Training for labour inspectors on {topic}",
    Event.Kind.CONSULTATION: "Tripartite consultation on {topic}",
    Event.Kind.CONFERENCE: "National conference on {topic}",
    Event.Kind.STUDY_VISIT: "Study visit to {place} on {topic}",
    Event.Kind.BOOK_LAUNCH: "Launch of the report on {topic} in {country}",
    Event.Kind.SURVEY: "Field survey on {topic} in {place}",
    Event.Kind.CAMPAIGN: "Campaign week on {topic}",
    Event.Kind.OTHER: "Forum on {topic} in {place}",
}
EVENT_TITLES_VI = [
    "Hội thảo về {topic} tại {place}",
    "Hội thảo trực tuyến: {topic}",
    "Tham vấn ba bên về {topic}",
    "Tập huấn về {topic} tại {place}",
    "Ra mắt báo cáo về {topic}",
]
HEADINGS = [("Background", "Bối cảnh"), ("Next steps", "Các bước tiếp theo")]
VENUES = [
    ("Melia Hotel", "Hanoi"),
    ("Sheraton Saigon Hotel", "Ho Chi Minh City"),
    ("ILO Country Office for Viet Nam", "Hanoi"),
    ("Novotel Danang Premier Han River", "Da Nang"),
    ("Provincial People's Committee", None),
    ("Trade Union Cultural Palace", "Hanoi"),
]
TIME_ZONES = ["Asia/Ho_Chi_Minh"] * 8 + ["Asia/Bangkok", "Europe/Zurich"]

PARTNERS = [
    ("Ministry of Labour, Invalids and Social Affairs", "Bộ Lao động - Thương binh và Xã hội",
     "MOLISA", Partner.Kind.GOVERNMENT),
    ("Viet Nam General Confederation of Labour", "Tổng Liên đoàn Lao động Việt Nam", "VGCL",
     Partner.Kind.WORKERS),
    ("Viet Nam Chamber of Commerce and Industry",
     "Liên đoàn Thương mại và Công nghiệp Việt Nam", "VCCI", Partner.Kind.EMPLOYERS),
    ("Viet Nam Cooperative Alliance", "Liên minh Hợp tác xã Việt Nam", "VCA",
     Partner.Kind.EMPLOYERS),
    ("Ministry of Home Affairs", "Bộ Nội vụ", "MOHA", Partner.Kind.GOVERNMENT),
    ("Viet Nam Social Security", "Bảo hiểm xã hội Việt Nam", "VSS", Partner.Kind.GOVERNMENT),
    ("General Statistics Office", "Tổng cục Thống kê", "GSO", Partner.Kind.GOVERNMENT),
    ("Viet Nam Textile and Apparel Association", "Hiệp hội Dệt may Việt Nam", "VITAS",
     Partner.Kind.EMPLOYERS),
    ("Viet Nam Women's Union", "Hội Liên hiệp Phụ nữ Việt Nam", "VWU", Partner.Kind.RESEARCH),
    ("UNICEF Viet Nam", "Quỹ Nhi đồng Liên Hợp Quốc tại Việt Nam", "UNICEF",
     Partner.Kind.UN_AGENCY),
    ("UN Women Viet Nam", "Cơ quan Liên Hợp Quốc về Bình đẳng giới", "UN Women",
     Partner.Kind.UN_AGENCY),
    ("International Organization for Migration", "Tổ chức Di cư Quốc tế", "IOM",
     Partner.Kind.UN_AGENCY),
    ("United Nations Development Programme", "Chương trình Phát triển Liên Hợp Quốc", "UNDP",
     Partner.Kind.UN_AGENCY),
    ("Australian Department of Foreign Affairs and Trade",
     "Bộ Ngoại giao và Thương mại Australia", "DFAT", Partner.Kind.DONOR),
    ("United States Department of Labor", "Bộ Lao động Hoa Kỳ", "USDOL", Partner.Kind.DONOR),
    ("Government of Japan", "Chính phủ Nhật Bản", "", Partner.Kind.DONOR),
    ("European Union", "Liên minh châu Âu", "EU", Partner.Kind.DONOR),
    ("Korea International Cooperation Agency", "Cơ quan Hợp tác Quốc tế Hàn Quốc", "KOICA",
     Partner.Kind.DONOR),
    ("Swiss State Secretariat for Economic Affairs", "Cục Kinh tế Liên bang Thụy Sĩ", "SECO",
     Partner.Kind.DONOR),
    ("Institute of Labour Science and Social Affairs", "Viện Khoa học Lao động và Xã hội",
     "ILSSA", Partner.Kind.RESEARCH),
]  # fmt: skip
PARTNER_PATTERNS = [
    ("{p} Department of Labour, Invalids and Social Affairs",
     "Sở Lao động - Thương binh và Xã hội {v}", Partner.Kind.GOVERNMENT),
    ("{p} Federation of Labour", "Liên đoàn Lao động {v}", Partner.Kind.WORKERS),
    ("{p} Business Association", "Hiệp hội Doanh nghiệp {v}", Partner.Kind.EMPLOYERS),
    ("{p} Vocational College", "Trường Cao đẳng nghề {v}", Partner.Kind.RESEARCH),
    ("{p} Women's Union", "Hội Liên hiệp Phụ nữ {v}", Partner.Kind.RESEARCH),
    ("{p} Garment Joint Stock Company", "Công ty Cổ phần May {v}", Partner.Kind.OTHER),
    ("{p} Employment Service Centre", "Trung tâm Dịch vụ việc làm {v}",
     Partner.Kind.GOVERNMENT),
    ("{p} Farmers' Union", "Hội Nông dân {v}", Partner.Kind.RESEARCH),
    ("{p} Cooperative Alliance", "Liên minh Hợp tác xã {v}", Partner.Kind.EMPLOYERS),
    ("{p} Youth Union", "Đoàn Thanh niên {v}", Partner.Kind.RESEARCH),
    ("{p} Social Security", "Bảo hiểm xã hội {v}", Partner.Kind.GOVERNMENT),
]  # fmt: skip
PROGRAMMES = [
    ("Better Work Viet Nam", "Better Work Việt Nam", "BWV",
     "Improving working conditions in garment factories"),
    ("Elimination of Child Labour", "Xóa bỏ lao động trẻ em", "ECL",
     "Keeping children in school and out of work"),
    ("Social Insurance Reform", "Cải cách bảo hiểm xã hội", "SIR",
     "Social insurance for every worker"),
    ("Industrial Relations Programme", "Chương trình Quan hệ lao động", "IRP",
     "Sound industrial relations through dialogue"),
    ("Safety and Health at Work", "An toàn và sức khỏe tại nơi làm việc", "OSH",
     "Safer workplaces in construction and manufacturing"),
    ("Safe and Fair Migration", "Di cư an toàn và công bằng", "SAFE",
     "Protecting migrant workers before, during and after work abroad"),
    ("Green Jobs and Just Transition", "Việc làm xanh và chuyển đổi công bằng", "GREEN",
     "Decent work in a low-carbon economy"),
    ("Skills for Youth Employment", "Kỹ năng cho việc làm của thanh niên", "SKILLS",
     "Vocational training that leads to jobs"),
    ("Gender Equality at Work", "Bình đẳng giới tại nơi làm việc", "GEW",
     "Equal pay and freedom from harassment"),
    ("Minimum Wage Policy Support", "Hỗ trợ chính sách tiền lương tối thiểu", "WAGE",
     "Evidence for the National Wage Council"),
    ("Labour Code Implementation", "Thực thi Bộ luật Lao động", "LCI",
     "Putting the 2019 Labour Code into practice"),
    ("Forced Labour Prevention", "Phòng ngừa lao động cưỡng bức", "FLP",
     "Fair recruitment and free choice of work"),
    ("Unemployment Insurance Modernisation", "Hiện đại hóa bảo hiểm thất nghiệp", "UIM",
     "Income security between jobs"),
    ("Domestic Workers' Rights", "Quyền của lao động giúp việc gia đình", "DWR",
     "Recognising work in the home"),
    ("Informal Economy Formalisation", "Chính thức hóa khu vực phi chính thức", "IEF",
     "Bringing informal workers into protection"),
]  # fmt: skip
THEMES = [
    ("Employment and skills", "Việc làm và kỹ năng", False),
    ("Social protection", "Bảo trợ xã hội", False),
    ("Child labour and forced labour", "Lao động trẻ em và lao động cưỡng bức", False),
    ("Labour migration", "Di cư lao động", False),
    ("Working conditions and wages", "Điều kiện làm việc và tiền lương", False),
    ("Occupational safety and health", "An toàn, vệ sinh lao động", False),
    ("Green jobs and just transition", "Việc làm xanh và chuyển đổi công bằng", False),
    ("Social dialogue", "Đối thoại xã hội", True),
    ("International labour standards", "Tiêu chuẩn lao động quốc tế", True),
    ("Gender equality and non-discrimination", "Bình đẳng giới và không phân biệt đối xử",
     True),
]  # fmt: skip
CORRECTIONS = [
    "Corrected a figure in the third paragraph.",
    "Added the Vietnamese version.",
    "Updated the media contact.",
    "Fixed the spelling of a partner's name.",
]
NUMBERS = (30, 45, 120, 250, 400, 1200, 5000, 20000)
HIDDEN_STATES = ("draft", "review", "scheduled", "expired")
PUBLISHED = "published"


def _share(count, share, minimum=1):
    """At least `minimum` (when there is any content at all), else `share` of `count`."""
    return max(minimum, round(count * share)) if count else 0


def _cap(text):
    return text[:1].upper() + text[1:]


class Generator:
    def __init__(self, *, articles, events, programmes, partners, seed, stdout):
        self.counts = {
            "articles": articles,
            "events": events,
            "programmes": programmes,
            "partners": partners,
        }
        self.seed = seed
        self.stdout = stdout
        self.zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
        self.today = office_today()
        # Every date is counted from this moment, not from now: same seed, same day,
        # same content, and whatever is "published" is already public.
        self.midnight = datetime.datetime.combine(self.today, datetime.time(), tzinfo=self.zone)
        self.created = Counter()
        self.storage_names = set()

    def rng(self, part):
        # One stream per part, seeded by a string (hashed the same way in every process).
        return random.Random(f"{self.seed}:{part}")  # noqa: S311 - test data, not secrets

    def say(self, message):
        if self.stdout is not None:
            self.stdout.write(message + "\n" if not message.endswith("\n") else message)

    # -- Words ------------------------------------------------------------------------

    def words(self, rng, *, vietnamese=False):
        """Slot values for one item: its topic, place, actor and the rest, in one language."""
        i = 1 if vietnamese else 0
        topic, place, actor, sector = (
            rng.choice(TOPICS),
            rng.choice(PLACES[:12] if rng.random() < 0.7 else PLACES),
            rng.choice(ACTORS),
            rng.choice(SECTORS),
        )
        year = self.today.year - rng.randrange(0, 25)
        country = "Việt Nam" if vietnamese or rng.random() < 0.15 else "Viet Nam"
        return {
            "topic": topic[i],
            "Topic": _cap(topic[i]),
            "place": place[i],
            "actor": actor[i],
            "Actor": _cap(actor[i]),
            "sector": sector[i],
            "country": country,
            "n": rng.choice(NUMBERS),
            "year": year,
            "year2": year + 5,
        }

    def paragraphs(self, rng, slots, count, *, vietnamese=False):
        sentences = SENTENCES_VI if vietnamese else SENTENCES_EN
        # One shuffled order per text, so that a sentence comes back only once all were used.
        order = rng.sample(sentences, len(sentences))
        parts, used = [], 0
        for k in range(count):
            if k == 2 and rng.random() < 0.5:
                parts.append(f"<h2>{HEADINGS[rng.randrange(2)][1 if vietnamese else 0]}</h2>")
            local = {**slots, "n": rng.choice(NUMBERS)}
            size = rng.randint(3, 5)
            chosen = [order[(used + j) % len(order)] for j in range(size)]
            used += size
            parts.append("<p>" + " ".join(s.format(**local) for s in chosen) + "</p>")
        return "".join(parts)

    def when(self, rng, days_back_max=DAYS_BACK, days_back_min=1):
        """A moment in office hours, between `days_back_min` and `days_back_max` days ago."""
        days = rng.randint(days_back_min, days_back_max)
        minutes = rng.randrange(8 * 60, 18 * 60)
        return self.midnight - datetime.timedelta(days=days) + datetime.timedelta(minutes=minutes)

    def visibility(self, rng, state, publish_at):
        """(status, publish_at, unpublish_at) for an item in `state`."""
        if state == "draft":
            return Status.DRAFT, publish_at, None
        if state == "review":
            return Status.REVIEW, publish_at, None
        if state == "scheduled":
            ahead = datetime.timedelta(days=rng.randint(1, 90), minutes=rng.randrange(480, 1080))
            return Status.PUBLISHED, self.midnight + ahead, None
        if state == "expired":
            span = (self.midnight - publish_at).total_seconds()
            gone = publish_at + datetime.timedelta(seconds=rng.uniform(0.2, 0.9) * span)
            return Status.PUBLISHED, publish_at, gone
        return Status.PUBLISHED, publish_at, None

    @staticmethod
    def states(count):
        """`count` published items, then the hidden share cycling through the hidden states."""
        hidden = _share(count, HIDDEN_SHARE, minimum=len(HIDDEN_STATES))
        return [PUBLISHED] * count + [HIDDEN_STATES[k % 4] for k in range(hidden)]

    # -- Steps ------------------------------------------------------------------------

    def run(self):
        started = time.monotonic()
        with translation.override(settings.LANGUAGE_CODE), transaction.atomic():
            removed = purge()
            if removed:
                self.say(f"Removed {removed} rows from an earlier run.")
            self.photos = self.make_photos()
            self.themes = self.find_themes()
            self.partners = self.make_partners()
            self.programmes = self.make_programmes()
            self.links = self.rng("links")
            self.make_articles()
            self.make_events()
            backdate_changes()
            bump_on_commit()
        analyze()
        self.seconds = time.monotonic() - started
        self.say(self.summary())
        return self

    def summary(self):
        parts = ", ".join(f"{n} {label}" for label, n in self.created.items())
        return f"Volume data generated in {self.seconds:.1f} s: {parts}."

    def insert(self, model, rows, label=None):
        rows = model._default_manager.bulk_create(rows, batch_size=BATCH)
        self.created[label or str(model._meta.verbose_name_plural)] += len(rows)
        return rows

    def make_photos(self):
        rng = self.rng("photos")
        model = Photo(
            title=f"{PHOTO_PREFIX}photo 1",
            alt_text_en="Garment workers at their sewing machines in a factory in Hanoi",
            alt_text_vi="Công nhân may làm việc tại một nhà máy ở Hà Nội",
            caption="Workers in a garment factory in Hanoi.",
            credit="© ILO/Volume data",
        )
        # One real upload with renditions; the other photos share its files.
        model.image.save("vol-photo.jpg", ContentFile(_jpeg()), save=False)
        model.save()
        self.created["photos"] += 1
        others = []
        for i in range(2, PHOTO_POOL + 1):
            topic, place = rng.choice(TOPICS), rng.choice(PLACES)
            others.append(
                Photo(
                    title=f"{PHOTO_PREFIX}photo {i}",
                    image=model.image.name,
                    width=model.width,
                    height=model.height,
                    alt_text_en=f"Workers in {place[0]}, photographed for a story on {topic[0]}",
                    alt_text_vi=f"Người lao động tại {place[1]}" if i % 3 == 0 else "",
                    caption=f"{_cap(topic[0])} in {place[0]}.",
                    credit="© ILO/Volume data",
                    renditions=model.renditions,
                    renditions_of=model.renditions_of,
                )
            )
        return [model, *self.insert(Photo, others)]

    def find_themes(self):
        """Staff's or the demo's areas of work when there are any, else ten of our own."""
        themes = list(Theme.objects.exclude(slug__startswith=PREFIX).order_by("slug"))
        if themes:
            return themes
        rows = []
        for order, (name, name_vi, cross) in enumerate(THEMES[:THEMES_TO_CREATE]):
            theme = Theme(
                slug=f"{PREFIX}{slugify_vi(name)}",
                name_en=name,
                name_vi=name_vi,
                is_cross_cutting=cross,
                summary_en=f"What the ILO does in Viet Nam on {name.lower()}.",
                order=order,
            )
            rows.append(theme)
        return self.insert(Theme, rows)

    def make_partners(self):
        rng = self.rng("partners")
        count = self.counts["partners"]
        specs = list(PARTNERS)
        patterned = [
            (en.format(p=p), vi.format(v=v), "", kind)
            for (p, v) in PLACES
            for (en, vi, kind) in PARTNER_PATTERNS
        ]
        rng.shuffle(patterned)
        specs += patterned
        rows = []
        for i in range(count):
            name, name_vi, acronym, kind = specs[i % len(specs)]
            if i >= len(specs):
                # More partners asked for than names: a numbered branch keeps names unique.
                name, name_vi = f"{name}, branch {i // len(specs) + 1}", name_vi
            rows.append(
                Partner(
                    slug=f"{PREFIX}{slugify_vi(acronym or name, 150)}-{i}",
                    name_en=name,
                    name_vi=name_vi,
                    acronym=acronym,
                    kind=kind,
                    website=f"https://example.org/partner-{i}" if rng.random() < 0.5 else "",
                    summary_en=f"{name} works with the ILO on {rng.choice(TOPICS)[0]}.",
                    summary_vi=f"{name_vi} hợp tác với ILO." if rng.random() < 0.3 else "",
                )
            )
        return self.insert(Partner, rows)

    def make_programmes(self):
        rng = self.rng("programmes")
        count = self.counts["programmes"]
        rows, names = [], set()
        for i in range(count):
            name, name_vi, acronym, tagline = PROGRAMMES[i % len(PROGRAMMES)]
            if i >= len(PROGRAMMES):
                place = PLACES[(i * 7) % len(PLACES)]
                name, name_vi = f"{name} in {place[0]}", f"{name_vi} tại {place[1]}"
                acronym = f"{acronym}-{i}"
            while name in names:
                name = f"{name} (phase {i})"
            names.add(name)
            slots = self.words(rng)
            start = self.today - datetime.timedelta(days=rng.randint(30, DAYS_BACK))
            stage = rng.choice(
                [Programme.Stage.ACTIVE] * 3 + [Programme.Stage.CLOSED, Programme.Stage.PIPELINE]
            )
            end = None
            if stage == Programme.Stage.CLOSED:
                end = min(start + datetime.timedelta(days=rng.randint(365, 2000)), self.today)
            elif stage == Programme.Stage.ACTIVE:
                end = self.today + datetime.timedelta(days=rng.randint(60, 1500))
            vietnamese = rng.random() < VIETNAMESE_SHARE
            programme = Programme(
                slug=f"{PREFIX}{slugify_vi(name, 150)}-{i}",
                name_en=name,
                name_vi=name_vi if vietnamese else "",
                acronym=acronym,
                tagline_en=tagline,
                summary_en=f"The programme works on {slots['topic']} with {slots['actor']}.",
                summary_vi=f"Chương trình về {TOPICS[i % len(TOPICS)][1]}." if vietnamese else "",
                description_en=self.paragraphs(rng, slots, 4),
                description_vi=(
                    self.paragraphs(rng, self.words(rng, vietnamese=True), 3, vietnamese=True)
                    if vietnamese
                    else ""
                ),
                stage=stage,
                start_date=start,
                end_date=end,
                website=f"https://www.ilo.org/vietnam/programme-{i}" if i % 2 else "",
                photo=rng.choice(self.photos) if rng.random() < 0.8 else None,
                status=Status.PUBLISHED,
                publish_at=datetime.datetime.combine(
                    min(start, self.today - datetime.timedelta(days=1)),
                    datetime.time(9),
                    tzinfo=self.zone,
                ),
            )
            prepare(programme)
            rows.append(programme)
        programmes = self.insert(Programme, rows)
        links = self.rng("programme-links")
        theme_rows, partner_rows = [], []
        roles = list(ProgrammePartner.Role)
        for programme in programmes:
            for theme in links.sample(self.themes, min(len(self.themes), links.randint(1, 3))):
                theme_rows.append(
                    Programme.themes.through(programme_id=programme.pk, theme_id=theme.pk)
                )
            if self.partners:
                picked = links.sample(self.partners, min(len(self.partners), links.randint(2, 6)))
                for k, partner in enumerate(picked):
                    role = roles[k] if k < len(roles) else links.choice(roles)
                    partner_rows.append(
                        ProgrammePartner(programme=programme, partner=partner, role=role)
                    )
        self.insert(Programme.themes.through, theme_rows, "programme themes")
        self.insert(ProgrammePartner, partner_rows, "programme partners")
        return programmes

    def link(self, model, items):
        """Each item to 0-3 programmes, 0-2 themes, 0-3 partners (partners: big ones often)."""
        rng = self.links
        major = self.partners[: len(PARTNERS)]
        plans = (
            ("programmes", self.programmes, (0.3, 0.4, 0.2, 0.1)),
            ("themes", self.themes, (0.3, 0.5, 0.2)),
            ("partners", self.partners, (0.35, 0.35, 0.2, 0.1)),
        )
        for name, pool, weights in plans:
            field = model._meta.get_field(name)
            through = field.remote_field.through
            source, target = f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id"
            rows = []
            for item in items:
                k = min(len(pool), rng.choices(range(len(weights)), weights)[0])
                if name == "partners" and major and rng.random() < 0.5:
                    chosen = rng.sample(major, min(k, len(major)))
                else:
                    chosen = rng.sample(pool, k)
                rows += [through(**{source: item.pk, target: other.pk}) for other in chosen]
            self.insert(through, rows, f"{model._meta.model_name} {name}")

    # -- Articles ---------------------------------------------------------------------

    def make_articles(self):
        rng = self.rng("articles")
        states = self.states(self.counts["articles"])
        # Oldest first, so that ids grow with dates as they do on the real site.
        moments = sorted(self.when(rng) for _ in states)
        rng.shuffle(states)
        kinds, weights = list(Article.Kind), (45, 20, 15, 8, 12)
        recent, revised = [], []
        for start in range(0, len(states), BATCH):
            batch = []
            for i in range(start, min(start + BATCH, len(states))):
                kind = rng.choices(kinds, weights)[0]
                batch.append(self.article(rng, i, kind, states[i], moments[i]))
            batch = self.insert(Article, batch)
            self.link(Article, batch)
            self.further_photos(rng, batch)
            recent_since = self.midnight - datetime.timedelta(days=READS_DAYS)
            for article in batch:
                if article.status == Status.PUBLISHED and article.unpublish_at is None:
                    if recent_since <= article.publish_at < self.midnight:
                        recent.append(article)
                    if article.publish_at < self.midnight and rng.random() < REVISED_SHARE:
                        revised.append(article.pk)
        self.make_reads(rng, recent)
        self.make_revisions(rng, revised)

    def article(self, rng, i, kind, state, publish_at):
        slots = self.words(rng)
        title = rng.choice(TITLES_EN[kind]).format(**slots)
        status, publish_at, unpublish_at = self.visibility(rng, state, publish_at)
        fields = {}
        if rng.random() < VIETNAMESE_SHARE:
            vi = self.words(rng, vietnamese=True)
            fields = {
                "title_vi": rng.choice(TITLES_VI).format(**vi),
                "standfirst_vi": " ".join(rng.sample(SENTENCES_VI, 2)).format(**vi),
                "body_vi": self.paragraphs(rng, vi, rng.randint(3, 5), vietnamese=True),
            }
        if kind == Article.Kind.COVERAGE:
            outlet, base = rng.choice(OUTLETS)
            fields.update(
                source_name=outlet,
                source_url=f"{base}{rng.randrange(10**5, 10**6)}/{slugify_vi(title, 80)}.html",
                source_published_on=(publish_at - datetime.timedelta(days=rng.randint(0, 3)))
                .astimezone(self.zone)
                .date(),
            )
        else:
            fields["dateline"] = rng.choice(DATELINES)
        if kind == Article.Kind.PRESS_RELEASE:
            fields["media_contact"] = (
                "Communication Officer, ILO Country Office for Viet Nam\n"
                "+84 24 3850 0100\nhanoi@ilo.org"
            )
        if state == PUBLISHED and rng.random() < 0.03:
            revised_at = publish_at + datetime.timedelta(hours=rng.randint(2, 500))
            fields["revised_at"] = min(revised_at, self.midnight - datetime.timedelta(minutes=1))
        article = Article(
            slug=f"{PREFIX}{slugify_vi(title, 150)}-{i}",
            kind=kind,
            title_en=title,
            standfirst_en=" ".join(rng.sample(SENTENCES_EN, 2)).format(**slots),
            body_en=self.paragraphs(rng, slots, rng.randint(4, 6)),
            hero=rng.choice(self.photos) if rng.random() < 0.7 else None,
            is_featured=rng.random() < 0.01,
            status=status,
            publish_at=publish_at,
            unpublish_at=unpublish_at,
            **fields,
        )
        prepare(article)
        return article

    def further_photos(self, rng, articles):
        rows = []
        for article in articles:
            if rng.random() < 0.1:
                for order, photo in enumerate(rng.sample(self.photos, rng.randint(1, 3))):
                    rows.append(ArticlePhoto(article=article, photo=photo, order=order))
        self.insert(ArticlePhoto, rows, "further photos")

    def make_reads(self, rng, recent):
        """Daily reads for recent articles, fading after publication, some older favourites."""
        rows = []
        for article in recent:
            first = article.publish_at.astimezone(self.zone).date()
            peak = rng.randint(20, 3000)
            for age in range((self.today - first).days + 1):
                count = int(peak / (1 + age) ** 1.2)
                if count:
                    rows.append(
                        DailyReads(
                            article=article,
                            day=first + datetime.timedelta(days=age),
                            count=count,
                        )
                    )
        self.insert(DailyReads, rows, "daily reads")

    def make_revisions(self, rng, pks):
        """One or two revisions per chosen article, as django-reversion would have stored."""
        if not pks:
            return
        articles = (
            Article.objects.filter(pk__in=pks)
            .order_by("pk")
            .prefetch_related(
                "programmes",
                "themes",
                "partners",
                Prefetch("articlephoto_set", queryset=ArticlePhoto.objects.order_by("pk")),
            )
        )
        db = router.db_for_write(Article)
        types = ContentType.objects.get_for_models(Article, ArticlePhoto)
        revisions, versions = [], []
        for article in articles:
            # What reversion stores: the item and the rows registered to follow it.
            objects = [article, *article.articlephoto_set.all()]
            data = [
                (types[type(obj)], str(obj.pk), serializers.serialize("json", [obj]), str(obj))
                for obj in objects
            ]
            comments = ["Published."]
            if rng.random() < 0.5:
                comments.append(rng.choice(CORRECTIONS))
            for k, comment in enumerate(comments):
                at = article.publish_at + datetime.timedelta(days=k * rng.randint(1, 30))
                revisions.append(
                    Revision(date_created=min(at, self.midnight), comment=comment, user=None)
                )
                versions.append(data)
        revisions = self.insert(Revision, revisions, "revisions")
        self.insert(
            Version,
            [
                Version(
                    revision=revision,
                    content_type=content_type,
                    object_id=object_id,
                    db=db,
                    format="json",
                    serialized_data=serialized,
                    object_repr=text[:191],
                )
                for revision, data in zip(revisions, versions, strict=True)
                for content_type, object_id, serialized, text in data
            ],
            "versions",
        )

    # -- Events -----------------------------------------------------------------------

    def make_events(self):
        rng = self.rng("events")
        count = self.counts["events"]
        upcoming = _share(count, UPCOMING_SHARE)
        states = self.states(count)
        # Past events (and hidden ones) over 25 years; the upcoming share from today on.
        days = sorted(
            self.today - datetime.timedelta(days=rng.randint(1, DAYS_BACK))
            for _ in range(len(states) - upcoming)
        )
        days += sorted(
            self.today + datetime.timedelta(days=rng.randint(0, 540)) for _ in range(upcoming)
        )
        rng.shuffle(states)
        for start in range(0, len(states), BATCH):
            batch = [
                self.event(rng, i, states[i], days[i])
                for i in range(start, min(start + BATCH, len(states)))
            ]
            self.link(Event, self.insert(Event, batch))

    def event(self, rng, i, state, start_date):
        kind = rng.choice(list(Event.Kind))
        slots = self.words(rng)
        title = EVENT_TITLES_EN[kind].format(**slots)
        fields = {}
        precisions = (Event.Precision.EXACT, Event.Precision.MONTH, Event.Precision.QUARTER)
        precision = rng.choices(precisions, (94, 5, 1))[0]
        end_date = start_time = end_time = None
        time_zone = settings.TIME_ZONE
        if precision != Event.Precision.EXACT:
            # What save() does: a month (or quarter) event lasts until its period is over.
            if precision == Event.Precision.MONTH:
                start_date = start_date.replace(day=1)
            else:
                start_date = datetime.date(start_date.year, (start_date.month - 1) // 3 * 3 + 1, 1)
            end_date = last_day_of_period(start_date, precision)
        else:
            if rng.random() < 0.25:
                end_date = start_date + datetime.timedelta(days=rng.randint(1, 4))
            if rng.random() < 0.5:
                start_time = datetime.time(rng.choice((8, 9, 13, 14)), rng.choice((0, 30)))
                end_time = datetime.time(min(start_time.hour + rng.randint(1, 4), 18), 0)
                if kind == Event.Kind.WEBINAR:
                    time_zone = rng.choice(TIME_ZONES)
        online = kind == Event.Kind.WEBINAR or rng.random() < 0.05
        if online:
            fields.update(
                is_online=True,
                online_url=f"https://ilo-org.zoom.us/j/{rng.randrange(10**9, 10**10)}",
                show_online_link=rng.random() < 0.5,
            )
        if kind != Event.Kind.WEBINAR:
            venue, city = rng.choice(VENUES)
            fields.update(venue=venue, city=city or slots["place"], country="Viet Nam")
        if rng.random() < VIETNAMESE_SHARE:
            vi = self.words(rng, vietnamese=True)
            fields.update(
                title_vi=rng.choice(EVENT_TITLES_VI).format(**vi),
                summary_vi=rng.choice(SENTENCES_VI).format(**vi),
                description_vi=self.paragraphs(rng, vi, 2, vietnamese=True),
            )
        status = rng.choices(list(Event.EventStatus), (93, 3, 2, 2))[0]
        publish_at = datetime.datetime.combine(
            min(start_date, self.today) - datetime.timedelta(days=rng.randint(1, 60)),
            datetime.time(rng.randrange(8, 18), rng.choice((0, 15, 30, 45))),
            tzinfo=self.zone,
        )
        state_status, publish_at, unpublish_at = self.visibility(rng, state, publish_at)
        event = Event(
            slug=f"{PREFIX}{slugify_vi(title, 150)}-{i}",
            uid=uuid.UUID(int=rng.getrandbits(128), version=4),
            kind=kind,
            title_en=title,
            summary_en=rng.choice(SENTENCES_EN).format(**slots),
            description_en=self.paragraphs(rng, slots, rng.randint(2, 3)),
            registration_en="To take part, write to hanoi@ilo.org." if rng.random() < 0.4 else "",
            event_status=status,
            start_date=start_date,
            end_date=end_date,
            start_time=start_time,
            end_time=end_time,
            time_zone=time_zone,
            precision=precision,
            photo=rng.choice(self.photos) if rng.random() < 0.4 else None,
            status=state_status,
            publish_at=publish_at,
            unpublish_at=unpublish_at,
            **fields,
        )
        prepare(event)
        return event


def prepare(instance):
    """What save() does to a row before writing it: sanitised HTML, then the search columns."""
    for name in instance.RICH_TEXT:
        clean_html_field(instance, name)
    instance.refresh_search_columns()


def _jpeg(size=(1920, 1080)):
    """A plain but photo-sized picture, so that renditions come in every width."""
    image = Image.new("RGB", size, (30, 45, 120))
    draw = ImageDraw.Draw(image)
    for k in range(0, size[0], 80):
        draw.rectangle((k, size[1] // 2, k + 60, size[1] - 40), fill=(200, 120 + k % 100, 60))
    draw.text((60, 60), "Volume data", fill="white", font_size=72)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=80)
    return buffer.getvalue()


# -- Removing an earlier run ------------------------------------------------------------


def generated():
    """The querysets of generated rows, in the order they can be deleted."""
    return [
        Article._base_manager.filter(slug__startswith=PREFIX),
        Event._base_manager.filter(slug__startswith=PREFIX),
        Programme._base_manager.filter(slug__startswith=PREFIX),
        Partner._base_manager.filter(slug__startswith=PREFIX),
        Theme._base_manager.filter(slug__startswith=PREFIX),
        Photo._base_manager.filter(title__startswith=PHOTO_PREFIX),
    ]


def purge():
    """Delete every row an earlier run generated, and what hangs on them; return the count.

    Set-based: each dependent table is emptied of the rows that point at generated ones
    with one DELETE (or its link set to NULL, as on_delete says), recursively.
    """
    files = _photo_files()
    removed = 0
    for queryset in generated():
        removed += _forget_history(queryset)
        removed += _delete(queryset)
    if files:
        transaction.on_commit(lambda: _delete_files(files))
    return removed


def _forget_history(queryset):
    """Rows that point at items by content type and id, not by a key: revisions, former
    slugs, the publishing log and any such table."""
    content_type = ContentType.objects.get_for_model(queryset.model)
    ids = queryset.annotate(object_id_text=Cast("pk", CharField())).values("object_id_text")
    versions = Version.objects.filter(content_type=content_type, object_id__in=ids)
    # Read before deleting: the versions are how the revisions are found.
    revision_ids = list(versions.values_list("revision_id", flat=True).distinct())
    removed = _delete(Revision.objects.filter(pk__in=revision_ids))
    for model in apps.get_models():
        if model is Version or not _points_by_content_type(model):
            continue
        textual = not isinstance(model._meta.get_field("object_id"), models.IntegerField)
        removed += _delete(
            model._base_manager.filter(
                content_type=content_type,
                object_id__in=ids if textual else queryset.values("pk"),
            )
        )
    return removed


def _points_by_content_type(model):
    names = {field.name: field for field in model._meta.concrete_fields}
    content_type = names.get("content_type")
    return (
        "object_id" in names
        and content_type is not None
        and content_type.related_model is ContentType
    )


def _delete(queryset):
    model = queryset.model
    removed = 0
    for relation in model._meta.get_fields(include_hidden=True):
        if not (relation.auto_created and not relation.concrete):
            continue
        if not (relation.one_to_many or relation.one_to_one):
            continue
        related = relation.related_model._base_manager.filter(
            **{f"{relation.field.name}__in": queryset}
        )
        on_delete = relation.on_delete
        if on_delete is models.CASCADE:
            removed += _delete(related)
        elif on_delete is models.SET_NULL:
            related.update(**{relation.field.name: None})
        elif on_delete is not models.DO_NOTHING:
            raise RuntimeError(
                f"Cannot remove generated {model._meta.verbose_name_plural}: "
                f"{relation.related_model._meta.label} refers to them ({on_delete.__name__})."
            )
    # The raw delete of one table, as Django's own fast path does: no per-row signals.
    return removed + (queryset._raw_delete(queryset.db) or 0)


def _photo_files():
    names = set()
    for image, renditions in Photo._base_manager.filter(title__startswith=PHOTO_PREFIX).values_list(
        "image", "renditions"
    ):
        names.add(image)
        for entry in renditions or []:
            names.update(entry.get(key) for key in ("webp", "jpeg"))
    names.discard(None)
    names.discard("")
    return names


def _delete_files(names):
    storage = Photo._meta.get_field("image").storage
    still_used = set(Photo._base_manager.filter(image__in=names).values_list("image", flat=True))
    for name in names - still_used:
        if storage.exists(name):
            storage.delete(name)


def backdate_changes():
    """Generated items last changed when they were published, as imported archives are.

    bulk_create stamps auto_now columns with the run's time; sitemaps' lastmod, feeds
    and validators would otherwise say that 25 years of content changed today.
    """
    from events.models import Event
    from newsroom.models import Article
    from programmes.models import Programme

    for model in (Article, Event, Programme):
        generated = model._default_manager.filter(slug__startswith=PREFIX)
        generated.update(created_at=F("publish_at"), updated_at=F("publish_at"))


def analyze():
    """Fresh planner statistics for the tables that just grew (PostgreSQL only)."""
    if connection.vendor != "postgresql":
        return
    tables = {
        model._meta.db_table
        for model in (
            Article, Event, Programme, Partner, Theme, Photo, DailyReads, ArticlePhoto,
            ProgrammePartner, Revision, Version,
        )
    }  # fmt: skip
    for model in (Article, Event):
        for name in ("programmes", "themes", "partners"):
            tables.add(model._meta.get_field(name).remote_field.through._meta.db_table)
    with connection.cursor() as cursor:
        for table in sorted(tables):
            cursor.execute(f"ANALYZE {connection.ops.quote_name(table)}")


def generate(*, articles=20000, events=5000, programmes=60, partners=400, seed=1, stdout=None):
    """Replace the generated content with a fresh set of this size; return the generator.

    `articles` and `events` count the published ones; about 1% more are drafts, in review,
    scheduled or expired. The generator's `created` counts rows per table, `seconds` the time.
    """
    return Generator(
        articles=articles,
        events=events,
        programmes=programmes,
        partners=partners,
        seed=seed,
        stdout=stdout,
    ).run()


def remove(stdout=None):
    """Delete the generated content only; return the number of rows deleted."""
    with transaction.atomic():
        removed = purge()
        if removed:
            bump_on_commit()
    if stdout is not None:
        stdout.write(f"Removed {removed} generated rows.\n")
    return removed
