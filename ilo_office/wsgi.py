"""WSGI entry point: `gunicorn ilo_office.wsgi` (see README, "Production")."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ilo_office.settings")

application = get_wsgi_application()
