"""The office's contact details in the demo, from what the seeds say, and nothing more.

The seeds name the office in Hanoi (opened in 2002: tests/seeds/000_*) but give no
telephone number, no opening hours and no switchboard, so those two are placeholders
that say so on the page, in both languages, and the loader records the row as its own
(backoffice.DemoItem): the day staff save the real details, their row is kept and never
written again. The address and e-mail are the model's defaults (contact.models).

Migration contact 0002 makes the row with those defaults, so the loader would take it
for staff's (it differs from the demo's values) and never fill it. A row that still holds
exactly what the migration wrote, and that the loader has no record of, was saved by
nobody: it is replaced as if new (with its first revision). Any other row is left alone.
"""

from contact.models import ADDRESS_EN, ADDRESS_VI, OfficeContact
from ilo_office.backoffice.models import DemoItem

# The one field without a Vietnamese column: both languages in it (at most 50 characters).
PHONE_PLACEHOLDER = "Demo placeholder / Chưa có số điện thoại"
HOURS_PLACEHOLDER = (
    "Demo placeholder: the seeds give no opening hours. Staff enter the office's hours "
    "in the back office (Contact and media > Office contact details)."
)
HOURS_PLACEHOLDER_VI = (
    "Nội dung giữ chỗ của trang minh họa: dữ liệu gốc không có giờ làm việc. Nhân viên "
    "nhập giờ làm việc của văn phòng trong trang quản trị (Liên hệ và báo chí > Thông tin "
    "liên hệ của văn phòng)."
)


def _as_migrated(contact):
    from ilo_office.demo.loader import fingerprint

    fresh = OfficeContact(pk=contact.pk, address_en=ADDRESS_EN, address_vi=ADDRESS_VI)
    fresh.address = ADDRESS_EN
    return fingerprint(contact) == fingerprint(fresh)


def load_office_contact(loader):
    """The one row of contact details, unless staff have saved theirs (the loader decides)."""
    from ilo_office.demo.loader import key_of

    lookup = {"pk": OfficeContact.SINGLETON_PK}
    if not DemoItem.objects.filter(key=key_of(OfficeContact, lookup)).exists():
        migrated = OfficeContact.objects.filter(**lookup).first()
        if migrated is not None and _as_migrated(migrated):
            migrated.delete()
    values = {
        "address_en": ADDRESS_EN,
        "address_vi": ADDRESS_VI,
        "phone": PHONE_PLACEHOLDER,
        "opening_hours_en": HOURS_PLACEHOLDER,
        "opening_hours_vi": HOURS_PLACEHOLDER_VI,
    }
    return loader.upsert(OfficeContact, lookup, values)[0]
