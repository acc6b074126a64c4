"""The demo content: every fact of the seed documents in ../shared/seeds/.

Names, dates, figures and short attributed quotes are exact; the prose is ours.
Written out here (not read from shared/ at run time) so that a fresh clone can
load it. Dates of the seed events are the ranges the events page prints.
Facts the seeds do not give are left empty rather than invented; where a value
had to be inferred, a comment says from what.
"""

import datetime

from events.models import Event
from newsroom.models import Article
from programmes.models import KeyFigure, Partner, Place, Programme, ProgrammePartner

d = datetime.date
Kind = Partner.Kind
Role = ProgrammePartner.Role
EK = Event.Kind

# The seed page: "Mainstreamed within each of these three priorities are the core issues of
# social dialogue, International Labour Standards, and gender."
CROSS_CUTTING = (
    "<p>Mainstreamed within each of the three strategic areas. {} is also a fundamental right "
    "at work, and as such an integral part of the ILO's Decent Work Agenda.</p>"
)
CROSS_CUTTING_VI = (
    "<p>Được lồng ghép trong cả ba lĩnh vực chiến lược. {} cũng là một quyền cơ bản tại nơi "
    "làm việc, và vì thế là một phần không thể tách rời của Chương trình Nghị sự về Việc làm "
    "bền vững của ILO.</p>"
)

THEMES = [
    {
        "slug": "labour-market-governance",
        "name": "Labour market governance",
        "name_vi": "Quản trị thị trường lao động",
        "is_cross_cutting": False,
        "order": 1,
        "summary": "Labour law and its enforcement, a stronger labour administration, and "
        "industrial relations institutions fit for a market economy.",
        "summary_vi": "Pháp luật lao động và việc thực thi pháp luật, một nền quản lý lao động "
        "vững mạnh hơn, và các thiết chế quan hệ lao động phù hợp với nền kinh tế thị trường.",
        "description": "<p>With its constituents, the ILO works on labour market governance and "
        "industrial relations: building the institutions a market-based economy needs. It "
        "supports the drafting and application of labour laws, a stronger labour "
        "administration, sound industrial relations institutions and stronger tripartite "
        "partners, which also helps Viet Nam compete in the global market.</p>",
        "description_vi": "<p>Cùng với các đối tác ba bên, ILO hỗ trợ quản trị thị trường lao "
        "động và quan hệ lao động: xây dựng các thiết chế mà nền kinh tế thị trường cần. ILO hỗ "
        "trợ việc soạn thảo và áp dụng pháp luật lao động, tăng cường năng lực quản lý nhà nước "
        "về lao động, xây dựng các thiết chế quan hệ lao động lành mạnh và các đối tác ba bên "
        "vững mạnh hơn, qua đó giúp Việt Nam cạnh tranh trên thị trường toàn cầu.</p>",
    },
    {
        "slug": "employment-and-sustainable-enterprises",
        "name": "Employment and sustainable enterprise development",
        "name_vi": "Việc làm và phát triển doanh nghiệp bền vững",
        "is_cross_cutting": False,
        "order": 2,
        "summary": "Labour market information, skills, entrepreneurship and business "
        "development services, with jobs for young people, women, people with "
        "disabilities and other vulnerable groups.",
        "summary_vi": "Thông tin thị trường lao động, kỹ năng, khởi sự doanh nghiệp và dịch vụ "
        "phát triển kinh doanh, cùng việc làm cho thanh niên, phụ nữ, người khuyết tật và các "
        "nhóm dễ bị tổn thương khác.",
        "description": "<p>The ILO supports the creation of jobs with policy advice and "
        "technical assistance in many fields: labour market information systems, skills "
        "development, entrepreneurship training, public-private partnerships, business "
        "associations and business development services.</p><p>Widening the opportunities "
        "open to young people, women workers, people with disabilities and other vulnerable "
        "groups is a particular concern.</p>",
        "description_vi": "<p>ILO hỗ trợ tạo việc làm thông qua tư vấn chính sách và hỗ trợ kỹ "
        "thuật trong nhiều lĩnh vực: hệ thống thông tin thị trường lao động, phát triển kỹ "
        "năng, đào tạo khởi sự doanh nghiệp, hợp tác công tư, các hiệp hội doanh nghiệp và dịch "
        "vụ phát triển kinh doanh.</p><p>ILO đặc biệt quan tâm đến việc mở rộng cơ hội cho "
        "thanh niên, lao động nữ, người khuyết tật và các nhóm dễ bị tổn thương khác.</p>",
    },
    {
        "slug": "social-protection-and-social-security",
        "name": "Social protection and social security",
        "name_vi": "Bảo trợ xã hội và an sinh xã hội",
        "is_cross_cutting": False,
        "order": 3,
        "summary": "Extending social security and basic social services, safety and health at "
        "work, and action against trafficking and child labour and on HIV/AIDS at the workplace.",
        "summary_vi": "Mở rộng an sinh xã hội và các dịch vụ xã hội cơ bản, an toàn, vệ sinh "
        "lao động, và hành động chống mua bán người và lao động trẻ em và về HIV/AIDS tại nơi "
        "làm việc.",
        "description": "<p>Extending social security and access to basic social services to "
        "the whole population is an essential priority in Viet Nam, which the ILO supports "
        "with policy advice and training.</p><p>The ILO also gives policy support, "
        "information and training on occupational safety and health, in enterprises and in "
        "agriculture, towards a safety culture at work. For vulnerable workers it helps to "
        "prevent and eliminate trafficking and child labour, works with and for workers with "
        "disabilities, and acts on HIV/AIDS in the workplace.</p>",
        "description_vi": "<p>Mở rộng an sinh xã hội và khả năng tiếp cận các dịch vụ xã hội "
        "cơ bản cho toàn dân là một ưu tiên thiết yếu của Việt Nam, và ILO hỗ trợ ưu tiên này "
        "bằng tư vấn chính sách và đào tạo.</p><p>ILO cũng hỗ trợ chính sách, thông tin và đào "
        "tạo về an toàn, vệ sinh lao động trong doanh nghiệp và trong nông nghiệp, hướng tới "
        "văn hóa an toàn tại nơi làm việc. Với người lao động dễ bị tổn thương, ILO giúp phòng "
        "ngừa và xóa bỏ mua bán người và lao động trẻ em, làm việc cùng và vì người lao động "
        "khuyết tật, và hành động về HIV/AIDS tại nơi làm việc.</p>",
    },
    {
        "slug": "social-dialogue",
        "name": "Social dialogue",
        "name_vi": "Đối thoại xã hội",
        "is_cross_cutting": True,
        "order": 1,
        "summary": "Government, employers and workers working out policy together.",
        "summary_vi": "Chính phủ, người sử dụng lao động và người lao động cùng nhau xây dựng "
        "chính sách.",
        "description": CROSS_CUTTING.format("Social dialogue"),
        "description_vi": CROSS_CUTTING_VI.format("Đối thoại xã hội"),
    },
    {
        "slug": "international-labour-standards",
        "name": "International Labour Standards",
        "name_vi": "Tiêu chuẩn lao động quốc tế",
        "is_cross_cutting": True,
        "order": 2,
        "summary": "Ratifying and applying ILO conventions, the fundamental rights at work.",
        "summary_vi": "Phê chuẩn và áp dụng các công ước của ILO, các quyền cơ bản tại nơi "
        "làm việc.",
        "description": CROSS_CUTTING.format("Respect for International Labour Standards"),
        "description_vi": CROSS_CUTTING_VI.format("Tôn trọng các tiêu chuẩn lao động quốc tế"),
    },
    {
        "slug": "gender",
        "name": "Gender",
        "name_vi": "Bình đẳng giới",
        "is_cross_cutting": True,
        "order": 3,
        "summary": "Equality of opportunity and treatment for women and men at work.",
        "summary_vi": "Bình đẳng về cơ hội và đối xử giữa phụ nữ và nam giới tại nơi làm việc.",
        "description": CROSS_CUTTING.format("Gender equality"),
        "description_vi": CROSS_CUTTING_VI.format("Bình đẳng giới"),
        # The seed page's photo; the Areas of work page shows the first area's photo.
        "photo": "Garment workers (placeholder image)",
    },
]

# The restructuring of the Government that took effect on 1 March 2025 (National
# Assembly Resolution 176/2025/QH15 of 18 February 2025 on the Government's structure).
# The seeds predate it and say nothing of it; what is recorded below is public record
# and undisputed: MOLISA merged into the Ministry of Home Affairs (vocational education
# to the Ministry of Education and Training, social protection and children to the
# Ministry of Health); the Ministry of Planning and Investment merged with the Ministry
# of Finance, its General Statistics Office becoming the Finance Ministry's National
# Statistics Office; MOLISA's Departments of Overseas Labour and of Employment moved to
# the Ministry of Home Affairs. Not recorded, as the details are less certain: where
# ILSSA went, and D-FISH's place in the new Ministry of Agriculture and Environment
# (MARD, its ministry, was merged with the Ministry of Natural Resources and Environment).
# MOFA, MOJ, the Government Office and the Office of the President were not merged.
RESTRUCTURED_2025 = d(2025, 3, 1)

PARTNERS = [
    # The tripartite constituents named in the 2003 press release.
    {
        "slug": "molisa",
        "name_vi": "Bộ Lao động - Thương binh và Xã hội",
        "name": "Ministry of Labour, Invalids and Social Affairs",
        "acronym": "MOLISA",
        "kind": Kind.GOVERNMENT,
        # Found by slug; the loader links it once both partners exist.
        "successor": "moha",
        "successor_since": RESTRUCTURED_2025,
        "successor_note": "MOLISA was merged into the Ministry of Home Affairs, which took over "
        "its work on labour, employment, wages and social insurance; vocational education "
        "passed to the Ministry of Education and Training, and social protection and child "
        "protection to the Ministry of Health.",
        "successor_note_vi": "Bộ Lao động - Thương binh và Xã hội được hợp nhất vào Bộ Nội vụ, "
        "bộ tiếp nhận các lĩnh vực lao động, việc làm, tiền lương và bảo hiểm xã hội; giáo dục "
        "nghề nghiệp chuyển sang Bộ Giáo dục và Đào tạo, bảo trợ xã hội và trẻ em chuyển sang "
        "Bộ Y tế.",
    },
    {
        "slug": "moha",
        "name_vi": "Bộ Nội vụ",
        "name": "Ministry of Home Affairs",
        "acronym": "MOHA",
        "kind": Kind.GOVERNMENT,
    },
    {
        "slug": "vgcl",
        "name_vi": "Tổng Liên đoàn Lao động Việt Nam",
        "name": "Viet Nam General Confederation of Labour",
        "acronym": "VGCL",
        "kind": Kind.WORKERS,
    },
    {
        "slug": "vcci",
        "name_vi": "Liên đoàn Thương mại và Công nghiệp Việt Nam",
        "name": "Viet Nam Chamber of Commerce and Industry",
        "acronym": "VCCI",
        "kind": Kind.EMPLOYERS,
    },
    # The seed lists the Cooperative Alliance among the ILO's main partners beside
    # VCCI; the ILO counts it among Viet Nam's employers' organizations.
    {
        "slug": "vca",
        "name_vi": "Liên minh Hợp tác xã Việt Nam",
        "name": "Viet Nam Cooperative Alliance",
        "acronym": "VCA",
        "kind": Kind.EMPLOYERS,
    },
    {
        "slug": "mofa",
        "name_vi": "Bộ Ngoại giao",
        "name": "Ministry of Foreign Affairs",
        "acronym": "MOFA",
        "kind": Kind.GOVERNMENT,
    },
    {
        "slug": "mpi",
        "name_vi": "Bộ Kế hoạch và Đầu tư",
        "name": "Ministry of Planning and Investment",
        "acronym": "MPI",
        "kind": Kind.GOVERNMENT,
        "successor": "mof",
        "successor_since": RESTRUCTURED_2025,
        "successor_note": "The Ministry of Planning and Investment was merged with the Ministry "
        "of Finance, which carries out the work of both.",
        "successor_note_vi": "Bộ Kế hoạch và Đầu tư được hợp nhất với Bộ Tài chính; Bộ Tài chính "
        "thực hiện nhiệm vụ của cả hai bộ.",
    },
    {
        "slug": "mof",
        "name_vi": "Bộ Tài chính",
        "name": "Ministry of Finance",
        "acronym": "MOF",
        "kind": Kind.GOVERNMENT,
    },
    {
        "slug": "moj",
        "name_vi": "Bộ Tư pháp",
        "name": "Ministry of Justice",
        "acronym": "MOJ",
        "kind": Kind.GOVERNMENT,
    },
    {
        "slug": "government-office",
        "name": "Government Office",
        "acronym": "",
        "kind": Kind.GOVERNMENT,
    },
    {
        "slug": "president-office",
        "name": "Office of the President",
        "acronym": "",
        "kind": Kind.GOVERNMENT,
    },
    {
        "slug": "dolab",
        "name_vi": "Cục Quản lý lao động ngoài nước (Bộ Lao động - Thương binh và Xã hội)",
        "name": "Department of Overseas Labour (MOLISA)",
        "acronym": "DoLAB",
        "kind": Kind.GOVERNMENT,
        "successor": "dolab-moha",
        "successor_since": RESTRUCTURED_2025,
        "successor_note": "The department moved with MOLISA's labour work to the Ministry of "
        "Home Affairs.",
        "successor_note_vi": "Cục chuyển về Bộ Nội vụ cùng các lĩnh vực lao động của Bộ Lao động "
        "- Thương binh và Xã hội.",
    },
    {
        "slug": "dolab-moha",
        "name_vi": "Cục Quản lý lao động ngoài nước (Bộ Nội vụ)",
        "name": "Department of Overseas Labour (MOHA)",
        "acronym": "",
        "kind": Kind.GOVERNMENT,
    },
    {
        "slug": "doe",
        "name_vi": "Cục Việc làm (Bộ Lao động - Thương binh và Xã hội)",
        "name": "Department of Employment (MOLISA)",
        "acronym": "DOE",
        "kind": Kind.GOVERNMENT,
        "successor": "doe-moha",
        "successor_since": RESTRUCTURED_2025,
        "successor_note": "The department moved with MOLISA's labour work to the Ministry of "
        "Home Affairs.",
        "successor_note_vi": "Cục chuyển về Bộ Nội vụ cùng các lĩnh vực lao động của Bộ Lao động "
        "- Thương binh và Xã hội.",
    },
    {
        "slug": "doe-moha",
        "name_vi": "Cục Việc làm (Bộ Nội vụ)",
        "name": "Department of Employment (MOHA)",
        "acronym": "",
        "kind": Kind.GOVERNMENT,
    },
    {
        "slug": "dvet",
        "name_vi": "Tổng cục Giáo dục nghề nghiệp",
        "name": "Directorate of Vocational Education and Training",
        "acronym": "DVET",
        "kind": Kind.GOVERNMENT,
        "successor": "moet-vocational",
        "successor_since": RESTRUCTURED_2025,
        "successor_note": "Vocational education passed from MOLISA to the Ministry of Education "
        "and Training, where a department now carries out the Directorate's work.",
        "successor_note_vi": "Giáo dục nghề nghiệp chuyển từ Bộ Lao động - Thương binh và Xã hội "
        "sang Bộ Giáo dục và Đào tạo; một cục của Bộ tiếp nhận nhiệm vụ của Tổng cục.",
    },
    {
        "slug": "moet-vocational",
        "name_vi": "Cục Giáo dục nghề nghiệp và Giáo dục thường xuyên (Bộ Giáo dục và Đào tạo)",
        "name": "Department of Vocational Education and Continuing Education (MOET)",
        "acronym": "",
        "kind": Kind.GOVERNMENT,
    },
    {
        "slug": "gso",
        "name_vi": "Tổng cục Thống kê",
        "name": "General Statistics Office",
        "acronym": "GSO",
        "kind": Kind.GOVERNMENT,
        "successor": "nso",
        "successor_since": RESTRUCTURED_2025,
        "successor_note": "The General Statistics Office of the Ministry of Planning and "
        "Investment became the National Statistics Office of the Ministry of Finance.",
        "successor_note_vi": "Tổng cục Thống kê thuộc Bộ Kế hoạch và Đầu tư trở thành Cục Thống "
        "kê thuộc Bộ Tài chính.",
    },
    {
        "slug": "nso",
        "name_vi": "Cục Thống kê (Bộ Tài chính)",
        "name": "National Statistics Office (Ministry of Finance)",
        "acronym": "NSO",
        "kind": Kind.GOVERNMENT,
    },
    {
        "slug": "d-fish",
        "name": "Department of Fisheries (MARD)",
        "acronym": "D-FISH",
        "kind": Kind.GOVERNMENT,
    },
    {
        "slug": "ilssa",
        "name": "Institute of Labour Science and Social Affairs",
        "acronym": "ILSSA",
        "kind": Kind.RESEARCH,
    },
    {
        "slug": "viri",
        "name": "Vietnam Rural Industries Research and Development Institute",
        "acronym": "VIRI",
        "kind": Kind.RESEARCH,
    },
    {
        "slug": "tern",
        "name": "Textile Eco-innovation Research Network",
        "acronym": "TERN",
        "kind": Kind.RESEARCH,
    },
    {
        "slug": "vietcraft",
        "name": "Viet Nam Handicraft Exporters Association",
        "acronym": "Vietcraft",
        "kind": Kind.OTHER,
    },
    {
        "slug": "eurocham",
        "name": "European Chamber of Commerce in Viet Nam",
        "acronym": "EUROCHAM",
        "kind": Kind.OTHER,
    },
    {
        "slug": "asean-secretariat",
        "name": "ASEAN Secretariat",
        "acronym": "",
        "kind": Kind.OTHER,
    },
    {
        "slug": "iom",
        "name": "International Organization for Migration",
        "acronym": "IOM",
        "kind": Kind.UN_AGENCY,
    },
    # A member of the World Bank Group, itself a specialized agency of the UN system.
    {
        "slug": "ifc",
        "name": "International Finance Corporation",
        "acronym": "IFC",
        "kind": Kind.UN_AGENCY,
    },
    {
        "slug": "eu-delegation",
        "name": "Delegation of the European Union to Viet Nam",
        "acronym": "EU",
        "kind": Kind.DONOR,
    },
    {
        "slug": "sida",
        "name": "Swedish International Development Cooperation Agency",
        "acronym": "Sida",
        "kind": Kind.DONOR,
    },
]

# Photos the seeds mention; the real images are not ours to copy, so the loader
# draws placeholders and says so in the title and credit. The alt texts say only what
# the seed's captions say the photos show.
PHOTOS = [
    {
        "title": "Garment workers (placeholder image)",
        "alt_text": "Women garment workers in Viet Nam",
        "caption": "The majority of garment workers in Viet Nam are women.",
        "credit": "© ILO/A.Santos (placeholder image)",
    },
    {
        "title": "Better Work Viet Nam in new locations (placeholder image)",
        "alt_text": "Better Work Viet Nam, to be launched in new locations and other industries",
        "caption": "The Better Work Vietnam will be launched in new locations and other "
        "industries.",
        "credit": "Photo: ILO Vietnam (placeholder image)",
    },
    {
        "title": "DoLAB opening remarks (placeholder image)",
        "alt_text": "Mr Dang Si Dung giving his opening remarks at the consultation workshop",
        "caption": "Ông Đặng Sĩ Dũng, Phó Cục trưởng DoLAB phát biểu tại Hội thảo.\n"
        "Mr. Dang Si Dung, Deputy Director of DoLAB, gave his opening remarks in the "
        "consultation workshop on safe labour migration.",
        "credit": "Source: IOM (placeholder image)",
    },
    {
        "title": "IOM Chief of Mission (placeholder image)",
        "alt_text": "Ms Park Mihyung, Chief of Mission of IOM Vietnam, at the consultation "
        "workshop",
        "caption": "Bà Park Mihyung, Trưởng đại diện của IOM tại Việt Nam, đánh giá cao "
        "những cam kết quan trọng của Chính phủ Việt Nam đã đưa ra nhằm bảo vệ quyền của "
        "người lao động di cư.\nMs. Park Mihyung, Chief of Mission of IOM Vietnam.",
        "credit": "Source: IOM (placeholder image)",
    },
    {
        "title": "Safe labour migration workshop (placeholder image)",
        "alt_text": "The consultation workshop on safe labour migration in Vietnam",
        "caption": "Hội thảo Tham vấn về Chương trình và Hoạt động Hợp tác trong Lĩnh vực Di cư "
        "Lao động tại Việt Nam ngày 19/4.\nConsultation workshop on partnerships and "
        "cooperation on safe labour migration in Vietnam.",
        "credit": "Source: IOM (placeholder image)",
    },
]

# Provinces and cities: the two the Better Work seed names, and, to show how a merger is
# recorded, provinces merged into them or into An Giang on 1 July 2025, when Viet Nam went
# from 63 provinces and cities to 34 (National Assembly Resolution 202/2025/QH15). The
# migration programmes 0012 adds all 63 with the same values; the loader adopts these.
MERGED_2025 = d(2025, 7, 1)
PLACES = [
    {
        "slug": "hanoi",
        "name": "Hanoi",
        "vietnamese_name": "Hà Nội",
        "kind": Place.Kind.CITY,
        "region": Place.Region.NORTH,
    },
    {
        "slug": "ho-chi-minh-city",
        "name": "Ho Chi Minh City",
        "vietnamese_name": "Thành phố Hồ Chí Minh",
        "kind": Place.Kind.CITY,
        "region": Place.Region.SOUTH,
    },
    {
        "slug": "binh-duong",
        "name": "Binh Duong",
        "vietnamese_name": "Bình Dương",
        "kind": Place.Kind.PROVINCE,
        "successor": "ho-chi-minh-city",
        "successor_since": MERGED_2025,
    },
    {
        "slug": "ba-ria-vung-tau",
        "name": "Ba Ria - Vung Tau",
        "vietnamese_name": "Bà Rịa - Vũng Tàu",
        "kind": Place.Kind.PROVINCE,
        "successor": "ho-chi-minh-city",
        "successor_since": MERGED_2025,
    },
    {
        "slug": "an-giang",
        "name": "An Giang",
        "vietnamese_name": "An Giang",
        "kind": Place.Kind.PROVINCE,
        "region": Place.Region.SOUTH,
    },
    {
        "slug": "kien-giang",
        "name": "Kien Giang",
        "vietnamese_name": "Kiên Giang",
        "kind": Place.Kind.PROVINCE,
        "successor": "an-giang",
        "successor_since": MERGED_2025,
    },
]

# The figures Better Work gave when the 2023-2027 memoranda were signed (seed 003).
BETTER_WORK_MOU_SIGNED = d(2022, 11, 22)
BETTER_WORK_SOURCE = (
    "Better Work Viet Nam, at the signing of the 2023-2027 memoranda of understanding, "
    "as reported by The Hanoi Times"
)
BETTER_WORK_SOURCE_VI = (
    "Better Work Việt Nam, tại lễ ký các biên bản ghi nhớ giai đoạn 2023-2027, theo The Hanoi Times"
)

PROGRAMMES = [
    {
        "slug": "better-work-viet-nam",
        "name": "Better Work Viet Nam",
        "name_vi": "Chương trình Better Work Việt Nam",
        "acronym": "BWV",
        "summary": "A joint ILO and IFC programme that, since 2009, has brought government, "
        "employers, workers and international buyers together to improve working "
        "conditions and competitiveness in garment and footwear factories.",
        "summary_vi": "Chương trình hợp tác giữa ILO và IFC, từ năm 2009 đã kết nối Chính phủ, "
        "người sử dụng lao động, người lao động và các nhãn hàng quốc tế nhằm cải thiện điều "
        "kiện làm việc và năng lực cạnh tranh trong các nhà máy may mặc và da giày.",
        # Figures and phases have their own fields; the description tells the story.
        "description": (
            "<p>Since 2009 the programme has offered garment and footwear factories "
            "assessments, advisory services and training, and has helped to improve social "
            "dialogue and awareness of gender equality at work.</p>"
            "<p>Memoranda of understanding signed on 22 November 2022 by the ILO, the IFC, "
            "MOLISA, VCCI and VGCL open the 2023-2027 phase to new locations and other "
            "industries.</p>"
        ),
        "description_vi": (
            "<p>Từ năm 2009, chương trình cung cấp dịch vụ đánh giá, tư vấn và đào tạo cho các "
            "nhà máy may mặc và da giày, góp phần cải thiện đối thoại xã hội và nâng cao nhận "
            "thức về bình đẳng giới tại nơi làm việc.</p>"
            "<p>Các biên bản ghi nhớ do ILO, IFC, Bộ Lao động - Thương binh và Xã hội, Liên đoàn "
            "Thương mại và Công nghiệp Việt Nam và Tổng Liên đoàn Lao động Việt Nam ký ngày "
            "22/11/2022 mở ra giai đoạn 2023-2027, mở rộng chương trình tới các địa bàn mới và "
            "các ngành khác.</p>"
        ),
        "stage": Programme.Stage.ACTIVE,
        "tagline": "Better working conditions and competitiveness in garment and footwear "
        "factories",
        "tagline_vi": "Cải thiện điều kiện làm việc và năng lực cạnh tranh trong các nhà máy "
        "may mặc và da giày",
        # The seed gives the year only ("launched in 2009"); pages print the year.
        "start_date": d(2009, 1, 1),
        "end_date": None,
        "themes": ["labour-market-governance", "social-dialogue", "gender"],
        "partners": [
            ("ifc", Role.IMPLEMENTING),
            ("molisa", Role.COUNTERPART),
            # The memoranda of understanding of 22 November 2022, signed with the ILO.
            ("ifc", Role.SIGNATORY),
            ("molisa", Role.SIGNATORY),
            ("vcci", Role.SIGNATORY),
            ("vgcl", Role.SIGNATORY),
        ],
        "photo": "Garment workers (placeholder image)",
        # "Hanoi, Ho Chi Minh City, neighboring provinces and other localities": the seed
        # names only these two.
        "places": ["hanoi", "ho-chi-minh-city"],
        "phases": [
            {
                "name": "Garment and footwear factories",
                "name_vi": "Các nhà máy may mặc và da giày",
                "start_date": d(2009, 1, 1),
                "end_date": None,
                "focus": "Assessment, advisory and training services for garment and footwear "
                "factories, bringing together the government, employers, workers and "
                "international buyers.",
                "focus_vi": "Dịch vụ đánh giá, tư vấn và đào tạo cho các nhà máy may mặc và da "
                "giày, kết nối Chính phủ, người sử dụng lao động, người lao động và các nhãn "
                "hàng quốc tế.",
            },
            {
                "name": "Phase 2023-2027",
                "name_vi": "Giai đoạn 2023-2027",
                # The seed gives the years of the period only.
                "start_date": d(2023, 1, 1),
                "end_date": d(2027, 12, 31),
                "focus": "New locations (Hanoi, Ho Chi Minh City, neighbouring provinces and "
                "other localities) and other industries. Priorities: social dialogue, gender "
                "equality, inclusive development, occupational safety and health, data and "
                "information, and labour standards linked to climate change, productivity and "
                "business performance.",
                "focus_vi": "Các địa bàn mới (Hà Nội, Thành phố Hồ Chí Minh, các tỉnh lân cận "
                "và các địa phương khác) và các ngành khác. Ưu tiên: đối thoại xã hội, bình đẳng "
                "giới, phát triển bao trùm, an toàn, vệ sinh lao động, dữ liệu và thông tin, và "
                "các tiêu chuẩn lao động gắn với biến đổi khí hậu, năng suất và hiệu quả kinh "
                "doanh.",
            },
        ],
        "key_figures": [
            {
                "label": "Participating garment and footwear factories",
                "label_vi": "Nhà máy may mặc và da giày tham gia",
                "qualifier": KeyFigure.Qualifier.MORE_THAN,
                "value": 440,
                "unit": "factories",
                "unit_vi": "nhà máy",
                "as_of": BETTER_WORK_MOU_SIGNED,
                "source": BETTER_WORK_SOURCE,
                "source_vi": BETTER_WORK_SOURCE_VI,
            },
            {
                "label": "Workers employed in these factories",
                "label_vi": "Người lao động làm việc tại các nhà máy này",
                "qualifier": "",
                "value": 750000,
                "unit": "workers",
                "unit_vi": "người lao động",
                "as_of": BETTER_WORK_MOU_SIGNED,
                "source": BETTER_WORK_SOURCE,
                "source_vi": BETTER_WORK_SOURCE_VI,
            },
            {
                "label": "Provinces and cities where these factories are",
                "label_vi": "Tỉnh, thành phố có các nhà máy này",
                "qualifier": "",
                "value": 29,
                "unit": "provinces and cities",
                "unit_vi": "tỉnh, thành phố",
                "as_of": BETTER_WORK_MOU_SIGNED,
                "source": BETTER_WORK_SOURCE,
                "source_vi": BETTER_WORK_SOURCE_VI,
            },
        ],
    },
    {
        "slug": "enhance",
        "name": "ENHANCE Project",
        "name_vi": "Dự án ENHANCE",
        "acronym": "ENHANCE",
        "summary": "An ILO project against child labour in Viet Nam: surveys of knowledge, "
        "attitudes and practices, learning from child labour free zones, and a child labour "
        "free certification scheme for enterprises.",
        "summary_vi": "Dự án của ILO nhằm chống lao động trẻ em tại Việt Nam: khảo sát kiến "
        "thức, thái độ và thực hành, rút kinh nghiệm từ các vùng không có lao động trẻ em, và "
        "cơ chế chứng nhận doanh nghiệp không sử dụng lao động trẻ em.",
        "stage": Programme.Stage.CLOSED,
        "themes": ["social-protection-and-social-security", "international-labour-standards"],
        "partners": [
            ("molisa", Role.COUNTERPART),
            ("vietcraft", Role.PARTNER),
            ("viri", Role.PARTNER),
        ],
    },
    {
        "slug": "rsca",
        "name": "Responsible Supply Chains in Asia",
        "name_vi": "Chuỗi cung ứng có trách nhiệm tại châu Á",
        "acronym": "RSCA",
        "summary": "Promotes corporate social responsibility and responsible business conduct "
        "in Asian supply chains; in Viet Nam in the wood and seafood sectors, with workers' "
        "organizations and policy makers.",
        "summary_vi": "Thúc đẩy trách nhiệm xã hội của doanh nghiệp và hành vi kinh doanh có "
        "trách nhiệm trong các chuỗi cung ứng tại châu Á; tại Việt Nam, trong ngành gỗ và thủy "
        "sản, cùng các tổ chức của người lao động và các nhà hoạch định chính sách.",
        "stage": Programme.Stage.CLOSED,
        "themes": ["employment-and-sustainable-enterprises", "social-dialogue"],
        "partners": [
            ("eu-delegation", Role.FUNDING),
            ("vgcl", Role.PARTNER),
            ("vca", Role.PARTNER),
            ("d-fish", Role.PARTNER),
        ],
    },
    {
        "slug": "score",
        "name": "Sustaining Competitive and Responsible Enterprises",
        "name_vi": "Doanh nghiệp bền vững, cạnh tranh và có trách nhiệm",
        "acronym": "SCORE",
        "summary": "ILO training and in-factory counselling that helps small and medium "
        "enterprises raise productivity and improve working conditions.",
        "summary_vi": "Chương trình đào tạo và tư vấn tại doanh nghiệp của ILO, giúp các doanh "
        "nghiệp nhỏ và vừa nâng cao năng suất và cải thiện điều kiện làm việc.",
        "stage": Programme.Stage.CLOSED,
        "themes": ["employment-and-sustainable-enterprises"],
        "partners": [],
    },
    {
        "slug": "ilo-sida-garment-supply-chains",
        "name": "Decent Work in the Garment Sector Supply Chains in Asia",
        "name_vi": "Việc làm bền vững trong chuỗi cung ứng ngành may mặc tại châu Á",
        "acronym": "ILO-Sida",
        "summary": "An ILO project funded by Sida on decent work and environmental "
        "sustainability in the garment supply chains of Asia.",
        "summary_vi": "Dự án của ILO do Sida tài trợ về việc làm bền vững và bền vững môi "
        "trường trong chuỗi cung ứng ngành may mặc tại châu Á.",
        "stage": Programme.Stage.CLOSED,
        "themes": ["employment-and-sustainable-enterprises", "international-labour-standards"],
        "partners": [("sida", Role.FUNDING), ("tern", Role.PARTNER)],
    },
    {
        "slug": "ilo-eu-evfta-labour-standards",
        "name": "Promoting International Labour Standards within the framework of the EVFTA",
        "name_vi": "Thúc đẩy các tiêu chuẩn lao động quốc tế trong khuôn khổ EVFTA",
        "acronym": "ILO-EU EVFTA",
        "summary": "An ILO-EU project supporting Viet Nam's ratification and application of "
        "fundamental ILO conventions under the EU-Viet Nam Free Trade Agreement.",
        "summary_vi": "Dự án ILO - EU hỗ trợ Việt Nam phê chuẩn và thực thi các công ước cơ "
        "bản của ILO theo Hiệp định Thương mại Tự do giữa Liên minh châu Âu và Việt Nam.",
        "stage": Programme.Stage.CLOSED,
        "themes": ["international-labour-standards", "labour-market-governance"],
        "partners": [("eu-delegation", Role.FUNDING), ("molisa", Role.COUNTERPART)],
    },
]

OPENING_BODY = """
<p>The International Labour Organization (ILO) on Monday officially opened its office in
Hanoi, and pledged to work closely with its tripartite constituents, the Government and the
employers' and workers' organizations, to promote Decent Work in Viet Nam.</p>
<p>The opening was attended by senior officials of the Ministry of Foreign Affairs, the
Ministry of Planning and Investment and the Ministry of Labour, Invalids and Social Affairs,
by the employers' and workers' organizations, ambassadors, representatives of the United
Nations and of the main development agencies working in Viet Nam, and by ILO officials.</p>
<blockquote><p>"The promotion of Decent Work is the overarching mission of our
organization."</p><p>Yasuyuki Nodera, Regional Director of the ILO in Asia and the
Pacific</p></blockquote>
<p>Mr Nodera went on:</p>
<blockquote><p>"The action plan for Decent Work will identify priority areas for joint action
and provide guidance for ILO technical cooperation and fund-raising activities, while serving
as a basis for consultations between the ILO, its constituents, and other relevant
governmental bodies and development partners."</p><p>Yasuyuki Nodera, Regional Director of
the ILO in Asia and the Pacific</p></blockquote>
<p>The action plan takes Viet Nam's Ten Year National Development Strategy as a key
reference, and supports the Comprehensive Poverty Reduction and Growth Strategy, the United
Nations' (UN) Millennium Development Goals (MDGs) and the Viet Nam Development Goals.</p>
<p>The ILO's mission is to promote opportunities for women and men to obtain decent and
productive work in conditions of freedom, equity, security and human dignity. Four strategic
objectives guide its work:</p>
<ul>
<li>Promoting and realising standards and fundamental principles and rights at work</li>
<li>Creating greater opportunities for women and men to secure decent employment</li>
<li>Enhancing the coverage and effectiveness of social protection for all</li>
<li>Strengthening tripartism and social dialogue</li>
</ul>
<p>The ILO sets international labour standards and gives technical assistance and advice to
its constituents. Its cooperation with Viet Nam has grown steadily since 1992 with the
demands of constituents; its main partners are MOLISA, the Viet Nam General Confederation of
Labour, the Viet Nam Chamber of Commerce and Industry and the Vietnam Cooperative Alliance.
Its projects in Viet Nam fall within four main areas:</p>
<ul>
<li>Institutional Capacity Building</li>
<li>Labour Markets, Employment and Income</li>
<li>Social Protection</li>
<li>Social Dialogue</li>
</ul>
<p>Viet Nam resumed its membership of the ILO in 1992. The agreement to open an office in
Hanoi was signed in February 2002, the year in which the Government of Viet Nam was also
elected a deputy member of the ILO's Governing Body for a three-year term.</p>
"""

BETTER_WORK_BODY = """
<p>Hanoi, Ho Chi Minh City, neighbouring provinces and other localities can receive support
from the Better Work Vietnam programme in the 2023-2027 period, and the programme will reach
new locations and other industries.</p>
<p>Memoranda of understanding were signed on 22 November between the International Labour
Organization (ILO), the International Finance Corporation (IFC), the Ministry of Labour,
Invalids and Social Affairs, the Vietnam Chamber of Commerce and Industry and the Vietnam
General Confederation of Labour.</p>
<p>Since 2009 the programme has supported more than 440 garment and footwear factories,
which employ 750,000 workers in 29 provinces and cities, with assessment, advisory and
training services.</p>
<p>According to Ingrid Christensen, Director of ILO Vietnam, the new phase gives priority to
social dialogue, gender equality, inclusive development, occupational safety and health, and
data and information, as well as labour standards related to climate change, productivity
and business performance. She said the programme had improved social dialogue and awareness
of gender equality at work, which matter for the conditions and incomes of hundreds of
thousands of garment and footwear workers.</p>
<p>Deputy Minister of Labour, Invalids and Social Affairs Nguyen Thi Ha said that after 14
years in the country the programme had met national labour management targets and supported
the enforcement of labour law, and that better coordination between regulators, employers
and workers had helped build harmonious and stable workplaces.</p>
<blockquote><p>"It also helps Vietnam become a responsible supplier and comply with the code
of ethics in the garment and footwear industries."</p><p>Nguyen Thi Ha, Deputy Minister of
Labour, Invalids and Social Affairs</p></blockquote>
"""

MIGRATION_BODY = """
<p>On 19 April in Hanoi, the International Organization for Migration (IOM) Mission in
Vietnam and the Department of Overseas Labour (DoLAB) of the Ministry of Labour, Invalids and
Social Affairs (MOLISA) co-hosted a consultation workshop on partnerships and cooperation on
safe labour migration for the period 2024-2028.</p>
<p>Leaders of IOM and DoLAB met officials of other MOLISA departments, among them the
Department of Employment (DOE) and the Directorate of Vocational Education and Training
(DVET), and of the Departments of Labour, Invalids and Social Affairs (DOLISA) of nine
provinces from which many migrant workers come.</p>
<p>The workshop reviewed how well current cooperation between IOM and DoLAB works and
discussed priorities for 2024-2028. Opening it, Mr Dang Si Dung, Deputy Director of DoLAB,
thanked IOM for technical and financial support to labour migration regulations, training of
officials, public awareness of safe migration and the protection of migrant workers.</p>
<blockquote><p>"We especially appreciate IOM's support in providing inputs for the development
and dissemination of Law on Contract-based Vietnamese Overseas Workers and the publications
of two health handbooks for Vietnamese migrant workers living in Japan and the Republic of
Korea. We look forward to further collaborate with IOM to raise awareness among migrant
workers and help them make informed migration decisions via safe and regular migration
pathways."</p><p>Dang Si Dung, Deputy Director of DoLAB</p></blockquote>
<p>Ms Park Mihyung, Chief of Mission of IOM Vietnam, described IOM's work with the Government,
UN agencies, non-profit organizations and civil society organizations for safe and orderly
migration, and its commitment to skills development for migrant workers. With the Ministry
of Labour, Invalids and Social Affairs, IOM works on labour migration, counter-trafficking,
migrant health and skills development, and on the vulnerabilities of women migrant
workers.</p>
<blockquote><p>"IOM recognizes that the Government of Vietnam has been making important
commitments in protecting the rights and well-being of Vietnamese migrant workers and
creating an enabling environment for safe labour migration that is beneficial for people,
communities and Vietnam's socio-economic development. We are proud to work with government
partners such as DoLAB to protect the rights and well-being of migrant workers and maximize
the benefits of labour migration for all involved."</p><p>Park Mihyung, Chief of Mission,
IOM Vietnam</p></blockquote>
<p>Participants agreed that future cooperation should focus on capacity building,
legislation, dialogue with countries of destination, career orientation, pre-departure
information and counselling, and support for returning migrant workers, so that migration is
safe and regular and migrant workers are empowered and skilled.</p>
"""

HANOI = datetime.timezone(datetime.timedelta(hours=7))

ARTICLES = [
    {
        "slug": "ilo-office-opens-in-hanoi-decent-work-tops-the-agenda",
        "title": "ILO Office opens in Hanoi, Decent Work Tops the Agenda",
        "title_vi": "Văn phòng ILO khai trương tại Hà Nội, Việc làm bền vững là ưu tiên hàng đầu",
        "kind": Article.Kind.PRESS_RELEASE,
        "dateline": "HANOI",
        "standfirst": "The ILO officially opens its Hanoi office, pledging to work closely with "
        "its tripartite constituents from Government, employer and worker groups to promote "
        "Decent Work in Vietnam.",
        "standfirst_vi": "ILO chính thức khai trương văn phòng tại Hà Nội, cam kết hợp tác chặt "
        "chẽ với các đối tác ba bên gồm Chính phủ, tổ chức của người sử dụng lao động và tổ chức "
        "của người lao động để thúc đẩy Việc làm bền vững tại Việt Nam.",
        "body": OPENING_BODY,
        "publish_at": datetime.datetime(2003, 2, 17, 9, 0, tzinfo=HANOI),
        "is_featured": True,
        "programmes": [],
        "themes": ["social-dialogue", "international-labour-standards"],
        "partners": ["molisa", "vgcl", "vcci", "vca", "mofa", "mpi"],
    },
    {
        "slug": "better-work-vietnam-program-to-deploy-in-hanoi-and-other-localities",
        "title": "Better Work Vietnam program to deploy in Hanoi and other localities",
        "kind": Article.Kind.COVERAGE,
        "dateline": "HANOI",
        "standfirst": "The program, launched in 2009, has joined the government, employers, "
        "workers and international buyers to improve working conditions and boost the "
        "competitiveness of Vietnam's garment industry.",
        "body": BETTER_WORK_BODY,
        # The seed gives "November 22" for the signing and the 2023-2027 period it
        # opens; the newspaper's own page furniture names the Hanoi Times.
        "publish_at": datetime.datetime(2022, 11, 22, 18, 0, tzinfo=HANOI),
        "source_name": "The Hanoi Times",
        "source_published_on": d(2022, 11, 22),
        "hero": "Better Work Viet Nam in new locations (placeholder image)",
        "programmes": ["better-work-viet-nam"],
        "themes": ["social-dialogue", "gender"],
        "partners": ["ifc", "molisa", "vcci", "vgcl"],
    },
    {
        "slug": "promoting-cooperation-on-safe-labour-migration-in-vietnam-2024-2028",
        "title": "Promoting cooperation on safe labour migration in Vietnam for period of "
        "2024-2028",
        "kind": Article.Kind.COVERAGE,
        "dateline": "HANOI",
        "standfirst": "IOM and the Department of Overseas Labour reviewed their cooperation "
        "and set priorities for safe and regular labour migration in 2024-2028.",
        "body": MIGRATION_BODY,
        # The seed gives "April 19" but no year; the workshop planned the 2024-2028
        # period, so we date it 19 April 2024.
        "publish_at": datetime.datetime(2024, 4, 19, 17, 0, tzinfo=HANOI),
        # Featured beside the 2003 release: the newest story, with its photo, leads the home
        # page rather than a lone text-only card.
        "is_featured": True,
        "source_name": "World and Vietnam Report (WVR)",
        "source_published_on": d(2024, 4, 19),
        "hero": "DoLAB opening remarks (placeholder image)",
        "photos": [
            "IOM Chief of Mission (placeholder image)",
            "Safe labour migration workshop (placeholder image)",
        ],
        "programmes": [],
        "themes": ["labour-market-governance"],
        "partners": ["iom", "dolab", "molisa", "doe", "dvet"],
    },
]


def _event(title, start, end=None, kind=EK.MEETING, **extra):
    return {"title": title, "start_date": start, "end_date": end, "kind": kind, **extra}


# The events page, in its order: newest month first, and within a month as printed.
EVENTS = [
    _event(
        "Sixth Technical Meeting of Focal Specialists on International Labour Migration "
        "Statistics in ASEAN",
        d(2020, 9, 17),
        description=(
            "This meeting discusses international labour migration data statistics and brings"
            " together representatives from national governments, the ASEAN Secretariat, "
            "ASEAN Statistics, and ILO."
        ),
        summary="National government representatives, the ASEAN Secretariat, ASEAN "
        "statistics staff and the ILO discuss data on international labour migration.",
        partners=["asean-secretariat"],
    ),
    _event(
        "Consultation on regulation of recruitment and the Draft Law on Contract-based "
        "Vietnamese Overseas Workers (Revised)",
        d(2020, 9, 15),
        kind=EK.CONSULTATION,
        description=(
            "The Consultation workshop will provide a platform for multinational businesses "
            "and lawmakers to discuss how the revised Law can support sustainable business "
            "development and protect Vietnamese migrant workers."
        ),
        summary="Multinational businesses and lawmakers discuss how the revised law can "
        "support sustainable business and protect Vietnamese migrant workers.",
    ),
    _event(
        "SCORE Workshop on good practice sharing",
        d(2020, 7, 28),
        kind=EK.WORKSHOP,
        # The seed prints the title and the day only: no summary rather than an invented one.
        programmes=["score"],
    ),
    _event(
        "ILO Webinar on COVID-19: Protecting Workers in the Workplace in Asia and Pacific",
        d(2020, 7, 23),
        kind=EK.WEBINAR,
        is_online=True,
        description=(
            "This webinar will offer trade unionists in Asia-Pacific an opportunity to "
            "discuss “Pillar 3: Protecting workers in the workplace” while exploring possible"
            " actions and strategies to influence, shape and support successful policy "
            "outcomes linked to the ILO Policy Framework."
        ),
        summary="Trade unionists of Asia and the Pacific discuss Pillar 3 of the ILO Policy "
        "Framework on COVID-19, protecting workers in the workplace, and how to shape policy "
        "outcomes.",
    ),
    _event(
        "Virtual Open Session at the ASEAN Committee on Migrant Workers (ACMW) Workshop on "
        "Planning for the Action Plan in 2021-2025, and online preparatory meetings",
        d(2020, 7, 22),
        d(2020, 7, 23),
        is_online=True,
        # The seed prints the title and the days only.
    ),
    _event(
        # The title as the seed prints it (no space after the colon); the slug is the one
        # the title with a space gave, so that links to the event made before still work.
        "ILO Webinar on COVID-19:Supporting Enterprises, Jobs and Income in Asia and Pacific",
        d(2020, 7, 16),
        slug="ilo-webinar-on-covid-19-supporting-enterprises-jobs-and-income-in-asia-and-pac-2020-07-16",
        kind=EK.WEBINAR,
        is_online=True,
        description=(
            "This webinar, part of the ACTRAV Webinar Series 2.0, will explore how to cushion"
            " the devastating consequences for the loss of income many workers face during "
            "lockdown as well as the policies in place such as wage subsidies, job retention "
            "schemes and other efforts in terms of short-term support and extension of social"
            " protection. Trade union strategies that can influence, shape and support these "
            "actions will also be discussed."
        ),
        summary="Part of the ACTRAV Webinar Series 2.0: cushioning workers' loss of income "
        "during lockdown through wage subsidies, job retention schemes and social protection, "
        "and the trade union strategies that can shape them.",
    ),
    _event(
        'Book Launch: "An ILO For All Seasons"',
        d(2020, 6, 29),
        kind=EK.BOOK_LAUNCH,
        description=(
            "Over a hundred years, the ILO has developed International Labour Standards and "
            "Policy Responses to mitigate the effects of employment and social crises. 2020 "
            "will be remembered as the year the world of work was brought to its knees by the"
            " COVID-19 pandemic. The COVID-19 pandemic has shown how hasards move in a "
            "globalized world. It has highlighted the need to use the tools that are "
            "available for countering social and economic crises and securing the safety and "
            "health of workers. This book traces the development of these tools and the ways "
            "in which they have been successfully applied over the last hundred years."
        ),
        summary="A book tracing how, over a hundred years, the ILO built standards and policy "
        "responses to employment and social crises, launched as COVID-19 brings the world of "
        "work to its knees.",
    ),
    _event(
        'Book launch: "Still Work to be Done"',
        d(2020, 6, 25),
        kind=EK.BOOK_LAUNCH,
        description=(
            "In this book, Luc Cortebeeck examines the future of work: how can we eliminate "
            "child labour and exploitation?How do we make governments ans multinationals "
            "respect all workers in supply chains? How will we work in the post-coronavirus "
            "world? These are some questions that Luc Cortebeeck tried to respond in this "
            "book which is a plea for effective international social regulations and a strong"
            " ILO as cornerstone for social progress."
        ),
        summary="Luc Cortebeeck's plea for effective international social regulation and a "
        "strong ILO: child labour, workers in supply chains and work after the coronavirus.",
    ),
    _event(
        "ILO Webinar on COVID-19: Stimulating the Economy and Employment in Asia and Pacific",
        d(2020, 6, 23),
        kind=EK.WEBINAR,
        is_online=True,
        description=(
            "The lockdown measures have sparked an unprecedented economic crisis in most "
            "countries around the world. “Jobs-led” and “human centred” economic policies "
            "have become increasingly important and necessary in the COVID-19 crisis and "
            "recovery response. The ILO Policy Framework on COVID-19 Crisis based on "
            "International Labour Standards identified out four (4) pillars to fight the "
            "crisis and one of which is the pillar on “Stimulating the Economy and "
            "Employment”. This webinar, part of the ACTRAV Webinar Series 2.0 will explore "
            "how economic and employment policies (in particular active labour market "
            "policies) can support workers and sectors in the Asia Pacific region to promote "
            "employment growth and more decent work on the road to recovery."
        ),
        summary="Part of the ACTRAV Webinar Series 2.0: how economic and active labour market "
        "policies can support workers and sectors in Asia and the Pacific on the road to "
        "recovery.",
    ),
    _event(
        "Social Responsibility in Labour Management at wood enterprises",
        d(2020, 5, 26),
        d(2020, 5, 27),
        kind=EK.TRAINING,
        description=(
            "The Responsible Supply Chains in Asia programme is conducting a training seminar"
            " for Wood Industry executives, government officials, unions and employers"
        ),
        summary="A training seminar of the Responsible Supply Chains in Asia programme for "
        "wood industry executives, government officials, unions and employers.",
        programmes=["rsca"],
    ),
    _event(
        "Technical webinar: Environmental Regulatory Systems in the Textile & Garment Sector",
        d(2020, 4, 30),
        kind=EK.WEBINAR,
        is_online=True,
        description=(
            "The technical webinar will bring together experts to discuss preliminary "
            "findings and emerging themes. The webinar is a consultation dialogue with the "
            "taskforce members of the Textile Eco-innovation Research Network (TERN) of the "
            "Decent Work in the Garment Sector Supply Chains in Asia project (ILO-Sida)."
        ),
        summary="Experts discuss preliminary findings with the taskforce of the Textile "
        "Eco-innovation Research Network (TERN) of the ILO-Sida garment supply chains project.",
        programmes=["ilo-sida-garment-supply-chains"],
        partners=["tern"],
    ),
    _event(
        "Technical meetings on Convention 105 ratification dossier",
        d(2020, 3, 1),
        d(2020, 3, 7),
        description=(
            "In the first quarter of 2020, under the support of ILO EU project on Promoting "
            "ILS within framework of EVFTA, MOLISA will hold nine technical meetings with "
            "Ministry of Justice, Government Office, President Office, and National Assembly "
            "Committees to advocate for the Convention 105 ratification dossier."
        ),
        summary="MOLISA holds nine technical meetings with the Ministry of Justice, the "
        "Government Office, the President Office and National Assembly committees to advocate "
        "for ratifying Convention 105, with support of the ILO-EU project on labour standards "
        "under the EVFTA.",
        programmes=["ilo-eu-evfta-labour-standards"],
        partners=["molisa", "moj", "government-office", "president-office"],
    ),
    _event(
        "Launch of Convention 98 and consultation on its implementation plan",
        d(2020, 3, 1),
        d(2020, 3, 7),
        kind=EK.WORKSHOP,
        description=(
            "On the first week of March 2020, MOLISA Legal Dept. in coordination with ILO EU "
            "Project on Promoting ILS within framework of EVFTA will organize the workshop to"
            " launch ILO Convention 98 ratification and consult on its implementation plan."
        ),
        summary="MOLISA's Legal Department and the ILO-EU project launch the ratification of "
        "ILO Convention 98 and consult on the plan to implement it.",
        programmes=["ilo-eu-evfta-labour-standards"],
        partners=["molisa"],
    ),
    _event(
        "Study Visit to Sri Lanka to learn about Child Labour Free Zones",
        d(2020, 3, 1),
        d(2020, 3, 10),
        kind=EK.STUDY_VISIT,
        country="Sri Lanka",
        description=(
            "A study visit to Sri Lanka is being organised by the ENHANCE Project for "
            "Vietnamese delegates to learn from the experiences of Sri Lanka in preventing "
            "and eliminating child labour and implementing child labour free zones."
        ),
        summary="Vietnamese delegates learn how Sri Lanka prevents and eliminates child labour "
        "and runs child labour free zones.",
        programmes=["enhance"],
    ),
    _event(
        "ENHANCE Project Endline KAP survey",
        d(2020, 2, 25),
        d(2020, 2, 29),
        kind=EK.SURVEY,
        country="Viet Nam",
        description=(
            "The ENHANCE Project will undertake an endline survey on the Knowledge, Attitudes"
            " and Practices (KAP) related to child labour in Viet Nam to assess changes since"
            " project implementation."
        ),
        summary="An endline survey of knowledge, attitudes and practices (KAP) on child labour "
        "measures what has changed since the project began.",
        programmes=["enhance"],
    ),
    _event(
        'Inception meeting of the "CSR Think-Tank" for CSR promotion in the seafood supply '
        "chains in Viet Nam",
        d(2020, 2, 20),
        city="Hanoi",
        country="Viet Nam",
        description=(
            'Approximately 30 people will attend an inception meeting of "CSR Think-Tank" on '
            "20 Feburary 2020 in Hanoi. The Think-Tank, composed of 14 members and initiated "
            "within the RSCA project, will be working as a task force to provide advisory "
            "contribution to the Department of Fisheries (D-FISH, MARD) in the strategizing "
            "and policy making for promoting CSR/RBC in seafood supply chains in Viet Nam for"
            " sustainable trade and development of the sector. The event will be witnessed by"
            " representatives from EU Delegation, EUROCHAM Viet Nam and ILO Hanoi."
        ),
        summary="About 30 people attend the first meeting of the 14-member CSR Think-Tank, "
        "which will advise the Department of Fisheries (D-FISH, MARD) on promoting CSR and "
        "responsible business conduct in seafood supply chains.",
        programmes=["rsca"],
        partners=["d-fish", "eu-delegation", "eurocham"],
    ),
    _event(
        'Technical workshop "CSR implementation at enterprises - role and engagement of the '
        'workers" for policy makers',
        d(2020, 2, 13),
        d(2020, 2, 14),
        kind=EK.WORKSHOP,
        city="Can Tho City",
        country="Viet Nam",
        description=(
            "Representatives of DOLISAs, FOLs and provicial affiliates of Viet Nam "
            "Cooperative Alliance from 10 provinces and cities from Central Coastal and "
            "Mekong Delta regions, together with wood and seafood associations, "
            "representatives from EU Delegation to Viet Nam (Trade and Economic Affairs "
            "section) and EUROCHAM Viet Nam, will participate in 2-day workshop from 13-14 "
            "February 2020 in Can Tho City. Key topic of discussion will be the role of the "
            "workers in implementing ILO's CSR agenda and how they can effectively engage in "
            "this process. The workshop is co-organized within the RSCA (ILO) project by ILO "
            "Hanoi and the Viet Nam General Confederation of Labour, aiming to advocacy to "
            "the process of ratification of EVFTA by the EU Parliament and the Viet Nam "
            "National Assembly which to take place this year."
        ),
        summary="DOLISAs, labour federations and Cooperative Alliance affiliates of ten "
        "provinces and cities of the Central Coast and the Mekong Delta discuss the role of "
        "workers in CSR, in a workshop co-organized by ILO Hanoi and VGCL.",
        programmes=["rsca"],
        partners=["vgcl", "vca", "eu-delegation", "eurocham"],
    ),
    _event(
        "Review workshop on the national campaign on better compliance in woodwork sector in 2019",
        d(2020, 2, 1),
        d(2020, 2, 7),
        kind=EK.WORKSHOP,
        description=(
            "MOLISA Inspectorate will organize a Review Workshop in February 2020 to review "
            "the national campaign on ''Enhancing the compliance with labour law of wood work"
            " sector enterprises in the whole country''."
        ),
        summary="The MOLISA Inspectorate reviews the national campaign to improve compliance "
        "with labour law in woodwork enterprises.",
        partners=["molisa"],
    ),
    _event(
        "Upcoming publication of National Child Labour Survey (NCLS) 2018",
        d(2020, 1, 1),
        kind=EK.OTHER,
        description=(
            "The findings of the NCLS 2018 (the second of its kind in Vietnam) are expected "
            "to be published early next year. The new survey will provide up to date "
            "information on the extent, characteristics and determinants of child labour in "
            "Viet Nam, and findings will guide the development of future strategies and "
            "interventions to prevent and reduce child labour in the country. With ILO "
            "technical support, the statistical data collection was led by GSO, and the "
            "report is being prepared by the Institute of Labour Science and Social Affairs "
            "(ILSSA)."
        ),
        summary="Findings of the second National Child Labour Survey, on the extent, "
        "characteristics and causes of child labour in Viet Nam; data collected by GSO with "
        "ILO support, report prepared by ILSSA.",
        partners=["gso", "ilssa"],
    ),
    _event(
        "ENHANCE project to develop child labour free certification scheme",
        d(2020, 1, 1),
        d(2020, 4, 30),
        kind=EK.OTHER,
        city="An Giang and Hanoi",
        country="Viet Nam",
        description=(
            "The ENHANCE project will support the development of an internationally "
            "recognized and credible child labour free certification scheme for enterprises "
            "to apply to products produced in Vietnam. The scheme will be piloted through the"
            " project\u2019s current livelihood interventions in An Giang and Hanoi in partnership"
            " with the Viet Nam Handicraft exporters Association (Vietcraft) and Vietnam "
            "Rural Industries Research and Development Institute (VIRI)."
        ),
        summary="A credible child labour free certification scheme for enterprises, piloted in "
        "the project's livelihood work in An Giang and Hanoi with Vietcraft and VIRI.",
        programmes=["enhance"],
        partners=["vietcraft", "viri"],
    ),
]

# Programmes and events are published as of this moment (deterministic, so that a
# second run changes nothing); articles carry their own dates.
PUBLISHED_AT = datetime.datetime(2020, 1, 1, 8, 0, tzinfo=HANOI)


def event_slug(spec):
    """Seed events are found again by a slug made from title and first day (or a fixed one)."""
    from ilo_office.text import slugify_vi

    if spec.get("slug"):
        return spec["slug"]
    return slugify_vi(f"{spec['title'][:80]} {spec['start_date']:%Y-%m-%d}")


# The Vietnamese of the samples' places, only where the demo already writes it: the
# provinces and cities of PLACES, and the office and country as the office's Vietnamese
# address (office.py) gives them. Da Nang is in neither and stays English (the fallback).
# Seed events get none: the seeds give no Vietnamese place name, and none is made up.
PLACE_FIELDS = ("venue", "city", "country")
SAMPLE_PLACES_VI = {
    **{place["name"]: place["vietnamese_name"] for place in PLACES},
    "ILO Country Office for Viet Nam, 304 Kim Ma": "Văn phòng ILO tại Việt Nam, 304 Kim Mã",
    "Viet Nam": "Việt Nam",
}


def sample_place_vi(spec):
    """{"city_vi": "Hà Nội", ...} for the parts of a sample's place the demo has in Vietnamese."""
    names = {f"{field}_vi": SAMPLE_PLACES_VI.get(spec.get(field)) for field in PLACE_FIELDS}
    return {field: name for field, name in names.items() if name}


SAMPLE_PREFIX = "Sample: "
SAMPLE_PREFIX_VI = "Mẫu: "
SAMPLE_NOTE = (
    "A sample event of the demo site, dated from the day the demo was loaded: not a real ILO event."
)
SAMPLE_NOTE_VI = (
    "Sự kiện mẫu của trang minh họa, được xếp lịch tính từ ngày nạp dữ liệu minh họa: "
    "không phải là sự kiện thật của ILO."
)


def sample_events(today):
    """A few upcoming events, dated from `today`, so that a first visit shows the calendar at work.

    Every seed event is from 2020, so without these the upcoming list and the home page's
    events block are empty. They are marked as samples in the title and the summary, and
    have their own slugs (`sample-...`), so the seed events stay exactly as the seeds give them.
    """
    day = datetime.timedelta(days=1)
    specs = [
        {
            "slug": "sample-tripartite-consultation-on-the-labour-code",
            "title": "Tripartite consultation on the implementation of the Labour Code",
            "title_vi": "Tham vấn ba bên về việc thực hiện Bộ luật Lao động",
            "kind": EK.CONSULTATION,
            "start_date": today + 3 * day,
            "start_time": datetime.time(8, 30),
            "end_time": datetime.time(12, 0),
            "venue": "ILO Country Office for Viet Nam, 304 Kim Ma",
            "city": "Hanoi",
            "country": "Viet Nam",
            "themes": ["labour-market-governance"],
        },
        {
            "slug": "sample-webinar-on-social-insurance-for-informal-workers",
            "title": "Webinar on social insurance for informal workers",
            "title_vi": "Hội thảo trực tuyến về bảo hiểm xã hội cho lao động phi chính thức",
            "kind": EK.WEBINAR,
            "start_date": today + 10 * day,
            "start_time": datetime.time(14, 0),
            "end_time": datetime.time(16, 0),
            "is_online": True,
            "themes": ["social-protection-and-social-security"],
        },
        {
            "slug": "sample-better-work-industry-seminar",
            "title": "Better Work industry seminar on working conditions in garment factories",
            "title_vi": (
                "Hội thảo ngành của Better Work về điều kiện làm việc trong nhà máy may mặc"
            ),
            "kind": EK.WORKSHOP,
            "start_date": today + 17 * day,
            "end_date": today + 18 * day,
            "city": "Ho Chi Minh City",
            "country": "Viet Nam",
            "programmes": ["better-work-viet-nam"],
        },
        {
            "slug": "sample-training-on-labour-inspection",
            "title": "Training course on labour inspection for provincial inspectors",
            "title_vi": "Khóa tập huấn về thanh tra lao động cho thanh tra viên cấp tỉnh",
            "kind": EK.TRAINING,
            "start_date": today + 31 * day,
            "end_date": today + 35 * day,
            "city": "Da Nang",
            "country": "Viet Nam",
            "themes": ["labour-market-governance"],
        },
        {
            "slug": "sample-launch-of-a-report-on-youth-employment",
            "title": "Launch of a report on youth employment in Viet Nam",
            "title_vi": "Ra mắt báo cáo về việc làm cho thanh niên Việt Nam",
            "kind": EK.BOOK_LAUNCH,
            "start_date": today + 45 * day,
            "start_time": datetime.time(9, 0),
            "end_time": datetime.time(11, 30),
            "city": "Hanoi",
            "country": "Viet Nam",
            "is_online": True,
            "themes": ["employment-and-sustainable-enterprises"],
        },
    ]
    for spec in specs:
        spec.update(sample_place_vi(spec))
        spec["title"] = SAMPLE_PREFIX + spec["title"]
        spec["title_vi"] = SAMPLE_PREFIX_VI + spec["title_vi"]
        spec["summary"] = SAMPLE_NOTE
        spec["summary_vi"] = SAMPLE_NOTE_VI
    return specs
