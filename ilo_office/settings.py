"""Settings for the ILO Country Office for Viet Nam site.

One module, configured from environment variables (see README, "Production").
Insecure conveniences (a throwaway SECRET_KEY, a SQLite file, local hosts) exist
only when DEBUG is on; with DEBUG off a missing SECRET_KEY is an error.
"""

import datetime
import ipaddress
import sys
from pathlib import Path

import environ
from csp.constants import NONCE
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)

if DEBUG:
    SECRET_KEY = env(
        "SECRET_KEY", default="django-insecure-local-development-only-not-for-production-use"
    )
    ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
else:
    SECRET_KEY = env("SECRET_KEY", default="")
    if not SECRET_KEY:
        raise ImproperlyConfigured("Set SECRET_KEY (or DEBUG=1 for local development).")
    ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])

CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # Before the admin, so that its admin classes can show both languages.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",  # /sitemap.xml (its template)
    "django_filters",
    "axes",  # counts failed sign-ins and pauses them (ilo_office/security.py)
    # Revisions of every admin save, their comparison, and recovery of deleted items.
    "reversion",
    "reversion_compare",
    "django_prose_editor",
    "ilo_office",
    "programmes",
    "newsroom",
    "events",
    "opportunities",
    "contact",
    "publications",
    "subscriptions",
    "ilo_office.pages",
    "ilo_office.backoffice",
]

MIDDLEWARE = [
    # First: every response (cached pages, redirects, errors) carries the request id,
    # and every log line written while answering it (ilo_office/logs.py).
    "ilo_office.faults.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Outermost with SecurityMiddleware: static files and stored pages get the header too.
    "ilo_office.security.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # ETags on every GET and 304s for If-None-Match / If-Modified-Since (feeds send
    # Last-Modified), for cached and uncached answers alike: outside the page cache.
    "django.middleware.http.ConditionalGetMiddleware",
    # Before sessions, language and CSRF: a stored page is served without any of them.
    "ilo_office.pagecache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Views that hit an unreachable database answer the branded 503 (ilo_office/faults.py).
    # Its answer still passes every middleware above on the way out (security headers,
    # CSP, the request id); the page cache stores only 200s, so never the 503.
    "ilo_office.faults.DatabaseUnavailableMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into the "paused" page.
    "axes.middleware.AxesMiddleware",
]

# The lockout check first, then the ordinary username and password check.
AUTHENTICATION_BACKENDS = [
    "ilo_office.security.AxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "ilo_office.urls"
WSGI_APPLICATION = "ilo_office.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "ilo_office.context_processors.today",
                "ilo_office.pages.context_processors.office_pages",
                "contact.context_processors.office_contact",
            ],
        },
    },
]

# The quick start needs no database server: a SQLite file beside manage.py.
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Site search runs one large statement whose planning cost more than running it
    # (~9 ms a search): it asks psycopg to prepare it, once per connection
    # (ilo_office.search). Django turns preparing off (prepare_threshold None); a
    # threshold no statement reaches keeps every other query unprepared, as before.
    # Behind PgBouncer, use session pooling or PgBouncer 1.21+ (max_prepared_statements).
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("prepare_threshold", 2**31 - 1)
# Bounds on every wait for PostgreSQL, so that a database that is down or stuck costs a
# reader a quick 503 (ilo_office/faults.py), not a worker hung until gunicorn kills it.
# In seconds; 0 turns one off. Management commands (migrate, generate_volume_data, a
# restore) run long statements and take locks on purpose: they get only the connect
# and idle-in-transaction bounds unless DB_STATEMENT_TIMEOUT / DB_LOCK_TIMEOUT are set.
_MANAGEMENT_COMMAND = Path(sys.argv[0]).name == "manage.py" and sys.argv[1:2] != ["runserver"]
DB_CONNECT_TIMEOUT = env.int("DB_CONNECT_TIMEOUT", default=3)
DB_STATEMENT_TIMEOUT = env.float("DB_STATEMENT_TIMEOUT", default=0 if _MANAGEMENT_COMMAND else 10)
DB_LOCK_TIMEOUT = env.float("DB_LOCK_TIMEOUT", default=0 if _MANAGEMENT_COMMAND else 5)
DB_IDLE_IN_TRANSACTION_TIMEOUT = env.float("DB_IDLE_IN_TRANSACTION_TIMEOUT", default=60)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    _options = DATABASES["default"].setdefault("OPTIONS", {})
    # libpq waits at least 2 s (it rounds smaller values up).
    _options.setdefault("connect_timeout", DB_CONNECT_TIMEOUT)
    _server_timeouts = {
        "statement_timeout": DB_STATEMENT_TIMEOUT,
        "lock_timeout": DB_LOCK_TIMEOUT,
        "idle_in_transaction_session_timeout": DB_IDLE_IN_TRANSACTION_TIMEOUT,
    }
    _options["options"] = " ".join(
        [
            _options.get("options", ""),
            *(f"-c {name}={int(seconds * 1000)}" for name, seconds in _server_timeouts.items()),
        ]
    ).strip()
# Seconds a reader is asked to wait (Retry-After) while the database is unreachable.
DATABASE_OUTAGE_RETRY_AFTER = env.int("DATABASE_OUTAGE_RETRY_AFTER", default=30)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The shared cache: pages, fragments and the content generation (ilo_office/cache.py).
# Production sets CACHE_URL=rediscache://host:6379/1 (django-redis), shared by every app
# server. Without it: per-process memory on a developer's machine (one runserver
# process), and a file cache otherwise, so that gunicorn's workers on one machine share
# one generation (a publish seen by one worker is seen by all).
if env("CACHE_URL", default=""):
    CACHES = {"default": env.cache("CACHE_URL")}
elif DEBUG:
    CACHES = {"default": env.cache_url_config("locmemcache://ilo-office")}
    # Cards and calendar entries are kept one by one: Django's default of 300 entries
    # would evict them while a single list page is being stored.
    CACHES["default"]["OPTIONS"] = {"MAX_ENTRIES": 10_000}
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": env("CACHE_DIR", default=str(BASE_DIR / "var" / "cache")),
            "OPTIONS": {"MAX_ENTRIES": 10_000},
        }
    }
if CACHES["default"]["BACKEND"] == "django_redis.cache.RedisCache":
    # A Redis outage or a slow Redis must cost a cache miss, never a 500 or a hung
    # worker: errors are logged and ignored, and waits are short.
    CACHES["default"].setdefault("OPTIONS", {}).update(
        {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5}
    )
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True

# The page cache (ilo_office/pagecache.py): PAGE_CACHE=0 turns storing pages off, for
# measuring. Entries live at most PAGE_CACHE_SECONDS (fewer if a scheduled item goes
# live sooner); a CDN may keep an anonymous page PAGE_CDN_SECONDS.
PAGE_CACHE = env.bool("PAGE_CACHE", default=True)
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=600)
PAGE_CDN_SECONDS = env.int("PAGE_CDN_SECONDS", default=60)
# Fragments kept per content generation (cards, calendar entries, menus) are also kept
# in each app server process, this many of the most recently used (a few MB; the shared
# cache holds the rest): see ilo_office.fragments.LocalCopies.
FRAGMENT_LOCAL_ENTRIES = env.int("FRAGMENT_LOCAL_ENTRIES", default=5000)
# Names the deployed code in every cache key (ilo_office.cache.release()): a deploy
# never serves pages or fragments an older release rendered. Empty: a fingerprint of the
# code's files, the same on every server running the same code.
RELEASE_ID = env.str("RELEASE_ID", default="")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    # The similarity check misses the username doubled or inside a longer password.
    {"NAME": "ilo_office.security.UsernameInPasswordValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("vi", _("Vietnamese"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Dates and numbers as the office writes them in each language (see ilo_office/formats).
FORMAT_MODULE_PATH = ["ilo_office.formats"]
TIME_ZONE = "Asia/Ho_Chi_Minh"

# Content in both languages (django-modeltranslation): each translated field has an
# English and a Vietnamese column; English is required, and a reader of /vi/ sees
# the English text where no Vietnamese one was written.
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_LANGUAGES = ("en", "vi")
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
MODELTRANSLATION_REQUIRED_LANGUAGES = ("en",)
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env("STATIC_ROOT", default=str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = env("MEDIA_URL", default="/media/")
MEDIA_ROOT = Path(env("MEDIA_ROOT", default=str(BASE_DIR / "media")))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Hashed, compressed names need `collectstatic`; development and tests read
    # the source files directly.
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Media on S3-compatible storage (django-storages) when MEDIA_STORAGE=s3, so that
# app servers keep no files of their own; otherwise local files under MEDIA_ROOT.
# MEDIA_URL, when it is an http(s) URL, is the public address of the bucket (a CDN or
# the bucket itself, e.g. https://media.ilo.org.vn/ or http://127.0.0.1:9000/ilo-media/):
# photo URLs are then built from it by string formatting, without signing, so the same
# page can be cached and shown to everyone. Without it, unsigned URLs on the endpoint.
if env("MEDIA_STORAGE", default="files") == "s3":
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME")
    AWS_S3_ENDPOINT_URL = env("AWS_S3_ENDPOINT_URL", default=None)
    AWS_S3_REGION_NAME = env("AWS_S3_REGION_NAME", default=None)
    AWS_ACCESS_KEY_ID = env("AWS_ACCESS_KEY_ID", default=None)
    AWS_SECRET_ACCESS_KEY = env("AWS_SECRET_ACCESS_KEY", default=None)
    AWS_QUERYSTRING_AUTH = env.bool("AWS_QUERYSTRING_AUTH", default=False)
    AWS_S3_FILE_OVERWRITE = False  # two uploads with one name never replace each other
    if MEDIA_URL.startswith(("http://", "https://")):
        _scheme, _rest = MEDIA_URL.split("//", 1)
        AWS_S3_URL_PROTOCOL = _scheme
        AWS_S3_CUSTOM_DOMAIN = _rest.rstrip("/")

# Uploaded photos are the largest thing staff send; refuse absurd requests early.
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# Photo uploads (ilo_office.images): a larger file, or one with more pixels (a
# decompression bomb announces billions), is refused with a form error before any
# pixel is decoded. 8000x5000 and 15 MB are more than the web needs.
PHOTO_MAX_UPLOAD_BYTES = env.int("PHOTO_MAX_UPLOAD_BYTES", default=15 * 1024 * 1024)
PHOTO_MAX_PIXELS = env.int("PHOTO_MAX_PIXELS", default=40_000_000)
# Terms of reference of vacancies and calls (opportunities/documents.py).
OPPORTUNITY_DOCUMENT_MAX_BYTES = env.int("OPPORTUNITY_DOCUMENT_MAX_BYTES", default=20 * 1024 * 1024)
# Publication PDFs (publications.pdf): a larger file is refused with a form error; of
# each file's text this many characters are kept for search.
PUBLICATION_MAX_UPLOAD_BYTES = env.int("PUBLICATION_MAX_UPLOAD_BYTES", default=50 * 1024 * 1024)
PUBLICATION_TEXT_LIMIT = env.int("PUBLICATION_TEXT_LIMIT", default=200_000)

SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

if not DEBUG:
    # TLS ends at the reverse proxy, which says so in X-Forwarded-Proto.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
    SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)

# One JSON object per line on stderr: timestamp (UTC), level, logger, message, request
# id, and an exception folded into one field (ilo_office/logs.py). gunicorn's own lines
# use the same format (ilo_office/gunicorn_conf.py).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "ilo_office.logs.RequestIdFilter"}},
    "formatters": {"json": {"()": "ilo_office.logs.JsonFormatter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json",
            "filters": ["request_id"],
        },
        "error_reporter": {
            "class": "ilo_office.logs.ErrorReporterHandler",
            "filters": ["request_id"],
        },
    },
    "root": {
        "handlers": ["console", "error_reporter"],
        "level": env("LOG_LEVEL", default="INFO"),
    },
    # Django's own console handler (DEBUG only) would print every line a second time in
    # its plain format: Django's loggers go to the root's handlers instead.
    # runserver's request lines (scripts/serve) too.
    "loggers": {
        "django": {"handlers": [], "level": env("LOG_LEVEL", default="INFO"), "propagate": True},
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}

# Called with every logged exception (ERROR and above): "package.module.function", a
# callable `report(exc, *, request_id, record)`. See ilo_office/logs.py.
ERROR_REPORTER = env("ERROR_REPORTER", default="")
# Sentry, only if the deployment installed sentry-sdk itself (it is not a dependency).
if env("SENTRY_DSN", default=""):
    try:
        import sentry_sdk
    except ImportError as exc:
        raise ImproperlyConfigured("SENTRY_DSN is set but sentry-sdk is not installed.") from exc
    sentry_sdk.init(dsn=env("SENTRY_DSN"), send_default_pii=False)

# The back office's address; behind a prefix of your choice in production.
ADMIN_URL = env("ADMIN_URL", default="admin/").strip("/") + "/"

# E-mail (the subscriptions app; README, "E-mail subscriptions"). EMAIL_URL names the
# backend and server in one value: smtp://user:password@host:587 (plain SMTP),
# smtp+tls://... (STARTTLS), smtps://... (TLS from the start, port 465 unless given),
# console:// (printed on stdout), file:///var/mail/ilo (one file per message in that
# folder). Without it, EMAIL_HOST (and EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD,
# EMAIL_USE_TLS, EMAIL_USE_SSL) as Django reads them; without those either, nothing
# leaves the machine: the console on a developer's machine, files in var/mail/ otherwise.
environ.Env.EMAIL_SCHEMES = {
    **environ.Env.EMAIL_SCHEMES,
    "console": "django.core.mail.backends.console.EmailBackend",
    "file": "django.core.mail.backends.filebased.EmailBackend",
}
EMAIL_URL = env("EMAIL_URL", default="")
if EMAIL_URL:
    _email = {k: v for k, v in env.email_url_config(EMAIL_URL).items() if v not in (None, "")}
    _scheme, _, _rest = EMAIL_URL.partition("://")
    if _scheme == "file":
        # django-environ drops the leading "/" of an absolute path.
        _email["EMAIL_FILE_PATH"] = "/" + _rest.lstrip("/") if _rest.startswith("/") else _rest
    if _scheme == "smtps":
        # django-environ takes smtps for STARTTLS; smtps is TLS from the first byte.
        _email.pop("EMAIL_USE_TLS", None)
        _email["EMAIL_USE_SSL"] = True
        _email.setdefault("EMAIL_PORT", 465)
    globals().update(_email)
elif env("EMAIL_HOST", default=""):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = env("EMAIL_HOST")
    EMAIL_PORT = env.int("EMAIL_PORT", default=25)
    EMAIL_HOST_USER = env("EMAIL_HOST_USER", default="")
    EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", default="")
    EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
    EMAIL_USE_SSL = env.bool("EMAIL_USE_SSL", default=False)
elif DEBUG:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
else:
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = env("EMAIL_FILE_PATH", default=str(BASE_DIR / "var" / "mail"))
# A stuck mail server must not hang the sender for ever.
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=30)
DEFAULT_FROM_EMAIL = env(
    "DEFAULT_FROM_EMAIL", default="ILO Country Office for Viet Nam <no-reply@ilo.org.vn>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# The site's public address, for the links in e-mails (sent from a command, with no
# request to build them from). https in production: List-Unsubscribe needs it.
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
# How long a confirmation link works, and a "manage my subscription" link (seconds).
# Unsubscribe links never expire (RFC 8058: they must work from any old mail).
SUBSCRIPTION_CONFIRM_MAX_AGE = env.int("SUBSCRIPTION_CONFIRM_MAX_AGE", default=3 * 24 * 60 * 60)
SUBSCRIPTION_MANAGE_MAX_AGE = env.int("SUBSCRIPTION_MANAGE_MAX_AGE", default=400 * 24 * 60 * 60)
# Subscribe form: requests per address and per client address in an hour.
SUBSCRIBE_RATE_PER_ADDRESS = env.int("SUBSCRIBE_RATE_PER_ADDRESS", default=3)
SUBSCRIBE_RATE_PER_CLIENT = env.int("SUBSCRIBE_RATE_PER_CLIENT", default=10)
# An address for mailto: unsubscribes in List-Unsubscribe (optional; a mailbox someone
# reads or a script processes), and the shared secret of the bounce hook (empty: off).
SUBSCRIPTION_UNSUBSCRIBE_MAILTO = env("SUBSCRIPTION_UNSUBSCRIBE_MAILTO", default="")
SUBSCRIPTION_BOUNCE_TOKEN = env("SUBSCRIPTION_BOUNCE_TOKEN", default="")

# Items per page on public lists.
PAGE_SIZE = 20
FORMS_URLFIELD_ASSUME_HTTPS = True  # Django 6 behaviour now: a link typed without a scheme is https

# How long a signed preview link (ilo_office/preview.py) opens its item, in seconds.
PREVIEW_LINK_MAX_AGE = env.int("PREVIEW_LINK_MAX_AGE", default=3 * 24 * 60 * 60)

# Back-office security -------------------------------------------------------------

# Sign-in throttling (django-axes; see ilo_office/security.py): after AXES_FAILURE_LIMIT
# wrong passwords for one username from one address, that pair is paused for
# AXES_COOLOFF_MINUTES; after AXES_ADDRESS_FAILURE_LIMIT failures from one address over
# any usernames, that address is. A successful sign-in clears its own pair's count.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_ADDRESS_FAILURE_LIMIT = env.int("AXES_ADDRESS_FAILURE_LIMIT", default=20)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_HANDLER = "ilo_office.security.SignInAttempts"
AXES_RESET_ON_SUCCESS = True
# The pause lasts the time it says, counted from the lockout, not from the last try.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_CALLABLE = "ilo_office.security.locked_out"
AXES_CLIENT_IP_CALLABLE = "ilo_office.security.client_ip"
# Our own reverse proxies (addresses or networks): X-Forwarded-For is read only on
# requests from them, from the right, skipping them (security.client_ip). The default is
# a proxy on the same machine (the documented deploy binds gunicorn to 127.0.0.1); a load
# balancer elsewhere is added by its address or network, e.g. "10.0.0.0/24". Empty: the
# header is never believed.
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", default=["127.0.0.1", "::1"])
for _proxy in TRUSTED_PROXIES:
    try:
        ipaddress.ip_network(_proxy, strict=False)
    except ValueError as error:
        raise ImproperlyConfigured(
            f"TRUSTED_PROXIES: {_proxy!r} is no address or network."
        ) from error

# Sessions are only ever staff sessions (public pages set no cookie). They end eight
# hours after sign-in, a working day, whatever the activity (the expiry is not renewed
# on each request). Not "at browser close": browsers that restore the last session keep
# such cookies for days, so a fixed lifetime is the bound that actually holds.
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=8 * 60 * 60)
SESSION_EXPIRE_AT_BROWSER_CLOSE = False
SESSION_SAVE_EVERY_REQUEST = False

# Content-Security-Policy (django-csp 4), one policy for the public site and the admin:
# everything comes from the site itself (photos may be data: URIs, and come from the
# media host when media live elsewhere); no inline script or style, no framing, forms post
# only to the site. Inline code is allowed only with the request's nonce, which only the
# admin uses (the editor's import map and the empty element that keeps Tiptap from
# injecting its CSS, see admin/base_site.html); django-csp writes the nonce into the
# header only on responses that used it, so public pages say plain 'self'.
_MEDIA_ORIGIN = ["/".join(MEDIA_URL.split("/")[:3])] if MEDIA_URL.startswith("http") else []
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", NONCE],
        "style-src": ["'self'", NONCE],
        "img-src": ["'self'", "data:", *_MEDIA_ORIGIN],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

# Permissions-Policy (ilo_office.security.PermissionsPolicyMiddleware): no page of the
# site uses the camera, microphone, location or any other powerful browser feature, nor
# lets an embedded frame use them.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "encrypted-media",
        "fullscreen",
        "geolocation",
        "gyroscope",
        "hid",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "picture-in-picture",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "sync-xhr",
        "usb",
        "xr-spatial-tracking",
    )
}
