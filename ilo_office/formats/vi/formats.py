"""Vietnamese in the numeric style of official and press writing: 17/9/2020, 750.000.

The same style as `events.dates` ("17/9/2020", "Tháng 9 năm 2020"), so that an
article's date and an event's date read alike on one page.
"""

DATE_FORMAT = "j/n/Y"  # 17/9/2020
DATETIME_FORMAT = "H:i, j/n/Y"  # 14:00, 17/9/2020: the hour first, as Vietnamese writes it
TIME_FORMAT = "H:i"
YEAR_MONTH_FORMAT = r"\T\há\n\g n \nă\m Y"  # Tháng 9 năm 2020
MONTH_DAY_FORMAT = "j/n"  # 17/9
SHORT_DATE_FORMAT = "d/m/Y"  # 17/09/2020
SHORT_DATETIME_FORMAT = "H:i d/m/Y"
FIRST_DAY_OF_WEEK = 1  # Monday (Thứ Hai)

DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "."
# Django's Vietnamese locale sets the separators but no grouping size, so grouped
# numbers (intcomma, KeyFigure.number) would print as 750000 instead of 750.000.
NUMBER_GROUPING = 3
