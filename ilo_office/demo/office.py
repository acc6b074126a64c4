"""Demo content for the office's own pages, written from the 2003 press release (seed 000).

Names, dates and the wording of the ILO's mission and four strategic objectives
are as the seed gives them; the rest of the prose is ours. The address is the one
in the site footer. No telephone number or e-mail address is given: the seeds
have none and an invented one would mislead a reader.
"""

from ilo_office.demo import content
from ilo_office.markup import clean_html
from ilo_office.pages.models import OfficePage
from ilo_office.publishing import Status

OFFICE_PAGES = [
    {
        "slug": "about-the-office",
        "title": "About the office",
        "title_vi": "Giới thiệu văn phòng",
        "nav_order": 10,
        "summary": "The ILO has had an office in Hanoi since 2003. It works with the "
        "Government, employers and workers of Viet Nam for decent work.",
        "summary_vi": "ILO có văn phòng tại Hà Nội từ năm 2003. Văn phòng hợp tác với Chính "
        "phủ, người sử dụng lao động và người lao động Việt Nam vì việc làm bền vững.",
        "body": [
            "<h2>A short history</h2>",
            "<p>Viet Nam resumed its membership of the International Labour Organization in "
            "1992. Technical cooperation between the ILO and Viet Nam grew steadily from then "
            "on, as the Government, employers and workers asked for more support.</p>",
            "<p>The agreement to open an ILO office in Hanoi was signed in February 2002. In "
            "the same year, Viet Nam was elected a deputy member of the ILO's Governing Body, "
            "its main executive body, for a term of three years.</p>",
            "<p>The office officially opened on 17 February 2003, in the presence of "
            "Government ministries, employers' and workers' organizations, ambassadors and "
            "representatives of the United Nations and development agencies.</p>",
            "<h2>Who we work with</h2>",
            "<p>The ILO gives advice and assistance on employment and labour questions to its "
            "tripartite constituents: the Government, employers and workers. Its main "
            "partners in Viet Nam are:</p>",
            "<ul>",
            '<li><a href="/partners/molisa/">the Ministry of Labour, Invalids and Social '
            "Affairs (MOLISA)</a>, whose functions passed to the Ministry of Home Affairs on "
            "1 March 2025;</li>",
            '<li><a href="/partners/vgcl/">the Viet Nam General Confederation of Labour '
            "(VGCL)</a>;</li>",
            '<li><a href="/partners/vcci/">the Viet Nam Chamber of Commerce and Industry '
            "(VCCI)</a>;</li>",
            '<li><a href="/partners/vca/">the Viet Nam Cooperative Alliance (VCA)</a>.</li>',
            "</ul>",
        ],
    },
    {
        "slug": "mission-and-strategic-objectives",
        "title": "Mission and strategic objectives",
        "title_vi": "Sứ mệnh và mục tiêu chiến lược",
        "nav_order": 20,
        "summary": "Decent and productive work for women and men, and the four strategic "
        "objectives that guide the ILO's work.",
        "summary_vi": "Việc làm bền vững và hiệu quả cho phụ nữ và nam giới, và bốn mục tiêu "
        "chiến lược định hướng hoạt động của ILO.",
        "body": [
            "<h2>Our mission</h2>",
            "<blockquote><p>The mission of the ILO is to promote opportunities for women and "
            "men to obtain decent and productive work in conditions of freedom, equity, "
            "security and human dignity.</p></blockquote>",
            "<p>Decent work is at the heart of what people hope for from life, and a practical "
            "way out of poverty and insecurity.</p>",
            "<h2>Four strategic objectives</h2>",
            "<p>The ILO's mission is supported by four strategic objectives:</p>",
            "<ol>",
            "<li>Promoting and realising standards and fundamental principles and rights at "
            "work</li>",
            "<li>Creating greater opportunities for women and men to secure decent employment</li>",
            "<li>Enhancing the coverage and effectiveness of social protection for all</li>",
            "<li>Strengthening tripartism and social dialogue</li>",
            "</ol>",
            "<p>The ILO pursues them by setting international labour standards and by giving "
            "technical assistance and advice to governments, employers' and workers' "
            "organizations in its member States.</p>",
        ],
    },
    {
        "slug": "contact-us",
        "title": "Contact us",
        "title_vi": "Liên hệ",
        "nav_order": 30,
        "summary": "How to find the ILO Country Office for Viet Nam in Hanoi.",
        "summary_vi": "Cách tìm đến Văn phòng ILO tại Việt Nam ở Hà Nội.",
        "body": [
            "<h2>Our address</h2>",
            "<p><strong>ILO Country Office for Viet Nam</strong><br>304 Kim Ma Street, Ba Dinh"
            "<br>Hanoi, Viet Nam</p>",
            "<h2>Journalists</h2>",
            "<p>Each press release names the colleague to contact about it, under "
            "<em>Media contact</em>.</p>",
        ],
        "body_vi": [
            "<h2>Địa chỉ</h2>",
            "<p><strong>Văn phòng ILO tại Việt Nam</strong><br>304 Kim Mã, Ba Đình"
            "<br>Hà Nội, Việt Nam</p>",
            "<h2>Dành cho nhà báo</h2>",
            "<p>Mỗi thông cáo báo chí đều ghi tên người cần liên hệ, tại mục "
            "<em>Liên hệ báo chí</em>.</p>",
        ],
    },
]


def load_office_pages(loader):
    """Create the office pages that are missing; `loader` decides about existing ones."""
    for spec in OFFICE_PAGES:
        values = {
            "title": spec["title"],
            "summary": spec["summary"],
            # Stored as the model will store it, so a refresh finds nothing to change.
            "body": clean_html("".join(spec["body"])),
            "nav_order": spec["nav_order"],
            "show_in_navigation": True,
            "status": Status.PUBLISHED,
            "publish_at": content.PUBLISHED_AT,
        }
        # The Vietnamese texts where we have them; the rest falls back to English.
        for field in ("title", "summary"):
            if f"{field}_vi" in spec:
                values[f"{field}_vi"] = spec[f"{field}_vi"]
        if "body_vi" in spec:
            values["body_vi"] = clean_html("".join(spec["body_vi"]))
        loader.upsert(OfficePage, {"slug": spec["slug"]}, values)
    # The loader (ilo_office/demo/loader.py) calls this hook last, after the events;
    # the seed events' full descriptions are filled here until the loader reads
    # spec["description"] itself.
