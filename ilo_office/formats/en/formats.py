"""English as the ILO writes it (British usage): 17 September 2020, 750,000."""

DATE_FORMAT = "j F Y"  # 17 September 2020
DATETIME_FORMAT = "j F Y, H:i"  # 17 September 2020, 14:00
TIME_FORMAT = "H:i"
YEAR_MONTH_FORMAT = "F Y"  # September 2020
MONTH_DAY_FORMAT = "j F"  # 17 September
SHORT_DATE_FORMAT = "j M Y"  # 17 Sep 2020: day first, never the American 09/17/2020
SHORT_DATETIME_FORMAT = "j M Y, H:i"
FIRST_DAY_OF_WEEK = 1  # Monday

DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3  # 750,000
