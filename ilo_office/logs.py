"""One line per log event, with the request it belongs to (README, "Faults, health
checks and logs").

Every line is a JSON object: `ts` (ISO 8601, UTC, milliseconds: Django sets the
process's TZ to the office's zone while gunicorn's master keeps the machine's, so local
times would disagree between the two), `level`, `logger`, `msg`, `request_id` when the
event happened while a request was being answered, and for an exception its type,
message and the innermost frames of its traceback folded into the one string field
`exc` (the full chain of a failed request was ~7 KB over ~80 lines).

The request id comes from `X-Request-ID` when our own reverse proxy sets it (see
`ilo_office.faults.RequestIdMiddleware`), otherwise it is generated; it is echoed in the
response's `X-Request-ID`, so a reader's report of an error page can be matched to its
log line.

ERROR_REPORTER (settings, from the environment): the dotted path of a callable
`report(exc, *, request_id, record)` called for every logged event at ERROR or above
that carries an exception (e.g. a small function posting to an error tracker). It
runs inside logging: an exception it raises is reported on stderr by logging and
never reaches the reader.
"""

import contextvars
import datetime
import json
import logging
import traceback

from django.conf import settings
from django.utils.module_loading import import_string

request_id_var = contextvars.ContextVar("request_id", default=None)

# Innermost frames kept in `exc`; the frames that matter are near the raise, the
# outer ones are Django's handler chain, the same for every request.
TRACEBACK_FRAMES = 8
TRACEBACK_MAX_CHARS = 3000
# Attributes every LogRecord has; anything else was passed as `extra=` and is logged
# when it is plain data.
_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message", "asctime"}
_EXTRA_TYPES = (str, int, float, bool, type(None))


class RequestIdFilter(logging.Filter):
    """Puts the current request id on every record (None outside a request)."""

    def filter(self, record):
        if getattr(record, "request_id", None) is None:
            record.request_id = request_id_var.get()
        return True


class GunicornAccessFilter(logging.Filter):
    """Lifts the request id out of gunicorn's access line into its own field."""

    def filter(self, record):
        atoms = record.args if isinstance(record.args, dict) else {}
        request_id = atoms.get("{x-request-id}o")
        if request_id and request_id != "-":
            record.request_id = request_id
        return True


def iso_utc(created):
    moment = datetime.datetime.fromtimestamp(created, tz=datetime.UTC)
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def fold_exception(exc_info):
    """The innermost frames of the exception, and one line for each exception it came
    from, as one string (json.dumps escapes its newlines: the field stays one line).

    The chain's own tracebacks are left out: they are mostly library internals (a Redis
    error is three chained exceptions deep) and tripled the size of every line.
    """
    exc_type, exc, tb = exc_info
    text = "".join(
        traceback.format_exception(exc_type, exc, tb, limit=-TRACEBACK_FRAMES, chain=False)
    )
    cause, seen = exc, set()
    while cause is not None and id(cause) not in seen:
        seen.add(id(cause))
        cause = cause.__cause__ or (None if cause.__suppress_context__ else cause.__context__)
        if cause is not None:
            text += f"from {type(cause).__name__}: {str(cause)[:300]}\n"
    text = text.rstrip()
    if len(text) > TRACEBACK_MAX_CHARS:
        text = "..." + text[-TRACEBACK_MAX_CHARS:]
    return text


class JsonFormatter(logging.Formatter):
    """One JSON object per line (see the module docstring)."""

    def format(self, record):
        entry = {
            "ts": iso_utc(record.created),
            "level": record.levelname,
            "logger": record.name,
            "msg": record.getMessage(),
            "request_id": getattr(record, "request_id", None) or request_id_var.get(),
        }
        request = getattr(record, "request", None)
        if request is not None and hasattr(request, "method"):
            # django.request passes the request itself: its method and path, never
            # its headers, cookies or body.
            entry["method"] = request.method
            entry["path"] = getattr(request, "path", "")
        for key, value in vars(record).items():
            plain = isinstance(value, _EXTRA_TYPES)
            if plain and key not in _STANDARD and key not in entry and key != "request":
                entry[key] = value
        if record.exc_info and record.exc_info[0] is not None:
            entry["exc_type"] = record.exc_info[0].__name__
            entry["exc_message"] = str(record.exc_info[1])[:500]
            entry["exc"] = fold_exception(record.exc_info)
        elif record.exc_text:
            entry["exc"] = record.exc_text
        if record.stack_info:
            entry["stack"] = record.stack_info
        return json.dumps(entry, ensure_ascii=False, default=str)


class ErrorReporterHandler(logging.Handler):
    """Hands every logged exception at ERROR or above to settings.ERROR_REPORTER."""

    def __init__(self, level=logging.ERROR):
        super().__init__(level)

    def emit(self, record):
        if not record.exc_info or record.exc_info[1] is None:
            return
        path = getattr(settings, "ERROR_REPORTER", "")
        if not path:
            return
        try:
            report = import_string(path)
            report(
                record.exc_info[1],
                request_id=getattr(record, "request_id", None) or request_id_var.get(),
                record=record,
            )
        except Exception:
            self.handleError(record)
