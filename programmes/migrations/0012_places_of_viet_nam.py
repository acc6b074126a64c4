"""Viet Nam's 34 provinces and centrally-run cities, and the 29 provinces merged into them.

On 1 July 2025 (National Assembly Resolution 202/2025/QH15) Viet Nam went from 63
provinces and cities to 34: 11 kept their borders, 52 were merged whole into 23. The
Where we work page lists every current one by region, and a programme that names a
former province is shown under the one it is part of today.

Staff edits are kept: a place found by its slug (or, failing that, by its English or
Vietnamese name) only has its empty fields filled in: its Vietnamese name, its region,
and for a former province the one it became part of. Nothing is created twice, and the
reverse migration deletes nothing (content may name these places by then).

Data only, in a migration of its own: PostgreSQL refuses to alter a table in the
transaction that updated its rows.
"""

import datetime

from django.db import migrations

MERGED = datetime.date(2025, 7, 1)

# (slug, English name, Vietnamese name, kind, region), in the order of the resolution's
# list of the new units.
CURRENT = [
    # The six centrally-run cities.
    ("hanoi", "Hanoi", "Hà Nội", "city", "north"),
    ("hue", "Hue", "Huế", "city", "central"),
    ("hai-phong", "Hai Phong", "Hải Phòng", "city", "north"),
    ("da-nang", "Da Nang", "Đà Nẵng", "city", "central"),
    ("ho-chi-minh-city", "Ho Chi Minh City", "Thành phố Hồ Chí Minh", "city", "south"),
    ("can-tho", "Can Tho", "Cần Thơ", "city", "south"),
    # The provinces whose borders did not change.
    ("lai-chau", "Lai Chau", "Lai Châu", "province", "north"),
    ("dien-bien", "Dien Bien", "Điện Biên", "province", "north"),
    ("son-la", "Son La", "Sơn La", "province", "north"),
    ("lang-son", "Lang Son", "Lạng Sơn", "province", "north"),
    ("quang-ninh", "Quang Ninh", "Quảng Ninh", "province", "north"),
    ("cao-bang", "Cao Bang", "Cao Bằng", "province", "north"),
    ("thanh-hoa", "Thanh Hoa", "Thanh Hóa", "province", "central"),
    ("nghe-an", "Nghe An", "Nghệ An", "province", "central"),
    ("ha-tinh", "Ha Tinh", "Hà Tĩnh", "province", "central"),
    # The provinces formed by the mergers.
    ("tuyen-quang", "Tuyen Quang", "Tuyên Quang", "province", "north"),
    ("lao-cai", "Lao Cai", "Lào Cai", "province", "north"),
    ("thai-nguyen", "Thai Nguyen", "Thái Nguyên", "province", "north"),
    ("phu-tho", "Phu Tho", "Phú Thọ", "province", "north"),
    ("bac-ninh", "Bac Ninh", "Bắc Ninh", "province", "north"),
    ("hung-yen", "Hung Yen", "Hưng Yên", "province", "north"),
    ("ninh-binh", "Ninh Binh", "Ninh Bình", "province", "north"),
    ("quang-tri", "Quang Tri", "Quảng Trị", "province", "central"),
    ("quang-ngai", "Quang Ngai", "Quảng Ngãi", "province", "central"),
    ("gia-lai", "Gia Lai", "Gia Lai", "province", "central"),
    ("khanh-hoa", "Khanh Hoa", "Khánh Hòa", "province", "central"),
    ("lam-dong", "Lam Dong", "Lâm Đồng", "province", "central"),
    ("dak-lak", "Dak Lak", "Đắk Lắk", "province", "central"),
    ("dong-nai", "Dong Nai", "Đồng Nai", "province", "south"),
    ("tay-ninh", "Tay Ninh", "Tây Ninh", "province", "south"),
    ("vinh-long", "Vinh Long", "Vĩnh Long", "province", "south"),
    ("dong-thap", "Dong Thap", "Đồng Tháp", "province", "south"),
    ("ca-mau", "Ca Mau", "Cà Mau", "province", "south"),
    ("an-giang", "An Giang", "An Giang", "province", "south"),
]

# (slug, English name, Vietnamese name, kind, slug of the unit it is part of since 1 July
# 2025). Where a merged unit kept the name of one of its provinces, that province is the
# current one above, not a former one here.
FORMER = [
    ("ha-giang", "Ha Giang", "Hà Giang", "province", "tuyen-quang"),
    ("yen-bai", "Yen Bai", "Yên Bái", "province", "lao-cai"),
    ("bac-kan", "Bac Kan", "Bắc Kạn", "province", "thai-nguyen"),
    ("vinh-phuc", "Vinh Phuc", "Vĩnh Phúc", "province", "phu-tho"),
    ("hoa-binh", "Hoa Binh", "Hòa Bình", "province", "phu-tho"),
    ("bac-giang", "Bac Giang", "Bắc Giang", "province", "bac-ninh"),
    ("thai-binh", "Thai Binh", "Thái Bình", "province", "hung-yen"),
    ("hai-duong", "Hai Duong", "Hải Dương", "province", "hai-phong"),
    ("ha-nam", "Ha Nam", "Hà Nam", "province", "ninh-binh"),
    ("nam-dinh", "Nam Dinh", "Nam Định", "province", "ninh-binh"),
    ("quang-binh", "Quang Binh", "Quảng Bình", "province", "quang-tri"),
    ("quang-nam", "Quang Nam", "Quảng Nam", "province", "da-nang"),
    ("kon-tum", "Kon Tum", "Kon Tum", "province", "quang-ngai"),
    ("binh-dinh", "Binh Dinh", "Bình Định", "province", "gia-lai"),
    ("ninh-thuan", "Ninh Thuan", "Ninh Thuận", "province", "khanh-hoa"),
    ("dak-nong", "Dak Nong", "Đắk Nông", "province", "lam-dong"),
    ("binh-thuan", "Binh Thuan", "Bình Thuận", "province", "lam-dong"),
    ("phu-yen", "Phu Yen", "Phú Yên", "province", "dak-lak"),
    ("binh-duong", "Binh Duong", "Bình Dương", "province", "ho-chi-minh-city"),
    ("ba-ria-vung-tau", "Ba Ria - Vung Tau", "Bà Rịa - Vũng Tàu", "province", "ho-chi-minh-city"),
    ("binh-phuoc", "Binh Phuoc", "Bình Phước", "province", "dong-nai"),
    ("long-an", "Long An", "Long An", "province", "tay-ninh"),
    ("soc-trang", "Soc Trang", "Sóc Trăng", "province", "can-tho"),
    ("hau-giang", "Hau Giang", "Hậu Giang", "province", "can-tho"),
    ("ben-tre", "Ben Tre", "Bến Tre", "province", "vinh-long"),
    ("tra-vinh", "Tra Vinh", "Trà Vinh", "province", "vinh-long"),
    ("tien-giang", "Tien Giang", "Tiền Giang", "province", "dong-thap"),
    ("bac-lieu", "Bac Lieu", "Bạc Liêu", "province", "ca-mau"),
    ("kien-giang", "Kien Giang", "Kiên Giang", "province", "an-giang"),
]


def _find(Place, slug, name, vietnamese_name):
    """The place staff may already have: by slug, else by either name (case aside)."""
    place = Place.objects.filter(slug=slug).first()
    if place is None:
        place = (
            Place.objects.filter(name__iexact=name).order_by("pk").first()
            or Place.objects.filter(vietnamese_name__iexact=vietnamese_name).order_by("pk").first()
        )
    return place


def _fill(place, **values):
    """Set the fields that are empty; return the names set."""
    changed = [name for name, value in values.items() if not getattr(place, name) and value]
    for name in changed:
        setattr(place, name, values[name])
    return changed


def add_places(apps, schema_editor):
    Place = apps.get_model("programmes", "Place")
    current = {}
    for slug, name, vietnamese_name, kind, region in CURRENT:
        place = _find(Place, slug, name, vietnamese_name)
        if place is None:
            place = Place.objects.create(
                slug=slug, name=name, vietnamese_name=vietnamese_name, kind=kind, region=region
            )
        else:
            changed = _fill(place, vietnamese_name=vietnamese_name, region=region)
            if changed:
                place.save(update_fields=changed)
        current[slug] = place
    for slug, name, vietnamese_name, kind, successor in FORMER:
        place = _find(Place, slug, name, vietnamese_name)
        if place is None:
            Place.objects.create(
                slug=slug,
                name=name,
                vietnamese_name=vietnamese_name,
                kind=kind,
                successor=current[successor],
                successor_since=MERGED,
            )
            continue
        changed = _fill(place, vietnamese_name=vietnamese_name)
        # A former province that staff left standing alone: say where it went. One that
        # staff already pointed somewhere keeps their choice, and the date they gave.
        if place.successor_id is None and place.pk != current[successor].pk:
            place.successor = current[successor]
            changed.append("successor")
            if place.successor_since is None:
                place.successor_since = MERGED
                changed.append("successor_since")
        if changed:
            place.save(update_fields=changed)


class Migration(migrations.Migration):
    dependencies = [
        ("programmes", "0011_place_region"),
    ]

    operations = [
        migrations.RunPython(add_places, migrations.RunPython.noop, elidable=True),
    ]
