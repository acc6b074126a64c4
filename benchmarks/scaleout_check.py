"""The scale-out check of benchmarks/scaleout: two app servers, one cache, one media store.

Staff work on server A; readers are served by server B. Through A's admin (signed in
with a CSRF token, as a browser would, behind a proxy that says https) a photo is
uploaded and an article using it is published; then B, which had just cached /news/,
must list the new article at once, and the photo on B's article page must come from
the S3-compatible store and be an image. Prints PASS/FAIL lines; exits 1 on a failure.

Standard library plus Pillow and boto3 (both in the project's virtualenv). Talks to
127.0.0.1 only.
"""

import argparse
import html
import http.client
import io
import re
import secrets
import sys
import time
import uuid
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlsplit
from urllib.request import urlopen

import boto3
from PIL import Image, ImageChops, ImageStat

failures = []


def report(ok, message):
    print(f"{'PASS' if ok else 'FAIL'} {message}", flush=True)
    if not ok:
        failures.append(message)
    return ok


class FormParser(HTMLParser):
    """The fields a browser would submit from the form whose id is `form_id`."""

    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.fields = []  # (name, value) in document order, like a browser
        self.buttons = set()
        self.select = None  # [name, multiple, options, selected]
        self.textarea = None  # [name, text]

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.inside = a.get("id") == self.form_id
            return
        if not self.inside:
            return
        name = a.get("name")
        if tag == "input" and name:
            kind = (a.get("type") or "text").lower()
            if kind in {"submit", "button", "image"}:
                self.buttons.add(name)
            elif kind in {"checkbox", "radio"}:
                if "checked" in a:
                    self.fields.append((name, a.get("value") or "on"))
            elif kind != "file":
                self.fields.append((name, a.get("value") or ""))
        elif tag == "button" and name:
            self.buttons.add(name)
        elif tag == "select" and name:
            self.select = [name, "multiple" in a, [], []]
        elif tag == "option" and self.select is not None:
            value = a.get("value", "")
            self.select[2].append(value)
            if "selected" in a:
                self.select[3].append(value)
        elif tag == "textarea" and name:
            self.textarea = [name, ""]

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form" and self.inside:
            self.inside = False
        elif tag == "select" and self.select is not None:
            name, multiple, options, selected = self.select
            if not selected and not multiple and options:
                selected = options[:1]
            self.fields += [(name, v) for v in selected]
            self.select = None
        elif tag == "textarea" and self.textarea is not None:
            self.fields.append((self.textarea[0], self.textarea[1].lstrip("\n")))
            self.textarea = None


def parse_form(body, form_id):
    parser = FormParser(form_id)
    parser.feed(body)
    return parser


def merged(fields, changes):
    """The form's fields with `changes` replacing (or adding) values by name."""
    out = [(n, v) for n, v in fields if n not in changes]
    for name, value in changes.items():
        if isinstance(value, list):
            out += [(name, v) for v in value]
        else:
            out.append((name, value))
    return out


def multipart(fields, files):
    boundary = f"----bench{uuid.uuid4().hex}"
    parts = []
    for name, value in fields:
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode()
            + str(value).encode()
            + b"\r\n"
        )
    for name, (filename, content, ctype) in files.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="{filename}"\r\nContent-Type: {ctype}\r\n\r\n'.encode()
            + content
            + b"\r\n"
        )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


class Browser:
    """One server, one cookie jar; requests as the reverse proxy passes them (https)."""

    def __init__(self, base):
        parts = urlsplit(base)
        if parts.hostname != "127.0.0.1":
            sys.exit("the check talks to 127.0.0.1 only")
        self.host, self.port = parts.hostname, parts.port
        self.origin = f"https://{self.host}:{self.port}"
        self.cookies = {}

    def request(self, method, path, body=None, content_type=None):
        headers = {"X-Forwarded-Proto": "https", "Host": f"{self.host}:{self.port}"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if body is not None:
            headers["Content-Type"] = content_type
            headers["Origin"] = self.origin
            headers["Referer"] = self.origin + path
        connection = http.client.HTTPConnection(self.host, self.port, timeout=60)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            data = response.read()
        finally:
            connection.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            cookie = SimpleCookie()
            cookie.load(header)
            for key, morsel in cookie.items():
                if morsel.value and morsel["max-age"] != "0":
                    self.cookies[key] = morsel.value
                else:
                    self.cookies.pop(key, None)
        return response.status, response.headers, data.decode("utf-8", "replace")

    def get(self, path):
        return self.request("GET", path)

    def post_form(self, path, fields, files=None):
        if files:
            body, ctype = multipart(fields, files)
        else:
            body, ctype = urlencode(fields).encode(), "application/x-www-form-urlencoded"
        return self.request("POST", path, body, ctype)


def form_errors(body):
    found = re.findall(r'<ul class="errorlist[^"]*"[^>]*>(.*?)</ul>', body, re.S)
    return "; ".join(html.unescape(re.sub(r"<[^>]+>", " ", e)).strip() for e in found)[:600]


def sign_in(browser, admin, username, password):
    status, _headers, body = browser.get(f"/{admin}login/?next=/{admin}")
    form = parse_form(body, "login-form")
    fields = merged(form.fields, {"username": username, "password": password})
    status, _headers, body = browser.post_form(f"/{admin}login/?next=/{admin}", fields)
    return report(
        status == 302 and "sessionid" in browser.cookies,
        f"signed in to server A's admin as {username} (HTTP {status}"
        f"{'' if status == 302 else ': ' + form_errors(body)})",
    )


def test_photo(width=1400, height=900):
    """A JPEG with some structure, so its renditions are real images."""
    image = Image.new("RGB", (width, height), (0, 94, 184))
    for x in range(0, width, 50):
        for y in range(0, height, 50):
            if (x + y) // 50 % 3 == 0:
                image.paste((255, 202, 40), (x, y, x + 25, y + 25))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


def upload_photo(browser, admin, title, content):
    path = f"/{admin}ilo_office/photo/add/"
    status, _h, body = browser.get(path)
    form = parse_form(body, "photo_form")
    if not report(status == 200 and form.fields, f"photo add form on A (HTTP {status})"):
        return None
    fields = merged(
        form.fields,
        {
            "title": title,
            "alt_text_en": "Coloured squares (scale-out check)",
            "credit": "benchmarks/scaleout",
            "_continue": "1",
        },
    )
    status, headers, body = browser.post_form(
        path, fields, {"image": ("scaleout-check.jpg", content, "image/jpeg")}
    )
    match = re.search(r"/photo/(\d+)/change/", headers.get("Location") or "")
    report(
        status == 302 and match is not None,
        f"photo uploaded through A's admin (HTTP {status}"
        f"{'' if status == 302 else ': ' + form_errors(body)})",
    )
    return match.group(1) if match else None


def publish_article(browser, admin, title, slug, photo_id):
    path = f"/{admin}newsroom/article/add/"
    status, _h, body = browser.get(path)
    form = parse_form(body, "article_form")
    if not report(status == 200 and form.fields, f"article add form on A (HTTP {status})"):
        return False
    if not report("_publish" in form.buttons, "A's article form has the Publish button"):
        return False
    changes = {
        "title_en": title,
        "slug": slug,
        "standfirst_en": "Published through server A, read through server B.",
        "body_en": "<p>Written by benchmarks/scaleout to check the shared cache.</p>",
        "_publish": "1",
    }
    if photo_id:
        changes["hero"] = photo_id
    status, _headers, body = browser.post_form(path, merged(form.fields, changes))
    return report(
        status == 302,
        f"article published through A's admin, Publish button (HTTP {status}"
        f"{'' if status == 302 else ': ' + form_errors(body)})",
    )


def media_urls(body, media_url):
    """Every URL in src/srcset attributes of the page that points at the media store."""
    urls = []
    for attr in re.findall(r'\s(?:src|srcset)="([^"]+)"', body):
        for candidate in html.unescape(attr).split(","):
            url = candidate.strip().split(" ")[0]
            if url.startswith(media_url):
                urls.append(url)
    return urls


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--a", required=True, help="server A, e.g. http://127.0.0.1:8001")
    parser.add_argument("--b", required=True, help="server B")
    parser.add_argument("--username", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--admin", default="admin/")
    parser.add_argument("--media-url", required=True, help="public URL of the bucket")
    parser.add_argument("--endpoint", required=True, help="the S3 endpoint")
    parser.add_argument("--bucket", required=True)
    parser.add_argument("--media-root", action="append", default=[], help="must stay empty")
    parser.add_argument("--redis-port", type=int)
    args = parser.parse_args()
    admin = args.admin.strip("/") + "/"

    a, b = Browser(args.a), Browser(args.b)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    title = f"Scale-out check {stamp} {secrets.token_hex(3)}"
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")

    # B serves /news/ (twice: the second is its cached copy when the page cache is on).
    for _ in range(2):
        status, headers, before = b.get("/news/")
    report(status == 200 and title not in before, f"B serves /news/ (HTTP {status})")
    state = headers.get("X-Page-Cache")
    if state is None:
        print("SKIP no X-Page-Cache header: this build has no page cache to check", flush=True)
    else:
        report(state == "hit", f"B served /news/ again from the shared page cache ({state})")
    if args.redis_port:
        import redis

        keys = redis.Redis(port=args.redis_port).dbsize()
        print(f"INFO the shared Redis holds {keys} keys after B served /news/", flush=True)

    if not sign_in(a, admin, args.username, args.password):
        return finish()
    content = test_photo()
    photo_id = upload_photo(a, admin, f"Scale-out check photo {stamp}", content)
    if not publish_article(a, admin, title, slug, photo_id):
        return finish()

    # At once: no sleep, B must not serve its older copy of /news/.
    status, headers, after = b.get("/news/")
    report(
        status == 200 and html.escape(title) in after,
        "the article published through A is on B's /news/ at once"
        f" (X-Page-Cache: {headers.get('X-Page-Cache', 'absent')})",
    )
    status, _h, page = b.get(f"/news/{slug}/")
    report(status == 200 and html.escape(title) in page, f"B serves the article (HTTP {status})")

    if photo_id:
        urls = media_urls(page, args.media_url)
        report(bool(urls), f"B's article page shows the photo from {args.media_url}")
        for url in sorted(set(urls))[:10]:  # the WebP and JPEG renditions, each width
            try:
                with urlopen(url, timeout=30) as response:  # noqa: S310 (127.0.0.1, checked)
                    ctype = response.headers.get("Content-Type", "")
                    data = response.read()
            except OSError as error:  # HTTPError included
                ctype, data = f"error: {error}", b""
            try:
                with Image.open(io.BytesIO(data)) as image:
                    decoded = f"{image.format} {image.width}x{image.height}"
            except OSError:
                decoded = None
            report(
                ctype.startswith("image/") and decoded is not None,
                f"a photo URL as served to readers returns an image ({url}: {ctype}, {decoded})",
            )
        s3 = boto3.client(
            "s3",
            endpoint_url=args.endpoint,
            region_name="us-east-1",
            aws_access_key_id="testing",
            aws_secret_access_key="testing",  # noqa: S106 (moto's emulator)
        )
        listing = s3.list_objects_v2(Bucket=args.bucket, Prefix="photos/")
        originals = [
            o["Key"]
            for o in listing.get("Contents", [])
            if o["Key"].endswith(".jpg") and "/renditions/" not in o["Key"]
        ]
        # The site stores its own copy of an upload, written again without metadata
        # (README, "Photos: what is stored and served"): the same picture, not the same
        # bytes. It must be in the bucket: the upload's size, and its pixels to within
        # JPEG's re-encoding.
        with Image.open(io.BytesIO(content)) as uploaded:
            uploaded = uploaded.convert("RGB")
        stored = []
        for key in originals:
            body = s3.get_object(Bucket=args.bucket, Key=key)["Body"].read()
            with Image.open(io.BytesIO(body)) as image:
                if image.size == uploaded.size:
                    difference = ImageChops.difference(image.convert("RGB"), uploaded)
                    stored.append((key, max(ImageStat.Stat(difference).mean)))
        same = [key for key, mean in stored if mean < 4]
        report(
            bool(same),
            "the uploaded photo is in the S3 bucket (the site's copy: same size, same "
            f"pixels to within re-encoding; {same[:1] or stored[:3]})",
        )
    for root in args.media_root:
        files = [p for p in Path(root).rglob("*") if p.is_file()] if Path(root).exists() else []
        report(not files, f"no media written to an app server's disk ({root})")
    return finish()


def finish():
    if failures:
        print(f"FAIL scale-out check: {len(failures)} failure(s)", flush=True)
        sys.exit(1)
    print("PASS scale-out check", flush=True)
    sys.exit(0)


if __name__ == "__main__":
    main()
