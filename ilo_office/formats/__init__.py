"""Date and number formats per language (settings.FORMAT_MODULE_PATH).

Django's own locale formats are American for English ("Sept. 17, 2020", "09/17/2020")
and long-winded for Vietnamese ("Ngày 17 tháng 9 năm 2020"); the office prints
dates as the seed does in English and in the numeric style of Vietnamese official
and press writing, the same style `events.dates` uses for event dates. Anything not
set here falls back to Django's locale module for the language.
"""
