"""Loaded by pytest (`-p tests.environment`) before pytest-django reads the settings.

The suite runs with the quick-start environment (DEBUG's throwaway key, local
hosts) unless the caller sets these variables; DATABASE_URL picks the database.
"""

import os

os.environ.setdefault("DEBUG", "1")
# Query-count and page tests measure the views themselves; tests/test_page_cache.py
# turns the page cache on where it is the subject.
os.environ.setdefault("PAGE_CACHE", "0")
