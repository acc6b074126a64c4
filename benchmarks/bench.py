"""Helpers of benchmarks/run: which pages, their query counts, wrk rounds, the report.

    bench.py pages --out pages.json        real URLs from the database (Django)
    bench.py queries --pages pages.json    warm query count per page (Django test client)
    bench.py measure ...                   wrk rounds against one running server
    bench.py report ...                    the Markdown tables with their targets

`pages` and `queries` run with the same settings and database as the server measured;
`measure` and `report` need no Django. Every external command has a time limit.
"""

import argparse
import datetime
import json
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import urlopen

ROOT = Path(__file__).resolve().parent.parent

# Targets: minimum share of the ceiling's req/s, by kind of page, uncached.
UNCACHED_TARGETS = {
    "detail": 0.10,  # an article, an event
    "list": 0.05,  # home, lists, a programme hub (it is lists of news and events)
    "feed": 0.05,  # RSS, iCalendar
    "sitemap": 0.05,
    "search": 0.03,
}
CACHED_TARGET = 0.80
P99_FACTOR = 20


def setup_django():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ilo_office.settings")
    import django

    django.setup()


def client():
    from django.test import Client

    # The benchmark's host, so ALLOWED_HOSTS is the servers' own.
    return Client(SERVER_NAME="127.0.0.1")


# --- pages -------------------------------------------------------------------------


def first_sitemap_section(c):
    """The first section of /sitemap.xml when it is an index of sections, else None."""
    response = c.get("/sitemap.xml")
    body = response.content.decode("utf-8", "replace")
    if response.status_code != 200 or "<sitemapindex" not in body:
        return None
    match = re.search(r"<loc>\s*([^<\s]+)\s*</loc>", body)
    if not match:
        return None
    parts = urlsplit(match.group(1).replace("&amp;", "&"))
    return parts.path + (f"?{parts.query}" if parts.query else "")


def cmd_pages(args):
    setup_django()
    from django.conf import settings

    from events.models import Event
    from newsroom.models import Article
    from programmes.models import Programme

    article = (
        Article.objects.published()
        .exclude(kind=Article.Kind.COVERAGE)
        .order_by("-publish_at", "-pk")
        .first()
    )
    event = Event.objects.upcoming().first() or Event.objects.past().first()
    programme = Programme.objects.published().order_by("pk").first()
    missing = [
        n for n, o in (("article", article), ("event", event), ("programme", programme)) if not o
    ]
    if missing:
        sys.exit(f"no published {', '.join(missing)} in the database: load the content first")

    pages = [
        ("ceiling (constant 10 KB view)", "/_ceiling/", "ceiling"),
        ("home", "/", "list"),
        ("news list", "/news/", "list"),
        ("news list, press releases", "/news/?kind=press_release", "list"),
        ("article", article.get_absolute_url(), "detail"),
        ("events, upcoming", "/events/", "list"),
        ("events, past", "/events/past/", "list"),
        ("event", event.get_absolute_url(), "detail"),
        ("calendar .ics", "/events/calendar.ics", "feed"),
        ("news RSS", "/news/feed/rss/", "feed"),
        ("programme hub", programme.get_absolute_url(), "list"),
        ("search 'viet nam'", "/search/?q=viet+nam", "search"),
        # The row above is one search asked again, answered from its per-generation copy;
        # this one is a new pair of words each request (new_searches.lua), each a search.
        ("search, new words each request", "/search/?q=new+words+each+request", "search"),
        ("sitemap.xml", "/sitemap.xml", "sitemap"),
    ]
    section = first_sitemap_section(client())
    if section:
        pages.append(("sitemap section", section, "sitemap"))
    info = {
        "articles": Article.objects.published().count(),
        "events": Event.objects.published().count(),
        "programmes": Programme.objects.published().count(),
        "page_cache_setting": repr(getattr(settings, "PAGE_CACHE", "absent from settings")),
        "cache_backend": settings.CACHES["default"]["BACKEND"],
    }
    data = {"pages": [{"name": n, "path": p, "kind": k} for n, p, k in pages], "info": info}
    Path(args.out).write_text(json.dumps(data, indent=1))
    for page in data["pages"]:
        print(f"  {page['kind']:8} {page['path']}", file=sys.stderr)


# --- queries -----------------------------------------------------------------------


def cmd_queries(args):
    setup_django()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    pages = json.loads(Path(args.pages).read_text())["pages"]
    c = client()
    result = {}
    for page in pages:
        c.get(page["path"])  # warm: per-process caches, the page cache if it is on
        # A scripted row asks something new each time: counted on a page not asked yet.
        measured = page["path"] + ("&page=2" if page["path"] in SCRIPTS else "")
        with CaptureQueriesContext(connection) as queries:
            response = c.get(measured)
        result[page["path"]] = {"status": response.status_code, "queries": len(queries)}
        print(f"  {response.status_code} {len(queries):4} queries  {page['path']}", file=sys.stderr)
    Path(args.out).write_text(json.dumps(result, indent=1))


# --- measure -----------------------------------------------------------------------

UNITS = {"us": 1e-3, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def to_ms(text):
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text.strip())
    return float(match.group(1)) * UNITS[match.group(2)] if match else None


def parse_wrk(output):
    """req/s, p50/p99 (ms), requests, non-2xx/3xx responses and socket errors from wrk."""
    result = {"rps": None, "p50": None, "p99": None, "requests": 0, "non2xx": 0, "errors": 0}
    if m := re.search(r"Requests/sec:\s+([\d.]+)", output):
        result["rps"] = float(m.group(1))
    if m := re.search(r"^\s+50%\s+(\S+)", output, re.M):
        result["p50"] = to_ms(m.group(1))
    if m := re.search(r"^\s+99%\s+(\S+)", output, re.M):
        result["p99"] = to_ms(m.group(1))
    if m := re.search(r"(\d+) requests in", output):
        result["requests"] = int(m.group(1))
    if m := re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output):
        result["non2xx"] = int(m.group(1))
    if m := re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    ):
        result["errors"] = sum(int(g) for g in m.groups())
    if not result["requests"]:  # nothing finished in the round: wrk's zeros are no data
        result.update(rps=None, p50=None, p99=None)
    return result


SCRIPTS = {"/search/?q=new+words+each+request": ROOT / "benchmarks" / "new_searches.lua"}


def wrk(url, duration, latency=True):
    command = ["wrk", "-t2", "-c10", f"-d{duration}s", "--timeout", "10s"]
    if latency:
        command.append("--latency")
    script = SCRIPTS.get(url[url.index("/", len("http://")) :])
    if script:
        command += ["-s", str(script)]
    try:
        done = subprocess.run(  # noqa: S603 (a fixed command, a URL on 127.0.0.1)
            [*command, url], capture_output=True, text=True, timeout=duration + 30, check=False
        )
        output = done.stdout + done.stderr
    except subprocess.TimeoutExpired:
        output = "wrk did not finish in time"
    return output


def settle(base, limit=60):
    """Wait until requests left queued by the last wrk run are served (bounded).

    wrk stops at its deadline, but the requests it left in gunicorn's listen queue are
    still served afterwards: without this, a slow page's leftovers eat into the next
    page's measurement. The listen queue is served in order, so once a fresh request to
    /healthz is answered the leftovers have been taken up.
    """
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        try:
            with urlopen(f"{base}/healthz", timeout=limit) as response:  # noqa: S310
                response.read()
            return
        except OSError:
            time.sleep(0.5)


def worker_rss(master_pid):
    """RSS in MB of each gunicorn worker (the master's children), from ps."""
    done = subprocess.run(  # noqa: S603
        ["ps", "-o", "rss=", "--ppid", str(master_pid)],  # noqa: S607
        capture_output=True,
        text=True,
        timeout=10,
        check=False,
    )
    return [round(int(v) / 1024, 1) for v in done.stdout.split()]


def cmd_measure(args):
    if not args.base.startswith("http://127.0.0.1:"):
        sys.exit("measure targets 127.0.0.1 only")
    pages = json.loads(Path(args.pages).read_text())["pages"]
    record = {
        "mode": args.mode,
        "queries_file": args.queries,
        "rss_start": worker_rss(args.master_pid),
        "runs": {p["path"]: [] for p in pages},
        "raw": {},
    }
    deadline = time.monotonic() + args.max_seconds
    print(f"  warm-up {args.warmup}s per page", file=sys.stderr)
    for page in pages:
        wrk(args.base + page["path"], args.warmup, latency=False)
        settle(args.base)
    # Rounds go through every page in turn, so a disturbance on the machine spreads
    # over all pages and the ceiling instead of landing on one of them.
    for round_no in range(1, args.rounds + 1):
        for page in pages:
            if time.monotonic() > deadline:
                sys.exit(f"measure: over the time limit of {args.max_seconds}s")
            output = wrk(args.base + page["path"], args.duration)
            settle(args.base)
            parsed = parse_wrk(output)
            record["runs"][page["path"]].append(parsed)
            record["raw"][f"{round_no} {page['path']}"] = output
            print(
                f"  round {round_no} {parsed['rps'] or 0:8.1f} req/s"
                f"  p99 {parsed['p99'] or 0:7.1f} ms"
                f"  non-2xx {parsed['non2xx']}  errors {parsed['errors']}  {page['path']}",
                file=sys.stderr,
            )
    record["rss_end"] = worker_rss(args.master_pid)
    Path(args.out).write_text(json.dumps(record, indent=1))


# --- report ------------------------------------------------------------------------


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def fmt(value, digits=0):
    return "n/a" if value is None else f"{value:,.{digits}f}"


def percent(share):
    return "n/a" if share is None else f"{share * 100:.1f}%"


def rate(value):
    """req/s: whole numbers, with one decimal below 100."""
    return fmt(value, 1 if value is not None and value < 100 else 0)


def short(path, limit=48):
    return path if len(path) <= limit else path[: limit - 3] + "..."


def rss_text(values):
    if not values:
        return "n/a"
    return f"{sum(values):.0f} MB total ({', '.join(f'{v:.0f}' for v in values)})"


def mode_table(record, pages, queries, cached):
    """The Markdown table of one mode, and the list of failures."""
    runs = record["runs"]
    ceiling = runs["/_ceiling/"]
    ceiling_rps = median(r["rps"] for r in ceiling)
    ceiling_p99 = median(r["p99"] for r in ceiling)
    failures = []
    lines = [
        "| page | req/s median (range) | share of ceiling | target | p50 ms | p99 ms "
        "| queries (warm) | non-2xx / errors |",
        "| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: |",
    ]
    for page in pages:
        rounds = runs[page["path"]]
        rps_values = [r["rps"] for r in rounds if r["rps"] is not None]
        rps = median(rps_values)
        p50 = median(r["p50"] for r in rounds)
        p99 = median(r["p99"] for r in rounds)
        bad = sum(r["non2xx"] for r in rounds)
        errors = sum(r["errors"] for r in rounds)
        share = rps / ceiling_rps if rps and ceiling_rps else None
        checks = []
        if cached and page["path"] in SCRIPTS:
            # Each request is a search not asked before: there is nothing to have cached.
            checks.append("none: new each request")
        elif page["kind"] != "ceiling":
            floor = CACHED_TARGET if cached else UNCACHED_TARGETS[page["kind"]]
            ok = share is not None and share >= floor
            checks.append(f"{'pass' if ok else 'FAIL'} >= {floor:.0%}")
            if not cached:
                limit = P99_FACTOR * ceiling_p99 if ceiling_p99 else None
                p99_ok = p99 is not None and limit is not None and p99 < limit
                checks.append(f"{'pass' if p99_ok else 'FAIL'} p99 < {P99_FACTOR}x")
                if not p99_ok:
                    failures.append(f"{page['name']}: p99 {fmt(p99, 1)} ms >= {fmt(limit, 1)} ms")
            if not ok:
                failures.append(f"{page['name']}: {percent(share)} < {floor:.0%}")
        if bad or errors or len(rps_values) < len(rounds) or not rounds:
            empty = len(rounds) - len(rps_values)
            failures.append(
                f"{page['name']}: {bad} non-2xx/3xx, {errors} socket errors, "
                f"{empty} round(s) where no request finished"
            )
            checks.append("FAIL responses")
        rng = f"{rate(min(rps_values))}-{rate(max(rps_values))}" if rps_values else "n/a"
        q = queries.get(page["path"], {})
        qtext = fmt(q.get("queries")) if q.get("status") == 200 else f"HTTP {q.get('status')}"
        if q.get("page_cache"):
            qtext += f" ({q['page_cache']})"
        lines.append(
            f"| {page['name']} `{short(page['path'])}` | {rate(rps)} ({rng}) "
            f"| {'-' if page['kind'] == 'ceiling' else percent(share)} "
            f"| {', '.join(checks) or 'reference'} | {fmt(p50, 1)} | {fmt(p99, 1)} "
            f"| {qtext} | {bad} / {errors} |"
        )
    lines.append("")
    lines.append(
        f"Worker memory (RSS of the 3 gunicorn workers): start {rss_text(record['rss_start'])}, "
        f"end {rss_text(record['rss_end'])}."
    )
    return "\n".join(lines), failures


def cmd_report(args):
    data = json.loads(Path(args.pages).read_text())
    pages, info = data["pages"], data["info"]
    meta = json.loads(args.meta)
    out = [
        f"# Benchmark {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC",
        "",
        f"- commit `{meta['commit']}`; volume: {meta['volume']}; published: "
        f"{info['articles']} articles, {info['events']} events, {info['programmes']} programmes",
        f"- machine: {meta['cpus']} CPUs, load average at start {meta['load']}; "
        f"PostgreSQL {meta['postgres']}, own throwaway cluster (fsync off)",
        "- gunicorn, 3 sync workers, production settings (DEBUG off, random SECRET_KEY, "
        "ALLOWED_HOSTS=127.0.0.1, SECURE_SSL_REDIRECT=0, WhiteNoise, collectstatic), "
        "no access log; the same for every page and the ceiling",
        f"- wrk: 2 threads, 10 connections, {meta['duration']} s per round, "
        f"{meta['rounds']} rounds per page (interleaved), {meta['warmup']} s warm-up per page; "
        "latency as wrk --latency reports it",
        f"- cache: {meta['cache']} (`{info['cache_backend']}`), the same in both modes; "
        f"settings.PAGE_CACHE when PAGE_CACHE=1: {info['page_cache_setting']}",
        "- queries: the second of two requests through Django's test client, same settings "
        "and database, counted with CaptureQueriesContext (hit/miss: its X-Page-Cache)",
        f"- targets: uncached detail pages >= {UNCACHED_TARGETS['detail']:.0%} of the ceiling, "
        f"lists/feeds/.ics/sitemaps >= {UNCACHED_TARGETS['list']:.0%} (the home page and the "
        f"programme hub count as lists), search >= {UNCACHED_TARGETS['search']:.0%}; "
        f"every page with the page cache on >= {CACHED_TARGET:.0%}; uncached p99 < "
        f"{P99_FACTOR}x the ceiling's p99; no non-2xx/3xx response or socket error",
        "",
    ]
    all_failures = []
    for label, path, cached in (
        ("Page cache off (PAGE_CACHE=0)", args.off, False),
        ("Page cache on (PAGE_CACHE=1)", args.on, True),
    ):
        if not path or not Path(path).exists():
            continue
        record = json.loads(Path(path).read_text())
        queries = json.loads(Path(record["queries_file"]).read_text())
        table, failures = mode_table(record, pages, queries, cached)
        out += [f"## {label}", "", table, ""]
        if cached and "absent" in info["page_cache_setting"]:
            out += [
                "Note: this build has no page cache (settings.PAGE_CACHE is absent), so "
                "this table measures the same code as the one above.",
                "",
            ]
        all_failures += [f"{label}: {f}" for f in failures]
    if all_failures:
        out += ["## Failures", "", *(f"- {f}" for f in all_failures), ""]
    else:
        out += ["All targets met.", ""]
    text = "\n".join(out)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(text)
    print(text)
    sys.exit(1 if all_failures else 0)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("pages")
    p.add_argument("--out", required=True)
    p = sub.add_parser("queries")
    p.add_argument("--pages", required=True)
    p.add_argument("--out", required=True)
    p = sub.add_parser("measure")
    p.add_argument("--base", required=True)
    p.add_argument("--pages", required=True)
    p.add_argument("--mode", required=True)
    p.add_argument("--queries", required=True, help="the queries file of this mode")
    p.add_argument("--duration", type=int, default=10)
    p.add_argument("--warmup", type=int, default=2)
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--master-pid", type=int, required=True)
    p.add_argument("--max-seconds", type=int, default=3600)
    p.add_argument("--out", required=True)
    p = sub.add_parser("report")
    p.add_argument("--pages", required=True)
    p.add_argument("--off")
    p.add_argument("--on")
    p.add_argument("--meta", required=True, help="JSON: commit, volume, cpus, load, ...")
    p.add_argument("--out", required=True)
    args = parser.parse_args()
    {"pages": cmd_pages, "queries": cmd_queries, "measure": cmd_measure, "report": cmd_report}[
        args.command
    ](args)


if __name__ == "__main__":
    main()
