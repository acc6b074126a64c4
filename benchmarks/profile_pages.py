"""Profile the per-request Python work of public pages, with production-like settings.

    .venv/bin/python benchmarks/profile_pages.py                    # the default pages, 200 each
    .venv/bin/python benchmarks/profile_pages.py -n 500 /news/ /vi/news/
    .venv/bin/python benchmarks/profile_pages.py --output /tmp/profiles   # + pyinstrument HTML/text

Each page is requested in-process through Django's test client (no server, no network),
with DEBUG off so the cached template loader is on, as the benchmark and production run:
the environment defaults below are only set where the caller has not set them.
`ms/req` is the wall time per request over the run (after a few warm-up requests); with
--output, each page's profile is written as `<name>.html` and `<name>.txt`.

Paths may name the first published item of a kind instead of a slug: `{article}`, `{event}`,
`{programme}`, `{theme}`, `{partner}` (the default page list uses them). The content is
whatever database DATABASE_URL (or the quick start's SQLite file) holds. Fragments cached
by content generation are warm after the first request, as they are in production.
"""

import argparse
import os
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

DEFAULT_PATHS = [
    "/",
    "/news/",
    "/news/?kind=news",
    "/news/{article}/",
    "/events/",
    "/events/past/",
    "/events/{event}/",
    "/programmes/{programme}/",
    "/news/feed/rss/",
    "/events/calendar.ics",
    "/vi/news/",
]

PRODUCTION_LIKE = {
    "DJANGO_SETTINGS_MODULE": "ilo_office.settings",
    "SECRET_KEY": "x",
    "ALLOWED_HOSTS": "testserver",
    "DEBUG": "0",
    "SECURE_SSL_REDIRECT": "0",
}


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", help="paths to request (default: a set of pages)")
    parser.add_argument("-n", "--requests", type=int, default=200, help="requests per page")
    parser.add_argument("--warmup", type=int, default=5, help="unmeasured requests per page first")
    parser.add_argument("--output", type=Path, help="directory for pyinstrument HTML and text")
    parser.add_argument(
        "--no-profile", action="store_true", help="time only, without pyinstrument's overhead"
    )
    return parser.parse_args(argv)


def setup_django():
    for key, value in PRODUCTION_LIKE.items():
        os.environ.setdefault(key, value)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings

    if not settings.DEBUG:
        _ensure_static_manifest(settings)


def _ensure_static_manifest(settings):
    """With DEBUG off, {% static %} reads collectstatic's manifest: make one if missing."""
    if (Path(settings.STATIC_ROOT) / "staticfiles.json").exists():
        return
    from django.core.management import call_command

    print(f"collectstatic into {settings.STATIC_ROOT} (the manifest was missing)")
    call_command("collectstatic", interactive=False, verbosity=0)


def first_slugs():
    """The slug of the first published item of each kind, for `{article}` and friends."""
    from events.models import Event
    from newsroom.models import Article
    from programmes.models import Partner, Programme, Theme

    def slug(queryset):
        return queryset.order_by("pk").values_list("slug", flat=True).first() or "missing"

    return {
        "article": slug(Article.objects.published()),
        "event": slug(Event.objects.published()),
        "programme": slug(Programme.objects.published()),
        "theme": slug(Theme.objects.all()),
        "partner": slug(Partner.objects.all()),
    }


def file_name(path):
    return re.sub(r"[^A-Za-z0-9]+", "_", path).strip("_") or "home"


def run(path, client, args):
    def get():
        response = client.get(path)
        if response.status_code != 200:
            raise SystemExit(f"{path}: HTTP {response.status_code}")
        return response

    for _ in range(args.warmup):
        get()
    profiler = None
    if not args.no_profile:
        from pyinstrument import Profiler

        profiler = Profiler()
        profiler.start()
    started = time.perf_counter()
    for _ in range(args.requests):
        get()
    elapsed = time.perf_counter() - started
    if profiler:
        profiler.stop()
        if args.output:
            args.output.mkdir(parents=True, exist_ok=True)
            name = file_name(path)
            (args.output / f"{name}.html").write_text(profiler.output_html())
            (args.output / f"{name}.txt").write_text(profiler.output_text(unicode=True))
            # Every function's time including its callees, library code too: where
            # Django's template and form machinery goes, which the tree view folds away.
            (args.output / f"{name}.flat.txt").write_text(
                profiler.output_text(unicode=True, flat=True, flat_time="total", show_all=True)
            )
    return elapsed * 1000 / args.requests


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    setup_django()
    from django.db import connection
    from django.test import Client

    slugs = first_slugs()
    paths = [p.format(**slugs) for p in (args.paths or DEFAULT_PATHS)]
    client = Client()
    mode = "time only" if args.no_profile else "under pyinstrument"
    print(f"{args.requests} requests per page, {mode}, database {connection.vendor}")
    print(f"{'page':<50} {'ms/req':>8} {'req/s':>8}")
    total = 0.0
    for path in paths:
        ms = run(path, client, args)
        total += ms
        print(f"{path:<50} {ms:8.2f} {1000 / ms:8.0f}", flush=True)
    print(f"{'mean':<50} {total / len(paths):8.2f}")
    if args.output:
        print(f"profiles in {args.output}/")


if __name__ == "__main__":
    main()
