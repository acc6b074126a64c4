"""The load and the faults of benchmarks/faults (README, "Faults, health checks and logs").

Run by benchmarks/faults against a gunicorn it started (production settings, PostgreSQL
with the volume data, Redis as the cache). For `--duration` seconds, `--clients` threads
read a mix of public pages in both languages (cached and uncached: list pages with
random page numbers); probes ask /healthz and /readyz twice a second; the workers' RSS
is sampled every 5 s. Meanwhile, in order:

1. PostgreSQL is stopped (fast shutdown: connections in use are cut), kept down
   `--pg-down` seconds, during which a signed-in staff member saves an article, and
   started again;
2. Redis (the cache) is stopped for 15 s, then started again;
3. gunicorn is reloaded (HUP) twice.

Every request is classified by when it started. Prints a table of checks and exits 1
when one fails. Commands for the faults come from the environment (FAULTS_PG_STOP,
FAULTS_PG_START, FAULTS_REDIS_STOP, FAULTS_REDIS_START, FAULTS_READ_TITLE), run with
bash; only 127.0.0.1 is measured.
"""

import argparse
import contextlib
import http.client
import json
import os
import random
import re
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

import requests

MAX_OUTAGE_SECONDS = 3.0  # the slowest answer allowed while the database is down
MAX_SECONDS = 10.0  # the slowest answer allowed, reloads aside
# While gunicorn reloads, requests queue until the new workers have booted (gunicorn
# stops the old ones at once); the bound is then the worker timeout, and none may fail.
MAX_RELOAD_SECONDS = 30.0
RECOVERY_SECONDS = 10.0  # database back -> pages and readiness answer 200 again
RSS_GROWTH = 1.25  # the workers' RSS at the end against the same workers' early on
T0 = time.monotonic()


def now():
    return time.monotonic() - T0


def shell(name):
    command = os.environ[name]
    # The commands come from benchmarks/faults itself (pg_ctl, redis-server), not a user.
    return subprocess.run(  # noqa: S603
        ["bash", "-c", command],  # noqa: S607
        capture_output=True,
        text=True,
        timeout=90,
        check=True,
    ).stdout.strip()


class Recorder:
    def __init__(self):
        self.requests = []  # (start, end, path, status, retry_after, branded)
        self.lock = threading.Lock()

    def add(self, *row):
        with self.lock:
            self.requests.append(row)


def fetch(host, port, path, timeout=30):
    """(status or 'conn: error', Retry-After or None, body) of one GET."""
    conn = http.client.HTTPConnection(host, port, timeout=timeout)
    try:
        conn.request("GET", path, headers={"Host": "127.0.0.1"})
        response = conn.getresponse()
        body = response.read()
        return response.status, response.getheader("Retry-After"), body
    except OSError as exc:
        return f"conn: {type(exc).__name__}", None, b""
    finally:
        conn.close()


def reader(base, paths, stop, recorder, seed):
    host, port = urlsplit(base).hostname, urlsplit(base).port
    rng = random.Random(seed)  # noqa: S311 (which page to read next, not a secret)
    while not stop.is_set():
        path = rng.choice(paths)
        if path.endswith("?q="):
            # A search nobody made before: never in the page cache, so it needs the
            # database (and answers 503 while it is down).
            path += f"labour+{rng.randint(1, 10**9)}"
        elif path.endswith("?page="):
            path += str(rng.randint(1, 4))  # pages that exist at --scale 0.1
        start = now()
        status, retry_after, body = fetch(host, port, path)
        branded = b"ILO" in body and b"Traceback" not in body
        recorder.add(start, now(), path, status, retry_after, branded)


def probe(base, path, stop, rows, interval=0.5):
    host, port = urlsplit(base).hostname, urlsplit(base).port
    while not stop.is_set():
        start = now()
        status, _retry, body = fetch(host, port, path, timeout=MAX_RELOAD_SECONDS)
        rows.append((start, now() - start, status, body[:300]))
        stop.wait(interval)


def worker_rss(master_pid):
    done = subprocess.run(  # noqa: S603
        ["ps", "-o", "pid=,rss=", "--ppid", str(master_pid)],  # noqa: S607
        capture_output=True,
        text=True,
        timeout=10,
        check=False,
    )
    return {int(p): int(r) / 1024 for p, r in (line.split() for line in done.stdout.splitlines())}


def sampler(pidfile, stop, samples):
    while not stop.is_set():
        with contextlib.suppress(OSError, ValueError):  # gunicorn between pid files
            samples.append((now(), worker_rss(int(Path(pidfile).read_text().strip()))))
        stop.wait(5)


class Staff:
    """A signed-in staff member with an article's change form open.

    The cookies are kept by hand: production settings mark them Secure, and an HTTP
    client would not send them back over the plain HTTP of 127.0.0.1.
    """

    def __init__(self, base, username, password, change_path):
        self.base, self.change_path, self.cookies = base, change_path, {}
        login = f"{base}/admin/login/"
        page = self.request("get", login)
        response = self.request(
            "post",
            login,
            data={
                "csrfmiddlewaretoken": self.token(page.text),
                "username": username,
                "password": password,
                "next": "/admin/",
            },
        )
        if response.status_code != 302:
            sys.exit(f"staff sign-in failed: {response.status_code}")
        self.form = self.request("get", base + change_path).text

    def request(self, method, url, **kwargs):
        response = requests.request(
            method,
            url,
            cookies=self.cookies,
            headers={"Referer": url},
            timeout=30,
            allow_redirects=False,
            **kwargs,
        )
        self.cookies.update(response.cookies.get_dict())
        return response

    @staticmethod
    def token(html):
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)

    def save(self, title):
        start = time.monotonic()
        response = self.request(
            "post",
            self.base + self.change_path,
            data={"csrfmiddlewaretoken": self.token(self.form), "title_en": title, "_save": "Save"},
        )
        return response, time.monotonic() - start


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", required=True)
    parser.add_argument("--pages", required=True)
    parser.add_argument("--pidfile", required=True)
    parser.add_argument("--log", required=True)
    parser.add_argument("--duration", type=int, default=180)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--pg-down", type=int, default=10)
    parser.add_argument("--staff", required=True, help="username:password")
    parser.add_argument("--change-path", required=True)
    args = parser.parse_args()
    if not args.base.startswith("http://127.0.0.1:"):
        sys.exit("measures 127.0.0.1 only")

    paths = [p["path"] for p in json.loads(Path(args.pages).read_text())["pages"]]
    paths = [p for p in paths if not p.startswith("/_ceiling")]
    paths += ["/vi" + p for p in paths if p.startswith(("/news", "/events", "/programmes"))]
    paths += ["/news/?page=", "/events/past/?page=", "/search/?q="]

    recorder, stop = Recorder(), threading.Event()
    health, ready, rss = [], [], []
    threads = [
        threading.Thread(target=reader, args=(args.base, paths, stop, recorder, i), daemon=True)
        for i in range(args.clients)
    ]
    threads += [
        threading.Thread(target=probe, args=(args.base, "/healthz", stop, health), daemon=True),
        threading.Thread(target=probe, args=(args.base, "/readyz", stop, ready), daemon=True),
        threading.Thread(target=sampler, args=(args.pidfile, stop, rss), daemon=True),
    ]
    for thread in threads:
        thread.start()
    events = {}

    def at(moment):
        time.sleep(max(0.0, moment - now()))

    def log(text):
        print(f"  {now():6.1f}s  {text}", file=sys.stderr, flush=True)

    d = args.duration
    log(f"load: {args.clients} clients over {len(paths)} addresses for {d}s")
    user, password = args.staff.split(":", 1)
    staff = Staff(args.base, user, password, args.change_path)
    title_before = shell("FAULTS_READ_TITLE")

    at(0.2 * d)
    log("PostgreSQL: stop (fast)")
    events["pg_stop"] = now()
    shell("FAULTS_PG_STOP")
    events["pg_stopped"] = now()
    time.sleep(2)
    log("staff save while the database is down")
    save_response, save_seconds = staff.save("Saved during the outage?")
    time.sleep(max(0, args.pg_down - 2))
    log("PostgreSQL: start")
    shell("FAULTS_PG_START")
    events["pg_started"] = now()

    at(0.45 * d)
    log("Redis: stop for 15 s")
    events["redis_stop"] = now()
    shell("FAULTS_REDIS_STOP")
    time.sleep(15)
    shell("FAULTS_REDIS_START")
    events["redis_started"] = now()
    log("Redis: started")

    at(0.65 * d)
    master = int(Path(args.pidfile).read_text().strip())
    events["hup"] = now()
    for _ in range(2):
        log("gunicorn: HUP (graceful reload)")
        os.kill(master, 1)
        time.sleep(15)
    events["hup_done"] = now()

    at(d)
    stop.set()
    for thread in threads:
        thread.join(timeout=40)
    title_after = shell("FAULTS_READ_TITLE")
    log("load stopped")

    # --- the checks ----------------------------------------------------------------
    rows = recorder.requests
    checks = []

    def check(name, ok, detail):
        checks.append((name, ok, detail))

    pg_end = next(
        (s for s, e, p, st, *_ in sorted(rows) if s >= events["pg_started"] and st == 200),
        None,
    )
    pg_window = (events["pg_stop"], pg_end if pg_end is not None else float("inf"))

    def in_pg(row):
        # A request in flight when PostgreSQL went away had its connection cut: it
        # belongs to the outage too.
        return row[1] >= pg_window[0] and row[0] < pg_window[1]

    def between(a, b):
        return [r for r in rows if a <= r[0] < b]

    outside = [r for r in rows if not in_pg(r)]
    bad_outside = [r for r in outside if r[3] != 200]
    check(
        "reads outside the database outage",
        not bad_outside and len(outside) > 0,
        f"{len(outside)} requests, {len(bad_outside)} not 200"
        + (f" (e.g. {bad_outside[0][3]} {bad_outside[0][2]})" if bad_outside else ""),
    )
    during = [r for r in rows if in_pg(r)]
    statuses = {}
    for r in during:
        statuses[r[3]] = statuses.get(r[3], 0) + 1
    bad_during = [r for r in during if r[3] not in (200, 503)]
    unbranded = [r for r in during if r[3] == 503 and not (r[4] and r[5])]
    slow = max((r[1] - r[0] for r in during), default=0)
    check(
        "database outage: branded 503 + Retry-After, no 500",
        not bad_during and not unbranded and statuses.get(503, 0) > 0,
        f"{len(during)} requests {dict(sorted(statuses.items(), key=str))}, "
        f"{len(unbranded)} 503s without Retry-After or branding",
    )
    check(
        f"database outage: every answer within {MAX_OUTAGE_SECONDS:.0f} s",
        slow <= MAX_OUTAGE_SECONDS,
        f"slowest {slow:.2f} s",
    )
    recovered = (pg_end - events["pg_started"]) if pg_end is not None else None
    check(
        "recovers by itself after PostgreSQL is back",
        recovered is not None and recovered <= RECOVERY_SECONDS,
        f"first page 200 {recovered:.2f} s after start"
        if recovered is not None
        else "no page 200 after the restart",
    )
    redis = between(events["redis_stop"], events["redis_started"])
    check(
        "Redis stopped 15 s: no error",
        redis and all(r[3] == 200 for r in redis),
        f"{len(redis)} requests, {sum(r[3] != 200 for r in redis)} not 200",
    )
    hup = between(events["hup"], events["hup_done"] + 2)
    hup_slowest = max((r[1] - r[0] for r in hup), default=0)
    check(
        "two graceful reloads (HUP): no failed request",
        hup and all(r[3] == 200 for r in hup) and hup_slowest <= MAX_RELOAD_SECONDS,
        f"{len(hup)} requests, {sum(r[3] != 200 for r in hup)} failed, slowest "
        f"{hup_slowest:.2f} s (waiting for the new workers to boot)",
    )
    steady = [r for r in rows if not events["hup"] <= r[0] < events["hup_done"] + 2]
    slowest = max((r[1] - r[0] for r in steady), default=0)
    check(
        f"no answer slower than {MAX_SECONDS:.0f} s (reloads aside)",
        slowest <= MAX_SECONDS,
        f"{slowest:.2f} s",
    )
    bad_health = [h for h in health if h[2] != 200]
    check(
        "/healthz 200 throughout",
        health and not bad_health,
        f"{len(health)} probes, {len(bad_health)} not 200, "
        f"slowest {max((h[1] for h in health), default=0):.2f} s",
    )
    ready_down = [r for r in ready if pg_window[0] + 1 <= r[0] < events["pg_started"] - 0.5]
    before = [r for r in ready if r[0] < events["pg_stop"]]
    last = [r for r in ready if r[0] > events["pg_started"] + RECOVERY_SECONDS]
    ready_ok = (
        before
        and all(r[2] == 200 for r in before)
        and ready_down
        and all(r[2] == 503 for r in ready_down)
        and last
        and all(r[2] == 200 for r in last)
    )
    first_back = next((r[0] for r in ready if r[0] > events["pg_started"] and r[2] == 200), None)
    check(
        "/readyz 200, then 503 while down, then 200",
        bool(ready_ok),
        f"{sum(r[2] == 503 for r in ready_down)}/{len(ready_down)} probes 503 while down; "
        + (
            f"200 again {first_back - events['pg_started']:.2f} s after start"
            if first_back
            else "never 200 again"
        )
        + (f"; e.g. {ready_down[0][3][:120]!r}" if ready_down else ""),
    )
    text = save_response.text
    check(
        "staff save during the outage refused clearly",
        save_response.status_code == 503
        and "NOT saved" in text
        and save_response.headers.get("Retry-After"),
        f"{save_response.status_code} in {save_seconds:.2f} s, "
        f"says NOT saved: {'NOT saved' in text}",
    )
    check(
        "nothing of that save was kept",
        title_after == title_before,
        f"title before {title_before!r}, after {title_after!r}",
    )

    # RSS: the workers alive from warm-up until the database outage against themselves at
    # the outage, and the workers after the reloads from their start to the end.
    def growth(a, b):
        first = next((s for s in rss if s[0] >= a), None)
        last_sample = next((s for s in reversed(rss) if s[0] <= b), None)
        if not first or not last_sample:
            return None, ""
        same = set(first[1]) & set(last_sample[1])
        if not same:
            return None, ""
        start = max(first[1][p] for p in same)
        end = max(last_sample[1][p] for p in same)
        return end / start, f"{start:.0f} -> {end:.0f} MB"

    early, early_text = growth(15, events["pg_stop"])
    late, late_text = growth(events["hup_done"] + 5, d)
    flat = all(g is not None and g <= RSS_GROWTH for g in (early, late))
    check(
        "worker RSS flat (largest worker, same pids)",
        flat,
        f"before the outage {early_text}; after the reloads {late_text}",
    )
    log_text = Path(args.log).read_text(errors="replace")
    lines = log_text.splitlines()
    json_lines = sum(1 for line in lines if line.startswith('{"ts": '))
    server_500 = sum(1 for line in lines if "status=500" in line)
    request_errors = sum(
        1 for line in lines if '"logger": "django.request"' in line and '"level": "ERROR"' in line
    )
    outage_lines = [line for line in lines if "database unavailable" in line]
    check(
        "server log: JSON lines, no 500, no request error",
        server_500 == 0 and request_errors == 0 and json_lines > 0,
        f"{len(lines)} lines ({json_lines} JSON), {server_500} status=500, "
        f"{request_errors} django.request errors, {len(outage_lines)} outage warnings of "
        f"~{(sum(map(len, outage_lines)) // max(1, len(outage_lines)))} bytes",
    )

    total = len(rows)
    print()
    print(f"{total} requests in {d} s ({total / d:.1f}/s), {args.clients} clients")
    print(
        f"timeline (s): PostgreSQL stop {events['pg_stop']:.1f}, start "
        f"{events['pg_started']:.1f}; Redis {events['redis_stop']:.1f}-"
        f"{events['redis_started']:.1f}; HUP {events['hup']:.1f}-{events['hup_done']:.1f}"
    )
    print()
    print("| check | result | detail |")
    print("| --- | --- | --- |")
    for name, ok, detail in checks:
        print(f"| {name} | {'PASS' if ok else 'FAIL'} | {detail} |")
    if outage_lines:
        print("\nan outage log line:", outage_lines[0][:400])
    print("\nslowest requests (start s, seconds, status, path):")
    for r in sorted(rows, key=lambda r: r[0] - r[1])[:5]:
        print(f"  {r[0]:6.1f}  {r[1] - r[0]:5.2f}  {r[3]}  {r[2]}")
    failed = [r for r in rows if r[3] not in (200, 503)] + [r for r in outside if r[3] == 503]
    if failed:
        print("failed requests (start s, seconds, status, path):")
        for r in sorted(failed)[:10]:
            print(f"  {r[0]:6.1f}  {r[1] - r[0]:5.2f}  {r[3]}  {r[2]}")
    for h in [h for h in health if h[2] != 200][:5]:
        print(f"/healthz at {h[0]:.1f} s: {h[2]} after {h[1]:.2f} s")
    return 0 if all(ok for _n, ok, _d in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
