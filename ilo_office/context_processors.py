from ilo_office.publishing import office_today


def today(request):
    """`today` in every template: the date in Hanoi, for "ongoing" and "past" labels."""
    return {"today": office_today()}
