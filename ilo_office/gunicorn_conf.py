"""gunicorn's settings for production.

    gunicorn -c python:ilo_office.gunicorn_conf ilo_office.wsgi

Its own lines (start, worker boot and timeouts) and its access log use the site's JSON
line format (ilo_office/logs.py): UTC timestamps in both the master and the workers,
where gunicorn's default format prints each process's local time (Django sets the
workers' TZ to the office's zone, the master keeps the machine's). The access line
carries the request id the app put in `X-Request-ID`, so it can be matched with the
app's lines for the same request.

Every value can be overridden on the command line or with GUNICORN_CMD_ARGS.
"""

import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", "3"))
# A worker stuck longer than this (e.g. on a database that stopped answering without
# closing its connections, which no client-side timeout of libpq bounds) is replaced.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
# A reload (HUP) or stop lets requests in flight finish first.
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
# Workers are replaced now and then, so that slow growth never becomes a problem.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "5000"))
max_requests_jitter = max_requests // 10
accesslog = "-"
errorlog = "-"
access_log_format = (
    'remote=%(h)s method=%(m)s path="%(U)s" query="%(q)s" status=%(s)s bytes=%(B)s '
    'duration_ms=%(M)s request_id=%({x-request-id}o)s agent="%(a)s"'
)

logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "ilo_office.logs.JsonFormatter"}},
    "filters": {"access": {"()": "ilo_office.logs.GunicornAccessFilter"}},
    "handlers": {
        "stderr": {
            "class": "logging.StreamHandler",
            "formatter": "json",
            "stream": "ext://sys.stderr",
        },
        "stdout": {
            "class": "logging.StreamHandler",
            "formatter": "json",
            "stream": "ext://sys.stdout",
            "filters": ["access"],
        },
    },
    # gunicorn merges this over its own defaults, whose root logger names a handler
    # that is replaced here.
    "root": {"handlers": ["stderr"], "level": "INFO"},
    "loggers": {
        "gunicorn.error": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
        "gunicorn.access": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
    },
}
